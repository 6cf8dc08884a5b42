"""PyTorch CPU side of the training-speed comparison: the same GPT-2 (Garg's TransformerModel, written
from the architecture: pre-LN, causal softmax attention, gelu tanh, MLP 4x) and the same Adam step as
src/baselines/train.ts, timed on CPU. Run with Debian's interpreter, which has python3-torch:

  /usr/bin/python3 scripts/compare/torch_gpt2_step.py EMBD LAYERS HEADS D PAIRS BATCH STEPS THREADS

Prints one JSON line: seconds per step (wall and process CPU) after 3 warm-up steps.
"""
import json, math, sys, time
import torch
import torch.nn as nn

E, L, H, D, M, B, STEPS, THREADS = map(int, sys.argv[1:9])
torch.set_num_threads(THREADS)
torch.manual_seed(0)

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(E, eps=1e-5), nn.LayerNorm(E, eps=1e-5)
        self.c_attn, self.c_proj = nn.Linear(E, 3 * E), nn.Linear(E, E)
        self.c_fc, self.mlp_proj = nn.Linear(E, 4 * E), nn.Linear(4 * E, E)
    def forward(self, h, mask):
        Bs, T, _ = h.shape
        q, k, v = self.c_attn(self.ln_1(h)).split(E, dim=2)
        sh = lambda t: t.view(Bs, T, H, E // H).transpose(1, 2)
        q, k, v = sh(q), sh(k), sh(v)
        s = (q @ k.transpose(-1, -2)) / math.sqrt(E // H) + mask
        o = (s.softmax(-1) @ v).transpose(1, 2).reshape(Bs, T, E)
        h = h + self.c_proj(o)
        f = self.c_fc(self.ln_2(h))
        f = 0.5 * f * (1 + torch.tanh(math.sqrt(2 / math.pi) * (f + 0.044715 * f ** 3)))
        return h + self.mlp_proj(f)

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.read_in, self.read_out = nn.Linear(D, E), nn.Linear(E, 1)
        self.wpe = nn.Parameter(torch.randn(2 * M, E) * 0.02)
        self.blocks = nn.ModuleList([Block() for _ in range(L)])
        self.ln_f = nn.LayerNorm(E, eps=1e-5)
    def forward(self, xs, ys):
        yw = torch.cat([ys.unsqueeze(-1), torch.zeros(B, M, D - 1)], dim=2)
        z = torch.stack([xs, yw], dim=2).view(B, 2 * M, D)
        h = self.read_in(z) + self.wpe[: 2 * M]
        T = 2 * M
        mask = torch.triu(torch.full((T, T), -1e9), diagonal=1)
        for b in self.blocks:
            h = b(h, mask)
        return self.read_out(self.ln_f(h))[:, ::2, 0]

model = Model()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
def step():
    xs = torch.randn(B, M, D); w = torch.randn(B, D, 1); ys = (xs @ w)[:, :, 0]
    opt.zero_grad(); loss = ((model(xs, ys) - ys) ** 2).mean(); loss.backward(); opt.step()
    return loss.item()
for _ in range(3): step()
t0, c0 = time.perf_counter(), time.process_time()
for _ in range(STEPS): step()
print(json.dumps({"torch": torch.__version__, "threads": THREADS, "wall_s_per_step": (time.perf_counter() - t0) / STEPS, "cpu_s_per_step": (time.process_time() - c0) / STEPS}))
