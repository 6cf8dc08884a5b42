/** Claims checked in several parts (e.g. the paper's form and the derived form): one verdict from many,
 * and a counterexample that names the part it came from, so `verify --part` replays that part alone. */
import { deriveSeed } from '../random/seed';
import type { CheckContext, CheckResult, Counterexample, PartResult, Verdict } from './types';

/** One part of a claim: a short id (what `verify --part` takes), what it checks, and how to run it. */
export interface ClaimPart {
  id: string;
  name: string;
  run(ctx: CheckContext): CheckResult | Promise<CheckResult>;
}

/** The command that replays a counterexample: its claim, root seed, part (when the claim has parts) and
 * fast-check path (when it came from a property; exact derivations replay from the seed alone). */
export function replayCommand(c: { claim: string; seed: number; part?: string; path?: string }): string {
  return `icl-audit verify --claims ${c.claim}${c.part ? ` --part ${c.part}` : ''} --seed ${c.seed}${c.path ? ` --replay '${c.path}'` : ''}`;
}

/** `ce` as coming from part `part` (kept when it already names one), with its replay command to match. */
export function inPart(ce: Counterexample, part: string): Counterexample {
  const p = ce.part ?? part;
  return { ...ce, part: p, replay: replayCommand({ claim: ce.claim, seed: ce.seed, part: p, path: ce.path }) };
}

/** Combine named part results: falsified if any part is, else inconclusive if any is, else verified.
 * The headline numbers are those of the part with the largest error/tolerance ratio; the counterexample
 * is the first falsified part's, naming that part. */
export function combineParts(parts: Array<{ id: string; name: string; result: CheckResult }>): CheckResult {
  if (parts.length === 0) return { verdict: 'inconclusive', reason: 'no part ran', worstError: NaN, tolerance: NaN, worstRatio: NaN, cases: 0 };
  const worst = parts.reduce((a, b) => (!(b.result.worstRatio <= a.result.worstRatio) ? b : a));
  const common = {
    worstError: worst.result.worstError,
    tolerance: worst.result.tolerance,
    worstRatio: worst.result.worstRatio,
    cases: parts.reduce((s, p) => s + p.result.cases, 0),
    notes: parts.flatMap((p) => (p.result.notes ?? []).map((n) => `${p.name}: ${n}`)),
    parts: parts.map((p): PartResult => ({ id: p.id, name: p.name, verdict: p.result.verdict, worstError: p.result.worstError, tolerance: p.result.tolerance, cases: p.result.cases })),
  };
  for (const p of parts) if (p.result.verdict === 'falsified') return { verdict: 'falsified', ...common, counterexample: inPart(p.result.counterexample, p.id) };
  const unsure = parts.filter((p) => p.result.verdict === 'inconclusive');
  if (unsure.length > 0) return { verdict: 'inconclusive', ...common, reason: unsure.map((p) => `${p.id}: ${p.result.verdict === 'inconclusive' ? p.result.reason : ''}`).join('; ') };
  return { verdict: 'verified', ...common };
}

/** Run `parts` under `ctx` (only the part `ctx.part` when it is set) and combine their results. Each part
 * runs with its own seed, `deriveSeed(ctx.seed, part.id)`, so a part replays alone as it ran with the others. */
export async function runParts(parts: ClaimPart[], ctx: CheckContext): Promise<CheckResult> {
  const chosen = ctx.part === undefined ? parts : parts.filter((p) => p.id === ctx.part);
  if (chosen.length === 0)
    return { verdict: 'inconclusive', reason: `no part '${ctx.part}' (parts: ${parts.map((p) => p.id).join(', ')})`, worstError: NaN, tolerance: NaN, worstRatio: NaN, cases: 0 };
  const results: Array<{ id: string; name: string; result: CheckResult }> = [];
  for (const p of chosen) results.push({ id: p.id, name: p.name, result: await p.run({ ...ctx, seed: deriveSeed(ctx.seed, p.id) }) });
  return combineParts(results);
}

/** The worst verdict of several: falsified, else inconclusive, else verified. */
export function worstVerdict(vs: Verdict[]): Verdict {
  return vs.includes('falsified') ? 'falsified' : vs.includes('inconclusive') ? 'inconclusive' : 'verified';
}
