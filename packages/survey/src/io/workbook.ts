import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { LeakriskError } from '../errors.js';

/**
 * Opens an Excel workbook (`.xlsx`) with exceljs, after checking that the file really is one: an
 * encrypted (password-protected) workbook is an OLE compound file, not a zip, and exceljs would only
 * say "end of central directory not found"; a CSV or SPSS file renamed `.xlsx` is named for what it is.
 */
export async function openWorkbook(path: string, displayName: string): Promise<ExcelJS.Workbook> {
  const bytes = readWorkbookBytes(path, displayName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw damagedWorkbook(error, displayName);
  }
  return workbook;
}

/** The file's bytes, once checked to be a zip (as every .xlsx is): see {@link openWorkbook}. */
export function readWorkbookBytes(path: string, displayName: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)');
    throw new LeakriskError(`cannot read the file (${code ?? String(error)})`, { file: displayName });
  }
  checkWorkbookBytes(bytes, displayName);
  return bytes;
}

/** A zip that exceljs cannot read: cut short, or damaged. */
export function damagedWorkbook(error: unknown, file: string): LeakriskError {
  if (error instanceof LeakriskError) return error;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LeakriskError(
    `the Excel file is damaged or truncated (${message})`,
    { file },
    'open it in Excel or LibreOffice and save it again as .xlsx (Excel Workbook), or download the export again',
  );
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function checkWorkbookBytes(bytes: Buffer, file: string): void {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE)) {
    const text = bytes.toString('latin1');
    const encrypted = text.includes('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o') || text.includes('EncryptionInfo');
    throw new LeakriskError(
      encrypted
        ? 'the Excel file is password-protected (encrypted), so it cannot be read'
        : 'the file is an old-style Excel workbook (.xls) or another OLE document, not an .xlsx',
      { file },
      encrypted
        ? 'open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save a copy as .xlsx'
        : 'open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)',
    );
  }
  const what =
    bytes.length === 0
      ? 'the file is empty'
      : bytes.toString('latin1', 0, 4) === '$FL2' || bytes.toString('latin1', 0, 4) === '$FL3'
        ? 'it is an SPSS file'
        : looksLikeText(bytes)
          ? 'it looks like text (a CSV file, perhaps)'
          : 'it is not a zip archive, as every .xlsx file is';
  throw new LeakriskError(
    `the file is not an Excel workbook (.xlsx): ${what}`,
    { file },
    'give an .xlsx saved by Excel, LibreOffice or KoboToolbox, or rename the file so its extension says what it holds (.csv, .sav)',
  );
}

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024);
  return !head.includes(0) && !head.toString('utf8').includes('\uFFFD');
}

/** A cell's content in plain terms: a number, text, a date (UTC, as exceljs reads Excel's serial days) or nothing. */
export type CellValue = number | string | Date | undefined;

/** The value of an exceljs cell, looking through formulas, rich text and hyperlinks; errors are empty. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  return plainValue(cell.value);
}

/** {@link cellValue} of a value as exceljs gives it (a streamed row's `values`). */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return undefined;
  return undefined;
}

/** A cell as text: numbers as written (`326.025`), dates as ISO (`2024-06-11`, `2024-06-11T09:30:00`). */
export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return isoFromExcelDate(value);
}

/**
 * ISO text of a date cell. Excel has no time zone: exceljs gives the serial as a UTC instant, so the
 * UTC fields are the cell's own. A time of day alone (Excel day 0, 1899-12-30) becomes `HH:MM:SS`.
 */
function isoFromExcelDate(date: Date): string {
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  const millis = iso.slice(19, 23);
  if (day === '1899-12-30' || day === '1899-12-31') return millis === '.000' ? time : `${time}${millis}`;
  if (time === '00:00:00' && millis === '.000') return day;
  return `${day}T${time}${millis === '.000' ? '' : millis}`;
}

/** The letters Excel shows for 1-based column `index` (1 → A, 28 → AB). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
