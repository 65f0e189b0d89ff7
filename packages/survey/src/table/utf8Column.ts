import type { DistinctReader, Utf8Column } from './column.js';
import { cellIterator } from './cellIterator.js';
import { numbersOfTexts } from './numberText.js';
import { TextCodes } from './textCodes.js';
import { utf8Slice } from './utf8Text.js';

class Utf8Texts implements Utf8Column {
  readonly kind = 'utf8';
  readonly length: number;

  constructor(
    readonly bytes: Buffer,
    readonly start: Uint32Array,
    readonly end: Uint32Array,
  ) {
    if (end.length !== start.length) throw new Error('utf8Column: start and end of different lengths');
    this.length = start.length;
  }

  get(row: number): string {
    return utf8Slice(this.bytes, this.start[row]!, this.end[row]!);
  }

  [Symbol.iterator](): IterableIterator<string> {
    return cellIterator(this);
  }

  distinctReader(): DistinctReader {
    const dictionary = new TextCodes();
    return {
      levels: dictionary.levels,
      read: (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = dictionary.code(this.get(i));
      },
    };
  }

  readNumbers(): { values: Float64Array; irregular: number[] } {
    return numbersOfTexts(this.length, (i) => this.get(i));
  }

  utf8(): Utf8Column {
    return this;
  }
}

/** A column of texts held as UTF-8 bytes: row i's text is `bytes[start[i] … end[i])`. */
export function utf8Column(bytes: Buffer, start: Uint32Array, end: Uint32Array): Utf8Column {
  return new Utf8Texts(bytes, start, end);
}

/** Any column's texts as UTF-8 bytes (as `Buffer.from(text)` encodes them), in one buffer. */
export function encodeUtf8(column: { readonly length: number; get(row: number): string }): Utf8Column {
  const n = column.length;
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const texts = new Array<string>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const text = column.get(i);
    texts[i] = text;
    total += Buffer.byteLength(text, 'utf8');
  }
  if (total > 0xffffffff) throw new Error('encodeUtf8: more than 4 GB of text');
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    at += bytes.write(texts[i]!, at, 'utf8');
    end[i] = at;
  }
  return new Utf8Texts(bytes, start, end);
}
