import type ExcelJS from 'exceljs';
import { LeakriskError } from '../errors.js';
import type { ImportedColumn, ImportedTable } from './imported.js';
import { cellText, cellValue, columnLetter, openWorkbook, type CellValue } from './workbook.js';

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
  const workbook = await openWorkbook(path, displayName);
  const names = workbook.worksheets.map((sheet) => sheet.name.toLowerCase());
  if (names.includes('survey') && names.includes('choices')) {
    throw new LeakriskError(
      'this workbook is an XLSForm (it has "survey" and "choices" sheets), not survey data',
      { file: displayName },
      'give the form as the codebook (--codebook form.xlsx) and the exported submissions as the data',
    );
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new LeakriskError('the workbook has no worksheet', { file: displayName }, 'save the data on the first sheet of the workbook');
  return { ...sheetColumns(sheet, displayName), sheet: sheet.name };
}

function sheetColumns(sheet: ExcelJS.Worksheet, file: string): ImportedTable {
  const where = (row: number, column?: number) => ({
    file,
    line: row,
    ...(column !== undefined ? { column: `${sheet.name}!${columnLetter(column)}${row}` } : {}),
  });
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  const width = headerRow.cellCount;
  for (let c = 1; c <= width; c++) header.push(cellText(cellValue(headerRow.getCell(c))).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) {
    throw new LeakriskError(`sheet "${sheet.name}" has no header row`, { file, line: 1 }, 'put the column names in the first row of the first sheet');
  }
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name === '')
      throw new LeakriskError(`sheet "${sheet.name}": header column ${columnLetter(j + 1)} has no name`, where(1, j + 1), 'give every column a name in row 1');
    if (seen.has(name)) throw new LeakriskError(`sheet "${sheet.name}" names column "${name}" twice`, where(1, j + 1), 'rename one of the two columns');
    seen.add(name);
  });

  let last = sheet.rowCount;
  while (last > 1 && isBlank(sheet.getRow(last), header.length)) last--;
  const nrow = last - 1;
  const cells: CellValue[][] = header.map(() => new Array<CellValue>(nrow));
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    if (isBlank(row, header.length)) {
      throw new LeakriskError(`sheet "${sheet.name}": row ${r} is empty`, { file, line: r, row: r - 1 }, 'delete empty rows between the records');
    }
    for (let c = header.length + 1; c <= row.cellCount; c++) {
      if (cellValue(row.getCell(c)) !== undefined) {
        throw new LeakriskError(
          `sheet "${sheet.name}": row ${r} has a value in column ${columnLetter(c)}, which has no header`,
          where(r, c),
          'give the column a name in row 1, or clear the cell',
        );
      }
    }
    for (let j = 0; j < header.length; j++) cells[j]![r - 2] = cellValue(row.getCell(j + 1));
  }
  const columns = header.map((name, j) => typedColumn(name, cells[j]!));
  return { file, nrow, columns };
}

function isBlank(row: ExcelJS.Row, width: number): boolean {
  for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
    const value = cellValue(row.getCell(c));
    if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) return false;
  }
  return true;
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
