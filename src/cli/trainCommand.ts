/**
 * `icl-audit train`: train a GPT-2 size (Garg et al.'s TransformerModel) or the full LSA in TF.js on
 * sampled linear-regression prompts; progress (step, loss, steps/s, ETA), atomic checkpoints, --resume,
 * and a final evaluation against the zero predictor. TF.js loads only when this command runs.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { intArg, numberArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';
import { progress } from './progress';

/** Options of `icl-audit train` as commander parses them. */
export interface TrainCommandOptions {
  model?: string;
  d?: string;
  N?: string;
  steps?: string;
  batch?: string;
  lr?: string;
  cov?: string;
  curriculum?: boolean;
  curriculumInterval?: string;
  backend?: string;
  seed?: string;
  out?: string;
  saveEvery?: string;
  init?: string;
  sigma?: string;
  nPositions?: string;
  positionStd?: string;
  resume?: boolean;
  json?: string;
  quiet?: boolean;
}

const MODELS = ['lsa', 'tiny', 'small', 'standard'] as const;
const COVS = ['identity', 'exp-diag'] as const;
const BACKEND_NAMES = ['auto', 'cpu', 'wasm', 'webgpu'] as const;

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], dflt?: T): T {
  const v = (raw ?? dflt)?.trim();
  if (v === undefined || !(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got '${raw ?? ''}'`);
  return v as T;
}

/** Validated inputs of a training run (the TrainConfig of src/baselines/train.ts, plus where and how). */
export function parseTrainOptions(o: TrainCommandOptions) {
  const model = oneOf('--model', o.model, MODELS);
  const d = intArg('--d', o.d, 1, 256);
  const N = intArg('--N', o.N, 1, 4096);
  const steps = intArg('--steps', o.steps, 1, 10_000_000);
  const batch = intArg('--batch', o.batch ?? '64', 1, 65_536);
  const lr = numberArg('--lr', o.lr ?? (model === 'lsa' ? '0.01' : '0.001'), { min: 0, openMin: true, max: 10 });
  const cov = oneOf('--cov', o.cov, COVS, 'identity');
  if (o.curriculumInterval !== undefined && !o.curriculum) throw new UsageError('--curriculum-interval applies only with --curriculum');
  const curriculumInterval = o.curriculum ? intArg('--curriculum-interval', o.curriculumInterval ?? '2000', 1, 10_000_000) : 0;
  if (o.curriculum && model === 'lsa') throw new UsageError('--curriculum applies to the GPT-2 models, not --model lsa');
  const backend = oneOf('--backend', o.backend, BACKEND_NAMES, 'auto');
  const seed = seedArg(o.seed);
  if (o.out === undefined || o.out.trim() === '') throw new UsageError('--out is required (a folder for checkpoints)');
  const out = resolve(o.out);
  if (out === '/proc' || out.startsWith('/proc/') || out.startsWith('/sys/')) throw new UsageError(`--out must be a writable folder, not under /proc or /sys (got '${o.out}')`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out must be a folder, '${o.out}' is a file`);
  const nonEmpty = existsSync(out) && readdirSync(out).length > 0;
  if (nonEmpty && !o.resume) throw new UsageError(`--out '${o.out}' already holds files; pass --resume to continue that run, or name an empty folder`);
  const saveEvery = intArg('--save-every', o.saveEvery ?? String(Math.max(1, Math.ceil(steps / 10))), 1, 10_000_000);
  const initAllowed = model === 'lsa' ? (['assumption', 'random'] as const) : (['fan-in', 'gpt2'] as const);
  const init = oneOf<string>('--init', o.init, initAllowed, initAllowed[0]) as 'fan-in' | 'gpt2' | 'assumption' | 'random';
  if (o.sigma !== undefined && model !== 'lsa') throw new UsageError('--sigma applies only to --model lsa');
  const lsaSigma = numberArg('--sigma', o.sigma ?? '0.1', { min: 0, openMin: true, max: 100 });
  if (o.nPositions !== undefined && model === 'lsa') throw new UsageError('--n-positions applies to the GPT-2 models');
  const nPositions = intArg('--n-positions', o.nPositions ?? String(2 * (N + 1)), N + 1, 100_000);
  if (o.positionStd !== undefined && model === 'lsa') throw new UsageError('--position-std applies to the GPT-2 models');
  const positionStd = numberArg('--position-std', o.positionStd ?? '0.02', { min: 0, max: 100 });
  if (o.json !== undefined && o.json.trim() === '') throw new UsageError('--json must name a file');
  return { config: { model, d, N, steps, batch, lr, cov, curriculumInterval, seed, init, lsaSigma, nPositions, positionStd, saveEvery }, backend, out, resume: o.resume === true };
}

function fmtEta(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 90) return `${Math.round(s)}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}

/** Register `icl-audit train`. */
export function registerTrain(program: Command, setCode: (code: number) => void): void {
  program
    .command('train')
    .description('train GPT-2 (Garg et al.\'s TransformerModel: tiny 64/3/2, small 128/6/4, standard 256/12/8) or the full LSA in TF.js; checkpoints in safetensors under Garg\'s state_dict names')
    .option('--model <M>', 'lsa, tiny, small or standard')
    .option('--d <D>', 'token dimension d (1..256)')
    .option('--N <N>', 'training prompt length N (GPT-2 sees N + 1 pairs, loss over all positions; the LSA N examples + a query)')
    .option('--steps <K>', 'Adam steps')
    .option('--batch <B>', 'prompts per step (default 64)')
    .option('--lr <LR>', 'Adam learning rate (default 0.001 GPT-2, 0.01 LSA)')
    .option('--cov <C>', 'training covariance: identity (fixed) or exp-diag (diag(Exp(1)) per prompt); default identity')
    .option('--curriculum', 'Garg\'s curriculum: dims from min(5, d) +1 and points from min(11, N+1) +2 every interval')
    .option('--curriculum-interval <K>', 'steps per curriculum stage (default 2000, as Garg)')
    .option('--backend <B>', 'auto (webgpu on a hardware adapter, else wasm), cpu, wasm or webgpu (default auto)')
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--out <DIR>', 'run folder: run.json, latest.json, model-<step>.safetensors, adam-<step>.safetensors, final.json')
    .option('--save-every <K>', 'checkpoint every K steps (default a tenth of --steps)')
    .option('--init <I>', 'GPT-2: fan-in (default) or gpt2 (std 0.02); LSA: assumption (Assumption 3.3, default) or random')
    .option('--sigma <S>', 'LSA start scale σ (default 0.1)')
    .option('--n-positions <P>', 'GPT-2 position table in pairs (default 2(N+1), so evaluation can go past N)')
    .option('--position-std <S>', 'GPT-2 position table initial std (default 0.02 as GPT-2; 1 shortens the initial plateau)')
    .option('--resume', 'continue the run in --out from its newest checkpoint (same result as an uninterrupted run)')
    .option('--json <FILE>', 'write the losses, the final evaluation and (LSA) the diagnostics as JSON')
    .option('--quiet', 'print only the final line')
    .action(async (opts: TrainCommandOptions) => {
      const inp = parseTrainOptions(opts);
      const { selectBackend } = await import('../baselines/backends');
      const train = await import('../baselines/train');
      let config = inp.config;
      if (inp.resume && train.hasCheckpoint(inp.out)) {
        const raw = train.readRunConfig(inp.out);
        const saved = { ...raw, positionStd: raw.positionStd ?? 0.02 };
        const diff = (Object.keys(config) as Array<keyof typeof config>).filter((k) => k !== 'steps' && k !== 'saveEvery' && saved[k] !== config[k]);
        if (diff.length > 0) throw new UsageError(`--resume: ${diff.map((k) => `${k} is ${JSON.stringify(config[k])}, the run in --out has ${JSON.stringify(saved[k])}`).join('; ')}`);
        config = { ...saved, steps: config.steps, saveEvery: config.saveEvery };
      }
      let info;
      try {
        info = await selectBackend(inp.backend);
      } catch (e) {
        throw new UsageError(`--backend ${(e as Error).message}`);
      }
      if (!opts.quiet) process.stderr.write(`train: ${config.model} d=${config.d} N=${config.N} on ${info.name} (${info.device}), seed ${config.seed}\n`);
      const bar = progress('train');
      const tty = process.stderr.isTTY === true && !process.env.CI;
      let nextLine = 0;
      const started = Date.now();
      let result;
      try {
        result = await train.trainRun(config, inp.out, {
          resume: inp.resume,
          backend: info.name,
          onProgress: (p) => {
            const label = `step ${p.step}/${p.steps} loss ${p.loss.toPrecision(4)} ${p.stepsPerSec.toFixed(2)} steps/s ETA ${fmtEta(p.etaSec)}`;
            try {
              bar.update(p.step, p.steps, label);
            } catch {
              /* cosmetic */
            }
            if (!tty && !opts.quiet && (p.step >= nextLine || p.step === p.steps)) {
              process.stderr.write(`train: ${label}\n`);
              nextLine = p.step + Math.max(1, Math.ceil(p.steps / 10));
            }
          },
        });
      } catch (e) {
        const msg = (e as Error).message ?? String(e);
        process.stderr.write(`icl-audit: train failed: ${msg.length > 400 ? msg.slice(0, 400) + '…' : msg}\n`);
        setCode(EXIT.internal);
        return;
      } finally {
        try {
          bar.done();
        } catch {
          /* cosmetic */
        }
      }
      const f = result.final;
      if (opts.json) writeJsonFile(opts.json, { config, backend: info, losses: result.losses, final: f, diagnostics: result.diagnostics, seconds: (Date.now() - started) / 1000 });
      process.stdout.write(
        `train: ${config.steps} steps; test MSE ${f.mse.toPrecision(4)} vs zero predictor ${f.zeroMse.toPrecision(4)} (ratio ${f.ratio.toPrecision(3)}) on ${f.prompts} fresh prompts; checkpoint ${train.latestModelPath(inp.out)}\n`,
      );
      setCode(EXIT.ok);
    });
}
