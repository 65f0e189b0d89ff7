import type { Variable } from '../codebook/types.js';
import { ITEM_SHIFT, KNOWLEDGE_DIFFICULTY, KNOWLEDGE_SLOPE, LOADING, LOADING_VARIATION, TRAITS, TRAIT_COUNT, thresholds } from './latent.js';
import { type Random, cumulative, logistic } from './random.js';
import type { Respondents } from './respondents.js';

// The synthetic survey's item columns: Likert items from the latent traits, knowledge items, and any other codebook variable.

/** Missing-answer mix: which share of skipped answers is an empty cell, 98 (don't know), 99 (refused). */
function missingMix(variable: Variable): { rate: number; codes: string[]; cumulative: Float64Array } {
  const declared = new Set((variable.missingCodes ?? []).map((m) => m.code));
  const sensitive = variable.sensitive === true;
  const shares: [string, number][] = [['', sensitive ? 0.25 : 0.35]];
  if (declared.has('98')) shares.push(['98', sensitive ? 0.3 : 0.45]);
  if (declared.has('99')) shares.push(['99', sensitive ? 0.45 : 0.2]);
  return { rate: sensitive ? 0.048 : 0.034, codes: shares.map((s) => s[0]), cumulative: cumulative(shares.map((s) => s[1])) };
}

export function likertColumn(
  cells: string[],
  variable: Variable,
  inScale: { trait: number; position: number } | undefined,
  people: Respondents,
  random: Random,
): void {
  const codes = variable.options!.map((o) => o.code);
  const cuts = thresholds(codes.length);
  const trait = inScale?.trait ?? -1;
  const loading = trait >= 0 ? (LOADING[TRAITS[trait]!] ?? 0.6) * LOADING_VARIATION[inScale!.position % LOADING_VARIATION.length]! : 0;
  const sign = variable.reverse === true ? -1 : 1;
  const noise = Math.sqrt(1 - loading * loading);
  const shift = ITEM_SHIFT[variable.name] ?? 0;
  const missing = missingMix(variable);
  const traits = people.traits;
  const traitCount = TRAIT_COUNT;
  for (let i = 0; i < people.n; i++) {
    if (random.uniform() < missing.rate * people.skipping[i]!) {
      cells[i] = missing.codes[random.pickCumulative(missing.cumulative)]!;
      continue;
    }
    const eta = trait >= 0 ? traits[i * traitCount + trait]! : 0;
    const x = sign * loading * eta + noise * random.normal() + shift;
    let k = 0;
    while (k < cuts.length && x > cuts[k]!) k++;
    cells[i] = codes[k]!;
  }
}

export function knowledgeColumn(cells: string[], variable: Variable, people: Respondents, random: Random): void {
  const codes = variable.options!.map((o) => o.code);
  const wrong = codes.filter((c) => c !== variable.correct && c !== 'dont_know');
  const hasDontKnow = codes.includes('dont_know');
  const difficulty = KNOWLEDGE_DIFFICULTY[variable.name] ?? 0;
  const knowledge = TRAITS.indexOf('legal_knowledge');
  const declared = (variable.missingCodes ?? []).map((m) => m.code);
  const slope = KNOWLEDGE_SLOPE;
  const traits = people.traits;
  const traitCount = TRAIT_COUNT;
  for (let i = 0; i < people.n; i++) {
    if (random.uniform() < 0.025 * people.skipping[i]!) {
      cells[i] = declared.length > 0 && random.chance(0.5) ? declared[0]! : '';
      continue;
    }
    const p = logistic(slope * traits[i * traitCount + knowledge]! + difficulty);
    if (variable.correct !== undefined && random.uniform() < p) cells[i] = variable.correct;
    else if (hasDontKnow && (wrong.length === 0 || random.chance(0.55))) cells[i] = 'dont_know';
    else cells[i] = wrong.length > 0 ? random.pick(wrong) : codes[0]!;
  }
}

export function genericColumn(cells: string[], variable: Variable, n: number, random: Random): void {
  const codes = variable.options?.map((o) => o.code);
  for (let i = 0; i < n; i++) {
    if (codes !== undefined && codes.length > 0) cells[i] = random.pick(codes);
    else if (variable.type === 'numeric') cells[i] = String(random.int(Math.ceil(variable.min ?? 0), Math.floor(variable.max ?? 10)));
    else cells[i] = '';
  }
}
