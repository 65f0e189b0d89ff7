import { LeakriskError } from '../errors.js';
import { LONELY_PSU_RULES, type DesignSpec } from '../design/types.js';
import { checkReplicateSpec } from '../design/replicates/checkReplicateSpec.js';
import { ORDINAL_LINKS } from '../inference/ordinalLinks.js';
import { ANALYSIS_TYPES, type Analysis, type AnalysisType, type Derivation, type Plan, type PlanCalibration } from './types.js';

/**
 * Checks a parsed plan (JSON or YAML) against the contract's plan shape and our extensions, and
 * returns it typed. Every problem is a LeakriskError naming the plan file, the analysis (by id and
 * position) and the field, with a fix. Paths are not resolved here (see `loadPlan`).
 */
export function checkPlan(data: unknown, file: string): Omit<Plan, 'file' | 'codebook' | 'report' | 'marginsFile'> & { codebook?: string; report?: string } {
  const fail = (field: string, problem: string, fix: string): never => {
    throw new LeakriskError(problem, { file, column: field }, fix);
  };
  if (!isObject(data)) fail('(top level)', 'the plan is not an object', 'write the plan as { "design": {…}, "analyses": […] }');
  const plan = data as Record<string, unknown>;
  allowOnly(plan, ['$schema', 'codebook', 'report', 'derive', 'design', 'calibration', 'analyses', 'title', 'description'], '', fail);

  let codebook: string | undefined;
  if (plan.codebook !== undefined) {
    if (typeof plan.codebook !== 'string' || plan.codebook === '') {
      fail('codebook', '"codebook" must be a path (text)', 'give the codebook path relative to the plan file, e.g. "../instrument/codebook.json"');
    }
    codebook = plan.codebook as string;
  }
  let report: string | undefined;
  if (plan.report !== undefined) {
    if (typeof plan.report !== 'string' || plan.report === '') {
      fail('report', '"report" must be a path (text)', 'give the report settings file relative to the plan file, e.g. "report.json"');
    }
    report = plan.report as string;
  }

  const design = checkDesign(plan.design, fail);
  const derive = plan.derive === undefined ? undefined : checkDerive(plan.derive, fail);
  const calibration = plan.calibration === undefined ? undefined : checkCalibration(plan.calibration, fail);

  if (!Array.isArray(plan.analyses) || plan.analyses.length === 0) {
    fail('analyses', '"analyses" must be a non-empty list', 'list the analyses to run, e.g. [{ "id": "vb1", "type": "mean", "variable": "vb1" }]');
  }
  const seen = new Set<string>();
  const analyses = (plan.analyses as unknown[]).map((entry, index) => {
    const analysis = checkAnalysis(entry, index, fail);
    if (seen.has(analysis.id)) {
      fail(`analyses[${index}].id`, `the analysis id "${analysis.id}" is used twice`, 'give every analysis its own id');
    }
    seen.add(analysis.id);
    return analysis;
  });
  return {
    ...(codebook !== undefined ? { codebook } : {}),
    ...(report !== undefined ? { report } : {}),
    ...(derive !== undefined ? { derive } : {}),
    design,
    ...(calibration !== undefined ? { calibration } : {}),
    analyses,
  };
}

type Fail = (field: string, problem: string, fix: string) => never;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function allowOnly(object: Record<string, unknown>, allowed: string[], where: string, fail: Fail, what = 'the plan'): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      fail(
        `${where}${where ? '.' : ''}${key}`,
        `unknown field "${key}" in ${what}`,
        `remove it or correct its spelling (allowed: ${allowed.filter((k) => k !== '$schema').join(', ')})`,
      );
    }
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'string' && x !== '');
}

function checkDesign(value: unknown, fail: Fail): DesignSpec {
  if (!isObject(value)) {
    return fail('design', 'the plan has no "design" object', 'add "design": { "ids": ["psu"], "strata": "stratum", "weights": "weight" } (R svydesign)');
  }
  allowOnly(value, ['ids', 'strata', 'weights', 'probs', 'fpc', 'nest', 'lonelyPsu', 'adjustDomainLonely', 'replicates'], 'design', fail, 'the design');
  const spec: DesignSpec = {};
  if (value.ids !== undefined) {
    if (!isStringList(value.ids)) fail('design.ids', '"ids" must be a list of column names', 'write e.g. "ids": ["psu"], or [] for no clustering');
    spec.ids = value.ids as string[];
  }
  for (const key of ['strata', 'weights'] as const) {
    if (value[key] !== undefined) {
      if (typeof value[key] !== 'string' || value[key] === '')
        fail(`design.${key}`, `"${key}" must be a column name`, `write e.g. "${key}": "${key === 'strata' ? 'stratum' : 'weight'}"`);
      spec[key] = value[key] as string;
    }
  }
  if (value.probs !== undefined) {
    if (typeof value.probs !== 'string' && !isStringList(value.probs))
      fail('design.probs', '"probs" must be a column name or a list of them', 'write e.g. "probs": ["prob1", "prob2"]');
    spec.probs = value.probs as string | string[];
  }
  if (value.fpc !== undefined) {
    const fpc = typeof value.fpc === 'string' ? [value.fpc] : value.fpc;
    if (!isStringList(fpc)) fail('design.fpc', '"fpc" must be a list of column names, one per stage', 'write e.g. "fpc": ["fpc_psu"]');
    spec.fpc = fpc as string[];
  }
  for (const key of ['nest', 'adjustDomainLonely'] as const) {
    if (value[key] !== undefined) {
      if (typeof value[key] !== 'boolean') fail(`design.${key}`, `"${key}" must be true or false`, `write "${key}": true or false`);
      spec[key] = value[key] as boolean;
    }
  }
  if (value.lonelyPsu !== undefined) {
    if (!LONELY_PSU_RULES.includes(value.lonelyPsu as never)) {
      fail(
        'design.lonelyPsu',
        `unknown lonely-PSU rule ${JSON.stringify(value.lonelyPsu)}`,
        `use one of ${LONELY_PSU_RULES.join(', ')} (R's survey.lonely.psu)`,
      );
    }
    spec.lonelyPsu = value.lonelyPsu as DesignSpec['lonelyPsu'];
  }
  if (spec.weights !== undefined && spec.probs !== undefined) {
    fail('design.probs', 'the design gives both "weights" and "probs"', 'give one of them: weights = 1 / probabilities');
  }
  if (value.replicates !== undefined) spec.replicates = checkReplicateSpec(value.replicates, spec, fail);
  return spec;
}

function checkDerive(value: unknown, fail: Fail): Derivation[] {
  if (!Array.isArray(value)) return fail('derive', '"derive" must be a list', 'write "derive": [{ "name": "age_band", "from": "age", "bands": [18, 26, 36] }]');
  return value.map((entry, index): Derivation => {
    const at = `derive[${index}]`;
    if (!isObject(entry)) return fail(at, 'each derivation must be an object', 'write { "name": …, "from": …, "bands" | "map": … } or { "scores": "all" }');
    if ('scores' in entry) {
      allowOnly(entry, ['scores'], at, fail, 'a scores derivation');
      if (entry.scores !== 'all' && !isStringList(entry.scores)) {
        fail(`${at}.scores`, '"scores" must be "all" or a list of scale ids', 'write "scores": "all" or "scores": ["victim_blaming"]');
      }
      return { scores: entry.scores as 'all' | string[] };
    }
    if (typeof entry.name !== 'string' || entry.name === '') fail(`${at}.name`, 'a derivation needs a "name" (the new column)', 'add "name": "age_band"');
    if (typeof entry.from !== 'string' || entry.from === '') fail(`${at}.from`, 'a derivation needs "from" (the source column)', 'add "from": "age"');
    const name = entry.name as string;
    const from = entry.from as string;
    if (entry.bands !== undefined) {
      allowOnly(entry, ['name', 'from', 'bands'], at, fail, 'a bands derivation');
      const bands = entry.bands;
      if (
        !Array.isArray(bands) ||
        bands.length === 0 ||
        !bands.every((b) => typeof b === 'number' && Number.isFinite(b)) ||
        bands.some((b, k) => k > 0 && b <= (bands[k - 1] as number))
      ) {
        fail(`${at}.bands`, '"bands" must be increasing numbers (the lower limits of the bands)', 'write e.g. "bands": [18, 26, 36, 46, 56, 66]');
      }
      return { name, from, bands: bands as number[] };
    }
    if (entry.map !== undefined) {
      allowOnly(entry, ['name', 'from', 'map', 'missing'], at, fail, 'a map derivation');
      if (!isObject(entry.map) || !Object.values(entry.map).every((v) => typeof v === 'string')) {
        fail(`${at}.map`, '"map" must map values to values (text)', 'write e.g. "map": { "prefer_not": "male" }');
      }
      if (entry.missing !== undefined && typeof entry.missing !== 'string')
        fail(`${at}.missing`, '"missing" must be a value (text)', 'write e.g. "missing": "male"');
      return { name, from, map: entry.map as Record<string, string>, ...(entry.missing !== undefined ? { missing: entry.missing as string } : {}) };
    }
    return fail(at, 'a derivation needs "bands", "map" or "scores"', 'add "bands": [...] or "map": {...}, or use { "scores": "all" }');
  });
}

function checkCalibration(value: unknown, fail: Fail): PlanCalibration {
  if (!isObject(value)) return fail('calibration', '"calibration" must be an object', 'write "calibration": { "method": "rake", "margins": { … } }');
  allowOnly(value, ['method', 'margins', 'epsilon', 'maxit', 'trim'], 'calibration', fail, 'the calibration');
  const methods = ['rake', 'poststratify', 'linear'];
  if (!methods.includes(value.method as string)) {
    fail('calibration.method', `unknown calibration method ${JSON.stringify(value.method)}`, `use one of ${methods.join(', ')}`);
  }
  if (!isObject(value.margins) || Object.keys(value.margins).length === 0) {
    fail(
      'calibration.margins',
      '"margins" must give population totals per variable and level',
      'write "margins": { "gender": { "female": 490, "male": 510 } } (or a path to a JSON/YAML file of them)',
    );
  }
  for (const [variable, totals] of Object.entries(value.margins as Record<string, unknown>)) {
    if (!isObject(totals) || Object.keys(totals).length === 0 || !Object.values(totals).every((t) => typeof t === 'number' && Number.isFinite(t) && t >= 0)) {
      fail(
        `calibration.margins.${variable}`,
        `the margin of "${variable}" must map each level to a population total (a number ≥ 0)`,
        `write e.g. "${variable}": { "level1": 490, "level2": 510 }`,
      );
    }
  }
  for (const key of ['epsilon', 'maxit'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'number' || !((value[key] as number) > 0))) {
      fail(`calibration.${key}`, `"${key}" must be a positive number`, key === 'epsilon' ? 'write e.g. "epsilon": 1' : 'write e.g. "maxit": 10');
    }
  }
  if (value.trim !== undefined) {
    const trim = value.trim;
    if (!isObject(trim) || (trim.lower !== undefined && typeof trim.lower !== 'number') || (trim.upper !== undefined && typeof trim.upper !== 'number')) {
      fail('calibration.trim', '"trim" must be { "lower": number, "upper": number }', 'write e.g. "trim": { "upper": 5000 }');
    }
  }
  return value as unknown as PlanCalibration;
}

const FIELDS: Record<AnalysisType, { required: string[]; optional: string[] }> = {
  mean: { required: ['variable'], optional: ['by', 'naRm'] },
  total: { required: ['variable'], optional: ['by', 'naRm'] },
  ratio: { required: ['numerator', 'denominator'], optional: ['by', 'naRm'] },
  proportion: { required: ['variable', 'level'], optional: ['by', 'naRm', 'ci'] },
  distribution: { required: ['variable'], optional: ['by', 'naRm', 'ci'] },
  quantile: { required: ['variable', 'probs'], optional: ['by', 'naRm'] },
  chisq: { required: ['rows', 'cols'], optional: ['statistic'] },
  glm: { required: ['formula'], optional: ['family', 'success'] },
  ordinal: { required: ['formula'], optional: ['link'] },
  contrast: { required: ['variable', 'by', 'levels'], optional: ['naRm'] },
  ttest: { required: ['variable', 'by'], optional: ['levels'] },
  alpha: { required: ['items'], optional: ['reverse', 'weighted'] },
  omega: { required: ['items'], optional: ['reverse'] },
};

const EXAMPLES: Record<AnalysisType, string> = {
  mean: '{ "id": "vb1", "type": "mean", "variable": "vb1", "by": ["gender"], "naRm": true }',
  total: '{ "id": "tot", "type": "total", "variable": "daily_hours", "naRm": true }',
  ratio: '{ "id": "rat", "type": "ratio", "numerator": "a", "denominator": "b" }',
  proportion: '{ "id": "p", "type": "proportion", "variable": "gender", "level": "female", "ci": "logit" }',
  distribution: '{ "id": "d", "type": "distribution", "variable": "vb1" }',
  quantile: '{ "id": "q", "type": "quantile", "variable": "age", "probs": [0.25, 0.5, 0.75] }',
  chisq: '{ "id": "chi", "type": "chisq", "rows": "vb1", "cols": "gender", "statistic": "F" }',
  glm: '{ "id": "reg", "type": "glm", "formula": "vb1 ~ age + gender", "family": "gaussian" }',
  ordinal: '{ "id": "olr", "type": "ordinal", "formula": "vb1 ~ age + gender", "link": "logit" }',
  contrast: '{ "id": "diff", "type": "contrast", "variable": "vb1", "by": "gender", "levels": ["male", "female"] }',
  ttest: '{ "id": "tt", "type": "ttest", "variable": "vb1", "by": "gender" }',
  alpha: '{ "id": "alpha", "type": "alpha", "items": ["vb1", "vb2", "vb3"], "reverse": ["vb3"] }',
  omega: '{ "id": "omega", "type": "omega", "items": ["vb1", "vb2", "vb3"] }',
};

function checkAnalysis(value: unknown, index: number, fail: Fail): Analysis {
  const at0 = `analyses[${index}]`;
  if (!isObject(value)) return fail(at0, 'each analysis must be an object', `write e.g. ${EXAMPLES.mean}`);
  if (typeof value.id !== 'string' || value.id === '' || !/^[A-Za-z0-9_.-]+$/.test(value.id)) {
    fail(`${at0}.id`, 'every analysis needs an "id" made of letters, digits, "_", "-" or "."', 'add e.g. "id": "vb1_by_gender" (it names results/<id>.csv)');
  }
  const id = value.id as string;
  const at = `analyses[${index}] (id "${id}")`;
  const type = value.type as AnalysisType;
  if (!ANALYSIS_TYPES.includes(type)) {
    fail(`${at}.type`, `unknown analysis type ${JSON.stringify(value.type)}`, `use one of ${ANALYSIS_TYPES.join(', ')}`);
  }
  const fields = FIELDS[type];
  const anAnalysis = `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} analysis`;
  allowOnly(value, ['id', 'type', 'section', 'label', ...fields.required, ...fields.optional], at, fail, anAnalysis);
  for (const field of fields.required) {
    if (value[field] === undefined) fail(`${at}.${field}`, `${anAnalysis} needs "${field}"`, `write e.g. ${EXAMPLES[type]}`);
  }
  for (const key of ['section', 'label'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') fail(`${at}.${key}`, `"${key}" must be text`, `write e.g. "${key}": "victim_blaming"`);
  }
  const column = (field: string) => {
    if (value[field] !== undefined && (typeof value[field] !== 'string' || value[field] === '')) {
      fail(`${at}.${field}`, `"${field}" must be a column name`, `write e.g. ${EXAMPLES[type]}`);
    }
  };
  for (const field of ['variable', 'numerator', 'denominator', 'rows', 'cols', 'level', 'success', 'formula']) column(field);
  const out: Record<string, unknown> = { ...value };
  if (value.by !== undefined) {
    if (type === 'contrast' || type === 'ttest') column('by');
    else {
      const by = typeof value.by === 'string' ? [value.by] : value.by;
      if (!isStringList(by)) fail(`${at}.by`, '"by" must be a column name or a list of them', 'write e.g. "by": ["gender"]');
      out.by = by;
    }
  }
  if (value.naRm !== undefined && typeof value.naRm !== 'boolean')
    fail(`${at}.naRm`, '"naRm" must be true or false', 'write "naRm": true to estimate over the rows where the variable is present');
  if (value.ci !== undefined && !['logit', 'beta', 'mean'].includes(value.ci as string)) {
    fail(`${at}.ci`, `unknown CI method ${JSON.stringify(value.ci)}`, 'use "logit" (default), "beta" (Korn–Graubard) or "mean" (Wald), as svyciprop');
  }
  if (type === 'quantile') {
    const probs = value.probs;
    if (!Array.isArray(probs) || probs.length === 0 || !probs.every((p) => typeof p === 'number' && p >= 0 && p <= 1)) {
      fail(`${at}.probs`, '"probs" must be a list of probabilities between 0 and 1', 'write e.g. "probs": [0.25, 0.5, 0.75]');
    }
  }
  if (type === 'chisq' && value.statistic !== undefined && !['F', 'Chisq'].includes(value.statistic as string)) {
    fail(`${at}.statistic`, `unknown statistic ${JSON.stringify(value.statistic)}`, 'use "F" (second-order Rao–Scott, default) or "Chisq" (first-order)');
  }
  if (type === 'ordinal' && value.link !== undefined && !ORDINAL_LINKS.includes(value.link as never)) {
    fail(
      `${at}.link`,
      `unknown ordinal link ${JSON.stringify(value.link)}`,
      'use "logit" (default), "probit" or "cloglog", as svyolr\'s methods logistic, probit and cloglog',
    );
  }
  if (type === 'glm' || type === 'ordinal') {
    if (value.family !== undefined && !['gaussian', 'quasibinomial', 'quasipoisson'].includes(value.family as string)) {
      fail(`${at}.family`, `unknown glm family ${JSON.stringify(value.family)}`, 'use "gaussian", "quasibinomial" or "quasipoisson"');
    }
    if (!/^\s*[A-Za-z.][A-Za-z0-9._]*\s*~\s*\S/.test(value.formula as string)) {
      fail(
        `${at}.formula`,
        `the formula ${JSON.stringify(value.formula)} is not of the form "response ~ term + term"`,
        'write e.g. "vb1 ~ age + gender + area"',
      );
    }
  }
  if (value.levels !== undefined) {
    const levels = value.levels;
    if (!isStringList(levels) || levels.length !== 2 || levels[0] === levels[1]) {
      fail(`${at}.levels`, '"levels" must name two different levels of the "by" variable', 'write e.g. "levels": ["male", "female"] (first minus second)');
    }
  }
  if (type === 'alpha' || type === 'omega') {
    const items = value.items;
    const minimum = type === 'omega' ? 3 : 2;
    if (!isStringList(items) || items.length < minimum || new Set(items).size !== items.length) {
      fail(`${at}.items`, `"items" must list at least ${minimum} different columns`, `write e.g. ${EXAMPLES[type]}`);
    }
    if (value.reverse !== undefined) {
      const reverse = value.reverse;
      if (!isStringList(reverse) || !reverse.every((r) => (items as string[]).includes(r))) {
        fail(`${at}.reverse`, '"reverse" must list items of "items"', 'name only items that are in the "items" list');
      }
    }
    if (value.weighted !== undefined && typeof value.weighted !== 'boolean')
      fail(`${at}.weighted`, '"weighted" must be true or false', 'write "weighted": true for survey::svycralpha');
  }
  return out as unknown as Analysis;
}
