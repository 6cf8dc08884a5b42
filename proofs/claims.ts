/**
 * Registry entries for the claims that only the symbolic route covers (C02, C03, C04), and quick
 * symbolic routes (d = 1, 2) for claims that other routes also check (C01, C05, C06, C08, C10).
 */
import type { CheckContext, CheckResult, Claim, Tolerance, Verdict } from '../src/contract/types';
import { P1 } from './p1';
import { P3 } from './p3';
import { P4 } from './p4';
import { P5 } from './p5';
import { P6 } from './p6';
import { P7 } from './p7';
import type { Derivation, DerivationResult } from './types';

const EXACT: Tolerance = {
  measure: 'exact rational identity (number of identity steps that fail)',
  bound: '0',
  justification:
    'identities are decided over exact rationals by expanding the difference to 0 (own polynomial layer) and re-derived or confirmed by nerdamer; no rounding enters, so any nonzero difference falsifies. Numeric side checks (src/moments, relative error ≤ 1e-12; Monte Carlo, 5.57 standard errors: the audit’s statistical budget, docs/statistics.md) are steps of the same derivation.',
};

const ROUTES = ['symbolic (own polynomial layer)', 'symbolic (nerdamer)', 'exact numeric (src/moments)', 'Monte Carlo (src/lsa forward)'];

async function runAll(ps: Derivation[], ctx: CheckContext, dims = [1, 2]): Promise<DerivationResult[]> {
  const out: DerivationResult[] = [];
  const total = ps.length * dims.length;
  for (const p of ps)
    for (const d of dims) {
      out.push(await p.run({ d, seed: ctx.seed }));
      ctx.progress?.(out.length, total);
    }
  return out;
}

function combine(results: DerivationResult[]): { verdict: Verdict; failed: number } {
  const vs = results.map((r) => r.verdict);
  const failed = results.reduce((s, r) => s + r.steps.filter((x) => x.verdict === 'falsified').length, 0);
  return { verdict: vs.includes('falsified') ? 'falsified' : vs.includes('inconclusive') ? 'inconclusive' : 'verified', failed };
}

function toCheckResult(results: DerivationResult[], ctx: CheckContext): CheckResult {
  const seed = ctx.rootSeed ?? ctx.seed;
  const { verdict, failed } = combine(results);
  const firstBad = results.find((r) => r.verdict === 'falsified');
  const badStep = firstBad?.steps.find((s) => s.verdict === 'falsified');
  return {
    verdict,
    worstError: failed,
    tolerance: 0,
    worstRatio: failed > 0 ? Infinity : 0,
    cases: results.reduce((s, r) => s + r.steps.length, 0),
    notes: results.map((r) => `${r.id}: ${r.verdict} (${r.steps.length} steps)${r.notes?.length ? ` — ${r.notes.join('; ')}` : ''}`),
    parts: results.map((r) => ({ name: r.id, verdict: r.verdict, worstError: r.steps.filter((s) => s.verdict === 'falsified').length, tolerance: 0, note: r.title })),
    ...(firstBad && badStep
      ? {
          counterexample: {
            inputs: { derivation: firstBad.id, step: badStep.name },
            claimed: 'identity holds',
            found: badStep.detail ?? 'identity fails',
            error: 1,
            tolerance: 0,
            seed,
            claimSeed: ctx.seed,
            path: firstBad.id,
            shrunk: false,
            replay: `icl-audit prove --only ${firstBad.id.split('-')[0]} --d ${firstBad.d} --seed ${ctx.seed}`,
          },
        }
      : {}),
  };
}

/** Claims checked by the symbolic route alone. */
export function symbolicClaims(): Claim[] {
  return [
    {
      id: 'C02',
      source: 'eq. 3.5–3.6',
      statement: 'ŷ depends only on the last row of W^PV and the first d columns of W^KQ: every other entry has identically zero gradient.',
      routes: ROUTES,
      tolerance: EXACT,
      check: async (ctx) => toCheckResult(await runAll([P3], ctx), ctx),
    },
    {
      id: 'C03',
      source: 'Lemma 5.1',
      statement: 'The loss is non-convex: its Hessian has negative eigenvalues (the paper counts at least d + 1); ŷ is a quadratic form in the parameters.',
      routes: ['symbolic (own polynomial layer)', 'exact inertia (characteristic polynomial + Descartes)', 'floating eigenvalues (ml-matrix)'],
      tolerance: EXACT,
      check: async (ctx) => toCheckResult(await runAll([P6], ctx), ctx),
    },
    {
      id: 'C04',
      source: 'Lemma 5.2',
      statement: 'Under Assumption 3.3, w₂₁^PV and w₂₁^KQ stay 0 along gradient flow (their gradients vanish identically there), and (u, U) follow the reduced loss.',
      routes: ROUTES,
      tolerance: EXACT,
      check: async (ctx) => toCheckResult(await runAll([P3], ctx), ctx),
    },
  ];
}

/** What a symbolic route returns to a claim that has other routes too. */
export interface SymbolicRouteResult {
  verdict: Verdict;
  worstError: number;
  note: string;
}

function route(ps: Derivation[]): (ctx: CheckContext) => Promise<SymbolicRouteResult> {
  return async (ctx) => {
    const results = await runAll(ps, ctx);
    const { verdict, failed } = combine(results);
    return {
      verdict,
      worstError: failed,
      note: `symbolic ${results.map((r) => `${r.id} ${r.verdict}`).join(', ')} (exact identities, own layer and nerdamer)`,
    };
  };
}

/** Quick symbolic confirmations (d = 1, 2) for claims with other routes. */
export const symbolicRoutes: Record<string, (ctx: CheckContext) => Promise<SymbolicRouteResult>> = {
  C01: route([P1]),
  C05: route([P4]),
  C06: route([P5]),
  C08: route([P5]),
  C10: route([P7]),
};
