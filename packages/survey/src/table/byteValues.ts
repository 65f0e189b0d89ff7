import type { CsvCells, DistinctReader } from './column.js';
import { TextCodes } from './textCodes.js';
import { utf8Slice } from './utf8Text.js';

const QUOTE = 34;
/** Direct slots for texts of up to two bytes: the empty text, 256 one-byte and 65,536 two-byte texts. */
const DIRECT_SLOTS = 1 + 256 + 65536;

/**
 * The distinct texts of one CSV column read from the file's bytes ({@link DistinctReader}): each
 * distinct text is made into a string once. Texts of up to two bytes are looked up directly, longer
 * ones first against the row above (sorted or clustered columns repeat it), then by a hash of their
 * bytes checked against the first occurrence. Equal texts get one code however they are written: a
 * needlessly quoted `"a"` is the same value as `a` (texts holding a quote, whose escaped form
 * differs, go through {@link TextCodes}).
 */
export class ByteValues implements DistinctReader {
  readonly levels: string[] = [];
  /** Where each value's text bytes were first seen (-1 for values kept by text), to check hash matches. */
  private textStart = new Int32Array(16);
  private textEnd = new Int32Array(16);
  private readonly direct = new Int32Array(DIRECT_SLOTS).fill(-1);
  /**
   * Longer texts: an open-addressing table of value codes (-1 = empty) keyed by a hash of their
   * bytes, with each slot's hash beside it; a value's slot is the first free one from its hash on.
   */
  private slots = new Int32Array(64).fill(-1);
  private slotHash = new Int32Array(64);
  private hashed = 0;
  /** Texts holding a quote (whose bytes in the file differ with their quoting), and their codes here. */
  private readonly quoted = new TextCodes();
  private readonly quotedCode: number[] = [];
  /** The previous longer text read (its bytes in the file, -1 for none) and its code. */
  private lastStart = -1;
  private lastEnd = -1;
  private lastCode = -1;
  private readonly bytes: Buffer;

  constructor(
    private readonly cells: CsvCells,
    private readonly column: number,
  ) {
    this.bytes = cells.bytes;
  }

  read(from: number, to: number, out: Int32Array, at: number): void {
    const { ncol, cellStart, rowEnd } = this.cells;
    const j = this.column;
    const bytes = this.bytes;
    const direct = this.direct;
    const last = j + 1 === ncol;
    for (let i = from; i < to; i++) {
      const start = cellStart[i * ncol + j]!;
      const end = last ? rowEnd[i]! : cellStart[i * ncol + j + 1]! - 1;
      const length = end - start;
      // Unquoted texts of up to two bytes (codes, Likert answers): a direct lookup.
      if (length <= 2) {
        const b0 = length > 0 ? bytes[start]! : 0;
        const b1 = length > 1 ? bytes[start + 1]! : 0;
        if (b0 !== QUOTE && b1 !== QUOTE) {
          const code = direct[length === 0 ? 0 : length === 1 ? 1 + b0 : 257 + ((b0 << 8) | b1)]!;
          if (code >= 0) {
            out[at + i - from] = code;
            continue;
          }
        }
      }
      out[at + i - from] = this.code(start, end);
    }
  }

  /** The code of a cell spanning bytes [start, end) (with its quotes when quoted). */
  private code(start: number, end: number): number {
    const bytes = this.bytes;
    const quoted = end > start && bytes[start] === QUOTE;
    if (quoted) {
      start++;
      end--;
    }
    // [start, end) now holds the text's bytes, unless the text holds a quote (escaped when quoted).
    const length = end - start;
    if (length <= 2) {
      const b0 = length > 0 ? bytes[start]! : 0;
      const b1 = length > 1 ? bytes[start + 1]! : 0;
      if (b0 === QUOTE || b1 === QUOTE) return this.byText(textOf(bytes, start, end, quoted));
      const slot = length === 0 ? 0 : length === 1 ? 1 + b0 : 257 + ((b0 << 8) | b1);
      let code = this.direct[slot]!;
      if (code < 0) {
        code = this.newValue(utf8Slice(bytes, start, end), start, end);
        this.direct[slot] = code;
      }
      return code;
    }
    // The same text as the previous longer one? (Its bytes hold no quote, so neither do these.)
    const lastStart = this.lastStart;
    if (lastStart >= 0 && this.lastEnd - lastStart === length) {
      let same = true;
      for (let k = 0; same && k < length; k++) same = bytes[lastStart + k] === bytes[start + k];
      if (same) return this.lastCode;
    }
    // FNV-1a (offset 0x811c9dc5, prime 0x01000193), as io/sav/stringCodes.ts; literals, not imported
    // constants: an imported binding in this per-byte loop made reading a file about 25% slower.
    let h = 0x811c9dc5 ^ length;
    let hasQuote = false;
    for (let k = start; k < end; k++) {
      const b = bytes[k]!;
      if (b === QUOTE) hasQuote = true;
      h = Math.imul(h ^ b, 0x01000193);
    }
    if (hasQuote) {
      this.lastStart = -1;
      return this.byText(textOf(bytes, start, end, quoted));
    }
    const code = this.hashedCode(start, end, h);
    this.lastStart = start;
    this.lastEnd = end;
    this.lastCode = code;
    return code;
  }

  /** The code of a text without quotes, `bytes[start … end)`, whose hash is h. */
  private hashedCode(start: number, end: number, h: number): number {
    const bytes = this.bytes;
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const candidate = this.slots[slot]!;
      if (candidate < 0) {
        const code = this.newValue(utf8Slice(bytes, start, end), start, end);
        this.slots[slot] = code;
        this.slotHash[slot] = h;
        if (++this.hashed * 2 > this.slots.length) this.rehash();
        return code;
      }
      if (this.slotHash[slot] !== h) continue;
      const s0 = this.textStart[candidate]!;
      if (this.textEnd[candidate]! - s0 !== length) continue;
      let same = true;
      for (let k = 0; same && k < length; k++) same = bytes[s0 + k] === bytes[start + k];
      if (same) return candidate;
    }
  }

  private newValue(text: string, start: number, end: number): number {
    const code = this.levels.length;
    this.levels.push(text);
    if (code === this.textStart.length) {
      const starts = new Int32Array(2 * code);
      starts.set(this.textStart);
      this.textStart = starts;
      const ends = new Int32Array(2 * code);
      ends.set(this.textEnd);
      this.textEnd = ends;
    }
    this.textStart[code] = start;
    this.textEnd[code] = end;
    return code;
  }

  /** The code of a text holding a quote: numbered in {@link TextCodes}, then among all values here. */
  private byText(text: string): number {
    const k = this.quoted.code(text);
    if (k === this.quotedCode.length) this.quotedCode.push(this.newValue(text, -1, -1));
    return this.quotedCode[k]!;
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const oldSlots = this.slots;
    const oldHash = this.slotHash;
    const size = 2 * oldSlots.length;
    const mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.slotHash = new Int32Array(size);
    for (let s = 0; s < oldSlots.length; s++) {
      const code = oldSlots[s]!;
      if (code < 0) continue;
      const h = oldHash[s]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = code;
      this.slotHash[slot] = h;
    }
  }
}

/** The text of a cell from its text bytes (inside the quotes when quoted): doubled quotes undone. */
function textOf(bytes: Buffer, start: number, end: number, quoted: boolean): string {
  const text = utf8Slice(bytes, start, end);
  return quoted && text.indexOf('"') >= 0 ? text.replace(/""/g, '"') : text;
}
