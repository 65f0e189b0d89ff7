import { describe, expect, it } from 'vitest';
import { checkPlan } from './schema.js';
import { columnsUsedBy } from './columnsUsed.js';

describe('columnsUsedBy', () => {
  it('lists design, margin, derive-source and analysis columns, but not derived ones', () => {
    const plan = {
      ...checkPlan(
        {
          derive: [{ name: 'age_band', from: 'age', bands: [18, 26] }],
          design: { ids: ['psu'], strata: 'stratum', weights: 'weight', fpc: ['fpc_psu'] },
          calibration: { method: 'rake', margins: { province: { a: 1 }, age_band: { '18-25': 1 } } },
          analyses: [
            { id: 'm', type: 'mean', variable: 'vb1', by: ['gender', 'age_band'] },
            { id: 'g', type: 'glm', formula: 'vb2 ~ age + area*gender' },
            { id: 'r', type: 'ratio', numerator: 'a', denominator: 'b' },
            { id: 'o', type: 'omega', items: ['x1', 'x2', 'x3'] },
          ],
        },
        'p.json',
      ),
      file: '/p.json',
    };
    expect(columnsUsedBy(plan).sort()).toEqual(
      ['psu', 'stratum', 'weight', 'fpc_psu', 'age', 'province', 'vb1', 'gender', 'vb2', 'area', 'a', 'b', 'x1', 'x2', 'x3'].sort(),
    );
  });
});
