/**
 * Known findings: sentences of the paper that the audit reports falsified, each reviewed and recorded with
 * its claim part and why it fails. A known finding is still reported **falsified** (table, JSON, report);
 * what changes is the exit status: `verify` exits 1 only when a part is falsified that is not recorded
 * here (a new finding, or a regression of the tool), as pytest's strict xfail does. `--strict` treats
 * known findings as failures too. A recorded finding that does not come out falsified at some seed is
 * shown as "not reproduced" (a note, not a failure: the property may not have drawn a failing case).
 */

/** A reviewed finding about the paper. */
export interface KnownFinding {
  /** Claim id, e.g. 'C03'. */
  claim: string;
  /** The part of the claim that checks the sentence as stated. */
  part: string;
  /** The paper's sentence, as stated. */
  sentence: string;
  /** What the audit found, and the weaker statement that holds (its own, verified part). */
  finding: string;
}

/** The findings reviewed so far (each one's weaker statement is a verified part of the same claim). */
export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    claim: 'C03',
    part: 'count',
    sentence: 'Remark after Lemma 5.1: "H_τ has at least d + 1 negative eigenvalues"',
    finding: 'fails for prompts shorter than the dimension (N < d; smallest case d = 2, N = 1): the count is min(N, d) + 1, the rank of E_τ plus one; the non-convexity itself holds (part nonconvex)',
  },
  {
    claim: 'C14',
    part: 'as-stated',
    sentence: '§4.2, query shifts: "if the query example is orthogonal to the subspace spanned by the x_i\'s, the prediction will be zero"',
    finding: 'holds only when Γ⁻¹ maps span{x_i} to itself (e.g. Λ ∝ I, Garg et al.\'s setting): ŷ = x_qᵀΓ⁻¹(1/M)Σy_i x_i and x_q ⊥ x_i does not give x_q ⊥ Γ⁻¹x_i for anisotropic Λ (part isotropic verifies Λ ∝ I)',
  },
  {
    claim: 'C17',
    part: 'conditional',
    sentence: 'After (4.13): E[ŷ | x_query, w] → x_qᵀ E[Λ²] E[Λ³]⁻¹ E[Λ] w, so E ŷ → ⅓⟨w, x_q⟩ for Exp(1) entries',
    finding: 'the query is drawn from N(0, Λ_new), so conditioning on x_q changes the law of Λ_new: E[Λ_new | x_q] ≠ E[Λ_new] (Exp(1): E[λ | x] = ½ + |x|/√2); the ⅓ holds for a query independent of Λ_new, and the regression slope of ŷ on ⟨w, x_q⟩ is ⅔ (parts slope, gap verify)',
  },
];

/** The recorded finding for a claim's part, if any. */
export function knownFinding(claim: string, part: string | undefined): KnownFinding | undefined {
  return part === undefined ? undefined : KNOWN_FINDINGS.find((f) => f.claim === claim && f.part === part);
}
