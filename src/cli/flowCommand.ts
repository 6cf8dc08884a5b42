/**
 * `icl-audit flow`: integrate the gradient flow of the reduced LSA model (spec §3) on the exact population
 * loss from Assumption 3.3's initialization, and report how close it ends to the paper's limit Γ⁻¹.
 *
 * The flow itself (src/dynamics/) runs on the loss built from first principles (src/moments/); the paper's
 * formulas (src/theory/) are used here only for defaults (σ inside Theorem 4.1's bound) and for reporting
 * (Γ⁻¹, the minimum value).
 */
import type { Command } from 'commander';
import type { Mat } from '../linalg/matrix';
import type { CovarianceFamily } from '../random/covariance';
import { RK45_DEFAULT_RTOL, STIFF_DEFAULT_RTOL, type FlowMethod, type FlowResult } from '../dynamics';
import { flow, STIFF_INTEGRATORS, type FlowReport, type StiffIntegrator } from '../api/flow';
import { covarianceFileArg, familyArg, intArg, numberArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { outputArg, writeJsonFile } from './output';
import { progress } from './progress';

/** Options of `icl-audit flow`, as parsed by commander (all strings until validated). */
export interface FlowCommandOptions {
  d?: string;
  N?: string;
  cov?: string;
  covFile?: string;
  kappa?: string;
  sigma?: string;
  seed?: string;
  rtol?: string;
  method?: string;
  integrator?: string;
  step?: string;
  maxSteps?: string;
  json?: string;
  quiet?: boolean;
}

/** Validated inputs of a flow run. */
export interface FlowInputs {
  d: number;
  n: number;
  family: CovarianceFamily | null;
  covFile: string | null;
  kappa: number | null;
  sigma: number | null;
  seed: number;
  rtol: number | null;
  method: FlowMethod;
  integrator: StiffIntegrator | null;
  step: number | null;
  maxSteps: number | null;
  lambdaFromFile: Mat | null;
}

const METHODS: readonly FlowMethod[] = ['stiff', 'rk45', 'gd'];

export { FLOW_COVARIANCE_RULES, FLOW_MAX_KAPPA } from '../api/flow';
import { FLOW_COVARIANCE_RULES, FLOW_MAX_KAPPA } from '../api/flow';

/** Validate every option (UsageError naming the argument and the rule); reads the covariance file. */
export function parseFlowOptions(o: FlowCommandOptions): FlowInputs {
  const d = intArg('--d', o.d, 1, 64);
  const n = intArg('--N', o.N, 1, 1_000_000_000);
  if (o.cov !== undefined && o.covFile !== undefined) throw new UsageError('--cov and --cov-file cannot be used together (give one covariance source)');
  if (o.kappa !== undefined && o.covFile !== undefined) throw new UsageError('--kappa applies to the --cov families, not to --cov-file (the file fixes Λ)');
  const family = o.covFile !== undefined ? null : familyArg('--cov', o.cov ?? 'rotated');
  const kappa = o.kappa !== undefined ? numberArg('--kappa', o.kappa, { min: 1, max: FLOW_MAX_KAPPA }) : family ? 10 : null;
  const sigma = o.sigma !== undefined ? numberArg('--sigma', o.sigma, { min: 0, openMin: true, max: 1e6 }) : null;
  const seed = seedArg(o.seed);
  const rtol = o.rtol !== undefined ? numberArg('--rtol', o.rtol, { min: 0, openMin: true, max: 1e-3 }) : null;
  const m = (o.method ?? 'stiff').trim();
  if (!(METHODS as readonly string[]).includes(m)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got '${o.method}'`);
  const method = m as FlowMethod;
  let integrator: StiffIntegrator | null = null;
  if (o.integrator !== undefined) {
    const i = o.integrator.trim();
    if (!(STIFF_INTEGRATORS as readonly string[]).includes(i)) throw new UsageError(`--integrator must be one of ${STIFF_INTEGRATORS.join(', ')}, got '${o.integrator}'`);
    if (method !== 'stiff') throw new UsageError(`--integrator applies only to --method stiff (got --method ${method})`);
    integrator = i as StiffIntegrator;
  }
  const step = o.step !== undefined ? numberArg('--step', o.step, { min: 0, openMin: true, max: 1e6 }) : null;
  if (step !== null && method !== 'gd') throw new UsageError(`--step applies only to --method gd (got --method ${method})`);
  if (rtol !== null && method === 'gd') throw new UsageError('--rtol applies only to --method stiff or rk45 (gradient descent has a fixed step; use --step)');
  const maxSteps = o.maxSteps !== undefined ? intArg('--max-steps', o.maxSteps, 1, 1e9) : null;
  outputArg('--json', o.json);
  const lambdaFromFile = o.covFile !== undefined ? covarianceFileArg('--cov-file', o.covFile, d, FLOW_COVARIANCE_RULES) : null;
  return { d, n, family, covFile: o.covFile ?? null, kappa: family ? kappa : null, sigma, seed, rtol, method, integrator, step, maxSteps, lambdaFromFile };
}

/** The JSON report of a flow run (built by the library function {@link flow}). */
export type { FlowReport } from '../api/flow';

/** Run the flow for validated inputs; `onFraction` receives progress in [0, 1]. */
export function runFlowCommand(inp: FlowInputs, onFraction?: (f: number, label: string) => void, warn: (line: string) => void = () => {}): { report: FlowReport; result: FlowResult; sigmaBound: number } {
  return flow({ ...inp, N: inp.n, cov: inp.family, lambda: inp.lambdaFromFile, onFraction, warn });
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toExponential(digits - 1) : String(x);
}

/** The text summary printed by `icl-audit flow`. */
export function renderFlowSummary(r: FlowReport, res: FlowResult): string {
  const i = r.inputs;
  const f = r.final;
  const src = i.covFile ? `Λ from ${i.covFile}` : `Λ ${i.cov}${i.kappa !== null ? ` (κ = ${i.kappa})` : ''}`;
  const lines = [
    `icl-audit flow: d = ${i.d}, N = ${i.N}, ${src}, seed ${i.seed}, σ = ${(i.sigma as number).toPrecision(4)} (Theorem 4.1 bound ${(i.sigmaBoundTheorem41 as number).toPrecision(4)})`,
    `method       ${res.scheme}${res.method === 'gd' ? '' : `, rtol ${res.rtol}, atol ${res.atol}`}`,
    `status       ${res.message}`,
    `steps        ${res.stats.steps} (${res.stats.accepted} accepted, ${res.stats.rejected} rejected), ${res.stats.rhsEvaluations} RHS evaluations${res.stats.jacobianEvaluations ? `, ${res.stats.jacobianEvaluations} Jacobians` : ''}`,
    `final t      ${res.t.toPrecision(6)}`,
    `loss         ${res.loss.toPrecision(12)}   minimum ½[tr Λ − tr(Γ⁻¹Λ²)] = ${r.minimumValue.toPrecision(12)}   gap ${fmt(f.lossGap as number)}`,
    `distance     ‖uU − Γ⁻¹‖_F/‖Γ⁻¹‖_F = ${fmt(f.relDistanceToGammaInverse as number)}`,
    `balance      u² − ‖U‖_F² = ${fmt(res.balance)} (max drift along the run ${fmt(res.maxBalanceDrift)}; exact flow: 0)`,
    `time         ${res.stats.elapsedMs.toFixed(1)} ms`,
  ];
  return lines.join('\n');
}

/** Register `icl-audit flow`. */
export function registerFlow(program: Command, setCode: (code: number) => void): void {
  program
    .command('flow')
    .description('integrate the reduced gradient flow from Assumption 3.3 and report convergence to Γ⁻¹ (exit 0: converged, 1: did not converge, 2: bad input)')
    .option('--d <D>', 'dimension d (integer 1..64)')
    .option('--N <N>', 'training prompt length N (integer ≥ 1)')
    .option('--cov <FAMILY>', 'covariance family: identity, scaled, diagonal, rotated, spiked, wishart, exp-diag (default rotated)')
    .option('--cov-file <FILE>', 'covariance Λ from a JSON file (an array of rows, or an object with "lambda"); d×d, symmetric positive definite')
    .option('--kappa <K>', 'condition number for the diagonal, rotated and spiked families (≥ 1; default 10)')
    .option('--sigma <S>', 'initialization scale σ > 0 (default min(0.1, half of Theorem 4.1\'s bound))')
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--rtol <R>', `relative tolerance of the integrator (default ${STIFF_DEFAULT_RTOL} stiff, ${RK45_DEFAULT_RTOL} rk45; atol = rtol/100)`)
    .option('--method <M>', 'stiff (Rodas5 in the eigenbasis, default), rk45 (Dormand–Prince, original coordinates) or gd (gradient descent)')
    .option('--integrator <I>', 'the stiff route\'s integrator: rodas5 (default), rodas5p, or bdf (variable-order BDF, SciPy solve_ivp\'s algorithm); --method stiff only')
    .option('--step <ETA>', 'gradient-descent step (--method gd; default half the stable scale 1/(λmax(P)λmax(Q)‖V*‖_F))')
    .option('--max-steps <K>', 'cap on steps (GD: iterations)')
    .option('--json <FILE>', 'write inputs, Λ, Γ⁻¹, the final state, solver stats and the trajectory (≤ 200 samples) as JSON')
    .option('--quiet', 'print only the status line')
    .action(async (opts: FlowCommandOptions) => {
      const inp = parseFlowOptions(opts);
      const bar = progress('flow');
      // A progress display must never end the run: src/cli/progress.ts throws (String.repeat(-1)) on a
      // terminal that reports 0 columns, so its calls are guarded here.
      const safely = (draw: () => void): void => {
        try {
          draw();
        } catch {
          /* the bar is cosmetic */
        }
      };
      let run;
      try {
        run = runFlowCommand(inp, (f, label) => safely(() => bar.update(f, 1, label)), (line) => process.stderr.write(`icl-audit: ${line}\n`));
      } finally {
        safely(() => bar.done());
      }
      if (opts.json) writeJsonFile(opts.json, run.report);
      const text = renderFlowSummary(run.report, run.result);
      process.stdout.write((opts.quiet ? text.split('\n')[2] : text) + '\n');
      setCode(run.result.status === 'converged' ? EXIT.ok : EXIT.falsified);
    });
}
