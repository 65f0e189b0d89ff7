import type { DesignSpec } from '../types.js';
import { DESIGN_REPLICATE_TYPES, REPLICATE_TYPES, type ReplicateSpec } from './types.js';

/** Reports a problem with a field (a JSON path such as `design.replicates.rho`) and how to fix it. */
export type SpecFail = (field: string, problem: string, fix: string) => never;

const FIELDS = ['type', 'columns', 'rho', 'scale', 'rscales', 'combinedWeights', 'mse'];

/**
 * Checks the plan's `design.replicates` (contract, "Analysis plan additions") and how it goes with the rest
 * of the design: given `columns` go with `weights` alone (R's `svrepdesign`); without them the replicate
 * weights are made from the design's strata and PSUs (R's `as.svrepdesign`: JK1, JKn, BRR, Fay), which
 * then takes no scale, rscales or combinedWeights. Every refusal names the field and what to write.
 */
export function checkReplicateSpec(value: unknown, design: DesignSpec, fail: SpecFail): ReplicateSpec {
  const at = 'design.replicates';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(at, '"replicates" must be an object', 'write e.g. "replicates": { "type": "JKn" } or { "type": "bootstrap", "columns": "bw[0-9]+" }');
  }
  const spec = value as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!FIELDS.includes(key))
      fail(`${at}.${key}`, `unknown field "${key}" in the replicates`, `remove it or correct its spelling (allowed: ${FIELDS.join(', ')})`);
  }
  if (!REPLICATE_TYPES.includes(spec.type as never)) {
    fail(`${at}.type`, `unknown replicate type ${JSON.stringify(spec.type)}`, `use one of ${REPLICATE_TYPES.join(', ')}`);
  }
  const type = spec.type as ReplicateSpec['type'];
  const out: ReplicateSpec = { type };
  if (spec.columns !== undefined) {
    const columns = spec.columns;
    const ok =
      (typeof columns === 'string' && columns !== '') ||
      (Array.isArray(columns) && columns.length > 0 && columns.every((c) => typeof c === 'string' && c !== '') && new Set(columns).size === columns.length);
    if (!ok)
      fail(
        `${at}.columns`,
        '"columns" must be a regular expression or a list of different column names',
        'write e.g. "columns": "bw[0-9]+" or ["bw1", "bw2", …]',
      );
    out.columns = columns as string | string[];
  }
  for (const key of ['rho', 'scale'] as const) {
    if (spec[key] !== undefined) {
      const v = spec[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        fail(`${at}.${key}`, `"${key}" must be a number ≥ 0`, `write e.g. "${key}": ${key === 'rho' ? '0.5' : '0.0125'}`);
      out[key] = v as number;
    }
  }
  if (spec.rscales !== undefined) {
    const v = spec.rscales;
    const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
    if (!(finite(v) || (Array.isArray(v) && v.length > 0 && v.every(finite)))) {
      fail(`${at}.rscales`, '"rscales" must be a number ≥ 0 or a list of them (one per replicate)', 'write e.g. "rscales": [0.5, 0.5, 0.667, …]');
    }
    out.rscales = v as number | number[];
  }
  for (const key of ['combinedWeights', 'mse'] as const) {
    if (spec[key] !== undefined) {
      if (typeof spec[key] !== 'boolean') fail(`${at}.${key}`, `"${key}" must be true or false`, `write "${key}": true or false`);
      out[key] = spec[key] as boolean;
    }
  }
  if (out.columns !== undefined) {
    for (const field of ['ids', 'strata', 'probs', 'fpc', 'nest'] as const) {
      if (design[field] !== undefined && !(field === 'ids' && design.ids?.length === 0)) {
        fail(
          `design.${field}`,
          `a design with replicate-weight columns takes no "${field}" (the replicate weights carry the design, as in R's svrepdesign)`,
          `remove "${field}", or remove "replicates.columns" to make the replicate weights from the design's strata and PSUs`,
        );
      }
    }
    return out;
  }
  if (!DESIGN_REPLICATE_TYPES.includes(type)) {
    fail(
      `${at}.columns`,
      `${type} replicate weights cannot be made from the design${type === 'bootstrap' || type === 'subbootstrap' ? ' (they are random draws)' : ''}: give them as columns`,
      'add "columns" (a pattern such as "repwt[0-9]+" or a list), or use "type": "JKn", "JK1", "BRR" or "Fay" to make them from the design',
    );
  }
  for (const field of ['scale', 'rscales', 'combinedWeights'] as const) {
    if (out[field] !== undefined) {
      fail(
        `${at}.${field}`,
        `"${field}" is for given replicate columns; replicate weights made from the design take R's`,
        `remove "${field}" (or give the replicate weights as "columns")`,
      );
    }
  }
  if (type === 'Fay' && out.rho === undefined) fail(`${at}.rho`, 'Fay\'s method needs "rho"', 'add e.g. "rho": 0.5 (rho 0 is plain BRR)');
  if (type !== 'Fay' && out.rho !== undefined) fail(`${at}.rho`, `"rho" is for Fay's method, not ${type}`, 'remove "rho", or use "type": "Fay"');
  return out;
}
