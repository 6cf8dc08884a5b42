/**
 * The label laws (src/moments/labelLaws) against exact references that share none of its decomposition
 * z = ⟨w, x⟩, x = (Λw/τ²) z + x⊥: the labels by their definitions; Simpson's rule, which is exact for cubic
 * polynomials; the cubic law's moments by Isserlis' rule at orders 6 and 8; the noise's exact share of
 * E[y² x xᵀ]; and the test error of the linear law against the exact-moment route of src/moments/quadratic
 * (a second derivation, through E[S Σ_w S]). Deterministic and fast (no sampling).
 */
import { describe, expect, it } from 'vitest';
import { matvec, type Mat } from '../../src/linalg/matrix';
import { gaussianMoment } from '../../src/moments/isserlis';
import { gaussianExpectation, labelLawMoments, labelOf, lawTestError } from '../../src/moments/labelLaws';
import { testError, testErrorModel } from '../../src/moments/quadratic';

// A non-diagonal Λ and a task with τ² = wᵀΛw = 2 − 2·0.7·0.6 + 0.49·0.5 = 1.405 (by hand; far from 1, so
// that τ² and 1/τ² cannot be confused).
const lambda: Mat = [[2, 0.6], [0.6, 0.5]];
const w = [1, -0.7];
const tau2 = 1.405;

/** Relative distance of two matrices, entrywise against the largest entry of the reference. */
const relDist = (a: Mat, b: Mat): number => {
  const big = Math.max(...b.flat().map(Math.abs));
  return Math.max(...a.flatMap((r, i) => r.map((v, j) => Math.abs(v - b[i][j])))) / big;
};

describe('labelOf: the labels by their definitions', () => {
  it('linear: y = z + σ·ε; tanh: y = tanh(z) + σ·ε; cubic: y = z³', () => {
    expect(labelOf({ kind: 'linear', noiseStd: 0.5 }, 1.25, 2)).toBe(2.25);
    expect(labelOf({ kind: 'linear', noiseStd: 0.5 }, 1.25, -2)).toBe(0.25);
    expect(labelOf({ kind: 'tanh', noiseStd: 0.25 }, 0.5, 2)).toBeCloseTo(Math.tanh(0.5) + 0.5, 15);
    expect(labelOf({ kind: 'tanh', noiseStd: 0.25 }, 0.5, -2)).toBeCloseTo(Math.tanh(0.5) - 0.5, 15);
    expect(labelOf({ kind: 'cubic' }, 2, 5)).toBe(8);
    expect(labelOf({ kind: 'cubic' }, -1.5, 0)).toBe(-3.375);
  });
});

describe('gaussianExpectation: composite Simpson on [−12, 12]', () => {
  // With h(z) = e^{z²/2} p(z) the integrand h·e^{−z²/2} is the cubic p, on which Simpson's rule is exact for
  // any even number of intervals: ∫_{−12}^{12} (1 + z + z² + z³) dz = 24 + 2·12³/3 = 1176. p(±12) ≠ 0 and
  // p(−12) ≠ p(12), so a wrong weight at either end (or a dropped node) shows. e^{±72} is well inside
  // float64; the rounding of 4801 terms of size ≤ 2·10³ is < 1e-9 absolute, against a value ≈ 469.
  const p = (z: number) => 1 + z + z * z + z * z * z;
  const exact = 1176 / Math.sqrt(2 * Math.PI);
  it.each([6, 10, 4800])('is exact on cubics (%i intervals)', (n) => {
    expect(Math.abs(gaussianExpectation((z) => Math.exp(0.5 * z * z) * p(z), n) - exact)).toBeLessThan(1e-9);
  });
});

describe('labelLawMoments', () => {
  it('refuses w = 0 (τ² = 0) and a non-finite w', () => {
    expect(() => labelLawMoments(lambda, [0, 0], { kind: 'cubic' })).toThrow(/task w must be nonzero/);
    expect(() => labelLawMoments(lambda, [Number.NaN, 1], { kind: 'linear', noiseStd: 0 })).toThrow(RangeError);
  });

  it('cubic: E[y²] = E[z⁶] and E[y² x xᵀ] = E[z⁶ x xᵀ] by Isserlis at orders 6 and 8; E[y²] = 15τ⁶', () => {
    const mom = labelLawMoments(lambda, w, { kind: 'cubic' });
    const tuples6: number[][] = [];
    for (let t = 0; t < 64; t++) tuples6.push([0, 1, 2, 3, 4, 5].map((b) => (t >> b) & 1));
    const weight = (idx: number[]) => idx.reduce((s, a) => s * w[a], 1);
    const ez6 = tuples6.reduce((s, idx) => s + weight(idx) * gaussianMoment(lambda, idx), 0);
    const K = [0, 1].map((i) => [0, 1].map((j) => tuples6.reduce((s, idx) => s + weight(idx) * gaussianMoment(lambda, [...idx, i, j]), 0)));
    expect(Math.abs(ez6 - 15 * tau2 ** 3) / ez6).toBeLessThan(1e-13);
    expect(Math.abs(mom.ey2 - ez6) / ez6).toBeLessThan(1e-13);
    expect(relDist(mom.K, K)).toBeLessThan(1e-13);
  });

  it('tanh: label noise of variance σ² adds exactly σ² to E[y²] and σ²Λ to E[y² x xᵀ], nothing to E[xy]', () => {
    // y = g(z) + σε, ε independent of x with mean 0: E[y² x xᵀ] = E[g² x xᵀ] + σ² E[x xᵀ].
    const a = labelLawMoments(lambda, w, { kind: 'tanh', noiseStd: 0 });
    const b = labelLawMoments(lambda, w, { kind: 'tanh', noiseStd: 0.3 });
    const shift = a.K.map((r, i) => r.map((v, j) => b.K[i][j] - v));
    expect(relDist(shift, lambda.map((r) => r.map((v) => 0.09 * v)))).toBeLessThan(1e-12);
    expect(b.ey2 - a.ey2).toBeCloseTo(0.09, 14);
    b.m.forEach((v, i) => expect(v).toBe(a.m[i]));
  });
});

describe('lawTestError', () => {
  // For the linear law with noise σ, the error of ŷ = sᵀVx_q against y_q equals the quadratic route's error
  // against ⟨w', x_q⟩ with task w' ~ N(0, wwᵀ) (w' = g·w, E g² = 1, E g = 0: the g-cross term vanishes and
  // the rest is the same quadratic in the fixed w) plus the query's own noise σ². The quadratic route also
  // gives the three terms: with f(V) = its error, E[ŷ²] = (f(V) + f(−V))/2 − f(0), E[ŷ y_q] = (f(−V) − f(V))/4,
  // E[y²] = f(0) + σ².
  const sigma = 0.4;
  const law = { kind: 'linear' as const, noiseStd: sigma };
  const v: Mat = [[0.7, -0.3], [0.2, 0.5]];
  const dist = { d: 2, promptCov: lambda, queryCov: lambda, taskCov: w.map((a) => w.map((b) => a * b)), noiseStd: sigma };

  it.each([1, 3, 10])('linear law, M = %i: value and scale from the quadratic route', (mLen) => {
    const model = testErrorModel(dist, mLen);
    const f = (s: number) => testError(model, v.map((r) => r.map((x) => s * x)));
    const ey2hat = (f(1) + f(-1)) / 2 - f(0);
    const eyhaty = (f(-1) - f(1)) / 4;
    const ey2 = f(0) + sigma * sigma;
    const mom = labelLawMoments(lambda, w, law);
    for (const sign of [1, -1]) {
      const r = lawTestError(v.map((row) => row.map((x) => sign * x)), lambda, mom, mLen);
      const value = ey2hat - 2 * sign * eyhaty + ey2;
      const scale = ey2hat + 2 * Math.abs(eyhaty) + ey2;
      // both routes sum O(10) terms of size ≤ 10: rounding ≲ 1e-14 relative; 1e-12 leaves room
      expect(Math.abs(r.value - value) / scale).toBeLessThan(1e-12);
      expect(Math.abs(r.scale - scale) / scale).toBeLessThan(1e-12);
    }
  });

  it('at V = 0 the error is E[y²] and the predictor\'s terms vanish', () => {
    const mom = labelLawMoments(lambda, w, law);
    const r = lawTestError([[0, 0], [0, 0]], lambda, mom, 4);
    expect(r.value).toBe(mom.ey2);
    expect(r.scale).toBe(mom.ey2);
    // E[y²] = τ² + σ² by hand
    expect(mom.ey2).toBeCloseTo(tau2 + sigma * sigma, 14);
    matvec(lambda, w).forEach((x, i) => expect(mom.m[i]).toBeCloseTo(x, 14));
  });
});
