"""An independent forward pass of Garg et al.'s TransformerModel (GPT-2 backbone, HF's GPT2Model with
gelu_new, pre-LayerNorm, eps 1e-5, causal softmax attention scaled by 1/sqrt(head_dim)), written from the
architecture in NumPy (float64), reading a safetensors file with struct/json only.

usage: python3 gpt2Reference.py MODEL.safetensors PROMPTS.json OUT.json
"""
import json, struct, sys
import numpy as np

def load(path):
    raw = open(path, 'rb').read()
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop('__metadata__', {})
    base = 8 + n
    out = {}
    for name, e in header.items():
        assert e['dtype'] == 'F32', e['dtype']
        a, b = e['data_offsets']
        out[name] = np.frombuffer(raw[base + a:base + b], dtype='<f4').reshape(e['shape']).astype(np.float64)
    return out, meta

def layer_norm(x, g, b, eps=1e-5):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b

def gelu_new(x):
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))

def forward(W, meta, xs, ys):
    n_head = int(meta['n_head'])
    B, M, d = xs.shape
    # _combine: x tokens and (y, 0, ..., 0) tokens interleaved
    yw = np.zeros((B, M, d)); yw[:, :, 0] = ys
    zs = np.stack([xs, yw], axis=2).reshape(B, 2 * M, d)
    h = zs @ W['_read_in.weight'].T + W['_read_in.bias']              # nn.Linear: [out, in]
    T = 2 * M
    h = h + W['_backbone.wpe.weight'][:T]
    E = h.shape[-1]; hd = E // n_head
    layers = sorted({int(k.split('.')[2]) for k in W if k.startswith('_backbone.h.')})
    causal = np.tril(np.ones((T, T), dtype=bool))
    for i in layers:
        p = f'_backbone.h.{i}.'
        a = layer_norm(h, W[p + 'ln_1.weight'], W[p + 'ln_1.bias'])
        qkv = a @ W[p + 'attn.c_attn.weight'] + W[p + 'attn.c_attn.bias']   # Conv1D: [in, out]
        q, k, v = np.split(qkv, 3, axis=-1)
        heads = lambda t: t.reshape(B, T, n_head, hd).transpose(0, 2, 1, 3)
        q, k, v = heads(q), heads(k), heads(v)
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd)
        s = np.where(causal, s, -np.inf)
        s = s - s.max(-1, keepdims=True)
        pr = np.exp(s); pr = pr / pr.sum(-1, keepdims=True)
        o = (pr @ v).transpose(0, 2, 1, 3).reshape(B, T, E)
        h = h + o @ W[p + 'attn.c_proj.weight'] + W[p + 'attn.c_proj.bias']
        a2 = layer_norm(h, W[p + 'ln_2.weight'], W[p + 'ln_2.bias'])
        f = gelu_new(a2 @ W[p + 'mlp.c_fc.weight'] + W[p + 'mlp.c_fc.bias'])
        h = h + f @ W[p + 'mlp.c_proj.weight'] + W[p + 'mlp.c_proj.bias']
    h = layer_norm(h, W['_backbone.ln_f.weight'], W['_backbone.ln_f.bias'])
    pred = h @ W['_read_out.weight'].T + W['_read_out.bias']
    return pred[:, ::2, 0]                                              # predictions at the x positions

W, meta = load(sys.argv[1])
P = json.load(open(sys.argv[2]))
out = forward(W, meta, np.array(P['xs'], dtype=np.float64), np.array(P['ys'], dtype=np.float64))
json.dump({'predictions': out.tolist()}, open(sys.argv[3], 'w'))
