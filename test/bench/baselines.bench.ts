/**
 * One Adam step of GPT-2 tiny (d = 5, N = 20, batch 64: 42 tokens) on wasm, with the explicit-transpose
 * matmul gradient (the default here) and with tfjs's own; scripts/compare/trainSpeed.ts compares
 * backends, GFLOP/s and PyTorch CPU.
 */
import { bench, describe } from 'vitest';
import { selectBackend } from '../../src/baselines/backends';
import { tf, useMatMulGradient } from '../../src/baselines/nn/tf';
import { freshModel, trainingBatch, trainStep, type TrainConfig } from '../../src/baselines/train';
import { paramShapes } from '../../src/baselines/nn/model';

const c: TrainConfig = { model: 'tiny', d: 5, N: 20, steps: 0, batch: 64, lr: 1e-3, cov: 'identity', curriculumInterval: 0, seed: 1, init: 'fan-in', lsaSigma: 0.1, nPositions: 21, saveEvery: 1 };
await selectBackend('wasm');
const model = freshModel(c);
const names = paramShapes(model).map(([k]) => k);
const m = new Map(paramShapes(model).map(([k, s]) => [k, tf.zeros(s)]));
const v = new Map(paramShapes(model).map(([k, s]) => [k, tf.zeros(s)]));
const batch = trainingBatch(c, 0);
let t = 1;
async function step(): Promise<void> {
  const l = trainStep(model, names, m, v, batch, c.d, c.lr, t++);
  await l.data();
  l.dispose();
}

describe('GPT-2 tiny Adam step (wasm)', () => {
  bench('explicit-transpose matmul gradient', async () => {
    useMatMulGradient('explicit');
    await step();
  }, { iterations: 5, warmupIterations: 1 });
  bench('tfjs default matmul gradient', async () => {
    useMatMulGradient('default');
    await step();
    useMatMulGradient('explicit');
  }, { iterations: 3, warmupIterations: 1 });
});
