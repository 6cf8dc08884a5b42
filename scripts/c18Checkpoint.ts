/**
 * Freeze a training run as C18's committed checkpoint: copies the run's newest model to
 * src/claims/data/c18/model.safetensors and writes train.json beside it (the configuration, the step, the
 * command that retrains the same weights bit for bit on wasm, the final evaluation on fresh prompts from
 * the training distribution, the loss every 50 steps, wall and CPU seconds).
 *
 *   npx tsx scripts/c18Checkpoint.ts RUN_DIR
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectBackend } from '../src/baselines/backends';
import { loadModel } from '../src/baselines/checkpoint';
import { finalEvaluation, latestModelPath, readRunConfig } from '../src/baselines/train';

const dir = process.argv[2];
if (!dir) throw new Error('usage: scripts/c18Checkpoint.ts RUN_DIR');
await selectBackend('wasm');
const config = readRunConfig(dir);
const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8'));
const file = latestModelPath(dir);
const { model } = loadModel(file);
const step: number = latest.step;
const final = await finalEvaluation(model, { ...config, steps: step });
const out = new URL('../src/claims/data/c18/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
copyFileSync(file, join(out, 'model.safetensors'));
const c = { ...config, steps: step };
const reproduce = `icl-audit train --model ${c.model} --d ${c.d} --N ${c.N} --steps ${step} --batch ${c.batch} --lr ${c.lr} --cov ${c.cov} --seed ${c.seed} --n-positions ${c.nPositions} --position-std ${c.positionStd ?? 0.02} --backend wasm --out RUN`;
writeFileSync(
  join(out, 'train.json'),
  JSON.stringify({ config: c, step, reproduce, final, lossEvery50: (latest.losses as number[]).filter((_, i) => (i + 1) % 50 === 0), wallSeconds: latest.elapsedSec, cpuSeconds: latest.cpuSec }, null, 2) + '\n',
);
console.log(`C18 checkpoint: step ${step}, final ${JSON.stringify(final)}`);
