// Every value of test/fixtures/estimators.json (written by scripts/reference/estimators.R with R's
// survey package) is checked here to 1e-6 relative.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../design/design.js';
import type { DesignSpec, LonelyPsuRule } from '../design/types.js';
import { levelMask } from '../design/domain.js';
import { isLeakriskError } from '../errors.js';
import { textColumn } from '../table/textColumn.js';
import type { Table } from '../table/table.js';
import { factorColumn, numericColumn } from '../io/columns.js';
import { svymean } from './mean.js';
import { svytotal } from './total.js';
import { svyratio } from './ratio.js';
import { svyciprop, type ProportionCi } from './proportion.js';
import { svyquantile } from './quantile.js';
import { contrastMeans } from './contrast.js';
import { distribution } from './distribution.js';
import { svybyMeanOrTotal } from './byMeans.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';
import type { Accumulation } from '../design/accumulation.js';
import type { SurveyDesign } from '../design/types.js';
import { closeTo, fixtureDir, fixtureTable } from './testDesigns.js';

interface Case {
  id: string;
  design: string;
  lonely: LonelyPsuRule;
  adjustDomainLonely: boolean;
  what: string;
  domain?: string;
  estimate?: number | number[];
  se?: number | number[];
  deff?: number | number[];
  ci_low?: number | number[] | null;
  ci_high?: number | number[] | null;
  df?: number;
  p_value?: number;
  probs?: number[];
  levels?: string[];
  error?: boolean;
  estimate_is_na?: boolean;
  /** A two-factor svyby row: its level of each factor, its position among R's rows, and their number. */
  by?: Record<string, string>;
  position?: number;
  rows?: number;
}

const fixture = JSON.parse(readFileSync(`${fixtureDir}estimators.json`, 'utf8')) as { cases: Case[] };
const full = fixtureTable('estimators.csv');

function withoutS6(table: Table): Table {
  const s = [...table.columns[table.header.indexOf('stratum')]!];
  const keep = s.map((v, i) => (v === 's6' ? -1 : i)).filter((i) => i >= 0);
  return { ...table, columns: table.columns.map((col) => textColumn(keep.map((i) => col.get(i)))), nrow: keep.length };
}
const reduced = withoutS6(full);

const specs: Record<string, { table: Table; spec: DesignSpec }> = {
  lonely: { table: full, spec: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true } },
  lonely_fpc: { table: full, spec: { ids: ['psu'], strata: 'stratum', weights: 'weight', fpc: ['fpc1'], nest: true } },
  twostage: { table: reduced, spec: { ids: ['psu', 'hh'], strata: 'stratum', fpc: ['fpc1', 'fpc2'], nest: true } },
  twostage_frac: { table: reduced, spec: { ids: ['psu', 'hh'], strata: 'stratum', weights: 'weight', fpc: ['fpc1f', 'fpc2f'], nest: true } },
  twostage_stage1fpc: { table: reduced, spec: { ids: ['psu', 'hh'], strata: 'stratum', weights: 'weight', fpc: ['fpc1'], nest: true } },
  nolonely: { table: reduced, spec: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true } },
};

function setup(c: Case, design: SurveyDesign) {
  const { table } = specs[c.design]!;
  const g = factorColumn(table, 'g');
  const yesCol = factorColumn(table, 'yes');
  const yes = Float64Array.from(yesCol.codes, (k) => (k < 0 ? Number.NaN : yesCol.levels[k] === 'yes' ? 1 : 0));
  return { table, design, g, yes, y: numericColumn(table, 'y'), x2: numericColumn(table, 'x2') };
}

/** R's value (null = R gives NA); a value the fixture lacks fails, never passes silently. */
function close(actual: number, expected: number | null | undefined, label: string): void {
  expect(expected, `${label}: the fixture holds no value`).not.toBeUndefined();
  if (expected === null) {
    expect(Number.isNaN(actual), `${label}: R gives NA, we give ${actual}`).toBe(true);
    return;
  }
  expect(closeTo(actual, expected!), `${label}: got ${actual}, R ${expected}`).toBe(true);
}

const scalar = (v: number | number[] | null | undefined) => (Array.isArray(v) ? v[0] : v);

/** Runs the case under one kernel (see `checkUnder`). */
function checkWith(c: Case, accumulation: Accumulation): void {
  const { table, spec } = specs[c.design]!;
  const design = buildDesign(table, { ...spec, lonelyPsu: c.lonely, adjustDomainLonely: c.adjustDomainLonely });
  checkUnder(design, accumulation, (underKernel) => check(c, underKernel));
}

function check(c: Case, kernelDesign: SurveyDesign): void {
  const s = setup(c, kernelDesign);
  const { design, g, y, x2, yes } = s;
  const domain = c.domain !== undefined ? levelMask(g.codes, g.levels.indexOf(c.domain)) : undefined;
  const id = c.id;
  const expectStat = (r: { estimate: number; se: number; deff?: number; ciLow?: number; ciHigh?: number; df?: number }) => {
    close(r.estimate, scalar(c.estimate), `${id} estimate`);
    close(r.se, scalar(c.se), `${id} se`);
    if (c.deff !== undefined) close(r.deff!, scalar(c.deff), `${id} deff`);
    if (c.ci_low !== undefined) close(r.ciLow!, scalar(c.ci_low), `${id} ci_low`);
    if (c.ci_high !== undefined) close(r.ciHigh!, scalar(c.ci_high), `${id} ci_high`);
    if (c.df !== undefined) expect(r.df, `${id} df`).toBe(c.df);
  };
  if (c.error) {
    let caught: unknown;
    try {
      svymean(design, y, { naRm: true });
    } catch (e) {
      caught = e;
    }
    expect(isLeakriskError(caught)).toBe(true);
    expect((caught as Error).message).toContain('s6');
    return;
  }
  if (c.estimate_is_na) {
    expect(Number.isNaN(svymean(design, y).estimate)).toBe(true);
    return;
  }
  if (id.endsWith('.domain_not_s6')) {
    const s6 = levelMask(factorColumn(s.table, 'stratum').codes, design.strataLabels.indexOf('s6'));
    expectStat(svymean(design, y, { naRm: true, domain: s6.map((v) => 1 - v) }));
    return;
  }
  if (id.endsWith('.df')) {
    expect(design.df).toBe(c.df);
    return;
  }
  const byMatch = /\.by_g\.(mean|total)\.y\.(\w+)$/.exec(id);
  if (byMatch) {
    const rows = svybyMeanOrTotal(design, y, [{ name: 'g', codes: g.codes, levels: g.levels }], byMatch[1] as 'mean' | 'total', { naRm: true });
    const row = rows.find((r) => r.domain.g === byMatch[2])!;
    expectStat(row.result!);
    return;
  }
  const by2 = /\.by_gz_yes\.(mean|total)\.y\.\d+$/.exec(id);
  if (by2) {
    // gz has R's unused level z: its domains are empty and dropped; rows missing yes are in none.
    const gz = factorColumn(s.table, 'g', { levels: c.levels! });
    const yesLevels = factorColumn(s.table, 'yes');
    const rows = svybyMeanOrTotal(
      design,
      y,
      [
        { name: 'gz', codes: gz.codes, levels: gz.levels },
        { name: 'yes', codes: yesLevels.codes, levels: yesLevels.levels },
      ],
      by2[1] as 'mean' | 'total',
      { naRm: true },
    );
    expect(rows.length, `${id} rows`).toBe(c.rows);
    const row = rows[c.position! - 1]!;
    expect(row.domain, `${id} domain of row ${c.position}`).toEqual(c.by);
    expectStat(row.result!);
    return;
  }
  if (/\.mean\.y(\.replace)?$/.test(id)) {
    expectStat(svymean(design, y, { naRm: true, deff: id.endsWith('.replace') ? 'replace' : 'default' }));
    return;
  }
  if (/\.total\.y(\.replace)?$/.test(id)) {
    expectStat(svytotal(design, y, { naRm: true, deff: id.endsWith('.replace') ? 'replace' : 'default' }));
    return;
  }
  if (id.endsWith('.ratio.y_x2')) {
    expectStat(svyratio(design, y, x2, { naRm: true }));
    return;
  }
  const prop = /\.prop\.(logit|beta|mean)(\.\w)?$/.exec(id);
  if (prop) {
    expectStat(svyciprop(design, yes, { naRm: true, method: prop[1] as ProportionCi, domain }));
    return;
  }
  if (id.endsWith('.dist.g')) {
    const rows = distribution(design, { name: 'g', ...g });
    expect(rows, `${id} rows`).toHaveLength(c.levels!.length);
    rows.forEach((r, k) => {
      expect(r.level).toBe(c.levels![k]);
      close(r.estimate, (c.estimate as number[])[k], `${id} ${r.level} estimate`);
      close(r.se, (c.se as number[])[k], `${id} ${r.level} se`);
      close(r.deff, (c.deff as number[])[k], `${id} ${r.level} deff`);
    });
    return;
  }
  const quant = /\.quantile\.(y|x2)(\.b)?$/.exec(id);
  if (quant) {
    const rows = svyquantile(design, quant[1] === 'y' ? y : x2, c.probs!, { naRm: true, domain });
    expect(rows, `${id} rows`).toHaveLength(c.probs!.length);
    rows.forEach((r, k) => {
      close(r.estimate, (c.estimate as number[])[k], `${id} p=${r.probability} estimate`);
      close(r.se, (c.se as (number | null)[])[k], `${id} p=${r.probability} se`);
      close(r.ciLow, (c.ci_low as (number | null)[])[k], `${id} p=${r.probability} ci_low`);
      close(r.ciHigh, (c.ci_high as (number | null)[])[k], `${id} p=${r.probability} ci_high`);
    });
    return;
  }
  if (/\.contrast\.y\./.test(id)) {
    const r = contrastMeans(design, y, { name: 'g', ...g }, c.levels![0]!, c.levels![1]!, { naRm: true });
    expectStat(r);
    close(r.pValue, c.p_value, `${id} p`);
    return;
  }
  throw new Error(`no check for fixture case ${id}`);
}

describe('R fixture estimators.json, every case under both kernels', () => {
  it('has cases', () => expect(fixture.cases.length).toBeGreaterThan(270));
  it.each(fixture.cases.flatMap((c) => ACCUMULATIONS.map((a) => [c.id, a, c] as const)))('%s [%s]', (_id, accumulation, c) => checkWith(c, accumulation));
});
