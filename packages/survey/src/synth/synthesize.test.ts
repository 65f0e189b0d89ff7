import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.js';
import type { Codebook } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { formatCsv } from '../io/csv.js';
import { DEFAULT_STRATA_TOTALS } from './frame.js';
import { synthesizeSurvey, type SyntheticSurvey } from './synthesize.js';

const codebook = loadCodebook(fileURLToPath(new URL('../../../../data/instrument/codebook.json', import.meta.url)));

const isMissing = (cell: string) => cell === '' || cell === '98' || cell === '99';
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]) => {
  const m = mean(values);
  return values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1);
};

/** Cronbach's alpha on complete cases: k/(k−1) · (1 − Σ var(item) / var(total)). */
function cronbachAlpha(items: number[][]): number {
  const k = items.length;
  const complete = items[0]!.map((_, i) => i).filter((i) => items.every((item) => !Number.isNaN(item[i]!)));
  const columns = items.map((item) => complete.map((i) => item[i]!));
  const totals = complete.map((_, r) => columns.reduce((sum, column) => sum + column[r]!, 0));
  return (k / (k - 1)) * (1 - columns.reduce((sum, column) => sum + variance(column), 0) / variance(totals));
}

describe('synthesizeSurvey determinism', () => {
  it('gives the same bytes for the same seed', () => {
    const a = synthesizeSurvey({ n: 400, seed: 11, codebook });
    const b = synthesizeSurvey({ n: 400, seed: 11, codebook });
    expect(formatCsv(a.header, a.columns)).toBe(formatCsv(b.header, b.columns));
  });

  it('gives different data for a different seed', () => {
    const a = synthesizeSurvey({ n: 400, seed: 11, codebook });
    const b = synthesizeSurvey({ n: 400, seed: 12, codebook });
    expect(formatCsv(a.header, a.columns)).not.toBe(formatCsv(b.header, b.columns));
  });

  it('writes one column per codebook variable, in codebook order', () => {
    const survey = synthesizeSurvey({ n: 50, seed: 1, codebook });
    expect(survey.header).toEqual(codebook.variables.map((v) => v.name));
    expect(survey.columns).toHaveLength(survey.header.length);
    for (const cells of survey.columns) expect(cells).toHaveLength(50);
  });

  it('rejects a non-positive n with a LeakriskError', () => {
    expect(() => synthesizeSurvey({ n: 0, seed: 1, codebook })).toThrow(LeakriskError);
    expect(() => synthesizeSurvey({ n: 2.5, seed: 1, codebook })).toThrow(LeakriskError);
  });

  it('handles tiny samples', () => {
    const survey = synthesizeSurvey({ n: 3, seed: 1, codebook });
    expect(survey.columns[0]).toEqual(['R000001', 'R000002', 'R000003']);
  });

  it('fills a variable it does not know from its type', () => {
    const extended: Codebook = {
      ...codebook,
      variables: [
        ...codebook.variables,
        {
          name: 'extra_choice',
          type: 'categorical',
          label: { en: 'Extra', ur: 'اضافی' },
          options: [
            { code: 'a', label: { en: 'A', ur: 'اے' } },
            { code: 'b', label: { en: 'B', ur: 'بی' } },
          ],
        },
        { name: 'extra_count', type: 'numeric', label: { en: 'Count', ur: 'تعداد' }, min: 1, max: 3 },
      ],
    };
    const survey = synthesizeSurvey({ n: 200, seed: 3, codebook: extended });
    const choice = survey.columns[survey.header.indexOf('extra_choice')]!;
    const count = survey.columns[survey.header.indexOf('extra_count')]!;
    expect(new Set(choice)).toEqual(new Set(['a', 'b']));
    expect(new Set(count)).toEqual(new Set(['1', '2', '3']));
  });
});

describe('synthesizeSurvey distributions (n = 3000)', () => {
  let survey: SyntheticSurvey;
  const col = (name: string) => survey.columns[survey.header.indexOf(name)]!;
  beforeAll(() => {
    survey = synthesizeSurvey({ n: 3000, seed: 20251001, codebook });
  });

  it('skews like an internet-user frame: about 65% men, mean age near 34', () => {
    const gender = col('gender');
    const male = gender.filter((g) => g === 'male').length / gender.length;
    expect(male).toBeGreaterThan(0.6);
    expect(male).toBeLessThan(0.7);
    expect(gender.filter((g) => g === 'transgender').length).toBeGreaterThan(0);
    const age = mean(col('age').map(Number));
    expect(age).toBeGreaterThan(31);
    expect(age).toBeLessThan(37);
    expect(Math.min(...col('age').map(Number))).toBeGreaterThanOrEqual(18);
  });

  it('has 3–5% item missingness in the Likert items, with empty cells, 98 and 99', () => {
    const likert = codebook.variables.filter((v) => v.type === 'likert').map((v) => col(v.name));
    const cells = likert.flat();
    const share = cells.filter(isMissing).length / cells.length;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.05);
    for (const code of ['', '98', '99']) expect(cells.filter((c) => c === code).length).toBeGreaterThan(100);
  });

  it('gives the victim-blaming items an alpha between 0.7 and 0.9 (reverse items re-keyed)', () => {
    const scale = codebook.scales.find((s) => s.id === 'victim_blaming')!;
    const items = scale.items.map((item) =>
      col(item).map((cell) => (isMissing(cell) ? Number.NaN : scale.reverse.includes(item) ? 6 - Number(cell) : Number(cell))),
    );
    const alpha = cronbachAlpha(items);
    expect(alpha).toBeGreaterThan(0.7);
    expect(alpha).toBeLessThan(0.9);
  });

  it('gives every scale an alpha between 0.7 and 0.9', () => {
    for (const scale of codebook.scales) {
      const items = scale.items.map((item) =>
        col(item).map((cell) => (isMissing(cell) ? Number.NaN : scale.reverse.includes(item) ? 6 - Number(cell) : Number(cell))),
      );
      const alpha = cronbachAlpha(items);
      expect(alpha, scale.id).toBeGreaterThan(0.7);
      expect(alpha, scale.id).toBeLessThan(0.9);
    }
  });

  it('has women blaming victims less than men', () => {
    const gender = col('gender');
    const vb1 = col('vb1');
    const meanOf = (g: string) => mean(vb1.flatMap((cell, i) => (gender[i] === g && !isMissing(cell) ? [Number(cell)] : [])));
    expect(meanOf('male') - meanOf('female')).toBeGreaterThan(0.15);
  });

  it('has legal knowledge rising with education', () => {
    const education = col('education');
    const peca = col('know_peca');
    const share = (levels: string[]) => {
      const rows = peca.filter((_, i) => levels.includes(education[i]!));
      return rows.filter((c) => c === 'peca').length / rows.length;
    };
    expect(share(['bachelors', 'postgraduate']) - share(['none', 'primary'])).toBeGreaterThan(0.1);
  });

  it('writes only codes the codebook declares', () => {
    for (const variable of codebook.variables) {
      const cells = col(variable.name);
      const missing = new Set(['', ...(variable.missingCodes ?? []).map((m) => m.code)]);
      if (variable.options !== undefined) {
        const allowed = new Set(variable.options.map((o) => o.code));
        const bad = cells.filter((c) => !allowed.has(c) && !missing.has(c));
        expect(bad, variable.name).toEqual([]);
      } else if (variable.type === 'numeric') {
        const bad = cells.filter((c) => !missing.has(c) && !(Number(c) >= (variable.min ?? -Infinity) && Number(c) <= (variable.max ?? Infinity)));
        expect(bad, variable.name).toEqual([]);
      }
    }
  });

  it('has a stratified two-stage design: ≥ 2 PSUs of about 10 per stratum, weights summing to the census', () => {
    const stratum = col('stratum');
    const psu = col('psu');
    const weight = col('weight').map(Number);
    const fpc = col('fpc_psu').map(Number);
    const strata = [...new Set(stratum)];
    expect(strata.sort()).toEqual(Object.keys(DEFAULT_STRATA_TOTALS).sort());
    for (const h of strata) {
      const rows = stratum.flatMap((s, i) => (s === h ? [i] : []));
      const psus = new Set(rows.map((i) => psu[i]));
      expect(psus.size, h).toBeGreaterThanOrEqual(2);
      expect(rows.length / psus.size, h).toBeGreaterThan(8);
      expect(rows.length / psus.size, h).toBeLessThan(12);
      expect(fpc[rows[0]!]!, h).toBeGreaterThanOrEqual(psus.size);
      const total = rows.reduce((sum, i) => sum + weight[i]!, 0);
      expect(Math.abs(total / DEFAULT_STRATA_TOTALS[h]! - 1), h).toBeLessThan(1e-4);
    }
    expect(new Set(weight).size).toBeGreaterThan(50);
  });

  it('clusters attitudes within PSUs (intraclass correlation above 0.02)', () => {
    const key = col('stratum').map((s, i) => `${s}/${col('psu')[i]}`);
    const vb6 = col('vb6');
    const groups = new Map<string, number[]>();
    vb6.forEach((cell, i) => {
      if (!isMissing(cell)) groups.set(key[i]!, [...(groups.get(key[i]!) ?? []), Number(cell)]);
    });
    // One-way ANOVA estimate of the ICC: (MSB − MSW) / (MSB + (m − 1) MSW).
    const all = [...groups.values()].flat();
    const grand = mean(all);
    let ssb = 0;
    let ssw = 0;
    for (const values of groups.values()) {
      const m = mean(values);
      ssb += values.length * (m - grand) ** 2;
      ssw += values.reduce((sum, v) => sum + (v - m) ** 2, 0);
    }
    const msb = ssb / (groups.size - 1);
    const msw = ssw / (all.length - groups.size);
    const m0 = all.length / groups.size;
    expect((msb - msw) / (msb + (m0 - 1) * msw)).toBeGreaterThan(0.02);
  });

  it('writes phone numbers in every local format and CNICs with and without dashes', () => {
    const phones = col('phone');
    const formats = [
      /^03\d{2}-\d{7}$/,
      /^03\d{9}$/,
      /^\+92 3\d{2} \d{7}$/,
      /^\+923\d{9}$/,
      /^0092 3\d{2} \d{7}$/,
      /^\+92-3\d{2}-\d{3}-\d{4}$/,
      /^03\d{2} \d{3} \d{4}$/,
    ];
    for (const format of formats)
      expect(
        phones.some((p) => format.test(p)),
        String(format),
      ).toBe(true);
    expect(phones.every((p) => p === '' || formats.some((f) => f.test(p)))).toBe(true);
    const cnics = col('cnic');
    expect(cnics.some((c) => /^\d{5}-\d{7}-\d$/.test(c))).toBe(true);
    expect(cnics.some((c) => /^\d{13}$/.test(c))).toBe(true);
    expect(col('email').some((e) => /^[a-z0-9._]+@[a-z]+\.com$/.test(e))).toBe(true);
    expect(col('resp_id')[2999]).toBe('R003000');
    expect(col('interview_date').every((d) => /^202[56]-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('writes comments in three languages, some with personal data and some with harmless numbers', () => {
    const comments = col('comment').filter((c) => c !== '');
    expect(comments.length / 3000).toBeGreaterThan(0.35);
    expect(comments.length / 3000).toBeLessThan(0.45);
    const urdu = comments.filter((c) => /[\u0600-\u06ff]/.test(c));
    expect(urdu.length).toBeGreaterThan(100);
    expect(comments.some((c) => /\b(hai|karein|nahi)\b/.test(c))).toBe(true);
    expect(comments.some((c) => /(\+92|0092|03\d{2})[- ]?\d/.test(c))).toBe(true);
    expect(comments.some((c) => /\d{5}-?\d{7}-?\d/.test(c))).toBe(true);
    expect(comments.some((c) => /@[a-z]+\.com/.test(c))).toBe(true);
    expect(comments.some((c) => /(^|\s)@[a-z_]/.test(c))).toBe(true);
    expect(comments.some((c) => /https?:\/\//.test(c))).toBe(true);
    expect(comments.some((c) => /my name is|mera naam|میرا نام/i.test(c))).toBe(true);
    expect(comments.some((c) => /Rs \d+/.test(c))).toBe(true);
    expect(comments.some((c) => /\b\d{1,2}:\d{2}\b/.test(c))).toBe(true);
    expect(comments.some((c) => /\b20[12]\d\b/.test(c))).toBe(true);
  });
});
