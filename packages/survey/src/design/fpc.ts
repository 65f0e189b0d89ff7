import { LeakriskError } from '../errors.js';
import { numericColumn } from '../io/columns.js';
import type { Table } from '../table/table.js';
import { codesFor, type BuildDesignOptions } from './designColumns.js';
import { stageStratumName, type Strata } from './strata.js';
import type { DesignSpec, DesignStage } from './types.js';

/**
 * Finite population corrections of `svydesign(fpc = ~…)`, one column per stage, into each stage's
 * `population`: all values ≥ 1 are population counts, all ≤ 1 sampling fractions (population =
 * sampled / fraction); stages without an fpc stay with replacement. A missing or negative fpc, one
 * that varies within a stratum or implies more than 100% sampling is an error naming the row.
 * Returns whether the design has an fpc.
 */
export function applyFpc(
  table: Table,
  spec: DesignSpec,
  options: BuildDesignOptions,
  stages: readonly DesignStage[],
  { strata, strataLabels }: Strata,
): boolean {
  const n = table.nrow;
  const file = table.file;
  const fpcColumns = spec.fpc ?? [];
  if (fpcColumns.length > stages.length) {
    throw new LeakriskError(
      `the design gives ${fpcColumns.length} fpc columns but only ${stages.length} sampling stage${stages.length === 1 ? '' : 's'}`,
      { file, column: 'design.fpc' },
      'give at most one fpc column per "ids" column (R needs at least as many ids as fpc stages)',
    );
  }
  if (fpcColumns.length === 0) return false;
  const values = fpcColumns.map((column) => {
    const v = numericColumn(table, column, { missingCodes: codesFor(options, column) });
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(v[i]!) || v[i]! < 0) {
        throw new LeakriskError(
          `row ${i + 1} has ${Number.isNaN(v[i]!) ? 'no' : 'a negative'} finite population correction`,
          { file, row: i + 1, column },
          "give every row its stratum's population count (number of PSUs in the population) or sampling fraction",
        );
      }
    }
    return { column, v };
  });
  let anyBig = false;
  let allAtLeastOne = true;
  for (const { v } of values) {
    for (let i = 0; i < n; i++) {
      if (v[i]! > 1) anyBig = true;
      if (v[i]! < 1) allAtLeastOne = false;
    }
  }
  if (anyBig !== allAtLeastOne) {
    throw new LeakriskError(
      anyBig
        ? 'the fpc mixes population counts (> 1) and sampling fractions (< 1)'
        : 'every fpc value is exactly 1, which R reads neither as counts nor as fractions',
      { file, column: fpcColumns.join(', ') },
      "give the fpc either as population counts (all ≥ 1) or as sampling fractions (all ≤ 1), as R's svydesign requires",
    );
  }
  values.forEach(({ column, v }, s) => {
    const stage = stages[s]!;
    const population = stage.population;
    const seen = new Uint8Array(stage.nStrata);
    for (let i = 0; i < n; i++) {
      const h = s === 0 ? strata[i]! : stages[s - 1]!.cluster[i]!;
      const pop = anyBig ? v[i]! : v[i]! === 0 ? Number.POSITIVE_INFINITY : stage.sampled[h]! / v[i]!;
      if (!seen[h]) {
        seen[h] = 1;
        population[h] = pop;
        if (pop < stage.sampled[h]!) {
          throw new LeakriskError(
            `the fpc of row ${i + 1} implies more than 100% sampling: population ${pop} but ${stage.sampled[h]} units sampled at stage ${s + 1} in ${stageStratumName(s, h, strataLabels, stages)}`,
            { file, row: i + 1, column },
            'give the number of units in the population (not the sample), or the sampling fraction',
          );
        }
      } else if (population[h] !== pop) {
        throw new LeakriskError(
          `the fpc varies within ${stageStratumName(s, h, strataLabels, stages)} (row ${i + 1} gives ${v[i]})`,
          { file, row: i + 1, column },
          "the fpc must be the same for every row of a stratum at its stage: give the stratum's population count",
        );
      }
    }
  });
  return true;
}
