/** C10 — Theorem 4.2 (eq. 4.5–4.6) and Corollary 4.3: the trained model's test error on prompts of length M. */
import type { PaperFormulas } from '../theory/formulas';
import {
  etaEpsilonProperty,
  fixedTaskBoundProperty,
  generalFormProperty,
  rateBoundProperty,
  testErrorProperty,
  testErrorSampledProperty,
  theorem42LawProperty,
  theorem42LawSampledProperty,
} from '../../properties/section4';
import type { Claim } from '../contract/types';
import { checkParts, partIdsOf, type PropertyPart } from './claimParts';

/** The C10 claim. */
export function c10TestError(f: PaperFormulas): Claim {
  const parts: PropertyPart[] = [
    { id: 'derived', name: 'derived Gaussian form (w ~ N(0, I))', property: testErrorProperty(f) },
    { id: 'general', name: '(4.6), fixed task, noiseless', property: generalFormProperty(f) },
    { id: 'laws', name: '(4.6) for laws D: fixed w with noise, tanh link + noise, cubic link', property: theorem42LawProperty(f) },
    { id: 'fixed-bound', name: 'fixed-w bound before Corollary 4.3 (uses Γ ⪰ Λ)', property: fixedTaskBoundProperty(f) },
    { id: 'rate', name: 'Corollary 4.3 chain: error ≤ (d+1)trΛ/M + [...]/N² ≤ (d+1)trΛ/M + η', property: rateBoundProperty(f) },
    { id: 'eta', name: 'Corollary 4.3: M ≥ (d+1)trΛ/ε ⇒ error ≤ η + ε', property: etaEpsilonProperty(f) },
    { id: 'sampled', name: 'Monte Carlo of the full LSA, Gaussian tasks (4 cases, family level 1 − 2.5e-8: the audit’s budget)', property: testErrorSampledProperty(f) },
    { id: 'laws-sampled', name: 'Monte Carlo of the full LSA, laws D (4 cases, family level 1 − 2.5e-8: the audit’s budget)', property: theorem42LawSampledProperty(f) },
  ];
  return {
    id: 'C10',
    source: 'Theorem 4.2 (eq. 4.5–4.6), the display before Corollary 4.3, Corollary 4.3',
    statement:
      'for D over (x, y) with x ~ N(0, Λ) and E[y], E[xy], E[y²xxᵀ] finite, a := Λ⁻¹E[xy], Σ := Cov(xy) (4.5): E(ŷ − y_q)² = min_w E(⟨w, x⟩ − y)² + (1/M) tr(ΣΓ⁻²Λ) + (1/N²)[‖a‖²_{Γ⁻²Λ³} + 2 tr(Λ)‖a‖²_{Γ⁻²Λ²} + tr(Λ)²‖a‖²_{Γ⁻²Λ}] (4.6); for a fixed w, E(ŷ − ⟨w, x_q⟩)² ≤ (d+1)‖w‖²_Λ/M + [‖w‖²_Λ + 2‖w‖² tr Λ + ‖w‖²_{Λ⁻¹} tr(Λ)²]/N²; for w ~ N(0, I) the error is ≤ (d+1) tr Λ/M + [tr Λ + 2d tr Λ + tr(Λ⁻¹) tr(Λ)²]/N² ≤ (d+1) tr Λ/M + η, η = (1 + 2d + d²κ) tr Λ/N², and M ≥ (d+1) tr Λ/ε gives error ≤ η + ε (Corollary 4.3). Gaussian linear case (derived): (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ/M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ',
    routes: ['theory', 'moments (exact error of the first-principles minimizer; label laws\' moments exact or by quadrature)', 'montecarlo (full LSA forward pass; prompts labeled by D)'],
    tolerance: {
      measure: 'equalities: |E_first-principles − E_paper| over the size of the terms; bounds: E_exact / bound; sampled: |paper − estimate| / half-width',
      bound: '2·d·4·(γ_{3d²+8}κ(P) + γ_{d²}(κ(P)+κ(Q)+κ(Γ)(+κ(Λ)))); bounds: 1 + that rounding relative to the bound; sampled: 1',
      justification: 'terms of the error are of the size of the label variance, so rounding scales with it; the minimizer enters to first order with a factor ≤ 2; the paper\'s a = Λ⁻¹E[xy] adds κ(Λ); intervals at family level 1 − 1e-6, Bonferroni over cases',
    },
    partIds: partIdsOf(parts),
    check: (ctx) => checkParts(parts, ctx, 'C10'),
  };
}
