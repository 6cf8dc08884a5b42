/**
 * The exact test-error model (src/moments/quadratic) at d = 1, where it is a closed form worked by hand, and
 * its refusal of prompt lengths that are not integers ≥ 1.
 *
 * d = 1, x ~ N(0, λ), x_q ~ N(0, q), w ~ N(0, t), noise σ, prompt length M: S = (1/M) Σ x_i², E[S²] =
 * λ²(1 + 2/M); s = (1/M) Σ y_i x_i = wS + (1/M) Σ ε_i x_i, so E[s²] = tλ²(1 + 2/M) + σ²λ/M and E[s w] = tλ;
 * ŷ − w x_q = (s v − w) x_q, hence E(ŷ − w x_q)² = q (v² E[s²] − 2 v t λ + t).
 */
import { describe, expect, it } from 'vitest';
import { testError, testErrorModel } from '../../src/moments/quadratic';

const byHand = (lam: number, q: number, t: number, sigma: number, M: number, v: number): number =>
  q * (v * v * (t * lam * lam * (1 + 2 / M) + (sigma * sigma * lam) / M) - 2 * v * t * lam + t);

describe('testErrorModel at d = 1', () => {
  it.each([
    [2, 3, 0.5, 0.7, 4, 0.8],
    [2, 3, 0.5, 0, 4, 0.8],
    [0.3, 1, 2, 1.5, 1, -0.4],
    [5, 0.2, 1, 0.1, 9, 0.15],
  ])('λ = %s, q = %s, t = %s, σ = %s, M = %s, v = %s: the closed form', (lam, q, t, sigma, M, v) => {
    const model = testErrorModel({ d: 1, promptCov: [[lam]], queryCov: [[q]], taskCov: [[t]], noiseStd: sigma }, M);
    const e = byHand(lam, q, t, sigma, M, v);
    expect(Math.abs(testError(model, [[v]]) - e) / e).toBeLessThan(1e-14);
    // the pieces: P = tλ²(1 + 2/M) + σ²λ/M, B = λtq, c = tq
    expect(model.P[0][0]).toBeCloseTo(t * lam * lam * (1 + 2 / M) + (sigma * sigma * lam) / M, 13);
    expect(model.B[0][0]).toBeCloseTo(lam * t * q, 14);
    expect(model.c).toBeCloseTo(t * q, 14);
  });

  it('E(ŷ − wx_q)² = 2.9304 by hand at λ = 2, q = 3, t = ½, σ = 0.7, M = 4, v = 0.8 (and 2.46 without noise)', () => {
    // P = ½·4·1.5 + 0.49·2/4 = 3.245; 3·(0.64·3.245 − 1.6 + 0.5) = 2.9304; σ = 0: 3·(0.64·3 − 1.1) = 2.46
    const e = (sigma: number) => testError(testErrorModel({ d: 1, promptCov: [[2]], queryCov: [[3]], taskCov: [[0.5]], noiseStd: sigma }, 4), [[0.8]]);
    expect(e(0.7)).toBeCloseTo(2.9304, 13);
    expect(e(0)).toBeCloseTo(2.46, 13);
  });

  it('refuses a prompt length that is not an integer ≥ 1', () => {
    const dist = { d: 1, promptCov: [[1]] };
    for (const m of [0, -3, 2.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => testErrorModel(dist, m)).toThrow(/prompt length must be an integer ≥ 1/);
    expect(() => testErrorModel(dist, 1)).not.toThrow();
  });
});
