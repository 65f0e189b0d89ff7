export type {
  Column,
  ColumnKind,
  ColumnAccess,
  DistinctReader,
  CsvCells,
  BytesColumn,
  NumberColumn,
  DictionaryColumn,
  TextColumn,
  Utf8Column,
} from './column.js';
export { tableFromColumns, withColumn, columnOf, type Table, type NamedColumn } from './table.js';
export { numberColumn } from './numberColumn.js';
export { readNumber, parseNumberText } from './numberText.js';
export { dictionaryColumn } from './dictionaryColumn.js';
export { textColumn } from './textColumn.js';
export { utf8Column } from './utf8Column.js';
export { distinctTexts, distinctColumns, ColumnScan, SCAN_ROWS } from './distinct.js';
export { countTexts } from './countTexts.js';
export { TextMatcher } from './textMatcher.js';
