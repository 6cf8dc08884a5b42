/** The exact-moment route: building the loss model (O(d⁴) Isserlis sums) and evaluating it. */
import { bench, describe } from 'vitest';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { testError, testErrorModel, trainingLossModel } from '../../src/moments/quadratic';
import { trainingDistribution } from '../../src/icl/distribution';
import { paperFormulas } from '../../src/theory/formulas';

const f = paperFormulas();
for (const d of [4, 16]) {
  const lambda = drawCovariance('rotated', d, stream(1), { kappa: 100 });
  const v = f.lemma53StationaryV(lambda, 20);
  describe(`d = ${d}`, () => {
    bench('moments: trainingLossModel (Isserlis, O(d⁴))', () => {
      trainingLossModel(lambda, 20);
    });
    bench('moments: exact test error of V at M = 50', () => {
      testError(testErrorModel(trainingDistribution(lambda), 50), v);
    });
    bench('theory: Theorem 4.2 error expression', () => {
      f.theorem42Error(lambda, 20, 50);
    });
  });
}
