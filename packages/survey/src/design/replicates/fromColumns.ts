import { LeakriskError } from '../../errors.js';
import { numericColumn } from '../../io/columns.js';
import type { Table } from '../../table/table.js';
import type { ReplicateSpec, ReplicateWeights } from './types.js';

const WHERE = 'design.replicates';

/**
 * Replicate weights given as columns of the data, R's `svrepdesign(repweights = columns, weights, type,
 * combined.weights, rho, scale, rscales, mse)` (survey 4.1), with R's defaults:
 * - `BRR`: scale 1/R; `Fay`: scale 1/(R (1 − ρ)²), ρ required; `ACS`, `successive-difference`: scale 4/R,
 *   rscales 1;
 * - `bootstrap` and `subbootstrap`: scale 1/(R − 1) unless given;
 * - `JK1`: scale as given, else guessed as R guesses ((R − 1)/R for combined weights, else 1/max of the
 *   first column), with a warning;
 * - `JKn`: rscales as given, else (factors only) 1/max of each column, with a warning; combined JKn
 *   weights without rscales are an error, as in R;
 * - `other`: scale and rscales as given, else 1, with a warning;
 * - rscales default 1; `combinedWeights` default true (the columns are full weights), `mse` default false.
 * A field R would ignore with a warning (a scale for BRR, rscales for ACS, rho for a jackknife) is an error
 * here. `columns` is a regular expression matched against the column names in their order (R's `grep`),
 * or a list. A missing or non-numeric replicate weight is an error naming its row.
 *
 * @param weights the full-sample weights (the design's `weights`)
 * @param missingCodes a column's declared missing codes (the codebook's), if any
 */
export function replicatesFromColumns(
  table: Table,
  spec: ReplicateSpec,
  weights: Float64Array,
  missingCodes: (column: string) => ReadonlySet<string> | undefined = () => undefined,
): ReplicateWeights {
  const file = table.file;
  const fail = (field: string, problem: string, fix: string): never => {
    throw new LeakriskError(problem, { file, column: `${WHERE}.${field}` }, fix);
  };
  const names = replicateColumnNames(table, spec.columns!);
  const columns = names.map((name) => {
    const codes = missingCodes(name);
    const values = numericColumn(table, name, codes === undefined ? {} : { missingCodes: codes });
    for (let i = 0; i < values.length; i++) {
      if (Number.isNaN(values[i]!)) {
        throw new LeakriskError(
          `row ${i + 1} has no replicate weight`,
          { file, row: i + 1, column: name },
          'every row needs every replicate weight (R: "Missing values not allowed in \'repweights\'"); a row outside a replicate has weight 0',
        );
      }
    }
    return values;
  });
  const R = columns.length;
  const type = spec.type;
  const combined = spec.combinedWeights ?? true;
  const warnings: string[] = [];
  const given = (field: 'scale' | 'rscales' | 'rho') => spec[field] !== undefined;
  const ignored = (field: 'scale' | 'rscales' | 'rho', why: string) => {
    if (given(field)) fail(field, `"${field}" does not apply to ${type} replicate weights (${why})`, `remove "${field}"`);
  };
  if (type !== 'Fay') ignored('rho', type === 'BRR' ? 'use "type": "Fay" for Fay\'s method' : "only Fay's method has a rho");
  if (type === 'BRR' || type === 'Fay') ignored('scale', type === 'BRR' ? 'its scale is 1/R' : 'its scale is 1/(R (1 − rho)²)');
  if (type === 'ACS' || type === 'successive-difference') {
    ignored('scale', 'its scale is 4/R');
    ignored('rscales', 'its rscales are 1');
  }
  let rscales = new Float64Array(R).fill(1);
  if (spec.rscales !== undefined) {
    const list = typeof spec.rscales === 'number' ? [spec.rscales] : spec.rscales;
    if (list.length !== 1 && list.length !== R) {
      fail('rscales', `"rscales" has ${list.length} values but there are ${R} replicate columns`, 'give one value per replicate column, or one for all');
    }
    rscales = Float64Array.from({ length: R }, (_, r) => list[list.length === 1 ? 0 : r]!);
  }
  let scale = spec.scale ?? 1;
  let rho: number | undefined;
  switch (type) {
    case 'BRR':
      scale = 1 / R;
      rho = 0;
      break;
    case 'Fay':
      rho = spec.rho ?? Number.NaN;
      if (!(rho > 0 && rho < 1))
        fail('rho', `Fay's rho must be between 0 and 1 (got ${spec.rho ?? 'none'})`, 'give the rho the replicate weights were made with, e.g. "rho": 0.5');
      scale = 1 / (R * (1 - rho) * (1 - rho));
      break;
    case 'bootstrap':
    case 'subbootstrap':
      scale = spec.scale ?? 1 / (R - 1);
      break;
    case 'JK1':
      if (spec.scale === undefined) {
        scale = combined ? (R - 1) / R : 1 / largest(columns[0]!);
        warnings.push(
          `no "scale" given for JK1 weights: ${combined ? '(R − 1)/R with R the number of replicates' : '1/(largest factor of the first replicate)'} is assumed, as R's svrepdesign guesses`,
        );
      }
      break;
    case 'JKn':
      if (spec.rscales === undefined) {
        if (combined)
          fail(
            'rscales',
            'combined JKn weights need "rscales", the (n_h − 1)/n_h of each replicate\'s stratum',
            'give "rscales" (one per replicate column), as R requires',
          );
        rscales = Float64Array.from(columns, (column) => 1 / largest(column));
        warnings.push('no "rscales" given for JKn factors: 1/(largest factor) of each replicate is assumed, as R\'s svrepdesign guesses');
      }
      break;
    case 'ACS':
    case 'successive-difference':
      scale = 4 / R;
      break;
    case 'other':
      if (spec.scale === undefined || spec.rscales === undefined)
        warnings.push('"scale" or "rscales" not given for "other" replicate weights: 1 is assumed, as R does');
      break;
  }
  warnings.push(...combinedWeightsWarnings(columns, weights, combined));
  return {
    type,
    count: R,
    scale,
    rscales,
    mse: spec.mse ?? false,
    rho,
    combinedWeights: combined,
    storage: { kind: 'rows', columns },
    source: { kind: 'columns', names },
    warnings,
  };
}

/** The replicate columns named by a pattern (matched against every column name, R's `grep`) or a list. */
function replicateColumnNames(table: Table, columns: string | readonly string[]): string[] {
  if (typeof columns !== 'string') {
    for (const name of columns) {
      if (!table.header.includes(name)) {
        throw new LeakriskError(
          `the replicate-weight column "${name}" is not in the data`,
          { file: table.file, column: `${WHERE}.columns` },
          'name existing columns, or give a pattern such as "repwt[0-9]+"',
        );
      }
    }
    return [...columns];
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(columns);
  } catch {
    throw new LeakriskError(
      `the replicate-weight pattern ${JSON.stringify(columns)} is not a regular expression`,
      { file: table.file, column: `${WHERE}.columns` },
      'write e.g. "repwt[0-9]+" (or list the columns)',
    );
  }
  const names = table.header.filter((name) => pattern.test(name));
  if (names.length === 0) {
    throw new LeakriskError(
      `no column name matches the replicate-weight pattern ${JSON.stringify(columns)}`,
      { file: table.file, column: `${WHERE}.columns` },
      `correct the pattern (the columns are: ${table.header.slice(0, 12).join(', ')}${table.header.length > 12 ? ', …' : ''}), or list the replicate columns`,
    );
  }
  return names;
}

function largest(values: Float64Array): number {
  let out = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > out) out = values[i]!;
  return out;
}

/** R's check that replicate weights look like full weights (or like factors), as its warnings say. */
function combinedWeightsWarnings(columns: readonly Float64Array[], weights: Float64Array, combined: boolean): string[] {
  let columnMeans = 0;
  for (const column of columns) {
    let s = 0;
    for (let i = 0; i < column.length; i++) s += column[i]!;
    columnMeans += s / column.length;
  }
  const replicateMean = columnMeans / columns.length;
  let w = 0;
  for (let i = 0; i < weights.length; i++) w += weights[i]!;
  const weightMean = w / weights.length;
  if (combined && replicateMean < 5 && weightMean / replicateMean > 5) {
    return [
      `the replicate columns do not look like full weights (their mean is ${replicateMean.toPrecision(4)}, the weights' ${weightMean.toPrecision(4)}): if they are factors, set "combinedWeights": false`,
    ];
  }
  if (!combined && replicateMean > 5 && weightMean / replicateMean < 5) {
    return [
      `the replicate columns look like full weights (their mean is ${replicateMean.toPrecision(4)}, the weights' ${weightMean.toPrecision(4)}): if they are, leave out "combinedWeights": false`,
    ];
  }
  return [];
}
