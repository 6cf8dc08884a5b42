/**
 * The claim contract. A claim carries the spec's id, its source in the paper, its statement, the routes
 * it compares, a declared tolerance with its justification, and a check that returns a verdict.
 */

/** The outcome of a check. */
export type Verdict = 'verified' | 'falsified' | 'inconclusive';

/** A declared tolerance: the bound the error must stay under in every case, and why that bound. */
export interface Tolerance {
  /** The error measure, e.g. 'relative Frobenius distance'. */
  measure: string;
  /** The bound on it, as a formula (evaluated per case where it depends on the case's conditioning). */
  bound: string;
  /** Why this bound: floating-point error scaled by conditioning, or a confidence level and its correction. */
  justification: string;
}

/** Inputs and values that falsify a claim, with what replays them. */
export interface Counterexample {
  /** The inputs of the failing case (after shrinking, where a property produced it). */
  inputs: Record<string, unknown>;
  /** The value the claim states (the paper's route). */
  claimed: unknown;
  /** The value the independent route found. */
  found: unknown;
  /** The error measure at this case, compared with the tolerance. */
  error: number;
  /** The tolerance at this case. */
  tolerance: number;
  /** Root seed of the run (what `--seed` takes). */
  seed: number;
  /** The claim's own fast-check seed, derived from the root seed and the claim id. */
  claimSeed: number;
  /** fast-check path, or the stream path, that replays the case with `seed`. */
  path: string;
  /** Whether the case was shrunk. */
  shrunk: boolean;
  /** A command or call that replays it. */
  replay: string;
}

/** A check's result. */
export interface CheckResult {
  verdict: Verdict;
  /** The error measure at the worst case (largest error/tolerance ratio; NaN when none ran). */
  worstError: number;
  /** The tolerance at that case (tolerances may scale with each case's conditioning). */
  tolerance: number;
  /** worstError / tolerance: below 1 means every case passed. */
  worstRatio: number;
  /** Number of cases (property runs, sampled points, trajectories) checked. */
  cases: number;
  counterexample?: Counterexample;
  /** Short lines saying what was checked and found (shown in the report). */
  notes?: string[];
  /** Separate verdicts of parts of the claim (e.g. the paper's form and the derived form of C10). */
  parts?: Array<{ name: string; verdict: Verdict; worstError: number; tolerance: number; cases?: number; note?: string }>;
}

/** What a check receives. */
export interface CheckContext {
  /** This check's seed (derived from the root seed and the claim id); every random draw descends from it. */
  seed: number;
  /** The root seed of the run, for replay hints (default: `seed`). */
  rootSeed?: number;
  /** Number of property runs (fast-check numRuns) or random cases. */
  runs: number;
  /** A fast-check path that replays one case with `seed` (from a counterexample's replay hint). */
  path?: string;
  /** Optional progress callback, done out of total. */
  progress?: (done: number, total: number) => void;
}

/** A claim of the paper, made executable. */
export interface Claim {
  /** Spec id, e.g. 'C08'. */
  id: string;
  /** Where the paper states it, e.g. 'Theorem 4.1'. */
  source: string;
  /** The statement in words. */
  statement: string;
  /** The routes compared, e.g. ['theory', 'moments', 'dynamics']. */
  routes: string[];
  tolerance: Tolerance;
  check(ctx: CheckContext): Promise<CheckResult>;
}
