/**
 * Runs a claim's property with fast-check and turns the outcome into a CheckResult: the worst error
 * over all cases, and, when a case breaks the tolerance, the shrunk counterexample with its seed and
 * path. A case whose evaluation throws is a failure of a route, not of the claim: it makes the verdict
 * `inconclusive` and says why.
 */
import fc from 'fast-check';
import { replayCommand } from './parts';
import type { CheckContext, CheckResult, Counterexample } from './types';

/** What one case of a property computes. */
export interface CaseOutcome {
  /** The error measure of this case. */
  error: number;
  /** The tolerance at this case (may scale with the case's conditioning). */
  tolerance: number;
  /** The claimed value (the paper's route). */
  claimed: unknown;
  /** The value the independent route found. */
  found: unknown;
  /** The case's inputs, as shown in a counterexample. */
  inputs: Record<string, unknown>;
}

/** A property: an arbitrary of cases and what each case computes. */
export interface ClaimProperty<T> {
  arbitrary: fc.Arbitrary<T>;
  evaluate(input: T): CaseOutcome;
  /** fast-check runs to use (default: the context's runs). */
  runs?: (ctxRuns: number) => number;
  /**
   * The loosest tolerance at which this check still resolves the claim (for relative measures, see
   * PRECISION_LIMIT). A case whose tolerance (float64 error × conditioning) exceeds it has run out of
   * precision: the verdict becomes inconclusive with that reason, never falsified.
   */
  precisionLimit?: number;
}

/** The loosest relative tolerance at which a relative-error check still resolves a claim (1 %). */
export const PRECISION_LIMIT = 1e-2;

/** Options of {@link checkProperty}. */
export interface PropertyCheckOptions {
  /** Claim id, for the replay hint. */
  claimId: string;
  /** The id of the part of the claim this property checks (when the claim has parts), for the replay hint. */
  part?: string;
  /** A fast-check path to replay one case. */
  path?: string;
}

class RouteFailure extends Error {}

/** Run `prop` under `ctx` and report the verdict, the worst error/tolerance ratio and any counterexample. */
export function checkProperty<T>(prop: ClaimProperty<T>, ctx: CheckContext & { path?: string }, opts: PropertyCheckOptions): CheckResult {
  let worstRatio = 0;
  let worstError = NaN;
  let worstTol = NaN;
  let cases = 0;
  const numRuns = prop.runs ? prop.runs(ctx.runs) : ctx.runs;
  let shrinking = false;
  const property = fc.property(prop.arbitrary, (input) => {
    let out: CaseOutcome;
    try {
      out = prop.evaluate(input);
    } catch (e) {
      throw new RouteFailure((e as Error).message);
    }
    if (prop.precisionLimit !== undefined && !(out.tolerance <= prop.precisionLimit))
      throw new RouteFailure(
        `precision exhausted: at this case the tolerance ${fmt(out.tolerance)} (float64 error × conditioning) exceeds ${fmt(prop.precisionLimit)}, past which the check cannot resolve the claim (d = ${out.inputs.d}, κ = ${out.inputs.kappa})`,
      );
    if (!shrinking) {
      cases++;
      ctx.progress?.(cases, numRuns);
      const ratio = out.error / out.tolerance;
      if (!(ratio <= worstRatio)) {
        worstRatio = Number.isNaN(ratio) ? Infinity : ratio;
        worstError = out.error;
        worstTol = out.tolerance;
      }
    }
    const ok = out.error <= out.tolerance;
    if (!ok) shrinking = true;
    return ok;
  });
  const details = fc.check(property, {
    seed: ctx.seed,
    numRuns: ctx.path ? 1 : numRuns,
    path: ctx.path,
    endOnFailure: false,
  });
  if (!details.failed) {
    return {
      verdict: 'verified',
      worstError,
      tolerance: worstTol,
      worstRatio,
      cases,
      notes: [`${cases} random cases, worst error ${fmt(worstError)} against tolerance ${fmt(worstTol)} there`],
    };
  }
  const ce = details.counterexample?.[0] as T | undefined;
  const rootSeed = ctx.rootSeed ?? ctx.seed;
  if (details.errorInstance instanceof RouteFailure || ce === undefined) {
    const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return {
      verdict: 'inconclusive',
      reason: `a route failed to evaluate a case: ${why} (root seed ${rootSeed}, path '${details.counterexamplePath ?? ''}')`,
      worstError,
      tolerance: worstTol,
      worstRatio,
      cases,
      notes: [`a route failed to evaluate a case: ${why}`],
    };
  }
  const out = prop.evaluate(ce);
  const counterexample: Counterexample = {
    claim: opts.claimId,
    ...(opts.part ? { part: opts.part } : {}),
    inputs: out.inputs,
    claimed: out.claimed,
    found: out.found,
    error: out.error,
    tolerance: out.tolerance,
    seed: rootSeed,
    claimSeed: details.seed,
    path: details.counterexamplePath ?? '',
    shrunk: details.numShrinks > 0,
    replay: replayCommand({ claim: opts.claimId, seed: rootSeed, part: opts.part, path: details.counterexamplePath ?? '' }),
  };
  return {
    verdict: 'falsified',
    worstError: Math.max(out.error, Number.isNaN(worstError) ? 0 : worstError),
    tolerance: out.tolerance,
    worstRatio: Math.max(worstRatio, out.error / out.tolerance),
    cases,
    counterexample,
    notes: [`falsified after ${cases} cases (${details.numShrinks} shrinks): error ${fmt(out.error)} > tolerance ${fmt(out.tolerance)}`],
  };
}

/** Short scientific formatting for notes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(3) : x.toExponential(2);
}
