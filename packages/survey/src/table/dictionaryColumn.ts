import type { DictionaryColumn, DistinctReader, Utf8Column } from './column.js';
import { cellIterator } from './cellIterator.js';
import { parseNumberText } from './numberText.js';
import { TextCodes } from './textCodes.js';
import { encodeUtf8 } from './utf8Column.js';

class Dictionary implements DictionaryColumn {
  readonly kind = 'dictionary';

  constructor(
    readonly codes: Int32Array,
    readonly levels: readonly string[],
  ) {}

  get length(): number {
    return this.codes.length;
  }

  get(row: number): string {
    const code = this.codes[row]!;
    return code < 0 ? '' : this.levels[code]!;
  }

  [Symbol.iterator](): IterableIterator<string> {
    return cellIterator(this);
  }

  distinctReader(): DistinctReader {
    // Each level (slot 0: the missing code) is numbered when first met; equal level texts share a code.
    const dictionary = new TextCodes();
    const { codes, levels } = this;
    const renumbered = new Int32Array(levels.length + 1).fill(-1);
    return {
      levels: dictionary.levels,
      read(from, to, out, at) {
        for (let i = from; i < to; i++) {
          const slot = codes[i]! + 1;
          let code = renumbered[slot]!;
          if (code < 0) {
            code = dictionary.code(slot === 0 ? '' : levels[slot - 1]!);
            renumbered[slot] = code;
          }
          out[at + i - from] = code;
        }
      },
    };
  }

  readNumbers(): { values: Float64Array; irregular: number[] } {
    // Each level is parsed once.
    const { codes, levels } = this;
    const number = Float64Array.from(levels, parseNumberText);
    const values = new Float64Array(codes.length);
    const irregular: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code < 0) {
        values[i] = Number.NaN;
        continue;
      }
      const value = number[code]!;
      values[i] = value;
      if (Number.isNaN(value) && levels[code] !== '') irregular.push(i);
    }
    return { values, irregular };
  }

  utf8(): Utf8Column {
    return encodeUtf8(this);
  }
}

/**
 * A column of codes into level texts: row i holds `levels[codes[i]]`, or is missing when its code
 * is −1. What a labelled SPSS variable, an XLSForm select_one or a factor is.
 */
export function dictionaryColumn(codes: Int32Array, levels: readonly string[]): DictionaryColumn {
  return new Dictionary(codes, levels);
}
