/** C10 — Theorem 4.2: the trained model's test error on prompts of length M. */
import type { PaperFormulas } from '../theory/formulas';
import { testErrorProperty } from '../../properties/section4';
import { checkProperty } from './propertyCheck';
import type { Claim } from './types';

/** The C10 claim. */
export function c10TestError(f: PaperFormulas): Claim {
  return {
    id: 'C10',
    source: 'Theorem 4.2',
    statement:
      'E(ŷ − ⟨w,x_q⟩)² = (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ/M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ (Gaussian linear case), i.e. the best linear error (0) plus O(1/M + 1/N²)',
    routes: ['theory', 'moments (exact test error of the first-principles minimizer)'],
    tolerance: {
      measure: '|E_moments − E_paper| / tr Λ',
      bound: '8·d·(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ)))',
      justification: 'terms of the error are of size ≤ tr Λ, so rounding scales with tr Λ; the minimizer enters to first order with a factor ≤ 2; computed per case from its condition numbers',
    },
    async check(ctx) {
      return checkProperty(testErrorProperty(f), ctx, { claimId: 'C10' });
    },
  };
}
