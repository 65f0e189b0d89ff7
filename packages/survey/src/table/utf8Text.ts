/**
 * UTF-8 text of a byte range. Buffer's own `utf8Slice` skips the argument checks of `toString`,
 * which dominate for millions of short cells.
 */
export const utf8Slice = (bytes: Buffer, start: number, end: number): string =>
  (bytes as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);
