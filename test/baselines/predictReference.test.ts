/**
 * `icl-audit predict` against an independent forward pass: a NumPy implementation of Garg et al.'s GPT-2
 * model written from the architecture (test/baselines/gpt2Reference.py, float64, its own safetensors
 * reader), on a checkpoint whose every entry (biases and LayerNorm parameters included) is random, so
 * that each path of the network matters. Tolerance: float32 forward pass vs float64; the error is a few
 * ulps per op over ~10 sequential ops per layer with O(1) activations, so |Δ| ≤ 1e-4·(1 + |ŷ|) leaves
 * ~100× margin above what float32 rounding gives (~1e-6), while a wrong layout, scale, mask or
 * activation changes predictions by O(0.1–1).
 */
import { describe, expect, it, vi, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { gpt2ParamShapes } from '../../src/baselines/nn/gpt2';
import { writeSafetensors, type NamedTensor } from '../../src/baselines/safetensors';
import { Stream } from '../../src/random/stream';

afterEach(() => vi.restoreAllMocks());

function randomCheckpoint(path: string, seed: number): void {
  const config = { nDims: 3, nPositions: 7, nEmbd: 16, nLayer: 2, nHead: 4 };
  const rng = new Stream(seed, ['reference-checkpoint']);
  const tensors = new Map<string, NamedTensor>();
  for (const [name, shape] of gpt2ParamShapes(config)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const fanIn = name.endsWith('.weight') && shape.length === 2 ? (name.startsWith('_read') ? shape[1] : shape[0]) : 1;
    const base = /ln_\w+\.weight$/.test(name) ? 1 : 0;
    const std = shape.length === 2 ? 1 / Math.sqrt(fanIn) : 0.3;
    tensors.set(name, { shape, data: Float32Array.from({ length: n }, () => base + std * rng.normal()) });
  }
  writeSafetensors(path, tensors, { n_dims: '3', n_positions: '7', n_embd: '16', n_layer: '2', n_head: '4' });
}

describe('predict agrees with an independent NumPy forward pass', () => {
  it('random checkpoint, 4 prompts of 7 pairs: max |Δ| ≤ 1e-4·(1 + |ŷ|)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icl-ref-'));
    const model = join(dir, 'm.safetensors');
    randomCheckpoint(model, 3);
    const rng = new Stream(3, ['reference-prompts']);
    const xs = Array.from({ length: 4 }, () => Array.from({ length: 7 }, () => Array.from({ length: 3 }, () => rng.normal())));
    const ys = xs.map((p) => p.map((x) => x[0] - 0.5 * x[1] + 2 * x[2]));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ xs, ys }));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['predict', '--model', model, '--prompts', join(dir, 'p.json'), '--json', join(dir, 'ours.json'), '--backend', 'wasm'])).toBe(0);
    execFileSync('python3', [join(__dirname, 'gpt2Reference.py'), model, join(dir, 'p.json'), join(dir, 'ref.json')]);
    const ours: number[][] = JSON.parse(readFileSync(join(dir, 'ours.json'), 'utf8')).predictions;
    const ref: number[][] = JSON.parse(readFileSync(join(dir, 'ref.json'), 'utf8')).predictions;
    expect(ours.length).toBe(4);
    let worst = 0;
    let spread = 0;
    for (let b = 0; b < 4; b++)
      for (let m = 0; m < 7; m++) {
        worst = Math.max(worst, Math.abs(ours[b][m] - ref[b][m]) / (1 + Math.abs(ref[b][m])));
        spread = Math.max(spread, Math.abs(ref[b][m] - ref[0][0]));
      }
    console.log(`predict vs NumPy reference: worst |Δ|/(1+|ŷ|) = ${worst.toExponential(2)}`);
    expect(spread).toBeGreaterThan(0.1); // the predictions vary: agreement is not trivial
    expect(worst).toBeLessThan(1e-4);
  });
});
