/** The `baselines` namespace of the public API: closed-form predictors the trained LSA is compared with
 * (zero, least squares, ridge, Bayes, one GD step, the LSA with any V and its limits; src/baselines). */
export {
  zeroPredictor,
  leastSquaresPredictor,
  ridgePredictor,
  bayesPredictor,
  gradientStepPredictor,
  lsaPredictor,
  lsaLimitPredictor,
  lsaLimitV,
  randomCovLimitPredictor,
  randomCovLimitV,
  predictBatch,
  promptAt,
  promptOf,
} from '../baselines';
export type { Prompt, Predictor, WeightPredictor, BayesOptions, GradientStepOptions } from '../baselines';
