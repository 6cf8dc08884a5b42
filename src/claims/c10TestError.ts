/** C10 — Theorem 4.2: the trained model's test error on prompts of length M, in three parts. */
import type { PaperFormulas } from '../theory/formulas';
import { generalFormProperty, rateBoundProperty, testErrorProperty, testErrorSampledProperty } from '../../properties/section4';
import { checkProperty } from '../contract/propertyCheck';
import { runParts } from '../contract/parts';
import type { CheckContext, Claim } from '../contract/types';

/** The C10 claim. */
export function c10TestError(f: PaperFormulas): Claim {
  return {
    id: 'C10',
    source: 'Theorem 4.2',
    statement:
      'test error = best linear error + O(1/M + 1/N²); Gaussian linear case (derived): E(ŷ − ⟨w,x_q⟩)² = (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ/M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ',
    routes: ['theory', 'moments (exact test error of the first-principles minimizer)', 'montecarlo (full LSA forward pass)'],
    tolerance: {
      measure: 'derived form: |E_moments − E_paper| / tr Λ; general form: the same over wᵀΛw; rate bound: E_exact / bound',
      bound: '8·d·(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ))) (scaled by the size of the terms); rate bound: 1 + rounding',
      justification: 'terms of the error are of size ≤ tr Λ, so rounding scales with tr Λ; the minimizer enters to first order with a factor ≤ 2; computed per case from its condition numbers',
    },
    partIds: ['derived', 'general', 'rate', 'sampled'],
    async check(ctx) {
      const sub = (c: CheckContext, name: string): CheckContext => ({ ...c, seed: (c.seed ^ hash(name)) | 0 });
      return runParts(
        [
          { id: 'derived', name: 'derived Gaussian form (spec C10)', run: (c) => checkProperty(testErrorProperty(f), c, { claimId: 'C10', part: 'derived' }) },
          { id: 'general', name: "paper's general form, fixed task (Theorem 4.2 as restated)", run: (c) => checkProperty(generalFormProperty(f), sub(c, 'general'), { claimId: 'C10', part: 'general' }) },
          { id: 'rate', name: 'rate bound (Corollary 4.3 as restated)', run: (c) => checkProperty(rateBoundProperty(f), sub(c, 'rate'), { claimId: 'C10', part: 'rate' }) },
          {
            id: 'sampled',
            name: 'Monte Carlo of the full LSA at the limit (4 cases, family level 1 − 2.5e-8: the audit’s budget)',
            run: (c) => checkProperty(testErrorSampledProperty(f), sub(c, 'sampled'), { claimId: 'C10', part: 'sampled' }),
          },
        ],
        ctx,
      );
    },
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
