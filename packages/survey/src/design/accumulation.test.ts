import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../io/csv.js';
import { accumulationOf, perUnitApplies, withAccumulation } from './accumulation.js';
import { buildDesign, withWeights } from './design.js';

const table = parseCsvText('stratum,psu,hh,weight,fpc1,fpc2\na,1,1,2,10,4\na,1,2,2,10,4\na,2,1,3,10,4\nb,3,1,1,8,3\nb,4,1,4,8,3\nb,4,2,4,8,3\n', 'd.csv');
const onestage = buildDesign(table, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
const twostage = buildDesign(table, { ids: ['psu', 'hh'], strata: 'stratum', weights: 'weight', fpc: ['fpc1', 'fpc2'], nest: true });

describe('accumulationOf', () => {
  it('chooses per PSU when PSU totals suffice, else per row', () => {
    expect(accumulationOf(onestage)).toBe('perUnit');
    expect(accumulationOf(twostage)).toBe('perRow');
    // Calibration works on influence values row by row.
    const calibrated = withWeights(onestage, onestage.weights, { residualize: (z) => z.map((c) => c.slice()) });
    expect(perUnitApplies(calibrated)).toBe(false);
    expect(accumulationOf(calibrated)).toBe('perRow');
  });

  it('uses the kernel a design names, and refuses per PSU where it does not apply', () => {
    expect(accumulationOf(withAccumulation(onestage, 'perRow'))).toBe('perRow');
    expect(accumulationOf(withAccumulation(onestage, 'perUnit'))).toBe('perUnit');
    expect(accumulationOf(withAccumulation(twostage, 'perRow'))).toBe('perRow');
    expect(() => accumulationOf(withAccumulation(twostage, 'perUnit'))).toThrow(/perUnit does not apply/);
  });

  it('keeps the named kernel through new weights', () => {
    expect(accumulationOf(withWeights(withAccumulation(onestage, 'perRow'), onestage.weights))).toBe('perRow');
  });
});
