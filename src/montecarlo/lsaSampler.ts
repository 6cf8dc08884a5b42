/**
 * Samplers of (ŷ, ⟨w, x_q⟩) for the full LSA predictor on test prompts of length M, along two paths.
 *
 * With r the last row of W^PV (r = (r_x; r_y)), k = W^KQ (x_q; 0) = (k_x; k_y) and the columns
 * e_i = (x_i; y_i), e_q = (x_q; 0) of the embedding, the prediction is
 *
 *   ŷ = (1/M) [ Σ_{i≤M} (r·e_i)(k·e_i) + (r_x·x_q)(k_x·x_q) ].                                   (★)
 *
 * **direct** draws every prompt: w = L_w ω, x_q = L_q z_q, x_i = L z_i, y_i = ⟨w, x_i⟩ + σ ε_i (L, L_q,
 * L_w Cholesky factors of the prompt, query and task covariances), and evaluates (★) example by example.
 * It never forms x_i: r·e_i = (Lᵀr_x)·z_i + r_y y_i and ⟨w, x_i⟩ = (Lᵀw)·z_i, so an example costs three
 * length-d dot products (the literal O(M d²) product L z_i is avoidable).
 *
 * **fast** samples only what (★) uses. With y_i = ⟨w, x_i⟩ + σ ε_i, r·e_i = a·x_i + r_y σ ε_i and
 * k·e_i = b·x_i + k_y σ ε_i where a = r_x + r_y w, b = k_x + k_y w. Given (w, x_q), the M rows
 * (a·x_i, b·x_i, σ ε_i) are i.i.d. N(0, Σ₃) with Σ₃ = [[aᵀΛa, aᵀΛb, 0], [aᵀΛb, bᵀΛb, 0], [0, 0, σ²]], so
 * the sum in (★) is G₀₁ + k_y G₀₂ + r_y G₁₂ + r_y k_y G₂₂ for the 3×3 Gram matrix G ~ Wishart₃(Σ₃, M)
 * (2×2 when σ = 0), drawn by the Bartlett decomposition: 3 (or 2) χ² and 3 (or 1) normal draws per prompt
 * instead of M·(d+1). The work is done in the eigenbasis of the prompt covariance Λ′ = Q D Qᵀ (rotating
 * x, w, the parameters and the other covariances by Q leaves ŷ and ⟨w, x_q⟩ unchanged), where aᵀΛ′a is
 * a weighted sum of squares; a covariance or W^KQ block that is diagonal there costs O(d), so at the
 * paper's training distribution with V = Γ⁻¹ (which commutes with Λ) a prompt costs O(d).
 *
 * The arithmetic is done by the `mcDirectFill` / `mcFastFill` kernels (src/kernels) on blocks of prompts;
 * the samplers here make the draws, prompt by prompt in a fixed order, from the one stream they are given
 * and hand them to the kernel, so the draws (and the results) are the same on every backend.
 */
import type { Mat } from '../linalg/matrix';
import { resolveDistribution, type PromptDistribution } from '../icl/distribution';
import type { PromptBatch } from '../icl/prompts';
import type { LsaParams } from '../lsa/params';
import type { Ziggurat } from '../random/ziggurat';
import { BartlettFactor } from './wishart';
import { ChiSquare } from './gamma';
import { eigenFrame, operator } from './dense';
import { applyFactor, applyFactorT, factor } from '../linalg/factor';
import { McDirectFill, McFastFill, getKernel, type DirectDraws, type DirectPlan, type FastDraws, type FastPlan, type KernelSignatures } from '../kernels';

/** Prompts per kernel call: the direct path's draws of one block stay in the L2 cache (16·M·d doubles). */
const DIRECT_BLOCK = 16;
const FAST_BLOCK = 256;

/** The two sampling paths. */
export type SamplingMethod = 'direct' | 'fast';

/** Draws (ŷ, ⟨w, x_q⟩) for `count` prompts. */
export interface LsaSampler {
  readonly method: SamplingMethod;
  readonly d: number;
  readonly m: number;
  /**
   * Draw `count` prompts: `yhat[k]` the prediction, `target[k]` = ⟨w, x_q⟩. `record` (direct path only)
   * receives the prompts themselves (x_i, y_i, x_q, ⟨w,x_q⟩, w), in its slots recordAt…recordAt+count−1, so
   * they can be re-evaluated elsewhere.
   */
  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch, recordAt?: number): void;
}

/** Check that θ = (W^PV, W^KQ) are (d+1)×(d+1) matrices of finite numbers. */
export function validateParams(params: LsaParams, d: number): void {
  for (const key of ['wpv', 'wkq'] as const) {
    const m = params[key];
    const ok = Array.isArray(m) && m.length === d + 1 && m.every((row) => Array.isArray(row) && row.length === d + 1 && row.every(Number.isFinite));
    if (!ok) throw new RangeError(`params.${key} must be a ${d + 1}×${d + 1} matrix of finite numbers (d = ${d})`);
  }
}

/** Check that V is a d×d matrix of finite numbers. */
export function validateV(v: Mat, d: number): void {
  const ok = Array.isArray(v) && v.length === d && v.every((row) => Array.isArray(row) && row.length === d && row.every(Number.isFinite));
  if (!ok) throw new RangeError(`v must be a ${d}×${d} matrix of finite numbers`);
}

/** The full parameters of the reduced predictor ŷ = (1/M) Σ y_i x_iᵀ V x_q: W^PV = [[0,0],[0,1]], W^KQ = [[V,0],[0,0]]. */
export function paramsOfV(v: Mat): LsaParams {
  const d = v.length;
  const wpv = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
  const wkq = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
  wpv[d][d] = 1;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = v[i][j];
  return { wpv, wkq };
}

interface Blocks {
  rx: number[];
  ry: number;
  k11: Mat;
  ky: number[];
}

function blocks({ wpv, wkq }: LsaParams, d: number): Blocks {
  return {
    rx: wpv[d].slice(0, d),
    ry: wpv[d][d],
    k11: wkq.slice(0, d).map((row) => row.slice(0, d)),
    ky: wkq[d].slice(0, d),
  };
}

/** The direct path: every x_i, y_i, x_q, w drawn; (★) evaluated example by example. */
class DirectSampler implements LsaSampler {
  readonly method = 'direct' as const;
  readonly d: number;
  readonly m: number;
  private readonly plan: DirectPlan;
  private readonly draws: DirectDraws;
  private readonly kernel: KernelSignatures['mcDirectFill'];
  private readonly yb = new Float64Array(DIRECT_BLOCK);
  private readonly tb = new Float64Array(DIRECT_BLOCK);

  constructor(dist: PromptDistribution, m: number, params: LsaParams, backend?: string) {
    const r = resolveDistribution(dist);
    const d = r.d;
    validateParams(params, d);
    this.d = d;
    this.m = m;
    const b = blocks(params, d);
    const l = factor(r.promptCov);
    const rx = Float64Array.from(b.rx);
    const rp = new Float64Array(d);
    applyFactorT(l, rx, rp);
    const k = operator(b.k11);
    this.plan = {
      d,
      m,
      l,
      lq: factor(r.queryCov),
      lw: factor(r.taskCov),
      k,
      rp,
      ky: Float64Array.from(b.ky),
      rx,
      ry: b.ry,
      sigma: r.noiseStd,
      hasQueryTerm: b.rx.some((x) => x !== 0) && !k.zero,
      rxZero: b.rx.every((x) => x === 0),
    };
    const n = DIRECT_BLOCK;
    this.draws = {
      omega: new Float64Array(n * d),
      zq: new Float64Array(n * d),
      zs: new Float64Array(n * m * d),
      eps: new Float64Array(n * m),
      w: new Float64Array(n * d),
      xq: new Float64Array(n * d),
    };
    this.kernel = getKernel(McDirectFill, backend);
  }

  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch, recordAt = 0): void {
    const { d, m, draws, yb, tb } = this;
    const md = m * d;
    const noisy = this.plan.sigma > 0;
    for (let done = 0; done < count; ) {
      const n = Math.min(DIRECT_BLOCK, count - done);
      // prompt by prompt: ω, z_q, the M examples' z_i, then ε (the draw order of one prompt)
      for (let b = 0; b < n; b++) {
        z.fill(draws.omega, b * d, d);
        z.fill(draws.zq, b * d, d);
        z.fill(draws.zs, b * md, md);
        if (noisy) z.fill(draws.eps, b * m, m);
      }
      this.kernel(this.plan, draws, n, yb, tb);
      yhat.set(yb.subarray(0, n), done);
      target.set(tb.subarray(0, n), done);
      if (record) for (let b = 0; b < n; b++) this.record(record, recordAt + done + b, b, tb[b]);
      done += n;
    }
  }

  /** Write prompt b of the block just drawn into slot `slot` of `batch` (x_i = L z_i formed only here). */
  private record(batch: PromptBatch, slot: number, b: number, wq: number): void {
    const { d, m, draws } = this;
    const { zs, eps, w, xq } = draws;
    const sigma = this.plan.sigma;
    const x = new Float64Array(d);
    for (let i = 0; i < m; i++) {
      applyFactor(this.plan.l, zs, (b * m + i) * d, x, 0);
      let y = 0;
      for (let j = 0; j < d; j++) {
        batch.xs[(slot * m + i) * d + j] = x[j];
        y += w[b * d + j] * x[j];
      }
      batch.ys[slot * m + i] = sigma > 0 ? y + sigma * eps[b * m + i] : y;
    }
    batch.xq.set(xq.subarray(b * d, (b + 1) * d), slot * d);
    batch.w.set(w.subarray(b * d, (b + 1) * d), slot * d);
    batch.yq[slot] = wq;
  }
}

/** The fast path: (w, x_q) drawn, the prompt entering only through a 2×2 or 3×3 Wishart (Bartlett) draw. */
class FastSampler implements LsaSampler {
  readonly method = 'fast' as const;
  readonly d: number;
  readonly m: number;
  private readonly plan: FastPlan;
  private readonly draws: FastDraws;
  private readonly kernel: KernelSignatures['mcFastFill'];
  private readonly bart: BartlettFactor;
  private readonly chiM: ChiSquare;
  private readonly t: Float64Array;
  private readonly chi = new Float64Array(2 * FAST_BLOCK);

  constructor(dist: PromptDistribution, m: number, params: LsaParams, backend?: string) {
    const r = resolveDistribution(dist);
    const d = r.d;
    validateParams(params, d);
    this.d = d;
    this.m = m;
    const frame = eigenFrame(r.promptCov);
    const b = blocks(params, d);
    const k = operator(frame.rotate(b.k11));
    const sigma = r.noiseStd;
    this.plan = {
      d,
      m,
      s: Float64Array.from(frame.values, (v) => Math.sqrt(Math.max(v, 0))),
      lq: factor(frame.rotate(r.queryCov)),
      lw: factor(frame.rotate(r.taskCov)),
      k,
      ky: Float64Array.from(frame.rotateVector(b.ky)),
      rx: Float64Array.from(frame.rotateVector(b.rx)),
      ry: b.ry,
      sigma,
      hasQueryTerm: b.rx.some((x) => x !== 0) && !k.zero,
      hasKy: b.ky.some((x) => x !== 0),
    };
    const kk = sigma > 0 ? 3 : 2;
    this.bart = new BartlettFactor(kk, m);
    this.chiM = new ChiSquare(m);
    this.t = new Float64Array(kk * kk);
    this.draws = { omega: new Float64Array(FAST_BLOCK * d), zq: new Float64Array(FAST_BLOCK * d), wishart: new Float64Array(FAST_BLOCK * (sigma > 0 ? 9 : 2)) };
    this.kernel = getKernel(McFastFill, backend);
  }

  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch): void {
    if (record) throw new RangeError('the fast path draws no prompts to record; use method "direct"');
    const { d, draws, t } = this;
    const noisy = this.plan.sigma > 0;
    const { omega, zq, wishart } = draws;
    const chi = this.chi;
    for (let done = 0; done < count; ) {
      const n = Math.min(FAST_BLOCK, count - done);
      // the block's ω, then its z_q, then its Wishart draws (in bulk: one fill per kind of draw)
      z.fill(omega, 0, n * d);
      z.fill(zq, 0, n * d);
      if (!noisy) {
        // Only G01 enters ŷ. With the 2×2 Bartlett factor T = [[t00, 0], [t10, t11]] and P = C T,
        // G01 = c00 t00 (c10 t00 + c11 t10): t11 (χ²_{M−1}) never enters, so it is not drawn, and the
        // formula holds for every M ≥ 1 (for M = 1, (t00, t10) ~ (|g0|, g1) gives G01's law, g1 being symmetric).
        this.chiM.fill(z, chi, 0, n);
        z.fill(chi, n, n);
        for (let b = 0; b < n; b++) {
          wishart[2 * b] = Math.sqrt(chi[b]);
          wishart[2 * b + 1] = chi[n + b];
        }
      } else
        for (let b = 0; b < n; b++) {
          this.bart.draw(z, t);
          wishart.set(t, 9 * b);
        }
      this.kernel(this.plan, draws, n, done === 0 ? yhat : yhat.subarray(done), done === 0 ? target : target.subarray(done));
      done += n;
    }
  }
}

/** A sampler of (ŷ, ⟨w, x_q⟩) for the full LSA with parameters `params` on prompts of length `m` from `dist` (kernels of `backend`, default the active one). */
export function lsaSampler(dist: PromptDistribution, m: number, params: LsaParams, method: SamplingMethod, backend?: string): LsaSampler {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`prompt length m must be an integer ≥ 1, got ${m}`);
  if (method === 'direct') return new DirectSampler(dist, m, params, backend);
  if (method === 'fast') return new FastSampler(dist, m, params, backend);
  throw new RangeError(`method must be 'direct' or 'fast', got ${String(method)}`);
}
