/**
 * Training the TF.js baselines (GPT-2 sizes, the full LSA) by Adam on freshly sampled prompts. Every
 * batch is drawn from the stream (seed, train/step-t), so the data of a step does not depend on what ran
 * before; checkpoints hold the weights (Garg's names), Adam's moments and the loss history, written
 * atomically every `saveEvery` steps, so a resumed run reproduces an uninterrupted one exactly (same
 * backend). A run folder holds run.json (the configuration), latest.json (the pointer to the newest
 * checkpoint, written last), model-<step>.safetensors, adam-<step>.safetensors and, at the end, final.json.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tf } from './nn/tf';
import { initGpt2, type Gpt2Init } from './nn/gpt2';
import { initLsaAssumption33, initLsaRandom, lsaForward } from './nn/lsa';
import { gpt2ConfigFor, paramShapes, predictAll, type ModelKind, type NnModel } from './nn/model';
import { loadModel, saveModel, tensorsToHost } from './checkpoint';
import { readSafetensors, writeFileAtomic, writeSafetensors } from './safetensors';
import { curriculumAt, gargCurriculum, samplePromptBatch, type CovarianceKind } from './data';
import { Stream } from '../random/stream';
import { quadraticMinimizer, trainingLossModel } from '../moments/quadratic';

/** Everything that determines a training run (saved as run.json). */
export interface TrainConfig {
  model: ModelKind;
  /** Token dimension. */
  d: number;
  /** Training prompt length: N examples (GPT-2 sees N + 1 pairs, the loss averaged over all positions). */
  N: number;
  steps: number;
  batch: number;
  lr: number;
  cov: CovarianceKind;
  /** Garg's curriculum interval in steps (dims +1, points +2 each interval), or 0 for none. */
  curriculumInterval: number;
  seed: number;
  /** GPT-2: 'fan-in' or 'gpt2'; LSA: 'assumption' (Assumption 3.3 with σ = lsaSigma) or 'random'. */
  init: Gpt2Init | 'assumption' | 'random';
  /** LSA start scale σ. */
  lsaSigma: number;
  /**
   * GPT-2 position table's initial std (default 0.02, GPT-2's). Larger values (1) let heads find the
   * previous token sooner and shorten the initial plateau in short CPU runs (docs/baselines.md).
   */
  positionStd?: number;
  /** GPT-2 positions (pairs); at least N + 1. Evaluation beyond N + 1 pairs uses untrained position rows. */
  nPositions: number;
  saveEvery: number;
}

/** Adam's constants (PyTorch's defaults, as Garg trains). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Progress of a run, reported after each step. */
export interface TrainProgress {
  step: number;
  steps: number;
  loss: number;
  stepsPerSec: number;
  etaSec: number;
}

/** Diagnostics of a trained LSA (spec §3): blocks that theory says stay 0, balancedness, distance to the limit. */
export interface LsaDiagnostics {
  step: number;
  /** max |w₂₁^PV| (last row of W^PV, first d columns). */
  w21pv: number;
  /** max |w₂₁^KQ| (last row of W^KQ, first d columns). */
  w21kq: number;
  /** u² − ‖U‖²_F with u = W^PV[d][d], U = W^KQ's top-left d×d block. */
  balance: number;
  /** ‖uU − V*‖_F / ‖V*‖_F, V* the exact population minimizer (src/moments/) when Λ is fixed (identity). */
  distanceToLimit: number | null;
}

/** The end of a run. */
export interface TrainResult {
  dir: string;
  steps: number;
  losses: number[];
  final: FinalEvaluation;
  diagnostics: LsaDiagnostics[];
}

/** Test error on fresh prompts from the training distribution, against the zero predictor. */
export interface FinalEvaluation {
  prompts: number;
  /** Mean squared error over all predicted positions (GPT-2) or at the query (LSA). */
  mse: number;
  /** The zero predictor's mean squared error on the same predictions. */
  zeroMse: number;
  /** mse / zeroMse. */
  ratio: number;
  /** GPT-2: mean squared error at the last position (N examples), divided by d. */
  lastPositionNormalized: number;
  /** Error at the last position (the query after N examples) over the zero predictor's there. */
  lastRatio: number;
}

interface Latest {
  step: number;
  model: string;
  adam: string;
  losses: number[];
  diagnostics: LsaDiagnostics[];
  elapsedSec: number;
  /** Process CPU seconds spent training (the machine may be shared; wall time then overstates the work). */
  cpuSec?: number;
}

/** A fresh model for a configuration. */
export function freshModel(c: TrainConfig): NnModel {
  const rng = new Stream(c.seed, ['init']);
  if (c.model === 'lsa') {
    const params = c.init === 'random' ? initLsaRandom(c.d, c.lsaSigma, rng) : initLsaAssumption33(c.d, c.lsaSigma, rng);
    return { kind: 'lsa', d: c.d, params };
  }
  const config = gpt2ConfigFor(c.model, c.d, c.nPositions);
  return { kind: 'gpt2', config, params: initGpt2(config, rng, c.init === 'gpt2' ? 'gpt2' : 'fan-in', c.positionStd ?? 0.02) };
}

/** The loss of a model on a batch (a scalar tensor). */
function batchLoss(m: NnModel, params: Map<string, tf.Tensor>, xs: tf.Tensor, ys: tf.Tensor): tf.Scalar {
  if (m.kind === 'gpt2') {
    const pred = predictAll({ ...m, params }, xs, ys);
    return tf.mean(tf.squaredDifference(pred, ys)) as tf.Scalar;
  }
  const [B, M, d] = xs.shape;
  const n = M - 1;
  const ctxX = tf.slice(xs, [0, 0, 0], [B, n, d]);
  const ctxY = tf.slice(ys, [0, 0], [B, n]);
  const q = tf.reshape(tf.slice(xs, [0, n, 0], [B, 1, d]), [B, d]);
  const yq = tf.reshape(tf.slice(ys, [0, n], [B, 1]), [B]);
  return tf.mean(tf.squaredDifference(lsaForward(params, ctxX, ctxY, q), yq)) as tf.Scalar;
}

/**
 * One Adam step on a batch (the trainer's inner loop, exported for the speed benchmark): updates the
 * model's parameters and the moment estimates in place; returns the batch loss before the step.
 */
export function trainStep(
  model: NnModel,
  names: string[],
  adamM: Map<string, tf.Tensor>,
  adamV: Map<string, tf.Tensor>,
  batch: { xs: Float32Array; ys: Float32Array; B: number; M: number },
  d: number,
  lr: number,
  t: number,
): tf.Scalar {
  return tf.tidy(() => {
    const xs = tf.tensor(batch.xs, [batch.B, batch.M, d]);
    const ys = tf.tensor(batch.ys, [batch.B, batch.M]);
    const f = (...ps: tf.Tensor[]): tf.Scalar => batchLoss(model, new Map(names.map((n, i) => [n, ps[i]])), xs, ys);
    const { value, grads } = tf.valueAndGrads(f)(names.map((n) => model.params.get(n)!));
    const c1 = 1 - BETA1 ** t;
    const c2 = 1 - BETA2 ** t;
    names.forEach((n, i) => {
      const g = grads[i];
      const m1 = tf.add(tf.mul(adamM.get(n)!, BETA1), tf.mul(g, 1 - BETA1));
      const v1 = tf.add(tf.mul(adamV.get(n)!, BETA2), tf.mul(tf.square(g), 1 - BETA2));
      const p1 = tf.sub(model.params.get(n)!, tf.div(tf.mul(m1, lr / c1), tf.add(tf.sqrt(tf.div(v1, c2)), EPS)));
      adamM.get(n)!.dispose();
      adamV.get(n)!.dispose();
      model.params.get(n)!.dispose();
      adamM.set(n, tf.keep(m1));
      adamV.set(n, tf.keep(v1));
      model.params.set(n, tf.keep(p1));
    });
    return value;
  });
}

/** The batch of step `step` (a pure function of seed and step). */
export function trainingBatch(c: TrainConfig, step: number): { xs: Float32Array; ys: Float32Array; B: number; M: number } {
  let points = c.N + 1;
  let dims = c.d;
  if (c.curriculumInterval > 0) ({ dims, points } = curriculumAt(gargCurriculum(c.d, c.N + 1, c.curriculumInterval), step));
  const b = samplePromptBatch(c.batch, points, c.d, new Stream(c.seed, ['train', `step-${step}`]), { cov: c.cov, activeDims: dims });
  return { xs: b.xs, ys: b.ys, B: b.B, M: b.M };
}

async function lsaDiagnostics(m: NnModel, c: TrainConfig, step: number): Promise<LsaDiagnostics> {
  const D = c.d + 1;
  const pv = await m.params.get('W_PV')!.data();
  const kq = await m.params.get('W_KQ')!.data();
  let w21pv = 0;
  let w21kq = 0;
  let fro = 0;
  for (let j = 0; j < c.d; j++) {
    w21pv = Math.max(w21pv, Math.abs(pv[c.d * D + j]));
    w21kq = Math.max(w21kq, Math.abs(kq[c.d * D + j]));
    for (let i = 0; i < c.d; i++) fro += kq[i * D + j] ** 2;
  }
  const u = pv[D * D - 1];
  let distanceToLimit: number | null = null;
  if (c.cov === 'identity') {
    const eye = Array.from({ length: c.d }, (_, i) => Array.from({ length: c.d }, (_, j) => (i === j ? 1 : 0)));
    const vStar = quadraticMinimizer(trainingLossModel(eye, c.N));
    let num = 0;
    let den = 0;
    for (let i = 0; i < c.d; i++)
      for (let j = 0; j < c.d; j++) {
        num += (u * kq[i * D + j] - vStar[i][j]) ** 2;
        den += vStar[i][j] ** 2;
      }
    distanceToLimit = Math.sqrt(num / den);
  }
  return { step, w21pv, w21kq, balance: u * u - fro, distanceToLimit };
}

/** Test error of a model on fresh prompts from its training distribution. */
export async function finalEvaluation(m: NnModel, c: TrainConfig, prompts = 256): Promise<FinalEvaluation> {
  const b = samplePromptBatch(prompts, c.N + 1, c.d, new Stream(c.seed, ['final-evaluation']), { cov: c.cov });
  const xs = tf.tensor(b.xs, [prompts, c.N + 1, c.d]);
  const ys = tf.tensor(b.ys, [prompts, c.N + 1]);
  const pred = await tf.tidy(() => predictAll(m, xs, ys)).data();
  xs.dispose();
  ys.dispose();
  const M = c.N + 1;
  let se = 0;
  let zero = 0;
  let last = 0;
  let lastZero = 0;
  let count = 0;
  for (let p = 0; p < prompts; p++)
    for (let i = m.kind === 'gpt2' ? 0 : M - 1; i < M; i++) {
      const y = b.ys[p * M + i];
      const e = (pred[p * M + i] - y) ** 2;
      se += e;
      zero += y * y;
      count++;
      if (i === M - 1) {
        last += e;
        lastZero += y * y;
      }
    }
  return { prompts, mse: se / count, zeroMse: zero / count, ratio: se / zero, lastPositionNormalized: last / prompts / c.d, lastRatio: last / lastZero };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

function pad(step: number): string {
  return String(step).padStart(7, '0');
}

/** Does a run folder hold a checkpoint to resume from? */
export function hasCheckpoint(dir: string): boolean {
  return existsSync(join(dir, 'latest.json'));
}

/** Read a run's configuration. */
export function readRunConfig(dir: string): TrainConfig {
  return JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).config as TrainConfig;
}

/** The newest checkpoint's model file of a run folder. */
export function latestModelPath(dir: string): string {
  const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Latest;
  return join(dir, latest.model);
}

/**
 * Train (or, with `resume`, continue from the folder's newest checkpoint) until `c.steps`. The folder must
 * be new or empty unless resuming; a resumed run's configuration must equal the saved one except `steps`.
 */
export async function trainRun(c: TrainConfig, dir: string, options: { resume?: boolean; backend?: string; onProgress?: (p: TrainProgress) => void } = {}): Promise<TrainResult> {
  mkdirSync(dir, { recursive: true });
  let model: NnModel;
  let start = 0;
  let losses: number[] = [];
  let diagnostics: LsaDiagnostics[] = [];
  let elapsedBefore = 0;
  let cpuBefore = 0;
  const shapes = () => paramShapes(model);
  let adamM = new Map<string, tf.Tensor>();
  let adamV = new Map<string, tf.Tensor>();
  if (options.resume && hasCheckpoint(dir)) {
    const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Latest;
    model = loadModel(join(dir, latest.model)).model;
    const adam = readSafetensors(join(dir, latest.adam));
    for (const [name, shape] of paramShapes(model)) {
      const mm = adam.tensors.get(`m.${name}`);
      const vv = adam.tensors.get(`v.${name}`);
      if (!mm || !vv) throw new Error(`checkpoint ${latest.adam}: Adam state for ${name} is missing`);
      adamM.set(name, tf.tensor(mm.data, shape));
      adamV.set(name, tf.tensor(vv.data, shape));
    }
    start = latest.step;
    losses = latest.losses.slice(0, start);
    diagnostics = latest.diagnostics;
    elapsedBefore = latest.elapsedSec;
    cpuBefore = latest.cpuSec ?? 0;
  } else {
    model = freshModel(c);
    for (const [name, shape] of paramShapes(model)) {
      adamM.set(name, tf.zeros(shape));
      adamV.set(name, tf.zeros(shape));
    }
    writeFileAtomic(join(dir, 'run.json'), JSON.stringify({ config: c, backend: options.backend ?? tf.getBackend() }, null, 2) + '\n');
    if (model.kind === 'lsa') diagnostics.push(await lsaDiagnostics(model, c, 0));
  }
  const names = shapes().map(([n]) => n);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let lastSaved: Latest | null = null;
  const save = async (step: number): Promise<void> => {
    const modelFile = `model-${pad(step)}.safetensors`;
    const adamFile = `adam-${pad(step)}.safetensors`;
    const host = new Map<string, { shape: number[]; data: Float32Array }>();
    for (const n of names) {
      host.set(`m.${n}`, (await tensorsToHost(new Map([[n, adamM.get(n)!]]))).get(n)!);
      host.set(`v.${n}`, (await tensorsToHost(new Map([[n, adamV.get(n)!]]))).get(n)!);
    }
    writeSafetensors(join(dir, adamFile), host, { step: String(step) });
    await saveModel(join(dir, modelFile), model, { step: String(step), train_N: String(c.N), train_cov: c.cov, seed: String(c.seed) });
    const prev = existsSync(join(dir, 'latest.json')) ? (JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Latest) : null;
    const latest: Latest = { step, model: modelFile, adam: adamFile, losses, diagnostics, elapsedSec: elapsedBefore + (performance.now() - t0) / 1000, cpuSec: cpuBefore + cpuSeconds(cpu0) };
    writeFileAtomic(join(dir, 'latest.json'), JSON.stringify(latest) + '\n');
    if (prev && prev.step !== step)
      for (const f of [prev.model, prev.adam])
        try {
          unlinkSync(join(dir, f));
        } catch {
          /* already gone */
        }
    lastSaved = latest;
  };
  for (let step = start; step < c.steps; step++) {
    const batch = trainingBatch(c, step);
    const t = step + 1;
    const lossValue = trainStep(model, names, adamM, adamV, batch, c.d, c.lr, t);
    const loss = (await lossValue.data())[0];
    lossValue.dispose();
    losses.push(loss);
    if (!Number.isFinite(loss)) throw new Error(`training diverged at step ${t} (loss ${loss}); lower --lr`);
    if (t % c.saveEvery === 0 || t === c.steps) {
      if (model.kind === 'lsa') diagnostics.push(await lsaDiagnostics(model, c, t));
      await save(t);
    }
    const secs = (performance.now() - t0) / 1000;
    const rate = (t - start) / secs;
    options.onProgress?.({ step: t, steps: c.steps, loss, stepsPerSec: rate, etaSec: (c.steps - t) / rate });
  }
  if (!lastSaved && start < c.steps) await save(c.steps);
  const final = await finalEvaluation(model, c);
  const timing = existsSync(join(dir, 'latest.json')) ? (JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Latest) : null;
  writeFileAtomic(join(dir, 'final.json'), JSON.stringify({ step: c.steps, ...final, diagnostics, wallSeconds: timing?.elapsedSec, cpuSeconds: timing?.cpuSec }, null, 2) + '\n');
  for (const t of [...adamM.values(), ...adamV.values(), ...model.params.values()]) t.dispose();
  return { dir, steps: c.steps, losses, final, diagnostics };
}
