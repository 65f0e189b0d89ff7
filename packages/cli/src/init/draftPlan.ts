import type { DraftColumn } from '@leakrisk/anonymize';
import type { Codebook, Table, Variable } from '@leakrisk/survey';
import { reverseKeyed } from './reverseKeyed.js';

const WEIGHT_NAME = /^(?:.*_)?(?:weights?|wt|wgt|pweight|final_?weight|design_?weight)$/i;
const CLUSTER_NAME = /^(?:psu|psu_?id|cluster|cluster_?(?:id|no|number)|ea|ea_?(?:id|code)|enumeration_?area|block_?(?:id|code))$/i;
const STRATUM_NAME = /^(?:strat(?:um|a)|stratum_?(?:id|code))$/i;
/** The demographics a report is usually broken down by, in order of preference. */
const MAIN_DEMOGRAPHICS = [/^(gender|sex)$/i, /^(area|urban_?rural|locality)$/i, /^(province|region)$/i, /^(education|education_?level)$/i];
/** Most levels a `by` variable may have (more makes domains too small to show). */
const MAX_GROUP_LEVELS = 6;
/** Fewest items for a reliability (alpha) analysis. */
const MIN_SCALE_ITEMS = 3;

export interface DesignDraft {
  ids: string[];
  strata?: string;
  weights?: string;
  nest?: boolean;
  /** The assumption in words, for the README. */
  assumption: string;
}

/** The sampling design the column names suggest, and the assumption it makes, stated for the researcher to check. */
export function draftDesign(table: Table): DesignDraft {
  const cluster = table.header.find((name) => CLUSTER_NAME.test(name));
  const stratum = table.header.find((name) => STRATUM_NAME.test(name));
  const weights = table.header.find((name) => WEIGHT_NAME.test(name) && isNumeric(table, name));
  const parts = [
    cluster === undefined ? 'no clustering (every respondent sampled on their own)' : `respondents sampled in clusters "${cluster}"`,
    stratum === undefined ? 'no strata' : `within strata "${stratum}"`,
    weights === undefined ? 'equal weights (an unweighted, simple random sample)' : `weighted by "${weights}"`,
  ];
  return {
    ids: cluster === undefined ? [] : [cluster],
    ...(stratum === undefined ? {} : { strata: stratum, nest: true }),
    ...(weights === undefined ? {} : { weights }),
    assumption: `${parts.join(', ')}. If the survey was drawn otherwise, edit "design" in plan.json (see the plan section of the leakrisk README).`,
  };
}

export interface PlanDraft {
  plan: Record<string, unknown>;
  /** The `by` variables (also the report's groupings). */
  groupings: string[];
  /** The scales found, for the README. */
  scales: { id: string; items: string[]; reverse: string[] }[];
}

/**
 * A plan that covers every answer released by the anonymization draft: a distribution for each
 * categorical answer, a mean for each numeric, Likert and 0/1 answer (overall and by each main
 * demographic), and Cronbach's alpha for each scale (the codebook's, else every set of three or more
 * Likert items of one section sharing one answer scale). Demographics released as quasi-identifiers
 * get a distribution; they are not averaged, since their released form may be a band.
 */
export function draftPlan(table: Table, codebook: Codebook, columns: Record<string, DraftColumn>, design: DesignDraft): PlanDraft {
  const released = (name: string) => {
    const entry = columns[name];
    return entry === 'keep' || (typeof entry === 'object' && entry.role === 'quasi');
  };
  const isQuasi = (name: string) => typeof columns[name] === 'object' && (columns[name] as { role: string }).role === 'quasi';
  const designColumns = new Set([...design.ids, design.strata, design.weights].filter((name) => name !== undefined));
  const variables = codebook.variables.filter(
    (v) =>
      table.header.includes(v.name) &&
      released(v.name) &&
      !designColumns.has(v.name) &&
      !v.metadata &&
      v.type !== 'selectMultiple' &&
      // an acknowledgement (consent) has one answer: nothing to estimate
      !(v.type === 'categorical' && (v.options?.length ?? 2) < 2),
  );
  const groupings = mainDemographics(
    table,
    variables.filter((v) => isQuasi(v.name)),
  );
  const sectionOf = (name: string) => codebook.sections.find((s) => s.variables.includes(name))?.id;
  const analyses: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  const add = (id: string, analysis: Record<string, unknown>, variable: Variable) => {
    let unique = id.replace(/[^A-Za-z0-9_-]/g, '_');
    while (ids.has(unique)) unique = `${unique}_`;
    ids.add(unique);
    const section = sectionOf(variable.name);
    analyses.push({ id: unique, ...analysis, ...(section === undefined ? {} : { section }) });
  };
  for (const v of variables) {
    if (isQuasi(v.name)) {
      if (v.type === 'categorical' || v.type === 'numeric') add(`${v.name}_dist`, { type: 'distribution', variable: v.name, naRm: true }, v);
      continue;
    }
    const categorical = v.type === 'categorical' || v.type === 'likert' || v.type === 'knowledge';
    if (categorical) add(`${v.name}_dist`, { type: 'distribution', variable: v.name, naRm: true }, v);
    if (v.type === 'likert' || v.type === 'numeric' || v.type === 'multiselect') {
      add(`${v.name}_mean`, { type: 'mean', variable: v.name, naRm: true }, v);
      for (const by of groupings) add(`${v.name}_by_${by}`, { type: 'mean', variable: v.name, by: [by], naRm: true }, v);
    } else if (v.type === 'categorical' && !isQuasi(v.name)) {
      for (const by of groupings) add(`${v.name}_by_${by}`, { type: 'distribution', variable: v.name, by: [by], naRm: true }, v);
    }
  }
  const scales = scalesOf(table, codebook, variables);
  for (const scale of scales) {
    const first = variables.find((v) => v.name === scale.items[0])!;
    add(`${scale.id}_alpha`, { type: 'alpha', items: scale.items, ...(scale.reverse.length > 0 ? { reverse: scale.reverse } : {}) }, first);
  }
  const designSpec: Record<string, unknown> = { ids: design.ids };
  if (design.strata !== undefined) designSpec['strata'] = design.strata;
  if (design.weights !== undefined) designSpec['weights'] = design.weights;
  if (design.nest !== undefined) designSpec['nest'] = design.nest;
  return {
    plan: { codebook: 'codebook.json', report: 'report.json', design: designSpec, analyses },
    groupings,
    scales,
  };
}

/** Up to three categorical demographics with few levels, in the order of {@link MAIN_DEMOGRAPHICS}. */
function mainDemographics(table: Table, quasi: Variable[]): string[] {
  const chosen: string[] = [];
  for (const pattern of MAIN_DEMOGRAPHICS) {
    const variable = quasi.find((v) => pattern.test(v.name) && v.type === 'categorical');
    if (variable === undefined || chosen.includes(variable.name)) continue;
    const levels = variable.options?.length ?? distinctCount(table, variable.name);
    if (levels >= 2 && levels <= MAX_GROUP_LEVELS) chosen.push(variable.name);
    if (chosen.length === 3) break;
  }
  return chosen;
}

/** The codebook's scales whose items are all released, else Likert items grouped by section and answer scale. */
function scalesOf(table: Table, codebook: Codebook, variables: Variable[]): { id: string; items: string[]; reverse: string[] }[] {
  const names = new Set(variables.map((v) => v.name));
  const declared = codebook.scales.filter((s) => s.items.every((item) => names.has(item)));
  if (declared.length > 0) return declared.map((s) => ({ id: s.id, items: [...s.items], reverse: [...s.reverse] }));
  const groups = new Map<string, string[]>();
  for (const v of variables) {
    if (v.type !== 'likert') continue;
    const section = codebook.sections.find((s) => s.variables.includes(v.name))?.id ?? '';
    const key = `${section}\u0000${(v.options ?? []).map((o) => o.code).join('\u0001')}`;
    groups.set(key, [...(groups.get(key) ?? []), v.name]);
  }
  return [...groups.values()]
    .filter((items) => items.length >= MIN_SCALE_ITEMS)
    .map((items) => ({ id: `scale_${items[0]}`, items, reverse: reverseKeyed(table, codebook, items) }));
}

function distinctCount(table: Table, name: string): number {
  const column = table.columns[table.header.indexOf(name)]!;
  const values = new Set<string>();
  for (let i = 0; i < column.length && values.size <= MAX_GROUP_LEVELS; i++) if (column.get(i) !== '') values.add(column.get(i));
  return values.size;
}

function isNumeric(table: Table, name: string): boolean {
  const column = table.columns[table.header.indexOf(name)]!;
  let seen = 0;
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (cell === '') continue;
    if (!Number.isFinite(Number(cell))) return false;
    seen++;
  }
  return seen > 0;
}
