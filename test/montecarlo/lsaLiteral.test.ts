/**
 * The direct sampler prompt by prompt: on the prompts it draws (drawDirect records them), ŷ equals the
 * literal matrix formula f(E; θ)[d+1, M+1] (src/lsa/forward's readout of the embedding) and the target is
 * ⟨w, x_q⟩; the per-prompt predictions of predictions.ts agree. Deterministic (floating point only), so
 * it runs in the mutation tests; the statistical checks of the paths are in lsaError.test.ts and lsaLaw.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import { stream, type Stream } from '../../src/random/stream';
import type { PromptDistribution } from '../../src/icl/distribution';
import { embedding } from '../../src/icl/prompts';
import { readout } from '../../src/lsa/forward';
import type { LsaParams } from '../../src/lsa/params';
import { drawDirect } from '../../src/montecarlo/lsaError';
import { paramsOfV } from '../../src/montecarlo/lsaSampler';
import { predictBatchFull, predictBatchReduced, squaredErrors } from '../../src/montecarlo/predictions';

function randomMat(n: number, m: number, rng: Stream, sd = 1): Mat {
  return Array.from({ length: n }, () => Array.from({ length: m }, () => sd * rng.normal()));
}

/** θ with every entry random (so the blocks outside Lemma 5.2's reduced view matter). */
function randomParams(d: number, rng: Stream, sd: number): LsaParams {
  return { wpv: randomMat(d + 1, d + 1, rng, sd), wkq: randomMat(d + 1, d + 1, rng, sd) };
}

function shiftedDistribution(d: number, rng: Stream, noiseStd: number): PromptDistribution {
  return {
    d,
    promptCov: drawCovariance('rotated', d, rng.child('prompt'), { kappa: 5 }),
    queryCov: drawCovariance('wishart', d, rng.child('query')),
    taskCov: drawCovariance('diagonal', d, rng.child('task'), { kappa: 3 }),
    noiseStd,
  };
}

describe('LSA predictions: the direct sampler against the literal matrix formula', () => {
  it('gives ŷ = f(E; θ)[d+1, M+1] and ⟨w, x_q⟩ on every prompt it draws', () => {
    const rng = stream(11);
    const d = 3;
    const m = 5;
    const dist = shiftedDistribution(d, rng.child('dist'), 0.3);
    const params = randomParams(d, rng.child('theta'), 0.7);
    const { batch, yhat, target } = drawDirect(dist, m, params, 25, rng.child('prompts'));
    const viaKernel = predictBatchFull(batch, params);
    for (let b = 0; b < batch.count; b++) {
      const literal = readout(embedding(batch, b), params);
      // floating point only: sums of a few dozen products of O(1) numbers
      expect(Math.abs(yhat[b] - literal)).toBeLessThan(1e-12 * Math.max(1, Math.abs(literal)));
      expect(Math.abs(viaKernel[b] - literal)).toBeLessThan(1e-12 * Math.max(1, Math.abs(literal)));
      let wq = 0;
      for (let k = 0; k < d; k++) wq += batch.w[b * d + k] * batch.xq[b * d + k];
      expect(Math.abs(target[b] - wq)).toBeLessThan(1e-13 * Math.max(1, Math.abs(wq)));
    }
    // the reduced view: predictBatchReduced with V equals the full pass with W^PV = [[0,0],[0,1]], W^KQ = [[V,0],[0,0]]
    const v = randomMat(d, d, rng.child('v'));
    const red = predictBatchReduced(batch, v);
    const full = predictBatchFull(batch, paramsOfV(v));
    for (let b = 0; b < batch.count; b++) expect(Math.abs(red[b] - full[b])).toBeLessThan(1e-12 * Math.max(1, Math.abs(full[b])));
    expect(squaredErrors(batch, yhat)[3]).toBeCloseTo((yhat[3] - batch.yq[3]) ** 2, 14);
  });
});
