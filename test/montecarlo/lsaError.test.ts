import { describe, expect, it } from 'vitest';
import { add, identity, inverse, scale, trace, type Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import type { PromptDistribution } from '../../src/icl/distribution';
import { embedding, samplePrompts } from '../../src/icl/prompts';
import { readout } from '../../src/lsa/forward';
import { testError, testErrorModel } from '../../src/moments/quadratic';
import { estimateFullError, estimateReducedError } from '../../src/montecarlo/lsaError';
import { paramsOfV } from '../../src/montecarlo/lsaSampler';
import { RunningMoments } from '../../src/montecarlo/moments';
import { criticalValue } from '../../src/montecarlo/normal';
import { randomMat, randomParams, shiftedDistribution } from './lsaFixtures';

// Every statistical comparison below holds with probability ≥ 1 − 1e-6 per test under correct code
// (Bonferroni over the comparisons of the test); seeds are fixed, so a pass is reproducible.
const ALPHA = 1e-6;

describe('Monte Carlo test error of the reduced predictor against the exact quadratic form (src/moments)', () => {
  it('agrees on both paths, for the training distribution and under shifts and label noise', () => {
    const rng = stream(21);
    const d = 5;
    const lambda = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 10 });
    const cases: Array<{ name: string; dist: PromptDistribution; m: number; v: Mat }> = [];
    // V near Γ⁻¹ (the trained limit), perturbed so that it does not commute with Λ
    const m = 10;
    const gamma = add(scale(lambda, 1 + 1 / m), scale(identity(d), trace(lambda) / m));
    const vNear = add(inverse(gamma), randomMat(d, d, rng.child('perturb'), 0.05));
    cases.push({ name: 'training distribution', dist: { d, promptCov: lambda }, m, v: vNear });
    cases.push({ name: 'shifted, noisy', dist: shiftedDistribution(d, rng.child('shift'), 0.5), m: 7, v: randomMat(d, d, rng.child('v2'), 0.3) });
    // M = 2 < 3: the fast path's 3×3 Wishart falls back to an explicit Gram matrix
    cases.push({ name: 'M = 2, noisy', dist: { d, promptCov: lambda, noiseStd: 1 }, m: 2, v: randomMat(d, d, rng.child('v3'), 0.3) });
    // a fixed task: Σ_w = w wᵀ is only semidefinite (the samplers then use its symmetric square root)
    const wRng = rng.child('wfixed');
    const wFixed = Array.from({ length: d }, () => wRng.normal());
    const fixedTask = wFixed.map((a) => wFixed.map((b) => a * b));
    cases.push({ name: 'fixed task', dist: { d, promptCov: lambda, taskCov: fixedTask, noiseStd: 0.2 }, m: 8, v: vNear });
    // M = 1 without noise: the 2×2 Bartlett draw with its unused χ²_0 entry skipped
    cases.push({ name: 'M = 1', dist: { d, promptCov: lambda }, m: 1, v: randomMat(d, d, rng.child('v4'), 0.3) });
    const checks = cases.length * 2;
    for (const c of cases) {
      const exact = testError(testErrorModel(c.dist, c.m), c.v);
      for (const method of ['fast', 'direct'] as const) {
        const res = estimateReducedError(c.dist, c.m, c.v, { method, seed: 5, samples: method === 'fast' ? 400_000 : 150_000, confidence: 1 - ALPHA / checks });
        const e = res.testError;
        expect(exact, `${c.name} (${method}): ${e.estimate} ± ${e.halfWidth}`).toBeGreaterThanOrEqual(e.ci[0]);
        expect(exact, `${c.name} (${method}): ${e.estimate} ± ${e.halfWidth}`).toBeLessThanOrEqual(e.ci[1]);
        // the loss is half the error, interval included
        expect(res.populationLoss.estimate).toBe(e.estimate / 2);
        expect(res.populationLoss.ci[1]).toBe(e.ci[1] / 2);
        // the estimate is sharp enough for the check to mean something: half-width under 10 % of the value (M ≤ 2 has heavy tails)
        expect(e.halfWidth, `${c.name} (${method})`).toBeLessThan(0.1 * exact);
      }
    }
  });
});

describe('Monte Carlo test error of the full LSA (every entry of W^PV, W^KQ random)', () => {
  it('fast, direct and brute force (samplePrompts + forward/readout) agree, and differ from the reduced view', () => {
    const rng = stream(31);
    const d = 3;
    const m = 6;
    const dist = shiftedDistribution(d, rng.child('dist'), 0.4);
    const params = randomParams(d, rng.child('theta'), 0.5);
    // brute force: an independent prompt sampler (Stream.normal, polar method) and the literal formula
    const count = 4000;
    const batch = samplePrompts(dist, m, count, rng.child('brute'));
    const brute = new RunningMoments();
    for (let b = 0; b < count; b++) brute.push((readout(embedding(batch, b), params) - batch.yq[b]) ** 2);
    const fast = estimateFullError(dist, m, params, { method: 'fast', seed: 8, samples: 400_000 });
    const direct = estimateFullError(dist, m, params, { method: 'direct', seed: 8, samples: 100_000 });
    const reduced = estimateFullError(dist, m, { wpv: params.wpv.map((r, i) => r.map((x, j) => (i === d && j === d ? x : 0))), wkq: params.wkq.map((r, i) => r.map((x, j) => (i < d && j < d ? x : 0))) }, { method: 'fast', seed: 8, samples: 400_000 });
    // three pairwise comparisons of independent estimates, plus one that must fail: z at 1 − 1e-6/4 two-sided
    const z = criticalValue(1 - ALPHA, 4);
    const pairs: Array<[string, number, number, number, number]> = [
      ['fast vs direct', fast.testError.estimate, fast.testError.standardError, direct.testError.estimate, direct.testError.standardError],
      ['fast vs brute force', fast.testError.estimate, fast.testError.standardError, brute.mean, brute.standardError],
      ['direct vs brute force', direct.testError.estimate, direct.testError.standardError, brute.mean, brute.standardError],
    ];
    for (const [name, a, sa, b, sb] of pairs) expect(Math.abs(a - b), `${name}: ${a} vs ${b}`).toBeLessThan(z * Math.hypot(sa, sb));
    // the extra blocks matter here: the reduced view's error is far outside the joint interval
    const gap = Math.abs(reduced.testError.estimate - fast.testError.estimate);
    expect(gap).toBeGreaterThan(10 * z * Math.hypot(reduced.testError.standardError, fast.testError.standardError));
  });

  it('reproduces a run from its seed and path and rejects malformed inputs', () => {
    const dist = { d: 2, promptCov: identity(2) };
    const params = paramsOfV(identity(2));
    const a = estimateFullError(dist, 4, params, { seed: 2, samples: 5000, method: 'direct' });
    const b = estimateFullError(dist, 4, params, { seed: 2, samples: 5000, method: 'direct' });
    expect(b.testError).toEqual(a.testError);
    expect(a.path).toBe('lsa-error-direct');
    expect(() => estimateFullError(dist, 0, params)).toThrow(/prompt length m/);
    expect(() => estimateFullError(dist, 4, { wpv: identity(2), wkq: identity(3) })).toThrow(/params.wpv must be a 3×3/);
    expect(() => estimateReducedError(dist, 4, [[1, 0]])).toThrow(/v must be a 2×2/);
    expect(() => estimateFullError(dist, 4, params, { method: 'exact' as never })).toThrow(/method/);
  });
});
