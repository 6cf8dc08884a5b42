/** C06 — Lemma 5.3 (5.6) and Corollary A.2: a global minimum of ℓ̃ has uU = Γ⁻¹; min ℓ̃ = −½ tr(Λ²Γ⁻¹). */
import type { PaperFormulas } from '../theory/formulas';
import { minimumLossProperty, stationaryPointProperty } from '../../properties/section5';
import { checkParts, partIdsOf, type PropertyPart } from './claimParts';
import type { Claim } from '../contract/types';

/** The C06 claim. */
export function c06Stationary(f: PaperFormulas): Claim {
  const parts: PropertyPart[] = [
    { id: 'minimizer', name: 'uU = Γ⁻¹ at the minimum (5.6)', property: stationaryPointProperty(f) },
    { id: 'minimum', name: 'min ℓ̃ = −½ tr(Λ²Γ⁻¹) (Corollary A.2)', property: minimumLossProperty(f) },
  ];
  return {
    id: 'C06',
    source: 'Lemma 5.3 (eq. 5.6), Corollary A.2',
    statement: 'for any global minimum of ℓ̃ (5.5), u U = Γ⁻¹ with Γ = (1 + 1/N)Λ + (tr Λ/N) I (5.6); min ℓ̃ = −½ tr(Λ²Γ⁻¹) (Corollary A.2)',
    routes: ['theory', 'moments (zero of the exact ∇_V L; the exact loss there, minus ½ tr Λ)'],
    tolerance: {
      measure: '‖V_moments − Γ⁻¹‖_F / ‖Γ⁻¹‖_F; minimum: |ℓ̃_moments − (−½ tr(Λ²Γ⁻¹))| / tr Λ',
      bound: '4·d·(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ))) + 4·γ_d·κ(P)·κ(Q) (the minimum: twice the first term)',
      justification: 'P is a sum of 3d² Isserlis products per entry; Γ⁻¹ loses up to a factor κ(Γ) (Higham §14) and the minimizer P⁻¹(BQ⁻¹) up to γ_d·κ(P)·κ(Q) more, the two solves compounding (measured: the error grows like κ(Λ)²u); the tolerance is computed per case from its condition numbers',
    },
    partIds: partIdsOf(parts),
    check: (ctx) => checkParts(parts, ctx, 'C06'),
  };
}
