import { describe, expect, it } from 'vitest';
import { svychisq, type RaoScottChisqResult, type RaoScottFResult } from './raoScott.js';
import { apiDesign, expectClose, fixtureJson, modelsDesign } from './testFixtures.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';

interface ChisqCase {
  id: string;
  design: string;
  rows: string;
  cols: string;
  F: { statistic: number; ndf: number; ddf: number; pValue: number };
  Chisq: { statistic: number; df: number; pValue: number };
}

const fixture = fixtureJson<{ svychisq: ChisqCase[] }>('models.json');

describe('svychisq matches survey::svychisq (models.json)', () => {
  for (const expected of fixture.svychisq) {
    it.each(ACCUMULATIONS)(`${expected.id} (F and Chisq) [%s]`, (accumulation) => {
      const api = modelsDesign(expected.design);
      const rows = { name: expected.rows, column: api.fac(expected.rows) };
      const cols = { name: expected.cols, column: api.fac(expected.cols) };
      checkUnder(api.design, accumulation, (design) => {
        const f = svychisq(design, rows, cols, 'F') as RaoScottFResult;
        expect(f.method).toBe('Rao-Scott F');
        expectClose(f.statistic, expected.F.statistic, `${expected.id} F`);
        expectClose(f.ndf, expected.F.ndf, `${expected.id} ndf`);
        expectClose(f.ddf, expected.F.ddf, `${expected.id} ddf`);
        expectClose(f.pValue, expected.F.pValue, `${expected.id} F p`);
        const chisq = svychisq(design, rows, cols, 'Chisq') as RaoScottChisqResult;
        expect(chisq.method).toBe('Rao-Scott chisq');
        expectClose(chisq.statistic, expected.Chisq.statistic, `${expected.id} X2`);
        expect(chisq.df).toBe(expected.Chisq.df);
        expectClose(chisq.pValue, expected.Chisq.pValue, `${expected.id} chisq p`);
      });
    });
  }
});

describe('svychisq matches reference.json (R 4.2.2, survey 4.1-1)', () => {
  const reference = fixtureJson<{ results: { id: string; estimate: number; ndf?: number; ddf?: number; p_value?: number }[] }>('reference.json').results;
  for (const name of ['strat', 'strat_nofpc', 'clus1', 'clus1_nofpc', 'clus2']) {
    it.each(ACCUMULATIONS)(`${name}.chisq_F.sch.wide_x_stype [%s]`, (accumulation) => {
      const want = reference.find((r) => r.id === `${name}.chisq_F.sch.wide_x_stype`)!;
      const api = apiDesign(name);
      checkUnder(api.design, accumulation, (design) => {
        const f = svychisq(design, { name: 'sch.wide', column: api.fac('sch.wide') }, { name: 'stype', column: api.fac('stype') }) as RaoScottFResult;
        expectClose(f.statistic, want.estimate, `${name} F`);
        expectClose(f.ndf, want.ndf!, `${name} ndf`);
        expectClose(f.ddf, want.ddf!, `${name} ddf`);
        expectClose(f.pValue, want.p_value!, `${name} p`);
      });
    });
  }
});
