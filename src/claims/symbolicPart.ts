/**
 * Adds the symbolic route (proofs/, exact identities at d = 1, 2 by two engines) as a part of a claim
 * whose other routes are numeric: the claim's verdict then needs both to agree.
 */
import { symbolicRoutes } from '../../proofs/claims';
import { combineParts } from '../contract/parts';
import type { CheckResult, Claim } from '../contract/types';

/** `claim` with the symbolic route for its id as an extra part (unchanged when there is none). */
export function withSymbolicPart(claim: Claim): Claim {
  const route = symbolicRoutes[claim.id];
  if (!route) return claim;
  return {
    ...claim,
    routes: [...claim.routes, 'symbolic (exact, d = 1, 2)'],
    async check(ctx) {
      const numeric = await claim.check(ctx);
      const sym = await route(ctx);
      const symbolic: CheckResult = {
        verdict: sym.verdict,
        worstError: sym.worstError,
        tolerance: 0,
        worstRatio: sym.verdict === 'verified' ? 0 : Infinity,
        cases: 1,
        notes: [sym.note],
      };
      const numericParts = numeric.parts?.map((p) => ({
        name: p.name,
        result: { verdict: p.verdict, worstError: p.worstError, tolerance: p.tolerance, worstRatio: p.worstError / p.tolerance, cases: p.cases ?? 0 } as CheckResult,
      }));
      const combined = combineParts([...(numericParts ?? [{ name: claim.routes.slice(1).join(' + '), result: numeric }]), { name: 'symbolic identities (d = 1, 2)', result: symbolic }]);
      // keep the numeric route's headline numbers, counterexample and notes; add the symbolic verdict
      return { ...numeric, verdict: combined.verdict, parts: combined.parts, notes: [...(numeric.notes ?? []), sym.note] };
    },
  };
}
