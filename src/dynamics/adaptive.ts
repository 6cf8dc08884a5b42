/**
 * The step-size controller shared by the adaptive integrators: accept a step when the scaled RMS of its
 * error estimate is ≤ 1, then scale h by min(facMax, max(0.2, 0.9·err^expo)) (at most 1 right after a
 * rejection); a non-finite step or estimate shrinks h by `failShrink`.
 */

/** One method's part in the loop. */
export interface Stepper {
  /** Try a step of size h from y into `ynew` with error estimate `err`; false when it came out non-finite. */
  attempt(y: Float64Array, h: number, ynew: Float64Array, err: Float64Array): boolean;
  /** Bookkeeping after an accepted step (e.g. first-same-as-last). */
  onAccepted?(): void;
  /** −1/(q+1), q the order of the error estimate. */
  expo: number;
  /** Largest growth of h after an accepted step. */
  facMax: number;
  /** Factor applied to h after a non-finite step. */
  failShrink: number;
}

/** Run the controller from t = 0 with first step h0; `y` is advanced in place, counts go into `out`. */
export function adaptiveLoop(stepper: Stepper, y: Float64Array, h0: number, opts: AdaptiveOptions, out: AdaptiveOutcome): void {
  const n = y.length;
  const ynew = new Float64Array(n);
  const err = new Float64Array(n);
  let h = h0;
  let t = 0;
  let justRejected = false;
  while (true) {
    if (t >= opts.tMax) {
      out.status = 'max-time';
      break;
    }
    if (out.steps >= opts.maxSteps) {
      out.status = 'max-steps';
      break;
    }
    if (t + h > opts.tMax) h = opts.tMax - t;
    if (!(h > 1e-14 * Math.max(1, Math.abs(t))) || !Number.isFinite(h)) {
      out.status = 'step-size-underflow';
      break;
    }
    out.steps++;
    const e = stepper.attempt(y, h, ynew, err) ? scaledRms(err, y, ynew, opts.rtol, opts.atol) : NaN;
    if (!Number.isFinite(e)) {
      out.rejected++;
      h *= stepper.failShrink;
      justRejected = true;
      continue;
    }
    const fac = e === 0 ? stepper.facMax : Math.min(justRejected ? 1 : stepper.facMax, Math.max(0.2, 0.9 * e ** stepper.expo));
    if (e <= 1) {
      t += h;
      y.set(ynew);
      stepper.onAccepted?.();
      out.accepted++;
      justRejected = false;
      h *= fac;
      if (opts.onAccept && opts.onAccept(t, y)) {
        out.status = 'stopped';
        break;
      }
    } else {
      out.rejected++;
      justRejected = true;
      h *= Math.min(1, fac);
    }
  }
  out.t = t;
}

/** Options of the adaptive drivers (Rosenbrock and Dormand–Prince). */
export interface AdaptiveOptions {
  rtol: number;
  atol: number;
  tMax: number;
  maxSteps: number;
  /** Initial step (default: from the scaled size of f(y0)). */
  h0?: number;
  /** Called after each accepted step with the new t and y; return true to stop. */
  onAccept?: (t: number, y: Float64Array) => boolean;
}

/** What an adaptive driver returns (y is the final state, overwritten in place). */
export interface AdaptiveOutcome {
  status: 'stopped' | 'max-time' | 'max-steps' | 'step-size-underflow';
  t: number;
  steps: number;
  accepted: number;
  rejected: number;
  rhsEvaluations: number;
}

/** Scaled RMS norm of e with weights atol + rtol·max(|y|, |z|). */
export function scaledRms(e: Float64Array, y: Float64Array, z: Float64Array, rtol: number, atol: number): number {
  let s = 0;
  for (let i = 0; i < e.length; i++) {
    const w = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(z[i]));
    const r = e[i] / w;
    s += r * r;
  }
  return Math.sqrt(s / e.length);
}

/** A first step: 0.01·‖y‖/‖f(y)‖ in the scaled norm (Hairer's heuristic, first half), at most 1e-6 when y or f is tiny. */
export function initialStep(problem: { n: number; f(y: Float64Array, out: Float64Array): void }, y: Float64Array, rtol: number, atol: number): number {
  const f0 = new Float64Array(problem.n);
  problem.f(y, f0);
  const d0 = scaledRms(y, y, y, rtol, atol);
  const d1 = scaledRms(f0, y, y, rtol, atol);
  return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
}
