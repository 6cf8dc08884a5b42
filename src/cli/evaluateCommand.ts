/**
 * `icl-audit evaluate`: Figure 1's covariate-shift panels for saved models (run folders or .safetensors
 * files) with the zero predictor, least squares and the LSA limit: normalized squared error against the
 * number of in-context examples, with bootstrap 90 % bands; JSON and an SVG figure.
 */
import type { Command } from 'commander';
import { basename, dirname } from 'node:path';
import { statSync, writeFileSync, mkdirSync } from 'node:fs';
import { intArg, numberArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';

/** Options of `icl-audit evaluate`. */
export interface EvaluateCommandOptions {
  shift?: string;
  scales?: string;
  prompts?: string;
  maxM?: string;
  N?: string;
  trainCov?: string;
  json?: string;
  plot?: string;
  backend?: string;
  seed?: string;
  identity?: boolean;
  resamples?: string;
}

/** Parse '64x64' (covariances × prompts per covariance). */
export function promptsGridArg(raw: string | undefined): { covariances: number; perCovariance: number } {
  const s = (raw ?? '64x64').trim();
  const m = /^(\d+)x(\d+)$/i.exec(s);
  if (!m) throw new UsageError(`--prompts must be COVARIANCESxPROMPTS like 64x64, got '${raw}'`);
  return { covariances: intArg('--prompts (covariances)', m[1], 2, 100_000), perCovariance: intArg('--prompts (prompts per covariance)', m[2], 1, 100_000) };
}

/** Parse '1,4,9'. */
export function scalesArg(raw: string | undefined): number[] {
  const parts = (raw ?? '1,4,9').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) throw new UsageError('--scales must list at least one positive number, like 1,4,9');
  return parts.map((p) => numberArg('--scales', p, { min: 0, openMin: true, max: 1e6 }));
}

/** Register `icl-audit evaluate`. */
export function registerEvaluate(program: Command, setCode: (code: number) => void): void {
  program
    .command('evaluate')
    .description('Figure 1: error / d against the number of in-context examples under covariate shift, for saved models, zero, least squares and the LSA limit')
    .argument('<models...>', 'run folders or .safetensors checkpoints (GPT-2 or LSA)')
    .option('--shift <S>', 'the shift: covariate (test covariance c·diag(Exp(1)))', 'covariate')
    .option('--scales <LIST>', 'covariance scales c (default 1,4,9)')
    .option('--prompts <KxP>', 'covariances × prompts per covariance (default 64x64)')
    .option('--max-m <M>', 'prompts of M pairs: predictions with 0 … M−1 examples (default: the models\' position count, else 2N+1)')
    .option('--N <N>', 'training prompt length for the LSA limit (default: from the checkpoint\'s metadata)')
    .option('--train-cov <C>', 'training covariance for the LSA limit: identity or exp-diag (default: from the metadata)')
    .option('--no-identity', 'leave out the fixed-identity panel')
    .option('--resamples <R>', 'bootstrap resamples (default 1000)')
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--backend <B>', 'auto, cpu, wasm or webgpu (default auto)')
    .option('--json <FILE>', 'write every curve (mean, 90 % band) as JSON')
    .option('--plot <FILE.svg>', 'draw the panels as SVG')
    .action(async (paths: string[], opts: EvaluateCommandOptions) => {
      if ((opts.shift ?? 'covariate').trim() !== 'covariate') throw new UsageError(`--shift must be covariate (the only shift evaluate draws), got '${opts.shift}'`);
      const scales = scalesArg(opts.scales);
      const grid = promptsGridArg(opts.prompts);
      const seed = seedArg(opts.seed);
      const resamples = intArg('--resamples', opts.resamples ?? '1000', 10, 1_000_000);
      const backend = (opts.backend ?? 'auto').trim();
      if (!['auto', 'cpu', 'wasm', 'webgpu'].includes(backend)) throw new UsageError(`--backend must be one of auto, cpu, wasm, webgpu, got '${opts.backend}'`);
      for (const [flag, f] of [['--json', opts.json], ['--plot', opts.plot]] as const) if (f !== undefined && f.trim() === '') throw new UsageError(`${flag} must name a file`);
      if (opts.trainCov !== undefined && !['identity', 'exp-diag'].includes(opts.trainCov)) throw new UsageError(`--train-cov must be identity or exp-diag, got '${opts.trainCov}'`);
      const { resolveModelPath } = await import('../baselines/predict');
      const files = paths.map((p) => {
        try {
          return resolveModelPath(p);
        } catch (e) {
          throw new UsageError(`model '${p}': ${(e as Error).message}`);
        }
      });
      const { selectBackend } = await import('../baselines/backends');
      try {
        await selectBackend(backend as 'auto');
      } catch (e) {
        throw new UsageError(`--backend ${(e as Error).message}`);
      }
      const { loadModel } = await import('../baselines/checkpoint');
      const { modelDim, disposeModel } = await import('../baselines/nn/model');
      const ev = await import('../baselines/evaluate');
      const models = files.map((f, i) => {
        let loaded;
        try {
          loaded = loadModel(f);
        } catch (e) {
          throw new UsageError(`model '${paths[i]}': ${(e as Error).message}`);
        }
        const label = statSync(paths[i]).isDirectory() ? basename(paths[i].replace(/\/+$/, '')) : basename(f, '.safetensors');
        return { name: `${loaded.model.kind === 'gpt2' ? 'gpt2' : 'lsa'}:${label}`, model: loaded.model, meta: loaded.metadata };
      });
      const d = modelDim(models[0].model);
      if (models.some((m) => modelDim(m.model) !== d)) throw new UsageError(`all models must take the same dimension (the first takes ${d})`);
      const N = opts.N !== undefined ? intArg('--N', opts.N, 1, 100_000) : Number(models[0].meta.train_N);
      if (!Number.isSafeInteger(N) || N < 1) throw new UsageError('--N is required: the first checkpoint has no train_N metadata');
      const trainCov = (opts.trainCov ?? models[0].meta.train_cov ?? 'identity') as 'identity' | 'exp-diag';
      const positions = models.map((m) => (m.model.kind === 'gpt2' ? m.model.config.nPositions : Infinity));
      const cap = Math.min(...positions);
      const maxM = opts.maxM !== undefined ? intArg('--max-m', opts.maxM, 2, Number.isFinite(cap) ? cap : 100_000) : Number.isFinite(cap) ? cap : 2 * N + 1;
      const results = await ev.evaluateCovariateShift({
        models: models.map(({ name, model }) => ({ name, model })),
        d,
        trainN: N,
        trainCov,
        panels: ev.covariateShiftPanels(scales, opts.identity !== false),
        covariances: grid.covariances,
        promptsPerCovariance: grid.perCovariance,
        maxM,
        seed,
        resamples,
      });
      for (const m of models) disposeModel(m.model);
      const atN = Math.min(N, maxM - 1);
      const lines = [`evaluate: d=${d}, trained N=${N} (${trainCov}), ${grid.covariances}×${grid.perCovariance} prompts, M = 0…${maxM - 1}; error/d at M=${atN} and M=${maxM - 1} [90 % band]`];
      for (const r of results) {
        lines.push(`  ${r.panel.name}:`);
        for (const c of r.curves)
          lines.push(`    ${c.model.padEnd(28)} ${c.mean[atN].toPrecision(3)} [${c.lo[atN].toPrecision(3)}, ${c.hi[atN].toPrecision(3)}]   ${c.mean[maxM - 1].toPrecision(3)} [${c.lo[maxM - 1].toPrecision(3)}, ${c.hi[maxM - 1].toPrecision(3)}]`);
      }
      process.stdout.write(lines.join('\n') + '\n');
      const json = {
        shift: 'covariate',
        d,
        trainN: N,
        trainCov,
        prompts: grid,
        seed,
        resamples,
        models: models.map((m, i) => ({ name: m.name, path: files[i] })),
        panels: results.map((r) => ({ ...r.panel, ms: r.ms, curves: r.curves })),
      };
      if (opts.json) writeJsonFile(opts.json, json);
      if (opts.plot) {
        const svg = await (await import('../baselines/figure')).renderFigureSvg(results, `covariate shift: d=${d}, trained N=${N} (${trainCov})`);
        mkdirSync(dirname(opts.plot), { recursive: true });
        const tmp = `${opts.plot}.tmp-${process.pid}`;
        writeFileSync(tmp, svg);
        (await import('node:fs')).renameSync(tmp, opts.plot);
      }
      setCode(EXIT.ok);
    });
}
