/**
 * C18 on the committed checkpoint (no training in the test), and the guard that keeps it honest: an
 * untrained GPT-2 (ŷ ≈ noise, no in-context learning) also "grows less" than the LSA, so the claim must
 * come out inconclusive for it, not verified.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c18Robustness, C18_CHECKPOINT } from '../../src/claims/c18Robustness';
import { runC18 } from '../../src/claims/c18Evaluation';
import { selectBackend } from '../../src/baselines/backends';
import { initGpt2 } from '../../src/baselines/nn/gpt2';
import { saveModel, loadModel } from '../../src/baselines/checkpoint';
import { Stream } from '../../src/random/stream';

describe('C18', () => {
  it('the committed checkpoint: verdict with intervals; the M > N measurement is reported', async () => {
    const r = await c18Robustness().check({ seed: 1, runs: 1 });
    console.log(`C18: ${r.verdict}\n  ${(r.notes ?? []).join('\n  ')}\n  ${(r.parts ?? []).map((p) => `${p.id}: ${p.verdict} ${p.note}`).join('\n  ')}`);
    expect(r.parts!.map((p) => p.id)).toEqual(['learned', 'growth-c4', 'growth-c9', 'spike']);
    expect(r.verdict).toBe('verified');
  });

  it('an untrained GPT-2 of the same shape: the precondition fails, so the verdict is inconclusive', async () => {
    await selectBackend('wasm');
    const { model, metadata } = loadModel(C18_CHECKPOINT);
    if (model.kind !== 'gpt2') throw new Error('expected GPT-2');
    const fresh = { ...model, params: initGpt2(model.config, new Stream(4, ['untrained'])) };
    const file = join(mkdtempSync(join(tmpdir(), 'icl-c18-')), 'untrained.safetensors');
    await saveModel(file, fresh, { train_N: metadata.train_N, train_cov: metadata.train_cov });
    const r = await runC18({ checkpoint: file, seed: 1, covariances: 16, perCovariance: 8, scales: [1, 4, 9], resamples: 200, level: 0.995, record: null });
    expect(r.parts!.find((p) => p.id === 'learned')!.verdict).toBe('inconclusive');
    expect(r.verdict).toBe('inconclusive');
  });
});
