/**
 * GPT-2 as Garg et al.'s `TransformerModel` (github.com/dtsip/in-context-learning, src/models.py) uses it,
 * written from the architecture in TF.js: a read-in linear layer from d-dimensional tokens (x, and y in the
 * first coordinate, zero-padded) to the embedding; x and y interleaved as separate tokens; learned absolute
 * positions; pre-LayerNorm blocks (causal softmax attention, MLP 4× with GELU's tanh approximation,
 * `gelu_new` in HF's GPT2Config); a final LayerNorm; a read-out to a scalar, read at the x positions.
 * Dropout is 0 (as Garg sets it). Parameters carry Garg's state_dict names and PyTorch's layouts:
 * nn.Linear weights are [out, in] (y = x Wᵀ + b), HF Conv1D weights are [in, out] (y = x W + b).
 */
import { tf } from './tf';
import type { Stream } from '../../random/stream';
import { ziggurat } from '../../random/ziggurat';

/** The sizes of a GPT-2 model, with Garg's names. */
export interface Gpt2Config {
  /** Token dimension d. */
  nDims: number;
  /** Number of (x, y) pairs a prompt may hold; the position table has 2·nPositions rows. */
  nPositions: number;
  nEmbd: number;
  nLayer: number;
  nHead: number;
}

/** Garg's named sizes (embedding / layers / heads). */
export const GPT2_SIZES = {
  tiny: { nEmbd: 64, nLayer: 3, nHead: 2 },
  small: { nEmbd: 128, nLayer: 6, nHead: 4 },
  standard: { nEmbd: 256, nLayer: 12, nHead: 8 },
} as const;
/** A named size. */
export type Gpt2Size = keyof typeof GPT2_SIZES;

/** Parameters by state_dict name. */
export type Params = Map<string, tf.Tensor>;

/** Name and shape of every parameter, in state_dict order. */
export function gpt2ParamShapes(c: Gpt2Config): Array<[string, number[]]> {
  const E = c.nEmbd;
  const out: Array<[string, number[]]> = [
    ['_read_in.weight', [E, c.nDims]],
    ['_read_in.bias', [E]],
    ['_backbone.wpe.weight', [2 * c.nPositions, E]],
  ];
  for (let i = 0; i < c.nLayer; i++) {
    const p = `_backbone.h.${i}.`;
    out.push(
      [p + 'ln_1.weight', [E]],
      [p + 'ln_1.bias', [E]],
      [p + 'attn.c_attn.weight', [E, 3 * E]],
      [p + 'attn.c_attn.bias', [3 * E]],
      [p + 'attn.c_proj.weight', [E, E]],
      [p + 'attn.c_proj.bias', [E]],
      [p + 'ln_2.weight', [E]],
      [p + 'ln_2.bias', [E]],
      [p + 'mlp.c_fc.weight', [E, 4 * E]],
      [p + 'mlp.c_fc.bias', [4 * E]],
      [p + 'mlp.c_proj.weight', [4 * E, E]],
      [p + 'mlp.c_proj.bias', [E]],
    );
  }
  out.push(['_backbone.ln_f.weight', [E]], ['_backbone.ln_f.bias', [E]], ['_read_out.weight', [1, E]], ['_read_out.bias', [1]]);
  return out;
}

/** Check a configuration; returns a problem in words or null. */
export function gpt2ConfigProblem(c: Gpt2Config): string | null {
  for (const k of ['nDims', 'nPositions', 'nEmbd', 'nLayer', 'nHead'] as const)
    if (!Number.isSafeInteger(c[k]) || c[k] < 1) return `${k} must be a positive integer, got ${c[k]}`;
  if (c.nEmbd % c.nHead !== 0) return `nEmbd (${c.nEmbd}) must be a multiple of nHead (${c.nHead})`;
  return null;
}

/**
 * How weights start. 'fan-in': linear weights N(0, 1/fan_in), c_proj weights further divided by √(2·layers)
 * as GPT-2 does; 'gpt2': HF GPT-2's N(0, 0.02²) and 0.02/√(2·layers) for c_proj. Both: positions
 * N(0, positionStd²) (GPT-2: 0.02), LayerNorm 1 and 0, biases 0. (GPT-2's own init stayed at the trivial loss for 150 s of
 * CPU training here; fan-in trained: shared/notes/stack.md.)
 */
export type Gpt2Init = 'fan-in' | 'gpt2';

/** Fresh parameters drawn from `rng`. */
export function initGpt2(c: Gpt2Config, rng: Stream, init: Gpt2Init = 'fan-in', positionStd = 0.02): Params {
  const z = ziggurat(rng);
  const params: Params = new Map();
  const resid = 1 / Math.sqrt(2 * c.nLayer);
  for (const [name, shape] of gpt2ParamShapes(c)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (/ln_\w+\.weight$/.test(name)) data.fill(1);
    else if (name.endsWith('.weight')) {
      // fan-in: nn.Linear is [out, in] (fan-in = shape[1]); Conv1D is [in, out] (fan-in = shape[0]).
      const fanIn = name.startsWith('_read') ? shape[1] : shape[0];
      let std = name === '_backbone.wpe.weight' ? positionStd : init === 'fan-in' ? 1 / Math.sqrt(fanIn) : 0.02;
      if (name.endsWith('c_proj.weight')) std *= resid;
      const tmp = new Float64Array(n);
      z.fill(tmp);
      for (let i = 0; i < n; i++) data[i] = tmp[i] * std;
    }
    params.set(name, tf.tensor(data, shape));
  }
  return params;
}

function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), g), b);
}

const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * How GELU (tanh approximation, GPT-2's gelu_new: ½x(1 + tanh z), z = √(2/π)(x + 0.044715x³)) is
 * computed: 'tanh' as written (training uses it, so a checkpoint retrains bit for bit), or 'sigmoid' as
 * x·σ(2z) — the same function, since ½(1 + tanh z) = σ(2z), without the cancellation in 1 + tanh z for
 * z ≪ 0; TF.js's wasm backend computes sigmoid about 10× faster than tanh (tanh was a third of an
 * evaluation's forward pass). The two differ by float32 rounding only.
 */
export type GeluForm = 'tanh' | 'sigmoid';

function gelu(x: tf.Tensor, form: GeluForm): tf.Tensor {
  if (form === 'sigmoid') return tf.mul(x, tf.sigmoid(tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), 2 * GELU_C)));
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), GELU_C);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

const masks = new Map<string, tf.Tensor>();
/** Additive causal mask [T, T]: 0 on and below the diagonal, −1e9 above (exp underflows to exactly 0). */
function causalMask(T: number): tf.Tensor {
  const key = `${tf.getBackend()}:${T}`;
  let m = masks.get(key);
  if (!m) {
    const a = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) a[i * T + j] = -1e9;
    m = tf.keep(tf.tensor(a, [T, T]));
    masks.set(key, m);
  }
  return m;
}

/** Interleave x and y tokens: [B, M, d] and [B, M] → [B·2M, d], y in the first coordinate. */
export function combineTokens(xs: tf.Tensor, ys: tf.Tensor): tf.Tensor {
  const [B, M, d] = xs.shape;
  const y1 = tf.reshape(ys, [B, M, 1]);
  const yw = d > 1 ? tf.concat([y1, tf.zeros([B, M, d - 1])], 2) : y1;
  return tf.reshape(tf.stack([xs, yw], 2), [B * 2 * M, d]);
}

/**
 * Predictions at every x position: xs [B, M, d], ys [B, M] → [B, M]; entry m uses the pairs before it
 * (causal attention), so it is the prediction with m in-context examples. `geluForm`: see {@link GeluForm}.
 */
export function gpt2Forward(p: Params, c: Gpt2Config, xs: tf.Tensor, ys: tf.Tensor, geluForm: GeluForm = 'tanh'): tf.Tensor {
  const [B, M, d] = xs.shape;
  if (d !== c.nDims) throw new RangeError(`tokens have dimension ${d}, the model ${c.nDims}`);
  if (M > c.nPositions) throw new RangeError(`a prompt of ${M} pairs exceeds the model's ${c.nPositions} positions`);
  const T = 2 * M;
  const E = c.nEmbd;
  const H = c.nHead;
  const hd = E / H;
  const w = (n: string): tf.Tensor => {
    const t = p.get(n);
    if (!t) throw new Error(`missing parameter ${n}`);
    return t;
  };
  const z = combineTokens(xs, ys);
  let h = tf.add(tf.matMul(z, tf.transpose(w('_read_in.weight'))), w('_read_in.bias'));
  h = tf.reshape(tf.add(tf.reshape(h, [B, T, E]), tf.slice(w('_backbone.wpe.weight'), [0, 0], [T, E])), [B * T, E]);
  const mask = causalMask(T);
  const scale = 1 / Math.sqrt(hd);
  for (let i = 0; i < c.nLayer; i++) {
    const q = `_backbone.h.${i}.`;
    const a = layerNorm(h, w(q + 'ln_1.weight'), w(q + 'ln_1.bias'));
    const qkv = tf.add(tf.matMul(a, w(q + 'attn.c_attn.weight')), w(q + 'attn.c_attn.bias'));
    // Split, then one 4-D transpose per part (a 5-D transpose is ~100× slower on wasm).
    const [qh, kh, vh] = tf.split(qkv, 3, 1).map((t) => tf.reshape(tf.transpose(tf.reshape(t, [B, T, H, hd]), [0, 2, 1, 3]), [B * H, T, hd]));
    const scores = tf.add(tf.mul(tf.matMul(qh, tf.transpose(kh, [0, 2, 1])), scale), mask);
    const att = tf.matMul(tf.softmax(scores), vh); // [B·H, T, hd]
    const merged = tf.reshape(tf.transpose(tf.reshape(att, [B, H, T, hd]), [0, 2, 1, 3]), [B * T, E]);
    h = tf.add(h, tf.add(tf.matMul(merged, w(q + 'attn.c_proj.weight')), w(q + 'attn.c_proj.bias')));
    const a2 = layerNorm(h, w(q + 'ln_2.weight'), w(q + 'ln_2.bias'));
    const f = gelu(tf.add(tf.matMul(a2, w(q + 'mlp.c_fc.weight')), w(q + 'mlp.c_fc.bias')), geluForm);
    h = tf.add(h, tf.add(tf.matMul(f, w(q + 'mlp.c_proj.weight')), w(q + 'mlp.c_proj.bias')));
  }
  h = layerNorm(h, w('_backbone.ln_f.weight'), w('_backbone.ln_f.bias'));
  const out = tf.add(tf.matMul(h, tf.transpose(w('_read_out.weight'))), w('_read_out.bias')); // [B·T, 1]
  return tf.reshape(tf.slice(tf.reshape(out, [B, M, 2]), [0, 0, 0], [B, M, 1]), [B, M]);
}

/** Floating-point operations of one forward pass (multiply-adds counted as 2), for GFLOP/s figures. */
export function gpt2ForwardFlops(c: Gpt2Config, B: number, M: number): number {
  const T = 2 * M;
  const E = c.nEmbd;
  const perLayer = 2 * B * T * E * (3 * E + E + 8 * E) + 2 * 2 * B * T * T * E;
  return c.nLayer * perLayer + 2 * B * T * E * (c.nDims + 1);
}
