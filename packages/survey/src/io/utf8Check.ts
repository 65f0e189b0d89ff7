import { LeakriskError } from '../errors.js';

const LF = 10;

/** Offset of the first byte that does not start a valid UTF-8 sequence (the length when there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Line feeds in `bytes[from … to)`. */
export function countLineFeeds(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let n = 0;
  let i = bytes.indexOf(LF, from);
  while (i !== -1 && i < to) {
    n++;
    i = bytes.indexOf(LF, i + 1);
  }
  return n;
}

/** The error for a file that is not UTF-8, naming the line of its first invalid byte (counted from `firstLine`). */
export function notUtf8(bytes: Uint8Array, file: string, firstLine = 1): LeakriskError {
  const at = firstInvalidUtf8(bytes);
  return new LeakriskError(
    'the file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)',
    { file, line: firstLine + countLineFeeds(bytes, 0, at) },
    'save the file as "CSV UTF-8" (Excel) or convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`',
  );
}
