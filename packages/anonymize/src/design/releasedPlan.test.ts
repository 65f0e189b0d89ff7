import { describe, expect, it } from 'vitest';
import type { DesignSpec, Plan } from '@leakrisk/survey';
import { releasedPlan } from './releasedPlan.js';

const replicateDesign: DesignSpec = {
  weights: 'weight',
  replicates: { type: 'JKn', columns: '^repw[0-9]+$', scale: 1, rscales: 0.5, combinedWeights: true, mse: false },
};

describe('releasedPlan', () => {
  it('replaces the design, writes the margins in and names files relative to where the plan is written', () => {
    const plan: Plan = {
      file: '/study/plans/plan.json',
      codebook: '/study/codebook.json',
      report: '/study/report/settings.json',
      marginsFile: '/study/census/margins.json',
      design: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true },
      calibration: { method: 'rake', margins: { gender: { female: 49, male: 51 } } },
      analyses: [{ id: 'vb1', type: 'mean', variable: 'vb1' }],
    };
    expect(releasedPlan(plan, replicateDesign, '/study/release', '/study/codebook.json')).toEqual({
      codebook: '../codebook.json',
      report: '../report/settings.json',
      design: replicateDesign,
      calibration: { method: 'rake', margins: { gender: { female: 49, male: 51 } } },
      analyses: [{ id: 'vb1', type: 'mean', variable: 'vb1' }],
    });
  });

  it("names the codebook the data was read with, not the plan's, and none when there was none", () => {
    const plan: Plan = { file: '/study/plan.json', codebook: '/study/plan-codebook.json', design: { ids: [] }, analyses: [] };
    expect(releasedPlan(plan, replicateDesign, '/study/out', '/study/codebook.json')).toEqual({
      codebook: '../codebook.json',
      design: replicateDesign,
      analyses: [],
    });
    expect(releasedPlan(plan, replicateDesign, '/study/out', undefined)).toEqual({ design: replicateDesign, analyses: [] });
  });
});
