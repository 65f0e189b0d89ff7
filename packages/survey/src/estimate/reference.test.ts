import { describe, expect, it } from 'vitest';
import { numericColumn, factorColumn } from '../io/columns.js';
import { svymean } from './mean.js';
import { svytotal } from './total.js';
import { svyratio } from './ratio.js';
import { svyciprop } from './proportion.js';
import { svyquantile } from './quantile.js';
import { levelMask } from '../design/domain.js';
import { reference, referenceDesign, closeTo } from './testDesigns.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';
import type { SurveyDesign } from '../design/types.js';

const designs = ['strat', 'strat_nofpc', 'clus1', 'clus1_nofpc', 'clus2'];
/** Every design under each kernel. */
const runs = designs.flatMap((name) => ACCUMULATIONS.map((accumulation) => [name, accumulation] as const));

/** R's value (null = R gives NA); a value the fixture lacks fails, never passes silently. */
function expectClose(actual: number, expected: number | null | undefined, label: string): void {
  expect(expected, `${label}: the fixture holds no value`).not.toBeUndefined();
  if (expected === null || expected === undefined) {
    expect(Number.isNaN(actual), `${label}: R gives NA, we give ${actual}`).toBe(true);
    return;
  }
  expect(closeTo(actual, expected), `${label}: got ${actual}, R ${expected}`).toBe(true);
}

describe.each(runs)('R reference values, design %s [%s]', (name, accumulation) => {
  const { table, design: built } = referenceDesign(name);
  /** Runs a check on the design under this kernel. */
  const under = (check: (design: SurveyDesign) => void) => checkUnder(built, accumulation, check);
  const entries = reference.results.filter((r) => r.design === name);
  const api00 = numericColumn(table, 'api00');
  const enroll = numericColumn(table, 'enroll');
  const apiStu = numericColumn(table, 'api.stu');

  it('svymean(~api00) with deff', () =>
    under((design) => {
      const r = svymean(design, api00);
      const ref = entries.find((e) => e.id === `${name}.mean.api00`)!;
      expectClose(r.estimate, ref.estimate, 'estimate');
      expectClose(r.se, ref.se, 'se');
      expectClose(r.deff, ref.deff, 'deff');
    }));

  it('svytotal(~enroll, na.rm = TRUE)', () =>
    under((design) => {
      const r = svytotal(design, enroll, { naRm: true });
      const ref = entries.find((e) => e.id === `${name}.total.enroll`)!;
      expectClose(r.estimate, ref.estimate, 'estimate');
      expectClose(r.se, ref.se, 'se');
    }));

  it('svyratio(~api.stu, ~enroll, na.rm = TRUE)', () =>
    under((design) => {
      const r = svyratio(design, apiStu, enroll, { naRm: true });
      const ref = entries.find((e) => e.id === `${name}.ratio.api.stu_enroll`)!;
      expectClose(r.estimate, ref.estimate, 'estimate');
      expectClose(r.se, ref.se, 'se');
    }));

  it.each(['E', 'H', 'M'])('svyby(~api00, ~stype, svymean) [stype=%s]', (level) =>
    under((design) => {
      const stype = factorColumn(table, 'stype');
      const r = svymean(design, api00, { domain: levelMask(stype.codes, stype.levels.indexOf(level)) });
      const ref = entries.find((e) => e.id === `${name}.by_stype.mean.api00.${level}`)!;
      expectClose(r.estimate, ref.estimate, 'estimate');
      expectClose(r.se, ref.se, 'se');
    }),
  );
});

describe.each(runs)('R reference svyciprop, design %s [%s]', (name, accumulation) => {
  const { table, design: built } = referenceDesign(name);
  /** Runs a check on the design under this kernel. */
  const under = (check: (design: SurveyDesign) => void) => checkUnder(built, accumulation, check);
  it("svyciprop(~I(sch.wide=='Yes'), method='logit')", () =>
    under((design) => {
      const sch = factorColumn(table, 'sch.wide');
      const yes = sch.levels.indexOf('Yes');
      const y = Float64Array.from(sch.codes, (c) => (c < 0 ? Number.NaN : c === yes ? 1 : 0));
      const r = svyciprop(design, y);
      const ref = reference.results.find((e) => e.id === `${name}.prop.sch.wide_yes`)!;
      expectClose(r.estimate, ref.estimate, 'estimate');
      expectClose(r.se, ref.se, 'se');
      expectClose(r.ciLow, ref.ci_low, 'ci_low');
      expectClose(r.ciHigh, ref.ci_high, 'ci_high');
    }));
});

describe.each(runs)('R reference svyquantile, design %s [%s]', (name, accumulation) => {
  const { table, design: built } = referenceDesign(name);
  /** Runs a check on the design under this kernel. */
  const under = (check: (design: SurveyDesign) => void) => checkUnder(built, accumulation, check);
  it('svyquantile(~api00, c(.25, .5, .75))', () =>
    under((design) => {
      const rows = svyquantile(design, numericColumn(table, 'api00'), [0.25, 0.5, 0.75]);
      expect(rows).toHaveLength(3);
      rows.forEach((r, k) => {
        const ref = reference.results.find((e) => e.id === `${name}.quantile.api00.q${['25', '50', '75'][k]}`)!;
        expectClose(r.estimate, ref.estimate, `q${k} estimate`);
        expectClose(r.se, ref.se, `q${k} se`);
        expectClose(r.ciLow, ref.ci_low, `q${k} ci_low`);
        expectClose(r.ciHigh, ref.ci_high, `q${k} ci_high`);
      });
    }));
});
