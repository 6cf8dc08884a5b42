/**
 * Section 5 properties (proof ideas). C06, Lemma 5.3: a stationary point with u ≠ 0 has uU = Γ⁻¹ —
 * the paper's Γ⁻¹ against the zero of ∇_V L found from the exact population loss (src/moments/).
 */
import { conditionNumber, inverse, mul, relativeDistance } from '../src/linalg/matrix';
import { trainingLossModel } from '../src/moments/quadratic';
import type { PaperFormulas } from '../src/theory/formulas';
import type { ClaimProperty } from '../src/claims/propertyCheck';
import { momentSolveTolerance } from '../src/claims/tolerance';
import { caseLambda, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';
import type { QuadraticModel } from '../src/moments/quadratic';
import type { Mat } from '../src/linalg/matrix';

/** The zero of ∇_V L = P V Q − B of a quadratic model: V = P⁻¹ B Q⁻¹ (P, Q SPD). */
export function quadraticMinimizer(model: QuadraticModel): Mat {
  return mul(inverse(model.P), model.B, inverse(model.Q));
}

/** C06: ‖V_moments − Γ⁻¹‖_F / ‖Γ⁻¹‖_F within the conditioning-scaled tolerance. */
export function stationaryPointProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const model = trainingLossModel(lambda, c.n);
      const found = quadraticMinimizer(model);
      const claimed = f.lemma53StationaryV(lambda, c.n);
      const tol = momentSolveTolerance(c.d, conditionNumber(model.P), conditionNumber(model.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: relativeDistance(found, claimed), tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}
