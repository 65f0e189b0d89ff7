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
import { byDomains } from './by.js';
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

function setup(c: Case) {
  const { table, spec } = specs[c.design]!;
  const design = buildDesign(table, { ...spec, lonelyPsu: c.lonely, adjustDomainLonely: c.adjustDomainLonely });
  const g = factorColumn(table, 'g');
  const yesCol = factorColumn(table, 'yes');
  const yes = Float64Array.from(yesCol.codes, (k) => (k < 0 ? Number.NaN : yesCol.levels[k] === 'yes' ? 1 : 0));
  return { table, design, g, yes, y: numericColumn(table, 'y'), x2: numericColumn(table, 'x2') };
}

function close(actual: number, expected: number | null | undefined, label: string): void {
  if (expected === undefined) return;
  if (expected === null) {
    expect(Number.isNaN(actual), `${label}: R gives NA, we give ${actual}`).toBe(true);
    return;
  }
  expect(closeTo(actual, expected), `${label}: got ${actual}, R ${expected}`).toBe(true);
}

const scalar = (v: number | number[] | null | undefined) => (Array.isArray(v) ? v[0] : v);

function check(c: Case): void {
  const s = setup(c);
  const { design, g, y, x2, yes } = s;
  const domain = c.domain !== undefined ? levelMask(g.codes, g.levels.indexOf(c.domain)) : undefined;
  const id = c.id;
  const expectStat = (r: { estimate: number; se: number; deff?: number; ciLow?: number; ciHigh?: number; df?: number }) => {
    close(r.estimate, scalar(c.estimate), `${id} estimate`);
    close(r.se, scalar(c.se), `${id} se`);
    if (c.deff !== undefined) close(r.deff!, scalar(c.deff), `${id} deff`);
    if (c.ci_low !== undefined) close(r.ciLow!, scalar(c.ci_low), `${id} ci_low`);
    if (c.ci_high !== undefined) close(r.ciHigh!, scalar(c.ci_high), `${id} ci_high`);
    if (c.df !== undefined && r.df !== undefined) expect(r.df, `${id} df`).toBe(c.df);
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
    const rows = byDomains(design, [{ name: 'g', ...g }], (mask) =>
      byMatch[1] === 'mean' ? svymean(design, y, { domain: mask, naRm: true }) : svytotal(design, y, { domain: mask, naRm: true }),
    );
    const row = rows.find((r) => r.domain.g === byMatch[2])!;
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

describe('R fixture estimators.json', () => {
  it('has cases', () => expect(fixture.cases.length).toBeGreaterThan(200));
  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => check(c));
});
