/**
 * icl-audit's public API. The commands' library functions come first: `verify`, `prove`, `flow`,
 * `check` and `report` take the same options as `icl-audit <command>` and return the same JSON:
 *
 * ```ts
 * import { verify, check } from 'icl-audit';
 * const r = await verify({ claims: ['C06'], runs: 20 });
 * const c = await check({ quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)' });
 * ```
 *
 * Below them, the model and its inputs are exported by name; each route of a claim is a
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
export * from './api';
export * from './check';
export * as theory from './theory';
export * as moments from './moments';
export * as dynamics from './dynamics';
export * as montecarlo from './montecarlo';
export * as baselines from './baselines';
export { main as runCli } from './cli/main';
/** The installed package's version. */
export { VERSION } from './version';
