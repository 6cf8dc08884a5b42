/** Spec §3 (Lemma 5.2's reduced problem): the paper's reduced loss and its gradients in (u, U). */
import { matmul, mul, scale, sub, trace, transpose, type Mat } from '../linalg/matrix';
import { gamma } from './gamma';

/** L(u, U) = ½ tr(ΛΓ V Λ Vᵀ) − tr(V Λ²) + ½ tr Λ with V = uU. */
export function reducedLossPaper(lambda: Mat, n: number, u: number, U: Mat): number {
  const g = gamma(lambda, n);
  const v = scale(U, u);
  return 0.5 * trace(mul(lambda, g, v, lambda, transpose(v))) - trace(mul(v, lambda, lambda)) + 0.5 * trace(lambda);
}

/** ∂L/∂u = u tr(ΛΓ U Λ Uᵀ) − tr(U Λ²); ∂L/∂U = u² ΓΛUΛ − u Λ². */
export function reducedGradientPaper(lambda: Mat, n: number, u: number, U: Mat): { du: number; dU: Mat } {
  const g = gamma(lambda, n);
  const l2 = matmul(lambda, lambda);
  const du = u * trace(mul(lambda, g, U, lambda, transpose(U))) - trace(matmul(U, l2));
  const dU = sub(scale(mul(g, lambda, U, lambda), u * u), scale(l2, u));
  return { du, dU };
}
