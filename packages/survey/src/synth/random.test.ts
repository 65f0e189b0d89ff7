import { describe, expect, it } from 'vitest';
import { Random, cumulative } from './random.js';

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws uniforms with mean 1/2 and variance 1/12', () => {
    const random = new Random(7);
    const u = Array.from({ length: 100000 }, () => random.uniform());
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    const variance = u.reduce((s, x) => s + (x - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });

  it('draws standard normals (mean 0, variance 1, 95% within ±1.96)', () => {
    const random = new Random(8);
    const z = Array.from({ length: 100000 }, () => random.normal());
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    expect(Math.abs(z.filter((x) => Math.abs(x) < 1.959964).length / z.length - 0.95)).toBeLessThan(0.005);
  });

  it('picks by cumulative weights in proportion', () => {
    const random = new Random(9);
    const weights = cumulative([1, 3]);
    const ones = Array.from({ length: 40000 }, () => random.pickCumulative(weights)).filter((k) => k === 1).length;
    expect(Math.abs(ones / 40000 - 0.75)).toBeLessThan(0.01);
  });
});
