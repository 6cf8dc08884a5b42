/**
 * Covariance families. Each family draws a symmetric positive definite d×d matrix reproducibly from a
 * stream; families with a condition-number knob (`kappa`) hit it exactly (up to rounding).
 * Normalization: unless a family says otherwise, the mean eigenvalue is 1 (tr Λ = d).
 */
import { refuse } from '../validate/errors';
import { diag, identity, matmul, transpose, scale, symmetrize, trace, type Mat } from '../linalg/matrix';
import { randomRotation } from './rotation';
import type { Stream } from './stream';

/** Names of the covariance families, as written on the command line. */
export const COVARIANCE_FAMILIES = ['identity', 'scaled', 'diagonal', 'rotated', 'spiked', 'wishart', 'exp-diag'] as const;
/** A covariance family name. */
export type CovarianceFamily = (typeof COVARIANCE_FAMILIES)[number];

/** Options of {@link drawCovariance}. */
export interface CovarianceOptions {
  /** Condition number for `diagonal`, `rotated`, `spiked` (default 10). Must be ≥ 1. */
  kappa?: number;
  /** Scale c for `scaled` and `exp-diag` (default: `scaled` draws c log-uniform in [0.1, 10]; `exp-diag` uses 1). */
  scale?: number;
  /** Eigenvalues for `diagonal` (overrides kappa) and `rotated`. */
  spectrum?: readonly number[];
  /** Degrees of freedom n ≥ d of `wishart` (default 2d + 2). */
  dof?: number;
}

/** True when `name` is a covariance family name. */
export function isCovarianceFamily(name: string): name is CovarianceFamily {
  return (COVARIANCE_FAMILIES as readonly string[]).includes(name);
}

/**
 * A spectrum of d eigenvalues with condition number exactly kappa: the extremes are fixed at the ends of
 * the range, the rest log-uniform between them; normalized to mean 1, in random order.
 */
export function spectrumWithCondition(d: number, kappa: number, rng: Stream): number[] {
  if (!(kappa >= 1) || !Number.isFinite(kappa)) throw new RangeError(`kappa must be a finite number ≥ 1, got ${kappa}`);
  const logs: number[] = [];
  for (let i = 0; i < d; i++) {
    if (i === 0) logs.push(0);
    else if (i === 1) logs.push(Math.log(kappa));
    else logs.push(rng.uniform() * Math.log(kappa));
  }
  const vals = logs.map(Math.exp);
  const mean = vals.reduce((a, b) => a + b, 0) / d;
  const out = vals.map((v) => v / mean);
  // random order so the large eigenvalue is not always first
  for (let i = d - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function rotate(spectrum: readonly number[], rng: Stream): Mat {
  const q = randomRotation(spectrum.length, rng);
  return symmetrize(matmul(matmul(q, diag(spectrum)), transpose(q)));
}

/** Largest d that {@link drawCovariance} accepts. */
export const MAX_COVARIANCE_D = 4096;

/** Draw a d×d covariance from a family. Deterministic in (family, d, options, stream state). */
export function drawCovariance(family: CovarianceFamily, d: number, rng: Stream, options: CovarianceOptions = {}): Mat {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be an integer ≥ 1, got ${d}`);
  if (d > MAX_COVARIANCE_D) refuse('d', `must be at most ${MAX_COVARIANCE_D} (a covariance is a dense d×d matrix drawn in O(d³) work), got ${d}`);
  if (!isCovarianceFamily(family)) refuse('family', `must be one of ${COVARIANCE_FAMILIES.join(', ')}, got ${String(family)}`);
  const kappa = options.kappa ?? 10;
  switch (family) {
    case 'identity':
      return identity(d);
    case 'scaled': {
      const c = options.scale ?? Math.exp(rng.uniformIn(Math.log(0.1), Math.log(10)));
      return scale(identity(d), c);
    }
    case 'diagonal':
      return diag(options.spectrum ? [...options.spectrum] : spectrumWithCondition(d, kappa, rng));
    case 'rotated':
      return rotate(options.spectrum ?? spectrumWithCondition(d, kappa, rng), rng);
    case 'spiked': {
      // I + (kappa − 1) v vᵀ for a random unit v, normalized to mean eigenvalue 1: condition number kappa.
      const v = Array.from({ length: d }, () => rng.normal());
      const nv = Math.hypot(...v) || 1;
      const u = v.map((x) => x / nv);
      const m = identity(d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i][j] += (kappa - 1) * u[i] * u[j];
      return scale(m, d / (d - 1 + kappa));
    }
    case 'wishart': {
      const n = options.dof ?? 2 * d + 2;
      if (!Number.isInteger(n) || n < d) throw new RangeError(`wishart dof must be an integer ≥ d = ${d}, got ${n}`);
      const g: Mat = Array.from({ length: d }, () => Array.from({ length: n }, () => rng.normal()));
      const w = symmetrize(matmul(g, transpose(g)));
      return scale(w, d / trace(w));
    }
    case 'exp-diag': {
      const c = options.scale ?? 1;
      return diag(Array.from({ length: d }, () => c * rng.exponential()));
    }
  }
}
