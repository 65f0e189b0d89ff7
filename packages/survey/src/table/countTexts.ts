import type { BytesColumn, Column } from './column.js';
import { csvCellText } from './bytesColumn.js';
import { TextMatcher } from './textMatcher.js';

const QUOTE = 34;

/**
 * Counts, per column, the cells whose text is one of that column's `texts`: for counting the
 * missing cells (empty, `NA`, missing codes) of columns that are not otherwise read, such as dropped
 * ones. Columns still in a CSV file's bytes are read together in one pass over the rows, without a
 * string per cell (only quoted cells are read as text).
 */
export function countTexts(columns: readonly Column[], texts: readonly ReadonlySet<string>[]): number[] {
  const counts = columns.map(() => 0);
  const fromBytes: number[] = [];
  columns.forEach((column, p) => {
    if (column.kind === 'bytes') {
      fromBytes.push(p);
      return;
    }
    for (let i = 0; i < column.length; i++) if (texts[p]!.has(column.get(i))) counts[p]!++;
  });
  // Columns of the same file are read row by row, their cells side by side in memory.
  const files = new Map<BytesColumn['cells'], number[]>();
  for (const p of fromBytes) {
    const cells = (columns[p] as BytesColumn).cells;
    const list = files.get(cells);
    if (list === undefined) files.set(cells, [p]);
    else list.push(p);
  }
  for (const [cells, members] of files) {
    const { bytes, nrow, ncol, cellStart, rowEnd } = cells;
    // An unquoted cell's bytes are its text.
    const matchers = members.map((p) => new TextMatcher(texts[p]!));
    const index = members.map((p) => (columns[p] as BytesColumn).index);
    for (let i = 0; i < nrow; i++) {
      const base = i * ncol;
      for (let q = 0; q < members.length; q++) {
        const j = index[q]!;
        const start = cellStart[base + j]!;
        const end = j + 1 < ncol ? cellStart[base + j + 1]! - 1 : rowEnd[i]!;
        const quoted = end > start && bytes[start] === QUOTE;
        if (quoted ? texts[members[q]!]!.has(csvCellText(bytes, start, end)) : matchers[q]!.has(bytes, start, end)) counts[members[q]!]!++;
      }
    }
  }
  return counts;
}
