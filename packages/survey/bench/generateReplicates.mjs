// Writes a seeded, synthetic survey for the replicate-weight benchmark: 40 strata of 2 PSUs each (a JKn
// design made from it has 80 replicates), rows spread evenly over the PSUs. The data are synthetic.
// Usage: node packages/survey/bench/generateReplicates.mjs [--rows N] [--seed S] [--out file.csv]
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

export const STRATA = 40;
export const PSUS_PER_STRATUM = 2;

/**
 * Columns stratum (s01 … s40), psu (1, 2 within the stratum), weight, age, gender (female, male), area
 * (urban, rural), daily_hours (about 6% missing), vb1 (1 … 5, an attitude item).
 * @returns {Promise<{ path: string, rows: number }>}
 */
export async function generateReplicateSurvey({ rows = 1_000_000, seed = 20261207, out } = {}) {
  const path = out ?? join(mkdtempSync(join(tmpdir(), 'leakrisk-bench-')), 'survey.csv');
  const random = rng(seed);
  const normal = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const nPsu = STRATA * PSUS_PER_STRATUM;
  const psuEffect = Float64Array.from({ length: nPsu }, () => 0.4 * normal());
  const stream = createWriteStream(path);
  stream.write('stratum,psu,weight,age,gender,area,daily_hours,vb1\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const p = Math.floor((i / rows) * nPsu);
    const h = Math.floor(p / PSUS_PER_STRATUM);
    const u = psuEffect[p];
    const age = 18 + Math.min(72, Math.floor(Math.abs(normal()) * 18 + random() * 10));
    const gender = random() < 0.45 ? 'female' : 'male';
    const area = random() < 0.4 + 0.01 * (h % 20) ? 'urban' : 'rural';
    const weight = (40 + 3 * h + random() * 30).toFixed(2);
    const hours = random() < 0.06 ? '' : Math.max(0, 3 + u + 1.5 * normal() - 0.02 * (age - 40)).toFixed(1);
    const latent = u + normal() + (gender === 'male' ? 0.3 : 0) + 0.01 * (age - 40) + (area === 'rural' ? 0.2 : 0);
    const vb1 = Math.max(1, Math.min(5, Math.round(3 + latent)));
    buffer += `s${String(h + 1).padStart(2, '0')},${(p % PSUS_PER_STRATUM) + 1},${weight},${age},${gender},${area},${hours},${vb1}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
  return { path, rows };
}

const jkn = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, replicates: { type: 'JKn' } };

/** The benchmark's plan on the JKn design (the same estimates as bench/replicates.R). */
export const replicatePlan = {
  design: jkn,
  analyses: [
    { id: 'mean_vb1', type: 'mean', variable: 'vb1' },
    { id: 'vb1_by_gender', type: 'mean', variable: 'vb1', by: ['gender'] },
    { id: 'vb1_model', type: 'glm', formula: 'vb1 ~ age + gender + area', family: 'gaussian' },
  ],
};

/** The ordinal benchmark's plan (svyolr on the JKn design; bench/replicatesOrdinal.R). */
export const ordinalPlan = {
  design: jkn,
  analyses: [{ id: 'vb1_olr', type: 'ordinal', formula: 'vb1 ~ age + gender + area', link: 'logit' }],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const result = await generateReplicateSurvey({
    rows: get('--rows') ? Number(get('--rows')) : undefined,
    seed: get('--seed') ? Number(get('--seed')) : undefined,
    out: get('--out'),
  });
  console.log(result.path);
}
