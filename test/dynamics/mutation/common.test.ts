/**
 * Option validation (src/dynamics/common.ts): every refusal names its argument and rule; the progress
 * estimate log(m0/m)/log(m0/tol) worked out by hand; the trajectory recorder's kept indices by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkInitial, normOrOne, positive, progressTracker } from '../../../src/dynamics/common';
import { subsampleTrajectory, TrajectoryRecorder } from '../../../src/dynamics/trajectory';
import type { FlowOptions, FlowProgress } from '../../../src/dynamics/types';
import type { QuadraticModel } from '../../../src/moments/quadratic';

const model: QuadraticModel = { d: 1, P: [[2]], Q: [[1]], B: [[1]], c: 1 };
const ok: FlowOptions = { u0: 0.1, U0: [[0.1]] };

describe('positive', () => {
  it('returns a finite positive number and refuses the rest with the name and the value', () => {
    expect(positive('rtol', 1e-300)).toBe(1e-300);
    expect(() => positive('rtol', 0)).toThrow(new RangeError('rtol must be a finite number > 0, got 0'));
    expect(() => positive('atol', -1)).toThrow(/^atol must be a finite number > 0, got -1$/);
    expect(() => positive('x', NaN)).toThrow(/^x must be .* got NaN$/);
    expect(() => positive('x', Infinity)).toThrow(/^x must be .* got Infinity$/);
  });
});

describe('checkInitial', () => {
  const bad: [string, unknown, unknown, RegExp][] = [
    ['null model', null, ok, /^model must be a QuadraticModel \{ d, P, Q, B, c \}, got null$/],
    ['number model', 5, ok, /^model must be a QuadraticModel .*, got number$/],
    ['d = 0', { ...model, d: 0 }, ok, /^model\.d must be an integer ≥ 1, got 0$/],
    ['d = 1.5', { ...model, d: 1.5 }, ok, /^model\.d must be an integer ≥ 1, got 1\.5$/],
    ['P', { ...model, P: [[NaN]] }, ok, /^model\.P must be a 1×1 matrix of finite numbers$/],
    ['Q', { ...model, Q: [[1, 2]] }, ok, /^model\.Q must be a 1×1 matrix/],
    ['B', { ...model, B: [[Infinity]] }, ok, /^model\.B must be a 1×1 matrix/],
    ['c', { ...model, c: NaN }, ok, /^model\.c must be a finite number, got NaN$/],
    ['null options', model, null, /^options must be an object \{ u0, U0, … \}$/],
    ['string options', model, 'x', /^options must be an object/],
    ['u0', model, { ...ok, u0: Infinity }, /^u0 must be a finite number, got Infinity$/],
    ['U0', model, { ...ok, U0: [[1], [2]] }, /^U0 must be a 1×1 matrix of finite numbers$/],
    ['target', model, { ...ok, target: [[NaN]] }, /^target must be a 1×1 matrix of finite numbers$/],
    ['maxSteps 0', model, { ...ok, maxSteps: 0 }, /^maxSteps must be an integer ≥ 1, got 0$/],
    ['maxSteps 2.5', model, { ...ok, maxSteps: 2.5 }, /^maxSteps must be an integer ≥ 1, got 2\.5$/],
    ['tMax', model, { ...ok, tMax: 0 }, /^tMax must be a finite number > 0, got 0$/],
    ['convergenceTol', model, { ...ok, convergenceTol: -1 }, /^convergenceTol must be a finite number > 0, got -1$/],
  ];
  for (const [name, m, o, re] of bad)
    it(`refuses ${name}`, () => {
      expect(() => checkInitial(m as QuadraticModel, o as FlowOptions)).toThrow(RangeError);
      expect(() => checkInitial(m as QuadraticModel, o as FlowOptions)).toThrow(re);
    });
  it('accepts the edge values (maxSteps 1, a valid target, tMax and tolerance given)', () => {
    expect(() => checkInitial(model, { ...ok, maxSteps: 1, target: [[2]], tMax: 1e-9, convergenceTol: 1e-14 })).not.toThrow();
    expect(() => checkInitial({ d: 2, P: [[1, 0], [0, 1]], Q: [[1, 0], [0, 1]], B: [[1, 0], [0, 1]], c: 0 }, { u0: 0, U0: [[0, 0], [0, 0]] })).not.toThrow();
  });
});

describe('progressTracker', () => {
  it('reports log(m0/m)/log(m0/tol), every `every` steps or when forced, never decreasing, 1 at the tolerance', () => {
    const seen: FlowProgress[] = [];
    const rep = progressTracker(1e-4, (p) => seen.push(p), 2);
    rep(0, 0, 1, true); // m0 = 1 → 0
    rep(1, 1, 0.1); // odd step: skipped
    rep(2, 2, 0.01); // log(100)/log(1e4) = 0.5
    rep(3, 4, 0.1); // 0.25 < 0.5: stays 0.5
    rep(4, 5, 0.001, true); // forced: 0.75
    rep(5, 6, 1e-4); // at the tolerance: 1
    rep(6, 8, 10); // negative estimate: stays 1
    expect(seen.map((p) => p.steps)).toEqual([0, 2, 4, 5, 6, 8]);
    expect(seen.map((p) => p.t)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(seen.map((p) => p.measure)).toEqual([1, 0.01, 0.1, 0.001, 1e-4, 10]);
    const want = [0, 0.5, 0.5, 0.75, 1, 1];
    seen.forEach((p, i) => expect(p.fraction).toBeCloseTo(want[i], 14));
  });
  it('starts from max(first measure, 10·tol), clamps to [0, 1] and maps a NaN estimate to 0', () => {
    const seen: number[] = [];
    const rep = progressTracker(1e-4, (p) => seen.push(p.fraction), 1);
    rep(0, 0, 5e-4); // m0 = 1e-3: log 2 / log 10
    expect(seen[0]).toBeCloseTo(Math.log10(2), 14);
    const nan: number[] = [];
    const r2 = progressTracker(1e-4, (p) => nan.push(p.fraction), 1);
    r2(0, 0, NaN);
    r2(0, 1, 1e-3);
    expect(nan).toEqual([0, 0]);
    const big: number[] = [];
    const r3 = progressTracker(1e-4, (p) => big.push(p.fraction), 1);
    r3(0, 0, 1);
    r3(0, 1, 1e-300); // ≤ tol
    expect(big).toEqual([0, 1]);
    expect(() => progressTracker(1e-4, undefined, 1)(0, 0, 1, true)).not.toThrow();
  });
});

describe('normOrOne', () => {
  it('is the Frobenius norm, or 1 for a zero matrix', () => {
    expect(normOrOne([[3, 0], [0, 4]])).toBe(5);
    expect(normOrOne([[0, 0], [0, 0]])).toBe(1);
    expect(normOrOne([[1e-100]])).toBe(1e-100);
  });
});

describe('TrajectoryRecorder and subsampleTrajectory (kept indices by hand)', () => {
  it('max 2: keeps 0,1,2,3 → thins to 0,2 (stride 2) → 0,2,4,6 → 0,4 (stride 4) → 0,4,8, final 9 appended', () => {
    const rec = new TrajectoryRecorder(2);
    const wanted: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      wanted.push(rec.wants());
      rec.offer(i, 10 * i, 100 * i, -i);
    }
    expect(wanted).toEqual([true, true, true, true, true, false, true, false, true, false]);
    const out = rec.finish(9, 90, 900, -9);
    expect(out.t).toEqual([0, 4, 8, 9]);
    expect(out.loss).toEqual([0, 40, 80, 90]);
    expect(out.relDistance).toEqual([0, 400, 800, 900]);
    expect(out.balance).toEqual([-0, -4, -8, -9]);
  });
  it('skip counts a step; finish appends only when the last offered step was not kept, or nothing was offered', () => {
    const rec = new TrajectoryRecorder(2);
    rec.offer(0, 0, 0, 0);
    rec.offer(1, 1, 1, 1);
    rec.offer(2, 2, 2, 2);
    rec.offer(3, 3, 3, 3); // thinned to [0, 2], stride 2
    expect(rec.wants()).toBe(true);
    rec.offer(4, 4, 4, 4);
    expect(rec.wants()).toBe(false);
    rec.skip(); // step 5
    expect(rec.wants()).toBe(true);
    rec.offer(6, 6, 6, 6); // [0, 2, 4, 6] → [0, 4], stride 4
    expect(rec.data.t).toEqual([0, 4]);
    rec.skip();
    rec.skip();
    rec.offer(9, 9, 9, 9); // offered index 9: not a multiple of 4
    expect(rec.finish(9.5, 9, 9, 9).t).toEqual([0, 4, 9.5]);
    const kept = new TrajectoryRecorder(5);
    kept.offer(0, 0, 0, 0);
    kept.offer(1, 1, 1, 1);
    expect(kept.finish(1, 1, 1, 1).t).toEqual([0, 1]); // last offered was kept: not appended again
    expect(new TrajectoryRecorder().finish(7, 1, 2, 3)).toEqual({ t: [7], loss: [1], relDistance: [2], balance: [3] });
    // default max 1000: 2000 offers fill the buffer exactly once
    const def = new TrajectoryRecorder();
    for (let i = 0; i < 2000; i++) def.offer(i, 0, 0, 0);
    expect(def.data.t.length).toBe(1000);
    expect(def.data.t[1]).toBe(2);
  });
  it('refuses a bad maxSamples or max', () => {
    expect(() => new TrajectoryRecorder(1)).toThrow(/^maxSamples must be an integer ≥ 2, got 1$/);
    expect(() => new TrajectoryRecorder(2.5)).toThrow(/got 2\.5/);
    expect(() => new TrajectoryRecorder(2)).not.toThrow();
    const tr = { t: [0, 1, 2], loss: [0, 1, 2], relDistance: [0, 1, 2], balance: [0, 1, 2] };
    expect(() => subsampleTrajectory(tr, 1)).toThrow(/^max must be an integer ≥ 2, got 1$/);
    expect(() => subsampleTrajectory(tr, 3.5)).toThrow(/got 3\.5/);
    expect(subsampleTrajectory(tr, 2).t).toEqual([0, 2]);
  });
  it('subsamples evenly in index, first and last kept; a short trajectory is copied', () => {
    const n = 10;
    const mk = (k: number) => Array.from({ length: n }, (_, i) => k * i);
    const tr = { t: mk(1), loss: mk(2), relDistance: mk(3), balance: mk(4) };
    // round(k·9/3) = 0, 3, 6, 9
    expect(subsampleTrajectory(tr, 4)).toEqual({ t: [0, 3, 6, 9], loss: [0, 6, 12, 18], relDistance: [0, 9, 18, 27], balance: [0, 12, 24, 36] });
    // n = 10, max 7: round(k·9/6) = 0, 2 (1.5 rounds up), 3, 5 (4.5), 6, 8 (7.5), 9
    expect(subsampleTrajectory(tr, 7).t).toEqual([0, 2, 3, 5, 6, 8, 9]);
    expect(subsampleTrajectory(tr).t).toEqual(tr.t); // default max 200 ≥ 10
    const copy = subsampleTrajectory(tr, 10);
    expect(copy).toEqual(tr);
    for (const key of ['t', 'loss', 'relDistance', 'balance'] as const) expect(copy[key]).not.toBe(tr[key]);
  });
});
