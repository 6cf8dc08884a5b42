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
  /** The claim's id. */
  claim: string;
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
  /** The seed the failing part ran with (derived from the root seed, the claim id and the part). */
  claimSeed: number;
  /** The id of the part of the claim it came from (`--part` of `verify`), when the claim has parts. */
  part?: string;
  /** The fast-check path that replays the case with `seed` (and `part`); empty for an exact derivation,
   * which replays from the seed alone. */
  path: string;
  /** Whether the case was shrunk. */
  shrunk: boolean;
  /** A command or call that replays it (only the part it came from). */
  replay: string;
}

/** The separate verdict of one part of a claim (e.g. the paper's form and the derived form of C10). */
export interface PartResult {
  /** Short id of the part, what `verify --part` takes (e.g. `general`, `symbolic`, `P3-d2`). */
  id: string;
  /** What the part checks, in words. */
  name: string;
  verdict: Verdict;
  worstError: number;
  tolerance: number;
  cases?: number;
  note?: string;
}

/** What every check result carries, whatever its verdict. */
interface ResultCommon {
  /** The error measure at the worst case (largest error/tolerance ratio; NaN when none ran). */
  worstError: number;
  /** The tolerance at that case (tolerances may scale with each case's conditioning). */
  tolerance: number;
  /** worstError / tolerance: below 1 means every case passed. */
  worstRatio: number;
  /** Number of cases (property runs, sampled points, trajectories) checked. */
  cases: number;
  /** Short lines saying what was checked and found (shown in the report). */
  notes?: string[];
  /** Separate verdicts of the claim's parts, when it has several. */
  parts?: PartResult[];
}

/** Every case stayed within its tolerance. */
export interface VerifiedResult extends ResultCommon {
  verdict: 'verified';
  counterexample?: never;
  reason?: never;
}

/** A case broke its tolerance: the counterexample says which, and how to replay it. */
export interface FalsifiedResult extends ResultCommon {
  verdict: 'falsified';
  counterexample: Counterexample;
  reason?: never;
}

/** The check could not decide (a route failed to evaluate a case, or nothing ran): `reason` says why. */
export interface InconclusiveResult extends ResultCommon {
  verdict: 'inconclusive';
  reason: string;
  counterexample?: never;
}

/** A check's result: a counterexample exists exactly when the verdict is `falsified`; an inconclusive
 * result carries its reason. */
export type CheckResult = VerifiedResult | FalsifiedResult | InconclusiveResult;

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
  /** Run only this part of a claim that has parts (a counterexample's `part`; one of the claim's `partIds`). */
  part?: string;
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
  /** Ids of the claim's parts, when it has several (what `verify --part` accepts). */
  partIds?: string[];
  check(ctx: CheckContext): Promise<CheckResult>;
}
