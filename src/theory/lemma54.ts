/**
 * Lemma 5.4 (C07) and the lemmas of its proof (Corollary A.2, Lemma A.5), as the paper states them.
 *
 * Read from the paper's text (arXiv v3, §5.3 and Appendix A.3–A.4); the glyphs of (5.7) and (A.14) are
 * lost in the text dump, so both were rebuilt from their proofs (the reading is stated here and in the
 * claim): Lemma A.4's proof bounds ℓ̃(0) ≤ −(σ²/2)‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] (‖ΛΘ‖²_F = tr(Λ²ΘΘᵀ)), and
 * Lemma A.5's uses ℓ̃ ≥ −√d u²‖Λ‖²_op, so
 *   (A.14) u(t)² ≥ u_min² = σ² ‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (2 √d ‖Λ‖²_op);
 * (A.15)–(A.16) then give ‖∇ℓ̃‖² ≥ μ(ℓ̃ − min ℓ̃) with
 *   (5.7) μ = 2 u_min² / (tr(Γ⁻¹Λ⁻¹) tr(Λ⁻¹)) = σ² ‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (√d ‖Λ‖²_op tr(Γ⁻¹Λ⁻¹) tr(Λ⁻¹)).
 */
import { inverse, matmul, symmetricEigen, trace, transpose, type Mat } from '../linalg/matrix';

const opNorm = (a: Mat): number => Math.max(...symmetricEigen(a).values.map(Math.abs));

/** ‖ΛΘ‖²_F = tr(Θᵀ Λ² Θ). */
function lambdaThetaSq(lambda: Mat, theta: Mat): number {
  const lt = matmul(lambda, theta);
  return trace(matmul(transpose(lt), lt));
}

/** (A.14), squared: u_min² = σ²‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (2√d‖Λ‖²_op), for Γ = `gamma`. */
export function lemmaA5USquaredBound(lambda: Mat, gamma: Mat, sigma: number, theta: Mat): number {
  const d = lambda.length;
  const lOp = opNorm(lambda);
  return (sigma * sigma * lambdaThetaSq(lambda, theta) * (2 - Math.sqrt(d) * sigma * sigma * opNorm(gamma))) / (2 * Math.sqrt(d) * lOp * lOp);
}

/** (5.7): μ = σ²‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (√d ‖Λ‖²_op tr(Γ⁻¹Λ⁻¹) tr(Λ⁻¹)), for Γ = `gamma`. */
export function lemma54Mu(lambda: Mat, gamma: Mat, sigma: number, theta: Mat): number {
  const li = inverse(lambda);
  const d = lambda.length;
  const lOp = opNorm(lambda);
  const num = sigma * sigma * lambdaThetaSq(lambda, theta) * (2 - Math.sqrt(d) * sigma * sigma * opNorm(gamma));
  return num / (Math.sqrt(d) * lOp * lOp * trace(matmul(inverse(gamma), li)) * trace(li));
}

/** Corollary A.2: min ℓ̃ = −½ tr(Λ² Γ⁻¹), ℓ̃ = L − ½ tr Λ the loss (5.5). */
export function corollaryA2MinLoss(lambda: Mat, gamma: Mat): number {
  return -0.5 * trace(matmul(matmul(lambda, lambda), inverse(gamma)));
}
