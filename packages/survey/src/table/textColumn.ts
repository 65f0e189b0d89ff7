import type { DistinctReader, TextColumn, Utf8Column } from './column.js';
import { cellIterator } from './cellIterator.js';
import { numbersOfTexts } from './numberText.js';
import { TextCodes } from './textCodes.js';
import { encodeUtf8 } from './utf8Column.js';

class Texts implements TextColumn {
  readonly kind = 'text';

  constructor(readonly cells: readonly string[]) {}

  get length(): number {
    return this.cells.length;
  }

  get(row: number): string {
    return this.cells[row]!;
  }

  [Symbol.iterator](): IterableIterator<string> {
    return cellIterator(this);
  }

  distinctReader(): DistinctReader {
    const dictionary = new TextCodes();
    const cells = this.cells;
    return {
      levels: dictionary.levels,
      read(from, to, out, at) {
        for (let i = from; i < to; i++) out[at + i - from] = dictionary.code(cells[i]!);
      },
    };
  }

  readNumbers(): { values: Float64Array; irregular: number[] } {
    const cells = this.cells;
    return numbersOfTexts(cells.length, (i) => cells[i]!);
  }

  utf8(): Utf8Column {
    return encodeUtf8(this);
  }
}

/** A column of one string per cell (missing cells as they would be written: '' or `NA`). */
export function textColumn(cells: readonly string[]): TextColumn {
  return new Texts(cells);
}
