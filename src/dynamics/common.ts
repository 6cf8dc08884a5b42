/** Validation of flow options and small helpers shared by the routes. */
import { frobenius, isSquareFinite, type Mat } from '../linalg/matrix';
import type { QuadraticModel } from '../moments/quadratic';
import type { FlowOptions, FlowProgress } from './types';

/** Throw a RangeError naming the option when a positive finite number is required. */
export function positive(name: string, v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number > 0, got ${v}`);
  return v;
}

/** Check u0, U0, target against the model; throws a RangeError naming the option. */
export function checkInitial(model: QuadraticModel, opts: FlowOptions): void {
  if (model === null || typeof model !== 'object') throw new RangeError(`model must be a QuadraticModel { d, P, Q, B, c }, got ${model === null ? 'null' : typeof model}`);
  const d = model.d;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`model.d must be an integer ≥ 1, got ${d}`);
  for (const k of ['P', 'Q', 'B'] as const) if (!isSquareFinite(model[k], d)) throw new RangeError(`model.${k} must be a ${d}×${d} matrix of finite numbers`);
  if (!Number.isFinite(model.c)) throw new RangeError(`model.c must be a finite number, got ${model.c}`);
  if (opts === null || typeof opts !== 'object') throw new RangeError('options must be an object { u0, U0, … }');
  if (!Number.isFinite(opts.u0)) throw new RangeError(`u0 must be a finite number, got ${opts.u0}`);
  if (!isSquareFinite(opts.U0, d)) throw new RangeError(`U0 must be a ${d}×${d} matrix of finite numbers`);
  if (opts.target !== undefined && !isSquareFinite(opts.target, d)) throw new RangeError(`target must be a ${d}×${d} matrix of finite numbers`);
  if (opts.maxSteps !== undefined && (!Number.isInteger(opts.maxSteps) || opts.maxSteps < 1)) throw new RangeError(`maxSteps must be an integer ≥ 1, got ${opts.maxSteps}`);
  if (opts.tMax !== undefined) positive('tMax', opts.tMax);
  if (opts.convergenceTol !== undefined) positive('convergenceTol', opts.convergenceTol);
}

/** A monotone progress estimate: log(m0/m)/log(m0/tol), clamped to [0, 1]. */
export function progressTracker(tol: number, onProgress: ((p: FlowProgress) => void) | undefined, every: number) {
  let m0 = NaN;
  let best = 0;
  return (t: number, steps: number, measure: number, force = false): void => {
    if (!onProgress) return;
    if (Number.isNaN(m0)) m0 = Math.max(measure, tol * 10);
    if (!force && steps % every !== 0) return;
    const f = measure <= tol ? 1 : Math.log(m0 / measure) / Math.log(m0 / tol);
    best = Math.max(best, Math.min(1, Math.max(0, Number.isFinite(f) ? f : 0)));
    onProgress({ fraction: best, t, steps, measure });
  };
}

/** ‖m‖_F, or 1 when m is zero (so relative distances to a zero target stay absolute). */
export function normOrOne(m: Mat): number {
  const f = frobenius(m);
  return f > 0 ? f : 1;
}
