/**
 * The random instances a user's formula is evaluated on: dimension, prompt lengths, covariance, and the
 * initialization and shift inputs some quantities need. Every draw comes from one seeded stream; the
 * first instances are the smallest sizes (d = 1, N = M = 1, …) so a wrong formula is caught at a case
 * small enough to read.
 */
import { add, identity, matmul, scale, symmetricEigen, transpose, type Mat } from '../linalg/matrix';
import { COVARIANCE_FAMILIES, drawCovariance } from '../random/covariance';
import { stream, type Stream } from '../random/stream';
import { randomTheta } from '../lsa/init';
import { firstPrinciplesGamma } from './truth';

/** One instance: the values the formula's variables take. */
export interface Instance {
  /** Index among the instances drawn from the seed (replays with the same seed). */
  index: number;
  d: number;
  N: number;
  M: number;
  Lambda: Mat;
  /** Condition number of Λ (as drawn). */
  kappa: number;
  /** Assumption 3.3's initialization scale σ: a random fraction (10–90 %) of the bound σ² < 2/(√d ‖Γ‖_op), set by the caller (drawn per instance). */
  sigma: number;
  /** Assumption 3.3's Θ, ‖ΘΘᵀ‖_F = 1 (the PL constant only). */
  Theta: Mat;
  /** Test-prompt covariance Λ′ (covariate shift). */
  LambdaTest: Mat;
  /** The scale c of a scaled covariate shift, Λ′ = c²Λ (only in the 'scale' shift mode; NaN otherwise). */
  c: number;
  /** Second moment of the test task E[wwᵀ] (I unless random tasks are asked for). */
  SigmaW: Mat;
}

/** How shifted test covariances are drawn: `general` (any SPD Λ′) or `scale` (Λ′ = c²Λ, spec C13). */
export type ShiftMode = 'general' | 'scale';

/** Options of {@link drawInstances}. */
export interface InstanceOptions {
  seed: number;
  count: number;
  shift?: ShiftMode;
  /** Draw the test task's second moment Σ_w as a random PSD matrix instead of I. */
  randomTask?: boolean;
  /** Largest d drawn (default 6). */
  maxD?: number;
}

/** Sizes of the first, smallest instances (d, N, M), before the random ones. */
const SMALL: ReadonlyArray<[number, number, number]> = [
  [1, 1, 1],
  [1, 2, 1],
  [1, 1, 3],
  [2, 1, 1],
  [2, 3, 2],
  [3, 2, 5],
];

function logUniformInt(rng: Stream, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(Math.exp(Math.log(lo) + rng.uniform() * (Math.log(hi + 1) - Math.log(lo))))));
}


/** Draw `count` instances from `seed` (the same seed gives the same instances). */
export function drawInstances(opts: InstanceOptions, kappaOf: (m: Mat) => number): Instance[] {
  const root = stream(opts.seed).child('check');
  const maxD = opts.maxD ?? 6;
  const out: Instance[] = [];
  for (let k = 0; k < opts.count; k++) {
    const rng = root.child(`instance-${k}`);
    const small = SMALL[k];
    const d = small ? Math.min(small[0], maxD) : 1 + Math.floor(rng.uniform() * maxD);
    const N = small ? small[1] : logUniformInt(rng, 1, 200);
    const M = small ? small[2] : logUniformInt(rng, 1, 200);
    const family = COVARIANCE_FAMILIES.filter((f) => f !== 'exp-diag')[Math.floor(rng.uniform() * 6)];
    const kappaTarget = Math.exp(rng.uniform() * Math.log(100));
    const Lambda = drawCovariance(family, d, rng.child('lambda'), { kappa: kappaTarget });
    const Theta = randomTheta(d, rng.child('theta'));
    let c = NaN;
    let LambdaTest: Mat;
    if (opts.shift === 'scale') {
      c = 0.25 + 2.75 * rng.uniform();
      LambdaTest = scale(Lambda, c * c);
    } else {
      const testFamily = COVARIANCE_FAMILIES.filter((f) => f !== 'exp-diag')[Math.floor(rng.uniform() * 6)];
      LambdaTest = drawCovariance(testFamily, d, rng.child('lambda-test'), { kappa: Math.exp(rng.uniform() * Math.log(100)) });
    }
    let SigmaW = identity(d);
    if (opts.randomTask) {
      const g = rng.child('task');
      const b: Mat = Array.from({ length: d }, () => Array.from({ length: d }, () => g.normal()));
      SigmaW = add(scale(matmul(b, transpose(b)), 1 / d), scale(identity(d), 0.1));
    }
    const gammaOp = Math.max(...symmetricEigen(firstPrinciplesGamma(Lambda, N)).values);
    const sigma = Math.sqrt((0.1 + 0.8 * rng.uniform()) * (2 / (Math.sqrt(d) * gammaOp)));
    out.push({ index: k, d, N, M, Lambda, kappa: kappaOf(Lambda), sigma, Theta, LambdaTest, c, SigmaW });
  }
  return out;
}
