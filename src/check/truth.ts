/**
 * First-principles ground truth for each quantity a user's formula can be checked against. Everything
 * here comes from the model's definition through src/moments (Isserlis' rule on ŷ = sᵀVx_q) and
 * src/dynamics (the integrated gradient flow); nothing imports the paper's formulas (src/theory).
 */
import { inverse, mul, symmetrize, type Mat } from '../linalg/matrix';
import { populationLoss, quadraticMinimizer, reducedLossAndGradient, testError, testErrorModel, trainingLossModel } from '../moments/quadratic';
import { trainingDistribution } from '../icl/distribution';
import { gradientFlow } from '../dynamics/gradientFlow';
import { initialReduced } from '../lsa/init';
import type { Instance } from './instances';

/**
 * Γ from first principles: the population loss's P = E[S Σ_w S] (Σ_w = I) equals ΓΛ (eq. A.7 states
 * E[Ŝ²] = ΓΛ), so Γ = P Λ⁻¹, with P computed by Isserlis' rule.
 */
export function firstPrinciplesGamma(lambda: Mat, n: number): Mat {
  const model = trainingLossModel(lambda, n);
  return symmetrize(mul(model.P, inverse(model.Q)));
}

/** The exact minimizer V* = P⁻¹BQ⁻¹ of the training population loss. */
export function exactMinimizer(lambda: Mat, n: number): Mat {
  return quadraticMinimizer(trainingLossModel(lambda, n));
}

/** The minimum of the population loss L(V) = ½E(ŷ − ⟨w, x_q⟩)², at V*. */
export function exactMinimumLoss(lambda: Mat, n: number): number {
  const model = trainingLossModel(lambda, n);
  return populationLoss(model, quadraticMinimizer(model));
}

/** E(ŷ − ⟨w, x_q⟩)² of the trained predictor V* on test prompts of length m from the training distribution. */
export function exactTestError(lambda: Mat, n: number, m: number): number {
  return testError(testErrorModel(trainingDistribution(lambda), m), exactMinimizer(lambda, n));
}

/**
 * The M → ∞ limit of the test error of V* (trained on Λ, length N) on prompts and queries from N(0, Λ′)
 * and tasks with E[wwᵀ] = Σ_w. The exact error is affine in 1/M (P = E[SΣ_wS] is), so its limit is
 * extrapolated exactly from M = 1 and M = 2: e(∞) = 2e(2) − e(1).
 */
export function exactCovariateLimit(lambda: Mat, n: number, lambdaTest: Mat, sigmaW: Mat): number {
  const v = exactMinimizer(lambda, n);
  const dist = { d: lambda.length, promptCov: lambdaTest, queryCov: lambdaTest, taskCov: sigmaW };
  return 2 * testError(testErrorModel(dist, 2), v) - testError(testErrorModel(dist, 1), v);
}

/** The gradient flow's limit of U = W^KQ₁₁ from Assumption 3.3 (σ, Θ of the instance), integrated. */
export function integratedLimitU(inst: Instance): { U: Mat; converged: boolean; distance: number } {
  const model = trainingLossModel(inst.Lambda, inst.N);
  const init = initialReduced(inst.sigma, inst.Theta);
  const r = gradientFlow(model, { method: 'stiff', u0: init.u, U0: init.U, rtol: 1e-11, convergenceTol: 1e-11 });
  return { U: r.U, converged: r.status === 'converged', distance: r.measure };
}

/**
 * The smallest observed Polyak–Łojasiewicz ratio (‖∂ℓ̃/∂U‖²_F + (∂ℓ̃/∂u)²) / (ℓ̃ − min ℓ̃) along the
 * integrated flow from Assumption 3.3 (every accepted step while the gap is above 10⁻⁸ of its initial
 * value, where it is not yet lost to cancellation). A constant μ holds on this trajectory iff μ ≤ it.
 */
export function observedPlRatio(inst: Instance): { ratio: number; samples: number } {
  const model = trainingLossModel(inst.Lambda, inst.N);
  const vStar = quadraticMinimizer(model);
  const lMin = populationLoss(model, vStar);
  const init = initialReduced(inst.sigma, inst.Theta);
  let ratio = Infinity;
  let samples = 0;
  let gap0 = NaN;
  const visit = (u: number, U: Mat): void => {
    const g = reducedLossAndGradient(model, u, U);
    const gap = g.loss - lMin;
    if (Number.isNaN(gap0)) gap0 = gap;
    if (!(gap > 1e-8 * gap0)) return;
    let norm2 = g.du * g.du;
    for (const row of g.dU) for (const x of row) norm2 += x * x;
    ratio = Math.min(ratio, norm2 / gap);
    samples++;
  };
  visit(init.u, init.U);
  gradientFlow(model, { method: 'stiff', u0: init.u, U0: init.U, rtol: 1e-10, convergenceTol: 1e-9, observe: (_t, _k, state) => {
    const s = state();
    visit(s.u, s.U);
  } });
  return { ratio, samples };
}

