/**
 * Shared fast-check arbitraries. Everything is bounded and finite by construction: sizes are small
 * integers, covariances are drawn by our seeded families from an integer seed (SPD by construction),
 * condition numbers are log-uniform in [1, 10³]. Shrinking goes towards d = 1, short prompts, κ = 1 and
 * the first family (identity).
 */
import fc from 'fast-check';
import type { Mat } from '../src/linalg/matrix';
import { COVARIANCE_FAMILIES, drawCovariance, type CovarianceFamily } from '../src/random/covariance';
import { Stream } from '../src/random/stream';

/** Bounds of the randomized problems (the foundation issue: d ∈ [1, 16], N, M ∈ [1, 500], κ ≤ 10³). */
export const BOUNDS = { dMax: 16, nMax: 500, mMax: 500, log10KappaMax: 3 } as const;

/** A random problem instance: sizes, a covariance family and what draws its Λ. */
export interface ProblemCase {
  d: number;
  n: number;
  m: number;
  family: CovarianceFamily;
  kappa: number;
  /** Seed of the stream that draws Λ (and any other matrices of the case). */
  caseSeed: number;
}

/** Options of {@link problemArbitrary}. */
export interface ProblemArbitraryOptions {
  dMax?: number;
  nMax?: number;
  mMax?: number;
  families?: readonly CovarianceFamily[];
}

/** Arbitrary of problem instances. */
export function problemArbitrary(opts: ProblemArbitraryOptions = {}): fc.Arbitrary<ProblemCase> {
  return fc.record({
    d: fc.integer({ min: 1, max: opts.dMax ?? BOUNDS.dMax }),
    n: fc.integer({ min: 1, max: opts.nMax ?? BOUNDS.nMax }),
    m: fc.integer({ min: 1, max: opts.mMax ?? BOUNDS.mMax }),
    family: fc.constantFrom(...(opts.families ?? COVARIANCE_FAMILIES)),
    // log10 κ on a grid of 1/1000: finite, bounded, shrinks to κ = 1
    kappa: fc.integer({ min: 0, max: BOUNDS.log10KappaMax * 1000 }).map((k) => 10 ** (k / 1000)),
    caseSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** The case's stream for a named purpose. */
export function caseStream(c: ProblemCase, name: string): Stream {
  return new Stream(c.caseSeed, [name]);
}

/** Λ of the case, drawn by its family. */
export function caseLambda(c: ProblemCase): Mat {
  return drawCovariance(c.family, c.d, caseStream(c, 'lambda'), { kappa: c.kappa });
}

/** A d×d matrix with standard normal entries (not symmetric), from the case's stream. */
export function caseGaussianMatrix(c: ProblemCase, name: string): Mat {
  const rng = caseStream(c, name);
  return Array.from({ length: c.d }, () => Array.from({ length: c.d }, () => rng.normal()));
}

/** The inputs of a case as shown in a counterexample (with Λ itself, so it replays without the tool). */
export function describeCase(c: ProblemCase, lambda: Mat): Record<string, unknown> {
  return { d: c.d, N: c.n, M: c.m, family: c.family, kappa: c.kappa, caseSeed: c.caseSeed, lambda };
}
