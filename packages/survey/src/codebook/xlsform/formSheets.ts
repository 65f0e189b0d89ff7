import type ExcelJS from 'exceljs';
import { cellText, cellValue } from '../../io/workbook.js';

/** One sheet of an XLSForm as rows of cells keyed by their (lower-cased, trimmed) column header. */
export interface FormSheet {
  /** The sheet's name as written in the workbook. */
  name: string;
  /** Column headers in sheet order, as written (trimmed). */
  columns: string[];
  rows: FormRow[];
}

export interface FormRow {
  /** The 1-based row number in the sheet, for messages. */
  row: number;
  /** Cell text by header as written; empty cells are absent. */
  cells: Map<string, string>;
}

/** Reads a sheet by name (case-insensitive), skipping empty rows; `undefined` when there is none. */
export function readFormSheet(workbook: ExcelJS.Workbook, wanted: string): FormSheet | undefined {
  const sheet = workbook.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
  if (sheet === undefined) return undefined;
  const headerRow = sheet.getRow(1);
  const columns: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) columns.push(cellText(cellValue(headerRow.getCell(c))).trim());
  const rows: FormRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Map<string, string>();
    for (let c = 1; c <= columns.length; c++) {
      const header = columns[c - 1]!;
      if (header === '') continue;
      const text = cellText(cellValue(row.getCell(c))).trim();
      if (text !== '') cells.set(header, text);
    }
    if (cells.size > 0) rows.push({ row: r, cells });
  }
  return { name: sheet.name, columns, rows };
}

/** The cell of `column` (matched case-insensitively, `label::x` spacing ignored). */
export function cellOf(row: FormRow, column: string): string | undefined {
  const direct = row.cells.get(column);
  if (direct !== undefined) return direct;
  const wanted = normaliseHeader(column);
  for (const [header, value] of row.cells) if (normaliseHeader(header) === wanted) return value;
  return undefined;
}

/** `Label :: English (en)` → `label::english (en)`: how XLSForm tools compare column headers. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/\s*::\s*/g, '::')
    .replace(/\s+/g, ' ');
}
