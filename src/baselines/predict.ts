/**
 * Predictions of a saved model on given prompts, as Garg et al. read them: the prediction at each x
 * position from the pairs before it.
 */
import { existsSync, statSync } from 'node:fs';
import { tf } from './nn/tf';
import { loadModel } from './checkpoint';
import { disposeModel, modelDim, predictAll, type NnModel } from './nn/model';
import { latestModelPath } from './train';

/** Prompts as the CLI reads them: xs [B][M][d], ys [B][M]. */
export interface PromptsJson {
  xs: number[][][];
  ys: number[][];
}

/** Check a prompts object; returns a problem in words or null. */
export function promptsProblem(p: unknown, d?: number): string | null {
  if (!p || typeof p !== 'object') return 'must be an object { "xs": [[[…d…], …M…], …B…], "ys": [[…M…], …B…] }';
  const { xs, ys } = p as Partial<PromptsJson>;
  if (!Array.isArray(xs) || !Array.isArray(ys)) return 'must hold arrays "xs" and "ys"';
  if (xs.length === 0 || xs.length !== ys.length) return `"xs" and "ys" must hold the same positive number of prompts (got ${xs.length} and ${ys.length})`;
  const M = xs[0]?.length;
  const dd = xs[0]?.[0]?.length;
  if (!M || !dd) return '"xs" prompts must hold at least one pair of dimension ≥ 1';
  if (d !== undefined && dd !== d) return `covariates have dimension ${dd}, the model takes ${d}`;
  for (let b = 0; b < xs.length; b++) {
    if (!Array.isArray(xs[b]) || xs[b].length !== M || !Array.isArray(ys[b]) || ys[b].length !== M) return `prompt ${b} must hold ${M} covariates and ${M} labels like prompt 0`;
    for (const row of xs[b]) if (!Array.isArray(row) || row.length !== dd || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) return `prompt ${b}: every covariate must be ${dd} finite numbers`;
    if (!ys[b].every((v) => typeof v === 'number' && Number.isFinite(v))) return `prompt ${b}: labels must be finite numbers`;
  }
  return null;
}

/** The model file a path names: a .safetensors file, or a run folder's newest checkpoint. */
export function resolveModelPath(path: string): string {
  if (!existsSync(path)) throw new Error(`'${path}' does not exist`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(`${path}/latest.json`)) throw new Error(`'${path}' is a folder without latest.json (not a training run)`);
    return latestModelPath(path);
  }
  return path;
}

/** Predictions [B][M] of a model on prompts (float32 arithmetic on the current backend). */
export async function predictPrompts(model: NnModel, p: PromptsJson): Promise<number[][]> {
  const B = p.xs.length;
  const M = p.xs[0].length;
  const d = modelDim(model);
  const xs = tf.tensor(p.xs.flat(2), [B, M, d]);
  const ys = tf.tensor(p.ys.flat(), [B, M]);
  const out = tf.tidy(() => predictAll(model, xs, ys));
  const data = await out.data();
  tf.dispose([xs, ys, out]);
  return Array.from({ length: B }, (_, b) => Array.from(data.subarray(b * M, (b + 1) * M)));
}

/** Load the model at `path` (file or run folder) and predict. */
export async function predictFromPath(path: string, p: PromptsJson): Promise<{ predictions: number[][]; model: string }> {
  const file = resolveModelPath(path);
  const { model } = loadModel(file);
  try {
    const problem = promptsProblem(p, modelDim(model));
    if (problem) throw new RangeError(problem);
    if (model.kind === 'gpt2' && p.xs[0].length > model.config.nPositions)
      throw new RangeError(`prompts of ${p.xs[0].length} pairs exceed the model's ${model.config.nPositions} positions`);
    return { predictions: await predictPrompts(model, p), model: file };
  } finally {
    disposeModel(model);
  }
}
