/** C15 — Theorem 4.2's remark and Corollary 4.3: train length N and test length M enter separately; the error stays bounded away from 0 for finite N. */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { covariateLimitProperty, lengthLimitPositiveProperty, lengthOnlyArbitrary, limitRateProperty, sampledBase, shiftedSampledProperty } from '../../properties/shifts';
import { problemArbitrary } from '../../properties/arbitraries';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { exampleRateNotes, part } from './shiftClaims';

/** The C15 claim. */
export function c15PromptLength(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C15',
    source: 'Theorem 4.2 and Corollary 4.3, the remarks after them',
    statement:
      'the rates in M and N are O(1/M) and O(1/N²); "training on finite-length prompts leads to prediction error bounded away from zero": as M → ∞ the Gaussian error tends to tr[(Γ⁻¹Λ − I)²Λ] (derived) > 0, = O(1/N²). The paper states no separate prompt-length formula',
    routes: ['theory (derived limit, Corollary 4.3 constants)', 'moments (exact limits along M, N)', 'montecarlo (full LSA forward pass at M ≠ N)'],
    tolerance: {
      measure: 'exact limit: relative to the cancelling terms; positivity: the limit against the rounding floor, and N²·limit against Corollary 4.3\'s constant; rates: as C11; sampled: |E_exact − estimate| / half-width',
      bound: '2·moment solve tolerance; 0 (strict); 0.05; 1',
      justification: 'as C11',
    },
    partIds: ['limit', 'positive', 'rates', 'sampled'],
    async check(ctx) {
      const result = await runParts([
        part('C15', 'limit', 'M → ∞ error: moments = derived tr[(Γ⁻¹Λ − I)²Λ]', covariateLimitProperty(s, false)),
        part('C15', 'positive', 'bounded away from zero at finite N, and ≤ (1 + 2d + d²κ) tr Λ / N²', lengthLimitPositiveProperty(s)),
        part('C15', 'rates', 'M → ∞ error vanishes as O(1/N²); excess exactly C/M', limitRateProperty(s, lengthOnlyArbitrary(problemArbitrary({ dMax: 8 })))),
        part('C15', 'sampled', 'Monte Carlo of the full LSA at M ≠ N', shiftedSampledProperty(lengthOnlyArbitrary(sampledBase()))),
      ], ctx);
      return { ...result, notes: [...(result.notes ?? []), ...exampleRateNotes(s, '', {}, [10, 100, 1000, 10000])] };
    },
  };
}
