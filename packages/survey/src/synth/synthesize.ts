import { LeakriskError } from '../errors.js';
import type { Codebook, Variable } from '../codebook/types.js';
import { fakeComment } from './comments.js';
import { DEFAULT_STRATA_TOTALS, buildFrame } from './frame.js';
import { fakeCnic, fakeEmail, fakePerson, fakePhone, writtenName, type FakePerson } from './identifiers.js';
import {
  CHOLESKY,
  CLUSTER_SD,
  ITEM_SHIFT,
  KNOWLEDGE_DIFFICULTY,
  KNOWLEDGE_SLOPE,
  LOADING,
  LOADING_VARIATION,
  TRAITS,
  TRAIT_COUNT,
  thresholds,
} from './latent.js';
import { Random, cumulative, logistic } from './random.js';

/** Census input: adult population by stratum `province_area` (the `strata.totals` of `data/census/*.json`). */
export interface SynthCensus {
  strata: { totals: Readonly<Record<string, number>> };
}

export interface SynthOptions {
  /** Number of respondents (rows). */
  n: number;
  /** Any finite number; the same seed gives the same rows. */
  seed: number;
  /** The instrument: every variable becomes one column, in codebook order. */
  codebook: Codebook;
  /** Stratum population totals; defaults to the bundled 2023 census margins. */
  census?: SynthCensus;
}

/** A raw survey held by column, cells as written in the CSV (ready for `formatCsv`). */
export interface SyntheticSurvey {
  header: string[];
  columns: string[][];
}

const GENDERS = ['female', 'male', 'transgender', 'prefer_not'] as const;
const FEMALE = 0;
const MALE = 1;
const TRANSGENDER = 2;
/** An internet-user frame: far more men than the census (PTA: social-media users ~76% male). */
const GENDER_SHARES = cumulative([0.33, 0.65, 0.005, 0.015]);
const AGE_BANDS = [
  [18, 25],
  [26, 35],
  [36, 45],
  [46, 55],
  [56, 65],
  [66, 90],
] as const;
/** Younger than the adult population (18-25 is 18.6% of the electoral roll, 34% here). */
const AGE_SHARES = cumulative([0.34, 0.3, 0.17, 0.1, 0.06, 0.03]);
const EDUCATION = ['none', 'primary', 'matric', 'intermediate', 'bachelors', 'postgraduate'] as const;
const EDUCATION_CUTS = [-1.45, -0.85, -0.1, 0.5, 1.45];
const OCCUPATION = ['student', 'salaried', 'self_employed', 'daily_wage', 'homemaker', 'unemployed', 'retired', 'other'] as const;
const MARITAL = ['never_married', 'married', 'widowed', 'divorced_separated'] as const;
const MARITAL_YOUNG_FEMALE = cumulative([0.6, 0.38, 0, 0.02]);
const MARITAL_YOUNG_MALE = cumulative([0.85, 0.14, 0, 0.01]);
const MARITAL_25_34 = cumulative([0.35, 0.62, 0.01, 0.02]);
const MARITAL_35_54 = cumulative([0.06, 0.88, 0.03, 0.03]);
const MARITAL_55_PLUS = cumulative([0.02, 0.8, 0.15, 0.03]);
/** Occupation weights by gender, adjusted per respondent for age and education. */
const OCCUPATION_FEMALE = [0.05, 0.18, 0.07, 0.04, 0.55, 0.07, 0, 0.04];
const OCCUPATION_MALE = [0.05, 0.35, 0.25, 0.15, 0.01, 0.1, 0, 0.04];
const OCCUPATION_OTHER = [0.05, 0.12, 0.28, 0.2, 0.05, 0.2, 0, 0.1];
/** Small whole numbers as text, shared between cells instead of one string per cell. */
const NUMBER_TEXT = Array.from({ length: 1000 }, (_, k) => String(k));
const numberText = (k: number): string => NUMBER_TEXT[k] ?? String(k);
const PLATFORMS = ['tiktok', 'instagram', 'youtube', 'facebook', 'whatsapp', 'x'] as const;

/** Districts by province with relative weights in urban and rural strata. */
const DISTRICTS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  punjab: [
    ['lahore', 13, 2],
    ['faisalabad', 5, 5],
    ['rawalpindi', 4, 3],
    ['multan', 3, 3],
    ['gujranwala', 3, 3],
    ['bahawalpur', 1.5, 3],
  ],
  sindh: [
    ['karachi_central', 4, 0.2],
    ['karachi_east', 4, 0.2],
    ['hyderabad', 2, 1.5],
    ['sukkur', 1, 1.5],
    ['larkana', 0.8, 1.5],
  ],
  khyber_pakhtunkhwa: [
    ['peshawar', 3, 2],
    ['mardan', 1, 2],
    ['abbottabad', 0.6, 1.2],
    ['swat', 0.6, 2],
    ['dera_ismail_khan', 0.6, 1.2],
  ],
  balochistan: [
    ['quetta', 3, 1],
    ['kech', 0.5, 1],
    ['khuzdar', 0.4, 1],
    ['gwadar', 0.3, 0.3],
  ],
  islamabad: [['islamabad', 1, 1]],
};

/** Province effects on the traits (victim blaming, legal knowledge) and on education. */
const PROVINCE_EFFECT: Readonly<Record<string, { vb: number; lk: number; edu: number }>> = {
  punjab: { vb: 0, lk: 0, edu: 0 },
  sindh: { vb: -0.05, lk: 0, edu: 0 },
  khyber_pakhtunkhwa: { vb: 0.15, lk: -0.1, edu: -0.1 },
  balochistan: { vb: 0.1, lk: -0.2, edu: -0.3 },
  islamabad: { vb: -0.15, lk: 0.3, edu: 0.5 },
};

/** Fieldwork window: 1 October 2025 to 31 March 2026 (182 days). */
const FIELDWORK_START = Date.UTC(2025, 9, 1);
const FIELDWORK_DAYS = 182;

/** Respondent attributes shared by the column generators (typed arrays: one slot per row). */
interface Respondents {
  n: number;
  stratum: Int32Array;
  psu: Int32Array;
  /** PSU number across all strata, for cluster effects. */
  cluster: Int32Array;
  gender: Uint8Array;
  age: Uint8Array;
  education: Uint8Array;
  urban: Uint8Array;
  /** Bit j set: uses PLATFORMS[j]. */
  platforms: Uint8Array;
  /** Latent traits, row-major n × TRAIT_COUNT. */
  traits: Float64Array;
  /** Respondent's propensity to skip questions (mean 1). */
  skipping: Float64Array;
}

/**
 * A synthetic *raw* survey: a stratified two-stage sample (province × area strata, PSUs of about
 * 10 respondents, design weights with a non-response adjustment, `fpc_psu`), demographics skewed like
 * an internet-user frame, attitudes from a correlated latent-trait model with group differences and
 * PSU effects, 3–5% item missingness (empty cells and the codebook's 98/99 codes), and fake direct
 * identifiers and free text. Deterministic: the same `seed` gives the same cells.
 *
 * Columns follow the codebook's variable order; a variable the generator does not know is filled
 * from its type (options drawn uniformly, numbers within min..max, text left empty).
 *
 * @example
 * const { header, columns } = synthesizeSurvey({ n: 3000, seed: 20251001, codebook });
 * writeFileSync('raw.csv', formatCsv(header, columns));
 */
export function synthesizeSurvey(options: SynthOptions): SyntheticSurvey {
  const { n, seed, codebook } = options;
  if (!Number.isInteger(n) || n < 1) {
    throw new LeakriskError(
      `the number of respondents must be a whole number of at least 1 (got ${n})`,
      { column: 'n' },
      'pass --n with a positive whole number, e.g. --n 3000',
    );
  }
  if (!Number.isFinite(seed)) {
    throw new LeakriskError(`the seed must be a number (got ${seed})`, { column: 'seed' }, 'pass --seed with a whole number, e.g. --seed 42');
  }
  const random = new Random(seed);
  const frame = buildFrame(n, options.census?.strata.totals ?? DEFAULT_STRATA_TOTALS, random);
  const strataIds = frame.map((s) => s.id);

  // Design columns, one row per respondent, ordered by stratum and PSU.
  const people: Respondents = {
    n,
    stratum: new Int32Array(n),
    psu: new Int32Array(n),
    cluster: new Int32Array(n),
    gender: new Uint8Array(n),
    age: new Uint8Array(n),
    education: new Uint8Array(n),
    urban: new Uint8Array(n),
    platforms: new Uint8Array(n),
    traits: new Float64Array(n * TRAIT_COUNT),
    skipping: new Float64Array(n),
  };
  const weightText: string[] = [];
  const fieldworkDay: number[] = [];
  let row = 0;
  let cluster = 0;
  frame.forEach((stratum, h) => {
    stratum.psuSizes.forEach((size, k) => {
      weightText.push(stratum.psuWeights[k]!.toFixed(2));
      fieldworkDay.push(random.int(0, FIELDWORK_DAYS - 5));
      for (let m = 0; m < size; m++, row++) {
        people.stratum[row] = h;
        people.psu[row] = k;
        people.cluster[row] = cluster;
        people.urban[row] = stratum.area === 'urban' ? 1 : 0;
      }
      cluster++;
    });
  });

  const province = (i: number): string => frame[people.stratum[i]!]!.province;
  drawDemographics(people, random, province);
  drawTraits(people, random, cluster, province);

  const columns = new Map<string, string[]>();
  const column = (name: string): string[] => {
    let cells = columns.get(name);
    if (cells === undefined) {
      cells = new Array<string>(n);
      columns.set(name, cells);
    }
    return cells;
  };
  const has = (name: string) => codebook.variables.some((v) => v.name === name);
  const optionCodes = (name: string) => new Set(codebook.variables.find((v) => v.name === name)?.options?.map((o) => o.code) ?? []);

  // Identifiers, dates and free text: one fake person per row.
  const names = has('name') ? column('name') : undefined;
  const phones = has('phone') ? column('phone') : undefined;
  const cnics = has('cnic') ? column('cnic') : undefined;
  const emails = has('email') ? column('email') : undefined;
  const comments = has('comment') ? column('comment') : undefined;
  const ids = has('resp_id') ? column('resp_id') : undefined;
  const dates = has('interview_date') ? column('interview_date') : undefined;
  const dayText = Array.from({ length: FIELDWORK_DAYS }, (_, d) => new Date(FIELDWORK_START + d * 86400000).toISOString().slice(0, 10));
  const idWidth = Math.max(6, String(n).length);
  for (let i = 0; i < n; i++) {
    const gender = GENDERS[people.gender[i]!]!;
    const prov = province(i);
    const person: FakePerson = fakePerson(random, gender);
    if (ids) ids[i] = `R${String(i + 1).padStart(idWidth, '0')}`;
    if (dates) dates[i] = dayText[fieldworkDay[people.cluster[i]!]! + random.int(0, 4)]!;
    if (names) names[i] = random.chance(0.03) ? '' : writtenName(random, person, gender);
    if (phones) phones[i] = random.chance(0.06) ? '' : fakePhone(random);
    if (cnics) cnics[i] = random.chance(0.12) ? '' : fakeCnic(random, prov, gender);
    if (emails) emails[i] = random.chance(0.55) ? '' : fakeEmail(random, person);
    if (comments) comments[i] = fakeComment(random, person, prov, gender);
  }

  if (has('stratum')) fill(column('stratum'), n, (i) => strataIds[people.stratum[i]!]!);
  if (has('psu')) fill(column('psu'), n, (i) => numberText(people.psu[i]! + 1));
  if (has('weight')) fill(column('weight'), n, (i) => weightText[people.cluster[i]!]!);
  if (has('fpc_psu')) {
    const fpcText = frame.map((s) => String(s.populationPsus));
    fill(column('fpc_psu'), n, (i) => fpcText[people.stratum[i]!]!);
  }
  writeDemographics(people, random, column, has, optionCodes, province);

  // Attitude items from the latent traits; knowledge items from the knowledge trait.
  const scaleOfItem = new Map<string, { trait: number; position: number }>();
  for (const scale of codebook.scales) {
    const trait = (TRAITS as readonly string[]).indexOf(scale.id);
    scale.items.forEach((item, position) => {
      scaleOfItem.set(item, { trait, position });
    });
  }
  const knowledgeItems = new Set(codebook.knowledgeScores.flatMap((s) => s.items));

  for (const variable of codebook.variables) {
    if (columns.has(variable.name)) continue;
    const cells = column(variable.name);
    const inScale = scaleOfItem.get(variable.name);
    if (variable.type === 'likert' && variable.options !== undefined) {
      likertColumn(cells, variable, inScale, people, random);
    } else if (variable.type === 'knowledge' && variable.options !== undefined && knowledgeItems.has(variable.name)) {
      knowledgeColumn(cells, variable, people, random);
    } else {
      genericColumn(cells, variable, n, random);
    }
  }
  const header = codebook.variables.map((v) => v.name);
  return { header, columns: header.map((name) => columns.get(name)!) };
}

/** An index drawn with probability proportional to `weights[i]` (no allocation). */
function pickWeighted(random: Random, weights: Float64Array): number {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k]!;
  let u = random.uniform() * total;
  for (let k = 0; k < weights.length - 1; k++) {
    u -= weights[k]!;
    if (u < 0) return k;
  }
  return weights.length - 1;
}

function fill(cells: string[], n: number, value: (i: number) => string): void {
  for (let i = 0; i < n; i++) cells[i] = value(i);
}

function drawDemographics(people: Respondents, random: Random, province: (i: number) => string): void {
  for (let i = 0; i < people.n; i++) {
    const gender = random.pickCumulative(GENDER_SHARES);
    people.gender[i] = gender;
    const [low, high] = AGE_BANDS[random.pickCumulative(AGE_SHARES)]!;
    people.age[i] = high === 90 ? Math.min(90, low + Math.floor(-Math.log(1 - random.uniform()) * 6)) : random.int(low, high);
    const female = gender === FEMALE ? 1 : 0;
    const latent = random.normal() + 0.45 * people.urban[i]! - 0.25 * female - 0.015 * (people.age[i]! - 30) + PROVINCE_EFFECT[province(i)]!.edu + 0.15;
    let level = 0;
    while (level < EDUCATION_CUTS.length && latent > EDUCATION_CUTS[level]!) level++;
    people.education[i] = level;
    const ageC = (people.age[i]! - 35) / 10;
    const edu = level - 2.5;
    const male = gender === MALE ? 1 : 0;
    const urban = people.urban[i]!;
    let bits = 0;
    if (random.uniform() < logistic(0.1 - 0.45 * ageC + 0.2 * (1 - urban) - 0.1 * edu)) bits |= 1; // tiktok
    if (random.uniform() < logistic(-0.6 - 0.5 * ageC + 0.25 * edu + 0.4 * urban + 0.2 * female)) bits |= 2; // instagram
    if (random.uniform() < logistic(1.1 + 0.3 * male - 0.15 * ageC)) bits |= 4; // youtube
    if (random.uniform() < logistic(0.6 + 0.5 * male - 0.1 * ageC)) bits |= 8; // facebook
    if (random.uniform() < logistic(2.4)) bits |= 16; // whatsapp
    if (random.uniform() < logistic(-2.0 + 0.35 * edu + 0.4 * urban - 0.2 * ageC)) bits |= 32; // x
    people.platforms[i] = bits === 0 ? 1 << 4 : bits;
    people.skipping[i] = 0.3 + 1.4 * random.uniform();
  }
}

function drawTraits(people: Respondents, random: Random, clusters: number, province: (i: number) => string): void {
  const effects = new Float64Array(clusters * TRAIT_COUNT);
  for (let c = 0; c < effects.length; c++) effects[c] = CLUSTER_SD * random.normal();
  const z = new Float64Array(TRAIT_COUNT);
  const shift = new Float64Array(TRAIT_COUNT);
  const chol = CHOLESKY;
  const traitCount = TRAIT_COUNT;
  for (let i = 0; i < people.n; i++) {
    for (let t = 0; t < traitCount; t++) z[t] = random.normal();
    const gender = people.gender[i]!;
    const f = gender === FEMALE ? 1 : 0;
    const tg = gender === TRANSGENDER ? 1 : 0;
    const m = gender === MALE ? 1 : 0;
    const e = people.education[i]! - 2.5;
    const a = (people.age[i]! - 35) / 10;
    const u = people.urban[i]!;
    const tiktok = people.platforms[i]! & 1;
    const p = PROVINCE_EFFECT[province(i)]!;
    shift[0] = 0.3 * f + 0.2 * tg + 0.08 * e + 0.1 * u; // privacy concern
    shift[1] = -0.4 * f - 0.5 * tg + 0.1 * a - 0.1 * e + 0.15 * (1 - u) + p.vb; // victim blaming
    shift[2] = -0.25 * f - 0.08 * a - 0.05 * e + 0.15 * tiktok; // resharing
    shift[3] = 0.2 * e - 0.1 * a + 0.15 * u + 0.05 * f; // online safety
    shift[4] = 0.15 * f + 0.05 * e; // platform accountability
    shift[5] = 0.2 * f - 0.05 * a + 0.06 * e; // help-seeking
    shift[6] = 0.25 * e + 0.2 * u + 0.1 * m - 0.05 * a + p.lk; // legal knowledge
    const base = i * traitCount;
    const c = people.cluster[i]! * traitCount;
    for (let t = 0; t < traitCount; t++) {
      let value = 0;
      for (let s = 0; s <= t; s++) value += chol[t * traitCount + s]! * z[s]!;
      people.traits[base + t] = value + shift[t]! + effects[c + t]!;
    }
  }
}

function writeDemographics(
  people: Respondents,
  random: Random,
  column: (name: string) => string[],
  has: (name: string) => boolean,
  optionCodes: (name: string) => Set<string>,
  province: (i: number) => string,
): void {
  const n = people.n;
  const knows = (name: string, codes: readonly string[]) => has(name) && codes.every((c) => optionCodes(name).has(c));
  const missingOr = (p: number, value: string, code = '99') => (random.chance(p) ? code : value);
  if (has('age')) fill(column('age'), n, (i) => numberText(people.age[i]!));
  if (knows('gender', GENDERS)) fill(column('gender'), n, (i) => (random.chance(0.003) ? '' : GENDERS[people.gender[i]!]!));
  if (has('province') && optionCodes('province').has('punjab')) fill(column('province'), n, province);
  if (knows('area', ['urban', 'rural'])) fill(column('area'), n, (i) => (people.urban[i] ? 'urban' : 'rural'));
  if (has('district')) {
    const allowed = optionCodes('district');
    const choices = new Map<string, { codes: string[]; urban: Float64Array; rural: Float64Array }>();
    for (const [prov, list] of Object.entries(DISTRICTS)) {
      const kept = list.filter(([code]) => allowed.has(code));
      if (kept.length > 0)
        choices.set(prov, { codes: kept.map((d) => d[0]), urban: cumulative(kept.map((d) => d[1])), rural: cumulative(kept.map((d) => d[2])) });
    }
    if (choices.size > 0) {
      fill(column('district'), n, (i) => {
        const choice = choices.get(province(i));
        return choice === undefined ? '' : choice.codes[random.pickCumulative(people.urban[i] ? choice.urban : choice.rural)]!;
      });
    }
  }
  if (knows('education', EDUCATION)) fill(column('education'), n, (i) => missingOr(0.01, EDUCATION[people.education[i]!]!));
  if (knows('occupation', OCCUPATION)) {
    const w = new Float64Array(OCCUPATION.length);
    fill(column('occupation'), n, (i) => {
      const gender = people.gender[i]!;
      const age = people.age[i]!;
      const edu = people.education[i]!;
      w.set(gender === FEMALE ? OCCUPATION_FEMALE : gender === MALE ? OCCUPATION_MALE : OCCUPATION_OTHER);
      if (age <= 24) w[0]! += edu >= 2 ? 0.7 : 0.15;
      if (age >= 60) w[6]! += gender === FEMALE ? 0.15 : 0.5;
      w[3]! *= edu <= 1 ? 2 : 0.5;
      w[1]! *= edu >= 4 ? 1.8 : 1;
      return missingOr(0.01, OCCUPATION[pickWeighted(random, w)]!);
    });
  }
  if (knows('marital_status', MARITAL)) {
    fill(column('marital_status'), n, (i) => {
      const age = people.age[i]!;
      const female = people.gender[i] === FEMALE;
      const shares = age <= 24 ? (female ? MARITAL_YOUNG_FEMALE : MARITAL_YOUNG_MALE) : age <= 34 ? MARITAL_25_34 : age <= 54 ? MARITAL_35_54 : MARITAL_55_PLUS;
      return missingOr(0.02, MARITAL[random.pickCumulative(shares)]!);
    });
  }
  if (has('household_size')) {
    fill(column('household_size'), n, (i) => {
      // 2 + Poisson(4.3) by inversion: mean about 6.3, the census household size.
      let k = 0;
      let p = Math.exp(-4.3);
      let sum = p;
      const u = random.uniform();
      while (u > sum && k < 18) {
        k++;
        p *= 4.3 / k;
        sum += p;
      }
      return missingOr(0.01, numberText(Math.max(1, 2 + k - (people.age[i]! < 22 && random.chance(0.1) ? 1 : 0))));
    });
  }
  PLATFORMS.forEach((platform, j) => {
    const name = `platform_${platform}`;
    if (knows(name, ['0', '1'])) fill(column(name), n, (i) => ((people.platforms[i]! >> j) & 1 ? '1' : '0'));
  });
  if (has('daily_hours')) {
    const HOURS_TEXT = Array.from({ length: 33 }, (_, k) => String(k / 2));
    fill(column('daily_hours'), n, (i) => {
      const u = random.uniform();
      if (u < 0.015) return '98';
      if (u < 0.02) return '99';
      const logMean = Math.log(2.6) - 0.15 * ((people.age[i]! - 35) / 10) + 0.1 * (people.platforms[i]! & 1);
      const hours = Math.min(16, Math.max(0.5, Math.round(2 * Math.exp(logMean + 0.55 * random.normal())) / 2));
      return HOURS_TEXT[hours * 2]!;
    });
  }
  if (knows('posts_self', ['yes', 'no'])) {
    fill(column('posts_self'), n, (i) => {
      const bits = people.platforms[i]!;
      const logit = 0.2 - 0.7 * (people.gender[i] === FEMALE ? 1 : 0) - 0.3 * ((people.age[i]! - 35) / 10) + 0.5 * (bits & 1) + 0.4 * ((bits >> 1) & 1);
      return missingOr(0.015, random.chance(logistic(logit)) ? 'yes' : 'no');
    });
  }
}

/** Missing-answer mix: which share of skipped answers is an empty cell, 98 (don't know), 99 (refused). */
function missingMix(variable: Variable): { rate: number; codes: string[]; cumulative: Float64Array } {
  const declared = new Set((variable.missingCodes ?? []).map((m) => m.code));
  const sensitive = variable.sensitive === true;
  const shares: [string, number][] = [['', sensitive ? 0.25 : 0.35]];
  if (declared.has('98')) shares.push(['98', sensitive ? 0.3 : 0.45]);
  if (declared.has('99')) shares.push(['99', sensitive ? 0.45 : 0.2]);
  return { rate: sensitive ? 0.048 : 0.034, codes: shares.map((s) => s[0]), cumulative: cumulative(shares.map((s) => s[1])) };
}

function likertColumn(
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

function knowledgeColumn(cells: string[], variable: Variable, people: Respondents, random: Random): void {
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

function genericColumn(cells: string[], variable: Variable, n: number, random: Random): void {
  const codes = variable.options?.map((o) => o.code);
  for (let i = 0; i < n; i++) {
    if (codes !== undefined && codes.length > 0) cells[i] = random.pick(codes);
    else if (variable.type === 'numeric') cells[i] = String(random.int(Math.ceil(variable.min ?? 0), Math.floor(variable.max ?? 10)));
    else cells[i] = '';
  }
}
