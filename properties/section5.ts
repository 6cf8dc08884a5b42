/**
 * Section 5 properties (proof ideas). C06, Lemma 5.3: a stationary point with u ≠ 0 has uU = Γ⁻¹ —
 * the paper's Γ⁻¹ against the zero of ∇_V L found from the exact population loss (src/moments/).
 * C05: u² − ‖U‖_F² is conserved along gradient flow — against the integrated flow (src/dynamics/).
 */
import { conditionNumber, frobenius, inverse, mul, relativeDistance } from '../src/linalg/matrix';
import { trainingLossModel } from '../src/moments/quadratic';
import type { PaperFormulas } from '../src/theory/formulas';
import type { ClaimProperty } from '../src/claims/propertyCheck';
import { momentSolveTolerance, UNIT_ROUNDOFF } from '../src/claims/tolerance';
import { convergedFlow, flowCaseArbitrary, flowSetup, runFlow, type FlowCase } from './flowCase';
import { caseLambda, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';
import type { QuadraticModel } from '../src/moments/quadratic';
import type { Mat } from '../src/linalg/matrix';

/** The zero of ∇_V L = P V Q − B of a quadratic model: V = P⁻¹ B Q⁻¹ (P, Q SPD). */
export function quadraticMinimizer(model: QuadraticModel): Mat {
  return mul(inverse(model.P), model.B, inverse(model.Q));
}

/** C06: ‖V_moments − Γ⁻¹‖_F / ‖Γ⁻¹‖_F within the conditioning-scaled tolerance. */
export function stationaryPointProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const model = trainingLossModel(lambda, c.n);
      const found = quadraticMinimizer(model);
      const claimed = f.lemma53StationaryV(lambda, c.n);
      const tol = momentSolveTolerance(c.d, conditionNumber(model.P), conditionNumber(model.Q), conditionNumber(f.gamma(lambda, c.n)));
      return { error: relativeDistance(found, claimed), tolerance: tol, claimed, found, inputs: describeCase(c, lambda) };
    },
  };
}

/** Number of segments the C05 trajectory is cut into; the claimed invariant is evaluated at each cut. */
const C05_SEGMENTS = 6;

/**
 * C05: the quantity the paper says is conserved, evaluated along the integrated flow (at the start and
 * at the end of each of several segments), changes by no more than the integration error allows.
 * Error: max_k |q(θ_k) − q(θ_0)| / u_*² with u_*² = ‖V_∞‖_F. Tolerance: every accepted step may move
 * each component by up to √n·(atol + rtol·|y_i|) (scaled RMS error ≤ 1), which moves u² − ‖U‖_F² by at
 * most 2√n·(atol + rtol·s)·s with s = max(|u|, ‖U‖_F) — summed over the accepted steps.
 */
export function conservationProperty(f: PaperFormulas): ClaimProperty<FlowCase> {
  return {
    arbitrary: flowCaseArbitrary(),
    runs: (r) => Math.max(1, Math.ceil(r / 4)),
    evaluate(c) {
      const s = flowSetup(c, f);
      const q0 = f.conservedQuantity(s.init.u, s.init.U);
      // segment ends: geometric in t up to the convergence time found by a first run
      const full = convergedFlow(s);
      let u = s.init.u;
      let U = s.init.U;
      let t = 0;
      let worst = 0;
      let bound = 0;
      const values: number[] = [q0];
      for (let k = 1; k <= C05_SEGMENTS; k++) {
        const tEnd = full.t * (k / C05_SEGMENTS) ** 2;
        const seg = k === C05_SEGMENTS ? runFlow(s, { u0: u, U0: U }) : runFlow(s, { u0: u, U0: U, tMax: tEnd - t });
        const n = 1 + c.d * c.d;
        const scale = Math.max(Math.abs(seg.u), frobenius(seg.U), Math.abs(u), frobenius(U));
        bound += seg.stats.accepted * 2 * Math.sqrt(n) * (seg.atol + seg.rtol * scale) * scale;
        u = seg.u;
        U = seg.U;
        t += seg.t;
        const q = f.conservedQuantity(u, U);
        values.push(q);
        worst = Math.max(worst, Math.abs(q - q0));
      }
      const uStar2 = frobenius(full.V);
      return {
        error: worst / uStar2,
        tolerance: Math.max(bound / uStar2, 64 * UNIT_ROUNDOFF),
        claimed: 'constant',
        found: { values, t },
        inputs: s.inputs,
      };
    },
  };
}
