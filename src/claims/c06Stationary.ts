/** C06 — Lemma 5.3: a stationary point with u ≠ 0 has uU = Γ⁻¹. */
import type { PaperFormulas } from '../theory/formulas';
import { stationaryPointProperty } from '../../properties/section5';
import { checkProperty } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

/** The C06 claim. */
export function c06Stationary(f: PaperFormulas): Claim {
  return {
    id: 'C06',
    source: 'Lemma 5.3',
    statement: 'a stationary point of the reduced loss with u ≠ 0 has uU = Γ⁻¹, Γ = (1 + 1/N)Λ + (tr Λ/N) I',
    routes: ['theory', 'moments (zero of the exact ∇_V L)'],
    tolerance: {
      measure: '‖V_moments − Γ⁻¹‖_F / ‖Γ⁻¹‖_F',
      bound: '4·d·(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ))) + 4·γ_d·κ(P)·κ(Q)',
      justification: 'P is a sum of 3d² Isserlis products per entry; Γ⁻¹ loses up to a factor κ(Γ) (Higham §14) and the minimizer P⁻¹(BQ⁻¹) up to γ_d·κ(P)·κ(Q) more, the two solves compounding (measured: the error grows like κ(Λ)²u); the tolerance is computed per case from its condition numbers',
    },
    async check(ctx) {
      return checkProperty(stationaryPointProperty(f), ctx, { claimId: 'C06' });
    },
  };
}
