/** The `symbolic` namespace of the public API: exact rational polynomials and the model's prediction
 * and loss written in them (own layer, src/symbolic), the exact inertia of a symmetric matrix, and the
 * loss re-derived by nerdamer. */
export { rat, Poly, RatFunc, sym, constant, PAPER_MODEL, WRONG_NORMALIZER_MODEL, prediction, populationLoss, reducedParams, generalParams, covarianceSymbols, characteristicPolynomial, inertia, nerdamerLoss } from '../symbolic';
export type { Rat, ModelDefinition, SymbolicParams, SymbolicDistribution, PredictionOptions, LossOptions } from '../symbolic';
