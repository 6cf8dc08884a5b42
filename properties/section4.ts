/**
 * Section 4 properties (main results). C10, Theorem 4.2: the test error of the trained model on
 * prompts of length M — the paper's expression against the exact test error of the first-principles
 * minimizer, computed from ŷ's definition (src/moments/). C08, Theorem 4.1, and C09, Corollary 4.3:
 * against the integrated gradient flow (src/dynamics/) and the full LSA forward pass (src/lsa/).
 */
import { conditionNumber, frobenius, relativeDistance, trace } from '../src/linalg/matrix';
import { populationLoss, quadraticMinimizer, testError, testErrorModel, trainingLossModel } from '../src/moments/quadratic';
import { fourthMoment } from '../src/moments/isserlis';
import { trainingDistribution } from '../src/icl/distribution';
import { samplePrompts } from '../src/icl/prompts';
import { predictFull } from '../src/lsa/forward';
import { fullFromReduced } from '../src/lsa/params';
import type { PaperFormulas } from '../src/theory/formulas';
import { PRECISION_LIMIT, type ClaimProperty } from '../src/contract/propertyCheck';
import { gammaN, momentSolveTolerance, SAFETY, SAMPLED_FAMILY_ALPHA } from '../src/contract/tolerance';
import { estimateFullError } from '../src/montecarlo/lsaError';
import { caseLambda, caseStream, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';
import { FLOW_CONVERGENCE_TOL, convergedFlow, flowCaseArbitrary, flowSetup, type FlowCase, type FlowSetup } from './flowCase';

/**
 * C10: |E_moments − E_paper| / tr Λ. The error is a difference of terms of size up to tr Λ, so its
 * floating-point error scales with tr Λ; the first-order sensitivity to the minimizer's error is at most
 * ~2 tr Λ times that error, hence twice the solve tolerance.
 */
export function testErrorProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const train = trainingLossModel(lambda, c.n);
      const vStar = quadraticMinimizer(train);
      const found = testError(testErrorModel(trainingDistribution(lambda), c.m), vStar);
      const claimed = f.theorem42Error(lambda, c.n, c.m);
      const tol = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: Math.abs(found - claimed) / trace(lambda), tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}

/**
 * The accuracy of a converged flow's V as an approximation of the exact minimizer V*: the flow stops at
 * ‖V − V*‖_F/‖V*‖_F ≤ FLOW_CONVERGENCE_TOL (measured, not assumed), and V* itself carries the rounding
 * of the moment route: the sum is what the paper's limit may differ by.
 */
function flowTolerance(s: FlowSetup, f: PaperFormulas, n: number): number {
  return 2 * (FLOW_CONVERGENCE_TOL + momentSolveTolerance(s.model.d, conditionNumber(s.model.P), conditionNumber(s.model.Q), conditionNumber(f.gamma(s.lambda, n))));
}

/**
 * C08, Theorem 4.1: gradient flow from Assumption 3.3 converges, and its limit is the paper's
 * (u_*, U_*) — so W^PV_* and W^KQ_* — with V_* = Γ⁻¹ and the paper's minimum value.
 * Error: the largest of the relative errors of u, U, V and of the loss (relative to tr Λ).
 */
export function convergenceProperty(f: PaperFormulas): ClaimProperty<FlowCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 2)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const r = convergedFlow(s);
      const lim = f.theorem41Limit(s.lambda, c.n);
      const minValue = f.theorem41MinimumValue(s.lambda, c.n);
      const loss = populationLoss(s.model, r.V);
      const errors = {
        u: Math.abs(r.u - lim.u) / Math.abs(lim.u),
        U: relativeDistance(r.U, lim.U),
        V: relativeDistance(r.V, lim.V),
        loss: Math.abs(loss - minValue) / trace(s.lambda),
      };
      const tol = flowTolerance(s, f, c.n);
      return {
        error: Math.max(errors.u, errors.U, errors.V, errors.loss),
        tolerance: tol,
        claimed: { u: lim.u, U: lim.U, minValue },
        found: { u: r.u, U: r.U, loss, t: r.t, status: r.status, errors },
        inputs: s.inputs,
      };
    },
  };
}

/** Test prompts per C09 case. */
const C09_PROMPTS = 8;

/**
 * C09, Corollary 4.3: at the limit, the trained LSA — the full forward pass with W^PV, W^KQ built from
 * the flow's (u, U) — predicts ŷ = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i on test prompts of length M.
 * Error: |ŷ_LSA − ŷ_paper| / (‖V‖_F ‖s‖ ‖x_q‖) (the size of the bilinear form), worst over the prompts.
 * Tolerance: the flow tolerance plus the rounding of the two read-outs, γ over 2(M+1)(d+1) + 2d² terms.
 */
export function predictorProperty(f: PaperFormulas): ClaimProperty<FlowCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 2)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const r = convergedFlow(s);
      const params = fullFromReduced({ u: r.u, U: r.U });
      const batch = samplePrompts(trainingDistribution(s.lambda), c.m, C09_PROMPTS, caseStream(c, 'test-prompts'));
      const vNorm = frobenius(r.V);
      let worst = 0;
      const claimed: number[] = [];
      const found: number[] = [];
      for (let b = 0; b < batch.count; b++) {
        const sv = new Array<number>(c.d).fill(0);
        for (let i = 0; i < c.m; i++) for (let k = 0; k < c.d; k++) sv[k] += (batch.ys[b * c.m + i] * batch.xs[(b * c.m + i) * c.d + k]) / c.m;
        const xq = Array.from(batch.xq.subarray(b * c.d, (b + 1) * c.d));
        const yPaper = f.corollary43Predict(s.lambda, c.n, sv, xq);
        const yLsa = predictFull(batch, b, params);
        claimed.push(yPaper);
        found.push(yLsa);
        const size = vNorm * Math.hypot(...sv) * Math.hypot(...xq);
        worst = Math.max(worst, size > 0 ? Math.abs(yLsa - yPaper) / size : Math.abs(yLsa - yPaper));
      }
      const tol = flowTolerance(s, f, c.n) + SAFETY * gammaN(2 * (c.m + 1) * (c.d + 1) + 2 * c.d * c.d);
      return { error: worst, tolerance: tol, claimed, found, inputs: s.inputs };
    },
  };
}

/** A C10 case with a fixed task: the problem and the seed of w. */
function fixedTask(c: ProblemCase): number[] {
  const rng = caseStream(c, 'task');
  return Array.from({ length: c.d }, () => rng.normal());
}

/**
 * C10, the paper's general form (per test distribution): for a fixed task w (a = w, noiseless labels,
 * so the best linear error is 0), Σ = Cov(x y) = E[x xᵀ w wᵀ x xᵀ] − Λ w wᵀ Λ from the moment rule, and
 * the exact test error of the first-principles minimizer with task second moment w wᵀ.
 * Error: |E_moments − E_paper| / (wᵀΛw) (the size of the label variance). Tolerance as for C10.
 */
export function generalFormProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const w = fixedTask(c);
      const wwT = w.map((x) => w.map((y) => x * y));
      const lw = lambda.map((row) => row.reduce((s, v, j) => s + v * w[j], 0));
      const sigmaXY = fourthMoment(lambda, wwT).map((row, i) => row.map((v, j) => v - lw[i] * lw[j]));
      const train = trainingLossModel(lambda, c.n);
      const vStar = quadraticMinimizer(train);
      const found = testError(testErrorModel({ d: c.d, promptCov: lambda, queryCov: lambda, taskCov: wwT }, c.m), vStar);
      const claimed = f.theorem42General(lambda, c.n, c.m, w, sigmaXY, 0);
      const labelVar = w.reduce((s, x, i) => s + x * lw[i], 0);
      const tol = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(f.gamma(lambda, c.n))) * (1 + trace(lambda) * frobenius(wwT) / Math.max(labelVar, 1e-300));
      return { error: Math.abs(found - claimed) / labelVar, tolerance: tol, claimed, found, inputs: { ...describeCase(c, lambda), w } };
    },
  };
}

/**
 * C10's rate as Corollary 4.3 bounds it (restated): the exact error of the first-principles minimizer
 * never exceeds (d+1) tr Λ/M + (1 + 2d + d²κ) tr Λ/N². Error: exact / bound (must be ≤ 1 up to rounding).
 */
export function rateBoundProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const train = trainingLossModel(lambda, c.n);
      const found = testError(testErrorModel(trainingDistribution(lambda), c.m), quadraticMinimizer(train));
      const bound = f.corollary43Bound(lambda, c.n, c.m);
      const rounding = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), 1) * trace(lambda) / bound;
      return { error: found / bound, tolerance: 1 + rounding, claimed: bound, found, inputs: describeCase(c, lambda) };
    },
  };
}

/** Sampled cases of the Monte Carlo part of C10. */
export const C10_SAMPLED_CASES = 4;

/**
 * C10, sampled: the paper's error expression lies inside a Monte Carlo interval for the test error of
 * the full LSA forward pass at the first-principles minimizer (fast Wishart path, 4·10⁴ prompts), at
 * confidence 1 − α/K per case. Error: |paper − estimate| / half-width; tolerance 1. d ≤ 8, N, M ≤ 100.
 */
export function testErrorSampledProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary({ dMax: 8, nMax: 100, mMax: 100 }),
    runs: () => C10_SAMPLED_CASES,
    evaluate(c) {
      const lambda = caseLambda(c);
      const vStar = quadraticMinimizer(trainingLossModel(lambda, c.n));
      const confidence = 1 - SAMPLED_FAMILY_ALPHA / C10_SAMPLED_CASES;
      const est = estimateFullError(trainingDistribution(lambda), c.m, fullFromReduced({ u: 1, U: vStar }), { stream: caseStream(c, 'mc-error'), samples: 40_000, confidence });
      const claimed = f.theorem42Error(lambda, c.n, c.m);
      const e = est.testError;
      return { error: Math.abs(claimed - e.estimate) / e.halfWidth, tolerance: 1, claimed, found: { estimate: e.estimate, ci: e.ci, replay: est.replay }, inputs: describeCase(c, lambda) };
    },
  };
}
