/**
 * Edges of the LSA samplers, deterministic: the size checks of θ and V (a matrix with a row too many), the
 * one entry of θ that never enters ŷ (W^KQ[d][d]: it multiplies the query's label slot, which is 0), a
 * W^PV last row with some but not all of r_x zero (the direct path against the literal forward pass), M = 1,
 * a recorded prompt written only into its own slot, a fast fill longer than the sampler's inner block (the
 * same draws as two consecutive fills), and drawDirect of a single prompt.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';
import { embedding, type PromptBatch } from '../../src/icl/prompts';
import { readout } from '../../src/lsa/forward';
import type { LsaParams } from '../../src/lsa/params';
import { drawDirect } from '../../src/montecarlo/lsaError';
import { lsaSampler, paramsOfV, validateParams, validateV } from '../../src/montecarlo/lsaSampler';
import { randomMat, randomParams, shiftedDistribution } from './lsaFixtures';

const d = 3;
const rng = stream(20261201).child('lsa-sampler-edges');
const dist = shiftedDistribution(d, rng.child('dist'), 0.4);
const noiseless = { ...dist, noiseStd: 0 };

function fill(method: 'fast' | 'direct', params: LsaParams, count: number, seed: string, m = 4, at = dist): { yhat: Float64Array; target: Float64Array } {
  const yhat = new Float64Array(count);
  const target = new Float64Array(count);
  lsaSampler(at, m, params, method).fill(ziggurat(rng.child(seed)), count, yhat, target);
  return { yhat, target };
}

/** drawDirect's ŷ against the literal f(E; θ)[d+1, M+1] on the prompts it recorded. */
function expectLiteral(params: LsaParams, m: number, count: number, seed: string): void {
  const { batch, yhat } = drawDirect(dist, m, params, count, rng.child(seed));
  for (let b = 0; b < count; b++) {
    const literal = readout(embedding(batch, b), params);
    // floating point only: sums of a few dozen products of O(1) numbers
    expect(Math.abs(yhat[b] - literal), `prompt ${b}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(literal)));
  }
}

describe('LSA sampler edges', () => {
  it('refuse θ or V with a row too many (every row of the right length)', () => {
    const good = randomParams(d, rng.child('good'), 0.5);
    expect(() => validateParams(good, d)).not.toThrow();
    const extra = [...good.wkq, new Array<number>(d + 1).fill(0)];
    expect(() => validateParams({ ...good, wkq: extra }, d)).toThrow(`params.wkq must be a ${d + 1}×${d + 1} matrix of finite numbers (d = ${d})`);
    expect(() => validateParams({ ...good, wpv: extra }, d)).toThrow(`params.wpv must be a ${d + 1}×${d + 1} matrix`);
    const v = randomMat(d, d, rng.child('v'));
    expect(() => validateV(v, d)).not.toThrow();
    expect(() => validateV([...v, new Array<number>(d).fill(0)], d)).toThrow(`v must be a ${d}×${d} matrix of finite numbers`);
  });

  for (const method of ['fast', 'direct'] as const)
    it(`ignore W^KQ[d][d], which multiplies the query's label slot (0), bit for bit (${method})`, () => {
      for (const base of [paramsOfV(randomMat(d, d, rng.child('v2'))), randomParams(d, rng.child('full'), 0.5)]) {
        const withCorner = { wpv: base.wpv, wkq: base.wkq.map((row, i) => row.map((x, j) => (i === d && j === d ? 5 : x))) };
        const a = fill(method, base, 300, `corner-${method}`);
        const b = fill(method, withCorner, 300, `corner-${method}`);
        expect(Array.from(b.yhat)).toEqual(Array.from(a.yhat));
        expect(Array.from(b.target)).toEqual(Array.from(a.target));
      }
    });

  it('direct path: r_x with some entries zero, and M = 1, give the literal forward pass', () => {
    const params = randomParams(d, rng.child('partial'), 0.6);
    params.wpv[d][1] = 0; // r_x = (·, 0, ·): neither all zero nor all nonzero
    expectLiteral(params, 4, 20, 'partial-prompts');
    expectLiteral(randomParams(d, rng.child('m1'), 0.6), 1, 20, 'm1-prompts');
  });

  it('accept M = 1 on the fast path (its formula holds for every M ≥ 1)', () => {
    const { yhat } = fill('fast', randomParams(d, rng.child('m1-fast'), 0.6), 10, 'm1-fast', 1);
    expect(yhat.every(Number.isFinite)).toBe(true);
    expect(() => lsaSampler(dist, 0, paramsOfV(randomMat(d, d, rng)), 'fast')).toThrow('prompt length m must be an integer ≥ 1, got 0');
  });

  it('direct path: a recorded prompt goes into its own slot only', () => {
    const params = randomParams(d, rng.child('rec'), 0.6);
    const m = 3;
    const slots = 3;
    const batch: PromptBatch = {
      d,
      length: m,
      count: slots,
      xs: new Float64Array(slots * m * d).fill(-9),
      ys: new Float64Array(slots * m).fill(-9),
      xq: new Float64Array(slots * d).fill(-9),
      yq: new Float64Array(slots).fill(-9),
      w: new Float64Array(slots * d).fill(-9),
    };
    lsaSampler(dist, m, params, 'direct').fill(ziggurat(rng.child('rec-draws')), 1, new Float64Array(1), new Float64Array(1), batch, 1);
    const untouched = (a: Float64Array, per: number) => [...a.subarray(0, per), ...a.subarray(2 * per)].every((x) => x === -9);
    expect(untouched(batch.xs, m * d) && untouched(batch.ys, m) && untouched(batch.xq, d) && untouched(batch.yq, 1) && untouched(batch.w, d)).toBe(true);
    expect(batch.xs.subarray(m * d, 2 * m * d).every((x) => x !== -9)).toBe(true);
    expect(batch.ys.subarray(m, 2 * m).every((x) => x !== -9)).toBe(true);
  });

  for (const at of [dist, noiseless])
    it(`fast path: one fill of 300 prompts draws as a fill of 256 then one of 44 (noise ${at.noiseStd})`, () => {
      const params = randomParams(d, rng.child('split'), 0.6);
      const one = fill('fast', params, 300, 'split', 5, at);
      const s = lsaSampler(at, 5, params, 'fast');
      const z = ziggurat(rng.child('split'));
      const yhat = new Float64Array(300);
      const target = new Float64Array(300);
      s.fill(z, 256, yhat, target);
      s.fill(z, 44, yhat.subarray(256), target.subarray(256));
      expect(Array.from(one.yhat)).toEqual(Array.from(yhat));
      expect(Array.from(one.target)).toEqual(Array.from(target));
    });

  it('drawDirect of one prompt gives the first prompt of a longer draw', () => {
    const params = randomParams(d, rng.child('one'), 0.6);
    const one = drawDirect(dist, 4, params, 1, rng.child('one-draw'));
    const two = drawDirect(dist, 4, params, 2, rng.child('one-draw'));
    expect(one.yhat[0]).toBe(two.yhat[0]);
    expect(Array.from(one.batch.xs)).toEqual(Array.from(two.batch.xs.subarray(0, 4 * d)));
    expect(() => drawDirect(dist, 4, params, 0, rng)).toThrow('count must be an integer ≥ 1, got 0');
  });
});
