/**
 * Section 5 properties (proof ideas). C06, Lemma 5.3: a stationary point with u ≠ 0 has uU = Γ⁻¹ —
 * the paper's Γ⁻¹ against the zero of ∇_V L found from the exact population loss (src/moments/).
 * C05: u² − ‖U‖_F² is conserved along gradient flow — against the integrated flow (src/dynamics/).
 */
import { conditionNumber, frobenius, frobeniusDot, matmul, mul, relativeDistance, scale, sub, symmetricEigen, trace, transpose, type Mat } from '../src/linalg/matrix';
import { populationLoss, quadraticMinimizer, trainingLossModel } from '../src/moments/quadratic';
import type { PaperFormulas } from '../src/theory/formulas';
import { PRECISION_LIMIT, type ClaimProperty } from '../src/contract/propertyCheck';
import { gammaN, minimizerTolerance, momentSolveTolerance, SAFETY, UNIT_ROUNDOFF } from '../src/contract/tolerance';
import { FLOW_CONVERGENCE_TOL, FLOW_RTOL, flowCaseArbitrary, flowSetup, type FlowCase, type FlowSetup } from './flowCase';
import { stiffGradientFlow } from '../src/dynamics/stiffFlow';
import fc from 'fast-check';
import { caseGaussianMatrix, caseLambda, caseStream, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';
import { trainingDistribution } from '../src/icl/distribution';
import { embedding, samplePrompts } from '../src/icl/prompts';
import { readout } from '../src/lsa/forward';
import { lemma51U, lemma51X, vecColumns } from '../src/theory/lemma51';

/** C06: ‖V_moments − Γ⁻¹‖_F / ‖Γ⁻¹‖_F within the conditioning-scaled tolerance. */
export function stationaryPointProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const model = trainingLossModel(lambda, c.n);
      const found = quadraticMinimizer(model);
      const claimed = f.lemma53StationaryV(lambda, c.n);
      const tol = minimizerTolerance(c.d, conditionNumber(model.P), conditionNumber(model.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: relativeDistance(found, claimed), tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}

/** The looser integration tolerance C05 compares with: its drift must shrink at the claims' FLOW_RTOL. */
const C05_LOOSE_RTOL = 1e-9;

/**
 * The claimed invariant along one integrated trajectory at `rtol` (no restarts): evaluated at accepted
 * steps 1, 2, 4, 8, … and at the end; its largest change from the start, and the worst-case bound on
 * that change from the integrator's accepted local errors.
 */
function invariantDrift(s: FlowSetup, f: PaperFormulas, rtol: number): { worst: number; bound: number; steps: number; values: number[]; t: number; vNorm: number } {
  const q0 = f.conservedQuantity(s.init.u, s.init.U);
  const values: number[] = [q0];
  let worst = 0;
  let next = 1;
  const r = stiffGradientFlow(s.model, {
    u0: s.init.u,
    U0: s.init.U,
    convergenceTol: FLOW_CONVERGENCE_TOL,
    rtol,
    observe(_t, step, state) {
      if (step < next) return;
      next *= 2;
      const { u, U } = state();
      const q = f.conservedQuantity(u, U);
      values.push(q);
      worst = Math.max(worst, Math.abs(q - q0));
    },
  });
  if (r.status !== 'converged') throw new Error(`the flow did not converge: ${r.message}`);
  const q = f.conservedQuantity(r.u, r.U);
  values.push(q);
  worst = Math.max(worst, Math.abs(q - q0));
  const n = 1 + s.model.d * s.model.d;
  const scale = Math.max(Math.abs(s.init.u), frobenius(s.init.U), Math.abs(r.u), frobenius(r.U));
  const bound = r.stats.accepted * 2 * Math.sqrt(n) * (r.atol + r.rtol * scale) * scale;
  return { worst, bound, steps: r.stats.accepted, values, t: r.t, vNorm: frobenius(r.V) };
}

/**
 * C05: the quantity the paper says is conserved, evaluated along the integrated flow (at the start, at
 * accepted steps 1, 2, 4, … and at the end), changes only by integration error. Error: its largest change
 * at rtol 1e-12, over u_*² = ‖V_∞‖_F. Tolerance: the smaller of
 * - the worst-case bound: every accepted step may move each component by up to √n·(atol + rtol·|y_i|)
 *   (scaled RMS error ≤ 1), hence u² − ‖U‖_F² by at most 2√n·(atol + rtol·s)·s, s = max(|u|, ‖U‖_F),
 *   summed over the accepted steps; and
 * - a tenth of the change at rtol 1e-9 (the global error of the integrator shrinks in proportion to its
 *   tolerance, ≈ 1000× here, so a conserved quantity's drift must shrink; a quantity that is not conserved
 *   keeps changing by the same amount), floored at the roundoff of the run, 10³·u·u_*²·√steps.
 */
export function conservationProperty(f: PaperFormulas): ClaimProperty<FlowCase> {
  return {
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 4)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const tight = invariantDrift(s, f, FLOW_RTOL);
      const loose = invariantDrift(s, f, C05_LOOSE_RTOL);
      const uStar2 = tight.vNorm;
      const floor = 1e3 * UNIT_ROUNDOFF * uStar2 * Math.sqrt(tight.steps);
      const tolerance = Math.min(tight.bound, Math.max(loose.worst / 10, floor));
      return {
        error: tight.worst / uStar2,
        tolerance: tolerance / uStar2,
        claimed: 'constant',
        found: { values: tight.values, t: tight.t, changeAtLooseRtol: loose.worst / uStar2, worstCaseBound: tight.bound / uStar2 },
        inputs: s.inputs,
      };
    },
  };
}

/**
 * C06, Corollary A.2: min ℓ̃ = −½ tr(Λ²Γ⁻¹), ℓ̃ = L − ½ tr Λ (5.5). The first-principles side is the exact
 * population loss at its own minimizer, L(V*) − ½ tr Λ (src/moments/). Error: |difference| / tr Λ (the
 * terms are of size ≤ tr Λ); tolerance as for the minimizer, times 2 (the loss is quadratic in V*).
 */
export function minimumLossProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const model = trainingLossModel(lambda, c.n);
      const vStar = quadraticMinimizer(model);
      const tl = trace(lambda);
      const found = populationLoss(model, vStar) - 0.5 * tl;
      const claimed = f.corollaryA2MinLoss(lambda, c.n);
      const tol = 2 * momentSolveTolerance(c.d, conditionNumber(model.P), conditionNumber(model.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: Math.abs(found - claimed) / tl, tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}

/** What C07 observed over its cases (for the claim's notes): how loose μ is, and the margins. */
export interface PlObservations {
  /** Per case: the smallest ‖∇ℓ̃‖²/(ℓ̃ − min ℓ̃) along the trajectory, divided by μ. */
  ratioOverMu: number[];
  /** Per case: the smallest u(t)² / u_min² along the trajectory. */
  uOverBound: number[];
  /** Per case: the largest (ℓ̃(t) − min) / (e^{−μt}(ℓ̃(0) − min)). */
  rateUse: number[];
  /** Per case: μ. */
  mu: number[];
}

/** A fresh record of C07 observations. */
export function plObservations(): PlObservations {
  return { ratioOverMu: [], uOverBound: [], rateUse: [], mu: [] };
}

const opNorm2 = (a: Mat): number => Math.sqrt(Math.max(...symmetricEigen(matmul(transpose(a), a)).values));

/**
 * C07, Lemma 5.4 with Lemma A.5, along one integrated trajectory from Assumption 3.3 (no restarts),
 * at t = 0 and at every accepted step of the stiff flow:
 * - (5.8) ‖∂ℓ̃/∂U‖²_F + (∂ℓ̃/∂u)² ≥ μ (ℓ̃ − min ℓ̃) with the paper's μ (5.7);
 * - the rate ℓ̃(t) − min ≤ e^{−μt}(ℓ̃(0) − min);
 * - (A.14) u(t)² ≥ u_min².
 * The first-principles side never uses Γ: with V = uU, Δ = V − V* (V* the exact loss's own minimizer),
 * G = ∇_V L = PΔQ, so ℓ̃ − min = ½⟨PΔQ, Δ⟩ (no cancellation), ∂L/∂U = uG, ∂L/∂u = ⟨G, U⟩ (src/moments/).
 * Error: the largest of the three ratios that must be ≤ 1 (μ(ℓ̃−min)/‖∇ℓ̃‖², (ℓ̃(t)−min)/(e^{−μt}(ℓ̃(0)−min) + slack),
 * u_min²/(u + drift)²). Tolerance 1 + τ, τ = SAFETY·γ_{4d+4}·κ(P)κ(Q): both quadratic forms in Δ are
 * products P·Δ·Q, each entry accurate to γ_{2d} relative to |P||Δ||Q|, which is at most κ(P)κ(Q) times
 * the form itself. The rate's slack is what integration error can add: every accepted step may move the
 * state by √n(atol + rtol·s) (scaled error ≤ 1), changing ℓ̃ by ‖∇ℓ̃‖ times that, plus the rounding of
 * ℓ̃ − min at V* (‖P‖‖Q‖(‖Δ‖e + e²), e the solve's error on V*); u's drift is the sum of those moves.
 */
export function plInequalityProperty(f: PaperFormulas, obs?: PlObservations): ClaimProperty<FlowCase> {
  return {
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 5)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const { P, Q } = s.model;
      const d = c.d;
      const mu = f.lemma54Mu(s.lambda, c.n, s.sigma, s.theta);
      const u2min = f.lemmaA5USquared(s.lambda, c.n, s.sigma, s.theta);
      const vStar = quadraticMinimizer(s.model);
      const kP = conditionNumber(P);
      const kQ = conditionNumber(Q);
      const tau = SAFETY * gammaN(4 * d + 4) * kP * kQ;
      const pq = opNorm2(P) * opNorm2(Q);
      const eV = momentSolveTolerance(d, kP, kQ, 1) * frobenius(vStar);
      const n = 1 + d * d;
      const evalAt = (u: number, U: Mat) => {
        const delta = sub(scale(U, u), vStar);
        const g = mul(P, delta, Q);
        const excess = 0.5 * frobeniusDot(g, delta);
        const gu = frobeniusDot(g, U);
        const grad2 = u * u * frobeniusDot(g, g) + gu * gu;
        return { excess, grad2, gradNorm: Math.sqrt(grad2), deltaNorm: frobenius(delta), size: Math.max(Math.abs(u), frobenius(U)) };
      };
      const e0 = evalAt(s.init.u, s.init.U);
      let worstPl = (mu * e0.excess) / e0.grad2;
      let minRatio = e0.grad2 / e0.excess;
      let worstRate = 0;
      let worstU = u2min / (s.init.u * s.init.u);
      let minU2 = s.init.u * s.init.u;
      let slack = 0;
      let drift = 0;
      let prevGrad = e0.gradNorm;
      let prevSize = e0.size;
      const rtol = C07_RTOL;
      const atol = C07_RTOL * 1e-2; // the stiff route's default atol
      let steps = 0;
      const r = stiffGradientFlow(s.model, {
        u0: s.init.u,
        U0: s.init.U,
        convergenceTol: FLOW_CONVERGENCE_TOL,
        rtol,
        atol,
        observe(t, _step, state) {
          steps++;
          const { u, U } = state();
          const e = evalAt(u, U);
          // the move of this step may have been off by up to √n(atol + rtol·s); ℓ̃ by ‖∇ℓ̃‖ times that
          const move = Math.sqrt(n) * (atol + rtol * Math.max(prevSize, e.size));
          drift += move;
          slack += Math.max(prevGrad, e.gradNorm) * move;
          prevGrad = e.gradNorm;
          prevSize = e.size;
          if (e.excess > 0) {
            worstPl = Math.max(worstPl, (mu * e.excess) / e.grad2);
            minRatio = Math.min(minRatio, e.grad2 / e.excess);
          }
          const floor = pq * (e.deltaNorm * eV + eV * eV);
          worstRate = Math.max(worstRate, e.excess / (Math.exp(-mu * t) * e0.excess + slack + floor));
          const uUp = Math.abs(u) + drift;
          worstU = Math.max(worstU, u2min / (uUp * uUp));
          minU2 = Math.min(minU2, u * u);
        },
      });
      if (r.status !== 'converged') throw new Error(`the flow did not converge: ${r.message}`);
      obs?.ratioOverMu.push(minRatio / mu);
      obs?.uOverBound.push(minU2 / u2min);
      obs?.rateUse.push(worstRate);
      obs?.mu.push(mu);
      return {
        error: Math.max(worstPl, worstRate, worstU),
        tolerance: 1 + tau,
        claimed: { mu, uMinSquared: u2min, rate: 'ℓ̃(t) − min ≤ e^{−μt}(ℓ̃(0) − min)' },
        found: { minRatio, minRatioOverMu: minRatio / mu, minUSquared: minU2, worstPlRatio: worstPl, worstRateRatio: worstRate, worstURatio: worstU, steps, t: r.t },
        inputs: s.inputs,
      };
    },
  };
}

/** Integration tolerance of C07 (the rate's slack scales with it). */
const C07_RTOL = 1e-10;

/** A C03 case: a problem with a prompt length N = max(1, d + offset), so short prompts (N < d) are drawn often and shrink to N = 1. */
export interface PromptCase extends ProblemCase {
  offset: number;
}

/** Arbitrary of C03 cases: d ≤ 8, N = max(1, d + offset), offset ∈ [−7, 32] (shrinks towards N = d, d = 1). */
export function promptCaseArbitrary(): fc.Arbitrary<PromptCase> {
  return fc.tuple(problemArbitrary({ dMax: 8, nMax: 1, mMax: 1 }), fc.integer({ min: -7, max: 32 })).map(([c, offset]) => ({ ...c, offset, n: Math.max(1, c.d + offset) }));
}

/** One prompt of the case (training distribution), its embedding E, and H of (5.1) by the paper's formula. */
function casePrompt(c: PromptCase, f: PaperFormulas) {
  const lambda = caseLambda(c);
  const batch = samplePrompts(trainingDistribution(lambda), c.n, 1, caseStream(c, 'prompt'));
  const e = embedding(batch, 0);
  return { lambda, batch, e, h: f.lemma51H(e), inputs: { ...describeCase(c, lambda), N: c.n, E: e } };
}

/** Eigenvalues below −(size·64u·‖H‖) count as negative; a value within a factor 10³ of that line is ambiguous (the route fails). */
function negativeCount(values: readonly number[]): number {
  const norm = Math.max(...values.map(Math.abs));
  const thr = values.length * 64 * UNIT_ROUNDOFF * norm;
  if (values.some((v) => v < -thr && v > -1e3 * thr)) throw new Error(`an eigenvalue lies within 10³ of the rounding line ${thr.toExponential(2)}: the count is ambiguous`);
  return values.filter((v) => v < -thr).length;
}

/**
 * C03, Lemma 5.1: ŷ(E; θ) = uᵀHu with the paper's u = Vec(U) and H = ½X ⊗ (EEᵀ/N), for one random prompt
 * (any length N) and random full parameters θ (every entry of W^PV and W^KQ random), against the literal
 * forward pass f(E; θ) = E + W^PV E (EᵀW^KQ E)/N (src/lsa/). Error: |difference| over the larger of the two
 * sums of absolute terms; tolerance SAFETY·γ_{4(d+N+2)} (three nested sums of length ≤ d+1 or N+1 each).
 */
export function lemma51QuadraticProperty(f: PaperFormulas): ClaimProperty<PromptCase> {
  return {
    arbitrary: promptCaseArbitrary(),
    evaluate(c) {
      const { e, h, inputs } = casePrompt(c, f);
      const wpv = caseGaussianMatrix({ ...c, d: c.d + 1 }, 'wpv');
      const wkq = caseGaussianMatrix({ ...c, d: c.d + 1 }, 'wkq');
      const found = readout(e, { wpv, wkq });
      const u = vecColumns(lemma51U(wpv, wkq));
      const hu = h.map((row) => row.reduce((s, v, j) => s + v * u[j], 0));
      const claimed = u.reduce((s, ui, i) => s + ui * hu[i], 0);
      const absE = e.map((r) => r.map(Math.abs));
      const scaleFwd = readout(absE, { wpv: wpv.map((r) => r.map(Math.abs)), wkq: wkq.map((r) => r.map(Math.abs)) }) - absE[c.d][c.n];
      const absH = f.lemma51H(absE).map((r) => r.map(Math.abs));
      const absU = u.map(Math.abs);
      const scaleH = absU.reduce((s, ui, i) => s + ui * absH[i].reduce((t, v, j) => t + v * absU[j], 0), 0);
      const size = Math.max(scaleFwd, scaleH);
      return { error: Math.abs(found - claimed) / size, tolerance: SAFETY * gammaN(4 * (c.d + c.n + 2)), claimed, found, inputs: { ...inputs, wpv, wkq } };
    },
  };
}

/**
 * C03, the remark: the eigenvalues of H are the products of those of ½X and EEᵀ/N (the paper's
 * Kronecker-product argument), against the eigenvalues of H itself. Error: largest difference of the
 * sorted lists over ‖H‖₂; tolerance SAFETY·γ_{4n²}, n = (d+1)² (backward error of the symmetric eigensolver).
 */
export function lemma51SpectrumProperty(f: PaperFormulas): ClaimProperty<PromptCase> {
  return {
    arbitrary: promptCaseArbitrary(),
    evaluate(c) {
      const { e, h, inputs } = casePrompt(c, f);
      const found = symmetricEigen(h).values;
      const xq = e.slice(0, c.d).map((r) => r[c.n]);
      const ex = symmetricEigen(lemma51X(xq)).values.map((v) => v / 2);
      const eg = symmetricEigen(matmul(e, transpose(e)).map((r) => r.map((v) => v / c.n))).values;
      const claimed = ex.flatMap((a) => eg.map((b) => a * b)).sort((a, b) => a - b);
      const norm = Math.max(...found.map(Math.abs));
      const err = Math.max(...found.map((v, i) => Math.abs(v - claimed[i]))) / norm;
      const n = (c.d + 1) ** 2;
      return { error: err, tolerance: SAFETY * gammaN(4 * n * n), claimed, found, inputs };
    },
  };
}

/** C03, the remark: X = [[0, x_q], [x_qᵀ, 0]] has exactly one negative eigenvalue. Error: |count − 1|; tolerance 0. */
export function lemma51XProperty(): ClaimProperty<PromptCase> {
  return {
    arbitrary: promptCaseArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const rng = caseStream(c, 'xq');
      const xq = samplePrompts(trainingDistribution(lambda), 1, 1, rng).xq;
      const count = negativeCount(symmetricEigen(lemma51X(Array.from(xq))).values);
      return { error: Math.abs(count - 1), tolerance: 0, claimed: 1, found: count, inputs: { ...describeCase(c, lambda), xq: Array.from(xq) } };
    },
  };
}

/**
 * C03, the remark's count as stated: "H has at least d + 1 negative eigenvalues", for one prompt of
 * length N (the paper's count, f.lemma51NegativeCount). Error: how many short of it the count of H's
 * negative eigenvalues is; tolerance 0.
 */
export function lemma51CountProperty(f: PaperFormulas): ClaimProperty<PromptCase> {
  return {
    arbitrary: promptCaseArbitrary(),
    evaluate(c) {
      const { h, inputs } = casePrompt(c, f);
      const count = negativeCount(symmetricEigen(h).values);
      const claimed = f.lemma51NegativeCount(c.d);
      return { error: Math.max(0, claimed - count), tolerance: 0, claimed: `at least ${claimed}`, found: count, inputs };
    },
  };
}

/**
 * C03, the weaker sentence: H has a negative eigenvalue, so uᵀHu is non-convex (Lemma 5.1's conclusion);
 * and the count found equals min(N, d) + 1 = rank(E) (derived here: each positive eigenvalue of EEᵀ/N times
 * ½X's one negative eigenvalue −‖x_q‖/2). Error: 1 when there is no negative eigenvalue or the count
 * differs from min(N, d) + 1; tolerance 0.
 */
export function lemma51NonConvexProperty(f: PaperFormulas): ClaimProperty<PromptCase> {
  return {
    arbitrary: promptCaseArbitrary(),
    evaluate(c) {
      const { h, inputs } = casePrompt(c, f);
      const count = negativeCount(symmetricEigen(h).values);
      const derived = Math.min(c.n, c.d) + 1;
      return { error: count >= 1 && count === derived ? 0 : 1, tolerance: 0, claimed: { atLeast: 1, derivedCount: derived }, found: count, inputs };
    },
  };
}
