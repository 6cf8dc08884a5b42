/**
 * The direct sampler prompt by prompt: on the prompts it draws (drawDirect records them), ŷ equals the
 * literal matrix formula f(E; θ)[d+1, M+1] (src/lsa/forward's readout of the embedding) and the target is
 * ⟨w, x_q⟩; the per-prompt predictions of predictions.ts agree. Deterministic (floating point only), so
 * it runs in the mutation tests; the statistical checks of the paths are in lsaError.test.ts and lsaLaw.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/stream';
import { embedding } from '../../src/icl/prompts';
import { readout } from '../../src/lsa/forward';
import { drawDirect } from '../../src/montecarlo/lsaError';
import { paramsOfV } from '../../src/montecarlo/lsaSampler';
import { predictBatchFull, predictBatchReduced, squaredErrors } from '../../src/montecarlo/predictions';
import { randomMat, randomParams, shiftedDistribution } from './lsaFixtures';

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
