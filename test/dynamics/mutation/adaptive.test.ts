/**
 * The step-size controller (src/dynamics/adaptive.ts) driven by a scripted stepper whose error estimates
 * are chosen so every new step size is a number worked out by hand from the documented rule
 * h ← h·min(facMax, max(0.2, 0.9·err^expo)), 1 at most right after a rejection, failShrink after a
 * non-finite step. Part of the fast mutation set (FOLDERS.dynamics in scripts/mutate.ts).
 */
import { describe, expect, it } from 'vitest';
import { adaptiveLoop, initialStep, scaledRms, type AdaptiveOutcome, type Stepper } from '../../../src/dynamics/adaptive';

const fresh = (): AdaptiveOutcome => ({ status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0 });

/** A stepper whose k-th attempt reports |err| = script[k] (NaN: the step "came out non-finite"); ynew = y + h. */
function scripted(script: number[], hs: number[], facMax = 5, failShrink = 0.3): Stepper & { accepted: number } {
  let k = 0;
  return {
    expo: -0.2,
    facMax,
    failShrink,
    accepted: 0,
    attempt(y, h, ynew, err) {
      hs.push(h);
      const e = script[Math.min(k++, script.length - 1)];
      ynew[0] = y[0] + h;
      err[0] = e;
      return !Number.isNaN(e);
    },
    onAccepted() {
      this.accepted++;
    },
  };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('adaptiveLoop: step sizes by hand', () => {
  it('grows, caps, rejects, shrinks on failure, and holds h right after a rejection', () => {
    // err weights: rtol 0, atol 1, so the scaled error is |err| itself.
    const script = [0, 2 ** -10, 2 ** -20, 32, 2 ** -10, NaN, 1e10, 1, 2 ** -10];
    const hs: number[] = [];
    const st = scripted(script, hs);
    const ts: number[] = [];
    const y = new Float64Array([0]);
    const out = fresh();
    adaptiveLoop(st, y, 0.01, { rtol: 0, atol: 1, tMax: 100, maxSteps: 1000, onAccept: (t, s) => (ts.push(t), expect(s[0]).toBeCloseTo(t, 14), ts.length === 6) }, out);
    // 0.9·(2^-10)^-0.2 = 3.6; 0.9·(2^-20)^-0.2 = 14.4 → capped at facMax 5; 0.9·32^-0.2 = 0.45;
    // after a rejection the growth is at most 1; NaN → ×0.3 (failShrink); 0.9·(1e10)^-0.2 = 0.009 → floor 0.2;
    // e = 1 is accepted (≤ 1) with factor min(1, 0.9) = 0.9 (right after a rejection); then 3.6 again.
    const expected = [0.01, 0.05, 0.18, 0.9, 0.405, 0.405, 0.1215, 0.0243, 0.02187];
    expect(hs.length).toBe(expected.length);
    hs.forEach((h, i) => expect(rel(h, expected[i])).toBeLessThan(1e-12));
    const acceptedT = [0.01, 0.06, 0.24, 0.645, 0.6693, 0.69117];
    ts.forEach((t, i) => expect(rel(t, acceptedT[i])).toBeLessThan(1e-12));
    expect(out).toMatchObject({ status: 'stopped', steps: 9, accepted: 6, rejected: 3 });
    expect(rel(out.t, 0.69117)).toBeLessThan(1e-12);
    expect(st.accepted).toBe(6);
    expect(rel(y[0], 0.69117)).toBeLessThan(1e-12); // y moved only on accepted steps
  });

  it('a zero error estimate grows h by facMax even right after a rejection', () => {
    const hs: number[] = [];
    const out = fresh();
    adaptiveLoop(scripted([NaN, 0, 0], hs, 4, 0.5), new Float64Array([0]), 1, { rtol: 0, atol: 1, tMax: 9, maxSteps: 3 }, out);
    expect(hs).toEqual([1, 0.5, 2]);
    expect(out).toMatchObject({ status: 'max-steps', steps: 3, accepted: 2, rejected: 1, t: 2.5 });
  });

  it('clips the last step to land exactly on tMax, then stops with max-time', () => {
    const hs: number[] = [];
    const out = fresh();
    adaptiveLoop(scripted([0], hs), new Float64Array([0]), 0.3, { rtol: 0, atol: 1, tMax: 1, maxSteps: 100 }, out);
    expect(hs[0]).toBe(0.3);
    expect(rel(hs[1], 0.7)).toBeLessThan(1e-15);
    expect(out).toMatchObject({ status: 'max-time', t: 1, steps: 2, accepted: 2, rejected: 0 });
  });

  it('tMax reached before any step, and the step cap counted exactly', () => {
    const out = fresh();
    adaptiveLoop(scripted([0], []), new Float64Array([0]), 0.3, { rtol: 0, atol: 1, tMax: 0, maxSteps: 100 }, out);
    expect(out).toMatchObject({ status: 'max-time', steps: 0, t: 0 });
    const cap = fresh();
    adaptiveLoop(scripted([10], []), new Float64Array([0]), 0.3, { rtol: 0, atol: 1, tMax: 1, maxSteps: 3 }, cap);
    expect(cap).toMatchObject({ status: 'max-steps', steps: 3, accepted: 0, rejected: 3, t: 0 });
  });

  it('gives up with step-size-underflow when h falls below 1e-14·max(1, |t|), or is not a finite number', () => {
    // from h = 1 halving on every failure: 2^-46 > 1e-14 ≥ 2^-47, so 47 attempts.
    const a = fresh();
    adaptiveLoop(scripted([NaN], [], 5, 0.5), new Float64Array([0]), 1, { rtol: 0, atol: 1, tMax: 10, maxSteps: 1000 }, a);
    expect(a).toMatchObject({ status: 'step-size-underflow', steps: 47, rejected: 47, accepted: 0, t: 0 });
    // after one accepted step to t = 1000 (h → 5000), the floor is 1e-11: 5000·2^-k ≤ 1e-11 first at k = 49.
    const b = fresh();
    adaptiveLoop(scripted([0, NaN], [], 5, 0.5), new Float64Array([0]), 1000, { rtol: 0, atol: 1, tMax: 1e9, maxSteps: 1000 }, b);
    expect(b).toMatchObject({ status: 'step-size-underflow', steps: 50, accepted: 1, rejected: 49, t: 1000 });
    for (const [h0, tMax] of [[NaN, 1], [Infinity, Infinity], [-1, 1], [0, 1]]) {
      const c = fresh();
      adaptiveLoop(scripted([0], []), new Float64Array([0]), h0, { rtol: 0, atol: 1, tMax, maxSteps: 10 }, c);
      expect(c).toMatchObject({ status: 'step-size-underflow', steps: 0 });
    }
  });

  it('an infinite error estimate counts as a failed step (failShrink, not the 0.2 floor)', () => {
    const hs: number[] = [];
    const out = fresh();
    adaptiveLoop(scripted([Infinity, 0], hs, 5, 0.3), new Float64Array([0]), 1, { rtol: 0, atol: 1, tMax: 100, maxSteps: 2 }, out);
    expect(hs).toEqual([1, 0.3]);
  });
});

describe('scaledRms and initialStep by hand', () => {
  it('scaledRms weights each entry by atol + rtol·max(|y|, |z|)', () => {
    const e = new Float64Array([1, 2]);
    const v = scaledRms(e, new Float64Array([3, -4]), new Float64Array([-5, 1]), 0.5, 1);
    // weights 1 + 0.5·5 = 3.5 and 1 + 0.5·4 = 3
    expect(rel(v, Math.sqrt((1 / 12.25 + 4 / 9) / 2))).toBeLessThan(1e-15);
  });
  it('initialStep is 0.01·‖y‖/‖f(y)‖ in the scaled norm, 1e-6 when either is tiny', () => {
    const problem = (g: (x: number) => number) => ({ n: 2, f: (y: Float64Array, o: Float64Array) => o.set(y.map(g)) });
    // rtol 0.1, atol 0: ‖y‖ scaled = 10, ‖2y‖ scaled = 20 → 0.005
    expect(rel(initialStep(problem((x) => 2 * x), new Float64Array([3, 4]), 0.1, 0), 0.005)).toBeLessThan(1e-15);
    expect(rel(initialStep(problem((x) => 8 * x), new Float64Array([3, -4]), 0.1, 0), 0.00125)).toBeLessThan(1e-15);
    expect(initialStep(problem(() => 0), new Float64Array([3, 4]), 0.1, 0)).toBe(1e-6); // f = 0
    expect(initialStep(problem((x) => x + 1), new Float64Array([0, 0]), 0.1, 1)).toBe(1e-6); // y = 0
    // d0 = d1 = 2e-5 (just above the cutoff): the heuristic 0.01·d0/d1 = 0.01
    expect(rel(initialStep(problem((x) => x), new Float64Array([2e-5, 2e-5]), 0, 1), 0.01)).toBeLessThan(1e-12);
  });
});
