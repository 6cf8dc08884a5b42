/**
 * One forward pass and one gradient, the same weights and prompts, on cpu, wasm and webgpu: they must agree
 * to float32 tolerance. webgpu runs on a hardware adapter where one exists, else on Mesa's software
 * Vulkan device (.ci/install-vulkan.sh); CI sets ICL_AUDIT_REQUIRE_WEBGPU=1 so a missing adapter fails
 * there instead of skipping. Tolerance: max |a − b| ≤ 1e-4 · max |a| per tensor; float32 rounding of sums
 * over ≤ 10³ terms through a few layers stays near 1e-6 relative (stack.md saw ~1e-6), and any wrong
 * kernel (a transposed operand, a missed mask) is O(1).
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/baselines/nn/tf';
import { selectBackend } from '../../src/baselines/backends';
import { gpt2Forward, initGpt2, type Gpt2Config } from '../../src/baselines/nn/gpt2';
import { initLsaRandom, lsaForward } from '../../src/baselines/nn/lsa';
import { Stream } from '../../src/random/stream';
import { samplePromptBatch } from '../../src/baselines/data';

const config: Gpt2Config = { nDims: 3, nPositions: 6, nEmbd: 16, nLayer: 2, nHead: 2 };

interface Run {
  pred: Float32Array;
  loss: number;
  grads: Map<string, Float32Array>;
  lsaPred: Float32Array;
  lsaGrads: Float32Array[];
}

async function runOn(backend: 'cpu' | 'wasm' | 'webgpu'): Promise<Run> {
  await selectBackend(backend);
  const host = initGpt2(config, new Stream(5, ['equivalence']));
  // copy the weights to host memory first: tensors made on one backend are moved lazily
  const weights = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [k, t] of host) weights.set(k, { shape: t.shape, data: new Float32Array(await t.data()) });
  const params = new Map([...weights].map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
  const b = samplePromptBatch(4, 6, 3, new Stream(5, ['equivalence-prompts']), { cov: 'exp-diag' });
  const xs = tf.tensor(b.xs, [4, 6, 3]);
  const ys = tf.tensor(b.ys, [4, 6]);
  const names = [...params.keys()];
  const pred = await gpt2Forward(params, config, xs, ys).data();
  const { value, grads } = tf.valueAndGrads((...ps: tf.Tensor[]) => tf.mean(tf.squaredDifference(gpt2Forward(new Map(names.map((n, i) => [n, ps[i]])), config, xs, ys), ys)) as tf.Scalar)(names.map((n) => params.get(n)!));
  const g = new Map<string, Float32Array>();
  for (let i = 0; i < names.length; i++) g.set(names[i], new Float32Array(await grads[i].data()));
  const lsa = initLsaRandom(3, 0.5, new Stream(5, ['equivalence-lsa']));
  const q = tf.tensor(b.xs.subarray(0, 4 * 3), [4, 3]);
  const lsaNames = ['W_PV', 'W_KQ'];
  const lsaPred = await lsaForward(lsa, xs, ys, q).data();
  const lg = tf.grads((pv: tf.Tensor, kq: tf.Tensor) => tf.sum(tf.square(lsaForward(new Map([['W_PV', pv], ['W_KQ', kq]]), xs, ys, q))))(lsaNames.map((n) => lsa.get(n)!));
  const lsaGrads = await Promise.all(lg.map(async (t) => new Float32Array(await t.data())));
  return { pred: new Float32Array(pred), loss: (await value.data())[0], grads: g, lsaPred: new Float32Array(lsaPred), lsaGrads };
}

function relErr(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return diff / Math.max(scale, 1e-30);
}

async function webgpuAvailable(): Promise<boolean> {
  try {
    await selectBackend('webgpu');
    return true;
  } catch {
    return false;
  }
}

describe('backends agree: forward pass and gradients', () => {
  it('cpu, wasm and webgpu (software Vulkan where no GPU): GPT-2 and LSA within 1e-4 relative', async () => {
    const runs: Array<[string, Run]> = [
      ['cpu', await runOn('cpu')],
      ['wasm', await runOn('wasm')],
    ];
    if (await webgpuAvailable()) runs.push(['webgpu', await runOn('webgpu')]);
    else if (process.env.ICL_AUDIT_REQUIRE_WEBGPU === '1') throw new Error('webgpu: no adapter, but ICL_AUDIT_REQUIRE_WEBGPU=1 (run .ci/install-vulkan.sh)');
    else console.log('webgpu: no adapter here; compared cpu and wasm only');
    const [, ref] = runs[0];
    const worst: Record<string, number> = {};
    for (const [name, r] of runs.slice(1)) {
      let w = Math.max(relErr(ref.pred, r.pred), Math.abs(ref.loss - r.loss) / Math.abs(ref.loss), relErr(ref.lsaPred, r.lsaPred));
      for (const [k, g] of ref.grads) w = Math.max(w, relErr(g, r.grads.get(k)!));
      ref.lsaGrads.forEach((g, i) => (w = Math.max(w, relErr(g, r.lsaGrads[i]))));
      worst[name] = w;
    }
    console.log(`worst relative difference to cpu: ${Object.entries(worst).map(([k, v]) => `${k} ${v.toExponential(2)}`).join(', ')}`);
    for (const v of Object.values(worst)) expect(v).toBeLessThan(1e-4);
    // the gradients are not all zero (the comparison has content)
    expect(Math.max(...[...ref.grads.values()].map((g) => Math.max(...g.map(Math.abs))))).toBeGreaterThan(1e-3);
    await selectBackend('wasm');
  });
});
