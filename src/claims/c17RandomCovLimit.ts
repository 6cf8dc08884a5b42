/** C17 — (4.13) and the ⅓ of Exp(1): the random-covariance LSA's prediction on a new prompt, and its brittleness. */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import { brittlenessProperty, conditionalMeanSampled, conditionalSlopeProperty, eq413GapProperty, eq413GapSampledProperty, slopeLimitProperty, slopeSampledProperty } from '../../properties/section45';
import { runParts } from '../contract/parts';
import type { Claim } from '../contract/types';
import { Stream } from '../random/stream';
import { entryMoment } from '../icl/entryLaws';
import { part, fmt } from './shiftClaims';
import { posteriorEntryMean } from '../moments/posteriorEntry';

/** The C17 claim. */
export function c17RandomCovLimit(s: ShiftFormulas = shiftFormulas()): Claim {
  return {
    id: 'C17',
    source: 'Theorem 4.5, eq. 4.13 and the text after it',
    statement:
      'on a new prompt with Λ_new from the same law, ŷ → x_qᵀE[Λ²][E Γ_τΛ_τ²]⁻¹Λ_new w a.s. as M → ∞; "taking expectation over Λ_new", with N, M → ∞, E[ŷ | x_q, w] → x_qᵀE[Λ²]E[Λ³]⁻¹E[Λ]w, = ⅓⟨w, x_q⟩ for Exp(1) entries; so training on random covariances does not make the LSA learn linear models with varying covariances',
    routes: ['theory ((4.13), the ⅓)', 'moments (exact averaged model; E[λ | x_q] by quadrature)', 'montecarlo (full LSA forward pass over Λ_new; importance sampling for the conditional mean)'],
    tolerance: {
      measure: '(4.13): max(0, 1 − observed order in M) and |exact − estimate|/half-width; slope: max(0, 1 − order in N) + relative gap at N = 10⁷; conditional: |E[λ|x_q] − E[λ]|/E[λ]; brittleness: |E(10⁶)/E(10⁷) − 1|/0.01',
      bound: '0.05; 1; 0.05; 1e-6 (quadrature); 1',
      justification: 'orders read between M and 10M (N₁ and 10N₁) where the next term is O(1/M); Bonferroni for sampled parts; Simpson quadrature on 8001 log-spaced nodes is accurate to ~1e-12 here',
    },
    partIds: ['gap', 'gap-sampled', 'slope', 'slope-sampled', 'conditional', 'brittleness'],
    async check(ctx) {
      const result = await runParts([
        part('C17', 'gap', '(4.13): E(ŷ − x_qᵀQΛ_new w)² → 0 at order 1/M (exact)', eq413GapProperty(s)),
        part('C17', 'gap-sampled', '(4.13): the exact gap = Monte Carlo of the full LSA', eq413GapSampledProperty(s)),
        part('C17', 'slope', 'query independent of Λ_new: slope m₁V_jj(N) → m₁m₂/m₃ (⅓ for Exp(1)) at order 1/N', slopeLimitProperty(s)),
        part('C17', 'slope-sampled', 'query independent of Λ_new: the slope by Monte Carlo of the full LSA', slopeSampledProperty()),
        part('C17', 'conditional', 'as stated, x_q ~ N(0, Λ_new): E[ŷ | x_q, w] = x_qᵀQE[Λ_new | x_q]w ≠ x_qᵀQE[Λ_new]w', conditionalSlopeProperty(s)),
        part('C17', 'brittleness', 'brittleness: the error does not vanish as N, M → ∞ (identity and random-covariance prompts)', brittlenessProperty()),
      ], ctx);
      const exp = { kind: 'exp' as const };
      const q = s.eq413Map((k) => entryMoment(exp, k), 1, 1000)[0][0];
      // second route of the conditional statement: importance sampling through the forward pass, x_q = 2
      const mc = conditionalMeanSampled(exp, 2, 1000, 50, new Stream(ctx.seed, ['c17-importance']));
      const quad = q * posteriorEntryMean(exp, 2) * 2;
      const paper = q * 2;
      return {
        ...result,
        notes: [
          ...(result.notes ?? []),
          `Exp(1), d = 1, N = 1000, w = 1: E[ŷ | x_q] / x_q as x_q → 0 is Q·E[λ | 0] = ${fmt(q * 0.5)} (E[λ | x] = ½ + |x|/√2 for Exp(1)), not the paper's Q·E[λ] = ${fmt(q)} ≈ ⅓; at x_q = 2: ${fmt(q * (0.5 + 2 / Math.SQRT2))} per unit x_q`,
          `importance sampling through the full forward pass (λ ~ Exp(1) weighted by φ(2; 0, λ), M = 50, 2·10⁴ draws, ±5 s.e.): E[ŷ | x_q = 2, w = 1] = ${fmt(mc.estimate)} ± ${fmt(mc.halfWidth)}; quadrature ${fmt(quad)}; the paper's ${fmt(paper)}`,
          'the ⅓ holds when the query is independent of Λ_new (e.g. a fixed query): E[ŷ | x_q, w] = m₁Q x_qᵀw; with x_q drawn from N(0, Λ_new) the regression slope of ŷ on ⟨w, x_q⟩ is m₂²/(m₁m₃) = ⅔ for Exp(1) instead',
        ],
      };
    },
  };
}
