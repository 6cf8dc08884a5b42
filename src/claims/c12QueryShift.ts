/** C12 — §4.2, query shifts, eq. (4.8): ŷ ≈ x_qᵀΛ⁻¹Λw = x_qᵀw for large M, whatever the query's law. */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { limitRateProperty, queryShiftArbitrary, queryShiftLimitProperty, sampledBase, shiftedSampledProperty } from '../../properties/shifts';
import { problemArbitrary } from '../../properties/arbitraries';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { diag } from '../linalg/matrix';
import { exampleRateNotes, part } from './shiftClaims';

/** The C12 claim. */
export function c12QueryShift(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C12',
    source: '§4.2 (query shifts), eq. 4.8',
    statement: 'x_q from a law other than the prompt covariates\' (prompts still N(0, Λ)): "if M is large then ŷ ≈ x_qᵀΛ⁻¹Λw = x_qᵀw. Thus, very general shifts in the query distribution can be tolerated"',
    routes: ['theory (the limit x_qᵀw; derived M → ∞ error tr[Σ_w(ΛΓ⁻¹ − I)Λ_q(Γ⁻¹Λ − I)])', 'moments (exact error, limits along M, N)', 'montecarlo (full LSA forward pass; Gaussian, Student-t and point-mass queries)'],
    tolerance: {
      measure: 'exact limit: |E_∞,moments − E_∞,derived| / size; rates: max(0, 2 − observed order in N) + affinity residual; sampled: |E_exact − estimate| / CI half-width',
      bound: '2·moment solve tolerance; 0.05; 1 (family level 1 − 2.5e-8: the audit’s budget)',
      justification: 'as C11; Student-t queries in the sampled part have ν ≥ 5 so the squared error has a finite variance (the interval is valid)',
    },
    partIds: ['limit', 'rates', 'sampled'],
    async check(ctx) {
      const result = await runParts([
        part('C12', 'limit', 'M → ∞ error: moments = derived form', queryShiftLimitProperty(s)),
        part('C12', 'rates', 'M → ∞ error against x_qᵀw vanishes as O(1/N²); excess exactly C/M', limitRateProperty(s, queryShiftArbitrary(problemArbitrary({ dMax: 8 })))),
        part('C12', 'sampled', 'Monte Carlo of the full LSA on the shifted queries', shiftedSampledProperty(queryShiftArbitrary(sampledBase(), 5))),
      ], ctx);
      return { ...result, notes: [...(result.notes ?? []), ...exampleRateNotes(s, ', query covariance diag(4, 0.25, 1)', { queryCov: diag([4, 0.25, 1]) })] };
    },
  };
}
