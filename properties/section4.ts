/**
 * Section 4 properties (main results). C10, Theorem 4.2: the test error of the trained model on
 * prompts of length M — the paper's expression against the exact test error of the first-principles
 * minimizer, computed from ŷ's definition (src/moments/). C08, Theorem 4.1, and C09, Corollary 4.3:
 * against the integrated gradient flow (src/dynamics/) and the full LSA forward pass (src/lsa/).
 */
import fc from 'fast-check';
import { conditionNumber, frobenius, inverse, relativeDistance, trace, type Mat } from '../src/linalg/matrix';
import { LABEL_LAW_KINDS, labelLawMoments, labelOf, lawTestError, type LabelLaw, type LabelMoments } from '../src/moments/labelLaws';
import { criticalValue } from '../src/montecarlo/normal';
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
 * C09, (4.2)–(4.3) and Corollary 4.3: at the limit, the trained LSA — the full forward pass with W^PV, W^KQ
 * built from the flow's (u, U) — predicts ŷ = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i on test prompts of length M, whatever
 * the labels: half the prompts have linear labels y_i = ⟨w, x_i⟩ (4.2), half y_i = tanh(⟨w, x_i⟩) + noise (4.3).
 * Error: |ŷ_LSA − ŷ_paper| / (‖V‖_F ‖s‖ ‖x_q‖) (the size of the bilinear form), worst over the prompts.
 * Tolerance: the flow tolerance plus the rounding of the two read-outs, γ over 2(M+1)(d+1) + 2d² terms.
 */
export function predictorProperty(f: PaperFormulas): ClaimProperty<FlowCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 8)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const r = convergedFlow(s);
      const params = fullFromReduced({ u: r.u, U: r.U });
      const batch = samplePrompts(trainingDistribution(s.lambda), c.m, C09_PROMPTS, caseStream(c, 'test-prompts'));
      const noise = caseStream(c, 'label-noise');
      for (let i = (C09_PROMPTS / 2) * c.m; i < C09_PROMPTS * c.m; i++) batch.ys[i] = Math.tanh(batch.ys[i]) + 0.5 * noise.normal();
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
 * C10, Corollary 4.3's chain for w ~ N(0, I) (§4.1, the display before the corollary): the exact error of
 * the first-principles minimizer ≤ (d+1) tr Λ/M + [tr Λ + 2d tr Λ + tr(Λ⁻¹) tr(Λ)²]/N² ≤ (d+1) tr Λ/M + η,
 * η = (1 + 2d + d²κ) tr Λ/N². Error: the larger of exact/middle and middle/outer (each must be ≤ 1 up to rounding).
 */
export function rateBoundProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const train = trainingLossModel(lambda, c.n);
      const found = testError(testErrorModel(trainingDistribution(lambda), c.m), quadraticMinimizer(train));
      const middle = f.corollary43MiddleBound(lambda, c.n, c.m);
      const outer = f.corollary43Bound(lambda, c.n, c.m);
      const rounding = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(lambda)) * trace(lambda) / middle;
      return { error: Math.max(found / middle, middle / outer), tolerance: 1 + rounding, claimed: { middle, outer }, found, inputs: describeCase(c, lambda) };
    },
  };
}

/**
 * C10, Corollary 4.3's last sentence: with η = (1 + 2d + d²κ) tr Λ/N², "provided M ≥ (d+1) tr Λ ε⁻¹, the model
 * achieves prediction error at most η + ε". ε = tr Λ·10^k, k ∈ [−3, 1]; M = ⌈(d+1) tr Λ/ε⌉ (the smallest M
 * allowed); the exact error there (src/moments/, any M). Error: exact/(η + ε) ≤ 1 up to rounding.
 */
export function etaEpsilonProperty(f: PaperFormulas): ClaimProperty<ProblemCase & { logEps: number }> {
  return {
    arbitrary: fc.tuple(problemArbitrary(), fc.integer({ min: -3000, max: 1000 })).map(([c, k]) => ({ ...c, logEps: k / 1000 })),
    evaluate(c) {
      const lambda = caseLambda(c);
      const tl = trace(lambda);
      const eps = tl * 10 ** c.logEps;
      const m = Math.max(1, Math.ceil(((c.d + 1) * tl) / eps));
      const train = trainingLossModel(lambda, c.n);
      const found = testError(testErrorModel(trainingDistribution(lambda), m), quadraticMinimizer(train));
      const eta = f.corollary43Eta(lambda, c.n);
      const rounding = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), 1) * tl / (eta + eps);
      return { error: found / (eta + eps), tolerance: 1 + rounding, claimed: { eta, epsilon: eps, M: m, bound: eta + eps }, found, inputs: { ...describeCase(c, lambda), M: m, epsilon: eps } };
    },
  };
}

/**
 * C10, the display before Corollary 4.3, for a fixed task w (noiseless labels): E(ŷ − ⟨w, x_q⟩)² ≤
 * (d+1)‖w‖²_Λ/M + [‖w‖²_Λ + 2‖w‖² tr Λ + ‖w‖²_{Λ⁻¹} tr(Λ)²]/N² ("uses Γ ⪰ Λ"). Exact error from src/moments/
 * with task second moment w wᵀ. Error: exact/bound ≤ 1 up to rounding.
 */
export function fixedTaskBoundProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const w = fixedTask(c);
      const wwT = w.map((x) => w.map((y) => x * y));
      const train = trainingLossModel(lambda, c.n);
      const found = testError(testErrorModel({ d: c.d, promptCov: lambda, queryCov: lambda, taskCov: wwT }, c.m), quadraticMinimizer(train));
      const bound = f.fixedTaskBound(lambda, c.n, c.m, w);
      const rounding = (2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(lambda)) * trace(lambda) * (1 + frobenius(wwT))) / Math.max(bound, 1e-300);
      return { error: found / bound, tolerance: 1 + rounding, claimed: bound, found, inputs: { ...describeCase(c, lambda), w } };
    },
  };
}

/** A C10 case with a label law: linear (fixed w, noise), tanh link (+ noise) or cubic link. */
export interface LawCase extends ProblemCase {
  law: (typeof LABEL_LAW_KINDS)[number];
  /** Noise standard deviation in quarters (linear, tanh). */
  noiseQuarters: number;
}

function lawCaseArbitrary(opts: Parameters<typeof problemArbitrary>[0] = {}, kinds: readonly LawCase['law'][] = LABEL_LAW_KINDS): fc.Arbitrary<LawCase> {
  return fc.tuple(problemArbitrary(opts), fc.constantFrom(...kinds), fc.integer({ min: 0, max: 8 })).map(([c, law, q]) => ({ ...c, law, noiseQuarters: q }));
}

function caseLaw(c: LawCase): LabelLaw {
  return c.law === 'cubic' ? { kind: 'cubic' } : { kind: c.law, noiseStd: c.noiseQuarters / 4 };
}

/** Theorem 4.2's right side for a law: a = Λ⁻¹E[xy], Σ = E[y²xxᵀ] − E[xy]E[xy]ᵀ, best linear error E[y²] − E[xy]ᵀΛ⁻¹E[xy] (definitions, eq. 4.5). */
function paperForLaw(f: PaperFormulas, lambda: Mat, n: number, m: number, mom: LabelMoments): number {
  const li = inverse(lambda);
  const a = li.map((row) => row.reduce((s, v, j) => s + v * mom.m[j], 0));
  const sigmaXY = mom.K.map((row, i) => row.map((v, j) => v - mom.m[i] * mom.m[j]));
  const minError = mom.ey2 - a.reduce((s, ai, i) => s + ai * mom.m[i], 0);
  return f.theorem42General(lambda, n, m, a, sigmaXY, minError);
}

/**
 * C10, Theorem 4.2 (4.5)–(4.6) for label laws D other than the Gaussian-task linear model: a fixed task w with
 * label noise, y = tanh(⟨w, x⟩) + noise, y = ⟨w, x⟩³. First-principles side: the law's moments
 * (src/moments/labelLaws: exact, tanh by quadrature) and E(ŷ − y_q)² of ŷ = sᵀV*x_q expanded from its
 * definition, V* the exact training loss's minimizer (not Γ⁻¹). Error: |difference| over the sum of the
 * absolute terms; tolerance twice the minimizer's solve tolerance, with κ(Λ) added (the paper's a = Λ⁻¹E[xy]).
 */
export function theorem42LawProperty(f: PaperFormulas): ClaimProperty<LawCase> {
  return {
    arbitrary: lawCaseArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const w = fixedTask(c);
      const law = caseLaw(c);
      const mom = labelLawMoments(lambda, w, law);
      const train = trainingLossModel(lambda, c.n);
      const found = lawTestError(quadraticMinimizer(train), lambda, mom, c.m);
      const claimed = paperForLaw(f, lambda, c.n, c.m, mom);
      const tol = 2 * momentSolveTolerance(c.d, conditionNumber(train.P), conditionNumber(train.Q), conditionNumber(f.gamma(lambda, c.n)) + conditionNumber(lambda));
      return { error: Math.abs(found.value - claimed) / found.scale, tolerance: tol, claimed, found: found.value, inputs: { ...describeCase(c, lambda), w, law } };
    },
  };
}

/** Sampled cases of the Monte Carlo part of C10's label laws. */
export const C10_LAW_SAMPLED_CASES = 4;

/**
 * C10, sampled, for label laws (linear with noise, tanh with noise; the cubic link's squared error has
 * tails too heavy for a normal interval at this level): the paper's (4.6) lies inside a Monte Carlo interval
 * for E(ŷ − y_q)² of the full LSA forward pass at the exact minimizer, prompts and query labels drawn from D
 * (2·10⁴ prompts, confidence 1 − α/K). Error: |paper − estimate| / half-width; tolerance 1. d ≤ 5, N, M ≤ 50.
 */
export function theorem42LawSampledProperty(f: PaperFormulas): ClaimProperty<LawCase> {
  return {
    arbitrary: lawCaseArbitrary({ dMax: 5, nMax: 50, mMax: 50 }, ['linear', 'tanh']),
    runs: () => C10_LAW_SAMPLED_CASES,
    evaluate(c) {
      const lambda = caseLambda(c);
      const w = fixedTask(c);
      const law = caseLaw(c);
      const params = fullFromReduced({ u: 1, U: quadraticMinimizer(trainingLossModel(lambda, c.n)) });
      const count = 20_000;
      const rng = caseStream(c, 'mc-law');
      const batch = samplePrompts(trainingDistribution(lambda), c.m, count, rng.child('prompts'));
      const noise = rng.child('noise');
      const zOf = (xs: Float64Array, off: number): number => w.reduce((s, wk, k) => s + wk * xs[off + k], 0);
      for (let i = 0; i < count * c.m; i++) batch.ys[i] = labelOf(law, zOf(batch.xs, i * c.d), noise.normal());
      let sum = 0;
      let sum2 = 0;
      for (let b = 0; b < count; b++) {
        const yq = labelOf(law, zOf(batch.xq, b * c.d), noise.normal());
        const e = (predictFull(batch, b, params) - yq) ** 2;
        sum += e;
        sum2 += e * e;
      }
      const mean = sum / count;
      const sd = Math.sqrt(Math.max(0, sum2 / count - mean * mean) * (count / (count - 1)));
      const half = (criticalValue(1 - SAMPLED_FAMILY_ALPHA / C10_LAW_SAMPLED_CASES) * sd) / Math.sqrt(count);
      const claimed = paperForLaw(f, lambda, c.n, c.m, labelLawMoments(lambda, w, law));
      return { error: Math.abs(claimed - mean) / half, tolerance: 1, claimed, found: { estimate: mean, ci: [mean - half, mean + half], replay: `seed=${c.caseSeed} path=mc-law samples=${count}` }, inputs: { ...describeCase(c, lambda), w, law } };
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
