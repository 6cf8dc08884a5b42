/**
 * fast-check arbitraries of the distribution shifts of src/icl/shifts.ts, one per kind, and one that
 * composes several. Everything is bounded and finite: matrices are drawn by the seeded covariance
 * families from an integer seed (SPD by construction), rotations are Haar from a seed, scales are on
 * log grids. Shrinking goes towards the mildest shift (scale 1, small k, Gaussian laws, few components).
 */
import fc from 'fast-check';
import type { Mat } from '../linalg/matrix';
import { drawCovariance } from '../random/covariance';
import { randomRotation } from '../random/rotation';
import { Stream } from '../random/stream';
import type { EntryLaw } from './entryLaws';
import type { NoiseLaw, QueryLaw, Shift, TaskLaw } from './shifts';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** A log-uniform number in [lo, hi] on a grid of 1/1000 decade, shrinking to 1 when 1 is inside. */
function logScale(lo: number, hi: number): fc.Arbitrary<number> {
  const a = Math.round(Math.log10(lo) * 1000);
  const b = Math.round(Math.log10(hi) * 1000);
  return fc.integer({ min: a, max: b }).map((k) => 10 ** (k / 1000));
}

function spd(d: number, seed: number, name: string): Mat {
  return drawCovariance('rotated', d, new Stream(seed, [name]), { kappa: 1 + (seed % 97) });
}

/** Task laws in dimension d: Gaussian with any Σ_w, Rademacher, k-sparse, a fixed w. */
export function taskLawArbitrary(d: number): fc.Arbitrary<TaskLaw> {
  return fc.oneof(
    seedArb.map((s): TaskLaw => ({ kind: 'gaussian', cov: spd(d, s, 'task-cov') })),
    logScale(0.25, 4).map((c): TaskLaw => ({ kind: 'rademacher', scale: c })),
    fc.record({ k: fc.integer({ min: 1, max: d }), c: logScale(0.25, 4) }).map(({ k, c }): TaskLaw => ({ kind: 'sparse', k, scale: c })),
    seedArb.map((s): TaskLaw => {
      const rng = new Stream(s, ['fixed-task']);
      return { kind: 'fixed', w: Array.from({ length: d }, () => rng.normal()) };
    }),
  );
}

/** Label noise: Gaussian, Rademacher or uniform, standard deviation in [0.01, 3]. */
export function noiseLawArbitrary(): fc.Arbitrary<NoiseLaw> {
  return fc.record({ kind: fc.constantFrom<NoiseLaw['kind']>('gaussian', 'rademacher', 'uniform'), std: logScale(0.01, 3) });
}

/** Query laws in dimension d: another Gaussian covariance, Student-t (ν ∈ [2.5, 30]), a point mass. */
export function queryLawArbitrary(d: number): fc.Arbitrary<QueryLaw> {
  return fc.oneof(
    seedArb.map((s): QueryLaw => ({ kind: 'gaussian', cov: spd(d, s, 'query-cov') })),
    fc.record({ nu: fc.integer({ min: 25, max: 300 }), s: seedArb }).map(({ nu, s }): QueryLaw => ({ kind: 'student-t', dof: nu / 10, cov: spd(d, s, 'query-t') })),
    seedArb.map((s): QueryLaw => {
      const rng = new Stream(s, ['point-query']);
      return { kind: 'point', x: Array.from({ length: d }, () => rng.normal()) };
    }),
  );
}

/** Entry laws of a random diagonal covariance: Exp(1), Gamma(k), uniform, log-normal, two-point. */
export function entryLawArbitrary(): fc.Arbitrary<EntryLaw> {
  return fc.oneof(
    fc.constant<EntryLaw>({ kind: 'exp' }),
    fc.integer({ min: 1, max: 40 }).map((k): EntryLaw => ({ kind: 'gamma', shape: k / 4 })),
    fc.record({ lo: fc.integer({ min: 0, max: 9 }), w: fc.integer({ min: 1, max: 20 }) }).map(({ lo, w }): EntryLaw => ({ kind: 'uniform', low: lo / 10, high: lo / 10 + w / 10 })),
    fc.integer({ min: 0, max: 8 }).map((s): EntryLaw => ({ kind: 'lognormal', mu: 0, sigma: s / 10 })),
    fc.record({ lo: fc.integer({ min: 1, max: 10 }), hi: fc.integer({ min: 11, max: 40 }), p: fc.integer({ min: 1, max: 9 }) }).map(({ lo, hi, p }): EntryLaw => ({ kind: 'two-point', low: lo / 10, high: hi / 10, pLow: p / 10 })),
  );
}

/** Covariate shifts in dimension d: scale c ∈ [1/4, 4], a Haar rotation, another spectrum, c·diag(λ) per prompt. */
export function covariateShiftArbitrary(d: number): fc.Arbitrary<Shift> {
  return fc.oneof(
    logScale(0.25, 4).map((c): Shift => ({ kind: 'covariate-scale', c })),
    seedArb.map((s): Shift => ({ kind: 'covariate-rotation', rotation: randomRotation(d, new Stream(s, ['rotation'])) })),
    seedArb.map((s): Shift => ({ kind: 'covariate-cov', cov: spd(d, s, 'covariate-cov') })),
    fc.record({ law: entryLawArbitrary(), c: logScale(0.25, 4) }).map(({ law, c }): Shift => ({ kind: 'random-diagonal', law, c })),
  );
}

/** A test prompt length M ∈ [1, mMax] (M ≠ N is the length shift). */
export function lengthShiftArbitrary(mMax = 500): fc.Arbitrary<Shift> {
  return fc.integer({ min: 1, max: mMax }).map((m): Shift => ({ kind: 'length', m }));
}

/** One shift of any kind (the orthogonal query only when it can exist, i.e. the caller ensures M < d). */
export function shiftArbitrary(d: number, opts: { mMax?: number; orthogonal?: boolean } = {}): fc.Arbitrary<Shift> {
  const kinds: Array<fc.Arbitrary<Shift>> = [
    taskLawArbitrary(d).map((task): Shift => ({ kind: 'task', task })),
    noiseLawArbitrary().map((noise): Shift => ({ kind: 'noise', noise })),
    queryLawArbitrary(d).map((query): Shift => ({ kind: 'query', query })),
    covariateShiftArbitrary(d),
    lengthShiftArbitrary(opts.mMax),
  ];
  if (opts.orthogonal) kinds.push(fc.constant<Shift>({ kind: 'query', query: { kind: 'orthogonal' } }));
  return fc.oneof(...kinds);
}

/** A composition of up to `max` shifts, applied in order by `applyShifts`. */
export function composedShiftArbitrary(d: number, max = 3, opts: { mMax?: number } = {}): fc.Arbitrary<Shift[]> {
  return fc.array(shiftArbitrary(d, opts), { minLength: 1, maxLength: max });
}
