/**
 * The LSA error estimators checked sample by sample: a run's estimate is the mean of the squared errors of
 * the blocks it addresses (block j from the stream `…/block-j`, computed here block by block with
 * fillLsaBlock), on both paths, for any chunk size; the population loss is half the error in every field;
 * the number of workers is checked. Deterministic: no tolerance beyond floating-point summation order.
 */
import { describe, expect, it } from 'vitest';
import { estimateFullError, estimateReducedError, drawDirect, resolveWorkers } from '../../src/montecarlo/lsaError';
import { lsaSampler, paramsOfV } from '../../src/montecarlo/lsaSampler';
import { blockScratch, DRAW_BLOCK, fillLsaBlock } from '../../src/montecarlo/blocks';
import { MAX_WORKERS } from '../../src/montecarlo/parallel';
import { RunningMoments } from '../../src/montecarlo/moments';
import { stream } from '../../src/random/stream';
import { DEFAULT_SEED } from '../../src/random/seed';
import type { PromptDistribution } from '../../src/icl/distribution';
import type { LsaParams } from '../../src/lsa/params';

const d = 2;
const dist: PromptDistribution = { d, promptCov: [[1.5, 0.4], [0.4, 0.8]], noiseStd: 0.3 };
const params: LsaParams = { wpv: [[0.1, 0, 0.2], [0, 0.3, 0], [0.4, -0.2, 0.9]], wkq: [[0.7, 0.1, 0], [-0.2, 0.5, 0.1], [0.3, 0.2, 0]] };

/** Mean and M2 of the first n squared errors, block by block from the run's stream. */
function blockwise(method: 'fast' | 'direct', m: number, n: number, seed: number): RunningMoments {
  const sampler = lsaSampler(dist, m, params, method);
  const rng = stream(seed).child(`lsa-error-${method}`);
  const out = new Float64Array(n);
  for (let j = 0; j * DRAW_BLOCK < n; j++) fillLsaBlock(sampler, rng, j, Math.min(DRAW_BLOCK, n - j * DRAW_BLOCK), out, j * DRAW_BLOCK, blockScratch());
  const mo = new RunningMoments();
  for (const x of out) mo.push(x);
  return mo;
}

describe('LSA error estimators, sample by sample', () => {
  for (const method of ['fast', 'direct'] as const)
    it(`the ${method} estimate is the mean of its blocks' squared errors, for any chunk size`, () => {
      const n = 2 * DRAW_BLOCK + 300;
      const ref = blockwise(method, 4, n, 3);
      for (const chunkSize of [1, 1024, 1500, 5000, undefined]) {
        const res = estimateFullError(dist, 4, params, { method, seed: 3, samples: n, chunkSize });
        const e = res.testError;
        const label = `${method}, chunk ${chunkSize}`;
        expect(res.samples, label).toBe(n);
        expect(e.samples, label).toBe(n);
        expect(Math.abs(e.estimate - ref.mean), label).toBeLessThan(1e-13 * ref.mean);
        expect(Math.abs(e.standardError / ref.standardError - 1), label).toBeLessThan(1e-10);
        expect(res.method).toBe(method);
        expect(res.path).toBe(`lsa-error-${method}`);
        expect(res.replay).toBe(`seed=3 path=lsa-error-${method} samples=${n}`);
      }
    });

  it('the population loss is half the test error, in every field', () => {
    const res = estimateFullError(dist, 3, params, { seed: 4, samples: 3000 });
    expect(res.method).toBe('fast');
    const e = res.testError;
    const l = res.populationLoss;
    expect(e.name).toBe('testError');
    expect(l.name).toBe('populationLoss');
    expect(l.estimate).toBe(e.estimate / 2);
    expect(l.standardError).toBe(e.standardError / 2);
    expect(l.ci).toEqual([e.ci[0] / 2, e.ci[1] / 2]);
    expect(l.halfWidth).toBe(e.halfWidth / 2);
    expect([l.samples, l.confidence, l.seed, l.path]).toEqual([e.samples, e.confidence, e.seed, e.path]);
    expect(res.estimates).toEqual([e, l]);
  });

  it('the default stream is stream(DEFAULT_SEED).child(lsa-error-fast); a stopped run ends on a chunk of whole blocks', () => {
    const res = estimateFullError(dist, 3, params, { samples: 1100 });
    const ref = blockwise('fast', 3, 1100, DEFAULT_SEED);
    expect(res.seed).toBe(DEFAULT_SEED);
    expect(Math.abs(res.testError.estimate - ref.mean)).toBeLessThan(1e-13 * ref.mean);
    const stopped = estimateFullError(dist, 3, params, { seed: 2, chunkSize: 100, stopping: { relativeHalfWidth: 1, maxSamples: 50_000 } });
    // chunks of 100 are rounded up to one block; the minimum is two chunks
    expect(stopped.stoppedBy).toBe('target');
    expect(stopped.samples).toBe(2 * DRAW_BLOCK);
    const capped = estimateFullError(dist, 3, params, { seed: 2, stopping: { absoluteHalfWidth: 1e-12, maxSamples: 2500 } });
    expect(capped.samples).toBe(2500);
    expect(capped.stoppedBy).toBe('max-samples');
    const ref2 = blockwise('fast', 3, 2500, 2);
    expect(Math.abs(capped.testError.estimate - ref2.mean)).toBeLessThan(1e-13 * ref2.mean);
  });

  it('estimateReducedError is estimateFullError with the parameters of V', () => {
    const v = [[0.5, -0.1], [0.2, 0.7]];
    for (const method of ['fast', 'direct'] as const) {
      const a = estimateReducedError(dist, 5, v, { method, seed: 6, samples: 1500 });
      const b = estimateFullError(dist, 5, paramsOfV(v), { method, seed: 6, samples: 1500 });
      expect(a.testError).toEqual(b.testError);
    }
  });

  it('drawDirect records the first prompts of the direct run and refuses a bad count', () => {
    const s = stream(7).child('record');
    const n = 5;
    const { batch, yhat, target } = drawDirect(dist, 3, params, n, s);
    expect([batch.d, batch.length, batch.count]).toEqual([d, 3, n]);
    expect(batch.xs.length).toBe(n * 3 * d);
    expect(batch.ys.length).toBe(n * 3);
    expect(Array.from(batch.yq)).toEqual(Array.from(target));
    const est = estimateFullError(dist, 3, params, { method: 'direct', stream: s, samples: n });
    const mean = yhat.reduce((a, y, k) => a + (y - target[k]) ** 2, 0) / n;
    expect(Math.abs(est.testError.estimate - mean)).toBeLessThan(1e-13 * mean);
    for (const c of [0, 1.5]) expect(() => drawDirect(dist, 3, params, c, s)).toThrow(`count must be an integer ≥ 1, got ${c}`);
  });

  it('workers: an integer from 1 to MAX_WORKERS, default 1', () => {
    expect(resolveWorkers(undefined)).toBe(1);
    expect(resolveWorkers(1)).toBe(1);
    expect(resolveWorkers(MAX_WORKERS)).toBe(MAX_WORKERS);
    for (const w of [0, MAX_WORKERS + 1, 2.5, NaN]) expect(() => resolveWorkers(w)).toThrow(`workers must be an integer from 1 to ${MAX_WORKERS}, got ${w}`);
    expect(MAX_WORKERS).toBe(64);
  });
});
