/** Claims checked in several parts (e.g. the paper's form and the derived form): one verdict from many. */
import type { CheckResult, Verdict } from './types';

/** Combine named part results: falsified if any part is, else inconclusive if any is, else verified.
 * The headline numbers are those of the part with the largest error/tolerance ratio. */
export function combineParts(parts: Array<{ name: string; result: CheckResult }>): CheckResult {
  const order: Verdict[] = ['falsified', 'inconclusive', 'verified'];
  const verdict = order.find((v) => parts.some((p) => p.result.verdict === v)) ?? 'inconclusive';
  const worst = parts.reduce((a, b) => (!(b.result.worstRatio <= a.result.worstRatio) ? b : a));
  const failing = parts.find((p) => p.result.verdict === 'falsified');
  return {
    verdict,
    worstError: worst.result.worstError,
    tolerance: worst.result.tolerance,
    worstRatio: worst.result.worstRatio,
    cases: parts.reduce((s, p) => s + p.result.cases, 0),
    counterexample: failing?.result.counterexample,
    notes: parts.flatMap((p) => (p.result.notes ?? []).map((n) => `${p.name}: ${n}`)),
    parts: parts.map((p) => ({ name: p.name, verdict: p.result.verdict, worstError: p.result.worstError, tolerance: p.result.tolerance, cases: p.result.cases })),
  };
}
