import { LeakriskError } from '../errors.js';
import { isMissingCell } from '../io/csv.js';
import { numericColumn, sortLevels } from '../io/columns.js';
import { distinctTexts } from '../table/distinct.js';
import { columnOf, type Table } from '../table/table.js';
import { LONELY_PSU_RULES, type CalibrationStep, type DesignSpec, type DesignStage, type SurveyDesign } from './types.js';

export interface BuildDesignOptions {
  /** Missing codes per column name (the codebook's), besides empty and `NA`. */
  missingCodes?: ReadonlyMap<string, ReadonlySet<string>> | Readonly<Record<string, ReadonlySet<string>>>;
}

function codesFor(options: BuildDesignOptions, column: string): ReadonlySet<string> | undefined {
  const m = options.missingCodes;
  if (m === undefined) return undefined;
  if (m instanceof Map) return m.get(column);
  return (m as Readonly<Record<string, ReadonlySet<string>>>)[column];
}

/** Dense integer codes of a text column; a missing cell is an error (R: "missing values in `id'"). */
function requiredCodes(table: Table, column: string, role: string, missing: ReadonlySet<string> | undefined): { codes: Int32Array; labels: readonly string[] } {
  const { codes, levels } = distinctTexts(columnOf(table, column, `name an existing column as the design's ${role}`));
  levels.forEach((cell, k) => {
    if (isMissingCell(cell, missing)) {
      const row = codes.indexOf(k) + 1;
      throw new LeakriskError(
        `row ${row} has no ${role} (the cell is empty or a missing code)`,
        { file: table.file, row, column },
        `every row needs a ${role}: fill in the ${role} of row ${row}, or remove the row before the analysis`,
      );
    }
  });
  return { codes, labels: levels };
}

/**
 * Builds a survey design from the sample, as R's
 * `svydesign(ids = ~…, strata = ~…, weights = ~… | probs = ~…, fpc = ~…, nest = …)`:
 * - clusters: later-stage units are nested in their parent unit; with `nest`, PSUs are nested in
 *   strata; without it, a PSU id found in two strata is an error (R's `check.strata`);
 * - fpc per stage: all values ≥ 1 are population counts, all ≤ 1 sampling fractions
 *   (population = sampled / fraction); stages without an fpc are with replacement;
 * - weights: the `weights` column, or 1 / product of `probs`, or (neither given) the product over stages
 *   of population / sampled units from the fpc, or else 1 for every row (R warns; so do we, by `warnings`);
 * - df = PSUs − strata (R's `degf`).
 * Missing, zero or negative weights, missing ids/strata/fpc are errors naming the row.
 */
export function buildDesign(table: Table, spec: DesignSpec, options: BuildDesignOptions = {}): SurveyDesign {
  const n = table.nrow;
  const file = table.file;
  const lonelyPsu = spec.lonelyPsu ?? 'fail';
  if (!LONELY_PSU_RULES.includes(lonelyPsu)) {
    throw new LeakriskError(
      `unknown lonely-PSU rule "${String(lonelyPsu)}"`,
      { file, column: 'design.lonelyPsu' },
      `use one of ${LONELY_PSU_RULES.join(', ')}`,
    );
  }
  if (n === 0) {
    throw new LeakriskError('the data has no rows, so there is no design to build', { file }, 'give a data file with at least two rows');
  }
  if (spec.weights !== undefined && spec.probs !== undefined) {
    throw new LeakriskError(
      'the design names both weights and probs',
      { file, column: 'design' },
      'give either "weights" (sampling weights) or "probs" (selection probabilities), not both',
    );
  }

  // Strata (first stage).
  let strata: Int32Array;
  let strataLabels: string[];
  const hasStrata = spec.strata !== undefined;
  if (spec.strata !== undefined) {
    const s = requiredCodes(table, spec.strata, 'stratum', codesFor(options, spec.strata));
    // Dense ids in sorted label order, so that output follows R's factor order.
    const order = sortedOrder(s.labels);
    strata = remapCodes(s.codes, order.rank);
    strataLabels = order.sorted;
  } else {
    strata = new Int32Array(n);
    strataLabels = ['1'];
  }
  const nStrata = strataLabels.length;

  // Cluster ids per stage: `ids = ~1` (or none) means each row is its own PSU.
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
          `PSU "${labels[codes[i]!]}" appears in two strata ("${strataLabels[clusterStratumList[id]!]}" and "${strataLabels[strata[i]!]}"), first at row ${i + 1}`,
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

  // Finite population corrections.
  const fpcColumns = spec.fpc ?? [];
  if (fpcColumns.length > stages.length) {
    throw new LeakriskError(
      `the design gives ${fpcColumns.length} fpc columns but only ${stages.length} sampling stage${stages.length === 1 ? '' : 's'}`,
      { file, column: 'design.fpc' },
      'give at most one fpc column per "ids" column (R needs at least as many ids as fpc stages)',
    );
  }
  if (fpcColumns.length > 0) {
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
  }
  const hasFpc = fpcColumns.length > 0;

  // Weights.
  const weights = new Float64Array(n);
  if (spec.weights !== undefined) {
    const column = spec.weights;
    const w = numericColumn(table, column, { missingCodes: codesFor(options, column) });
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (!(wi > 0) || !Number.isFinite(wi)) {
        throw new LeakriskError(
          `row ${i + 1} has ${Number.isNaN(wi) ? 'a missing' : wi === 0 ? 'a zero' : wi < 0 ? 'a negative' : 'an infinite'} weight${Number.isNaN(wi) ? '' : ` (${wi})`}`,
          { file, row: i + 1, column },
          'every respondent needs a positive sampling weight: correct the weight, or remove the row before the analysis',
        );
      }
      weights[i] = wi;
    }
  } else if (spec.probs !== undefined) {
    const columns = Array.isArray(spec.probs) ? spec.probs : [spec.probs];
    weights.fill(1);
    for (const column of columns) {
      const p = numericColumn(table, column, { missingCodes: codesFor(options, column) });
      for (let i = 0; i < n; i++) {
        const pi = p[i]!;
        if (!(pi > 0 && pi <= 1)) {
          throw new LeakriskError(
            `row ${i + 1} has ${Number.isNaN(pi) ? 'a missing' : 'an impossible'} selection probability${Number.isNaN(pi) ? '' : ` (${pi})`}`,
            { file, row: i + 1, column },
            'selection probabilities must be greater than 0 and at most 1',
          );
        }
        weights[i] = weights[i]! / pi;
      }
    }
  } else if (hasFpc) {
    for (let i = 0; i < n; i++) {
      let w = 1;
      for (let s = 0; s < stages.length; s++) {
        const h = s === 0 ? strata[i]! : stages[s - 1]!.cluster[i]!;
        w *= stages[s]!.population[h]! / stages[s]!.sampled[h]!;
      }
      if (!Number.isFinite(w) || w > 1e12) {
        throw new LeakriskError(
          'no weights were given and they cannot be computed from the fpc (a stage has no population count)',
          { file, row: i + 1, column: fpcColumns.join(', ') },
          'give "weights" (or "probs"), or an fpc for every stage',
        );
      }
      weights[i] = w;
    }
  } else {
    weights.fill(1);
  }

  const first = stages[0]!;
  const df = first.nClusters - nStrata;
  return {
    file,
    nrow: n,
    weights,
    samplingWeights: weights,
    strata,
    strataLabels,
    hasStrata,
    stages,
    psusPerStratum: first.sampled,
    nPsu: first.nClusters,
    nStrata,
    df,
    hasFpc,
    lonelyPsu,
    adjustDomainLonely: spec.adjustDomainLonely === true,
    calibration: [],
    spec: { ...spec },
  };
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

/**
 * A copy of the design with new analysis weights (calibrated or trimmed), optionally adding a
 * calibration step that the variance applies to influence values (R's `postStrata`). The sampling
 * weights, strata and clusters are shared (they are never modified).
 */
export function withWeights(design: SurveyDesign, weights: Float64Array, step?: CalibrationStep): SurveyDesign {
  if (weights.length !== design.nrow) {
    throw new LeakriskError(`internal: ${weights.length} weights for a design of ${design.nrow} rows`, { file: design.file }, 'report this as a bug');
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new LeakriskError(
        `row ${i + 1} gets an impossible weight (${w}) after adjustment`,
        { file: design.file, row: i + 1 },
        'check the calibration margins: every margin cell must be present in the sample',
      );
    }
  }
  return {
    ...design,
    weights,
    calibration: step === undefined ? design.calibration : [...design.calibration, step],
  };
}
