/**
 * Adds the symbolic route (proofs/, exact identities at d = 1, 2 by two engines) as a part of a claim
 * whose other routes are numeric: the claim's verdict then needs both to agree. The numeric route keeps
 * its parts (or becomes the part `numeric` when it has none); the symbolic route is the part `symbolic`,
 * so `verify --part` replays either alone.
 */
import { symbolicRoutes } from '../../proofs/claims';
import { combineParts, inPart } from '../contract/parts';
import type { CheckContext, CheckResult, Claim, PartResult } from '../contract/types';

/** `claim` with the symbolic route for its id as an extra part (unchanged when there is none). */
export function withSymbolicPart(claim: Claim): Claim {
  const route = symbolicRoutes[claim.id];
  if (!route) return claim;
  const numericIds = claim.partIds ?? ['numeric'];
  const numericName = claim.routes.slice(1).join(' + ');
  const symbolicName = 'symbolic identities (d = 1, 2)';
  return {
    ...claim,
    routes: [...claim.routes, 'symbolic (exact, d = 1, 2)'],
    partIds: [...numericIds, 'symbolic'],
      async check(ctx: CheckContext): Promise<CheckResult> {
      if (ctx.part === 'symbolic') return combineParts([{ id: 'symbolic', name: symbolicName, result: await route(ctx) }]);
      const numeric = asPart(await claim.check({ ...ctx, part: claim.partIds ? ctx.part : undefined }));
      if (ctx.part !== undefined) return numeric;
      const sym = await route(ctx);
      const symPart: PartResult = { id: 'symbolic', name: symbolicName, verdict: sym.verdict, worstError: sym.worstError, tolerance: sym.tolerance, cases: sym.cases };
      // keep the numeric route's headline numbers and notes; add the symbolic verdict, part and counterexample
      const common = { worstError: numeric.worstError, tolerance: numeric.tolerance, worstRatio: numeric.worstRatio, cases: numeric.cases, parts: [...(numeric.parts ?? []), symPart], notes: [...(numeric.notes ?? []), ...(sym.notes ?? [])] };
      if (numeric.verdict === 'falsified') return { ...common, verdict: 'falsified', counterexample: numeric.counterexample };
      if (sym.verdict === 'falsified') return { ...common, verdict: 'falsified', counterexample: inPart(sym.counterexample, 'symbolic') };
      if (numeric.verdict === 'inconclusive' || sym.verdict === 'inconclusive')
        return { ...common, verdict: 'inconclusive', reason: [numeric, sym].flatMap((r) => (r.verdict === 'inconclusive' ? [r.reason] : [])).join('; ') };
      return { ...common, verdict: 'verified' };
    },
  };

  /** The numeric result with its parts listed (the part `numeric` when it has none), and its
   * counterexample naming its part. */
  function asPart(r: CheckResult): CheckResult {
    if (claim.partIds) return r;
    const parts: PartResult[] = [{ id: 'numeric', name: numericName, verdict: r.verdict, worstError: r.worstError, tolerance: r.tolerance, cases: r.cases }];
    return r.verdict === 'falsified' ? { ...r, parts, counterexample: inPart(r.counterexample, 'numeric') } : { ...r, parts };
  }
}
