// Writes a seeded, synthetic 1,000,000-row stratified cluster survey for the analysis benchmark.
// Usage: node packages/survey/bench/generate.mjs [--rows N] [--seed S] [--out file.csv]
// Without --out it writes to a new temporary folder and prints the path. The data are synthetic.
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = ['punjab', 'sindh', 'khyber_pakhtunkhwa', 'balochistan', 'islamabad'];
const GENDERS = ['female', 'male', 'transgender', 'prefer_not'];

/**
 * Generates the benchmark survey: 20 strata (province × area × 2), 50 PSUs per stratum, rows spread
 * evenly over PSUs; columns stratum, psu, weight, fpc, age, gender, province, area, daily_hours
 * (about 6% missing), vb1, vb2 (1..5), blames_victim (yes/no).
 * @returns {Promise<{ path: string, rows: number }>}
 */
export async function generateSurvey({ rows = 1_000_000, seed = 20240611, out } = {}) {
  const path = out ?? join(mkdtempSync(join(tmpdir(), 'leakrisk-bench-')), 'survey.csv');
  const random = rng(seed);
  const normal = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const strata = [];
  for (const province of PROVINCES)
    for (const area of ['urban', 'rural']) for (const half of ['a', 'b']) strata.push({ province, area, name: `${province}_${area}_${half}` });
  const psusPerStratum = 50;
  const nPsu = strata.length * psusPerStratum;
  const psuEffect = Float64Array.from({ length: nPsu }, () => 0.4 * normal());
  const fpc = strata.map(() => 400 + Math.floor(random() * 1600));
  const stream = createWriteStream(path);
  stream.write('stratum,psu,weight,fpc,age,gender,province,area,daily_hours,vb1,vb2,blames_victim\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const p = Math.floor((i / rows) * nPsu);
    const h = Math.floor(p / psusPerStratum);
    const stratum = strata[h];
    const u = psuEffect[p];
    const age = 18 + Math.min(72, Math.floor(Math.abs(normal()) * 18 + random() * 10));
    const g = random();
    const gender = g < 0.38 ? GENDERS[0] : g < 0.96 ? GENDERS[1] : g < 0.97 ? GENDERS[2] : GENDERS[3];
    const weight = (50 + 20 * h + random() * 30).toFixed(2);
    const hours = random() < 0.06 ? '' : Math.max(0, 3 + u + 1.5 * normal() - 0.02 * (age - 40)).toFixed(1);
    const latent = u + normal() + (gender === 'male' ? 0.3 : 0) + 0.01 * (age - 40) + (stratum.area === 'rural' ? 0.2 : 0);
    const vb1 = Math.max(1, Math.min(5, Math.round(3 + latent)));
    const vb2 = Math.max(1, Math.min(5, Math.round(3 + 0.8 * latent + 0.6 * normal())));
    const blames = latent + 0.5 * normal() > 0.4 ? 'yes' : 'no';
    buffer += `${stratum.name},${(p % psusPerStratum) + 1},${weight},${fpc[h]},${age},${gender},${stratum.province},${stratum.area},${hours},${vb1},${vb2},${blames}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
  return { path, rows };
}

/** The benchmark's 8-analysis plan (the same estimates as bench/analyze.R). */
export const benchPlan = {
  design: { ids: ['psu'], strata: 'stratum', weights: 'weight', fpc: ['fpc'], nest: true },
  analyses: [
    { id: 'mean_vb1', type: 'mean', variable: 'vb1' },
    { id: 'mean_age', type: 'mean', variable: 'age' },
    { id: 'total_hours', type: 'total', variable: 'daily_hours', naRm: true },
    { id: 'vb1_by_gender', type: 'mean', variable: 'vb1', by: ['gender'] },
    { id: 'hours_by_province', type: 'mean', variable: 'daily_hours', by: ['province'], naRm: true },
    { id: 'blames', type: 'proportion', variable: 'blames_victim', level: 'yes', ci: 'logit' },
    { id: 'blames_gender', type: 'chisq', rows: 'blames_victim', cols: 'gender', statistic: 'F' },
    { id: 'vb1_model', type: 'glm', formula: 'vb1 ~ age + gender + area', family: 'gaussian' },
  ],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const result = await generateSurvey({
    rows: get('--rows') ? Number(get('--rows')) : undefined,
    seed: get('--seed') ? Number(get('--seed')) : undefined,
    out: get('--out'),
  });
  console.log(result.path);
}
