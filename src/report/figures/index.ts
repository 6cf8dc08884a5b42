/**
 * The report's figure providers. Each is a function of the run's context returning figures as data
 * (vega-lite specs); the report renders them to SVG and places each in the section of the first claim
 * it names. To add a figure, write a provider and list it here (or pass it in `ReportOptions.figures`).
 *
 * Hooks for figures that come with other work (connect by adding a provider):
 * - the PL ratio along the flow against μ (C07): a provider over the observed ratio and the constant;
 * - covariate-shift curves (C11–C13): LSA, least squares and the zero predictor against c or M, and
 *   trained runs read from the folders given with `--run DIR` (`ctx.inputs.runs`);
 * - the random-covariance ⅓ figure (C16–C17): E ŷ / ⟨w, x_q⟩ against N, M with the ⅓ limit.
 */
import { flowFigures } from './flow';
import { testErrorFigures } from './testError';
import type { FigureProvider } from './types';

export * from './types';
export { lineChart, type LineChartOptions } from './chart';
export { flowFigures, flowSeries, type FlowSeries } from './flow';
export { testErrorFigures, testErrorSeries } from './testError';
export { proofFigures, proofStepsSpec } from './proofs';

/** The providers every report runs, in order. */
export const DEFAULT_FIGURE_PROVIDERS: readonly FigureProvider[] = [flowFigures, testErrorFigures];
