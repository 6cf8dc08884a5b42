import { describe, expect, it } from 'vitest';
import { type Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { fourthMoment, sampleFourthMoment } from '../../src/moments/isserlis';
import { estimateFourthMoment, estimateSampleFourthMoment, type MatrixEstimateResult } from '../../src/montecarlo/fourthMoment';

// C01's two sides by independent routes: Isserlis sums (src/moments) against sampled averages. Every
// entry must lie in its simultaneous interval; each run's intervals hold jointly with probability
// 1 − 1e-6/runs (Bonferroni over the d² entries inside the run, and over the runs here).
const RUNS = 4;
const CONFIDENCE = 1 - 1e-6 / RUNS;

function expectInside(res: MatrixEstimateResult, exact: Mat, label: string): void {
  const d = exact.length;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const msg = `${label} [${i}][${j}]: exact ${exact[i][j]}, estimate ${res.mean[i][j]} ∈ [${res.lower[i][j]}, ${res.upper[i][j]}]`;
      expect(exact[i][j], msg).toBeGreaterThanOrEqual(res.lower[i][j]);
      expect(exact[i][j], msg).toBeLessThanOrEqual(res.upper[i][j]);
    }
  // sharp enough to detect a wrong coefficient: the widest interval is under 10 % of the largest entry
  const big = Math.max(...exact.flat().map(Math.abs));
  const widest = Math.max(...res.upper.flat().map((u, k) => u - res.lower.flat()[k]));
  expect(widest / 2, label).toBeLessThan(0.1 * big);
}

describe('C01 sampled: E[x xᵀ A x xᵀ] and E[S A S]', () => {
  const rng = stream(41);
  const d = 3;
  const lambda = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 4 });
  const aa = [[0.9, -0.4, 0.3], [0.2, 1.1, -0.7], [0.5, 0.1, 0.6]]; // not symmetric: Aᵀ ≠ A matters in C01

  it('E[x xᵀ A x xᵀ] matches the Isserlis expansion entrywise', () => {
    const res = estimateFourthMoment(lambda, aa, { seed: 1, samples: 300_000, confidence: CONFIDENCE });
    expect(res.estimates).toHaveLength(d * d);
    expectInside(res, fourthMoment(lambda, aa), 'E[xxᵀAxxᵀ]');
  });

  it('E[S A S] matches on the direct and the Bartlett (fast) path, for N ≥ d and N < d', () => {
    for (const [n, method] of [[6, 'direct'], [6, 'fast'], [2, 'fast']] as const) {
      const res = estimateSampleFourthMoment(lambda, aa, n, { seed: 2, samples: 150_000, method, confidence: CONFIDENCE });
      expect(res.method).toBe(method);
      expectInside(res, sampleFourthMoment(lambda, aa, n), `E[SAS] N=${n} ${method}`);
    }
  });

  it('rejects a non-SPD Λ and a malformed A', () => {
    expect(() => estimateFourthMoment([[1, 2], [2, 1]], [[1, 0], [0, 1]])).toThrow(/lambda must be positive definite/);
    expect(() => estimateSampleFourthMoment(lambda, [[1]], 3)).toThrow(/a must be a 3×3/);
    expect(() => estimateSampleFourthMoment(lambda, aa, 0)).toThrow(/n must be an integer/);
  });
});
