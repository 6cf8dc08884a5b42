/**
 * Gradient flow of the reduced model: the stiff route (Rodas5 in the eigenbasis, O(d²) per stage) at
 * the comparison's problem (d = 20, N = 20, rotated κ = 100, σ = 0.05, stop at relative distance 1e-10)
 * and its parts; the explicit route on a mild case. The side-by-side comparison with SciPy is
 * scripts/compare/flow.ts.
 */
import { bench, describe } from 'vitest';
import { stiffGradientFlow } from '../../src/dynamics/stiffFlow';
import { rk45GradientFlow } from '../../src/dynamics/explicitFlow';
import { eigenSystem } from '../../src/dynamics/eigenSystem';
import { RODAS4 } from '../../src/dynamics/rosenbrock';
import { flowBenchProblem } from '../../scripts/compare/flow';

const p = flowBenchProblem();
const sys = eigenSystem(p.model);
const y = new Float64Array(sys.n).map((_, i) => 0.1 + 0.01 * (i % 7));
const out = new Float64Array(sys.n);

describe('stiff flow, d = 20, κ = 100', () => {
  bench('Rodas5, rtol 1e-10, to rel. distance 1e-10', () => {
    stiffGradientFlow(p.model, { u0: p.u0, U0: p.U0, rtol: 1e-10, convergenceTol: 1e-10 });
  });
  bench('Rodas5, rtol 1e-12 (CLI default), to 1e-12', () => {
    stiffGradientFlow(p.model, { u0: p.u0, U0: p.U0 });
  });
  bench('Rodas4, rtol 1e-10, to 1e-10', () => {
    stiffGradientFlow(p.model, { u0: p.u0, U0: p.U0, rtol: 1e-10, convergenceTol: 1e-10, tableau: RODAS4 });
  });
  bench('eigen system setup (two symmetric eigen-decompositions)', () => {
    eigenSystem(p.model);
  });
  bench('one RHS evaluation + one arrow factor/solve (n = 401)', () => {
    sys.f(y, out);
    sys.prepare(y, 10);
    sys.solve(out);
  });
});

const mild = flowBenchProblem(8, 10);
describe('explicit flow, d = 8, κ = 10', () => {
  bench('Dormand–Prince 5(4), rtol 1e-11, to 1e-10', () => {
    rk45GradientFlow(mild.model, { u0: mild.u0, U0: mild.U0 });
  }, { iterations: 3, time: 0 });
});
