/**
 * Sequential stopping at the boundary: a half-width exactly equal to the target meets it (≤, not <), for
 * the absolute and the relative target. Values 8 ± 1 alternate, so at an even count the mean is exactly 8
 * and a relative target h/8 times |8| is h again, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { estimateMeans, type ChunkSampler } from '../../src/montecarlo/estimate';

const alternating = (): ChunkSampler => {
  let at = 0;
  return {
    names: ['x'],
    fill(count, out) {
      for (let k = 0; k < count; k++, at++) out[k] = at % 2 === 0 ? 9 : 7;
    },
  };
};

describe('stopping targets met with equality', () => {
  it('absolute and relative targets equal to the half-width reached are met', () => {
    const fixed = estimateMeans('boundary', alternating, { seed: 1, samples: 400, chunkSize: 100 });
    const h = fixed.estimates[0].halfWidth;
    expect(fixed.estimates[0].estimate).toBe(8);
    // at the cap (400 samples) the half-width is exactly h; at 300 it is larger
    const abs = estimateMeans('boundary', alternating, { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: h, maxSamples: 400 } });
    expect(abs.samples).toBe(400);
    expect(abs.stoppedBy).toBe('target');
    const rel = estimateMeans('boundary', alternating, { seed: 1, chunkSize: 100, stopping: { relativeHalfWidth: h / 8, maxSamples: 400 } });
    expect(rel.stoppedBy).toBe('target');
    // before the cap: the same run with a cap of 800 stops at 400
    const early = estimateMeans('boundary', alternating, { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: h, maxSamples: 800 } });
    expect(early.samples).toBe(400);
    expect(early.stoppedBy).toBe('target');
    const earlyRel = estimateMeans('boundary', alternating, { seed: 1, chunkSize: 100, stopping: { relativeHalfWidth: h / 8, maxSamples: 800 } });
    expect(earlyRel.samples).toBe(400);
  });
});
