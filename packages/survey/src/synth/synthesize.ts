import { LeakriskError } from '../errors.js';
import type { Codebook } from '../codebook/types.js';
import { fakeComment } from './comments.js';
import { DEFAULT_STRATA_TOTALS, buildFrame } from './frame.js';
import { fakeCnic, fakeEmail, fakePerson, fakePhone, writtenName, type FakePerson } from './identifiers.js';
import { TRAITS, TRAIT_COUNT } from './latent.js';
import { Random } from './random.js';
import { FIELDWORK_DAYS, FIELDWORK_START, GENDERS, drawDemographics, drawTraits, fill, numberText, writeDemographics } from './demographics.js';
import { genericColumn, knowledgeColumn, likertColumn } from './items.js';
import type { Respondents } from './respondents.js';

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
