/** C14 — §4.2: a query orthogonal to the prompt covariates gets the prediction 0. */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { orthogonalQueryProperty } from '../../properties/shifts';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { part } from './shiftClaims';

/** The C14 claim. */
export function c14OrthogonalQuery(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C14',
    source: '§4.2 (query shifts)',
    statement: '"if M is not large and the query example depends on the training data … if the query example is orthogonal to the subspace spanned by the x_i\'s, the prediction will be zero" (D_x = N(0, Λ), any Λ)',
    routes: ['theory (ŷ = 0)', 'lsa (full forward pass at the trained limit on prompts with x_q ⟂ span{x_i}, M < d)'],
    tolerance: {
      measure: 'max over 4 prompts of |ŷ| / ((1/M) Σ|y_i|‖x_i‖ · ‖V‖_F ‖x_q‖)',
      bound: '4·γ_{4(M+1)(d+1)+4d²}·(1 + κ(Λ))',
      justification: 'the forward pass and the projection of x_q are exact up to rounding of sums of that many products, amplified by the conditioning of V',
    },
    partIds: ['as-stated', 'isotropic'],
    async check(ctx) {
      const result = await runParts([
        part('C14', 'as-stated', 'as stated: any Λ', orthogonalQueryProperty(s)),
        part('C14', 'isotropic', 'weaker: isotropic Λ = cI (the setting of Garg et al.)', orthogonalQueryProperty(s, ['identity', 'scaled'])),
      ], ctx);
      return {
        ...result,
        notes: [
          ...(result.notes ?? []),
          'the trained LSA predicts x_qᵀΓ⁻¹s with s ∈ span{x_i}: zero for every orthogonal x_q only when Γ⁻¹ maps span{x_i} into itself for all prompts, i.e. Λ ∝ I; for anisotropic Λ the prediction is zero when x_q ⟂ Γ⁻¹ span{x_i} instead',
        ],
      };
    },
  };
}
