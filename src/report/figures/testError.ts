/**
 * Test error against the test prompt length M (evidence for C10): the paper's expression (Theorem 4.2 in
 * its Gaussian form, src/theory) beside Monte Carlo estimates of the trained predictor V = Γ⁻¹ on sampled
 * prompts (src/montecarlo) with simultaneous confidence intervals, and the exact first-principles value
 * (src/moments).
 */
import { inverse } from '../../linalg/matrix';
import { testError, testErrorModel } from '../../moments/quadratic';
import { trainingDistribution } from '../../icl/distribution';
import { drawCovariance } from '../../random/covariance';
import { stream } from '../../random/stream';
import { estimateReducedError } from '../../montecarlo/lsaError';
import { gamma } from '../../theory/gamma';
import { theorem42Error } from '../../theory/theorem42';
import { lineChart } from './chart';
import type { Figure, FigureContext } from './types';

/** The figure's data: M, the paper's value, the exact value, and Monte Carlo estimates with intervals. */
export function testErrorSeries(seed: number, quick: boolean): { ms: number[]; paper: number[]; exact: number[]; mc: Array<{ estimate: number; lo: number; hi: number }>; confidence: number; samples: number } {
  const d = 5;
  const n = 20;
  const root = stream(seed).child('report').child('test-error');
  const lambda = drawCovariance('rotated', d, root.child('covariance'), { kappa: 10 });
  const v = inverse(gamma(lambda, n));
  const dist = trainingDistribution(lambda);
  const ms = quick ? [1, 4, 16, 64] : [1, 2, 4, 8, 16, 32, 64, 128, 256];
  const samples = quick ? 4000 : 40_000;
  const confidence = 1 - 0.05 / ms.length; // Bonferroni: the intervals hold together at 95 %
  const mc = ms.map((m, k) => {
    const r = estimateReducedError(dist, m, v, { stream: root.child(`mc-${k}`), samples, confidence });
    return { estimate: r.testError.estimate, lo: r.testError.ci[0], hi: r.testError.ci[1] };
  });
  return {
    ms,
    paper: ms.map((m) => theorem42Error(lambda, n, m)),
    exact: ms.map((m) => testError(testErrorModel(dist, m), v)),
    mc,
    confidence: 0.95,
    samples,
  };
}

/** The test-error figure. */
export function testErrorFigures(ctx: FigureContext): Figure[] {
  const s = testErrorSeries(ctx.seed, ctx.quick);
  return [
    {
      id: 'test-error-vs-M',
      title: 'Test error of the trained LSA against the test prompt length M',
      caption: `d = 5, N = 20, Λ rotated with κ = 10, V = Γ⁻¹. Line: the paper’s Gaussian test-error expression (Theorem 4.2 / C10). Second line: the exact value from the model’s definition (Isserlis), on top of the first where they agree. Points: Monte Carlo (${s.samples.toLocaleString('en')} prompts per M) with intervals holding together at ${s.confidence * 100} % (Bonferroni over the M values).`,
      claims: ['C10'],
      spec: lineChart(
        [
          { name: 'paper (Theorem 4.2, Gaussian form)', points: s.ms.map((m, k) => ({ x: m, y: s.paper[k] })) },
          { name: 'exact from the definition (moments)', points: s.ms.map((m, k) => ({ x: m, y: s.exact[k] })) },
          { name: 'Monte Carlo with intervals', markers: true, points: s.ms.map((m, k) => ({ x: m, y: s.mc[k].estimate, lo: s.mc[k].lo, hi: s.mc[k].hi })) },
        ],
        { x: 'test prompt length M', y: 'E(ŷ − ⟨w, x_q⟩)²', logX: true, logY: true },
      ),
    },
  ];
}
