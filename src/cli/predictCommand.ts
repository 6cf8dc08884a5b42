/**
 * `icl-audit predict`: per-prompt predictions of a saved model (a .safetensors file or a training run's
 * folder) at each x position, as Garg et al. read them.
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';

/** Options of `icl-audit predict`. */
export interface PredictCommandOptions {
  model?: string;
  prompts?: string;
  json?: string;
  backend?: string;
}

/** Register `icl-audit predict`. */
export function registerPredict(program: Command, setCode: (code: number) => void): void {
  program
    .command('predict')
    .description('predictions of a saved model at every x position: { "predictions": [[…M…], …B…] }')
    .option('--model <PATH>', 'a .safetensors checkpoint (Garg\'s state_dict names) or a training run folder')
    .option('--prompts <FILE>', 'JSON { "xs": [[[…d…], …M…], …B…], "ys": [[…M…], …B…] }')
    .option('--json <OUT>', 'write the predictions here (default: stdout)')
    .option('--backend <B>', 'auto, cpu, wasm or webgpu (default auto)')
    .action(async (opts: PredictCommandOptions) => {
      if (!opts.model) throw new UsageError('--model is required (a .safetensors file or a run folder)');
      if (!opts.prompts) throw new UsageError('--prompts is required (a JSON file)');
      if (opts.json !== undefined && opts.json.trim() === '') throw new UsageError('--json must name a file');
      const backend = (opts.backend ?? 'auto').trim();
      if (!['auto', 'cpu', 'wasm', 'webgpu'].includes(backend)) throw new UsageError(`--backend must be one of auto, cpu, wasm, webgpu, got '${opts.backend}'`);
      let prompts: unknown;
      try {
        prompts = JSON.parse(readFileSync(opts.prompts, 'utf8'));
      } catch (e) {
        throw new UsageError(`--prompts: cannot read '${opts.prompts}' as JSON (${((e as Error).message ?? '').split('\n')[0]})`);
      }
      const { promptsProblem, predictFromPath, resolveModelPath } = await import('../baselines/predict');
      const problem = promptsProblem(prompts);
      if (problem) throw new UsageError(`--prompts: '${opts.prompts}' ${problem}`);
      try {
        resolveModelPath(opts.model);
      } catch (e) {
        throw new UsageError(`--model: ${(e as Error).message}`);
      }
      const { selectBackend } = await import('../baselines/backends');
      try {
        await selectBackend(backend as 'auto');
      } catch (e) {
        throw new UsageError(`--backend ${(e as Error).message}`);
      }
      let result;
      try {
        result = await predictFromPath(opts.model, prompts as { xs: number[][][]; ys: number[][] });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`--prompts: ${e.message}`);
        throw new UsageError(`--model: ${(e as Error).message}`);
      }
      const out = { model: result.model, predictions: result.predictions };
      if (opts.json) writeJsonFile(opts.json, out);
      else process.stdout.write(JSON.stringify(out) + '\n');
      setCode(EXIT.ok);
    });
}
