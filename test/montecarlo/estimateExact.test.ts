/**
 * The Monte Carlo driver on given sample values (no randomness): estimates, standard errors and
 * intervals computed by hand, chunking, progress, sequential stopping at the exact chunk where the
 * target is first met, and every option's refusal message.
 */
import { describe, expect, it } from 'vitest';
import { estimateMeans, MAX_CHUNK, type ChunkSampler, type MonteCarloOptions } from '../../src/montecarlo/estimate';
import { stream, type Stream } from '../../src/random/stream';
import { DEFAULT_SEED } from '../../src/random/seed';

// Φ⁻¹(0.975) and Φ⁻¹(1 − 0.05/4) (mpmath, 20 digits): the 95 % critical values for one and two quantities.
const Z95 = 1.959963984540054;
const Z95_2 = 2.241402727604947;

/** A sampler replaying fixed values: quantity j of sample k is values[j][k]; records the counts asked for. */
function replaying(values: number[][], calls: number[] = []) {
  return (): ChunkSampler => {
    let at = 0;
    const q = values.length;
    return {
      names: values.map((_, j) => `q${j}`),
      fill(count, out) {
        calls.push(count);
        for (let k = 0; k < count; k++) for (let j = 0; j < q; j++) out[k * q + j] = values[j][at + k];
        at += count;
      },
    };
  };
}

function meanSe(xs: number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return [mean, Math.sqrt(v / n)];
}

const close = (a: number, b: number, rel = 1e-14) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('Monte Carlo driver on fixed values', () => {
  it('one quantity: mean, √(s²/n), mean ± z·se at 95 %, and the run description', () => {
    const calls: number[] = [];
    const progress: Array<[number, number]> = [];
    const res = estimateMeans('fixed', replaying([[1, 2, 3, 4, 10, -2, 7]], calls), { seed: 12, samples: 7, chunkSize: 3, progress: (d, t) => progress.push([d, t]) });
    const [mean, se] = meanSe([1, 2, 3, 4, 10, -2, 7]);
    const e = res.estimates[0];
    expect(e.name).toBe('q0');
    close(e.estimate, 25 / 7);
    close(e.estimate, mean);
    close(e.standardError, se);
    close(e.halfWidth, Z95 * se);
    close(e.ci[0], mean - Z95 * se);
    close(e.ci[1], mean + Z95 * se);
    expect(e.confidence).toBe(0.95);
    expect(e.familyConfidence).toBe(0.95);
    expect(e.samples).toBe(7);
    expect(e.seed).toBe(12);
    expect(e.path).toBe('fixed');
    expect(res.samples).toBe(7);
    expect(res.confidence).toBe(0.95);
    expect(res.stoppedBy).toBe('fixed');
    expect(res.seed).toBe(12);
    expect(res.path).toBe('fixed');
    expect(res.replay).toBe('seed=12 path=fixed samples=7');
    expect(calls).toEqual([3, 3, 1]);
    expect(progress).toEqual([[3, 7], [6, 7], [7, 7]]);
  });

  it('two quantities: Bonferroni level 1 − 0.05/2 each, z = Φ⁻¹(1 − 0.05/4)', () => {
    const a = [0.5, 1.5, -1, 4, 2, 2.5];
    const b = [10, 12, 9, 11, 10, 8];
    const res = estimateMeans('two', replaying([a, b]), { stream: stream(3), samples: 6, chunkSize: 4 });
    for (const [j, xs] of [a, b].entries()) {
      const [mean, se] = meanSe(xs);
      const e = res.estimates[j];
      close(e.estimate, mean);
      close(e.standardError, se);
      close(e.halfWidth, Z95_2 * se, 1e-13);
      close(e.ci[0], mean - Z95_2 * se, 1e-13);
      close(e.ci[1], mean + Z95_2 * se, 1e-13);
      expect(e.confidence).toBe(1 - 0.05 / 2);
      expect(e.familyConfidence).toBe(0.95);
    }
    // a root stream has an empty path
    expect(res.path).toBe('');
    expect(res.replay).toBe('seed=3 path=(root) samples=6');
    const custom = estimateMeans('two', replaying([a, b]), { stream: stream(3).child('x').child('y'), samples: 6, confidence: 0.8 });
    expect(custom.path).toBe('x/y');
    expect(custom.confidence).toBe(0.8);
    expect(custom.estimates[0].confidence).toBeCloseTo(0.9, 15);
  });

  it('default seed, stream name, sample count and chunk size', () => {
    const calls: number[] = [];
    const res = estimateMeans('defaults', replaying([Array.from({ length: 100_000 }, (_, k) => k % 7)], calls));
    expect(res.samples).toBe(100_000);
    expect(calls).toEqual([...new Array<number>(24).fill(4096), 100_000 - 24 * 4096]);
    expect(res.path).toBe('defaults');
    expect(res.seed).toBe(DEFAULT_SEED);
    // the default stream is stream(DEFAULT_SEED).child(name); a seed gives stream(seed).child(name)
    const uniforms = (rng: Stream): ChunkSampler => ({ names: ['u'], fill: (count, out) => { for (let k = 0; k < count; k++) out[k] = rng.uniform(); } });
    const byDefault = estimateMeans('defaults', uniforms, { samples: 5 });
    const explicit = estimateMeans('defaults', uniforms, { samples: 5, stream: stream(DEFAULT_SEED).child('defaults') });
    expect(byDefault.estimates[0].estimate).toBe(explicit.estimates[0].estimate);
    const seeded = estimateMeans('defaults', uniforms, { samples: 5, seed: 77 });
    const seededExplicit = estimateMeans('defaults', uniforms, { samples: 5, stream: stream(77).child('defaults') });
    expect(seeded.estimates[0].estimate).toBe(seededExplicit.estimates[0].estimate);
    expect(seeded.estimates[0].estimate).not.toBe(byDefault.estimates[0].estimate);
    expect(seeded.replay).toBe('seed=77 path=defaults samples=5');
  });

  it('stops at the first chunk end past the minimum where every interval meets its target', () => {
    // x_k = 10 + (−1)^k: at even n the mean is exactly 10 and se = √(n/(n−1)/n) = 1/√(n−1).
    const xs = Array.from({ length: 100_000 }, (_, k) => 10 + (k % 2 === 0 ? 1 : -1));
    // absolute target h: the first even n (a multiple of the chunk, 100) with Z95/√(n−1) ≤ h, at least minSamples
    const h = 0.05;
    let expected = 0;
    for (let n = 200; ; n += 100) if (Z95 / Math.sqrt(n - 1) <= h) { expected = n; break; }
    const progress: number[] = [];
    const res = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: h, maxSamples: 100_000 }, progress: (d, t) => { progress.push(d); expect(t).toBe(100_000); } });
    expect(res.stoppedBy).toBe('target');
    expect(res.samples).toBe(expected);
    expect(progress[progress.length - 1]).toBe(expected);
    // the same with the relative target h/10 (|mean| = 10)
    const rel = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { relativeHalfWidth: h / 10, maxSamples: 100_000 } });
    expect(rel.samples).toBe(expected);
    // both targets given: stop as soon as either holds
    const both = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { relativeHalfWidth: 1e-9, absoluteHalfWidth: h, maxSamples: 100_000 } });
    expect(both.samples).toBe(expected);
    const both2 = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 1e-9, relativeHalfWidth: h / 10, maxSamples: 100_000 } });
    expect(both2.samples).toBe(expected);
    // a target met at once is not accepted before minSamples (default two chunks, here explicit)
    const early = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 100, maxSamples: 100_000 } });
    expect(early.samples).toBe(200);
    const min = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 100, minSamples: 700, maxSamples: 100_000 } });
    expect(min.samples).toBe(700);
    const minOne = estimateMeans('stop', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 100, minSamples: 1, maxSamples: 100_000 } });
    expect(minOne.samples).toBe(100);
  });

  it('a run that meets the target only at the cap says target; one that never does says max-samples', () => {
    const xs = Array.from({ length: 1000 }, (_, k) => 10 + (k % 2 === 0 ? 1 : -1));
    // 1000 samples: half-width Z95/√999 = 0.0620; at 900: 0.0654
    const atCap = estimateMeans('cap', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 0.063, maxSamples: 1000 } });
    expect(atCap.samples).toBe(1000);
    expect(atCap.stoppedBy).toBe('target');
    const never = estimateMeans('cap', replaying([xs]), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 0.06, maxSamples: 1000 } });
    expect(never.samples).toBe(1000);
    expect(never.stoppedBy).toBe('max-samples');
    // a cap below the chunk size: one short chunk; minSamples is capped at the cap
    const calls: number[] = [];
    const tiny = estimateMeans('cap', replaying([xs], calls), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: 100, maxSamples: 30 } });
    expect(calls).toEqual([30]);
    expect(tiny.stoppedBy).toBe('target');
    // one sample: the interval is undefined (NaN), so no target is met
    const one = estimateMeans('cap', replaying([xs]), { seed: 1, stopping: { absoluteHalfWidth: 1e9, maxSamples: 1 } });
    expect(one.stoppedBy).toBe('max-samples');
    expect(one.estimates[0].halfWidth).toBeNaN();
  });

  it('every quantity must meet the target', () => {
    const tight = Array.from({ length: 20_000 }, (_, k) => 10 + (k % 2 === 0 ? 0.01 : -0.01));
    const wide = Array.from({ length: 20_000 }, (_, k) => 10 + (k % 2 === 0 ? 1 : -1));
    const h = 0.05;
    let expected = 0;
    for (let n = 200; ; n += 100) if (Z95_2 / Math.sqrt(n - 1) <= h) { expected = n; break; }
    for (const order of [[tight, wide], [wide, tight]]) {
      const res = estimateMeans('all', replaying(order), { seed: 1, chunkSize: 100, stopping: { absoluteHalfWidth: h, maxSamples: 20_000 } });
      expect(res.samples).toBe(expected);
    }
  });

  it('refuses each bad option with a message naming it', () => {
    const s = replaying([[1, 2, 3]]);
    const bad: Array<[MonteCarloOptions, string]> = [
      [{ seed: 1.5 }, 'seed must be an integer, got 1.5'],
      [{ samples: 0 }, 'samples must be an integer ≥ 1, got 0'],
      [{ samples: 2.5 }, 'samples must be an integer ≥ 1, got 2.5'],
      [{ chunkSize: 0 }, 'chunkSize must be an integer ≥ 1, got 0'],
      [{ chunkSize: MAX_CHUNK + 1 }, `chunkSize must be at most ${MAX_CHUNK} (each chunk is held in memory), got ${MAX_CHUNK + 1}`],
      [{ confidence: 0 }, 'confidence must be in the open interval (0, 1), got 0'],
      [{ confidence: 1 }, 'confidence must be in the open interval (0, 1), got 1'],
      [{ confidence: NaN }, 'confidence must be in the open interval (0, 1), got NaN'],
      [{ stopping: { maxSamples: 0, absoluteHalfWidth: 1 } }, 'stopping.maxSamples must be an integer ≥ 1, got 0'],
      [{ stopping: { maxSamples: 10, minSamples: 0, absoluteHalfWidth: 1 } }, 'stopping.minSamples must be an integer ≥ 1, got 0'],
      [{ stopping: { maxSamples: 10 } }, 'stopping needs absoluteHalfWidth or relativeHalfWidth'],
      [{ stopping: { maxSamples: 10, absoluteHalfWidth: 0 } }, 'stopping.absoluteHalfWidth must be > 0, got 0'],
      [{ stopping: { maxSamples: 10, absoluteHalfWidth: NaN } }, 'stopping.absoluteHalfWidth must be > 0, got NaN'],
      [{ stopping: { maxSamples: 10, relativeHalfWidth: -1 } }, 'stopping.relativeHalfWidth must be > 0, got -1'],
      [{ stopping: { maxSamples: 10, relativeHalfWidth: NaN } }, 'stopping.relativeHalfWidth must be > 0, got NaN'],
    ];
    for (const [o, msg] of bad) expect(() => estimateMeans('x', s, o), msg).toThrow(msg);
    // the largest chunk and both targets at once are accepted
    expect(estimateMeans('x', s, { samples: 3, chunkSize: MAX_CHUNK }).samples).toBe(3);
    expect(estimateMeans('x', s, { stopping: { maxSamples: 3, minSamples: 3, absoluteHalfWidth: 1, relativeHalfWidth: 1 } }).samples).toBe(3);
    expect(estimateMeans('x', s, { samples: 1, seed: 0 }).seed).toBe(0);
  });
});
