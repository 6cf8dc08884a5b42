/**
 * Registry entries for the claims that only the symbolic route covers (C02, C04), and quick
 * symbolic routes (d = 1, 2) for claims that other routes also check (C01, C03, C05, C06, C08, C10).
 */
import { replayCommand, worstVerdict } from '../src/contract/parts';
import type { CheckContext, CheckResult, Claim, PartResult, Tolerance } from '../src/contract/types';
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

/** Run derivations `ps` at dimensions `dims`; with `only` (a part id such as 'P3-d2'), that one alone. */
async function runAll(ps: Derivation[], ctx: CheckContext, dims = [1, 2], only?: string): Promise<DerivationResult[]> {
  const runs = ps.flatMap((p) => dims.map((d) => ({ p, d }))).filter(({ p, d }) => only === undefined || `${p.id}-d${d}` === only);
  const out: DerivationResult[] = [];
  for (const { p, d } of runs) {
    out.push(await p.run({ d, seed: ctx.seed }));
    ctx.progress?.(out.length, runs.length);
  }
  return out;
}

/** The derivations' results as a check result of claim `claim`: one part per derivation and dimension
 * (`P3-d2`); a falsified step is the counterexample, from part `part` (default: the derivation's id). */
function toCheckResult(results: DerivationResult[], ctx: CheckContext, claim: string, part?: string): CheckResult {
  const seed = ctx.rootSeed ?? ctx.seed;
  const failed = results.reduce((s, r) => s + r.steps.filter((x) => x.verdict === 'falsified').length, 0);
  const verdict = worstVerdict(results.map((r) => r.verdict));
  const common = {
    worstError: failed,
    tolerance: 0,
    worstRatio: failed > 0 ? Infinity : 0,
    cases: results.reduce((s, r) => s + r.steps.length, 0),
    notes: results.map((r) => `${r.id}: ${r.verdict} (${r.steps.length} steps)${r.notes?.length ? ` — ${r.notes.join('; ')}` : ''}`),
    parts: results.map((r): PartResult => ({ id: r.id, name: r.id, verdict: r.verdict, worstError: r.steps.filter((s) => s.verdict === 'falsified').length, tolerance: 0, note: r.title })),
  };
  if (results.length === 0) return { verdict: 'inconclusive', reason: 'no derivation ran', ...common, worstError: NaN, worstRatio: NaN };
  if (verdict === 'verified') return { verdict, ...common };
  const firstBad = results.find((r) => r.verdict === verdict)!;
  const badStep = firstBad.steps.find((s) => s.verdict === verdict);
  const where = `${firstBad.id}, step '${badStep?.name ?? '(none)'}'${badStep?.detail ? `: ${badStep.detail}` : ''}`;
  if (verdict === 'inconclusive') return { verdict, reason: `a step could not be decided (${where})`, ...common };
  const p = part ?? firstBad.id;
  return {
    verdict,
    ...common,
    counterexample: {
      claim,
      part: p,
      inputs: { derivation: firstBad.id, d: firstBad.d, step: badStep?.name ?? '(none)' },
      claimed: 'identity holds',
      found: badStep?.detail ?? 'identity fails',
      error: 1,
      tolerance: 0,
      seed,
      claimSeed: ctx.seed,
      path: '',
      shrunk: false,
      replay: replayCommand({ claim, seed, part: p }),
    },
  };
}

/** A claim checked by derivations `ps` alone, at d = 1, 2; its parts are the runs (`P3-d1`, `P3-d2`). */
function symbolicClaim(c: Omit<Claim, 'check' | 'partIds'>, ps: Derivation[]): Claim {
  return {
    ...c,
    partIds: ps.flatMap((p) => [1, 2].map((d) => `${p.id}-d${d}`)),
    check: async (ctx) => toCheckResult(await runAll(ps, ctx, [1, 2], ctx.part), ctx, c.id),
  };
}

/** Claims checked by the symbolic route alone. */
export function symbolicClaims(): Claim[] {
  return [
    symbolicClaim(
      {
        id: 'C02',
        source: 'eq. 3.5–3.6',
        statement: 'ŷ depends only on the last row of W^PV and the first d columns of W^KQ: every other entry has identically zero gradient.',
        routes: ROUTES,
        tolerance: EXACT,
      },
      [P3],
    ),
    symbolicClaim(
      {
        id: 'C04',
        source: 'Lemma 5.2',
        statement: 'Under Assumption 3.3, w₂₁^PV and w₂₁^KQ stay 0 along gradient flow (their gradients vanish identically there), and (u, U) follow the reduced loss.',
        routes: ROUTES,
        tolerance: EXACT,
      },
      [P3],
    ),
  ];
}

/** The symbolic route of a claim that has other routes too: its derivations at d = 1, 2 as one part,
 * `symbolic`, of that claim (a falsified step is a counterexample replayed by `--part symbolic`). */
export type SymbolicRoute = (ctx: CheckContext) => Promise<CheckResult>;

function route(claim: string, ps: Derivation[]): SymbolicRoute {
  return async (ctx) => {
    const results = await runAll(ps, ctx);
    const r = toCheckResult(results, ctx, claim, 'symbolic');
    const note = `symbolic ${results.map((x) => `${x.id} ${x.verdict}`).join(', ')} (exact identities, own layer and nerdamer)`;
    return { ...r, notes: [note] };
  };
}

/** Quick symbolic confirmations (d = 1, 2) for claims with other routes. */
export const symbolicRoutes: Record<string, SymbolicRoute> = {
  C01: route('C01', [P1]),
  C03: route('C03', [P6]),
  C05: route('C05', [P4]),
  C06: route('C06', [P5]),
  C08: route('C08', [P5]),
  C10: route('C10', [P7]),
};
