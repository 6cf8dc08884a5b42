/** Shared fixtures of the LSA Monte Carlo tests (lsaError.test.ts, lsaLiteral.test.ts). */
import type { Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import type { Stream } from '../../src/random/stream';
import type { PromptDistribution } from '../../src/icl/distribution';
import type { LsaParams } from '../../src/lsa/params';

export function randomMat(n: number, m: number, rng: Stream, sd = 1): Mat {
  return Array.from({ length: n }, () => Array.from({ length: m }, () => sd * rng.normal()));
}

/** θ with every entry random (so the blocks outside Lemma 5.2's reduced view matter). */
export function randomParams(d: number, rng: Stream, sd: number): LsaParams {
  return { wpv: randomMat(d + 1, d + 1, rng, sd), wkq: randomMat(d + 1, d + 1, rng, sd) };
}

export function shiftedDistribution(d: number, rng: Stream, noiseStd: number): PromptDistribution {
  return {
    d,
    promptCov: drawCovariance('rotated', d, rng.child('prompt'), { kappa: 5 }),
    queryCov: drawCovariance('wishart', d, rng.child('query')),
    taskCov: drawCovariance('diagonal', d, rng.child('task'), { kappa: 3 }),
    noiseStd,
  };
}
