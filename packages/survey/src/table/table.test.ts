import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { factorColumn, firstPresentIsNumber, numericColumn } from '../io/columns.js';
import { parseCsvBytes } from '../io/csvBytes.js';
import { dictionaryColumn } from './dictionaryColumn.js';
import { numberColumn } from './numberColumn.js';
import { columnOf, tableFromColumns, withColumn } from './table.js';
import { textColumn } from './textColumn.js';

describe('numberColumn', () => {
  it('reads numbers as their shortest texts, NaN as the empty text, and gives a copy of its values', () => {
    const values = Float64Array.from([1, 2.5, Number.NaN, -0.125, 1e21]);
    const column = numberColumn(values);
    expect(column.kind).toBe('numbers');
    expect(column.length).toBe(5);
    expect([...column]).toEqual(['1', '2.5', '', '-0.125', '1e+21']);
    const read = column.readNumbers();
    expect([...read.values]).toEqual([...values]);
    expect(read.irregular).toEqual([]);
    read.values[0] = 7;
    expect(column.values[0]).toBe(1);
    expect([...column.utf8()]).toEqual([...column]);
  });
});

describe('dictionaryColumn', () => {
  it('reads a code as its level and −1 as the empty text; numbers per level', () => {
    const column = dictionaryColumn(Int32Array.from([1, 0, -1, 2, 1]), ['12', '3.5', 'NA']);
    expect(column.kind).toBe('dictionary');
    expect([...column]).toEqual(['3.5', '12', '', 'NA', '3.5']);
    const { values, irregular } = column.readNumbers();
    expect([...values]).toEqual([3.5, 12, Number.NaN, Number.NaN, 3.5]);
    expect(irregular).toEqual([3]);
  });
});

describe('textColumn', () => {
  it('reads numbers the way a researcher writes them, leaving other texts irregular', () => {
    const { values, irregular } = textColumn(['1', ' 2 ', '', 'NA', '1e3', 'x', '-0.5']).readNumbers();
    expect([...values]).toEqual([1, 2, Number.NaN, Number.NaN, 1000, Number.NaN, -0.5]);
    expect(irregular).toEqual([3, 5]);
  });
});

describe('typed reads over any kind of column', () => {
  // The same answers held four ways: a CSV's bytes, strings, numbers and a labelled dictionary.
  const csv = parseCsvBytes(Buffer.from('q\n1\n99\n\n3\n1\n', 'utf8'), 'survey.csv');
  const tables = {
    bytes: csv,
    text: tableFromColumns('survey.csv', [{ name: 'q', column: textColumn(['1', '99', '', '3', '1']) }]),
    numbers: tableFromColumns('survey.sav', [{ name: 'q', column: numberColumn(Float64Array.from([1, 99, Number.NaN, 3, 1])) }]),
    dictionary: tableFromColumns('survey.sav', [{ name: 'q', column: dictionaryColumn(Int32Array.from([0, 2, -1, 1, 0]), ['1', '3', '99']) }]),
  };

  for (const [kind, table] of Object.entries(tables)) {
    it(`numericColumn and factorColumn agree on a ${kind} column, missing codes applied`, () => {
      const missingCodes = new Set(['99']);
      expect([...numericColumn(table, 'q', { missingCodes })]).toEqual([1, Number.NaN, Number.NaN, 3, 1]);
      const factor = factorColumn(table, 'q', { missingCodes });
      expect(factor.levels).toEqual(['1', '3']);
      expect([...factor.codes]).toEqual([0, -1, -1, 1, 0]);
      expect(firstPresentIsNumber(table, 'q', missingCodes)).toBe(true);
    });
  }

  it('names the row of a cell that is not a number, whatever holds it', () => {
    const table = tableFromColumns('survey.sav', [{ name: 'q', column: dictionaryColumn(Int32Array.from([0, 1]), ['1', 'often']) }]);
    expect(() => numericColumn(table, 'q')).toThrow(/row 2 holds "often"/);
  });
});

describe('tableFromColumns', () => {
  it('names the columns in order and counts the rows', () => {
    const table = tableFromColumns('f.sav', [
      { name: 'a', column: textColumn(['x', 'y']) },
      { name: 'b', column: numberColumn(Float64Array.from([1, 2])) },
    ]);
    expect(table).toMatchObject({ file: 'f.sav', header: ['a', 'b'], nrow: 2 });
    expect(columnOf(table, 'b').get(1)).toBe('2');
    expect(tableFromColumns('empty.sav', []).nrow).toBe(0);
  });

  it('refuses a name given twice or an empty name, naming the file', () => {
    const twice = () =>
      tableFromColumns('f.sav', [
        { name: 'a', column: textColumn(['x']) },
        { name: 'a', column: textColumn(['y']) },
      ]);
    expect(twice).toThrow(LeakriskError);
    expect(twice).toThrow(/names column "a" twice/);
    expect(() => tableFromColumns('f.sav', [{ name: ' ', column: textColumn(['x']) }])).toThrow(/column 1 has no name/);
  });

  it('refuses columns of different lengths', () => {
    expect(() =>
      tableFromColumns('f.sav', [
        { name: 'a', column: textColumn(['x']) },
        { name: 'b', column: textColumn([]) },
      ]),
    ).toThrow(/has 0 rows/);
  });
});

describe('withColumn and columnOf', () => {
  it('adds or replaces a column in a new table, leaving the input as it was', () => {
    const table = tableFromColumns('f.csv', [{ name: 'a', column: textColumn(['x', 'y']) }]);
    const added = withColumn(table, 'b', numberColumn(Float64Array.from([1, 2])));
    expect(added.header).toEqual(['a', 'b']);
    const replaced = withColumn(added, 'a', textColumn(['p', 'q']));
    expect([...columnOf(replaced, 'a')]).toEqual(['p', 'q']);
    expect([...columnOf(table, 'a')]).toEqual(['x', 'y']);
    expect(table.header).toEqual(['a']);
  });

  it('names a missing column and the columns there are', () => {
    const table = tableFromColumns('f.csv', [{ name: 'a', column: textColumn(['x']) }]);
    expect(() => columnOf(table, 'z')).toThrow(/there is no column "z" in the data \(columns: a\)/);
  });
});
