import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LeakriskError } from '../errors.js';
import { readStructuredFile, type StructuredFileWording } from '../io/readStructuredFile.js';
import { codebookSchema } from './schema.js';
import type { Codebook, Variable } from './types.js';

const Ajv = AjvModule.default;
const compiled = new Map<boolean, ValidateFunction>();

/**
 * The schema's validator. A codebook drawn from a form or data file says which `languages` its
 * wording is in; where the form has no Urdu its `ur` texts repeat the English, so for such a codebook
 * the Urdu-script rule is lifted (everything else is checked the same).
 */
function validator(drawn: boolean): ValidateFunction {
  let validate = compiled.get(drawn);
  if (validate === undefined) {
    const schema = drawn ? withoutUrduScriptRule() : codebookSchema;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(drawn, validate);
  }
  return validate;
}

function withoutUrduScriptRule(): object {
  const schema = JSON.parse(JSON.stringify(codebookSchema)) as { definitions: { localized: { properties: { ur: Record<string, unknown> } } } };
  delete schema.definitions.localized.properties.ur.pattern;
  return schema;
}

/**
 * Reads a codebook from a JSON or YAML file (chosen by extension: `.yaml`/`.yml` is YAML, anything
 * else JSON), checks it against the codebook schema and the rules a schema cannot say, and returns
 * it. Every problem is a {@link LeakriskError} naming the file, the JSON path (e.g.
 * `variables[12].label.ur`) and what to change.
 *
 * @example
 * const codebook = loadCodebook('data/instrument/codebook.json');
 * codebook.scales.map((s) => s.id); // ['privacy_concern', 'victim_blaming', …]
 */
export function loadCodebook(path: string): Codebook {
  return checkCodebook(readStructuredFile(path, CODEBOOK_FILE), path);
}

/** How the codebook loader words the errors of the file it reads (`readStructuredFile`). */
const CODEBOOK_FILE: StructuredFileWording = {
  what: 'codebook',
  notFound: 'codebook file not found',
  notFoundFix: 'check the path (it is relative to the current folder, or to the plan/config that names it)',
  jsonFix: 'fix the JSON syntax at that line (a missing comma or quote is the usual cause)',
};

/**
 * Checks already-parsed codebook data (from JSON, YAML or code): first the schema (shape, required
 * English and Urdu labels), then the cross-references: unique names, section variables that exist,
 * scale items and reverse items, knowledge answers among the options, sensible codes. Returns the
 * data typed as a {@link Codebook}; `file` is used in messages only.
 */
export function checkCodebook(data: unknown, file = '<codebook>'): Codebook {
  const drawn = typeof data === 'object' && data !== null && Array.isArray((data as { languages?: unknown }).languages);
  const validate = validator(drawn);
  if (!validate(data)) {
    throw schemaError(validate.errors ?? [], data, file);
  }
  const codebook = data as unknown as Codebook;
  checkReferences(codebook, file);
  return codebook;
}

/** `/variables/12/label` → `variables[12].label`. */
function jsonPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let path = '';
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path === '' ? part : `.${part}`;
  return path === '' ? '(top level)' : path;
}

/** Names the variable, scale or section a path points into, so a message says `variable "vb3"`. */
function subjectOf(pointer: string, data: unknown): string {
  const match = /^\/(variables|scales|sections|knowledgeScores)\/(\d+)/.exec(pointer);
  if (!match || typeof data !== 'object' || data === null) return '';
  const list = (data as Record<string, unknown>)[match[1]!];
  const entry = Array.isArray(list) ? (list[Number(match[2])] as Record<string, unknown> | undefined) : undefined;
  const id = entry?.name ?? entry?.id;
  const kind = { variables: 'variable', scales: 'scale', sections: 'section', knowledgeScores: 'knowledge score' }[match[1] as 'variables'];
  return typeof id === 'string' ? ` (${kind} "${id}")` : '';
}

function schemaError(errors: ErrorObject[], data: unknown, file: string): LeakriskError {
  // `if` failures only say "must match then"; the useful error is the one beside them.
  const useful = errors.filter((e) => e.keyword !== 'if');
  const error = useful.find((e) => e.keyword === 'required') ?? useful[0] ?? errors[0]!;
  const others = useful.length > 1 ? ` (and ${useful.length - 1} more problem${useful.length > 2 ? 's' : ''})` : '';
  const where = subjectOf(error.instancePath, data);
  let problem: string;
  let column: string;
  let fix: string;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    column = jsonPath(error.instancePath, missing);
    problem = `${column}${where} is missing`;
    fix =
      missing === 'ur'
        ? 'add the Urdu wording (Arabic script) beside the English: every question, option and title needs both'
        : missing === 'en'
          ? 'add the English wording beside the Urdu'
          : `add "${missing}" there (see data/instrument/codebook.schema.json)`;
  } else if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    column = jsonPath(error.instancePath, extra);
    problem = `${column}${where} is not a codebook field`;
    fix = 'check the spelling against data/instrument/codebook.schema.json, or remove the field';
  } else if (error.keyword === 'pattern' && error.instancePath.endsWith('/ur')) {
    column = jsonPath(error.instancePath);
    problem = `${column}${where} has no Urdu (Arabic-script) text`;
    fix = 'write the Urdu label in Urdu script, not in Roman Urdu or English';
  } else if (error.keyword === 'enum') {
    column = jsonPath(error.instancePath);
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    problem = `${column}${where} must be one of ${allowed}`;
    fix = 'use one of the allowed values';
  } else {
    column = jsonPath(error.instancePath);
    problem = `${column}${where} ${error.message ?? 'is not valid'}`;
    fix = 'correct the value as data/instrument/codebook.schema.json describes';
  }
  return new LeakriskError(`codebook: ${problem}${others}`, { file, column }, fix);
}

function checkReferences(codebook: Codebook, file: string): void {
  const fail = (problem: string, column: string, fix: string): never => {
    throw new LeakriskError(`codebook: ${problem}`, { file, column }, fix);
  };
  const byName = new Map<string, Variable>();
  codebook.variables.forEach((variable, i) => {
    const at = `variables[${i}]`;
    if (byName.has(variable.name)) {
      fail(`the variable name "${variable.name}" is used twice`, `${at}.name`, 'give every variable (column) a unique name');
    }
    byName.set(variable.name, variable);
    const codes = new Set<string>();
    (variable.options ?? []).forEach((option, j) => {
      if (codes.has(option.code)) {
        fail(
          `variable "${variable.name}" has the option code "${option.code}" twice`,
          `${at}.options[${j}].code`,
          'give every option of a question a unique code',
        );
      }
      codes.add(option.code);
    });
    (variable.missingCodes ?? []).forEach((missing, j) => {
      if (codes.has(missing.code)) {
        fail(
          `variable "${variable.name}" uses "${missing.code}" both as an answer and as a missing code`,
          `${at}.missingCodes[${j}].code`,
          'choose a missing code (e.g. 98, 99) that is not an answer code',
        );
      }
    });
    if (variable.type === 'likert') {
      (variable.options ?? []).forEach((option, j) => {
        if (!/^-?\d+$/.test(option.code)) {
          fail(
            `Likert variable "${variable.name}" has the non-integer code "${option.code}"`,
            `${at}.options[${j}].code`,
            'code Likert points as integers (1..5) so that reverse keying and scores work',
          );
        }
      });
    }
    if (variable.type === 'multiselect') {
      const sorted = [...codes].sort().join(',');
      if (sorted !== '0,1') {
        fail(
          `multiselect variable "${variable.name}" must have exactly the options "0" and "1"`,
          `${at}.options`,
          'code each multiselect column as 0 (not selected) / 1 (selected)',
        );
      }
    }
    if (variable.correct !== undefined && !codes.has(variable.correct)) {
      fail(
        `the correct answer "${variable.correct}" of "${variable.name}" is not one of its options (${[...codes].join(', ')})`,
        `${at}.correct`,
        'set "correct" to the code of one of the options',
      );
    }
    if (variable.min !== undefined && variable.max !== undefined && variable.min > variable.max) {
      fail(`variable "${variable.name}" has min ${variable.min} above max ${variable.max}`, `${at}.min`, 'swap min and max');
    }
    if (variable.reverse === true && variable.type !== 'likert') {
      fail(`variable "${variable.name}" is reverse-keyed but not a Likert item`, `${at}.reverse`, 'only Likert items can be reverse-keyed; remove "reverse"');
    }
  });

  const sectionIds = new Set<string>();
  const placed = new Map<string, string>();
  codebook.sections.forEach((section, i) => {
    if (sectionIds.has(section.id)) fail(`the section id "${section.id}" is used twice`, `sections[${i}].id`, 'give every section a unique id');
    sectionIds.add(section.id);
    section.variables.forEach((name, j) => {
      if (!byName.has(name)) {
        fail(
          `section "${section.id}" lists "${name}", which is not a variable`,
          `sections[${i}].variables[${j}]`,
          `declare "${name}" under "variables" or remove it from the section`,
        );
      }
      const other = placed.get(name);
      if (other !== undefined) {
        fail(
          `"${name}" is listed in section "${other}" and again in "${section.id}"`,
          `sections[${i}].variables[${j}]`,
          'list each variable in one section only',
        );
      }
      placed.set(name, section.id);
    });
  });

  const scoreIds = new Set<string>();
  codebook.scales.forEach((scale, i) => {
    const at = `scales[${i}]`;
    if (scoreIds.has(scale.id)) {
      fail(`the scale id "${scale.id}" is used twice`, `${at}.id`, 'give every scale a unique id');
    }
    if (byName.has(scale.id)) {
      fail(
        `the scale id "${scale.id}" is also a variable name`,
        `${at}.id`,
        'scale scores become columns named by the scale id: rename the scale or the variable',
      );
    }
    scoreIds.add(scale.id);
    const items = new Set<string>();
    scale.items.forEach((item, j) => {
      const variable = byName.get(item);
      if (variable === undefined) {
        fail(
          `scale "${scale.id}" lists the item "${item}", which is not a variable`,
          `${at}.items[${j}]`,
          `declare "${item}" under "variables" or correct the item name`,
        );
      } else if (variable.type !== 'likert' && variable.type !== 'numeric') {
        fail(
          `scale "${scale.id}" lists "${item}", which is a ${variable.type} variable, not a Likert item`,
          `${at}.items[${j}]`,
          'scales are built from Likert (or numeric) items',
        );
      }
      if (items.has(item)) fail(`scale "${scale.id}" lists "${item}" twice`, `${at}.items[${j}]`, 'list each item once');
      items.add(item);
    });
    scale.reverse.forEach((item, j) => {
      if (!items.has(item)) {
        fail(
          `scale "${scale.id}" reverse-keys "${item}", which is not one of its items`,
          `${at}.reverse[${j}]`,
          `add "${item}" to the scale's items or remove it from "reverse"`,
        );
      }
    });
    for (const item of scale.items) {
      const flagged = byName.get(item)!.reverse === true;
      if (flagged !== scale.reverse.includes(item)) {
        fail(
          `item "${item}" is ${flagged ? '' : 'not '}reverse-keyed in "variables" but ${flagged ? 'not ' : ''}in scale "${scale.id}"`,
          `${at}.reverse`,
          `make the variable's "reverse" and the scale's "reverse" list agree for "${item}"`,
        );
      }
    }
    for (const [id, subscale] of Object.entries(scale.subscales ?? {})) {
      subscale.items.forEach((item, j) => {
        if (!items.has(item)) {
          fail(
            `subscale "${id}" of "${scale.id}" lists "${item}", which is not an item of the scale`,
            `${at}.subscales.${id}.items[${j}]`,
            'subscale items must be items of the scale',
          );
        }
      });
    }
    if (scale.scoring.minAnswered > scale.items.length) {
      fail(
        `scale "${scale.id}" needs ${scale.scoring.minAnswered} answered items but has only ${scale.items.length}`,
        `${at}.scoring.minAnswered`,
        `set minAnswered to at most ${scale.items.length}`,
      );
    }
  });

  codebook.knowledgeScores.forEach((score, i) => {
    const at = `knowledgeScores[${i}]`;
    if (scoreIds.has(score.id) || byName.has(score.id)) {
      fail(`the knowledge score id "${score.id}" is already used by a scale or variable`, `${at}.id`, 'give the knowledge score a unique id');
    }
    scoreIds.add(score.id);
    score.items.forEach((item, j) => {
      const variable = byName.get(item);
      if (variable === undefined) {
        fail(
          `knowledge score "${score.id}" lists "${item}", which is not a variable`,
          `${at}.items[${j}]`,
          `declare "${item}" under "variables" or correct the name`,
        );
      } else if (variable.type !== 'knowledge') {
        fail(
          `knowledge score "${score.id}" lists "${item}", which is a ${variable.type} variable`,
          `${at}.items[${j}]`,
          'knowledge scores count knowledge items (type "knowledge" with a "correct" answer)',
        );
      }
    });
  });
}
