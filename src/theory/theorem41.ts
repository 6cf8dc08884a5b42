/** Theorem 4.1 (C06, C08): the global minimum reached by gradient flow from Assumption 3.3. */
import type { Mat } from '../linalg/matrix';
import { paperFormulas } from './formulas';

const paper = paperFormulas();

/** Lemma 5.3: a stationary point with u ≠ 0 has V = uU = Γ⁻¹. */
export function lemma53StationaryV(lambda: Mat, n: number): Mat {
  return paper.lemma53StationaryV(lambda, n);
}

/** The limit of Theorem 4.1: W^KQ_* = (tr Γ⁻²)^(−1/4) [[Γ⁻¹,0],[0,0]], W^PV_* = (tr Γ⁻²)^(1/4) [[0,0],[0,1]]. */
export function theorem41Limit(lambda: Mat, n: number): { u: number; U: Mat; V: Mat; wpv: Mat; wkq: Mat } {
  return paper.theorem41Limit(lambda, n);
}

/** The minimum value ½[tr Λ − tr(Γ⁻¹Λ²)] (spec C08, derived). */
export function theorem41MinimumValue(lambda: Mat, n: number): number {
  return paper.theorem41MinimumValue(lambda, n);
}

/** Theorem 4.1's bound on the initialization scale: σ² ‖Γ‖_op √d < 2; returns the largest admissible σ (exclusive). */
export function theorem41SigmaBound(lambda: Mat, n: number): number {
  return paper.theorem41SigmaBound(lambda, n);
}
