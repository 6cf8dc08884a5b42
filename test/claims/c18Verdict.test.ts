/**
 * C18's verdict logic (src/claims/c18Evaluation.ts) on synthetic per-covariance errors: the checkpoint
 * loading and the GPT-2 evaluation are stubbed (the real checkpoint runs in test/claims/c18.test.ts, which
 * is slow), so the growth ratio, its percentile-bootstrap interval, the learned-in-context precondition, the
 * M > N spike and the combined verdict are checked against a second computation in this file (the same
 * seeded resamples, type-7 percentiles written out here) and against verdicts known from how the synthetic
 * errors were built.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Stream } from '../../src/random/stream';
import { COMPARISON_Z } from '../../src/contract/tolerance';

const H = vi.hoisted(() => ({
  evalCalls: [] as Array<Record<string, unknown>>,
  backend: [] as string[],
  disposed: 0,
  kind: 'gpt2',
  /** cluster values per scale index and model name. */
  data: null as null | ((ci: number, name: string) => Float64Array[]),
  scales: [] as number[],
  throwAt: -1,
}));
vi.mock('../../src/baselines/backends', () => ({ selectBackend: async (c: string) => (H.backend.push(c), { name: c }) }));
vi.mock('../../src/baselines/checkpoint', () => ({
  loadModel: () => ({ model: { kind: H.kind, config: { nDims: 3, nPositions: 8 } }, metadata: { train_N: '4' } }),
}));
vi.mock('../../src/baselines/nn/model', () => ({ disposeModel: () => void H.disposed++ }));
vi.mock('../../src/baselines/evaluate', () => ({
  evaluateCovariateShift: async (o: { panels: Array<{ scale: number }> }) => {
    H.evalCalls.push(o as unknown as Record<string, unknown>);
    const ci = H.scales.indexOf(o.panels[0].scale);
    if (ci === H.throwAt) throw new Error('evaluation failed');
    const names = ['gpt2', 'lsa-limit', 'least-squares', 'zero'];
    return [{ clusters: new Map(names.map((n) => [n, H.data!(ci, n)])) }];
  },
}));

import { runC18, type C18Options } from '../../src/claims/c18Evaluation';

const K = 6;
const N = 4;
const MAX_M = 8;
const U = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2];
const W = [0.6, 0.2, 0.4, 0.8, 0.0, 1.0];

/** Synthetic errors: GPT-2 grows by `growth`·(c − 1) at M = N, the LSA limit by (c − 1); `base` at c = 1;
 * `spike` added for M > N at c = 1; the zero predictor at 1. Each covariance k perturbs them a little. */
function synth(scales: number[], p: { growth: number; base: number; spike: number }) {
  return (ci: number, name: string): Float64Array[] => {
    const c = scales[ci];
    return Array.from({ length: K }, (_, k) => {
      const row = new Float64Array(MAX_M);
      for (let m = 0; m < MAX_M; m++) {
        let v: number;
        if (name === 'zero') v = 2;
        else if (m < N) v = 1.5 + 0.1 * (N - m); // short prompts: larger errors (above the spike), for every model
        else if (name === 'least-squares') v = 0.05 + 0.01 * k;
        else if (name === 'lsa-limit') v = 0.3 + (c - 1) * (1 + 0.2 * U[k]);
        else v = p.base * (1 + 0.1 * W[k]) + p.growth * (c - 1) * (1 + 0.2 * W[k]) + (m > N && ci === 0 ? p.spike * (1 + 0.5 * U[k]) * (m - N) : 0);
        row[m] = v;
      }
      return row;
    });
  };
}

/** Type-7 percentile (linear interpolation between order statistics). */
function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

/** Sample standard deviation (n − 1): the bootstrap standard error of the replicates. */
function sd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The bootstrap of this file: resample K covariances with the claim's stream. */
function boot(rng: Stream, resamples: number, stat: (idx: number[]) => number): number[] {
  return Array.from({ length: resamples }, () => stat(Array.from({ length: K }, () => rng.int(0, K - 1))));
}

function expected(scales: number[], data: (ci: number, name: string) => Float64Array[], seed: number, resamples: number, level: number) {
  const a = (1 - level) / 2;
  const mean = (ci: number, name: string, idx: number[], m: number) => idx.reduce((s, k) => s + data(ci, name)[k][m], 0) / idx.length;
  const all = Array.from({ length: K }, (_, k) => k);
  const rng = new Stream(seed, ['c18', 'bootstrap']);
  const growth = scales.slice(1).map((c, j) => {
    const ratio = (idx: number[]) => (mean(j + 1, 'gpt2', idx, N) - mean(0, 'gpt2', idx, N)) / (mean(j + 1, 'lsa-limit', idx, N) - mean(0, 'lsa-limit', idx, N));
    const b = boot(rng.child(`c${c}`), resamples, ratio);
    return { c, r: ratio(all), lo: pct(b, a), hi: pct(b, 1 - a), sd: sd(b) };
  });
  const learned = (idx: number[]) => mean(0, 'gpt2', idx, N) / mean(0, 'zero', idx, N);
  const lHi = pct(boot(rng.child('learned'), resamples, learned), 1 - a);
  const past = (idx: number[]) => {
    let s = 0;
    for (let m = N + 1; m < MAX_M; m++) s += mean(0, 'gpt2', idx, m);
    return s / (MAX_M - N - 1) - mean(0, 'gpt2', idx, N);
  };
  const sb = boot(rng.child('spike'), resamples, past);
  return { growth, lHi, learned: learned(all), spike: past(all), sLo: pct(sb, 0.05), sHi: pct(sb, 0.95), spikeSd: sd(sb) };
}

const SCALES = [1, 4, 9];
const opts = (o: Partial<C18Options> = {}): C18Options => ({ checkpoint: '/ckpt.safetensors', seed: 13, rootSeed: 99, covariances: K, perCovariance: 2, scales: SCALES, resamples: 50, level: 0.99, record: null, ...o });

beforeEach(() => {
  H.evalCalls = [];
  H.backend = [];
  H.disposed = 0;
  H.kind = 'gpt2';
  H.scales = SCALES;
  H.throwAt = -1;
});

describe('C18 verdict logic (synthetic errors)', () => {
  it('GPT-2 grows a tenth as fast as the LSA, learned, spikes past N: verified, intervals as recomputed here', async () => {
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0.1 });
    const r = await runC18(opts({ record: { config: { steps: 3000, batch: 64, lr: 1e-4, seed: 5 }, cpuSeconds: 123.4, cpuSecondsNote: 'x' } }));
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    expect(r.verdict).toBe('verified');
    expect(r.parts!.map((p) => [p.id, p.verdict])).toEqual([
      ['learned', 'verified'],
      ['growth-c4', 'verified'],
      ['growth-c9', 'verified'],
      ['spike', 'verified'],
    ]);
    for (const [j, g] of e.growth.entries()) {
      const p = r.parts![j + 1];
      expect(g.r).toBeCloseTo(0.1, 1);
      expect(p.worstError).toBeCloseTo(g.hi, 12);
      expect(p.tolerance).toBe(1);
      expect(p.cases).toBe(K * 2);
      expect(p.note).toBe(`r = ${g.r.toPrecision(3)} [${g.lo.toPrecision(3)}, ${g.hi.toPrecision(3)}]`);
      expect(g.lo).toBeLessThan(g.hi);
    }
    expect(r.worstError).toBeCloseTo(Math.max(...e.growth.map((g) => g.hi)), 12);
    expect(r.worstRatio).toBe(r.worstError);
    expect(r.tolerance).toBe(1);
    expect(r.cases).toBe(K * 2 * 3);
    expect(r.parts![0]).toMatchObject({ worstError: e.lHi, tolerance: 0.5 });
    expect(r.parts![0].worstError).toBeCloseTo(e.lHi, 12);
    expect(r.parts![0].note).toBe(`ratio ${e.learned.toPrecision(3)}, upper bound ${e.lHi.toPrecision(3)}`);
    expect(r.parts![3].worstError).toBeCloseTo(e.spike, 12);
    expect(r.parts![3].tolerance).toBe(0);
    expect(r.parts![3].note).toBe(`mean excess over M = 5…7: ${e.spike.toPrecision(3)} [${e.sLo.toPrecision(3)}, ${e.sHi.toPrecision(3)}] (90 %)`);
    // notes: one per scale, the spike, the checkpoint
    const notes = r.notes!;
    expect(notes.length).toBe(4);
    expect(notes[0]).toContain(`growth ratio ${e.growth[0].r.toPrecision(3)} [${e.growth[0].lo.toPrecision(3)}, ${e.growth[0].hi.toPrecision(3)}] (99.0 %)`);
    const at = (ci: number, name: string) => (H.data!(ci, name).reduce((t, row) => t + row[N], 0) / K).toPrecision(3);
    expect(notes[0]).toMatch(new RegExp(`^c = 4: error/d at M = N = 4: GPT-2 ${at(0, 'gpt2')} → ${at(1, 'gpt2')}, LSA limit ${at(0, 'lsa-limit')} → ${at(1, 'lsa-limit')}, least squares ${at(1, 'least-squares')}, zero ${at(1, 'zero')};`));
    // the peak of the mean GPT-2 error over M = 5…7 is at M = 7 (the spike grows with M − N)
    expect(notes[2]).toMatch(/peak [0-9.]+ at M = 7; least squares 0.0750$/);
    expect(notes[2]).toMatch(/^M > N at c = 1: GPT-2 error\/d [0-9.]+ at M = N, peak/);
    expect(notes[3]).toContain('3000 Adam steps, batch 64, lr 0.0001, seed 5, 123 s CPU for steps 801–3000');
    // the stubs saw the documented evaluation: the wasm backend, one panel per scale on the same seed
    expect(H.backend).toEqual(['wasm']);
    expect(H.disposed).toBe(1);
    expect(H.evalCalls.map((c) => (c.panels as Array<{ scale: number }>)[0].scale)).toEqual(SCALES);
    expect(H.evalCalls[0]).toMatchObject({ d: 3, trainN: 4, trainCov: 'exp-diag', panels: [{ name: 'c18', cov: 'exp-diag', scale: 1 }], covariances: K, promptsPerCovariance: 2, maxM: 8, seed: 13, resamples: 10 });
    expect((H.evalCalls[0].models as Array<{ name: string }>).map((m) => m.name)).toEqual(['gpt2']);
    // only the first scale is read past M = N (the spike): all maxM = 8 positions there, N + 1 = 5 at the others
    expect(H.evalCalls.map((c) => c.positions)).toEqual([8, 5, 5]);
  });

  it('a record without CPU time: no CPU clause; without its note: no steps clause; without a record: no checkpoint note', async () => {
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0.1 });
    const a = await runC18(opts({ record: { config: { steps: 10 } } }));
    expect(a.notes![3]).toMatch(/10 Adam steps, .*seed undefined; paper scale/);
    const b = await runC18(opts({ record: { config: { steps: 10 }, cpuSeconds: 50 } }));
    expect(b.notes![3]).toContain(', 50 s CPU; paper scale');
    const c = await runC18(opts({ record: { cpuSeconds: 50 } }));
    expect(c.notes!.length).toBe(3);
  });

  it('GPT-2 grows three times as fast: falsified at c = 4, the counterexample names that part and replays from the root seed', async () => {
    H.data = synth(SCALES, { growth: 3, base: 0.3, spike: 0.1 });
    const r = await runC18(opts());
    expect(r.verdict).toBe('falsified');
    if (r.verdict !== 'falsified') return;
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    expect(e.growth[0].lo).toBeGreaterThan(1);
    const p = r.parts!.find((x) => x.id === 'growth-c4')!;
    expect(r.counterexample).toEqual({
      claim: 'C18',
      part: 'growth-c4',
      inputs: { checkpoint: '/ckpt.safetensors', scales: SCALES, covariances: K, perCovariance: 2 },
      claimed: p.name,
      found: p.note,
      error: p.worstError,
      tolerance: 1,
      seed: 13,
      claimSeed: 13,
      path: 'c18/bootstrap',
      shrunk: false,
      replay: 'icl-audit verify --claims C18 --seed 99',
    });
    expect(p.name).toBe('c = 4: GPT-2 growth / LSA growth < 1');
    const noRoot = await runC18(opts({ rootSeed: undefined }));
    expect(noRoot.counterexample?.replay).toBe('icl-audit verify --claims C18 --seed 13');
  });

  it('equal growth (ratio ≈ 1, interval across 1): inconclusive, the interval named as the reason', async () => {
    H.data = synth(SCALES, { growth: 1, base: 0.3, spike: 0.1 });
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    expect(e.growth.some((g) => g.lo <= 1 && g.hi >= 1)).toBe(true);
    const r = await runC18(opts());
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toBe('an interval includes 1 (growth ratio) or 0 (spike)');
    expect(r.parts![0].verdict).toBe('verified');
    // each growth part by the rule: verified when the interval is below 1, falsified when r is more than
    // COMPARISON_Z standard errors above 1, else inconclusive
    const rule = e.growth.map((g) => (g.hi < 1 ? 'verified' : g.r - COMPARISON_Z * g.sd > 1 ? 'falsified' : 'inconclusive'));
    expect(rule).toContain('inconclusive');
    expect(r.parts!.slice(1, 3).map((p) => p.verdict)).toEqual(rule);
  });

  it('GPT-2 no better than half the zero predictor: the precondition fails, inconclusive with that reason, even though it "grows less"', async () => {
    H.data = synth(SCALES, { growth: 0.1, base: 1.2, spike: 0.1 });
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    expect(e.lHi).toBeGreaterThanOrEqual(0.5);
    const r = await runC18(opts());
    expect(r.parts!.map((p) => p.verdict)).toEqual(['inconclusive', 'verified', 'verified', 'verified']);
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toBe('the GPT-2 checkpoint did not learn in context well enough (precondition)');
  });

  it('the error falls past N: the spike part is falsified; a flat one is inconclusive', async () => {
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: -0.02 });
    const r = await runC18(opts());
    expect(r.parts!.at(-1)!.verdict).toBe('falsified');
    expect(r.verdict).toBe('falsified');
    expect(r.counterexample?.part).toBe('spike');
    expect(r.counterexample?.error).toBeLessThan(0);
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0 });
    const flat = await runC18(opts());
    expect(flat.parts!.at(-1)!.verdict).toBe('inconclusive');
    expect(flat.verdict).toBe('inconclusive');
  });

  it('r just under 1 + COMPARISON_Z standard errors: inconclusive; the standard error divides by resamples − 1', async () => {
    // r(idx) = growth · mean(1 + 0.2W)/mean(1 + 0.2U) over the resampled covariances: linear in growth, so
    // at growth 1 the replicates give r₁ and sd₁, and at g = (1 − 0.002)/(r₁ − Z·sd₁) r − Z·sd = 0.998
    const e1 = expected(SCALES, synth(SCALES, { growth: 1, base: 0.3, spike: 0.1 }), 13, 50, 0.99).growth[0];
    const g = (1 - 0.002) / (e1.r - COMPARISON_Z * e1.sd);
    H.data = synth(SCALES, { growth: g, base: 0.3, spike: 0.1 });
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    const z = e.growth[0];
    expect(z.hi).toBeGreaterThan(1);
    expect(z.r - COMPARISON_Z * z.sd).toBeCloseTo(0.998, 9);
    // with resamples + 1 in the denominator the standard error is √(49/51) as large, and r − Z·sd passes 1
    expect(z.r - COMPARISON_Z * z.sd * Math.sqrt(49 / 51)).toBeGreaterThan(1);
    const r = await runC18(opts());
    expect(r.parts![1].verdict).toBe('inconclusive');
  });

  it('an excess past N below 0 but within COMPARISON_Z standard errors of it: the spike part is inconclusive, not falsified', async () => {
    // covariance k's error for M > N at c = 1 is its error at M = N plus e_k, with mean −0.01 and spread ±0.1
    const base = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0 });
    const mu = U.reduce((a, b) => a + b, 0) / K;
    H.data = (ci, name) => base(ci, name).map((row, k) => (ci === 0 && name === 'gpt2' ? row.map((v, m) => (m > N ? v - 0.01 + 0.2 * (U[k] - mu) : v)) : row));
    const e = expected(SCALES, H.data, 13, 50, 0.99);
    expect(e.spike).toBeCloseTo(-0.01, 12);
    expect(e.spike + COMPARISON_Z * e.spikeSd).toBeGreaterThan(0);
    const r = await runC18(opts());
    expect(r.parts!.at(-1)!.verdict).toBe('inconclusive');
    expect(r.parts!.at(-1)!.worstError).toBeCloseTo(-0.01, 12);
    expect(r.verdict).toBe('inconclusive');
    // the mean error is the same at M = 5, 6, 7 (a flat excess): the peak is the first M reaching it
    expect(r.notes![2]).toMatch(/, peak [0-9.]+ at M = 5; /);
  });

  it('at level 1 the interval is the whole bootstrap range (percentiles 0 and 1 are its extremes)', async () => {
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0.1 });
    const r = await runC18(opts({ level: 1 }));
    const e = expected(SCALES, H.data, 13, 50, 1);
    for (const [j, g] of e.growth.entries()) expect(r.parts![j + 1].worstError).toBeCloseTo(g.hi, 12);
    expect(Number.isFinite(r.worstError)).toBe(true);
  });

  it('refuses a checkpoint that is not GPT-2, and frees the model when the evaluation fails', async () => {
    H.kind = 'lsa';
    await expect(runC18(opts())).rejects.toThrow('C18 checkpoint must be a GPT-2 model');
    H.kind = 'gpt2';
    H.throwAt = 1;
    H.data = synth(SCALES, { growth: 0.1, base: 0.3, spike: 0.1 });
    await expect(runC18(opts())).rejects.toThrow('evaluation failed');
    expect(H.disposed).toBe(1);
  });
});
