/**
 * The two sampling paths have the right law, at sample sizes small enough for mutation testing: the
 * reduced predictor's test error against the exact quadratic form of src/moments (shifted prompt, query
 * and task covariances, label noise, a rotated Λ so the fast path's eigenbasis matters, and the
 * noiseless 2×2 Bartlett path), and the full LSA (every entry of θ random; and a θ whose query-column term
 * (r_xᵀx_q)(x_qᵀK x_q)/M is as large as the examples' term, r_x and k_y with some entries zero) fast against direct, the direct
 * path being checked prompt by prompt against the literal formula in lsaError.test.ts. Every comparison
 * holds with probability ≥ 1 − 1e-6/CHECKS under correct code (Bonferroni over the CHECKS comparisons).
 */
import { describe, expect, it } from 'vitest';
import type { Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import { stream, type Stream } from '../../src/random/stream';
import type { PromptDistribution } from '../../src/icl/distribution';
import { testError, testErrorModel } from '../../src/moments/quadratic';
import { estimateFullError, estimateReducedError } from '../../src/montecarlo/lsaError';
import { criticalValue } from '../../src/montecarlo/normal';

const CHECKS = 8;
const CONFIDENCE = 1 - 1e-6 / CHECKS;

const randomMat = (n: number, m: number, rng: Stream, sd: number): Mat => Array.from({ length: n }, () => Array.from({ length: m }, () => sd * rng.normal()));

describe('the sampling paths against exact values', () => {
  const rng = stream(2026).child('lsa-law');
  const d = 3;
  const shifted: PromptDistribution = {
    d,
    promptCov: drawCovariance('rotated', d, rng.child('prompt'), { kappa: 4 }),
    queryCov: drawCovariance('wishart', d, rng.child('query')),
    taskCov: drawCovariance('diagonal', d, rng.child('task'), { kappa: 3 }),
    noiseStd: 0.5,
  };
  const noiseless: PromptDistribution = { d, promptCov: shifted.promptCov, queryCov: shifted.queryCov };

  it('reduced predictor: the exact test error lies in both paths\' intervals (noisy M = 4, noiseless M = 2)', () => {
    const v = randomMat(d, d, rng.child('v'), 0.4);
    for (const [name, dist, m] of [['noisy', shifted, 4], ['noiseless', noiseless, 2]] as const) {
      const exact = testError(testErrorModel(dist, m), v);
      for (const method of ['fast', 'direct'] as const) {
        const res = estimateReducedError(dist, m, v, { method, seed: 9, samples: method === 'fast' ? 24_000 : 8000, confidence: CONFIDENCE });
        const e = res.testError;
        const msg = `${name} ${method}: exact ${exact}, estimate ${e.estimate} ± ${e.halfWidth}`;
        expect(exact, msg).toBeGreaterThanOrEqual(e.ci[0]);
        expect(exact, msg).toBeLessThanOrEqual(e.ci[1]);
        expect(e.halfWidth, msg).toBeLessThan(0.25 * exact);
      }
    }
  });

  /** Fast and direct estimates of the full model's error agree within z·SE (noisy and noiseless), and z·SE is < 30 % of it. */
  function fastMatchesDirect(params: { wpv: number[][]; wkq: number[][] }, M: number, seed: number, fastSamples: number, directSamples: number): void {
    const z = criticalValue(CONFIDENCE);
    for (const [name, dist] of [['noisy', shifted], ['noiseless', noiseless]] as const) {
      const fast = estimateFullError(dist, M, params, { method: 'fast', seed, samples: fastSamples }).testError;
      const direct = estimateFullError(dist, M, params, { method: 'direct', seed, samples: directSamples }).testError;
      const gap = Math.abs(fast.estimate - direct.estimate);
      const tol = z * Math.hypot(fast.standardError, direct.standardError);
      expect(gap, `${name}: fast ${fast.estimate} vs direct ${direct.estimate}`).toBeLessThan(tol);
      expect(tol, `${name}: tolerance ${tol}, estimate ${fast.estimate}`).toBeLessThan(0.3 * fast.estimate);
    }
  }

  it('full LSA with every entry of θ random: fast and direct agree (noisy and noiseless)', () => {
    const params = { wpv: randomMat(d + 1, d + 1, rng.child('wpv'), 0.3), wkq: randomMat(d + 1, d + 1, rng.child('wkq'), 0.3) };
    fastMatchesDirect(params, 8, 10, 40_000, 16_000);
  });

  it('M = 1, r_x and k_y partly zero, r_y = 0: the query column\'s term and k_y enter the fast path as the direct one', () => {
    // ŷ = (r_xᵀx_1)(x_1ᵀK x_q + k_yᵀx_q y_1) + (r_xᵀx_q)(x_qᵀK x_q): with M = 1 the query column's term is as
    // large as the example's, so a fast path that dropped it (or k_y) would be off by far more than the tolerance.
    const wpv = randomMat(d + 1, d + 1, rng.child('q-wpv'), 0.8);
    const wkq = randomMat(d + 1, d + 1, rng.child('q-wkq'), 0.8);
    wpv[d] = [1, 0, -0.7, 0];
    wkq[d] = [2.5, 0, 0, 0.5];
    const params = { wpv, wkq };
    fastMatchesDirect(params, 1, 12, 80_000, 80_000);
  });
});
