/**
 * Γ = (1 + 1/N) Λ + (tr Λ / N) I_d — the matrix the paper's closed forms are written in (Theorem 4.1).
 * This folder states the paper's formulas; nothing in it is used to check itself.
 */
import { add, identity, scale, trace, type Mat } from '../linalg/matrix';

/** Γ for training prompt length N (Theorem 4.1). */
export function gamma(lambda: Mat, n: number): Mat {
  return add(scale(lambda, 1 + 1 / n), scale(identity(lambda.length), trace(lambda) / n));
}
