// Test support (not exported): R's replicate weights of test/fixtures/replicate-weights.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textColumn } from '../../table/textColumn.js';
import { tableFromColumns, type Table } from '../../table/table.js';
import type { DesignSpec } from '../types.js';

const fixtureDir = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

interface WeightsCase {
  call: string;
  spec: DesignSpec;
  type: 'JK1' | 'JKn' | 'BRR' | 'Fay';
  rho: number | null;
  rows: Record<string, string | number>[];
  /** R's replicate factors, one row per data row (R's `as.matrix(design$repweights)`). */
  factors: number[][];
  scale: number;
  rscales: number[];
  degf: number;
}

export interface WeightsFixture {
  designs: Record<string, WeightsCase>;
  hadamard: { sizes: number[]; checks: number[]; matrices: { n: number; rows: string[] }[] };
  svrVar: {
    thetas: (number | null)[][];
    rscales: number[];
    scale: number;
    coef: number[];
    plain: number[][];
    mse: number[][];
    single: number;
    singleMse: number;
  };
  degf: { columns: number[][]; degf: number }[];
}

export const weightsFixture = JSON.parse(readFileSync(`${fixtureDir}replicate-weights.json`, 'utf8')) as WeightsFixture;

/** A small design's rows as a table (every cell as text, as a CSV would hold it). */
export function tableOfRows(name: string, rows: Record<string, string | number>[]): Table {
  const header = Object.keys(rows[0]!);
  return tableFromColumns(
    name,
    header.map((column) => ({ name: column, column: textColumn(rows.map((row) => String(row[column]))) })),
  );
}

/** |actual − expected| ≤ tol · max(|expected|, tiny). */
export function closeTo(actual: number, expected: number, tol = 1e-6): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-12);
}
