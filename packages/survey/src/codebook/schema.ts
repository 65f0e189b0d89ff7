/**
 * JSON Schema (draft-07) of a codebook: the shape of {@link Codebook}. The same object is committed as
 * `data/instrument/codebook.schema.json` (a test keeps the two equal), so editors can validate the
 * codebook while the loader needs no file at run time, from `src/` or from `dist/`.
 */
const localized = {
  type: 'object',
  required: ['en', 'ur'],
  additionalProperties: false,
  properties: {
    en: { type: 'string', minLength: 1 },
    ur: { type: 'string', minLength: 1, pattern: '[\\u0600-\\u06FF]' },
  },
  patternProperties: { '^[a-z]{2,8}(-[A-Za-z0-9]{1,8})*$': { type: 'string', minLength: 1 } },
} as const;

const code = { type: 'string', minLength: 1, pattern: '^\\S(.*\\S)?$' } as const;
/** A column name: letters first (or `_`, `@`, `#`, `$` as forms and SPSS allow), `/option` for a select-multiple split column. */
const name = { type: 'string', pattern: '^[\\p{L}_@#$][\\p{L}\\p{N}_.@#$-]*(/[^/\\s]+)?$' } as const;

export const codebookSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://leakrisk.invalid/schema/codebook.schema.json',
  title: 'leakrisk survey codebook',
  description: 'Every column of the raw survey file is one variable, with English and Urdu (Arabic script) labels for every question and response option.',
  type: 'object',
  required: ['id', 'version', 'title', 'synthetic', 'sections', 'variables', 'scales', 'knowledgeScores'],
  additionalProperties: false,
  definitions: {
    localized,
    option: {
      type: 'object',
      required: ['code', 'label'],
      additionalProperties: false,
      properties: { code, label: { $ref: '#/definitions/localized' } },
    },
  },
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    title: { $ref: '#/definitions/localized' },
    synthetic: { type: 'boolean' },
    consent: { $ref: '#/definitions/localized' },
    ethics: {
      type: 'object',
      required: ['committee', 'reference'],
      additionalProperties: false,
      properties: {
        committee: { type: 'string', minLength: 1 },
        reference: { type: 'string', minLength: 1 },
        note: { $ref: '#/definitions/localized' },
      },
    },
    contentNote: { $ref: '#/definitions/localized' },
    languages: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z]{2,8}(-[A-Za-z0-9]{1,8})*$' } },
    source: {
      type: 'object',
      required: ['format', 'file'],
      additionalProperties: false,
      properties: { format: { enum: ['xlsform', 'sav', 'csv', 'xlsx'] }, file: { type: 'string', minLength: 1 } },
    },
    notes: { type: 'array', items: { type: 'string' } },
    sections: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'variables'],
        additionalProperties: false,
        properties: {
          id: name,
          title: { $ref: '#/definitions/localized' },
          intro: { $ref: '#/definitions/localized' },
          variables: { type: 'array', items: name },
        },
      },
    },
    variables: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'type', 'label'],
        additionalProperties: false,
        properties: {
          name,
          type: { enum: ['identifier', 'design', 'categorical', 'multiselect', 'likert', 'numeric', 'knowledge', 'text', 'date', 'selectMultiple'] },
          label: { $ref: '#/definitions/localized' },
          shortLabel: { $ref: '#/definitions/localized' },
          options: { type: 'array', minItems: 1, items: { $ref: '#/definitions/option' } },
          missingCodes: { type: 'array', items: { $ref: '#/definitions/option' } },
          reverse: { type: 'boolean' },
          sensitive: { type: 'boolean' },
          min: { type: 'number' },
          max: { type: 'number' },
          correct: code,
          group: name,
          option: code,
          hint: { $ref: '#/definitions/localized' },
          formType: { type: 'string', minLength: 1 },
          metadata: { type: 'boolean' },
          path: { type: 'string', minLength: 1 },
          repeat: { type: 'string', minLength: 1 },
        },
        allOf: [
          {
            if: { properties: { type: { enum: ['categorical', 'multiselect', 'likert', 'knowledge', 'selectMultiple'] } } },
            then: { required: ['options'] },
          },
          { if: { properties: { type: { const: 'knowledge' } } }, then: { required: ['correct'] } },
          { if: { properties: { type: { const: 'multiselect' } } }, then: { required: ['group'] } },
        ],
      },
    },
    scales: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'items', 'reverse', 'scoring'],
        additionalProperties: false,
        properties: {
          id: name,
          label: { $ref: '#/definitions/localized' },
          construct: { type: 'string' },
          items: { type: 'array', minItems: 2, items: name },
          reverse: { type: 'array', items: name },
          subscales: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['label', 'items'],
              additionalProperties: false,
              properties: { label: { $ref: '#/definitions/localized' }, items: { type: 'array', minItems: 1, items: name } },
            },
          },
          scoring: {
            type: 'object',
            required: ['method', 'minAnswered'],
            additionalProperties: false,
            properties: { method: { enum: ['mean', 'sum'] }, minAnswered: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
    knowledgeScores: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'items'],
        additionalProperties: false,
        properties: { id: name, label: { $ref: '#/definitions/localized' }, items: { type: 'array', minItems: 1, items: name } },
      },
    },
  },
} as const;
