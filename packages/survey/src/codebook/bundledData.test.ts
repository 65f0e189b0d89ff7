import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../io/csv.js';
import { levelsOf } from './accessors.js';
import { loadCodebook } from './load.js';

// The bundled data files must agree with the codebook and with each other.
const data = (path: string) => fileURLToPath(new URL(`../../../../data/${path}`, import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: the bundled JSON files are read loosely and checked field by field
const json = (path: string) => JSON.parse(readFileSync(data(path), 'utf8')) as Record<string, any>;
const codebook = loadCodebook(data('instrument/codebook.json'));
const census = json('census/pakistan-2023-adults.json');

describe('bundled census margins', () => {
  it('derive the adult total from the 2023 census total and the 53.4% adult share', () => {
    expect(census.derivation.totalPopulation).toBe(241499431);
    expect(census.adultTotal).toBe(Math.round(241499431 * 0.534));
  });

  it('make every margin and the strata sum exactly to the adult total', () => {
    for (const margin of Object.values(census.margins) as Record<string, number>[]) {
      expect(Object.values(margin).reduce((a, b) => a + b, 0)).toBe(census.adultTotal);
      for (const value of Object.values(margin)) expect(Number.isInteger(value)).toBe(true);
    }
    expect(Object.values(census.strata.totals as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(census.adultTotal);
  });

  it('use the codebook codes and the plan band labels', () => {
    expect(Object.keys(census.margins.province)).toEqual(levelsOf(codebook, 'province'));
    expect(Object.keys(census.margins.area).sort()).toEqual(['rural', 'urban']);
    expect(Object.keys(census.margins.gender_w)).toEqual(['female', 'male', 'transgender']);
    expect(Object.keys(census.margins.age_band)).toEqual(['18-25', '26-35', '36-45', '46-55', '56-65', '66+']);
  });

  it('keep the provinces in census proportion (Punjab 127,688,922 of 241,499,431)', () => {
    expect(census.margins.province.punjab / census.adultTotal).toBeCloseTo(127688922 / 241499431, 6);
    expect(census.strata.totals.sindh_urban / census.margins.province.sindh).toBeCloseTo(0.5373, 4);
  });
});

describe('bundled district hierarchy', () => {
  it('has one row per district code of the codebook, mapped to a codebook province', () => {
    const table = parseCsvText(readFileSync(data('hierarchies/district.csv'), 'utf8'), 'district.csv');
    expect(table.header).toEqual(['district', 'division_or_region', 'province']);
    expect([...table.columns[0]!].sort()).toEqual([...levelsOf(codebook, 'district')!].sort());
    const provinces = new Set(levelsOf(codebook, 'province'));
    for (const province of table.columns[2]!) expect(provinces.has(province)).toBe(true);
    const row = [...table.columns[0]!].indexOf('abbottabad');
    expect(table.columns[2]!.get(row)).toBe('khyber_pakhtunkhwa');
  });
});

describe('bundled anonymization config', () => {
  const config = json('config/anonymize.json');
  it('classifies every column of the codebook and nothing else', () => {
    expect(Object.keys(config.columns).sort()).toEqual(codebook.variables.map((v) => v.name).sort());
  });

  it('drops, pseudonymizes or scrubs every identifier and free text', () => {
    for (const v of codebook.variables.filter((x) => x.type === 'identifier' || x.type === 'text')) {
      expect(['drop', 'pseudonymize', 'scrub']).toContain(config.columns[v.name]);
    }
    expect(config.columns.age.recode.bands).toEqual([18, 26, 36, 46, 56, 66]);
    expect(config.privacy).toMatchObject({ k: 5, weights: 'weight', maxSuppressedShare: 0.05, missingMatches: 'any' });
  });
});

describe('bundled analysis plan', () => {
  const plan = json('plans/main.plan.json');
  it('rakes to the census margins', () => {
    expect(plan.calibration.margins).toEqual({
      province_w: census.margins.province,
      area_w: census.margins.area,
      gender_w: census.margins.gender_w,
      age_band_w: census.margins.age_band,
    });
  });

  it('never uses identifiers, the raw age or the district, so it runs on anonymized data', () => {
    const text = JSON.stringify(plan.analyses);
    for (const column of ['resp_id', 'name', 'phone', 'cnic', 'email', 'interview_date', 'district', 'comment']) {
      expect(text).not.toContain(`"${column}"`);
    }
    expect(text).not.toMatch(/"age"|\bage \+|~ age\b/);
  });

  it('has a distribution for every Likert item and sections that exist in the codebook', () => {
    const sections = new Set(codebook.sections.map((s) => s.id));
    const analyses = plan.analyses as { id: string; type: string; variable?: string; section?: string }[];
    for (const v of codebook.variables.filter((x) => x.type === 'likert')) {
      expect(analyses.some((a) => a.type === 'distribution' && a.variable === v.name)).toBe(true);
    }
    for (const a of analyses) expect(sections.has(a.section!), a.id).toBe(true);
    expect(new Set(analyses.map((a) => a.id)).size).toBe(analyses.length);
  });
});
