import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LeakriskError } from '../errors.js';
import type { ImportedColumn, ImportedTable } from './imported.js';
import { cellText, columnLetter, damagedWorkbook, plainValue, readWorkbookBytes, type CellValue } from './workbook.js';

/** An Excel data file as read: its columns, and which sheet they came from. */
export interface XlsxData extends ImportedTable {
  sheet: string;
}

/**
 * Reads the data of an `.xlsx` file: the first worksheet (a KoboToolbox/ODK export keeps its
 * submissions there, repeat groups on later sheets), header in row 1, one row per record. A column
 * whose cells are all numbers stays numbers (a Float64Array); dates become ISO text (`2024-06-11`,
 * `2024-06-11T09:30:00`); anything else is text, numbers in it written as they read. Empty cells are
 * missing. An XLSForm given as data is an error that says to give it as the codebook.
 */
export async function readXlsxFile(path: string, displayName = path): Promise<XlsxData> {
  const bytes = readWorkbookBytes(path, displayName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const sheets = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name.trim().toLowerCase());
      if (sheets.includes('survey') && sheets.includes('choices')) {
        throw new LeakriskError(
          'this workbook is an XLSForm (it has "survey" and "choices" sheets), not survey data',
          { file: displayName },
          'give the form as the codebook (--codebook form.xlsx) and the exported submissions as the data',
        );
      }
      const name = (sheet as unknown as { name: string }).name;
      const rows: { number: number; values: CellValue[] }[] = [];
      for await (const row of sheet) {
        const raw = row.values as ExcelJS.CellValue[];
        const values: CellValue[] = [];
        for (let c = 1; c < raw.length; c++) values[c - 1] = plainValue(raw[c]);
        rows.push({ number: row.number, values });
      }
      return { ...sheetColumns(name, rows, displayName), sheet: name };
    }
  } catch (error) {
    throw damagedWorkbook(error, displayName);
  }
  throw new LeakriskError('the workbook has no worksheet', { file: displayName }, 'save the data on the first sheet of the workbook');
}

/** The header row and records of a sheet (rows as numbered in the sheet; rows with no cell are absent). */
function sheetColumns(sheet: string, rows: { number: number; values: CellValue[] }[], file: string): ImportedTable {
  const where = (row: number, column: number) => ({ file, line: row, column: `${sheet}!${columnLetter(column)}${row}` });
  const headerRow = rows[0]?.number === 1 ? rows[0].values : [];
  const header = headerRow.map((value) => cellText(value).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) {
    throw new LeakriskError(`sheet "${sheet}" has no header row`, { file, line: 1 }, 'put the column names in the first row of the first sheet');
  }
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name === '')
      throw new LeakriskError(`sheet "${sheet}": header column ${columnLetter(j + 1)} has no name`, where(1, j + 1), 'give every column a name in row 1');
    if (seen.has(name)) throw new LeakriskError(`sheet "${sheet}" names column "${name}" twice`, where(1, j + 1), 'rename one of the two columns');
    seen.add(name);
  });
  const records = rows.slice(1);
  while (records.length > 0 && isBlank(records[records.length - 1]!.values)) records.pop();
  const nrow = records.length === 0 ? 0 : records[records.length - 1]!.number - 1;
  const cells: CellValue[][] = header.map(() => new Array<CellValue>(nrow));
  let expected = 2;
  for (const record of records) {
    if (record.number !== expected || isBlank(record.values)) {
      const empty = record.number !== expected ? expected : record.number;
      throw new LeakriskError(`sheet "${sheet}": row ${empty} is empty`, { file, line: empty, row: empty - 1 }, 'delete empty rows between the records');
    }
    for (let c = header.length; c < record.values.length; c++) {
      const value = record.values[c];
      if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) {
        throw new LeakriskError(
          `sheet "${sheet}": row ${record.number} has a value in column ${columnLetter(c + 1)}, which has no header`,
          where(record.number, c + 1),
          'give the column a name in row 1, or clear the cell',
        );
      }
    }
    for (let j = 0; j < header.length; j++) cells[j]![record.number - 2] = record.values[j];
    expected++;
  }
  const columns = header.map((name, j) => typedColumn(name, cells[j]!));
  return { file, nrow, columns };
}

function isBlank(values: CellValue[]): boolean {
  return values.every((value) => value === undefined || (typeof value === 'string' && value.trim() === ''));
}

/** Numbers when every cell present is a number; ISO text when every one is a date; else text. */
function typedColumn(name: string, cells: CellValue[]): ImportedColumn {
  let numbers = true;
  let dates = true;
  let present = 0;
  for (const value of cells) {
    if (value === undefined || value === '') continue;
    present++;
    if (typeof value !== 'number') numbers = false;
    if (!(value instanceof Date)) dates = false;
  }
  if (numbers && present > 0) {
    const values = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) values[i] = typeof cells[i] === 'number' ? (cells[i] as number) : Number.NaN;
    return { name, kind: 'numbers', values };
  }
  const texts = cells.map(cellText);
  if (dates && present > 0) {
    const temporal = texts.every((t) => t === '' || /^\d{4}-\d{2}-\d{2}$/.test(t))
      ? 'date'
      : texts.every((t) => t === '' || /^\d{2}:/.test(t))
        ? 'time'
        : 'datetime';
    return { name, kind: 'text', temporal, values: texts };
  }
  return { name, kind: 'text', values: texts };
}
