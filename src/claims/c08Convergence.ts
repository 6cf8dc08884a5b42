/** C08 — Theorem 4.1: gradient flow from Assumption 3.3 reaches the paper's global minimum. */
import type { PaperFormulas } from '../theory/formulas';
import { convergenceProperty } from '../../properties/section4';
import { checkProperty } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

/** The C08 claim. */
export function c08Convergence(f: PaperFormulas): Claim {
  return {
    id: 'C08',
    source: 'Theorem 4.1 (eq. 4.1), Lemma 5.4 (eq. 5.9)',
    statement:
      'gradient flow on the population loss (3.8) from Assumption 3.3 (‖ΘΘᵀ‖_F = 1, ΘΛ ≠ 0) with σ²‖Γ‖_op√d < 2 converges to a global minimum, W^KQ → (tr Γ⁻²)^(−1/4)[[Γ⁻¹,0],[0,0]], W^PV → (tr Γ⁻²)^(1/4)[[0,0],[0,1]] (4.1), i.e. u → ‖Γ⁻¹‖_F^{1/2}, U → ‖Γ⁻¹‖_F^{−1/2}Γ⁻¹ (5.9); the minimum of L is ½[tr Λ − tr(Γ⁻¹Λ²)] (Corollary A.2 plus ½ tr Λ, eq. 5.5)',
    routes: ['theory', 'dynamics (stiff flow of the exact loss)', 'moments (loss at the limit)'],
    tolerance: {
      measure: 'max of the relative errors of u, U, V = uU and of the loss (relative to tr Λ)',
      bound: '2·(1e-11 + 4d(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ))))',
      justification: 'the flow is stopped when ‖V − V*‖/‖V*‖ ≤ 1e-11 (measured), and V* carries the moment route\'s rounding; u and U alone inherit V\'s relative error halved plus the balance drift (checked by C05, ≈ 1e-12 relative), inside the factor 2',
    },
    async check(ctx) {
      return checkProperty(convergenceProperty(f), ctx, { claimId: 'C08' });
    },
  };
}
