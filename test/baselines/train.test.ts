/**
 * The trainer: a resumed run equals an uninterrupted one bit for bit (weights, Adam state, losses);
 * checkpoints are complete files under Garg's names; the LSA trains from Assumption 3.3 toward the
 * population minimizer; bad input to `icl-audit train` is one line and exit 2.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectBackend } from '../../src/baselines/backends';
import { trainRun, type TrainConfig } from '../../src/baselines/train';
import { readSafetensors } from '../../src/baselines/safetensors';
import { main } from '../../src/cli/main';

afterEach(() => vi.restoreAllMocks());

const base: TrainConfig = {
  model: 'tiny',
  d: 2,
  N: 3,
  steps: 6,
  batch: 4,
  lr: 1e-3,
  cov: 'exp-diag',
  curriculumInterval: 0,
  seed: 11,
  init: 'fan-in',
  lsaSigma: 0.1,
  nPositions: 4,
  saveEvery: 3,
};

describe('train', () => {
  it('resume: 3 steps, stop, resume to 6 = 6 steps in one go (weights, Adam moments, losses bit for bit)', async () => {
    await selectBackend('wasm');
    const a = mkdtempSync(join(tmpdir(), 'icl-train-a-'));
    const b = mkdtempSync(join(tmpdir(), 'icl-train-b-'));
    const whole = await trainRun(base, a);
    await trainRun({ ...base, steps: 3 }, b);
    // the interrupted run's own final files must not leak into the comparison: only the checkpoint is used
    const resumed = await trainRun(base, b, { resume: true });
    expect(resumed.losses).toEqual(whole.losses);
    for (const f of ['model-0000006.safetensors', 'adam-0000006.safetensors']) expect(Buffer.compare(readFileSync(join(a, f)), readFileSync(join(b, f)))).toBe(0);
    // older checkpoints are removed after the pointer moves; the pointer names the newest
    expect(readdirSync(a).filter((f) => f.endsWith('.safetensors')).sort()).toEqual(['adam-0000006.safetensors', 'model-0000006.safetensors']);
    expect(JSON.parse(readFileSync(join(a, 'latest.json'), 'utf8')).step).toBe(6);
    const st = readSafetensors(join(a, 'model-0000006.safetensors'));
    expect(st.metadata).toMatchObject({ model: 'gpt2', n_dims: '2', n_positions: '4', n_embd: '64', n_layer: '3', n_head: '2', step: '6', train_N: '3' });
    expect(st.tensors.get('_backbone.h.2.attn.c_attn.weight')!.shape).toEqual([64, 192]);
    expect(st.tensors.get('_read_in.weight')!.shape).toEqual([64, 2]);
    expect(st.tensors.get('_read_out.weight')!.shape).toEqual([1, 64]);
    // a different seed gives different losses: the comparison above is not vacuous
    const c = await trainRun({ ...base, seed: 12, steps: 2 }, mkdtempSync(join(tmpdir(), 'icl-train-c-')));
    expect(c.losses[0]).not.toBe(whole.losses[0]);
  });

  it('LSA from Assumption 3.3 (identity, d=3, N=20): loss falls and uU approaches the population minimizer', async () => {
    await selectBackend('wasm');
    const dir = mkdtempSync(join(tmpdir(), 'icl-train-lsa-'));
    const r = await trainRun({ ...base, model: 'lsa', d: 3, N: 20, steps: 300, batch: 64, lr: 0.02, cov: 'identity', init: 'assumption', lsaSigma: 0.3, saveEvery: 100 }, dir);
    const first = r.diagnostics[0];
    const last = r.diagnostics.at(-1)!;
    console.log(`LSA: distance to V* ${first.distanceToLimit!.toFixed(3)} → ${last.distanceToLimit!.toFixed(3)}; u²−‖U‖² ${first.balance.toExponential(1)} → ${last.balance.toExponential(1)}; |w21| ${last.w21pv.toExponential(1)}, ${last.w21kq.toExponential(1)}; test/zero ${r.final.ratio.toFixed(3)}`);
    expect(first.distanceToLimit!).toBeGreaterThan(0.9);
    // SGD with noise ends near, not at, V*: the minimum of the population loss is ~0.25 of zero's (d=3, N=20)
    expect(last.distanceToLimit!).toBeLessThan(0.25);
    expect(r.final.ratio).toBeLessThan(0.5);
  });

  it('bad input: one line naming the argument, exit 2, nothing written', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
    const dir = mkdtempSync(join(tmpdir(), 'icl-train-bad-'));
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'huge', '--d', '2', '--N', '3', '--steps', '1', '--out', join(dir, 'x')], /--model must be one of/],
      [['--model', 'tiny', '--d', '0', '--N', '3', '--steps', '1', '--out', join(dir, 'x')], /--d must be an integer/],
      [['--model', 'tiny', '--d', '2', '--N', '3', '--steps', '1'], /--out is required/],
      [['--model', 'tiny', '--d', '2', '--N', '3', '--steps', '1', '--cov', 'wishart', '--out', join(dir, 'x')], /--cov must be one of identity, exp-diag/],
      [['--model', 'lsa', '--d', '2', '--N', '3', '--steps', '1', '--curriculum', '--out', join(dir, 'x')], /--curriculum applies to the GPT-2/],
      [['--model', 'tiny', '--d', '2', '--N', '3', '--steps', '1', '--backend', 'tpu', '--out', join(dir, 'x')], /--backend must be one of/],
    ];
    for (const [args, re] of cases) {
      err.length = 0;
      expect(await main(['train', ...args])).toBe(2);
      expect(err.join('')).toMatch(re);
      expect(err.join('').trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'f'), 'x');
    err.length = 0;
    expect(await main(['train', '--model', 'tiny', '--d', '2', '--N', '3', '--steps', '1', '--out', dir])).toBe(2);
    expect(err.join('')).toMatch(/already holds files; pass --resume/);
  });
});
