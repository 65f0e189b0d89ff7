import { CHOLESKY, CLUSTER_SD, TRAIT_COUNT } from './latent.js';
import { type Random, cumulative, logistic } from './random.js';
import type { Respondents } from './respondents.js';

// The synthetic respondents' demographics and latent traits: the frame's shares, and how they are drawn and written.

export const GENDERS = ['female', 'male', 'transgender', 'prefer_not'] as const;
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
export const numberText = (k: number): string => NUMBER_TEXT[k] ?? String(k);
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
export const FIELDWORK_START = Date.UTC(2025, 9, 1);
export const FIELDWORK_DAYS = 182;

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

export function fill(cells: string[], n: number, value: (i: number) => string): void {
  for (let i = 0; i < n; i++) cells[i] = value(i);
}

export function drawDemographics(people: Respondents, random: Random, province: (i: number) => string): void {
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

export function drawTraits(people: Respondents, random: Random, clusters: number, province: (i: number) => string): void {
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

export function writeDemographics(
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
