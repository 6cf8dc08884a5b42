/**
 * χ² draws: the bulk fill (first attempts from fills, rejected ones redrawn) and the scalar draw have the
 * χ²_k law: mean k and variance 2k, and P(χ² ≤ k) against the exact value for k = 2 (1 − e^{−1}).
 * Bounds: 6 standard errors of each statistic (n = 2·10⁵), so a pass is not luck and a wrong shape fails.
 */
import { describe, expect, it } from 'vitest';
import { ChiSquare } from '../../src/montecarlo/gamma';
import { ziggurat } from '../../src/random/ziggurat';
import { stream } from '../../src/random/stream';

const n = 200_000;

function stats(x: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return { mean: m, variance: s / (x.length - 1) };
}

describe('ChiSquare', () => {
  for (const k of [0.7, 2, 7, 100])
    it(`fill and draw give χ²_${k}: mean ${k}, variance ${2 * k}`, () => {
      const s = stream(20261130).child(`chi-${k}`);
      const z = ziggurat(s);
      const c = new ChiSquare(k);
      const bulk = new Float64Array(n);
      for (let at = 0; at < n; at += 1000) c.fill(z, bulk, at, 1000);
      const one = Float64Array.from({ length: n }, () => c.draw(z));
      for (const x of [bulk, one]) {
        expect(x.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
        const { mean, variance } = stats(x);
        // sd of the mean √(2k/n); of the sample variance √((μ4 − σ⁴)/n) with μ4 = 12k(k+4)·… ≈ √((48k + 8k²)/n)
        expect(Math.abs(mean - k), s.describe()).toBeLessThan(6 * Math.sqrt((2 * k) / n));
        expect(Math.abs(variance - 2 * k), s.describe()).toBeLessThan(6 * Math.sqrt((48 * k + 8 * k * k) / n));
        if (k === 2) {
          const p = x.reduce((acc, v) => acc + (v <= 2 ? 1 : 0), 0) / n;
          const exact = 1 - Math.exp(-1);
          expect(Math.abs(p - exact), s.describe()).toBeLessThan(6 * Math.sqrt((exact * (1 - exact)) / n));
        }
      }
    });
});
