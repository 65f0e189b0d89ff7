// Test support (not exported): the replicate designs of test/fixtures/replicates.json on replicates.csv.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from '../../io/csv.js';
import type { Table } from '../../table/table.js';
import type { DesignSpec } from '../types.js';

const fixtureDir = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

interface ReplicateCase {
  design: string;
  analysis: Record<string, unknown> & { id: string; type: string };
  calibration?: Record<string, unknown>;
  rows: Record<string, unknown>[];
  note?: string;
}

export interface ReplicatesFixture {
  designs: Record<string, { r: string; plan: DesignSpec }>;
  /** R's `svymean(~y, design, na.rm = TRUE, return.replicates = TRUE)`. */
  replicateMeans: Record<string, { estimate: number; replicates: number[]; variance: number; scale: number; rscales: number[]; degf: number }>;
  cases: ReplicateCase[];
}

export const replicatesFixture = JSON.parse(readFileSync(`${fixtureDir}replicates.json`, 'utf8')) as ReplicatesFixture;

let table: Table | undefined;

/** replicates.csv, read once. */
export function replicatesTable(): Table {
  table ??= parseCsvText(readFileSync(`${fixtureDir}replicates.csv`, 'utf8'), 'replicates.csv');
  return table;
}
