/**
 * The in-context regression problem: the distribution a prompt is drawn from. Training prompts use
 * prompt and query covariance Λ, task covariance I and no label noise (spec §1); test distributions may
 * shift each part (spec §4.2), which is why every second moment is a field of its own.
 */
import { identity, psdProblem, type Mat } from '../linalg/matrix';
import { covarianceProblem, matrixShapeProblem, refuse } from '../validate';

/** A distribution of prompts: covariates x_i ~ N(0, `promptCov`), x_q ~ N(0, `queryCov`), w ~ N(0, `taskCov`). */
export interface PromptDistribution {
  /** Dimension d. */
  d: number;
  /** Covariance Λ of the prompt covariates x_1…x_M. */
  promptCov: Mat;
  /** Second moment of the query x_q (default: `promptCov`); positive semidefinite, so a point mass x is x xᵀ. */
  queryCov?: Mat;
  /** Second moment Σ_w = E[w wᵀ] of the task (default: I_d); positive semidefinite, so a fixed task w is Σ_w = w wᵀ. */
  taskCov?: Mat;
  /** Standard deviation of the label noise on y_1…y_M (default 0). */
  noiseStd?: number;
}

/** A distribution with every default filled in. */
export interface ResolvedDistribution {
  d: number;
  promptCov: Mat;
  queryCov: Mat;
  taskCov: Mat;
  noiseStd: number;
}

/** The paper's training distribution for covariance Λ (spec §1). */
export function trainingDistribution(lambda: Mat): ResolvedDistribution {
  const shape = matrixShapeProblem(lambda);
  if (shape) refuse('lambda', shape);
  return { d: lambda.length, promptCov: lambda, queryCov: lambda, taskCov: identity(lambda.length), noiseStd: 0 };
}

/**
 * Fill defaults and validate: the prompt covariance d×d SPD within float64's range (src/validate's
 * covariance rules), the query's and the task's second moments PSD, noise finite ≥ 0. Throws a UsageError
 * (a RangeError) naming the field.
 */
export function resolveDistribution(dist: PromptDistribution): ResolvedDistribution {
  if (dist === null || typeof dist !== 'object') return refuse('dist', `must be a prompt distribution { d, promptCov, … }, got ${dist === null ? 'null' : typeof dist}`);
  const { d } = dist;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be an integer ≥ 1, got ${d}`);
  const out: ResolvedDistribution = {
    d,
    promptCov: dist.promptCov,
    queryCov: dist.queryCov ?? dist.promptCov,
    taskCov: dist.taskCov ?? identity(d),
    noiseStd: dist.noiseStd ?? 0,
  };
  for (const key of ['promptCov', 'queryCov', 'taskCov'] as const) {
    const m = out[key];
    if (!Array.isArray(m) || m.length !== d) throw new RangeError(`${key} must be ${d}×${d}, got ${Array.isArray(m) ? m.length : typeof m} rows`);
    const problem = key === 'promptCov' ? covarianceProblem(m, { d }) : (matrixShapeProblem(m, d) ?? psdProblem(m));
    if (problem) refuse(key, problem);
  }
  if (!(out.noiseStd >= 0) || !Number.isFinite(out.noiseStd)) refuse('noiseStd', `must be a finite number ≥ 0, got ${out.noiseStd}`);
  return out;
}
