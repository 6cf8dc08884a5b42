/**
 * The exact test error of the reduced LSA predictor ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i, from its definition.
 *
 * With y_i = ⟨w, x_i⟩ + ε_i, S = (1/M) Σ x_i x_iᵀ and e = (1/M) Σ ε_i x_i, the error is
 * ŷ − ⟨w, x_q⟩ = wᵀ(S V − I) x_q + eᵀ V x_q. The query x_q, the task w and the prompt are independent, so
 * taking E over x_q, then w, then the prompt (its fourth moments by Isserlis) gives a quadratic in V:
 *
 *   E(ŷ − ⟨w, x_q⟩)² = tr(P V Q Vᵀ) − 2⟨B, V⟩_F + c, with
 *   P = E[S Σ_w S] + (σ_ε²/M) Λ′,  Q = Λ_q,  B = Λ′ Σ_w Λ_q,  c = tr(Σ_w Λ_q),
 *
 * Λ′ the prompt covariance. The training population loss is L(V) = ½ of this with M = N (no noise).
 * Nothing here uses the paper's Γ.
 */
import { add, frobeniusDot, matmul, mul, scale, solveSpd, sub, trace, transpose, type Mat } from '../linalg/matrix';
import { resolveDistribution, trainingDistribution, type PromptDistribution } from '../icl/distribution';
import { sampleFourthMoment } from './isserlis';

/** A loss ½ tr(P V Q Vᵀ) − ⟨B, V⟩_F + ½ c in V (P, Q symmetric positive definite). */
export interface QuadraticModel {
  d: number;
  P: Mat;
  Q: Mat;
  B: Mat;
  c: number;
}

/** The quadratic form of the test error E(ŷ − ⟨w, x_q⟩)² on prompts of length m drawn from `dist`. */
export function testErrorModel(dist: PromptDistribution, m: number): QuadraticModel {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`prompt length must be an integer ≥ 1, got ${m}`);
  const r = resolveDistribution(dist);
  let P = sampleFourthMoment(r.promptCov, r.taskCov, m);
  if (r.noiseStd > 0) P = add(P, scale(r.promptCov, (r.noiseStd * r.noiseStd) / m));
  return {
    d: r.d,
    P,
    Q: r.queryCov,
    B: mul(r.promptCov, r.taskCov, r.queryCov),
    c: trace(matmul(r.taskCov, r.queryCov)),
  };
}

/** The training population loss model (spec §1): prompts of length N from N(0, Λ), tasks N(0, I), no noise. */
export function trainingLossModel(lambda: Mat, n: number): QuadraticModel {
  return testErrorModel(trainingDistribution(lambda), n);
}

/** E(ŷ − ⟨w, x_q⟩)² for predictor V: tr(PVQVᵀ) − 2⟨B, V⟩ + c. */
export function testError(model: QuadraticModel, v: Mat): number {
  return trace(mul(model.P, v, model.Q, transpose(v))) - 2 * frobeniusDot(model.B, v) + model.c;
}

/** The population loss ½ E(ŷ − y_q)² at V. */
export function populationLoss(model: QuadraticModel, v: Mat): number {
  return 0.5 * testError(model, v);
}

/** ∇_V of the population loss: P V Q − B. */
export function lossGradientV(model: QuadraticModel, v: Mat): Mat {
  return sub(mul(model.P, v, model.Q), model.B);
}

/** Loss and gradient of the reduced model in (u, U), V = uU: ∂L/∂u = ⟨∇_V L, U⟩, ∂L/∂U = u ∇_V L. */
export function reducedLossAndGradient(model: QuadraticModel, u: number, U: Mat): { loss: number; du: number; dU: Mat } {
  const v = scale(U, u);
  const g = lossGradientV(model, v);
  return { loss: populationLoss(model, v), du: frobeniusDot(g, U), dU: scale(g, u) };
}

/** The zero of ∇_V L = P V Q − B: the model's own minimizer V* = P⁻¹ B Q⁻¹ (P, Q symmetric positive
 * definite), by two Cholesky solves, X = P⁻¹B and V* = (Q⁻¹Xᵀ)ᵀ, not by forming the inverses. */
export function quadraticMinimizer(model: QuadraticModel): Mat {
  return transpose(solveSpd(model.Q, transpose(solveSpd(model.P, model.B))));
}
