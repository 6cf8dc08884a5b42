/** C09 — Corollary 4.3: the trained LSA's predictor on test prompts of length M. */
import type { PaperFormulas } from '../theory/formulas';
import { predictorProperty } from '../../properties/section4';
import { checkProperty } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

/** The C09 claim. */
export function c09Predictor(f: PaperFormulas): Claim {
  return {
    id: 'C09',
    source: 'Corollary 4.3 (eq. 4.2–4.3)',
    statement: 'at the limit of gradient flow, on a test prompt of length M, the LSA predicts ŷ = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i',
    routes: ['theory', 'dynamics (flow limit)', 'lsa (full forward pass on sampled prompts)'],
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
