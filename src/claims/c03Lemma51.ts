/** C03 — Lemma 5.1 and the remark after it: ŷ as a quadratic form uᵀH_τu of one prompt, and H_τ's eigenvalues. */
import type { PaperFormulas } from '../theory/formulas';
import { lemma51CountProperty, lemma51NonConvexProperty, lemma51QuadraticProperty, lemma51SpectrumProperty, lemma51XProperty } from '../../properties/section5';
import { SAFETY } from '../contract/tolerance';
import type { Claim } from '../contract/types';
import { checkParts, partIdsOf, type PropertyPart } from './claimParts';

/** The C03 claim. */
export function c03Lemma51(f: PaperFormulas): Claim {
  const parts: PropertyPart[] = [
    { id: 'quadratic', name: 'ŷ = uᵀH_τu, any N (literal forward pass)', property: lemma51QuadraticProperty(f) },
    { id: 'spectrum', name: 'eigenvalues of H_τ = products of those of ½X_τ and E_τE_τᵀ/N', property: lemma51SpectrumProperty(f) },
    { id: 'x', name: 'X_τ has exactly one negative eigenvalue', property: lemma51XProperty() },
    { id: 'count', name: '"H_τ has at least d + 1 negative eigenvalues" (as stated)', property: lemma51CountProperty(f) },
    { id: 'nonconvex', name: 'weaker: H_τ has a negative eigenvalue (non-convex); count = min(N, d) + 1 (derived)', property: lemma51NonConvexProperty(f) },
  ];
  return {
    id: 'C03',
    source: 'Lemma 5.1 (eq. 5.1) and the remark after it (§5.1)',
    statement:
      'for one prompt E_τ of length N, ŷ(E_τ; θ) = uᵀH_τu with u = Vec(U), U = [[W₁₁^KQ, w₂₁^PV], [(w₂₁^KQ)ᵀ, w₂₂^PV]], H_τ = ½X_τ ⊗ (E_τE_τᵀ/N), X_τ = [[0, x_q], [x_qᵀ, 0]]; the eigenvalues of H_τ are the products of those of ½X_τ and E_τE_τᵀ/N; X_τ has one negative eigenvalue; "thus H_τ has at least d + 1 negative eigenvalues", and uᵀH_τu is non-convex',
    routes: ['theory', 'lsa (literal forward pass f(E; θ), every entry of θ random)', 'eigenvalues of H_τ (ml-matrix)'],
    tolerance: {
      measure: 'quadratic form: |ŷ − uᵀHu| over the sum of absolute terms; spectrum: max difference of sorted eigenvalues over ‖H‖₂; counts: how many eigenvalues short (integers)',
      bound: `${SAFETY}·γ_{4(d+N+2)}; ${SAFETY}·γ_{4n²}, n = (d+1)²; counts 0 (an eigenvalue counts as negative below −n·64u·‖H‖, and one within 10³ of that line makes the case inconclusive)`,
      justification: 'the forward pass and uᵀHu are nested sums of length ≤ d+1 and N+1 (Higham §3.1); a symmetric eigensolver is backward stable with error ≤ c·n·u·‖H‖',
    },
    partIds: partIdsOf(parts),
    check: (ctx) => checkParts(parts, ctx, 'C03'),
  };
}
