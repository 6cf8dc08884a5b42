/**
 * The LSA forward pass f(E; θ) = E + W^PV · E · (Eᵀ W^KQ E) / n (spec §1), n the number of labeled
 * columns, and its read-out ŷ = f(E; θ)[d+1, n+1]. `forward` is the literal matrix formula; `predictFull`
 * computes the same entry in O(n d + d²) for Monte Carlo loops; `predictReduced` is the reduced model.
 */
import { add, matmul, scale, transpose, type Mat } from '../linalg/matrix';
import type { PromptBatch } from '../icl/prompts';
import type { LsaParams } from './params';

/** f(E; θ), the full (d+1)×(n+1) output, by the literal formula. */
export function forward(e: Mat, { wpv, wkq }: LsaParams): Mat {
  const n = e[0].length - 1;
  const attn = matmul(matmul(transpose(e), wkq), e); // (n+1)×(n+1)
  return add(e, scale(matmul(matmul(wpv, e), attn), 1 / n));
}

/** ŷ: entry (d+1, n+1) of f(E; θ). */
export function readout(e: Mat, params: LsaParams): number {
  const out = forward(e, params);
  return out[out.length - 1][out[0].length - 1];
}

/**
 * ŷ for prompt b of a batch, with every entry of W^PV and W^KQ, without forming f:
 * ŷ = (1/n) · p ᵀ Eᵀ W^KQ e_q, p = (last row of W^PV) · E, e_q = (x_q; 0).
 */
export function predictFull(batch: PromptBatch, b: number, { wpv, wkq }: LsaParams, scratch?: Float64Array): number {
  const { d, length: n, xs, ys, xq } = batch;
  const r = wpv[d];
  // k = W^KQ e_q, length d+1 (e_q's last entry is 0)
  const k = scratch && scratch.length >= d + 1 ? scratch : new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) {
    let s = 0;
    const row = wkq[i];
    for (let j = 0; j < d; j++) s += row[j] * xq[b * d + j];
    k[i] = s;
  }
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const off = (b * n + i) * d;
    const y = ys[b * n + i];
    let p = r[d] * y; // (last row of W^PV) · column i of E
    let c = k[d] * y; // column i of E · k
    for (let j = 0; j < d; j++) {
      const x = xs[off + j];
      p += r[j] * x;
      c += x * k[j];
    }
    acc += p * c;
  }
  // the query column: p_q = r · (x_q; 0), c_q = (x_q; 0) · k
  let pq = 0;
  let cq = 0;
  for (let j = 0; j < d; j++) {
    const x = xq[b * d + j];
    pq += r[j] * x;
    cq += x * k[j];
  }
  acc += pq * cq;
  return acc / n;
}

/** ŷ = sᵀ V x_q with s = (1/n) Σ y_i x_i: the reduced model's prediction for prompt b (V = uU). */
export function predictReduced(batch: PromptBatch, b: number, v: Mat, scratch?: Float64Array): number {
  const { d, length: n, xs, ys, xq } = batch;
  const s = scratch && scratch.length >= d ? scratch : new Float64Array(d);
  s.fill(0, 0, d);
  for (let i = 0; i < n; i++) {
    const y = ys[b * n + i];
    const off = (b * n + i) * d;
    for (let j = 0; j < d; j++) s[j] += y * xs[off + j];
  }
  let out = 0;
  for (let i = 0; i < d; i++) {
    let t = 0;
    const vi = v[i];
    for (let j = 0; j < d; j++) t += vi[j] * xq[b * d + j];
    out += s[i] * t;
  }
  return out / n;
}
