/** C13 — §4.2, covariate shifts: ŷ ≈ c²x_qᵀw when covariates are scaled by c; the LSA is not least squares. */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { covariateLimitProperty, fixedCovariateShiftArbitrary, limitRateProperty, rateSummary, rateTable, sampledBase, scaleLawProperty, shiftedSampledProperty } from '../../properties/shifts';
import { problemArbitrary } from '../../properties/arbitraries';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { diag, scale } from '../linalg/matrix';
import { part } from './shiftClaims';

/** The C13 claim. */
export function c13CovariateShift(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C13',
    source: '§4.2 (covariate shifts)',
    statement:
      'test covariates (prompt and query) scaled by c ≠ 1: ŷ ≈ x_qᵀΛ⁻¹c²Λw = c²x_qᵀw ≠ x_qᵀw, so the model is not least squares, which is robust to scaling; general Λ′ (derived, Σ_w = I): as M → ∞ the error tends to tr[(Γ⁻¹Λ′ − I)ᵀΛ′(Γ⁻¹Λ′ − I)], not 0',
    routes: ['theory (c², the derived limit)', 'lsa (full forward pass on scaled prompts) and least squares', 'moments (exact limits along M, N)', 'montecarlo (full LSA forward pass on shifted covariates)'],
    tolerance: {
      measure: 'pointwise: |ŷ(cE) − c³ŷ(E)| / (c³·size of the bilinear form) over its rounding bound, and the same for least squares with κ(XᵀX); exact limit: relative to the cancelling terms; rates: as C11; sampled: |E_exact − estimate| / half-width',
      bound: '1 (ratios to rounding bounds); 2·moment solve tolerance; 0.05; 1',
      justification: 'the forward pass is a sum of (M+1)(d+1) products per entry; least squares loses κ(X)² at worst through QR; the rest as C11',
    },
    partIds: ['pointwise', 'limit', 'rates', 'sampled'],
    async check(ctx) {
      const result = await runParts([
        part('C13', 'pointwise', 'c² law pointwise: the full LSA scales by c³ (c² against the target), least squares by c', scaleLawProperty(s)),
        part('C13', 'limit', 'M → ∞ error for Λ′ (scale, rotation, spectrum): moments = derived form', covariateLimitProperty(s)),
        part('C13', 'rates', 'M → ∞ error against x_qᵀΛ⁻¹Λ′w (c²x_qᵀw) vanishes as O(1/N²)', limitRateProperty(s, fixedCovariateShiftArbitrary(problemArbitrary({ dMax: 8 })))),
        part('C13', 'sampled', 'Monte Carlo of the full LSA on shifted covariates', shiftedSampledProperty(fixedCovariateShiftArbitrary(sampledBase()))),
      ], ctx);
      const lam = diag([1, 2, 3]);
      const notes: string[] = [];
      for (const c of [0.5, 2]) {
        const lp = scale(lam, c * c);
        const dist = { d: 3, promptCov: lp, queryCov: lp };
        notes.push(`exact errors against ⟨w, x_q⟩, Λ = diag(1,2,3), covariates ×${c} (not vanishing: ${(((c * c - 1) ** 2) * c * c * 6).toPrecision(4)} = (c²−1)²c² tr Λ is the N → ∞ limit):`, ...rateTable(lam, () => dist, s.section42LimitMap(lam, lam), [10, 100, 1000], [10, 100, 1000]));
        notes.push(rateSummary(s, lam, 10, 10, dist, s.section42LimitMap(lam, lp)) + ' (against c²x_qᵀw)');
      }
      return { ...result, notes: [...(result.notes ?? []), ...notes] };
    },
  };
}
