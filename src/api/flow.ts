/**
 * `flow`: the library function behind `icl-audit flow`. Integrates the gradient flow of the reduced LSA
 * model (spec §3) on the exact population loss from Assumption 3.3's initialization and reports how close
 * it ends to the paper's limit Γ⁻¹.
 *
 * The flow itself (src/dynamics/) runs on the loss built from first principles (src/moments/); the paper's
 * formulas (src/theory/) are used here only for defaults (σ inside Theorem 4.1's bound) and for reporting
 * (Γ⁻¹, the minimum value).
 */
import { inverse, relativeDistance, trace, mul, type Mat } from '../linalg/matrix';
import { trainingLossModel } from '../moments/quadratic';
import { drawCovariance, type CovarianceFamily } from '../random/covariance';
import { stream } from '../random/stream';
import { initialReduced, randomTheta } from '../lsa/init';
import { gamma } from '../theory/gamma';
import { theorem41SigmaBound } from '../theory/theorem41';
import { gdStepScale, gradientFlow, subsampleTrajectory, type FlowMethod, type FlowResult } from '../dynamics';
import { RODAS5P } from '../dynamics/rodas5p';
import { VERSION } from '../version';
import { defaultRootSeed } from './verify';
import { assertValid, covarianceSchema, type CovarianceRules } from '../validate';

/**
 * The flow's reach, measured (d = 3, diagonal Λ, every default): from Assumption 3.3 the stiff flow needs
 * t ≈ 20/λ_min² to converge, so with tMax = 1e12 it converges when λ_min ≥ 1e-5 (λ_min = 1e-6 runs out of
 * time); with λ_max = 1e6 and κ = 1 its step control fails at t = 0. The families have mean eigenvalue 1,
 * so --kappa ≤ 1e5 keeps λ_min ≥ 1e-5.
 */
export const FLOW_COVARIANCE_RULES: CovarianceRules = {
  eigenRange: [1e-5, 1e5],
  rangeBecause: 'the stiff flow converges within t ≤ 1e12 only for λ_min ≥ 1e-5, and its step control fails for λ_max ≥ 1e6',
};
/** Largest --kappa of the families (mean eigenvalue 1, so λ_min ≥ 1/κ stays in the flow's reach). */
export const FLOW_MAX_KAPPA = 1e5;

/** Integrators of the stiff route: Rodas5 (default), Rodas5P, or variable-order BDF (SciPy's algorithm). */
export const STIFF_INTEGRATORS = ['rodas5', 'rodas5p', 'bdf'] as const;
export type StiffIntegrator = (typeof STIFF_INTEGRATORS)[number];

/** Options of {@link flow}; the same as `icl-audit flow`'s flags. */
export interface FlowRunOptions {
  /** Dimension d. */
  d: number;
  /** Training prompt length N. */
  N: number;
  /** Covariance family (default 'rotated'); ignored when `lambda` is given. */
  cov?: CovarianceFamily | null;
  /** A d×d symmetric positive definite Λ (instead of a family). */
  lambda?: Mat | null;
  /** Name of the file Λ came from (reported only). */
  covFile?: string | null;
  /** Condition number for the diagonal, rotated and spiked families (default 10). */
  kappa?: number | null;
  /** Initialization scale σ (default min(0.1, half of Theorem 4.1's bound)). */
  sigma?: number | null;
  /** Root seed (default `$ICL_AUDIT_SEED`, else 1). */
  seed?: number;
  /** Relative tolerance of the integrator. */
  rtol?: number | null;
  /** 'stiff' (default), 'rk45' or 'gd'. */
  method?: FlowMethod;
  /**
   * The stiff route's integrator: 'rodas5' (default), 'rodas5p' or 'bdf' (variable-order BDF as SciPy's
   * solve_ivp). Only with method 'stiff'.
   */
  integrator?: StiffIntegrator | null;
  /** Gradient-descent step (method 'gd'). */
  step?: number | null;
  /** Cap on steps. */
  maxSteps?: number | null;
  /** Progress in [0, 1] with a label. */
  onFraction?: (f: number, label: string) => void;
  /** Receives warnings (e.g. σ outside Theorem 4.1's bound). */
  warn?: (line: string) => void;
}

/** The JSON report of a flow run. */
export interface FlowReport {
  command: 'flow';
  version: string;
  inputs: Record<string, unknown>;
  lambda: Mat;
  gammaInverse: Mat;
  minimumValue: number;
  initial: { u: number; U: Mat };
  final: Record<string, unknown> & { u: number; U: Mat; V: Mat; t: number; loss: number };
  solver: Record<string, unknown>;
  trajectory: ReturnType<typeof subsampleTrajectory>;
}

/**
 * Integrate the reduced gradient flow and return the same JSON report as `icl-audit flow --json`.
 *
 * ```ts
 * import { flow } from 'icl-audit';
 * const { report } = flow({ d: 3, N: 10, cov: 'rotated', kappa: 10, seed: 1 });
 * report.final.relDistanceToGammaInverse; // ≈ 1e-12
 * ```
 */
export function flow(options: FlowRunOptions): { report: FlowReport; result: FlowResult; sigmaBound: number } {
  const { d, N: n, lambda: lambdaFromFile = null, covFile = null, maxSteps = null, rtol = null, onFraction, warn = () => {} } = options;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be an integer ≥ 1, got ${d}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`N must be an integer ≥ 1, got ${n}`);
  const family = lambdaFromFile ? null : (options.cov ?? 'rotated');
  const kappa = family ? (options.kappa ?? 10) : null;
  const sigmaGiven = options.sigma ?? null;
  const seed = options.seed ?? defaultRootSeed();
  const method: FlowMethod = options.method ?? 'stiff';
  const stepGiven = options.step ?? null;
  const integratorGiven = options.integrator ?? null;
  if (integratorGiven !== null && !(STIFF_INTEGRATORS as readonly string[]).includes(integratorGiven))
    throw new RangeError(`integrator must be one of ${STIFF_INTEGRATORS.join(', ')}, got '${String(integratorGiven)}'`);
  if (integratorGiven !== null && method !== 'stiff') throw new RangeError(`integrator applies only to method 'stiff' (got method '${method}')`);
  const integrator: StiffIntegrator | null = method === 'stiff' ? (integratorGiven ?? 'rodas5') : null;
  const root = stream(seed);
  const covStream = root.child('covariance');
  const thetaStream = root.child('theta');
  const lambda = assertValid(
    covarianceSchema({ ...FLOW_COVARIANCE_RULES, d }),
    lambdaFromFile ?? drawCovariance(family ?? 'rotated', d, covStream, { kappa: kappa ?? 10 }),
    lambdaFromFile ? 'lambda' : `--cov ${family} (seed ${seed}: another --seed draws another Λ)`,
  );
  const theta = randomTheta(d, thetaStream);
  const sigmaBound = theorem41SigmaBound(lambda, n);
  const sigma = sigmaGiven ?? Math.min(0.1, 0.5 * sigmaBound);
  if (!(sigma < sigmaBound))
    warn(`warning: --sigma ${sigma} is outside Assumption 3.3 as Theorem 4.1 states it (σ²‖Γ‖_op√d < 2 needs σ < ${sigmaBound.toPrecision(4)}); running anyway`);
  const init = initialReduced(sigma, theta);
  const model = trainingLossModel(lambda, n);
  const gammaInverse = inverse(gamma(lambda, n));
  const minimumValue = 0.5 * (trace(lambda) - trace(mul(gammaInverse, lambda, lambda)));
  const step = method === 'gd' ? (stepGiven ?? 0.5 * gdStepScale(model)) : null;
  const result = gradientFlow(model, {
    method: method,
    ...(integrator === 'bdf' ? { integrator: 'bdf' as const } : integrator === 'rodas5p' ? { tableau: RODAS5P } : {}),
    u0: init.u,
    U0: init.U,
    target: gammaInverse,
    rtol: rtol ?? undefined,
    step: step ?? undefined,
    maxSteps: maxSteps ?? undefined,
    onProgress: onFraction ? (p) => onFraction(p.fraction, `t=${p.t.toPrecision(3)} dist=${p.measure.toExponential(1)}`) : undefined,
  });
  const report: FlowReport = {
    command: 'flow',
    version: VERSION,
    inputs: {
      d: d,
      N: n,
      cov: family,
      covFile: covFile,
      kappa: kappa,
      sigma,
      sigmaDefaulted: sigmaGiven === null,
      sigmaBoundTheorem41: sigmaBound,
      seed: seed,
      rngPaths: { covariance: lambdaFromFile ? null : covStream.describe(), theta: thetaStream.describe() },
      theta,
      rtol: method === 'gd' ? null : result.rtol,
      atol: method === 'gd' ? null : result.atol,
      method: method,
      integrator,
      step,
      maxSteps: maxSteps,
    },
    lambda,
    gammaInverse,
    minimumValue,
    initial: { u: init.u, U: init.U },
    final: {
      status: result.status,
      message: result.message,
      u: result.u,
      U: result.U,
      V: result.V,
      t: result.t,
      loss: result.loss,
      lossGap: result.loss - minimumValue,
      relDistanceToGammaInverse: relativeDistance(result.V, gammaInverse),
      relDistanceToModelMinimizer: result.measure,
      balance: result.balance,
      maxBalanceDrift: result.maxBalanceDrift,
    },
    solver: {
      method: result.method,
      scheme: result.scheme,
      status: result.status,
      rtol: method === 'gd' ? null : result.rtol,
      atol: method === 'gd' ? null : result.atol,
      ...result.stats,
    },
    trajectory: subsampleTrajectory(result.trajectory, 200),
  };
  return { report, result, sigmaBound };
}
