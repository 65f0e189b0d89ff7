import type { DistinctReader, NumberColumn, Utf8Column } from './column.js';
import { cellIterator } from './cellIterator.js';
import { TextCodes } from './textCodes.js';
import { encodeUtf8 } from './utf8Column.js';

/** The text of a number as a CSV holds it: JavaScript's shortest round-trip form, '' for NaN. */
const numberText = (x: number): string => (Number.isNaN(x) ? '' : String(x));

class Numbers implements NumberColumn {
  readonly kind = 'numbers';

  constructor(readonly values: Float64Array) {}

  get length(): number {
    return this.values.length;
  }

  get(row: number): string {
    return numberText(this.values[row]!);
  }

  [Symbol.iterator](): IterableIterator<string> {
    return cellIterator(this);
  }

  distinctReader(): DistinctReader {
    // Keyed by value (0 and −0, whose texts are the same, share a key; so do NaNs).
    const dictionary = new TextCodes();
    const byValue = new Map<number, number>();
    const values = this.values;
    return {
      levels: dictionary.levels,
      read(from, to, out, at) {
        for (let i = from; i < to; i++) {
          const x = values[i]!;
          let code = byValue.get(x);
          if (code === undefined) {
            code = dictionary.code(numberText(x));
            byValue.set(x, code);
          }
          out[at + i - from] = code;
        }
      },
    };
  }

  readNumbers(): { values: Float64Array; irregular: number[] } {
    return { values: this.values.slice(), irregular: [] };
  }

  utf8(): Utf8Column {
    return encodeUtf8(this);
  }
}

/** A numeric column: `values[i]` is row i's number, NaN when missing. */
export function numberColumn(values: Float64Array): NumberColumn {
  return new Numbers(values);
}
