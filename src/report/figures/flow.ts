/**
 * Gradient-flow trajectories from Assumption 3.3 (evidence for C05 and C08): the loss gap L − min L on a
 * log axis, the relative distance of uU to Γ⁻¹, and u² − ‖U‖_F² (conserved, 0 under Assumption 3.3),
 * for a few covariances. The flow runs on the exact loss (src/moments); Γ⁻¹ and the minimum value are the
 * paper's (src/theory), so the figures show the paper's statement against the integrated flow.
 */
import { inverse, type Mat } from '../../linalg/matrix';
import { trainingLossModel } from '../../moments/quadratic';
import { drawCovariance, type CovarianceFamily } from '../../random/covariance';
import { stream } from '../../random/stream';
import { initialReduced, randomTheta } from '../../lsa/init';
import { gradientFlow } from '../../dynamics/gradientFlow';
import { gamma } from '../../theory/gamma';
import { theorem41MinimumValue, theorem41SigmaBound } from '../../theory/theorem41';
import { lineChart } from './chart';
import type { Figure, FigureContext, Series } from './types';

/** One trajectory's series. */
export interface FlowSeries {
  name: string;
  lossGap: Series;
  distance: Series;
  balance: Series;
}

/** Integrate the flow for (family, κ) at d, N and return its three series against t. */
export function flowSeries(family: CovarianceFamily, kappa: number, d: number, n: number, seed: number): FlowSeries {
  const root = stream(seed).child('report').child(`flow-${family}-${kappa}`);
  const lambda: Mat = drawCovariance(family, d, root.child('covariance'), { kappa });
  const theta = randomTheta(d, root.child('theta'));
  const sigma = Math.min(0.1, 0.5 * theorem41SigmaBound(lambda, n));
  const init = initialReduced(sigma, theta);
  const gammaInverse = inverse(gamma(lambda, n));
  const minimum = theorem41MinimumValue(lambda, n);
  const r = gradientFlow(trainingLossModel(lambda, n), { method: 'stiff', u0: init.u, U0: init.U, target: gammaInverse, rtol: 1e-12, maxSamples: 400 });
  const tr = r.trajectory;
  const name = `${family}${family === 'identity' ? '' : `, κ = ${kappa}`} (d = ${d}, N = ${n})`;
  const pts = (ys: number[]) => tr.t.map((t, k) => ({ x: t, y: ys[k] })).filter((p) => p.x > 0);
  return {
    name,
    lossGap: { name, points: pts(tr.loss.map((l) => l - minimum)) },
    distance: { name, points: pts(tr.relDistance) },
    balance: { name, points: pts(tr.balance) },
  };
}

/** The three trajectory figures. */
export function flowFigures(ctx: FigureContext): Figure[] {
  const cases: Array<[CovarianceFamily, number]> = ctx.quick ? [['identity', 1], ['rotated', 100]] : [['identity', 1], ['rotated', 10], ['rotated', 100], ['spiked', 30]];
  const runs = cases.map(([f, k]) => flowSeries(f, k, 5, 20, ctx.seed));
  return [
    {
      id: 'flow-loss-gap',
      title: 'Gradient flow: loss gap to the stated minimum',
      caption: 'L(t) − ½[tr Λ − tr(Γ⁻¹Λ²)] along the stiff flow (Rodas5, rtol 1e-12) of the exact population loss from Assumption 3.3. Theorem 4.1: the gap tends to 0; Lemma 5.4: at least exponentially. Points where the gap is ≤ 0 (round-off at the end) are not drawn on the log axis.',
      claims: ['C08', 'C07'],
      spec: lineChart(runs.map((r) => r.lossGap), { x: 't', y: 'L(t) − min L', logX: true, logY: true }),
    },
    {
      id: 'flow-distance',
      title: 'Gradient flow: distance of uU to Γ⁻¹',
      caption: '‖u(t)U(t) − Γ⁻¹‖_F / ‖Γ⁻¹‖_F along the same runs; Theorem 4.1 states the limit uU = Γ⁻¹.',
      claims: ['C08', 'C06'],
      spec: lineChart(runs.map((r) => r.distance), { x: 't', y: '‖uU − Γ⁻¹‖_F / ‖Γ⁻¹‖_F', logX: true, logY: true }),
    },
    {
      id: 'flow-balance',
      title: 'Gradient flow: the conserved quantity u² − ‖U‖_F²',
      caption: 'u² − ‖U‖_F² along the same runs (exactly 0 under Assumption 3.3 by Lemma A.3); what is drawn is the integrator’s drift, of the order of its tolerance.',
      claims: ['C05'],
      spec: lineChart(runs.map((r) => r.balance), { x: 't', y: 'u² − ‖U‖_F²', logX: true, yFormat: '.1e' }),
    },
  ];
}
