/**
 * Checkpoints of trained baselines in safetensors, under the parameter names of Garg et al.'s PyTorch
 * `TransformerModel` state_dict, float32 little-endian, with the configuration (n_dims, n_positions,
 * n_embd, n_layer, n_head) in the file's metadata. A model saved by their code with
 * `safetensors.torch.save_file(model.state_dict(), path)` loads here unchanged (the unused token table
 * `_backbone.wte.weight` and HF's causal-mask buffers `attn.bias`/`attn.masked_bias` are ignored), and
 * ours load there with `model.load_state_dict(load_file(path), strict=False)` (the missing keys are
 * exactly those). Converting their `.pt` state files:
 *   sd = torch.load("state.pt", map_location="cpu")["model_state_dict"]
 *   safetensors.torch.save_file({k: v.contiguous() for k, v in sd.items()}, "model.safetensors", {"n_head": "8"})
 * The LSA is saved as `W_PV` and `W_KQ`, each [(d+1), (d+1)], with metadata model = "lsa", n_dims.
 */
import { tf } from './nn/tf';
import { gpt2ConfigProblem, gpt2ParamShapes, GPT2_SIZES, type Gpt2Config } from './nn/gpt2';
import { paramShapes, type NnModel } from './nn/model';
import { readSafetensors, writeSafetensors, type NamedTensor } from './safetensors';

/** Tensors of Garg's state_dict that this model does not use. */
const IGNORED = [/^_backbone\.wte\.weight$/, /\.attn\.bias$/, /\.attn\.masked_bias$/];

/** Copy tensors to host memory as named float32 arrays. */
export async function tensorsToHost(params: Map<string, tf.Tensor>): Promise<Map<string, NamedTensor>> {
  const out = new Map<string, NamedTensor>();
  for (const [name, t] of params) out.set(name, { shape: t.shape.slice(), data: new Float32Array(await t.data()) });
  return out;
}

/** The safetensors metadata of a model. */
export function modelMetadata(m: NnModel): Record<string, string> {
  if (m.kind === 'lsa') return { model: 'lsa', n_dims: String(m.d) };
  const c = m.config;
  return {
    model: 'gpt2',
    n_dims: String(c.nDims),
    n_positions: String(c.nPositions),
    n_embd: String(c.nEmbd),
    n_layer: String(c.nLayer),
    n_head: String(c.nHead),
  };
}

/** Save a model's weights (and extra string metadata) to a safetensors file, atomically. */
export async function saveModel(path: string, m: NnModel, extra: Record<string, string> = {}): Promise<void> {
  writeSafetensors(path, await tensorsToHost(m.params), { ...extra, ...modelMetadata(m), format: 'pt' });
}

function intMeta(meta: Record<string, string>, key: string): number | undefined {
  const v = meta[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`checkpoint metadata ${key} must be a positive integer, got '${v}'`);
  return n;
}

/** A model from safetensors tensors and metadata (config from the metadata, else from the shapes). */
export function modelFromTensors(tensors: Map<string, NamedTensor>, meta: Record<string, string>): NnModel {
  const names = [...tensors.keys()].filter((n) => !IGNORED.some((r) => r.test(n)));
  let model: NnModel;
  if (meta.model === 'lsa' || (tensors.has('W_PV') && tensors.has('W_KQ'))) {
    const pv = tensors.get('W_PV');
    if (!pv || pv.shape.length !== 2 || pv.shape[0] !== pv.shape[1]) throw new Error('checkpoint: an LSA needs square W_PV and W_KQ');
    model = { kind: 'lsa', d: pv.shape[0] - 1, params: new Map() };
  } else {
    const readIn = tensors.get('_read_in.weight');
    const wpe = tensors.get('_backbone.wpe.weight');
    if (!readIn || !wpe) throw new Error('checkpoint: neither an LSA (W_PV, W_KQ) nor a GPT-2 (_read_in.weight, _backbone.wpe.weight) state_dict');
    const nEmbd = intMeta(meta, 'n_embd') ?? readIn.shape[0];
    const layers = new Set(names.map((n) => /^_backbone\.h\.(\d+)\./.exec(n)?.[1]).filter((x) => x !== undefined));
    const known = Object.values(GPT2_SIZES).find((s) => s.nEmbd === nEmbd);
    const nHead = intMeta(meta, 'n_head') ?? known?.nHead;
    if (nHead === undefined) throw new Error(`checkpoint: n_head is not in the metadata and n_embd ${nEmbd} is none of Garg's sizes; add metadata n_head`);
    const config: Gpt2Config = {
      nDims: intMeta(meta, 'n_dims') ?? readIn.shape[1],
      nPositions: intMeta(meta, 'n_positions') ?? Math.floor(wpe.shape[0] / 2),
      nEmbd,
      nLayer: intMeta(meta, 'n_layer') ?? layers.size,
      nHead,
    };
    const problem = gpt2ConfigProblem(config);
    if (problem) throw new Error(`checkpoint: ${problem}`);
    model = { kind: 'gpt2', config, params: new Map() };
  }
  const shapes = model.kind === 'gpt2' ? gpt2ParamShapes(model.config) : paramShapes(model);
  const expected = new Set(shapes.map(([n]) => n));
  const extra = names.filter((n) => !expected.has(n));
  if (extra.length > 0) throw new Error(`checkpoint: unexpected tensors ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ' …' : ''}`);
  for (const [name, shape] of shapes) {
    const t = tensors.get(name);
    if (!t) throw new Error(`checkpoint: tensor ${name} is missing`);
    if (t.shape.join() !== shape.join()) throw new Error(`checkpoint: tensor ${name} has shape [${t.shape}], expected [${shape}]`);
    model.params.set(name, tf.tensor(t.data, shape));
  }
  return model;
}

/** Load a model from a safetensors file. */
export function loadModel(path: string): { model: NnModel; metadata: Record<string, string> } {
  const { tensors, metadata } = readSafetensors(path);
  return { model: modelFromTensors(tensors, metadata), metadata };
}
