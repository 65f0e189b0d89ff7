import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LeakriskError, readStructuredFile, type StructuredFileWording } from '@leakrisk/survey';
import { parseHierarchyCsv } from './hierarchyFile.js';
import { parseReleaseDesign, type RawReleaseDesign } from './releaseDesign.js';
import { assertConfigShape } from './schema.js';
import {
  COLUMN_ACTIONS,
  UNDECIDED,
  type AnonymizeConfig,
  type ColumnConfig,
  type ColumnRole,
  type KeySource,
  type PrivacyConfig,
  type RecodeSpec,
} from './types.js';

/** Default for `privacy.maxSuppressedShare` when the config does not say (the contract's example). */
const DEFAULT_MAX_SUPPRESSED_SHARE = 0.05;

export interface ParseConfigOptions {
  /** The config file as the user named it (for messages). */
  file: string;
  /** Folder that relative paths are resolved against. Default: the folder of `file`. */
  dir?: string;
  /** Reads a hierarchy file (absolute path) as text; default reads from disk. Tests pass a map. */
  readText?: (absolutePath: string) => string;
}

/** How the config loader words the errors of the file it reads (`readStructuredFile`). */
const CONFIG_FILE: StructuredFileWording = {
  what: 'config',
  notFound: 'config file not found',
  notFoundFix: 'check the path given to --config (it is relative to the current folder); `leakrisk anonymize --init --data file.csv` drafts one',
  jsonFix: 'fix the JSON syntax (no comments or trailing commas in .json; use .yaml for a commented config)',
};

/**
 * Reads `anon.json` (or `.yaml`/`.yml`) and validates it; see {@link parseAnonymizeConfig}.
 * Errors name the file, the column and the fix.
 */
export function loadAnonymizeConfig(path: string): AnonymizeConfig {
  const raw = readStructuredFile(path, CONFIG_FILE);
  return parseAnonymizeConfig(raw, { file: path, dir: dirname(resolve(path)) });
}

/**
 * Validates a parsed config and returns its normalised form: every column as an object spec,
 * hierarchies read and checked (ARX layout), paths resolved against the config's folder,
 * `maxSuppressedShare` defaulting to 0.05 and `missingMatches` to `"any"` (sdcMicro's behaviour).
 *
 * Refuses: columns left `"undecided"` (listed together), unknown actions or fields, bands not
 * strictly increasing, bottomCode ≥ topCode, recode/hierarchy on a column that is not `quasi`,
 * hierarchy files that are missing or malformed, k < 2, a share outside [0, 1], unknown
 * l-diversity variants, sensitive columns that are also quasi-identifiers, `keyFrom` not
 * `env:`/`file:`, `pseudonymize`/`dateShift` columns without a `keyFrom`, and a `design` block that does
 * not go with the columns (`parseReleaseDesign`).
 */
export function parseAnonymizeConfig(raw: unknown, options: ParseConfigOptions): AnonymizeConfig {
  const file = options.file;
  const dir = options.dir ?? dirname(resolve(file));
  const readText = options.readText ?? ((p: string) => readFileSync(p, 'utf8'));

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LeakriskError('the config must be an object with "columns" and "privacy"', { file }, 'start from `leakrisk anonymize --init --data file.csv`');
  }
  const undecided = listUndecided(raw as Record<string, unknown>);
  if (undecided.length > 0) {
    throw new LeakriskError(
      `${undecided.length} column${undecided.length === 1 ? ' is' : 's are'} still "undecided": ${undecided.join(', ')}`,
      { file, column: undecided[0] },
      'decide each one: "drop", "pseudonymize", "scrub", "keep", or { "role": "quasi" } for a quasi-identifier (the config refuses to run until every column is classified)',
    );
  }
  assertKnownActions(raw as Record<string, unknown>, file);
  assertConfigShape(raw, file);
  const input = raw as RawConfig;

  // A null-prototype object: a column may be called `__proto__`, `constructor` or `toString`.
  const columns: Record<string, ColumnConfig> = Object.create(null);
  for (const [name, entry] of Object.entries(input.columns)) {
    columns[name] = parseColumn(name, entry, { file, dir, readText });
  }

  const privacy: PrivacyConfig = {
    k: input.privacy.k,
    maxSuppressedShare: input.privacy.maxSuppressedShare ?? DEFAULT_MAX_SUPPRESSED_SHARE,
    missingMatches: input.privacy.missingMatches ?? 'any',
  };
  if (input.privacy.weights !== undefined) privacy.weights = input.privacy.weights;
  if (input.privacy.household !== undefined) privacy.household = input.privacy.household;
  if (input.privacy.l !== undefined) {
    const l = input.privacy.l;
    if (l.distinct === undefined && l.entropy === undefined && l.recursive === undefined) {
      throw new LeakriskError(
        '"privacy.l" names sensitive columns but no l-diversity variant',
        { file, column: 'privacy.l' },
        'add "distinct": 2, "entropy": 2 or "recursive": { "c": 3, "l": 2 }',
      );
    }
    for (const s of l.sensitive) {
      if (columns[s]?.role === 'quasi') {
        throw new LeakriskError(
          `column "${s}" is both a quasi-identifier and a sensitive column`,
          { file, column: s },
          'a sensitive column is kept as it is; make it "keep", or remove it from privacy.l.sensitive',
        );
      }
      if (columns[s] !== undefined && columns[s]!.role !== 'keep') {
        throw new LeakriskError(
          `sensitive column "${s}" is "${columns[s]!.role}", so it is not in the output to protect`,
          { file, column: s },
          'make it "keep", or remove it from privacy.l.sensitive',
        );
      }
    }
    privacy.l = { sensitive: [...l.sensitive] };
    if (l.distinct !== undefined) privacy.l.distinct = l.distinct;
    if (l.entropy !== undefined) privacy.l.entropy = l.entropy;
    if (l.recursive !== undefined) privacy.l.recursive = { c: l.recursive.c, l: l.recursive.l };
  }
  for (const [field, name] of [
    ['weights', privacy.weights],
    ['household', privacy.household],
  ] as const) {
    if (name !== undefined && columns[name]?.role === 'quasi') {
      throw new LeakriskError(`privacy.${field} column "${name}" is also a quasi-identifier`, { file, column: name }, `classify "${name}" as "keep"`);
    }
  }

  const config: AnonymizeConfig = { file, dir, columns, privacy };
  if (input.keyFrom !== undefined) config.keyFrom = parseKeySource(input.keyFrom, file, dir);
  const needsKey = Object.entries(columns)
    .filter(([, c]) => c.role === 'pseudonymize' || c.role === 'dateShift')
    .map(([n]) => n);
  if (needsKey.length > 0 && config.keyFrom === undefined) {
    throw new LeakriskError(
      `column${needsKey.length === 1 ? '' : 's'} ${needsKey.join(', ')} need${needsKey.length === 1 ? 's' : ''} a key, but the config has no "keyFrom"`,
      { file, column: needsKey[0] },
      'add "keyFrom": "env:LEAKRISK_KEY" (or "file:key.txt"); `leakrisk keygen --out key.txt` writes a new key',
    );
  }
  if (input.codebook !== undefined) config.codebook = resolvePath(dir, input.codebook);
  if (input.design !== undefined) config.design = parseReleaseDesign(input.design, columns, file, config.keyFrom !== undefined);
  return config;
}

interface RawColumnObject {
  role: ColumnRole;
  recode?: RecodeSpec;
  hierarchy?: string;
  importance?: number;
  maxDays?: number;
  note?: string;
}

interface RawConfig {
  columns: Record<string, string | RawColumnObject>;
  privacy: {
    k: number;
    l?: { sensitive: string[]; distinct?: number; entropy?: number; recursive?: { c: number; l: number } };
    weights?: string;
    maxSuppressedShare?: number;
    missingMatches?: 'any' | 'self';
    household?: string;
  };
  keyFrom?: string;
  codebook?: string;
  design?: RawReleaseDesign;
}

function listUndecided(raw: Record<string, unknown>): string[] {
  const columns = raw['columns'];
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) return [];
  const out: string[] = [];
  for (const [name, entry] of Object.entries(columns as Record<string, unknown>)) {
    if (entry === UNDECIDED) out.push(name);
    else if (entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>)['role'] === UNDECIDED) out.push(name);
  }
  return out;
}

/** A string entry must be one of the short actions; said plainly before the schema's generic message. */
function assertKnownActions(raw: Record<string, unknown>, file: string): void {
  const columns = raw['columns'];
  if (columns === null || typeof columns !== 'object') return;
  for (const [name, entry] of Object.entries(columns as Record<string, unknown>)) {
    if (typeof entry === 'string' && !(COLUMN_ACTIONS as readonly string[]).includes(entry)) {
      throw new LeakriskError(
        `unknown action "${entry}"`,
        { file, column: name },
        `use "drop", "pseudonymize", "scrub" or "keep", or an object such as { "role": "quasi" } or { "role": "dateShift", "maxDays": 14 }`,
      );
    }
  }
}

function parseColumn(name: string, entry: string | RawColumnObject, ctx: { file: string; dir: string; readText: (p: string) => string }): ColumnConfig {
  const { file } = ctx;
  if (typeof entry === 'string') return { role: entry as ColumnRole };
  const spec: ColumnConfig = { role: entry.role };
  if (entry.recode !== undefined) {
    if (entry.role !== 'quasi') {
      throw new LeakriskError(
        `"recode" only applies to quasi-identifiers, but the role is "${entry.role}"`,
        { file, column: name },
        'set "role": "quasi", or remove "recode"',
      );
    }
    const recode: RecodeSpec = {};
    const { bands, topCode, bottomCode } = entry.recode;
    if (bands !== undefined) {
      for (let i = 1; i < bands.length; i++) {
        if (!(bands[i]! > bands[i - 1]!)) {
          throw new LeakriskError(
            `recode.bands must be strictly increasing, but ${bands[i]} follows ${bands[i - 1]} (position ${i + 1})`,
            { file, column: name },
            'list the lower bound of each band in increasing order, e.g. [18, 25, 35, 45, 55, 65]',
          );
        }
      }
      recode.bands = [...bands];
    }
    if (topCode !== undefined && bottomCode !== undefined && !(bottomCode < topCode)) {
      throw new LeakriskError(
        `recode.bottomCode (${bottomCode}) must be below recode.topCode (${topCode})`,
        { file, column: name },
        'swap them or correct one',
      );
    }
    if (topCode !== undefined) recode.topCode = topCode;
    if (bottomCode !== undefined) recode.bottomCode = bottomCode;
    spec.recode = recode;
  }
  if (entry.hierarchy !== undefined) {
    if (entry.role !== 'quasi') {
      throw new LeakriskError(
        `"hierarchy" only applies to quasi-identifiers, but the role is "${entry.role}"`,
        { file, column: name },
        'set "role": "quasi", or remove "hierarchy"',
      );
    }
    const absolute = resolvePath(ctx.dir, entry.hierarchy);
    let text: string;
    try {
      text = ctx.readText(absolute);
    } catch {
      throw new LeakriskError(
        `hierarchy file "${entry.hierarchy}" not found (looked for ${absolute})`,
        { file, column: name },
        'the path is relative to the config file\'s folder; check it, or remove "hierarchy"',
      );
    }
    spec.hierarchy = parseHierarchyCsv(text, { file: entry.hierarchy, path: absolute, column: name });
  }
  if (entry.importance !== undefined) {
    if (entry.role !== 'quasi') {
      throw new LeakriskError(
        `"importance" only applies to quasi-identifiers, but the role is "${entry.role}"`,
        { file, column: name },
        'set "role": "quasi", or remove "importance"',
      );
    }
    spec.importance = entry.importance;
  }
  if (entry.maxDays !== undefined) {
    if (entry.role !== 'dateShift') {
      throw new LeakriskError(
        `"maxDays" only applies to "dateShift" columns, but the role is "${entry.role}"`,
        { file, column: name },
        'set "role": "dateShift", or remove "maxDays"',
      );
    }
    spec.maxDays = entry.maxDays;
  }
  return spec;
}

function parseKeySource(spec: string, file: string, dir: string): KeySource {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const rest = spec.slice(colon + 1).trim();
  if (kind === 'env') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest)) {
      throw new LeakriskError(`"keyFrom" names an invalid environment variable "${rest}"`, { file, column: 'keyFrom' }, 'write e.g. "env:LEAKRISK_KEY"');
    }
    return { kind: 'env', variable: rest, spec };
  }
  if (kind === 'file') return { kind: 'file', path: resolvePath(dir, rest), spec };
  throw new LeakriskError(`"keyFrom" must start with "env:" or "file:"`, { file, column: 'keyFrom' }, 'write "env:LEAKRISK_KEY" or "file:path/to/key.txt"');
}

function resolvePath(dir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dir, path);
}
