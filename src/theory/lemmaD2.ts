/** Lemma D.2 (C01): Gaussian fourth moments as the paper states them. */
import { add, matmul, mul, scale, trace, transpose, type Mat } from '../linalg/matrix';

/** E[x xᵀ A x xᵀ] = Λ(A + Aᵀ)Λ + tr(AΛ) Λ for x ~ N(0, Λ). */
export function lemmaD2(lambda: Mat, a: Mat): Mat {
  return add(mul(lambda, add(a, transpose(a)), lambda), scale(lambda, trace(matmul(a, lambda))));
}

/** Sample form: E[S A S] = ΛAΛ + (1/N)(ΛAᵀΛ + tr(AΛ)Λ), S = (1/N) Σ x_i x_iᵀ. */
export function lemmaD2Sample(lambda: Mat, a: Mat, n: number): Mat {
  const extra = add(mul(lambda, transpose(a), lambda), scale(lambda, trace(matmul(a, lambda))));
  return add(mul(lambda, a, lambda), scale(extra, 1 / n));
}
