/** C11 — §4.2, task shifts: any task law, label noise; ŷ ≈ x_qᵀw for large M, competitive with the best linear model (Theorem 4.2). */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { limitRateProperty, sampledBase, shiftedSampledProperty, taskShiftArbitrary, taskShiftExactProperty } from '../../properties/shifts';
import { problemArbitrary } from '../../properties/arbitraries';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { identity } from '../linalg/matrix';
import { exampleRateNotes, part } from './shiftClaims';

/** The C11 claim. */
export function c11TaskShift(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C11',
    source: '§4.2 (task shifts), with Theorem 4.2 (4.6)',
    statement:
      'test labels y_i = ⟨w, x_i⟩ + ε_i with any w (any task law) and independent sub-Gaussian noise: "this is approximately x_qᵀw when M is large" (and N large, (4.7)), and the error is competitive with the best linear model, as Theorem 4.2 gives',
    routes: ['theory ((4.6) averaged over the task law)', 'moments (exact error from ŷ\'s definition; limits along M, N)', 'montecarlo (full LSA forward pass on Rademacher, sparse, fixed and Gaussian tasks; Gaussian, Rademacher, uniform noise)'],
    tolerance: {
      measure: 'exact: |E_moments − E_(4.6)| / size of the cancelling terms; rates: max(0, 2 − observed order in N) + affinity residual in 1/M; sampled: |E_exact − estimate| / CI half-width',
      bound: '2·moment solve tolerance (κ(P), κ(Q), κ(Γ)); 0.05; 1 (family level 1 − 2.5e-8: the audit’s budget)',
      justification: 'rounding of the Isserlis sums and solves scales with the cancelling terms; the local slope between N₁ = 100dκ and 10N₁ is within O(dκ/N₁) of its limit; Bonferroni over the sampled cases',
    },
    partIds: ['exact', 'rates', 'sampled'],
    async check(ctx) {
      const result = await runParts([
        part('C11', 'exact', "exact error = Theorem 4.2's (4.6) under task shift and noise", taskShiftExactProperty(s)),
        part('C11', 'rates', 'M → ∞ error against x_qᵀw vanishes as O(1/N²); excess exactly C/M', limitRateProperty(s, taskShiftArbitrary(problemArbitrary({ dMax: 8 })))),
        part('C11', 'sampled', 'Monte Carlo of the full LSA on the shifted laws', shiftedSampledProperty(taskShiftArbitrary(sampledBase()), (c, lambda, dist) => s.theorem42TaskShiftError(lambda, c.n, c.m, dist.taskCov!, (dist.noiseStd ?? 0) ** 2))),
      ], ctx);
      return { ...result, notes: [...(result.notes ?? []), ...exampleRateNotes(s, ', Rademacher task (Σ_w = I), noise 0.5', { taskCov: identity(3), noiseStd: 0.5 })] };
    },
  };
}
