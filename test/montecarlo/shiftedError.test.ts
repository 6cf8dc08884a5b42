/**
 * Monte Carlo over a test law, checked sample by sample: the run's estimates are the plain means of the
 * quantities on the prompts that testSampler draws from the same stream (chunking only splits the draws),
 * each quantity in its own slot; squaredError is (ŷ − ⟨w, x_q⟩)².
 */
import { describe, expect, it } from 'vitest';
import { estimateOnTestLaw, squaredError, type PromptQuantity } from '../../src/montecarlo/shiftedError';
import { testSampler, trainingLaw, type TestLaw } from '../../src/icl/shifts';
import { stream } from '../../src/random/stream';
import { DEFAULT_SEED } from '../../src/random/seed';

const lambda = [[2, 0.3], [0.3, 1]];

function plainMeans(law: TestLaw, quantities: PromptQuantity[], n: number, seed: number): number[] {
  const batch = testSampler(law).sample(n, stream(seed).child('shifted'));
  return quantities.map((q) => {
    let s = 0;
    for (let b = 0; b < n; b++) s += q.value(batch, b);
    return s / n;
  });
}

describe('estimateOnTestLaw', () => {
  it('gives the plain means of each quantity on the same prompts, whatever the chunk size', () => {
    const law: TestLaw = { ...trainingLaw(lambda, 3), noise: { kind: 'gaussian', std: 0.5 } };
    const quantities: PromptQuantity[] = [
      squaredError('zero predictor', () => 0),
      { name: 'first label', value: (batch, b) => batch.ys[b * batch.length] },
      squaredError('first label as prediction', (batch, b) => batch.ys[b * batch.length]),
    ];
    const n = 37;
    const expected = plainMeans(law, quantities, n, 8);
    for (const chunkSize of [37, 10, 1]) {
      const res = estimateOnTestLaw(law, quantities, { seed: 8, samples: n, chunkSize });
      expect(res.estimates.map((e) => e.name)).toEqual(['zero predictor', 'first label', 'first label as prediction']);
      expect(res.path).toBe('shifted');
      expect(res.samples).toBe(n);
      for (let j = 0; j < 3; j++) expect(Math.abs(res.estimates[j].estimate - expected[j]), `chunk ${chunkSize}, quantity ${j}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected[j])));
      // simultaneous over three quantities
      expect(res.estimates[0].confidence).toBeCloseTo(1 - 0.05 / 3, 15);
    }
    // default seed and stream
    const byDefault = estimateOnTestLaw(law, quantities.slice(0, 1), { samples: 5 });
    expect(byDefault.seed).toBe(DEFAULT_SEED);
    expect(Math.abs(byDefault.estimates[0].estimate - plainMeans(law, quantities.slice(0, 1), 5, DEFAULT_SEED)[0])).toBeLessThan(1e-13);
  });

  it('squaredError is (ŷ − ⟨w, x_q⟩)² with the noiseless query label', () => {
    const batch = testSampler(trainingLaw(lambda, 2)).sample(3, stream(2));
    const q = squaredError('p', (_, b) => b + 0.5);
    expect(q.name).toBe('p');
    for (let b = 0; b < 3; b++) expect(q.value(batch, b)).toBe((b + 0.5 - batch.yq[b]) ** 2);
  });

  it('refuses an empty list of quantities', () => {
    expect(() => estimateOnTestLaw(trainingLaw(lambda, 2), [])).toThrow('quantities must name at least one quantity');
  });
});
