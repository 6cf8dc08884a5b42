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
 */
import type { Mat } from '../linalg/matrix';
import { resolveDistribution, type PromptDistribution } from '../icl/distribution';
import type { PromptBatch } from '../icl/prompts';
import type { LsaParams } from '../lsa/params';
import type { Ziggurat } from '../random/ziggurat';
import { BartlettFactor } from './wishart';
import { ChiSquare } from './gamma';
import { applyOperator, eigenFrame, operator, type Operator } from './dense';
import { applyFactor, applyFactorT, factor, type Factor } from '../linalg/factor';

/** The two sampling paths. */
export type SamplingMethod = 'direct' | 'fast';

/** Draws (ŷ, ⟨w, x_q⟩) for `count` prompts. */
export interface LsaSampler {
  readonly method: SamplingMethod;
  readonly d: number;
  readonly m: number;
  /**
   * Draw `count` prompts: `yhat[k]` the prediction, `target[k]` = ⟨w, x_q⟩. `record` (direct path only)
   * receives the prompts themselves (x_i, y_i, x_q, ⟨w,x_q⟩, w) so they can be re-evaluated elsewhere.
   */
  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch): void;
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
  private readonly L: Factor;
  private readonly Lq: Factor;
  private readonly Lw: Factor;
  private readonly K: Operator;
  private readonly kyv: Float64Array;
  private readonly rxv: Float64Array;
  private readonly rp: Float64Array; // Lᵀ r_x
  private readonly ry: number;
  private readonly sigma: number;
  private readonly hasQueryTerm: boolean;
  private readonly rxZero: boolean;
  private readonly omega: Float64Array;
  private readonly zq: Float64Array;
  private readonly w: Float64Array;
  private readonly xq: Float64Array;
  private readonly wp: Float64Array;
  private readonly kx: Float64Array;
  private readonly kp: Float64Array;
  private readonly zs: Float64Array;
  private readonly eps: Float64Array;

  constructor(dist: PromptDistribution, m: number, params: LsaParams) {
    const r = resolveDistribution(dist);
    const d = r.d;
    validateParams(params, d);
    this.d = d;
    this.m = m;
    this.L = factor(r.promptCov);
    this.Lq = factor(r.queryCov);
    this.Lw = factor(r.taskCov);
    const b = blocks(params, d);
    this.K = operator(b.k11);
    this.kyv = Float64Array.from(b.ky);
    this.rxv = Float64Array.from(b.rx);
    this.rp = new Float64Array(d);
    applyFactorT(this.L, this.rxv, this.rp);
    this.ry = b.ry;
    this.sigma = r.noiseStd;
    this.hasQueryTerm = b.rx.some((x) => x !== 0) && !this.K.zero;
    this.rxZero = b.rx.every((x) => x === 0);
    this.omega = new Float64Array(d);
    this.zq = new Float64Array(d);
    this.w = new Float64Array(d);
    this.xq = new Float64Array(d);
    this.wp = new Float64Array(d);
    this.kx = new Float64Array(d);
    this.kp = new Float64Array(d);
    this.zs = new Float64Array(m * d);
    this.eps = new Float64Array(m);
  }

  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch): void {
    const { d, m, omega, zq, w, xq, wp, kx, kp, zs, eps, rp, kyv, rxv, ry, sigma } = this;
    const md = m * d;
    for (let b = 0; b < count; b++) {
      z.fill(omega, 0, d);
      applyFactor(this.Lw, omega, 0, w, 0);
      z.fill(zq, 0, d);
      applyFactor(this.Lq, zq, 0, xq, 0);
      z.fill(zs, 0, md);
      if (sigma > 0) z.fill(eps, 0, m);
      applyFactorT(this.L, w, wp);
      applyOperator(this.K, xq, kx);
      applyFactorT(this.L, kx, kp);
      let ky = 0;
      let wq = 0;
      for (let j = 0; j < d; j++) {
        ky += kyv[j] * xq[j];
        wq += w[j] * xq[j];
      }
      // Examples are taken two at a time (each coefficient loaded once for both), which is ~2× faster in V8.
      let acc = 0;
      let i = 0;
      if (this.rxZero) {
        // r·e_i = r_y y_i: two dot products per example (the reduced model and Assumption 3.3's W^PV).
        for (let off = 0; i + 1 < m; i += 2, off += 2 * d) {
          let y0 = 0;
          let c0 = 0;
          let y1 = 0;
          let c1 = 0;
          const off1 = off + d;
          for (let j = 0; j < d; j++) {
            const wj = wp[j];
            const kj = kp[j];
            const z0 = zs[off + j];
            const z1 = zs[off1 + j];
            y0 += wj * z0;
            c0 += kj * z0;
            y1 += wj * z1;
            c1 += kj * z1;
          }
          if (sigma > 0) {
            y0 += sigma * eps[i];
            y1 += sigma * eps[i + 1];
          }
          acc += ry * (y0 * (c0 + ky * y0) + y1 * (c1 + ky * y1));
        }
      } else {
        for (let off = 0; i + 1 < m; i += 2, off += 2 * d) {
          let y0 = 0;
          let p0 = 0;
          let c0 = 0;
          let y1 = 0;
          let p1 = 0;
          let c1 = 0;
          const off1 = off + d;
          for (let j = 0; j < d; j++) {
            const wj = wp[j];
            const rj = rp[j];
            const kj = kp[j];
            const z0 = zs[off + j];
            const z1 = zs[off1 + j];
            y0 += wj * z0;
            p0 += rj * z0;
            c0 += kj * z0;
            y1 += wj * z1;
            p1 += rj * z1;
            c1 += kj * z1;
          }
          if (sigma > 0) {
            y0 += sigma * eps[i];
            y1 += sigma * eps[i + 1];
          }
          acc += (p0 + ry * y0) * (c0 + ky * y0) + (p1 + ry * y1) * (c1 + ky * y1);
        }
      }
      for (let off = i * d; i < m; i++, off += d) {
        // the last example when M is odd (all three products; r_p is 0 when r_x is)
        let yw = 0;
        let pr = 0;
        let ck = 0;
        for (let j = 0; j < d; j++) {
          const zj = zs[off + j];
          yw += wp[j] * zj;
          pr += rp[j] * zj;
          ck += kp[j] * zj;
        }
        const y = sigma > 0 ? yw + sigma * eps[i] : yw;
        acc += (pr + ry * y) * (ck + ky * y);
      }
      if (this.hasQueryTerm) {
        let rq = 0;
        let kq = 0;
        for (let j = 0; j < d; j++) {
          rq += rxv[j] * xq[j];
          kq += kx[j] * xq[j];
        }
        acc += rq * kq;
      }
      yhat[b] = acc / m;
      target[b] = wq;
      if (record) this.record(record, b, wq);
    }
  }

  /** Write the prompt just drawn into slot b of `batch` (x_i = L z_i formed only here). */
  private record(batch: PromptBatch, b: number, wq: number): void {
    const { d, m, zs, eps, w, xq, sigma } = this;
    const x = new Float64Array(d);
    for (let i = 0; i < m; i++) {
      applyFactor(this.L, zs, i * d, x, 0);
      let y = 0;
      for (let j = 0; j < d; j++) {
        batch.xs[(b * m + i) * d + j] = x[j];
        y += w[j] * x[j];
      }
      batch.ys[b * m + i] = sigma > 0 ? y + sigma * eps[i] : y;
    }
    batch.xq.set(xq, b * d);
    batch.w.set(w, b * d);
    batch.yq[b] = wq;
  }
}

/** The fast path: (w, x_q) drawn, the prompt entering only through a 2×2 or 3×3 Wishart (Bartlett) draw. */
class FastSampler implements LsaSampler {
  readonly method = 'fast' as const;
  readonly d: number;
  readonly m: number;
  private readonly s: Float64Array; // √ eigenvalues of Λ′
  private readonly Lq: Factor;
  private readonly Lw: Factor;
  private readonly K: Operator;
  private readonly kyv: Float64Array;
  private readonly rxv: Float64Array;
  private readonly ry: number;
  private readonly sigma: number;
  private readonly hasQueryTerm: boolean;
  private readonly hasKy: boolean;
  private readonly bart: BartlettFactor;
  private readonly chiM: ChiSquare;
  private readonly t: Float64Array;
  private readonly omega: Float64Array;
  private readonly zq: Float64Array;
  private readonly w: Float64Array;
  private readonly xq: Float64Array;
  private readonly kx: Float64Array;

  constructor(dist: PromptDistribution, m: number, params: LsaParams) {
    const r = resolveDistribution(dist);
    const d = r.d;
    validateParams(params, d);
    this.d = d;
    this.m = m;
    const frame = eigenFrame(r.promptCov);
    this.s = Float64Array.from(frame.values, (v) => Math.sqrt(Math.max(v, 0)));
    this.Lq = factor(frame.rotate(r.queryCov));
    this.Lw = factor(frame.rotate(r.taskCov));
    const b = blocks(params, d);
    this.K = operator(frame.rotate(b.k11));
    this.kyv = Float64Array.from(frame.rotateVector(b.ky));
    this.rxv = Float64Array.from(frame.rotateVector(b.rx));
    this.ry = b.ry;
    this.sigma = r.noiseStd;
    this.hasQueryTerm = b.rx.some((x) => x !== 0) && !this.K.zero;
    this.hasKy = b.ky.some((x) => x !== 0);
    const k = this.sigma > 0 ? 3 : 2;
    this.bart = new BartlettFactor(k, m);
    this.chiM = new ChiSquare(m);
    this.t = new Float64Array(k * k);
    this.omega = new Float64Array(d);
    this.zq = new Float64Array(d);
    this.w = new Float64Array(d);
    this.xq = new Float64Array(d);
    this.kx = new Float64Array(d);
  }

  fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array, record?: PromptBatch): void {
    if (record) throw new RangeError('the fast path draws no prompts to record; use method "direct"');
    const { d, m, s, omega, zq, w, xq, kx, kyv, rxv, ry, sigma, t } = this;
    const noisy = sigma > 0;
    for (let b = 0; b < count; b++) {
      z.fill(omega, 0, d);
      applyFactor(this.Lw, omega, 0, w, 0);
      z.fill(zq, 0, d);
      applyFactor(this.Lq, zq, 0, xq, 0);
      applyOperator(this.K, xq, kx);
      let ky = 0;
      if (this.hasKy) for (let j = 0; j < d; j++) ky += kyv[j] * xq[j];
      // a = s∘(r_x + r_y w), b = s∘(k_x + k_y w): Gram entries aᵀΛ′a, aᵀΛ′b, bᵀΛ′b in the eigenbasis.
      let aa = 0;
      let ab = 0;
      let bb = 0;
      let wq = 0;
      for (let j = 0; j < d; j++) {
        const sj = s[j];
        const wj = w[j];
        const aj = sj * (rxv[j] + ry * wj);
        const bj = sj * (kx[j] + ky * wj);
        aa += aj * aj;
        ab += aj * bj;
        bb += bj * bj;
        wq += wj * xq[j];
      }
      // Cholesky of the 2×2 block [[aa, ab], [ab, bb]] (semidefinite-safe).
      let c00 = 0;
      let c10 = 0;
      let c11 = 0;
      if (aa > 0) {
        c00 = Math.sqrt(aa);
        c10 = ab / c00;
        c11 = Math.sqrt(Math.max(bb - c10 * c10, 0));
      } else c11 = Math.sqrt(bb);
      let sum: number;
      if (!noisy) {
        // Only G01 enters ŷ. With the 2×2 Bartlett factor T = [[t00, 0], [t10, t11]] and P = C T,
        // G01 = c00 t00 (c10 t00 + c11 t10): t11 (χ²_{M−1}) never enters, so it is not drawn, and the
        // formula holds for every M ≥ 1 (for M = 1, (t00, t10) ~ (|g0|, g1) gives G01's law, g1 being symmetric).
        const t00 = Math.sqrt(this.chiM.draw(z));
        const t10 = z.next();
        sum = c00 * t00 * (c10 * t00 + c11 * t10);
      } else {
        this.bart.draw(z, t);
        // rows of P = C T with C = [[c00,0,0],[c10,c11,0],[0,0,σ]]
        let g01 = 0;
        let g02 = 0;
        let g12 = 0;
        let g22 = 0;
        for (let j = 0; j < 3; j++) {
          const p0 = c00 * t[j];
          const p1 = c10 * t[j] + c11 * t[3 + j];
          const p2 = sigma * t[6 + j];
          g01 += p0 * p1;
          g02 += p0 * p2;
          g12 += p1 * p2;
          g22 += p2 * p2;
        }
        sum = g01 + ky * g02 + ry * g12 + ry * ky * g22;
      }
      if (this.hasQueryTerm) {
        let rq = 0;
        let kq = 0;
        for (let j = 0; j < d; j++) {
          rq += rxv[j] * xq[j];
          kq += kx[j] * xq[j];
        }
        sum += rq * kq;
      }
      yhat[b] = sum / m;
      target[b] = wq;
    }
  }
}

/** A sampler of (ŷ, ⟨w, x_q⟩) for the full LSA with parameters `params` on prompts of length `m` from `dist`. */
export function lsaSampler(dist: PromptDistribution, m: number, params: LsaParams, method: SamplingMethod): LsaSampler {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`prompt length m must be an integer ≥ 1, got ${m}`);
  if (method === 'direct') return new DirectSampler(dist, m, params);
  if (method === 'fast') return new FastSampler(dist, m, params);
  throw new RangeError(`method must be 'direct' or 'fast', got ${String(method)}`);
}
