import type { TextDecoding } from '../textDecoder.js';

/**
 * Collects the values of one string variable as integer codes into distinct values, decoding each
 * distinct byte string once: a million answers "female"/"male" make two strings, not a million. The
 * bytes are hashed (FNV-1a) and compared, so no string is made to look a value up. A column with very
 * many distinct values (names, comments) switches to plain text once it has more than `limit` of them.
 */
export class StringCodes {
  private codes: Int32Array;
  readonly levels: string[] = [];
  private readonly levelBytes: Uint8Array[] = [];
  private readonly levelViews: DataView[] = [];
  private readonly byHash = new Map<number, number[]>();
  private texts: string[] | undefined;

  constructor(
    capacity: number,
    private readonly decoder: TextDecoding,
    private readonly limit = 65536,
  ) {
    this.codes = new Int32Array(capacity);
  }

  /**
   * Adds row `row`'s value, the bytes `source[start, end)` (already without trailing padding);
   * `view` is a DataView over the same bytes, to hash and compare four bytes at a time.
   */
  add(row: number, source: Uint8Array, view: DataView, start: number, end: number): void {
    if (this.texts !== undefined) {
      this.texts[row] = end === start ? '' : this.decoder.decode(source.subarray(start, end));
      return;
    }
    if (end === start) {
      this.codes[row] = -1;
      return;
    }
    // FNV-1a, as table/byteValues.ts (literal constants in the hot loop, as there).
    let hash = 0x811c9dc5;
    let i = start;
    for (; i + 4 <= end; i += 4) hash = Math.imul(hash ^ view.getUint32(i), 0x01000193);
    for (; i < end; i++) hash = Math.imul(hash ^ source[i]!, 0x01000193);
    const candidates = this.byHash.get(hash);
    if (candidates !== undefined) {
      for (const code of candidates) {
        const bytes = this.levelBytes[code]!;
        if (bytes.length !== end - start) continue;
        const level = this.levelViews[code]!;
        let same = true;
        let k = 0;
        for (; k + 4 <= bytes.length; k += 4) {
          if (level.getUint32(k) !== view.getUint32(start + k)) {
            same = false;
            break;
          }
        }
        for (; same && k < bytes.length; k++) if (bytes[k] !== source[start + k]) same = false;
        if (same) {
          this.codes[row] = code;
          return;
        }
      }
    }
    if (this.levels.length >= this.limit) {
      this.texts = this.toTexts(row);
      this.texts[row] = this.decoder.decode(source.subarray(start, end));
      return;
    }
    const code = this.levels.length;
    this.levels.push(this.decoder.decode(source.subarray(start, end)));
    const copy = source.slice(start, end);
    this.levelBytes.push(copy);
    this.levelViews.push(new DataView(copy.buffer));
    if (candidates === undefined) this.byHash.set(hash, [code]);
    else candidates.push(code);
    this.codes[row] = code;
  }

  /** The column: codes into distinct values, or text when it had too many of them. */
  finish(nrow: number): { codes: Int32Array; levels: string[] } | { texts: string[] } {
    if (this.texts !== undefined) return { texts: this.texts.length === nrow ? this.texts : this.texts.slice(0, nrow) };
    return { codes: this.codes.length === nrow ? this.codes : this.codes.slice(0, nrow), levels: this.levels };
  }

  private toTexts(rows: number): string[] {
    const texts = new Array<string>(this.codes.length);
    for (let i = 0; i < rows; i++) {
      const code = this.codes[i]!;
      texts[i] = code < 0 ? '' : this.levels[code]!;
    }
    return texts;
  }
}
