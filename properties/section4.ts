/**
 * Section 4 properties (main results). C10, Theorem 4.2: the test error of the trained model on
 * prompts of length M — the paper's expression against the exact test error of the first-principles
 * minimizer, computed from ŷ's definition (src/moments/).
 */
import { conditionNumber, trace } from '../src/linalg/matrix';
import { testError, testErrorModel, trainingLossModel } from '../src/moments/quadratic';
import { trainingDistribution } from '../src/icl/distribution';
import type { PaperFormulas } from '../src/theory/formulas';
import type { ClaimProperty } from '../src/claims/propertyCheck';
import { momentSolveTolerance } from '../src/claims/tolerance';
import { caseLambda, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';
import { quadraticMinimizer } from './section5';

/**
 * C10: |E_moments − E_paper| / tr Λ. The error is a difference of terms of size up to tr Λ, so its
 * floating-point error scales with tr Λ; the first-order sensitivity to the minimizer's error is at most
 * ~2 tr Λ times that error, hence twice the solve tolerance.
 */
export function testErrorProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const train = trainingLossModel(lambda, c.n);
      const vStar = quadraticMinimizer(train);
      const found = testError(testErrorModel(trainingDistribution(lambda), c.m), vStar);
      const claimed = f.theorem42Error(lambda, c.n, c.m);
      const tol = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: Math.abs(found - claimed) / trace(lambda), tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}
