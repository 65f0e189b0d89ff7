import { sortLevels } from '../io/columns.js';
import type { Table } from '../table/table.js';
import { codesFor, requiredCodes, type BuildDesignOptions } from './designColumns.js';
import type { DesignSpec, DesignStage } from './types.js';

/** The first-stage strata of a design: each row's stratum (dense ids in R's sorted label order) and the labels. */
export interface Strata {
  strata: Int32Array;
  strataLabels: string[];
  hasStrata: boolean;
}

/**
 * The strata of `svydesign(strata = ~…)`: a missing stratum is an error naming the row; ids follow
 * the labels' sorted order, so that output follows R's factor order. Without strata, one stratum `1`.
 */
export function strataOf(table: Table, spec: DesignSpec, options: BuildDesignOptions): Strata {
  if (spec.strata === undefined) return { strata: new Int32Array(table.nrow), strataLabels: ['1'], hasStrata: false };
  const s = requiredCodes(table, spec.strata, 'stratum', codesFor(options, spec.strata));
  const order = sortedOrder(s.labels);
  return { strata: remapCodes(s.codes, order.rank), strataLabels: order.sorted, hasStrata: true };
}

/** Human name of a stratum at a stage, for messages. */
export function stageStratumName(stage: number, stratum: number, strataLabels: readonly string[], stages: readonly DesignStage[]): string {
  if (stage === 0) return `stratum "${strataLabels[stratum]}"`;
  return `sampling unit "${stages[stage - 1]!.clusterLabels[stratum]}"`;
}

function sortedOrder(labels: readonly string[]): { sorted: string[]; rank: Int32Array } {
  const sorted = sortLevels(labels);
  const position = new Map<string, number>();
  sorted.forEach((l, k) => {
    position.set(l, k);
  });
  return { sorted, rank: Int32Array.from(labels, (l) => position.get(l)!) };
}

function remapCodes(codes: Int32Array, rank: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = rank[codes[i]!]!;
  return out;
}
