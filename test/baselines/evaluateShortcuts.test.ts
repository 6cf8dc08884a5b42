/**
 * The two shortcuts C18's evaluation takes, each against the long way: GELU as x·σ(2z) (evaluation)
 * against ½x(1 + tanh z) (training), and prompts cut to their first `positions` pairs against the full
 * prompts. Both must change float32 rounding only.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/baselines/nn/tf';
import { selectBackend } from '../../src/baselines/backends';
import { initGpt2, type Gpt2Config } from '../../src/baselines/nn/gpt2';
import { predictAll, type NnModel } from '../../src/baselines/nn/model';
import { samplePromptBatch } from '../../src/baselines/data';
import { evaluateCovariateShift } from '../../src/baselines/evaluate';
import { Stream } from '../../src/random/stream';

const CONFIG: Gpt2Config = { nDims: 3, nPositions: 8, nEmbd: 16, nLayer: 2, nHead: 2 };

/** A small random GPT-2 (fan-in init: its MLP inputs spread over both signs, so GELU's tails are used). */
function model(seed: number): NnModel {
  return { kind: 'gpt2', config: CONFIG, params: initGpt2(CONFIG, new Stream(seed, ['shortcut-model'])) };
}

describe('GELU forms', () => {
  it("'sigmoid' and 'tanh' give the same predictions up to float32 rounding", async () => {
    await selectBackend('wasm');
    const m = model(5);
    const b = samplePromptBatch(32, CONFIG.nPositions, CONFIG.nDims, new Stream(6, ['shortcut-prompts']), { cov: 'exp-diag', scale: 4 });
    const xs = tf.tensor(b.xs, [b.B, b.M, b.d]);
    const ys = tf.tensor(b.ys, [b.B, b.M]);
    const t = tf.tidy(() => predictAll(m, xs, ys, 'tanh')).dataSync();
    const s = tf.tidy(() => predictAll(m, xs, ys, 'sigmoid')).dataSync();
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < t.length; i++) {
      worst = Math.max(worst, Math.abs(t[i] - s[i]));
      scale = Math.max(scale, Math.abs(t[i]));
    }
    // float32: a few ulps per operation over two layers of width 16–64; a wrong constant (σ(z) for σ(2z))
    // moves predictions by O(0.1·scale)
    expect(scale).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1e-4 * scale);
    tf.dispose([xs, ys]);
    for (const p of m.params.values()) p.dispose();
  });
});

describe('evaluateCovariateShift positions', () => {
  it('prompts cut to their first L pairs: the same draws, the same closed forms exactly, the model up to float32 rounding', async () => {
    await selectBackend('wasm');
    const m = model(7);
    const base = { models: [{ name: 'gpt2', model: m }], d: CONFIG.nDims, trainN: 4, trainCov: 'exp-diag' as const, panels: [{ name: 'p', cov: 'exp-diag' as const, scale: 4 }], covariances: 4, promptsPerCovariance: 3, maxM: CONFIG.nPositions, seed: 9, resamples: 10 };
    const [full] = await evaluateCovariateShift(base);
    const L = 5;
    const [cut] = await evaluateCovariateShift({ ...base, positions: L });
    expect(cut.ms).toEqual([0, 1, 2, 3, 4]);
    for (const name of ['zero', 'least-squares', 'lsa-limit']) {
      const a = full.clusters.get(name)!;
      const b = cut.clusters.get(name)!;
      expect(b.map((c) => Array.from(c))).toEqual(a.map((c) => Array.from(c.subarray(0, L))));
    }
    const a = full.clusters.get('gpt2')!;
    const b = cut.clusters.get('gpt2')!;
    for (let k = 0; k < a.length; k++)
      for (let j = 0; j < L; j++) expect(Math.abs(b[k][j] - a[k][j])).toBeLessThanOrEqual(1e-5 * Math.max(1, a[k][j]));
    // a cut at the wrong place would see other pairs: the errors past L differ from those before it
    expect(a[0][L]).not.toBe(a[0][L - 1]);
    await expect(evaluateCovariateShift({ ...base, positions: CONFIG.nPositions + 1 })).rejects.toThrow(/positions/);
    for (const p of m.params.values()) p.dispose();
  });
});
