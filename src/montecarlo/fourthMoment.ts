/**
 * Entrywise Monte Carlo estimates, with simultaneous (Bonferroni) intervals over the d² entries, of the
 * Gaussian fourth moments of claim C01: E[x xᵀ A x xᵀ] for x ~ N(0, Λ), and E[S A S] for
 * S = (1/N) Σ_{i≤N} x_i x_iᵀ.
 *
 * E[S A S] has two paths: **direct** draws x_1…x_N and forms S; **fast** draws N·S ~ Wishart_d(Λ, N) as
 * L T Tᵀ Lᵀ (L the Cholesky factor of Λ, T the Bartlett factor: d χ² and d(d−1)/2 normal draws instead of
 * N·d; for N < d the Gram matrix of an N×d normal matrix).
 */
import { covarianceProblem, refuse } from '../validate';
import { cholesky, type Mat } from '../linalg/matrix';
import type { Stream } from '../random/stream';
import { ziggurat } from '../random/ziggurat';
import { resolveOptions, runChunks, type MonteCarloOptions, type MonteCarloResult } from './estimate';
import { flat } from '../linalg/factor';
import { BartlettFactor } from './wishart';
import type { SamplingMethod } from './lsaSampler';

/** Entrywise estimates assembled as matrices. */
export interface MatrixEstimateResult extends MonteCarloResult {
  method: SamplingMethod;
  /** Estimated matrix (entry means). */
  mean: Mat;
  /** Lower and upper ends of the simultaneous intervals. */
  lower: Mat;
  upper: Mat;
  /** Standard errors. */
  standardError: Mat;
}

/** Options of the fourth-moment estimators. */
export interface FourthMomentOptions extends MonteCarloOptions {
  /** Sampling path for E[S A S] (default 'fast'); E[x xᵀ A x xᵀ] has only the direct path. */
  method?: SamplingMethod;
}

function checkInputs(lambda: Mat, a: Mat): number {
  const problem = covarianceProblem(lambda);
  if (problem) refuse('lambda', problem);
  const d = lambda.length;
  const ok = Array.isArray(a) && a.length === d && a.every((row) => Array.isArray(row) && row.length === d && row.every(Number.isFinite));
  if (!ok) throw new RangeError(`a must be a ${d}×${d} matrix of finite numbers`);
  return d;
}

function entryNames(label: string, d: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) names.push(`${label}[${i}][${j}]`);
  return names;
}

function assemble(run: MonteCarloResult, d: number, method: SamplingMethod): MatrixEstimateResult {
  const pick = (f: (k: number) => number): Mat => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => f(i * d + j)));
  const e = run.estimates;
  return {
    ...run,
    method,
    mean: pick((k) => e[k].estimate),
    lower: pick((k) => e[k].ci[0]),
    upper: pick((k) => e[k].ci[1]),
    standardError: pick((k) => e[k].standardError),
  };
}

/** out (d×d, row-major at `off`) = M A M for symmetric M (row-major), using `tmp` (d×d). */
function sandwich(mm: Float64Array, a: Float64Array, d: number, tmp: Float64Array, out: Float64Array, off: number): void {
  // tmp = M A
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += mm[i * d + k] * a[k * d + j];
      tmp[i * d + j] = s;
    }
  // out = tmp M
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += tmp[i * d + k] * mm[k * d + j];
      out[off + i * d + j] = s;
    }
}

/**
 * E[x xᵀ A x xᵀ] for x ~ N(0, Λ), entrywise, with simultaneous intervals over the d² entries. A sample is
 * (xᵀ A x) x xᵀ with x = L z. Default stream: `stream(seed).child('fourth-moment')`.
 */
export function estimateFourthMoment(lambda: Mat, a: Mat, options: MonteCarloOptions = {}): MatrixEstimateResult {
  const d = checkInputs(lambda, a);
  const opts = resolveOptions(options, 'fourth-moment');
  const z = ziggurat(opts.rng);
  const L = flat(cholesky(lambda));
  const af = flat(a);
  const zz = new Float64Array(d);
  const x = new Float64Array(d);
  const dd = d * d;
  const run = runChunks(
    {
      names: entryNames('E[xxᵀAxxᵀ]', d),
      fill(count, out) {
        for (let b = 0; b < count; b++) {
          z.fill(zz, 0, d);
          for (let i = 0; i < d; i++) {
            let s = 0;
            for (let k = 0; k <= i; k++) s += L[i * d + k] * zz[k];
            x[i] = s;
          }
          let q = 0;
          for (let i = 0; i < d; i++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += af[i * d + k] * x[k];
            q += x[i] * s;
          }
          const off = b * dd;
          for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[off + i * d + j] = q * x[i] * x[j];
        }
      },
    },
    opts.rng,
    opts,
  );
  return assemble(run, d, 'direct');
}

/**
 * E[S A S] for S = (1/N) Σ_{i≤N} x_i x_iᵀ, x_i i.i.d. N(0, Λ), entrywise with simultaneous intervals.
 * Default stream: `stream(seed).child('sample-fourth-moment-<method>')`.
 */
export function estimateSampleFourthMoment(lambda: Mat, a: Mat, n: number, options: FourthMomentOptions = {}): MatrixEstimateResult {
  const d = checkInputs(lambda, a);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${n}`);
  const method = options.method ?? 'fast';
  if (method !== 'direct' && method !== 'fast') throw new RangeError(`method must be 'direct' or 'fast', got ${String(method)}`);
  const opts = resolveOptions(options, `sample-fourth-moment-${method}`);
  const run = runChunks(sampleFourthMomentSampler(lambda, a, n, method, opts.rng), opts.rng, opts);
  return assemble(run, d, method);
}

function sampleFourthMomentSampler(lambda: Mat, a: Mat, n: number, method: SamplingMethod, rng: Stream) {
  const d = lambda.length;
  const dd = d * d;
  const z = ziggurat(rng);
  const L = flat(cholesky(lambda));
  const af = flat(a);
  const s = new Float64Array(dd);
  const tmp = new Float64Array(dd);
  const zz = new Float64Array(d);
  const x = new Float64Array(d);
  const t = new Float64Array(dd);
  const bart = new BartlettFactor(d, n);
  return {
    names: entryNames('E[SAS]', d),
    fill(count: number, out: Float64Array): void {
      for (let b = 0; b < count; b++) {
        if (method === 'direct') {
          s.fill(0);
          for (let r = 0; r < n; r++) {
            z.fill(zz, 0, d);
            for (let i = 0; i < d; i++) {
              let v = 0;
              for (let k = 0; k <= i; k++) v += L[i * d + k] * zz[k];
              x[i] = v;
            }
            for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) s[i * d + j] += x[i] * x[j];
          }
        } else {
          // P = L T (lower triangular times the Bartlett factor), N·S = P Pᵀ.
          bart.draw(z, t);
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) {
              let v = 0;
              for (let k = 0; k <= i; k++) v += L[i * d + k] * t[k * d + j];
              tmp[i * d + j] = v;
            }
          for (let i = 0; i < d; i++)
            for (let j = 0; j <= i; j++) {
              let v = 0;
              for (let k = 0; k < d; k++) v += tmp[i * d + k] * tmp[j * d + k];
              s[i * d + j] = v;
            }
        }
        for (let i = 0; i < d; i++)
          for (let j = 0; j <= i; j++) {
            const v = s[i * d + j] / n;
            s[i * d + j] = v;
            s[j * d + i] = v;
          }
        sandwich(s, af, d, tmp, out, b * dd);
      }
    },
  };
}
