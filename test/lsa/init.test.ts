/**
 * Assumption 3.3's initialization and the forward passes' scratch buffers: the refusals, the full
 * parameters' blocks, and that a scratch buffer (too short, exact or long) never changes a prediction.
 */
import { describe, expect, it } from 'vitest';
import { samplePrompts } from '../../src/icl/prompts';
import { trainingDistribution } from '../../src/icl/distribution';
import { predictFull, predictReduced } from '../../src/lsa/forward';
import { initialParams, initialReduced, randomTheta } from '../../src/lsa/init';
import { stream } from '../../src/random/stream';

const theta = randomTheta(3, stream(5));

describe('Assumption 3.3 initialization', () => {
  it('refuses σ ≤ 0 or non-finite, and Θ with ‖ΘΘᵀ‖_F ≠ 1, naming what is wrong', () => {
    for (const s of [0, -1, NaN, Infinity]) expect(() => initialReduced(s, theta)).toThrow(/^sigma must be a finite number > 0/);
    const doubled = theta.map((r) => r.map((v) => 2 * v));
    expect(() => initialReduced(0.1, doubled)).toThrow(/^Θ must satisfy ‖ΘΘᵀ‖_F = 1 \(Assumption 3\.3\), got 4/);
  });

  it('initialParams: W^PV = σ e_{d+1}e_{d+1}ᵀ, W^KQ = σ[[ΘΘᵀ, 0], [0, 0]]', () => {
    const sigma = 0.3;
    const { wpv, wkq } = initialParams(sigma, theta);
    const tt = theta.map((r) => theta.map((q) => r.reduce((s, v, k) => s + v * q[k], 0)));
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        expect(wpv[i][j]).toBe(i === 3 && j === 3 ? sigma : 0);
        if (i < 3 && j < 3) expect(wkq[i][j]).toBeCloseTo(sigma * tt[i][j], 14);
        else expect(wkq[i][j]).toBe(0);
      }
  });
});

describe('scratch buffers of the forward passes', () => {
  const lambda = [[2, 0.3, 0], [0.3, 1, 0.2], [0, 0.2, 0.5]];
  const batch = samplePrompts(trainingDistribution(lambda), 5, 3, stream(9));
  const params = initialParams(0.7, theta);
  const V = [[0.5, 0.1, 0], [0.2, 0.4, -0.1], [0, 0.3, 0.6]];

  it('a too-short, exact or long scratch gives the same prediction as none', () => {
    for (let b = 0; b < batch.count; b++) {
      const full = predictFull(batch, b, params);
      const red = predictReduced(batch, b, V);
      expect(Number.isFinite(full) && Number.isFinite(red)).toBe(true);
      for (const len of [1, 2, 3, 4, 9]) {
        // filled with garbage: a used scratch must be overwritten, not accumulated into
        const s = new Float64Array(len).fill(7.5);
        expect(predictFull(batch, b, params, s)).toBe(full);
        const t = new Float64Array(len).fill(-3.25);
        expect(predictReduced(batch, b, V, t)).toBe(red);
      }
    }
  });
});
