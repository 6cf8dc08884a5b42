/** C09 — eq. 4.2–4.3 and Corollary 4.3: the trained LSA's predictor on test prompts of length M. */
import type { PaperFormulas } from '../theory/formulas';
import { predictorProperty } from '../../properties/section4';
import { checkProperty } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

/** The C09 claim. */
export function c09Predictor(f: PaperFormulas): Claim {
  return {
    id: 'C09',
    source: 'eq. 4.2–4.4 (§4.1), Corollary 4.3',
    statement: 'at the limit of gradient flow, on a test prompt (x_1, y_1, …, x_M, y_M, x_q), ŷ = [f_LSA(P; W^KQ_*, W^PV_*)]_{d+1,M+1} = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i, for linear labels y_i = ⟨w, x_i⟩ (4.2) and any labels (4.3); (4.4), ŷ ≈ x_qᵀΛ⁻¹E[yx] for large N, M, is checked through C10 (the excess of (4.6) over the best linear predictor vanishes as N, M → ∞)',
    routes: ['theory', 'dynamics (flow limit)', 'lsa (full forward pass on sampled prompts, linear and tanh + noise labels)'],
    tolerance: {
      measure: 'max over 8 prompts of |ŷ_LSA − ŷ_paper| / (‖V‖_F ‖s‖ ‖x_q‖)',
      bound: 'the C08 flow tolerance + 4·γ_{2(M+1)(d+1)+2d²}',
      justification: 'the prediction is a bilinear form in s and x_q, so V\'s relative error bounds the relative error of ŷ; the two read-outs add their rounding',
    },
    async check(ctx) {
      return checkProperty(predictorProperty(f), ctx, { claimId: 'C09' });
    },
  };
}
