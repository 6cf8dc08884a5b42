/**
 * `icl-audit shift`: the trained LSA (its limit), least squares, ridge, the Bayes-optimal predictor and
 * zero under one kind of distribution shift, over scales and test lengths: exact errors where a formula
 * exists and Monte Carlo with intervals, and the LSA's slope on the truth beside the paper's (c² for
 * covariate scaling, §4.2; ⅓ for Exp(1) random covariances, (4.13)). The work is done by
 * `predictorsUnderShift` (src/baselines/); the paper's statements (src/theory/shifts.ts) are printed beside it.
 */
import type { Command } from 'commander';
import { drawCovariance, type CovarianceFamily } from '../random/covariance';
import { stream } from '../random/stream';
import { parseEntryLaw, entryMoment, describeEntryLaw, type EntryLaw } from '../icl/entryLaws';
import { predictorsUnderShift, SHIFT_KINDS, type ShiftExperiment, type ShiftKind } from '../baselines/predictorsUnderShift';
import { shiftFormulas } from '../theory/shifts';
import type { Mat } from '../linalg/matrix';
import { covarianceFileArg, familyArg, intArg, numberArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';
import { progress } from './progress';
import { VERSION } from './version';

/** Options of `icl-audit shift` as parsed by commander. */
export interface ShiftCommandOptions {
  kind?: string;
  scales?: string;
  d?: string;
  N?: string;
  M?: string;
  cov?: string;
  covFile?: string;
  kappa?: string;
  law?: string;
  ridge?: string;
  samples?: string;
  seed?: string;
  json?: string;
}

/** Validated inputs. */
export interface ShiftInputs {
  kind: ShiftKind;
  scales: number[];
  d: number;
  n: number;
  ms: number[];
  family: CovarianceFamily | null;
  covFile: string | null;
  kappa: number;
  lambdaFromFile: Mat | null;
  law: EntryLaw;
  ridge: number;
  samples: number;
  seed: number;
  json: string | null;
}

function listArg(name: string, raw: string, parse: (s: string) => number): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) throw new UsageError(`${name} must be a comma-separated list without empty entries, got '${raw}'`);
  return parts.map(parse);
}

/** Validate every option (UsageError naming the argument and the rule). */
export function parseShiftOptions(o: ShiftCommandOptions): ShiftInputs {
  if (o.kind === undefined || !(SHIFT_KINDS as readonly string[]).includes(o.kind)) throw new UsageError(`--kind must be one of ${SHIFT_KINDS.join(', ')}, got '${o.kind ?? ''}'`);
  const kind = o.kind as ShiftKind;
  const d = intArg('--d', o.d ?? '5', 1, 32);
  const n = intArg('--N', o.N ?? '20', 1, 1_000_000);
  const scales = listArg('--scales', o.scales ?? (kind === 'length' ? '1' : '0.25,0.5,1,2,4'), (s) => numberArg('--scales', s, { min: 0, openMin: true, max: 1e3 }));
  const defaultMs = kind === 'orthogonal' ? [...new Set([1, Math.ceil((d - 1) / 2), d - 1])].filter((m) => m >= 1).join(',') : '10,20,50,100';
  if (kind === 'orthogonal' && d < 2) throw new UsageError('--d must be ≥ 2 for --kind orthogonal (a query orthogonal to M ≥ 1 covariates needs M < d)');
  const ms = listArg('--M', o.M ?? defaultMs, (s) => intArg('--M', s, 1, 100_000));
  if (kind === 'orthogonal' && ms.some((m) => m >= d)) throw new UsageError(`--M must be < d = ${d} for --kind orthogonal (got ${ms.join(',')})`);
  if (o.cov !== undefined && o.covFile !== undefined) throw new UsageError('--cov and --cov-file cannot be used together (give one covariance source)');
  if (kind === 'random-cov' && (o.cov !== undefined || o.covFile !== undefined)) throw new UsageError('--cov and --cov-file do not apply to --kind random-cov (its covariance is drawn per prompt; use --law)');
  if (kind !== 'random-cov' && o.law !== undefined) throw new UsageError('--law applies only to --kind random-cov');
  const family = o.covFile !== undefined ? null : familyArg('--cov', o.cov ?? 'identity');
  const kappa = o.kappa !== undefined ? numberArg('--kappa', o.kappa, { min: 1, max: 1e6 }) : 10;
  let law: EntryLaw;
  try {
    law = parseEntryLaw(o.law ?? 'exp');
  } catch (e) {
    throw new UsageError(`--law: ${(e as Error).message}`);
  }
  const ridge = numberArg('--ridge', o.ridge ?? '1', { min: 0, openMin: true, max: 1e9 });
  const samples = intArg('--samples', o.samples ?? '10000', 2, 10_000_000);
  const seed = seedArg(o.seed);
  if (o.json !== undefined && o.json.trim() === '') throw new UsageError('--json must name a file');
  const lambdaFromFile = o.covFile !== undefined ? covarianceFileArg('--cov-file', o.covFile, d) : null;
  return { kind, scales, d, n, ms, family, covFile: o.covFile ?? null, kappa, lambdaFromFile, law, ridge, samples, seed, json: o.json ?? null };
}

/** The paper's claimed slope of ŷ on ⟨w, x_q⟩ at scale s, where the paper states one. */
function paperSlope(kind: ShiftKind, s: number, law: EntryLaw, query: string): { value: number; source: string } | null {
  const f = shiftFormulas();
  if (kind === 'covariate') return { value: f.section42LimitMap([[1]], [[s * s]])[0][0], source: '§4.2: ŷ ≈ c²x_qᵀw (N, M large)' };
  if (kind === 'random-cov' && query.startsWith('x_q ~ N(0, I)')) {
    // E[Λ²]E[Λ³]⁻¹ of the training law (scale 1) times E[Λ_new] of the test law (scale s)
    const train = (k: number) => entryMoment(law, k);
    return { value: f.eq413Slope(train) * s, source: '(4.13): E[ŷ | x_q, w] → x_qᵀE[Λ²]E[Λ³]⁻¹E[Λ_new]w (N, M → ∞)' };
  }
  if (kind === 'random-cov') return null;
  return { value: 1, source: '(4.7)–(4.8): ŷ ≈ x_qᵀw (N, M large)' };
}

function num(x: number | null, digits = 4): string {
  return x === null ? '—' : Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

/** The text printed by `icl-audit shift`. */
export function renderShift(inp: ShiftInputs, ex: ShiftExperiment): string {
  const lines = [
    `icl-audit shift --kind ${inp.kind}: d = ${inp.d}, N = ${inp.n}, trained on ${ex.trainedOn}; ${inp.samples} prompts per (scale, M), seed ${inp.seed}`,
    `scale: ${ex.scaleMeaning}`,
    'error E(ŷ − ⟨w, x_q⟩)²: exact | Monte Carlo ± half-width (95 % simultaneous over the predictors of a row)',
  ];
  const preds = [...new Set(ex.rows.map((r) => r.predictor))];
  lines.push(['scale', 'M', ...preds].map((h, i) => (i < 2 ? h.padStart(6) : h.padStart(26))).join(' '));
  for (const s of inp.scales)
    for (const m of inp.ms) {
      const cells = preds.map((p) => {
        const r = ex.rows.find((x) => x.scale === s && x.M === m && x.predictor === p)!;
        return `${num(r.exact)} | ${num(r.monteCarlo.estimate)}±${num(r.monteCarlo.halfWidth, 2)}`.padStart(26);
      });
      lines.push([String(s).padStart(6), String(m).padStart(6), ...cells].join(' '));
    }
  if (ex.slopes.length > 0) {
    lines.push('', 'slope of the LSA on the truth, E[ŷ⟨w, x_q⟩]/E[⟨w, x_q⟩²]: the paper | exact at this N, M | Monte Carlo (95 % interval)');
    for (const sl of ex.slopes) {
      const p = paperSlope(inp.kind, sl.scale, inp.law, sl.query);
      lines.push(`  scale ${sl.scale}, M = ${sl.M}, query ${sl.query}: ${p ? `${num(p.value)} [${p.source}]` : '—'} | ${num(sl.exact)} | ${num(sl.monteCarlo.estimate)} [${num(sl.monteCarlo.ci[0])}, ${num(sl.monteCarlo.ci[1])}]`);
    }
  }
  if (inp.kind === 'covariate') lines.push('', 'c² law: the LSA\'s slope grows as c² (exactly c² × its value at c = 1, for every N and M); least squares is scale-invariant (error 0 for M ≥ d, noiseless)');
  if (inp.kind === 'random-cov')
    lines.push(
      '',
      `⅓: for Exp(1) entries E[Λ] = I, E[Λ²] = 2I, E[Λ³] = 6I give E[Λ²]E[Λ³]⁻¹E[Λ] = ⅓ I (paper), reached as N → ∞ (exact: m₁V_jj = 1/(3 + (d + 5)/N) at scale 1); with x_q drawn from the prompt's own N(0, Λ_new) the slope is m₂²/(m₁m₃) = ⅔ instead (see C17)`,
    );
  return lines.join('\n');
}

/** Run for validated inputs. */
export function runShiftCommand(inp: ShiftInputs, onProgress?: (done: number, total: number) => void): ShiftExperiment {
  const lambda = inp.lambdaFromFile ?? drawCovariance(inp.family ?? 'identity', inp.d, stream(inp.seed).child('covariance'), { kappa: inp.kappa });
  return predictorsUnderShift({ kind: inp.kind, lambda, n: inp.n, ms: inp.ms, scales: inp.scales, law: inp.law, ridge: inp.ridge, samples: inp.samples, seed: inp.seed, progress: onProgress });
}

/** Register `icl-audit shift`. */
export function registerShift(program: Command, setCode: (code: number) => void): void {
  program
    .command('shift')
    .description('errors of the trained LSA (its limit), least squares, ridge, Bayes-optimal and zero under a distribution shift: exact where a formula exists, Monte Carlo with intervals (exit 0; 2: bad input)')
    .option('--kind <KIND>', `one of ${SHIFT_KINDS.join(', ')}`)
    .option('--scales <LIST>', 'shift scales, comma-separated (default 0.25,0.5,1,2,4; length: 1)')
    .option('--d <D>', 'dimension (default 5)')
    .option('--N <N>', 'training prompt length (default 20)')
    .option('--M <LIST>', 'test prompt lengths, comma-separated (default 10,20,50,100; orthogonal: values < d)')
    .option('--cov <FAMILY>', 'training covariance family (default identity)')
    .option('--cov-file <FILE>', 'training covariance Λ from a JSON file (array of rows), d×d SPD')
    .option('--kappa <K>', 'condition number for the diagonal, rotated, spiked families (default 10)')
    .option('--law <LAW>', 'random-cov entry law: exp, gamma:K, uniform:A,B, lognormal:MU,S, two-point:A,B,P (default exp)')
    .option('--ridge <L>', 'ridge penalty on the sum of squares (default 1)')
    .option('--samples <S>', 'Monte Carlo prompts per (scale, M) (default 10000)')
    .option('--seed <S>', 'root seed (default $ICL_AUDIT_SEED or 1)')
    .option('--json <FILE>', 'write one row per (kind, scale, M, predictor) with exact and monteCarlo {estimate, ci}')
    .action(async (opts: ShiftCommandOptions) => {
      const inp = parseShiftOptions(opts);
      const bar = progress('shift');
      let ex: ShiftExperiment;
      try {
        ex = runShiftCommand(inp, (done, total) => {
          try {
            bar.update(done, total);
          } catch {
            /* cosmetic */
          }
        });
      } finally {
        try {
          bar.done();
        } catch {
          /* cosmetic */
        }
      }
      if (inp.json) {
        writeJsonFile(inp.json, {
          tool: 'icl-audit',
          version: VERSION,
          command: 'shift',
          kind: inp.kind,
          inputs: { d: inp.d, N: inp.n, M: inp.ms, scales: inp.scales, cov: inp.family, covFile: inp.covFile, kappa: inp.family ? inp.kappa : null, law: inp.kind === 'random-cov' ? describeEntryLaw(inp.law) : null, ridge: inp.ridge, samples: inp.samples, seed: inp.seed },
          scaleMeaning: ex.scaleMeaning,
          trainedOn: ex.trainedOn,
          lsaV: ex.lsaV,
          rows: ex.rows,
          slopes: ex.slopes.map((s) => ({ ...s, paper: paperSlope(inp.kind, s.scale, inp.law, s.query) })),
        });
      }
      process.stdout.write(renderShift(inp, ex) + '\n');
      setCode(EXIT.ok);
    });
}

