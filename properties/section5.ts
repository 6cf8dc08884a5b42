/**
 * Section 5 properties (proof ideas). C06, Lemma 5.3: a stationary point with u ≠ 0 has uU = Γ⁻¹ —
 * the paper's Γ⁻¹ against the zero of ∇_V L found from the exact population loss (src/moments/).
 * C05: u² − ‖U‖_F² is conserved along gradient flow — against the integrated flow (src/dynamics/).
 */
import { conditionNumber, frobenius, relativeDistance } from '../src/linalg/matrix';
import { quadraticMinimizer, trainingLossModel } from '../src/moments/quadratic';
import type { PaperFormulas } from '../src/theory/formulas';
import { PRECISION_LIMIT, type ClaimProperty } from '../src/contract/propertyCheck';
import { minimizerTolerance, UNIT_ROUNDOFF } from '../src/contract/tolerance';
import { FLOW_CONVERGENCE_TOL, FLOW_RTOL, flowCaseArbitrary, flowSetup, type FlowCase, type FlowSetup } from './flowCase';
import { stiffGradientFlow } from '../src/dynamics/stiffFlow';
import { caseLambda, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';

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
