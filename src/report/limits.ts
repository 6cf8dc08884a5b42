/** The "limits of this audit" section: what the checks do not cover, stated once, shown in the report. */
import { SPEC_CLAIM_IDS } from './statements';

/** Fixed limits of the routes (independent of the run). */
export const AUDIT_LIMITS: readonly string[] = [
  'Covariates and tasks are Gaussian (w ~ N(0, I), x ~ N(0, Λ)), training labels noiseless; sizes d ≤ 16, N, M ≤ 500, condition numbers κ ≤ 10³ in the randomized checks (exp-diag may exceed it).',
  '“Gradient flow converges” is checked on the trajectories integrated (to a measured distance of 10⁻¹¹ of the exact minimizer, t ≤ 10¹²), not proved for every initialization.',
  'O(1/M + 1/N²) statements are checked through exact expressions and the restated bound, not as asymptotic statements.',
  'Symbolic derivations run for d = 1, 2 (3 where stated); the numeric routes cover larger d. nerdamer re-derives P2’s loss in full only for d ≤ 2.',
  'Sampled (Monte Carlo) checks hold at a family-wise confidence level (1 − 10⁻⁶ per claim, Bonferroni-corrected): a true claim is reported falsified by chance with probability below 10⁻⁶; a small violation below the interval width would go unseen.',
  'Where the paper’s text lost its glyphs, formulas were reconstructed from the proofs (marked in the spec); a claim verified against a reconstruction verifies the reconstruction.',
  'Formulas checked with `icl-audit check` are compared on random instances (d ≤ 6, N, M ≤ 200, κ ≤ 100): agreement there is evidence, not a proof of the identity.',
];

/** The limits for a run: the fixed ones, plus which of the spec’s claims it did not check. */
export function auditLimits(checkedIds: readonly string[]): string[] {
  const missing = SPEC_CLAIM_IDS.filter((id) => !checkedIds.includes(id));
  const out = [...AUDIT_LIMITS];
  if (missing.length) out.unshift(`Not checked in this run (no registered claim, or left out with --claims): ${missing.join(', ')}.`);
  return out;
}
