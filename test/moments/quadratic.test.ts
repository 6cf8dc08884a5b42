/**
 * The exact-moment route against independent evidence: brute-force Monte Carlo of the literal model
 * for the loss, finite differences for the gradient. (Its agreement with the paper's closed forms is
 * a claim, checked by the registry, not here.)
 */
import { describe, expect, it } from 'vitest';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { fourthMoment, gaussianMoment, perfectMatchings } from '../../src/moments/isserlis';
import { populationLoss, reducedLossAndGradient, testError, testErrorModel, trainingLossModel } from '../../src/moments/quadratic';
import { samplePrompts } from '../../src/icl/prompts';
import { predictReduced } from '../../src/lsa/forward';
import { identity, scale } from '../../src/linalg/matrix';

describe('Isserlis', () => {
  it('counts (2k−1)!! perfect matchings', () => {
    expect([2, 4, 6, 8].map((n) => perfectMatchings(n).length)).toEqual([1, 3, 15, 105]);
  });
  it('gives E[x⁴] = 3σ⁴ and E[x⁶] = 15σ⁶ in one dimension', () => {
    expect(gaussianMoment([[2]], [0, 0, 0, 0])).toBe(12);
    expect(gaussianMoment([[2]], [0, 0, 0, 0, 0, 0])).toBe(120);
    expect(gaussianMoment([[2]], [0, 0, 0])).toBe(0);
  });
  it('fourthMoment at A = I is E[‖x‖² x xᵀ] = 2Λ² + tr(Λ)Λ for diagonal Λ (hand computation)', () => {
    const m = fourthMoment([[1, 0], [0, 3]], identity(2));
    expect(m).toEqual([[2 * 1 + 4 * 1, 0], [0, 2 * 9 + 4 * 3]]);
  });
});

describe('exact population loss', () => {
  const rng = stream(9);
  const d = 3;
  const lambda = drawCovariance('rotated', d, rng.child('l'), { kappa: 4 });
  it('matches a brute-force Monte Carlo of the literal predictor within 5 standard errors', () => {
    const m = 5;
    const v = [[0.5, 0.1, 0], [0.2, 0.3, -0.1], [0, 0.1, 0.8]];
    const dist = { d, promptCov: lambda, queryCov: scale(lambda, 2), taskCov: identity(d), noiseStd: 0.3 };
    const exact = testError(testErrorModel(dist, m), v);
    const n = 100_000;
    const batch = samplePrompts(dist, m, n, rng.child('mc'));
    let s = 0;
    let q = 0;
    for (let b = 0; b < n; b++) {
      const e = (predictReduced(batch, b, v) - batch.yq[b]) ** 2;
      s += e;
      q += e * e;
    }
    const mean = s / n;
    const se = Math.sqrt((q / n - mean * mean) / n);
    expect(Math.abs(mean - exact)).toBeLessThan(5 * se);
  });
  it('its gradient matches central finite differences', () => {
    const model = trainingLossModel(lambda, 7);
    const U = [[0.3, 0.1, 0], [0.2, 0.5, 0.1], [0, -0.2, 0.4]];
    const u = 0.8;
    const { du, dU } = reducedLossAndGradient(model, u, U);
    const h = 1e-6;
    const L = (uu: number, UU: number[][]) => populationLoss(model, scale(UU, uu));
    expect((L(u + h, U) - L(u - h, U)) / (2 * h)).toBeCloseTo(du, 7);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const up = U.map((r) => r.slice());
        const dn = U.map((r) => r.slice());
        up[i][j] += h;
        dn[i][j] -= h;
        expect((L(u, up) - L(u, dn)) / (2 * h)).toBeCloseTo(dU[i][j], 7);
      }
  });
});
