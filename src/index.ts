/**
 * icl-audit's public API. The model and its inputs are exported by name; each route of a claim is a
 * namespace of its own (`theory`, `moments`, `dynamics`, `montecarlo`, `symbolic`), which keeps the wall
 * between the paper's formulas and the checks that meet them visible at the import site:
 *
 * ```ts
 * import { theory, moments, drawCovariance, stream } from 'icl-audit';
 * const lambda = drawCovariance('rotated', 4, stream(1), { kappa: 10 });
 * const exact = moments.trainingLossModel(lambda, 20);
 * const paper = theory.theorem41MinimumValue(lambda, 20);
 * ```
 */
export * from './linalg';
export * from './random';
export * from './icl';
export * from './lsa';
export * from './contract';
export * from './claims';
export * from './report';
export * as theory from './theory';
export * as moments from './moments';
export * as dynamics from './dynamics';
export * as montecarlo from './montecarlo';
export * as baselines from './baselines';
export { main as runCli } from './cli/main';
