import { describe, expect, it } from 'vitest';
import { GLM_FAMILIES } from './glmFamily.js';
import { irls, irlsNormal, irlsQr, type IrlsInput } from './irls.js';
import { solveEquilibrated } from './normalEquations.js';
import { parseFormula } from './formula.js';
import { modelRows, type ModelRows } from './modelMatrix.js';

/** The model matrix of y ~ x1 + x2 over all rows (intercept, x1, x2). */
function matrixOf(x1: Float64Array, x2: Float64Array): ModelRows {
  return modelRows(
    parseFormula('y ~ x1 + x2'),
    new Map([
      ['x1', x1],
      ['x2', x2],
    ]),
    Int32Array.from(x1.keys()),
  );
}

const never = (): never => {
  throw new Error('unexpected aliasing');
};

/** A small deterministic data set: y = 1 + 2·x1 − 0.5·x2 + noise, with a 0/1 and a count response too. */
function data(n: number, x2Of: (x1: number, k: number) => number) {
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  const yBinary = new Float64Array(n);
  const yCount = new Float64Array(n);
  const prior = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x1[k] = ((k * 37) % 101) / 10;
    x2[k] = x2Of(x1[k]!, k);
    const noise = (((k * 7919) % 13) - 6) / 10;
    y[k] = 1 + 2 * x1[k]! - 0.5 * x2[k]! + noise;
    yBinary[k] = (k * 31) % 7 < 3 + (x1[k]! > 5 ? 1 : 0) ? 1 : 0;
    yCount[k] = (k * 13) % 5;
    prior[k] = 0.5 + ((k * 17) % 9) / 8;
  }
  return { x: matrixOf(x1, x2), x1, x2, y, yBinary, yCount, prior };
}

describe('IRLS through the normal equations', () => {
  const d = data(400, (_x1, k) => ((k * 53) % 29) / 3);
  for (const [family, response] of [
    ['gaussian', 'y'],
    ['quasibinomial', 'yBinary'],
    ['quasipoisson', 'yCount'],
  ] as const) {
    it(`${family}: the same fit as Householder QR, to rounding`, () => {
      const input: IrlsInput = { x: d.x, y: d[response], prior: d.prior, family: GLM_FAMILIES[family], epsilon: 1e-8, maxit: 25 };
      const normal = irlsNormal(input)!;
      expect(normal).toBeDefined();
      const qr = irlsQr(input, never);
      expect(normal.iterations).toBe(qr.iterations);
      expect(normal.converged).toBe(true);
      for (let a = 0; a < 3; a++) expect(normal.beta[a]).toBeCloseTo(qr.beta[a]!, 11);
      for (let a = 0; a < 9; a++) expect(Math.abs(normal.ainv[a]! - qr.ainv[a]!)).toBeLessThan(1e-12 * Math.abs(qr.ainv[a]!) + 1e-15);
      const row = new Float64Array(3);
      for (const k of [0, 17, 399]) {
        d.x.fill(k, row);
        expect(normal.residualTimesWeight(k, row)).toBeCloseTo(qr.residualTimesWeight(k, row), 9);
      }
    });
  }

  it('the gaussian coefficients are the weighted least-squares solution', () => {
    // Exact data: y = 1 + 2 x1 − 0.5 x2 with no noise gives exactly those coefficients.
    const exact = data(50, (x1, k) => x1 * x1 + (k % 3));
    const y = new Float64Array(50);
    for (let k = 0; k < 50; k++) y[k] = 1 + 2 * exact.x1[k]! - 0.5 * exact.x2[k]!;
    const fit = irlsNormal({ x: exact.x, y, prior: exact.prior, family: GLM_FAMILIES.gaussian, epsilon: 1e-8, maxit: 25 })!;
    expect(fit.beta[0]).toBeCloseTo(1, 10);
    expect(fit.beta[1]).toBeCloseTo(2, 10);
    expect(fit.beta[2]).toBeCloseTo(-0.5, 10);
    expect(fit.iterations).toBe(1);
  });

  it('declines a near-collinear model, which QR then fits', () => {
    // x2 = 3·x1 plus a perturbation of 1e-6: condition number far above 1e6, but not aliased for R (tolerance 1e-11).
    const near = data(400, (x1, k) => 3 * x1 + (k % 2 === 0 ? 1e-6 : -1e-6));
    const input: IrlsInput = { x: near.x, y: near.y, prior: near.prior, family: GLM_FAMILIES.gaussian, epsilon: 1e-8, maxit: 25 };
    expect(irlsNormal(input)).toBeUndefined();
    const fit = irls(input, never);
    const qr = irlsQr(input, never);
    expect(Array.from(fit.beta)).toEqual(Array.from(qr.beta));
  });

  it('leaves an exactly collinear model to QR, which names the aliased column', () => {
    const collinear = data(100, (x1) => 2 * x1);
    const input: IrlsInput = { x: collinear.x, y: collinear.y, prior: collinear.prior, family: GLM_FAMILIES.gaussian, epsilon: 1e-8, maxit: 25 };
    expect(irlsNormal(input)).toBeUndefined();
    expect(() =>
      irls(input, (aliased) => {
        throw new Error(`aliased ${aliased.join(',')}`);
      }),
    ).toThrow('aliased 2');
  });
});

describe('solveEquilibrated', () => {
  it('solves a 2×2 system and inverts it', () => {
    // A = [[4, 2], [2, 3]], b = [2, 1]: β = A⁻¹b = [0.5, 0], A⁻¹ = [[3, −2], [−2, 4]] / 8.
    const solved = solveEquilibrated(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2)!;
    expect(solved.beta[0]).toBeCloseTo(0.5, 14);
    expect(solved.beta[1]).toBeCloseTo(0, 14);
    expect(Array.from(solved.inverse).map((v) => v * 8)).toEqual([3, -2, -2, 4].map((v) => expect.closeTo(v, 12)));
  });

  it('refuses a zero column and an indefinite matrix', () => {
    expect(solveEquilibrated(Float64Array.of(1, 0, 0, 0), Float64Array.of(1, 0), 2)).toBeUndefined();
    expect(solveEquilibrated(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toBeUndefined();
  });
});
