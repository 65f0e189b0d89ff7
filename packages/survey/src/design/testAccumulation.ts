// Test support (not exported): run a check under each kernel (see accumulation.ts).
import { expect } from 'vitest';
import { accumulationOf, perUnitApplies, withAccumulation, type Accumulation } from './accumulation.js';
import type { SurveyDesign } from './types.js';

/** Both kernels, for tests that iterate over them by name. */
export const ACCUMULATIONS: readonly Accumulation[] = ['perRow', 'perUnit'];

/**
 * Runs `check` on the design under one kernel. Where the per-PSU kernel does not apply to the design
 * (calibrated, or a later stage adds variance), the `perUnit` run checks instead that the design
 * refuses it — which is what every estimator with two kernels then does — so each fixture case
 * meets both kernels either way.
 */
export function checkUnder(design: SurveyDesign, accumulation: Accumulation, check: (design: SurveyDesign) => void): void {
  const forced = withAccumulation(design, accumulation);
  if (accumulation === 'perUnit' && !perUnitApplies(design)) {
    expect(() => accumulationOf(forced)).toThrow(/perUnit does not apply/);
    return;
  }
  expect(accumulationOf(forced)).toBe(accumulation);
  check(forced);
}
