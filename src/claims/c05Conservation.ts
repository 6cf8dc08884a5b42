/** C05 — Lemma A.3 (A.12): balanced parameters, u² = tr(UUᵀ) along gradient flow from Assumption 3.3. */
import type { PaperFormulas } from '../theory/formulas';
import { conservationProperty } from '../../properties/section5';
import { checkProperty } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

/** The C05 claim. */
export function c05Conservation(f: PaperFormulas): Claim {
  return {
    id: 'C05',
    source: 'Lemma A.3 (eq. A.12)',
    statement: 'from an initial value satisfying Assumption 3.3, for any t ≥ 0, u² = tr(UUᵀ) (the proof: d/dt tr(UUᵀ) = d/dt u² along (5.4), so u² − ‖U‖²_F is conserved, and it is σ² − σ²‖ΘΘᵀ‖²_F = 0 at t = 0)',
    routes: ['theory', 'dynamics (stiff Rosenbrock flow of the exact loss, unprojected)'],
    tolerance: {
      measure: 'max over segment ends of |q(θ(t)) − q(θ(0))| / ‖V_∞‖_F, integrated at rtol 1e-12',
      bound: 'min(Σ_steps 2√n(atol + rtol·s)·s, max(change at rtol 1e-9 / 10, 10³·u·‖V_∞‖_F·√steps)) / ‖V_∞‖_F',
      justification: 'a conserved quantity changes only by integration error, which is at most the accepted local errors allow and shrinks with the tolerance (≈ 1000× from rtol 1e-9 to 1e-12, measured); a quantity that is not conserved keeps changing at any tolerance',
    },
    async check(ctx) {
      return checkProperty(conservationProperty(f), ctx, { claimId: 'C05' });
    },
  };
}
