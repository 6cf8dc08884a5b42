/**
 * Regenerates test/dynamics/fixtures/bdf-scipy.json: SciPy's BDF stepped on small reduced flows (in the
 * eigenbasis, built here by eigenSystem so both sides integrate the same numbers), with t, y and the
 * counters at checkpoints. Needs python3 with NumPy and SciPy. Run: npx tsx scripts/compare/bdf-fixture.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stream } from '../../src/random/stream';
import { drawCovariance } from '../../src/random/covariance';
import { initialReduced, randomTheta } from '../../src/lsa/init';
import { trainingLossModel } from '../../src/moments/quadratic';
import { eigenSystem, rotateIn } from '../../src/dynamics/eigenSystem';

/** One fixture case: the diagonalized flow of a drawn model from Assumption 3.3's start. */
function bdfCase(name: string, d: number, kappa: number, seed: number, sigma: number, rtol: number, checkpoints: number[]) {
  const root = stream(seed);
  const lambda = drawCovariance('rotated', d, root.child('covariance'), { kappa });
  const init = initialReduced(sigma, randomTheta(d, root.child('theta')));
  const sys = eigenSystem(trainingLossModel(lambda, 5));
  const y0 = [init.u, ...rotateIn(init.U, sys.phi, sys.psi)];
  return { name, d, kappa, seed, sigma, a: Array.from(sys.a), b: Array.from(sys.b), y0, rtol, atol: rtol / 100, checkpoints };
}

/** y′ = −λ(y − g) with the wrong Jacobian −diag(μ): slow or failing Newton iterations, stale factorizations. */
function linearCase(name: string, mu: number[], rtol: number, checkpoints: number[]) {
  return { name, lam: [1, 30, 1000], g: [1, -2, 0.5], mu, y0: [0, 0, 0], rtol, atol: rtol, checkpoints };
}

const cases = [
  bdfCase('d3-kappa10', 3, 10, 5, 0.2, 1e-8, [1, 5, 20, 60, 150]),
  bdfCase('d4-kappa100', 4, 100, 7, 0.1, 1e-10, [10, 50, 150, 300]),
  linearCase('linear-wrong-jacobian-loose', [0.5, 12, 300], 1e-3, [3, 10, 30, 60]),
  linearCase('linear-wrong-jacobian-tight', [0.7, 20, 600], 1e-7, [5, 20, 60, 120]),
];
const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, OPENBLAS_NUM_THREADS: '1' };
const out = execFileSync('python3', [join(here, 'bdf_fixture.py')], { input: JSON.stringify(cases), env, encoding: 'utf8' });
writeFileSync(join(here, '../../test/dynamics/fixtures/bdf-scipy.json'), out);
