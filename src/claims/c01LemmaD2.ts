/** C01 — Lemma D.2: Gaussian fourth moments, and their sample form E[SAS]. */
import type { PaperFormulas } from '../theory/formulas';
import { lemmaD2Property, lemmaD2SampledProperty } from '../../properties/appendixD';
import { runParts } from '../contract/parts';
import { checkProperty } from '../contract/propertyCheck';
import { SAFETY } from '../contract/tolerance';
import type { Claim } from '../contract/types';

/** The C01 claim, checking the formulas `f`. */
export function c01LemmaD2(f: PaperFormulas): Claim {
  return {
    id: 'C01',
    source: 'Lemma D.2 (sample form: derived, as used in eq. A.7)',
    statement: 'Lemma D.2: for a mean-zero Gaussian X with covariance Λ and a fixed A ∈ ℝ^{d×d}, E[XXᵀAXXᵀ] = Λ(A + Aᵀ)Λ + tr(AΛ)Λ; sample form (derived; A = I gives (A.7)\'s E[Ŝ²] = ((N+1)/N)Λ² + (tr Λ/N)Λ): E[SAS] = ΛAΛ + (1/N)(ΛAᵀΛ + tr(AΛ)Λ) for S = (1/N) Σ x_i x_iᵀ',
    routes: ['theory', 'moments (Isserlis, index by index)', 'montecarlo (entrywise, simultaneous intervals)'],
    tolerance: {
      measure: 'max over entries of |difference| / (sum of |Isserlis terms|)',
      bound: `${SAFETY}·2·γ_{3d²+8}`,
      justification: `each entry is a sum of 3d² two-factor products; floating-point summation error is at most γ_n times the sum of absolute terms (Higham §3.1), for both routes; safety factor ${SAFETY}`,
    },
    partIds: ['exact', 'sampled'],
    async check(ctx) {
      return runParts(
        [
          { id: 'exact', name: 'exact: Isserlis index by index', run: (c) => checkProperty(lemmaD2Property(f), c, { claimId: 'C01', part: 'exact' }) },
          {
            id: 'sampled',
            name: 'Monte Carlo, simultaneous intervals (4 cases, family level 1 − 2.5e-8: the audit’s budget)',
            run: (c) => checkProperty(lemmaD2SampledProperty(f), c, { claimId: 'C01', part: 'sampled' }),
          },
        ],
        ctx,
      );
    },
  };
}
