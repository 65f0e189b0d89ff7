import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { LeakriskError } from '../errors.js';
import { checkPlan } from './schema.js';
import type { Plan } from './types.js';

/** Reads a JSON or YAML document (by extension: .yaml/.yml is YAML, anything else JSON). */
export function readStructuredFile(path: string, what: string, displayName = path): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LeakriskError(
      code === 'ENOENT' ? `the ${what} file does not exist` : `cannot read the ${what} file (${code ?? String(error)})`,
      { file: displayName },
      code === 'ENOENT' ? 'check the path (paths inside a plan are relative to the plan file)' : 'check that the file is readable',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const extension = extname(path).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') {
    try {
      return parseYaml(text);
    } catch (error) {
      const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
      throw new LeakriskError(
        `the ${what} is not valid YAML (${(error as Error).message.split('\n')[0]})`,
        { file: displayName, ...(line !== undefined ? { line } : {}) },
        'fix the YAML syntax at that line',
      );
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new LeakriskError(
      `the ${what} is not valid JSON (${message})`,
      { file: displayName, ...(line !== undefined ? { line } : {}) },
      'fix the JSON syntax (a YAML plan needs the .yaml or .yml extension)',
    );
  }
}

/**
 * Loads and validates an analysis plan (JSON, or YAML by extension). Paths inside the plan (the
 * `codebook`, the `report` settings, and `calibration.margins` when it is a path to a JSON/YAML file of margins) are
 * resolved relative to the plan file's folder. A margins file holds `{ variable: { level: total } }`,
 * either at its top level or under a `margins` key (as `data/census/*.json`). Errors name the file, the analysis and the field.
 */
export function loadPlan(path: string): Plan {
  const file = resolve(path);
  const data = readStructuredFile(file, 'plan', path);
  const folder = dirname(file);
  let marginsFile: string | undefined;
  if (isObject(data) && isObject(data.calibration) && typeof data.calibration.margins === 'string') {
    marginsFile = resolve(folder, data.calibration.margins);
    const loaded = readStructuredFile(marginsFile, 'calibration margins', data.calibration.margins);
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
