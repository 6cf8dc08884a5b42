/**
 * Helper threads change nothing but speed: the draws are addressed by block (src/montecarlo/blocks.ts),
 * so the same seed gives the same estimates, bit for bit, with 1, 2 or 3 threads — on both sampling paths,
 * with sequential stopping, and with a chunk size that is not a multiple of the block.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateFullError, estimateReducedError, drawDirect } from '../../src/montecarlo/lsaError';
import { helperBlockCount, helpersReady, stopHelpers } from '../../src/montecarlo/parallel';
import { DRAW_BLOCK } from '../../src/montecarlo/blocks';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { fullFromReduced } from '../../src/lsa';

const rng = stream(20261130).child('parallel-test');
const d = 6;
const lam = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 6 });
const v = lam.map((row) => row.map((x, j) => 0.2 * x + 0.01 * j));

beforeAll(async () => {
  await helpersReady(2); // so that helpers really take blocks in the runs below
}, 60_000);
afterAll(async () => {
  await stopHelpers();
});

describe('Monte Carlo with helper threads', () => {
  for (const method of ['fast', 'direct'] as const)
    it(`gives identical estimates for 1, 2 and 3 threads (${method} path, noisy labels)`, () => {
      const dist = { d, promptCov: lam, noiseStd: 0.3 };
      const samples = method === 'fast' ? 40 * DRAW_BLOCK + 17 : 12 * DRAW_BLOCK + 5;
      const before = helperBlockCount();
      const runs = [1, 2, 3].map((workers) => estimateReducedError(dist, 9, v, { method, seed: 11, samples, workers }));
      for (const r of runs.slice(1)) {
        expect(r.testError.estimate).toBe(runs[0].testError.estimate);
        expect(r.testError.standardError).toBe(runs[0].testError.standardError);
        expect(r.replay).toBe(runs[0].replay);
      }
      expect(runs[0].samples).toBe(samples);
      expect(helperBlockCount(), 'helpers computed some of the blocks').toBeGreaterThan(before);
    });

  it('gives identical results with sequential stopping and any chunk size', () => {
    const params = fullFromReduced({ u: 1, U: v });
    const base = { seed: 5, chunkSize: 1500, stopping: { relativeHalfWidth: 0.02, maxSamples: 200_000 } };
    const a = estimateFullError({ d, promptCov: lam }, 9, params, { ...base, workers: 1 });
    const b = estimateFullError({ d, promptCov: lam }, 9, params, { ...base, workers: 2 });
    expect(b.samples).toBe(a.samples);
    expect(b.stoppedBy).toBe(a.stoppedBy);
    expect(b.testError.estimate).toBe(a.testError.estimate);
    expect(a.samples % 2048).toBe(0); // chunks of 1500 rounded up to 2 blocks
  });

  it('drawDirect gives the first samples of the direct estimator (same block streams)', () => {
    const params = fullFromReduced({ u: 1, U: v });
    const s = rng.child('draw-direct');
    const n = DRAW_BLOCK + 3;
    const { yhat, target } = drawDirect({ d, promptCov: lam }, 9, params, n, s);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += (yhat[k] - target[k]) ** 2;
    const est = estimateFullError({ d, promptCov: lam }, 9, params, { method: 'direct', stream: s, samples: n, workers: 2 });
    expect(Math.abs(est.testError.estimate - sum / n)).toBeLessThan(1e-12 * (sum / n));
  });

  it('rejects a bad number of workers with a message naming the rule', () => {
    expect(() => estimateReducedError({ d, promptCov: lam }, 9, v, { workers: 0 })).toThrow(/workers must be an integer from 1 to 64/);
    expect(() => estimateReducedError({ d, promptCov: lam }, 9, v, { workers: 1.5 })).toThrow(/workers/);
  });
});
