import type { Table } from '@leakrisk/survey';

/** Geography from finest to coarsest, by column name: a finer one may generalise to a coarser one present in the data. */
const GEOGRAPHY = [
  /^(village|mauza|union_?council|uc|ward|mohalla|locality)$/i,
  /^(city|town|tehsil|taluka|sub_?district)$/i,
  /^(district|zila|zilla)$/i,
  /^(division)$/i,
  /^(province|region|state)$/i,
];

export interface GeographyHierarchy {
  column: string;
  /** Level names, finest first (the columns of the CSV). */
  levels: string[];
  /** In ARX's layout: one row per value of `column`, then its coarser groups. */
  csv: string;
}

/**
 * Hierarchies the data itself gives: a geographic quasi-identifier (a district) whose every value
 * lies within one value of a coarser geographic column (its province) generalises to it. Only
 * complete nestings are used; a value seen with two provinces leaves the column without one.
 */
export function geographyHierarchies(table: Table, quasi: readonly string[]): GeographyHierarchy[] {
  const rankOf = (name: string) => GEOGRAPHY.findIndex((pattern) => pattern.test(name));
  const geographic = table.header.filter((name) => rankOf(name) >= 0);
  const found: GeographyHierarchy[] = [];
  for (const column of quasi) {
    const rank = rankOf(column);
    if (rank < 0) continue;
    const coarser = geographic.filter((name) => rankOf(name) > rank).sort((a, b) => rankOf(a) - rankOf(b));
    const chain = coarser.filter((name) => nestsIn(table, column, name));
    if (chain.length === 0) continue;
    const values = new Map<string, string[]>();
    const own = table.columns[table.header.indexOf(column)]!;
    const groups = chain.map((name) => table.columns[table.header.indexOf(name)]!);
    for (let i = 0; i < own.length; i++) {
      const value = own.get(i);
      if (value === '' || values.has(value)) continue;
      values.set(
        value,
        groups.map((group) => group.get(i)),
      );
    }
    const rows = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, up]) => [value, ...up].map(csvCell).join(','));
    found.push({ column, levels: [column, ...chain], csv: `${[column, ...chain].map(csvCell).join(',')}\n${rows.join('\n')}\n` });
  }
  return found;
}

/** Whether every (non-missing) value of `fine` goes with exactly one non-missing value of `coarse`. */
function nestsIn(table: Table, fine: string, coarse: string): boolean {
  const a = table.columns[table.header.indexOf(fine)]!;
  const b = table.columns[table.header.indexOf(coarse)]!;
  const parent = new Map<string, string>();
  for (let i = 0; i < a.length; i++) {
    const value = a.get(i);
    if (value === '') continue;
    const up = b.get(i);
    if (up === '') return false;
    const seen = parent.get(value);
    if (seen === undefined) parent.set(value, up);
    else if (seen !== up) return false;
  }
  return parent.size > 0 && new Set(parent.values()).size < parent.size;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
