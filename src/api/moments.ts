/** The `moments` namespace of the public API: exact Gaussian moments and the population loss computed
 * from the model's definition by Isserlis' rule (src/moments). */
export { fourthMoment, gaussianMoment, sampleFourthMoment, lossGradientV, populationLoss, quadraticMinimizer, reducedLossAndGradient, testError, testErrorModel, trainingLossModel, randomDiagonalModel, randomDiagonalError, randomDiagonalGradient, randomDiagonalMinimizer } from '../moments';
export type { QuadraticModel, RandomDiagonalModel } from '../moments';
