import { describe, expect, it } from 'vitest';
import { RunningMoments } from '../../src/montecarlo/moments';
import { estimateMeans, type ChunkSampler } from '../../src/montecarlo/estimate';
import { stream, type Stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';

/** Samples of N(mu, sd²) (quantity 0) and Exp(1) (quantity 1). */
function gaussAndExp(mu: number, sd: number) {
  return (rng: Stream): ChunkSampler => {
    const z = ziggurat(rng);
    return {
      names: ['gauss', 'exp'],
      fill(count, out) {
        for (let k = 0; k < count; k++) {
          out[2 * k] = mu + sd * z.next();
          out[2 * k + 1] = rng.exponential();
        }
      },
    };
  };
}

/** Smallest and largest counts c with P(Binomial(n, p) < c) and P(> c) each ≤ alpha/2 (exact tails). */
function binomialAcceptance(n: number, p: number, alpha: number): [number, number] {
  const logPmf = (k: number): number => {
    let lg = 0;
    for (let i = 1; i <= k; i++) lg += Math.log((n - k + i) / i);
    return lg + k * Math.log(p) + (n - k) * Math.log(1 - p);
  };
  const pmf = Array.from({ length: n + 1 }, (_, k) => Math.exp(logPmf(k)));
  let lo = 0;
  let acc = 0;
  while (acc + pmf[lo] <= alpha / 2) acc += pmf[lo++];
  let hi = n;
  acc = 0;
  while (acc + pmf[hi] <= alpha / 2) acc += pmf[hi--];
  return [lo, hi];
}

describe('streaming moments', () => {
  it('keeps full accuracy on data with a large offset, by value or by chunks', () => {
    // Values 1e9 + {0.1, 0.2, …}: a naive Σx² − n·mean² loses every digit; Welford and the chunked two-pass do not.
    const n = 10_000;
    const data = Float64Array.from({ length: n }, (_, i) => 1e9 + ((i % 10) + 1) / 10);
    const trueVar = (0.01 * (100 - 1)) / 12 * (n / (n - 1)); // variance of {0.1,…,1.0} repeated, unbiased
    const one = new RunningMoments();
    for (const x of data) one.push(x);
    const chunks = new RunningMoments();
    for (let off = 0; off < n; off += 777) chunks.pushChunk(data, off, Math.min(777, n - off));
    for (const m of [one, chunks]) {
      expect(m.count).toBe(n);
      expect(Math.abs(m.mean - (1e9 + 0.55))).toBeLessThan(1e-6);
      expect(Math.abs(m.variance / trueVar - 1)).toBeLessThan(1e-6);
    }
  });
});

describe('Monte Carlo means with confidence intervals', () => {
  it('covers the true mean at the stated level (1000 replications, exact binomial acceptance at 1e-6)', () => {
    // Each replication: 400 samples of N(2, 3²); 95 % and 99 % intervals. The number of replications whose
    // interval covers μ = 2 is Binomial(1000, level) if the intervals are right (the z-interval's true level
    // with 400 normal samples differs from nominal by < 3e-4, far inside the acceptance band). Failure
    // probability of this test under a correct estimator: ≤ 2·1e-6.
    const reps = 1000;
    for (const level of [0.95, 0.99]) {
      let covered = 0;
      for (let r = 0; r < reps; r++) {
        const res = estimateMeans('coverage', gaussAndExp(2, 3), { stream: stream(77).child(`rep-${level}-${r}`), samples: 400, confidence: level });
        const g = res.estimates[0];
        // two quantities, so each interval is at 1 − (1 − level)/2: check that level for quantity 0
        expect(g.confidence).toBeCloseTo(1 - (1 - level) / 2, 15);
        if (g.ci[0] <= 2 && 2 <= g.ci[1]) covered++;
      }
      const [lo, hi] = binomialAcceptance(reps, 1 - (1 - level) / 2, 1e-6);
      expect(covered, `level ${level}`).toBeGreaterThanOrEqual(lo);
      expect(covered, `level ${level}`).toBeLessThanOrEqual(hi);
    }
  });

  it('reports seed and path, replays exactly, and does not depend on the chunk size', () => {
    const a = estimateMeans('replay', gaussAndExp(0, 1), { seed: 9, samples: 10_000, chunkSize: 1000 });
    const b = estimateMeans('replay', gaussAndExp(0, 1), { seed: 9, samples: 10_000, chunkSize: 1000 });
    const c = estimateMeans('replay', gaussAndExp(0, 1), { seed: 9, samples: 10_000, chunkSize: 4096 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(9);
    expect(a.path).toBe('replay');
    expect(a.replay).toBe('seed=9 path=replay samples=10000');
    // same draws, different merge order: equal up to rounding
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(c.estimates[j].estimate - a.estimates[j].estimate)).toBeLessThan(1e-12);
      expect(Math.abs(c.estimates[j].standardError / a.estimates[j].standardError - 1)).toBeLessThan(1e-10);
    }
  });

  it('stops sequentially once every interval meets its target, and at the cap otherwise', () => {
    const progress: number[] = [];
    const res = estimateMeans('seq', gaussAndExp(5, 1), {
      seed: 3,
      chunkSize: 500,
      stopping: { relativeHalfWidth: 0.01, maxSamples: 1_000_000 },
      progress: (done) => progress.push(done),
    });
    expect(res.stoppedBy).toBe('target');
    for (const e of res.estimates) expect(e.halfWidth).toBeLessThanOrEqual(0.01 * Math.abs(e.estimate));
    // Exp(1) needs about (z·1/0.01)² ≈ 5e4 samples at z = 2.24: far below the cap, far above the minimum.
    expect(res.samples).toBeGreaterThan(20_000);
    expect(res.samples).toBeLessThan(200_000);
    expect(progress[progress.length - 1]).toBe(res.samples);
    // the run one chunk shorter had not reached the target
    const shorter = estimateMeans('seq', gaussAndExp(5, 1), { seed: 3, chunkSize: 500, samples: res.samples - 500 });
    expect(shorter.estimates.some((e) => e.halfWidth > 0.01 * Math.abs(e.estimate))).toBe(true);

    const capped = estimateMeans('seq', gaussAndExp(5, 1), { seed: 3, chunkSize: 500, stopping: { absoluteHalfWidth: 1e-6, maxSamples: 3000 } });
    expect(capped.stoppedBy).toBe('max-samples');
    expect(capped.samples).toBe(3000);
  });

  it('rejects bad options with a message naming the option', () => {
    const s = gaussAndExp(0, 1);
    expect(() => estimateMeans('x', s, { samples: 0 })).toThrow(/samples/);
    expect(() => estimateMeans('x', s, { confidence: 1 })).toThrow(/confidence/);
    expect(() => estimateMeans('x', s, { stopping: { maxSamples: 10 } })).toThrow(/absoluteHalfWidth or relativeHalfWidth/);
    expect(() => estimateMeans('x', s, { seed: 1.5 })).toThrow(/seed/);
  });
});
