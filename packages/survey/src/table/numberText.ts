/**
 * Parses a cell as a number the way a researcher reads a CSV (and as R's `read.csv` does for a
 * numeric column): decimal or scientific notation, optional sign, surrounding spaces allowed.
 * Returns NaN for anything else. `Inf`/`Infinity` are refused (not a survey value).
 */
export function parseNumberText(cell: string): number {
  // Fast path: plain integers, the bulk of survey data.
  const len = cell.length;
  if (len > 0 && len < 16) {
    let value = 0;
    let i = 0;
    let negative = false;
    const first = cell.charCodeAt(0);
    if (first === 45 /* - */) {
      negative = true;
      i = 1;
    }
    if (i < len) {
      for (; i < len; i++) {
        const c = cell.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
      }
      if (i === len) return negative ? -value : value;
    }
  }
  const trimmed = cell.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/** {@link ColumnAccess.readNumbers} for cells read one text at a time. */
export function numbersOfTexts(length: number, textAt: (row: number) => string): { values: Float64Array; irregular: number[] } {
  const values = new Float64Array(length);
  const irregular: number[] = [];
  for (let i = 0; i < length; i++) {
    const text = textAt(i);
    const value = parseNumberText(text);
    values[i] = value;
    if (Number.isNaN(value) && text !== '') irregular.push(i);
  }
  return { values, irregular };
}
