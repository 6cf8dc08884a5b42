/**
 * Training speed of the TF.js baselines: Adam steps per second for GPT-2 tiny and small (d = 5, N = 20,
 * batch 64: 21 pairs, 42 tokens) per backend, the achieved GFLOP/s of a step (forward FLOPs × 3 for
 * forward + backward) against a plain tfjs matmul of the model's largest product on the same backend, and
 * PyTorch CPU for the same model and batch (scripts/compare/torch_gpt2_step.py under /usr/bin/python3,
 * Debian's python3-torch) side by side. Process CPU time is reported beside wall time because the machine
 * is shared; steps/s below are from CPU time per step when contention inflates wall time.
 *
 *   npx tsx scripts/compare/trainSpeed.ts [--backends wasm,cpu,webgpu] [--steps 10] [--json OUT]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { selectBackend, type BackendChoice } from '../../src/baselines/backends';
import { tf, useMatMulGradient } from '../../src/baselines/nn/tf';
import { gpt2ForwardFlops } from '../../src/baselines/nn/gpt2';
import { freshModel, trainingBatch, trainStep, type TrainConfig } from '../../src/baselines/train';
import { paramShapes } from '../../src/baselines/nn/model';

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const backends = arg('--backends', 'wasm,cpu,webgpu').split(',') as BackendChoice[];
const steps = Number(arg('--steps', '10'));
const sizes = arg('--sizes', 'tiny,small').split(',') as Array<'tiny' | 'small'>;
const SIZE = { tiny: [64, 3, 2], small: [128, 6, 4] } as const;
const d = 5;
const N = 20;
const batch = 64;

async function timeSteps(c: TrainConfig, n: number): Promise<{ wall: number; cpu: number }> {
  const model = freshModel(c);
  const names = paramShapes(model).map(([k]) => k);
  const m = new Map(paramShapes(model).map(([k, s]) => [k, tf.zeros(s)]));
  const v = new Map(paramShapes(model).map(([k, s]) => [k, tf.zeros(s)]));
  const run = async (t: number) => {
    const l = trainStep(model, names, m, v, trainingBatch(c, t), c.d, c.lr, t + 1);
    await l.data();
    l.dispose();
  };
  for (let t = 0; t < 2; t++) await run(t);
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  for (let t = 2; t < 2 + n; t++) await run(t);
  const cu = process.cpuUsage(c0);
  tf.dispose([...m.values(), ...v.values(), ...model.params.values()]);
  return { wall: (performance.now() - w0) / 1000 / n, cpu: (cu.user + cu.system) / 1e6 / n };
}

async function matmulGflops(rows: number, inner: number, cols: number): Promise<number> {
  const a = tf.randomNormal([rows, inner]);
  const b = tf.randomNormal([inner, cols]);
  for (let i = 0; i < 3; i++) {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  }
  const reps = 20;
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < reps; i++) {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  }
  const cu = process.cpuUsage(c0);
  const wall = (performance.now() - w0) / 1000;
  const secs = Math.min(wall, (cu.user + cu.system) / 1e6 || wall);
  tf.dispose([a, b]);
  return (2 * rows * inner * cols * reps) / secs / 1e9;
}

const rows: Array<Record<string, unknown>> = [];
for (const b of backends) {
  let info;
  try {
    info = await selectBackend(b);
  } catch (e) {
    console.log(`${b}: unavailable (${(e as Error).message})`);
    continue;
  }
  for (const size of sizes) {
    const [E, L, H] = SIZE[size];
    const c: TrainConfig = { model: size, d, N, steps: 0, batch, lr: 1e-3, cov: 'identity', curriculumInterval: 0, seed: 1, init: 'fan-in', lsaSigma: 0.1, nPositions: N + 1, saveEvery: 1 };
    const n = b === 'cpu' || b === 'webgpu' ? Math.max(2, Math.ceil(steps / 5)) : steps;
    const t = await timeSteps(c, n);
    let tDefault: { wall: number; cpu: number } | null = null;
    if (b === 'wasm') {
      useMatMulGradient('default');
      tDefault = await timeSteps(c, Math.max(2, Math.ceil(n / 3)));
      useMatMulGradient('explicit');
    }
    const flops = 3 * gpt2ForwardFlops({ nDims: d, nPositions: N + 1, nEmbd: E, nLayer: L, nHead: H }, batch, N + 1);
    const perStep = b === 'webgpu' ? t.wall : Math.min(t.wall, t.cpu);
    const mm = await matmulGflops(batch * 2 * (N + 1), E, 4 * E);
    const row = {
      backend: info.name,
      device: info.device,
      size,
      stepsPerSecWall: 1 / t.wall,
      stepsPerSecCpu: 1 / t.cpu,
      stepGflops: flops / perStep / 1e9,
      matmulGflops: mm,
      kernelShare: flops / perStep / 1e9 / mm,
      defaultMatMulGradStepsPerSecCpu: tDefault ? 1 / tDefault.cpu : null,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
}
for (const size of sizes) {
  const [E, L, H] = SIZE[size];
  for (const threads of [1, 2]) {
    try {
      const out = execFileSync('/usr/bin/python3', ['scripts/compare/torch_gpt2_step.py', String(E), String(L), String(H), String(d), String(N + 1), String(batch), String(steps), String(threads)], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1)!);
      const row = { backend: `pytorch-cpu-${threads}t`, size, stepsPerSecWall: 1 / r.wall_s_per_step, stepsPerSecCpu: 1 / r.cpu_s_per_step, torch: r.torch };
      rows.push(row);
      console.log(JSON.stringify(row));
    } catch (e) {
      console.log(`pytorch: unavailable (${(e as Error).message.split('\n')[0]}); apt-get install python3-torch`);
      break;
    }
  }
}
const out = arg('--json', '');
if (out) writeFileSync(out, JSON.stringify({ d, N, batch, rows }, null, 2) + '\n');
