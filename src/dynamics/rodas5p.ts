/**
 * Rodas5P (Steinebach 2023): an 8-stage, L-stable, stiffly accurate Rosenbrock method of order 5 with
 * an embedded order-4 estimate, built like Rodas5 (the last three stages reuse the sixth stage point
 * plus the latest increments) but with coefficients chosen to reduce order reduction on the
 * Prothero–Robinson test problem y′ = λ(y − g(t)) + g′(t): a stiff component relaxing to a moving
 * quasi-equilibrium, which is what the diagonal entries of the reduced flow do in Λ's eigenbasis
 * (X_k → b̃_k/(u a_k) at rate u² a_k while u moves).
 *
 * Reference: G. Steinebach, "Construction of Rosenbrock–Wanner method Rodas5P and numerical benchmarks
 * within the Julia Differential Equations package", BIT Numer. Math. 63 (2023), coefficients as tabled
 * in OrdinaryDiffEq.jl (Rodas5PTableau). Its orders are measured in test/dynamics/rodas5p.test.ts.
 */
import type { RosenbrockTableau } from './rosenbrock';

/** Row a_6j (the sixth stage point), reused by stages 7 and 8 and by the weights. */
const A6 = [-7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946];

/** Rodas5P: 8 stages, order 5 with an embedded order-4 estimate, L-stable, stiffly accurate. */
export const RODAS5P: RosenbrockTableau = {
  name: 'Rodas5P',
  order: 5,
  embeddedOrder: 4,
  gamma: 0.21193756319429014,
  a: [
    [],
    [3.0],
    [2.849394379747939, 0.45842242204463923],
    [-6.954028509809101, 2.489845061869568, -10.358996098473584],
    [2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641],
    A6,
    [...A6, 1],
    [...A6, 1, 1],
  ],
  c: [
    [],
    [-14.155112264123755],
    [-17.97296035885952, -2.859693295451294],
    [147.12150275711716, -1.41221402718213, 71.68940251302358],
    [165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306],
    [24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471],
    [30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623, -28.087943162872662],
    [37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002, -54.66780262877968, -9.48861652309627],
  ],
  b: [...A6, 1, 1, 1],
};
