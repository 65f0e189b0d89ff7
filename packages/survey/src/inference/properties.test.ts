import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withWeights } from '../design/design.js';
import { svyglm } from './glm.js';
import { benjaminiHochberg } from './multipleTesting.js';
import { svychisq, type RaoScottFResult } from './raoScott.js';
import { apiDesign, apiModelData, expectClose } from './testFixtures.js';

describe('properties', () => {
  it('Benjamini–Hochberg: adjusted ≥ raw, ≤ 1, and ordered like the raw p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const adjusted = benjaminiHochberg(p) as number[];
        p.forEach((value, i) => {
          expect(adjusted[i]!).toBeGreaterThanOrEqual(value);
          expect(adjusted[i]!).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (value < other) expect(adjusted[i]!).toBeLessThanOrEqual(adjusted[j]!);
          });
        });
      }),
    );
  });

  it('svyglm and svychisq do not change when every weight is multiplied by the same factor', () => {
    const api = apiDesign('clus1');
    const data = apiModelData(api);
    const base = svyglm(api.design, data, 'sch.wide ~ ell + stype', 'quasibinomial', { success: 'Yes' });
    const chisq = svychisq(api.design, { name: 'sch.wide', column: api.fac('sch.wide') }, { name: 'stype', column: api.fac('stype') }) as RaoScottFResult;
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (factor) => {
        const scaled = withWeights(
          api.design,
          api.design.weights.map((w) => w * factor),
        );
        const fit = svyglm(scaled, data, 'sch.wide ~ ell + stype', 'quasibinomial', { success: 'Yes' });
        fit.coefficients.forEach((c, a) => {
          expectClose(c.estimate, base.coefficients[a]!.estimate, `${c.term} estimate`, 1e-8);
          expectClose(c.se, base.coefficients[a]!.se, `${c.term} SE`, 1e-8);
        });
        const scaledChisq = svychisq(scaled, { name: 'sch.wide', column: api.fac('sch.wide') }, { name: 'stype', column: api.fac('stype') }) as RaoScottFResult;
        expectClose(scaledChisq.statistic, chisq.statistic, 'F', 1e-8);
      }),
      { numRuns: 20 },
    );
  });
});
