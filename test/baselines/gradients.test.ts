/**
 * The replaced matrix-product gradient (explicit transposes, src/baselines/nn/tf.ts) against tfjs's own
 * rule and against central finite differences of the loss in float64-accumulated directions: the backend
 * test compares backends that share this gradient, so it needs its own check.
 */
import { describe, expect, it } from 'vitest';
import { tf, useMatMulGradient } from '../../src/baselines/nn/tf';
import { selectBackend } from '../../src/baselines/backends';
import { gpt2Forward, initGpt2, type Gpt2Config } from '../../src/baselines/nn/gpt2';
import { samplePromptBatch } from '../../src/baselines/data';
import { Stream } from '../../src/random/stream';

const config: Gpt2Config = { nDims: 3, nPositions: 5, nEmbd: 8, nLayer: 2, nHead: 2 };

describe('GPT-2 gradients', () => {
  it('explicit-transpose matmul gradient = tfjs default gradient (≤ 1e-5 relative), and = finite differences along random directions', async () => {
    await selectBackend('cpu');
    const params = initGpt2(config, new Stream(9, ['grad']));
    const names = [...params.keys()];
    const b = samplePromptBatch(3, 5, 3, new Stream(9, ['grad-prompts']), { cov: 'identity' });
    const xs = tf.tensor(b.xs, [3, 5, 3]);
    const ys = tf.tensor(b.ys, [3, 5]);
    const loss = (...ps: tf.Tensor[]): tf.Scalar => tf.mean(tf.squaredDifference(gpt2Forward(new Map(names.map((n, i) => [n, ps[i]])), config, xs, ys), ys)) as tf.Scalar;
    const grads = async (): Promise<Float32Array[]> => Promise.all(tf.grads(loss)(names.map((n) => params.get(n)!)).map(async (g) => new Float32Array(await g.data())));
    useMatMulGradient('default');
    const ref = await grads();
    useMatMulGradient('explicit');
    const ours = await grads();
    let worst = 0;
    let scale = 0;
    ref.forEach((g, i) => g.forEach((v, j) => ((worst = Math.max(worst, Math.abs(v - ours[i][j]))), (scale = Math.max(scale, Math.abs(v))))));
    expect(worst / scale).toBeLessThan(1e-5);
    // directional derivative: (L(θ + h u) − L(θ − h u)) / 2h against ⟨∇L, u⟩, u random unit-scale
    const rng = new Stream(9, ['grad-direction']);
    for (let trial = 0; trial < 3; trial++) {
      const u = names.map((n) => Float32Array.from({ length: params.get(n)!.size }, () => rng.normal()));
      const h = 1e-2;
      const shifted = async (sign: number): Promise<number> => {
        const ps = names.map((n, i) => tf.add(params.get(n)!, tf.mul(tf.tensor(u[i], params.get(n)!.shape), sign * h)));
        const v = (await loss(...ps).data())[0];
        tf.dispose(ps);
        return v;
      };
      const fd = ((await shifted(1)) - (await shifted(-1))) / (2 * h);
      let dot = 0;
      ours.forEach((g, i) => g.forEach((v, j) => (dot += v * u[i][j])));
      // central differences: O(h²) truncation, float32 loss rounding ~1e-7·L/h; 2 % covers both at h = 1e-2
      expect(Math.abs(fd - dot)).toBeLessThan(0.02 * Math.abs(dot) + 1e-3);
    }
    await selectBackend('wasm');
  });
});
