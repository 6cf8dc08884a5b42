/**
 * The M → ∞ limit of the test error of the reduced LSA predictor ŷ = sᵀVx_q, from its definition: with
 * y_i = ⟨w, x_i⟩ + ε_i, s = (1/M) Σ y_i x_i → Λ′w almost surely (the law of large numbers; Λ′ the prompt
 * covariance, the noise averaging out), so ŷ → wᵀΛ′Vx_q and, against a target x_qᵀTw,
 *
 *   lim_{M→∞} E(ŷ − x_qᵀTw)² = tr(Σ_w D Λ_q Dᵀ),  D = Λ′V − Tᵀ,
 *
 * with Σ_w = E[wwᵀ], Λ_q = E[x_q x_qᵀ]. Written as a product of D's, not as the difference of the
 * finite-M terms, so that a small limit (O(1/N²)) keeps its relative precision. Nothing here uses Γ.
 */
import { identity, matmul, mul, sub, trace, transpose, type Mat } from '../linalg/matrix';
import { resolveDistribution, type PromptDistribution } from '../icl/distribution';

/** lim_{M→∞} E(ŷ − x_qᵀ T w)² for predictor V on prompts from `dist` (T = I by default: the error against ⟨w, x_q⟩). */
export function limitTestError(dist: PromptDistribution, v: Mat, target?: Mat): number {
  const r = resolveDistribution(dist);
  const t = target ?? identity(r.d);
  const dm = sub(matmul(r.promptCov, v), transpose(t));
  return trace(mul(r.taskCov, dm, r.queryCov, transpose(dm)));
}
