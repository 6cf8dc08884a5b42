/** The `montecarlo` namespace of the public API: seeded Monte Carlo estimates with simultaneous
 * confidence intervals (src/montecarlo). */
export {
  estimateMeans,
  estimateFourthMoment,
  estimateSampleFourthMoment,
  estimateFullError,
  estimateReducedError,
  predictBatchFull,
  predictBatchReduced,
  RunningMoments,
  criticalValue,
  normalCdf,
  normalPdf,
  normalQuantile,
} from '../montecarlo';
export type { ChunkSampler, MonteCarloEstimate, MonteCarloOptions, MonteCarloResult, StoppingOptions, StopReason, FourthMomentOptions, MatrixEstimateResult, LsaErrorOptions, LsaErrorResult, SamplingMethod } from '../montecarlo';
