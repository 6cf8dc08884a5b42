/**
 * A trained baseline as one value: which model (the LSA layer or a GPT-2 size), its sizes, and its
 * parameters by name; prediction at every x position for GPT-2, at the query for the LSA.
 */
import { tf } from './tf';
import { gpt2Forward, gpt2ParamShapes, GPT2_SIZES, type GeluForm, type Gpt2Config, type Params } from './gpt2';
import { lsaForward } from './lsa';

/** The models `train` knows. */
export const MODEL_KINDS = ['lsa', 'tiny', 'small', 'standard'] as const;
/** A model kind. */
export type ModelKind = (typeof MODEL_KINDS)[number];

/** A model and its parameters (TF.js tensors on the current backend). */
export type NnModel =
  | { kind: 'gpt2'; config: Gpt2Config; params: Params }
  | { kind: 'lsa'; d: number; params: Params };

/** GPT-2 sizes for a kind and token dimension; nPositions pairs. */
export function gpt2ConfigFor(kind: Exclude<ModelKind, 'lsa'>, d: number, nPositions: number): Gpt2Config {
  return { nDims: d, nPositions, ...GPT2_SIZES[kind] };
}

/** Parameter names and shapes of a model, in a fixed order (the optimizer's). */
export function paramShapes(m: NnModel): Array<[string, number[]]> {
  if (m.kind === 'gpt2') return gpt2ParamShapes(m.config);
  return [
    ['W_KQ', [m.d + 1, m.d + 1]],
    ['W_PV', [m.d + 1, m.d + 1]],
  ];
}

/** Token dimension d of a model. */
export function modelDim(m: NnModel): number {
  return m.kind === 'gpt2' ? m.config.nDims : m.d;
}

/**
 * Predictions with 0 … M−1 in-context examples for prompts of M pairs: xs [B, M, d], ys [B, M] → [B, M]
 * (entry m predicts ys[m] from the pairs before it). For the LSA, entry m is its query prediction on the
 * prompt of the first m pairs with x_m as the query (entry 0, with no examples, is 0). GPT-2's GELU is
 * computed in `geluForm` (training: 'tanh', the default; evaluation: 'sigmoid', faster, the same function).
 */
export function predictAll(m: NnModel, xs: tf.Tensor, ys: tf.Tensor, geluForm: GeluForm = 'tanh'): tf.Tensor {
  if (m.kind === 'gpt2') return gpt2Forward(m.params, m.config, xs, ys, geluForm);
  const [B, M, d] = xs.shape;
  const cols: tf.Tensor[] = [tf.zeros([B, 1])];
  for (let k = 1; k < M; k++) {
    const ctxX = tf.slice(xs, [0, 0, 0], [B, k, d]);
    const ctxY = tf.slice(ys, [0, 0], [B, k]);
    const q = tf.reshape(tf.slice(xs, [0, k, 0], [B, 1, d]), [B, d]);
    cols.push(tf.reshape(lsaForward(m.params, ctxX, ctxY, q), [B, 1]));
  }
  return tf.concat(cols, 1);
}

/** Free a model's tensors. */
export function disposeModel(m: NnModel): void {
  for (const t of m.params.values()) t.dispose();
}
