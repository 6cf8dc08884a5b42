/**
 * The full linear self-attention layer (spec §1, eq. 3.3) in TF.js: all 2(d+1)² entries of W^PV and W^KQ
 * are parameters; ŷ is entry (d+1, M+1) of f(E) = E + W^PV E (Eᵀ W^KQ E)/M for a prompt of M examples.
 * Because the query's label slot is 0, ŷ = (last row of W^PV) · E · (Eᵀ W^KQ e_q) / M.
 */
import { tf } from './tf';
import type { Stream } from '../../random/stream';

/** The LSA's parameters, by name: 'W_PV' and 'W_KQ', each [(d+1), (d+1)]. */
export type LsaTensors = Map<string, tf.Tensor>;

/** Assumption 3.3's start: W^PV = σ e_{d+1}e_{d+1}ᵀ, W^KQ = σ [[ΘΘᵀ, 0], [0, 0]], Θ with ‖ΘΘᵀ‖_F = 1. */
export function initLsaAssumption33(d: number, sigma: number, rng: Stream): LsaTensors {
  const D = d + 1;
  const theta = Array.from({ length: d * d }, () => rng.normal());
  const tt = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) tt[i * d + j] += theta[i * d + k] * theta[j * d + k];
  const fro = Math.sqrt(tt.reduce((s, v) => s + v * v, 0));
  const kq = new Float32Array(D * D);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) kq[i * D + j] = (sigma * tt[i * d + j]) / fro;
  const pv = new Float32Array(D * D);
  pv[D * D - 1] = sigma;
  return new Map([
    ['W_PV', tf.tensor(pv, [D, D])],
    ['W_KQ', tf.tensor(kq, [D, D])],
  ]);
}

/** A random start: every entry N(0, scale²). */
export function initLsaRandom(d: number, scale: number, rng: Stream): LsaTensors {
  const D = d + 1;
  const draw = (): tf.Tensor => tf.tensor(Float32Array.from({ length: D * D }, () => scale * rng.normal()), [D, D]);
  return new Map([
    ['W_PV', draw()],
    ['W_KQ', draw()],
  ]);
}

/** Query predictions: xs [B, M, d], ys [B, M], xq [B, d] → [B]. */
export function lsaForward(p: LsaTensors, xs: tf.Tensor, ys: tf.Tensor, xq: tf.Tensor): tf.Tensor {
  const [B, M, d] = xs.shape;
  const pv = p.get('W_PV')!;
  const kq = p.get('W_KQ')!;
  const ctx = tf.concat([xs, tf.reshape(ys, [B, M, 1])], 2); // [B, M, D] (columns of E as rows)
  const zq = tf.concat([xq, tf.zeros([B, 1])], 1); // [B, D]
  const cols = tf.concat([ctx, tf.reshape(zq, [B, 1, d + 1])], 1); // [B, M+1, D]
  const k = tf.matMul(zq, tf.transpose(kq)); // (W^KQ z_q) as rows: [B, D]
  const s = tf.matMul(cols, tf.reshape(k, [B, d + 1, 1])); // [B, M+1, 1]
  const t = tf.matMul(tf.transpose(cols, [0, 2, 1]), s); // [B, D, 1]
  const last = tf.slice(pv, [d, 0], [1, d + 1]); // [1, D]
  return tf.div(tf.reshape(tf.matMul(tf.reshape(t, [B, d + 1]), tf.transpose(last)), [B]), M);
}
