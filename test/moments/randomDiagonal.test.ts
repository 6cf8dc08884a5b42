/**
 * The exact averaged error over random diagonal covariances (Isserlis with symbolic λ, then the entry
 * law's moments) against Monte Carlo of the literal predictor over Λ_τ and prompts, and against a
 * hand computation at d = 1.
 */
import { describe, expect, it } from 'vitest';
import { randomDiagonalError, randomDiagonalModel, randomDiagonalMinimizer } from '../../src/moments/randomDiagonal';
import { entryMoment, type EntryLaw } from '../../src/icl/entryLaws';
import { applyShifts, trainingLaw } from '../../src/icl/shifts';
import { identity } from '../../src/linalg/matrix';
import { estimateOnTestLaw, squaredError } from '../../src/montecarlo/shiftedError';
import { predictReduced } from '../../src/lsa/forward';

describe('averaged error over random diagonal Λ_τ', () => {
  it('d = 1 by hand: E[λ x²…]: A = (1 + 2/M) m3, b = m2, c = m1', () => {
    const law: EntryLaw = { kind: 'gamma', shape: 1.5 };
    const mom = (k: number) => entryMoment(law, k);
    const model = randomDiagonalModel(mom, 1, 7);
    // d = 1: S = (1/M)Σx², E[S²|λ] = λ²(1 + 2/M); times Q = λ: (1 + 2/M) E λ³
    expect(model.A[0][0]).toBeCloseTo((1 + 2 / 7) * mom(3), 12);
    expect(model.offDiagonalP).toBe(0);
  });
  for (const law of [{ kind: 'exp' }, { kind: 'two-point', low: 0.5, high: 3, pLow: 0.6 }, { kind: 'uniform', low: 0.2, high: 2 }] as EntryLaw[]) {
    it(`matches Monte Carlo of the literal predictor for a non-diagonal V (${law.kind}, d = 3, M = 5), within the 1 − 1e-6 interval`, () => {
      const d = 3;
      const m = 5;
      const v = [[0.4, 0.1, -0.2], [0.05, 0.3, 0.1], [0.2, -0.1, 0.5]];
      const exact = randomDiagonalError(randomDiagonalModel((k) => entryMoment(law, k), d, m), v);
      const testLaw = applyShifts(trainingLaw(identity(d), m), [{ kind: 'random-diagonal', law, c: 1 }]);
      const est = estimateOnTestLaw(testLaw, [squaredError('lsa', (batch, b) => predictReduced(batch, b, v))], { seed: 5, samples: 100_000, confidence: 1 - 1e-6 });
      const e = est.estimates[0];
      expect(exact).toBeGreaterThanOrEqual(e.ci[0]);
      expect(exact).toBeLessThanOrEqual(e.ci[1]);
    });
  }
  it('its minimizer is diagonal and no perturbation of it lowers the error', () => {
    const model = randomDiagonalModel((k) => entryMoment({ kind: 'lognormal', mu: 0, sigma: 0.5 }, k), 4, 9);
    const v = randomDiagonalMinimizer(model);
    const e0 = randomDiagonalError(model, v);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const p = v.map((r) => r.slice());
      p[i][j] += 1e-3;
      expect(randomDiagonalError(model, p)).toBeGreaterThan(e0);
    }
  });
});

import { limitTestError } from '../../src/moments/limits';
import { testError, testErrorModel } from '../../src/moments/quadratic';
import { drawCovariance } from '../../src/random/covariance';
import { Stream } from '../../src/random/stream';

describe('the M → ∞ limit of the test error', () => {
  it('equals the exact finite-M error extrapolated in 1/M (the error is affine in 1/M), with noise and shifted query and task', () => {
    const d = 4;
    const rng = new Stream(3, ['lim']);
    const lam = drawCovariance('rotated', d, rng.child('a'), { kappa: 8 });
    const dist = { d, promptCov: lam, queryCov: drawCovariance('wishart', d, rng.child('q')), taskCov: drawCovariance('wishart', d, rng.child('t')), noiseStd: 0.7 };
    const v = drawCovariance('wishart', d, rng.child('v'));
    const e = (m: number) => testError(testErrorModel(dist, m), v);
    const extrapolated = 2 * e(2000) - e(1000);
    expect(Math.abs(limitTestError(dist, v) - extrapolated)).toBeLessThan(1e-10 * e(1000));
  });
});
