/**
 * Edge cases of the driver, the streaming moments and Φ found by mutation testing: options refused before
 * any sample is drawn, targets that an infinite half-width never meets, the path recorded on every
 * estimate, the compensated two-pass sum of squares on data whose mean rounds badly, an empty summary
 * taking a merged one bit for bit, and Φ far in the upper tail.
 */
import { describe, expect, it } from 'vitest';
import { estimateMeans, type ChunkSampler } from '../../src/montecarlo/estimate';
import { RunningMoments } from '../../src/montecarlo/moments';
import { normalCdf } from '../../src/montecarlo/normal';
import { stream } from '../../src/random/stream';

function counting(values: number[]) {
  let fills = 0;
  let at = 0;
  const make = (): ChunkSampler => ({
    names: ['x'],
    fill(count, out) {
      fills++;
      for (let k = 0; k < count; k++) out[k] = values[at++ % values.length];
    },
  });
  return { make, fills: () => fills };
}

describe('driver edge cases', () => {
  it('refuses a bad confidence, target or seed before drawing a sample, even with a stream given', () => {
    const c = counting([1, 2, 3]);
    expect(() => estimateMeans('x', c.make, { samples: 3, confidence: 1 })).toThrow('confidence must be in the open interval (0, 1), got 1');
    expect(() => estimateMeans('x', c.make, { samples: 3, confidence: 0 })).toThrow('confidence must be in the open interval (0, 1), got 0');
    expect(() => estimateMeans('x', c.make, { stopping: { maxSamples: 10, relativeHalfWidth: 0 } })).toThrow('stopping.relativeHalfWidth must be > 0, got 0');
    expect(() => estimateMeans('x', c.make, { samples: 3, seed: 1.5, stream: stream(1) })).toThrow('seed must be an integer, got 1.5');
    expect(c.fills()).toBe(0);
  });

  it('an infinite half-width never meets a target, not even an infinite one', () => {
    // ±1e308: the sum of squares overflows, so the half-width is +∞
    const c = counting([1e308, -1e308]);
    const res = estimateMeans('inf', c.make, { seed: 1, chunkSize: 2, stopping: { absoluteHalfWidth: Infinity, minSamples: 2, maxSamples: 6 } });
    expect(res.estimates[0].halfWidth).toBe(Infinity);
    expect(res.samples).toBe(6);
    expect(res.stoppedBy).toBe('max-samples');
  });

  it('every estimate records the path of its stream', () => {
    const res = estimateMeans('p', counting([1, 2]).make, { stream: stream(3).child('a').child('b'), samples: 4 });
    expect(res.estimates[0].path).toBe('a/b');
    expect(res.estimates[0].seed).toBe(3);
  });
});

describe('streaming moments edge cases', () => {
  it('the compensated two-pass M2 is exact to rounding when the chunk mean rounds badly', () => {
    // x = 1e15 + j/8 (j = k mod 8, exact in float64): the running sum passes 2^53, so s/n is off by far more
    // than the spread; M2 = n · Var{0, 1/8, …, 7/8} = n · 63/768 exactly.
    const n = 8000;
    const data = Float64Array.from({ length: n }, (_, k) => 1e15 + (k % 8) / 8);
    const exact = (n * 63) / 768;
    let s = 0;
    for (const x of data) s += x;
    const m = s / n;
    let naive = 0;
    for (const x of data) naive += (x - m) ** 2;
    expect(Math.abs(naive / exact - 1), 'the data exercise the compensation').toBeGreaterThan(1e-3);
    const mo = new RunningMoments();
    mo.pushChunk(data, 0, n);
    expect(Math.abs(mo.m2 / exact - 1)).toBeLessThan(1e-9);
  });

  it('merging into an empty summary copies it bit for bit', () => {
    // through the general formula the mean would be 0.1·3/3 = 0.10000000000000002
    const e = new RunningMoments();
    e.merge(3, 0.1, 0.5);
    expect([e.count, e.mean, e.m2]).toEqual([3, 0.1, 0.5]);
  });
});

describe('Φ far in the upper tail', () => {
  it('is 1 to the last bit for x ≥ 9 (1 − Φ(9) ≈ 1.1e-19), through the tail fraction', () => {
    for (const x of [9, 30, 40]) expect(normalCdf(x), `x = ${x}`).toBe(1);
    expect(Math.abs(1 - normalCdf(7) - 1.279812543885835e-12)).toBeLessThan(2e-16);
  });
});
