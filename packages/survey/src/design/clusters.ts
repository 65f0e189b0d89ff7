import { cellInMessage, LeakriskError, valuesInMessage } from '../errors.js';
import type { Table } from '../table/table.js';
import { codesFor, requiredCodes, type BuildDesignOptions } from './designColumns.js';
import type { Strata } from './strata.js';
import type { DesignSpec, DesignStage } from './types.js';

/**
 * The sampling stages of `svydesign(ids = ~psu + …, nest = …)`: each row's unit at every stage
 * (dense ids in order of first appearance), later-stage units nested in their parent unit and, with
 * `nest`, PSUs nested in strata; without `nest` a PSU id found in two strata is an error (R's
 * `check.strata`). `ids = ~1` (or none) makes each row its own PSU. Every stage starts with replacement
 * (an infinite population); `applyFpc` sets the populations.
 */
export function stagesOf(table: Table, spec: DesignSpec, options: BuildDesignOptions, { strata, strataLabels, hasStrata }: Strata): DesignStage[] {
  const n = table.nrow;
  const file = table.file;
  const nStrata = strataLabels.length;
  const idColumns = spec.ids ?? [];
  const stageCodes: { codes: Int32Array; labels: readonly string[]; column: string }[] = [];
  if (idColumns.length === 0) {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = i;
    stageCodes.push({ codes, labels: Array.from({ length: n }, (_, i) => `row ${i + 1}`), column: '(row)' });
  } else {
    for (const column of idColumns) {
      stageCodes.push({ ...requiredCodes(table, column, 'cluster id', codesFor(options, column)), column });
    }
  }
  const nestInStrata = spec.nest === true && hasStrata;

  const stages: DesignStage[] = [];
  let parent: Int32Array | undefined;
  let parentLabels: string[] | undefined;
  for (let s = 0; s < stageCodes.length; s++) {
    const { codes, labels, column } = stageCodes[s]!;
    const cluster = new Int32Array(n);
    const clusterLabels: string[] = [];
    const clusterStratumList: number[] = [];
    const width = labels.length;
    const outerCount = s === 0 ? (nestInStrata ? nStrata : 1) : stages[s - 1]!.nClusters;
    // Unit ids by (outer unit, label): a dense table when it is small enough, else a map.
    const keys = outerCount * width;
    const dense = keys <= 1 << 22 ? new Int32Array(keys).fill(-1) : undefined;
    const keyToId = dense === undefined ? new Map<number, number>() : undefined;
    for (let i = 0; i < n; i++) {
      const outer = s === 0 ? (nestInStrata ? strata[i]! : 0) : parent![i]!;
      const key = outer * width + codes[i]!;
      let id = dense !== undefined ? dense[key]! : (keyToId!.get(key) ?? -1);
      if (id < 0) {
        id = clusterLabels.length;
        if (dense !== undefined) dense[key] = id;
        else keyToId!.set(key, id);
        clusterLabels.push(s === 0 ? labels[codes[i]!]! : `${parentLabels![parent![i]!]}/${labels[codes[i]!]}`);
        clusterStratumList.push(s === 0 ? strata[i]! : parent![i]!);
      } else if (s === 0 && !nestInStrata && clusterStratumList[id] !== strata[i]) {
        throw new LeakriskError(
          `the PSU of row ${i + 1} (${cellInMessage(labels[codes[i]!]!, true)}) appears in two strata (${valuesInMessage([strataLabels[clusterStratumList[id]!]!, strataLabels[strata[i]!]!])})`,
          { file, row: i + 1, column },
          'if PSU ids are only unique within a stratum, set "nest": true in the design; otherwise correct the stratum or PSU of this row',
        );
      }
      cluster[i] = id;
    }
    const nClusters = clusterLabels.length;
    const clusterStratum = Int32Array.from(clusterStratumList);
    const stageStrata = s === 0 ? nStrata : stages[s - 1]!.nClusters;
    const sampled = new Int32Array(stageStrata);
    for (let c = 0; c < nClusters; c++) sampled[clusterStratum[c]!]!++;
    stages.push({
      cluster,
      nClusters,
      clusterStratum,
      nStrata: stageStrata,
      sampled,
      population: new Float64Array(stageStrata).fill(Number.POSITIVE_INFINITY),
      clusterLabels,
    });
    parent = cluster;
    parentLabels = clusterLabels;
  }

  if (stages[0]!.nClusters === 1 && !nestInStrata) {
    throw new LeakriskError(
      'the design has only one primary sampling unit, so no variance can be estimated',
      { file, column: idColumns[0] },
      'check the "ids" of the design (a typo in the column name?), or use "ids": [] for independent sampling',
    );
  }
  return stages;
}
