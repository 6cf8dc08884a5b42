/**
 * `icl-audit/vitest`: the paper's claims, or a user's own formulas, as vitest tests. The seed comes from
 * `ICL_AUDIT_SEED` (else 1), so a CI matrix over seeds runs different random cases and a failure names
 * the seed, the counterexample and the command that replays it.
 *
 * ```ts
 * // audit.test.ts
 * import { describeClaims, itChecksFormula } from 'icl-audit/vitest';
 *
 * describeClaims({ claims: ['C06', 'C08'], runs: 50 });
 * itChecksFormula('our Γ⁻¹', { quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)' });
 * ```
 */
import { describe, it } from 'vitest';
import { claimIds } from '../claims/registry';
import type { ClaimReport } from '../claims/run';
import { verify } from '../api/verify';
import { check, type CheckOptions, type FormulaCheckReport } from '../check/check';

/** The run's root seed: `ICL_AUDIT_SEED` when it is an integer, else 1. */
export function auditSeed(): number {
  const raw = process.env.ICL_AUDIT_SEED?.trim();
  if (raw === undefined || raw === '') return 1;
  if (!/^[+-]?\d+$/.test(raw)) throw new RangeError(`ICL_AUDIT_SEED must be an integer, got '${raw}'`);
  return Number(raw);
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(6)) : x));
  return s.length > 400 ? `${s.slice(0, 397)}...` : s;
};

/** The failure message of a claim that did not verify: verdict, counterexample, notes and the replay command. */
export function claimFailureMessage(c: ClaimReport, rootSeed: number, runs: number): string {
  const lines = [`${c.id} (${c.source}) ${c.verdict} at ICL_AUDIT_SEED=${rootSeed}: worst error ${c.worstError} against tolerance ${c.tolerance}`];
  const ce = c.counterexample;
  if (ce) {
    lines.push(`  counterexample: ${short(ce.inputs)}`, `  claimed ${short(ce.claimed)}`, `  found   ${short(ce.found)}`, `  error ${ce.error} > tolerance ${ce.tolerance}`);
    lines.push(`  replay: npx ${ce.replay}`);
  } else lines.push(`  replay: npx icl-audit verify --claims ${c.id} --seed ${rootSeed} --runs ${runs}`);
  for (const n of c.notes ?? []) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

/** The failure message of a formula check that was falsified. */
export function formulaFailureMessage(r: FormulaCheckReport): string {
  const ce = r.counterexample;
  if (!ce) return `check ${r.quantity}: ${r.verdict}`;
  return [
    `check ${r.quantity} falsified at ICL_AUDIT_SEED=${r.seed}: ${r.formula}`,
    `  smallest counterexample: d = ${ce.d}, N = ${ce.N}, M = ${ce.M}; inputs ${short(ce.inputs)}`,
    `  formula gives ${short(ce.formula)}`,
    `  ground truth  ${short(ce.truth)}`,
    `  relative error ${ce.error} > tolerance ${ce.tolerance}`,
    `  replay: npx ${ce.replay}`,
  ].join('\n');
}

/** Options of {@link describeClaims}. */
export interface DescribeClaimsOptions {
  /** Claim ids (default: every registered claim). */
  claims?: readonly string[];
  /** Random cases per property (default 100). */
  runs?: number;
  /** Root seed (default {@link auditSeed}). */
  seed?: number;
  /** Per-test timeout in ms (default 300 000). */
  timeout?: number;
}

/** Check one claim; resolves when it is verified, rejects with {@link claimFailureMessage} otherwise. */
export async function assertClaim(id: string, options: { runs?: number; seed?: number } = {}): Promise<ClaimReport> {
  const seed = options.seed ?? auditSeed();
  const runs = options.runs ?? 100;
  const r = await verify({ claims: [id], seed, runs });
  const c = r.claims[0];
  if (c.verdict !== 'verified') throw new Error(claimFailureMessage(c, seed, runs));
  return c;
}

/** Register one vitest test per claim, in a `describe` block named after the seed. */
export function describeClaims(options: DescribeClaimsOptions = {}): void {
  const seed = options.seed ?? auditSeed();
  const ids = options.claims ? [...options.claims] : claimIds();
  describe(`icl-audit claims (ICL_AUDIT_SEED=${seed})`, () => {
    for (const id of ids) it(id, async () => void (await assertClaim(id, { runs: options.runs, seed })), options.timeout ?? 300_000);
  });
}

/** Options of {@link itChecksFormula}: those of `check`, the verdict expected, and a timeout. */
export type FormulaTestOptions = Omit<CheckOptions, 'seed'> & {
  seed?: number;
  /** The verdict the test expects (default 'verified'); 'falsified' pins a known misreading. */
  expect?: 'verified' | 'falsified';
  timeout?: number;
};

/** Check a formula; resolves with the report when the verdict is the expected one, rejects with the counterexample otherwise. */
export async function assertFormula(options: FormulaTestOptions): Promise<FormulaCheckReport> {
  const { expect: expected = 'verified', timeout: _t, ...rest } = options;
  const r = await check({ ...rest, seed: options.seed ?? auditSeed() });
  if (r.verdict !== expected) throw new Error(r.verdict === 'falsified' ? formulaFailureMessage(r) : `check ${r.quantity}: expected falsified, but ${r.formula} verified on ${r.cases.length} instances (seed ${r.seed})`);
  return r;
}

/** Register a vitest test that checks a formula for one of the paper's quantities (see `check`). */
export function itChecksFormula(name: string, options: FormulaTestOptions): void {
  it(name, async () => void (await assertFormula(options)), options.timeout ?? 120_000);
}
