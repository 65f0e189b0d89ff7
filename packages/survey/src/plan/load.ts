import { dirname, resolve } from 'node:path';
import { readStructuredFile } from '../io/readStructuredFile.js';
import { checkPlan } from './schema.js';
import type { Plan } from './types.js';

/** How the plan loader words the errors of the files it reads. */
const PLAN = {
  what: 'plan',
  notFoundFix: 'check the path (paths inside a plan are relative to the plan file)',
  jsonFix: 'fix the JSON syntax (a YAML plan needs the .yaml or .yml extension)',
};

/**
 * Loads and validates an analysis plan (JSON, or YAML by extension). Paths inside the plan (the
 * `codebook`, the `report` settings, and `calibration.margins` when it is a path to a JSON/YAML file of margins) are
 * resolved relative to the plan file's folder. A margins file holds `{ variable: { level: total } }`,
 * either at its top level or under a `margins` key (as `data/census/*.json`). Errors name the file, the analysis and the field.
 */
export function loadPlan(path: string): Plan {
  const file = resolve(path);
  const data = readStructuredFile(file, PLAN, path);
  const folder = dirname(file);
  let marginsFile: string | undefined;
  if (isObject(data) && isObject(data.calibration) && typeof data.calibration.margins === 'string') {
    marginsFile = resolve(folder, data.calibration.margins);
    const loaded = readStructuredFile(marginsFile, { ...PLAN, what: 'calibration margins' }, data.calibration.margins);
    // a margins file may hold the margins at its top level, or under "margins" beside its documentation
    data.calibration.margins = isObject(loaded) && isObject(loaded.margins) ? loaded.margins : loaded;
  }
  const checked = checkPlan(data, path);
  return {
    ...checked,
    file,
    ...(checked.codebook !== undefined ? { codebook: resolve(folder, checked.codebook) } : {}),
    ...(checked.report !== undefined ? { report: resolve(folder, checked.report) } : {}),
    ...(marginsFile !== undefined ? { marginsFile } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
