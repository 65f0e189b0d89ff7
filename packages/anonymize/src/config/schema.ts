import AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import { LeakriskError } from '@leakrisk/survey';

/**
 * JSON Schema (draft-07) of `anon.json` as written by a researcher. It checks the shape only;
 * `parseAnonymizeConfig` adds the rules a schema cannot say (bands increasing, hierarchy files,
 * a key source for pseudonyms) and resolves paths. Editors can use it for completion.
 */
export const anonymizeConfigSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://leakrisk.example/anon.schema.json',
  title: 'leakrisk anonymization config',
  type: 'object',
  required: ['columns', 'privacy'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string' },
    codebook: { type: 'string', minLength: 1 },
    keyFrom: { type: 'string', pattern: '^(env|file):.+' },
    columns: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          { type: 'string', enum: ['drop', 'pseudonymize', 'scrub', 'keep', 'undecided'] },
          {
            type: 'object',
            required: ['role'],
            additionalProperties: false,
            properties: {
              role: { type: 'string', enum: ['quasi', 'drop', 'pseudonymize', 'scrub', 'keep', 'dateShift', 'undecided'] },
              recode: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  bands: { type: 'array', minItems: 1, items: { type: 'number' } },
                  topCode: { type: 'number' },
                  bottomCode: { type: 'number' },
                },
              },
              hierarchy: { type: 'string', minLength: 1 },
              importance: { type: 'integer', minimum: 1 },
              maxDays: { type: 'integer', minimum: 1 },
              note: { type: 'string' },
            },
          },
        ],
      },
    },
    design: {
      type: 'object',
      required: ['weights', 'replicates'],
      additionalProperties: false,
      properties: {
        ids: { type: 'array', items: { type: 'string', minLength: 1 } },
        strata: { type: 'string', minLength: 1 },
        weights: { type: 'string', minLength: 1 },
        fpc: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        nest: { type: 'boolean' },
        lonelyPsu: { type: 'string', enum: ['fail', 'remove', 'certainty', 'adjust', 'average'] },
        replicates: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: { type: 'string', enum: ['JKn', 'bootstrap'] },
            count: { type: 'integer', minimum: 2 },
            prefix: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
          },
        },
      },
    },
    privacy: {
      type: 'object',
      required: ['k'],
      additionalProperties: false,
      properties: {
        k: { type: 'integer', minimum: 2 },
        l: {
          type: 'object',
          required: ['sensitive'],
          additionalProperties: false,
          properties: {
            sensitive: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            distinct: { type: 'integer', minimum: 2 },
            entropy: { type: 'number', exclusiveMinimum: 1 },
            recursive: {
              type: 'object',
              required: ['c', 'l'],
              additionalProperties: false,
              properties: { c: { type: 'number', exclusiveMinimum: 0 }, l: { type: 'integer', minimum: 2 } },
            },
          },
        },
        weights: { type: 'string', minLength: 1 },
        maxSuppressedShare: { type: 'number', minimum: 0, maximum: 1 },
        missingMatches: { type: 'string', enum: ['any', 'self'] },
        household: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;

const Ajv = AjvModule.default;
let compiled: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

function validator() {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    compiled = ajv.compile(anonymizeConfigSchema);
  }
  return compiled;
}

/** Field-specific advice for the shape errors researchers actually make. */
const FIXES: Record<string, string> = {
  '/privacy/k': 'set "k" to a whole number of at least 2 (5 is common for survey microdata)',
  '/privacy/maxSuppressedShare': 'give a share between 0 and 1, e.g. 0.05 for at most 5% of records',
  '/privacy/missingMatches': 'use "any" (a missing key matches every value, as sdcMicro) or "self" (missing is its own category, as ARX)',
  '/privacy/l/distinct': 'give a whole number of at least 2',
  '/privacy/l/entropy': 'give a number above 1 (entropy l-diversity needs the entropy of every class to be at least ln(l))',
  '/privacy/l/recursive': 'write "recursive": { "c": 3, "l": 2 } with c > 0 and a whole l of at least 2',
  '/privacy/l/sensitive': 'list the sensitive columns, e.g. "sensitive": ["vb1"]',
  '/design/replicates/type':
    'use "JKn" (one replicate per PSU, the stratified jackknife) or "bootstrap" (with "count" replicates, drawn from a seed derived from the key)',
  '/design/replicates/count': 'give a whole number of replicates of at least 2 (50 or more is usual for a bootstrap)',
  '/design/replicates/prefix': 'give a column-name prefix of letters, digits and _ (not starting with a digit), e.g. "repw"',
  '/design/lonelyPsu': 'use one of "fail", "remove", "certainty", "adjust", "average" (R survey semantics)',
  '/keyFrom': 'write "keyFrom": "env:LEAKRISK_KEY" (an environment variable) or "file:path/to/key.txt" (relative to the config)',
};

/**
 * Checks the shape of a parsed config against {@link anonymizeConfigSchema}; throws a
 * LeakriskError naming the file, the field (or column) and the fix for the most specific problem.
 */
export function assertConfigShape(raw: unknown, file: string): void {
  const validate = validator();
  if (validate(raw)) return;
  const errors = (validate.errors ?? []) as ErrorObject[];
  throw shapeError(pickError(errors), file);
}

function pickError(errors: ErrorObject[]): ErrorObject {
  // The deepest error is the most specific; among equals, prefer those not coming from the
  // string branch of a column's oneOf (an object entry's own error explains more).
  const score = (e: ErrorObject) =>
    e.instancePath.split('/').length * 10 +
    (e.keyword === 'oneOf' ? -5 : 0) +
    (e.schemaPath.includes('/oneOf/0/') ? -3 : 0) +
    (e.keyword === 'additionalProperties' ? 1 : 0);
  return errors.reduce((best, e) => (score(e) > score(best) ? e : best), errors[0]!);
}

function shapeError(error: ErrorObject, file: string): LeakriskError {
  const path = error.instancePath;
  const parts = path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const isColumn = parts[0] === 'columns' && parts.length >= 2;
  const column = isColumn ? parts[1] : parts.length > 0 ? parts.join('.') : undefined;
  const field = isColumn ? parts.slice(2).join('.') : parts.join('.');
  const where = field === '' ? (isColumn ? 'the column entry' : 'the config') : `"${field}"`;
  const params = error.params as Record<string, unknown>;
  let problem: string;
  let fix = FIXES[path.replace(/\/\d+$/, '')];
  switch (error.keyword) {
    case 'required':
      problem = `${where} is missing "${String(params['missingProperty'])}"`;
      fix ??= `add "${String(params['missingProperty'])}"`;
      break;
    case 'additionalProperties':
      problem = `${where} has an unknown field "${String(params['additionalProperty'])}"`;
      fix ??= `remove it or fix its spelling (allowed: ${allowedFields(parts, isColumn)})`;
      break;
    case 'enum':
      problem = `${where} has an unknown value`;
      fix ??= `use one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'oneOf':
    case 'type':
      problem =
        isColumn && parts.length === 2
          ? 'the column entry must be an action ("drop", "pseudonymize", "scrub", "keep") or an object with a "role"'
          : `${where} must be ${error.keyword === 'type' ? `of type ${String(params['type'])}` : 'a valid entry'}`;
      fix ??= isColumn
        ? 'write e.g. "age": { "role": "quasi", "recode": { "bands": [18, 25, 35] } }'
        : 'see "Anonymization config" in docs/CONTRACT.md of the leakrisk repository, or packages/anonymize/README.md';
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      problem = `${where} ${error.message ?? 'is out of range'}`;
      break;
    case 'pattern':
      problem = `${where} is not in the expected form`;
      break;
    case 'minItems':
    case 'minLength':
      problem = `${where} is empty`;
      break;
    default:
      problem = `${where} ${error.message ?? 'is invalid'}`;
  }
  return new LeakriskError(problem, { file, column }, fix);
}

function allowedFields(parts: string[], isColumn: boolean): string {
  if (isColumn) {
    if (parts[2] === 'recode') return 'bands, topCode, bottomCode';
    return 'role, recode, hierarchy, importance, maxDays, note';
  }
  if (parts[0] === 'privacy' && parts[1] === 'l' && parts[2] === 'recursive') return 'c, l';
  if (parts[0] === 'privacy' && parts[1] === 'l')
    return 'sensitive, distinct, entropy, recursive (the l-diversity variants are distinct, entropy and recursive)';
  if (parts[0] === 'privacy') return 'k, l, weights, maxSuppressedShare, missingMatches, household';
  if (parts[0] === 'design' && parts[1] === 'replicates') return 'type, count, prefix';
  if (parts[0] === 'design') return 'ids, strata, weights, fpc, nest, lonelyPsu, replicates';
  return 'columns, privacy, design, keyFrom, codebook, description';
}
