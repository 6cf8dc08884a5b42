/**
 * Monte Carlo throughput: test-error estimation of the reduced LSA predictor (d = 20, M = 100) on the
 * fast and the direct path, and normal draws (ziggurat vs the polar method of Stream.normal). The
 * side-by-side comparison with NumPy is scripts/compare/montecarlo.ts.
 */
import { bench, describe } from 'vitest';
import { add, identity, inverse, scale, trace } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';
import { estimateReducedError } from '../../src/montecarlo/lsaError';
import { estimateSampleFourthMoment } from '../../src/montecarlo/fourthMoment';

const d = 20;
const m = 100;
const rng = stream(2026).child('bench-montecarlo');
const lam = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 10 });
const gamma = add(scale(lam, 1 + 1 / m), scale(identity(d), trace(lam) / m));
const limit = inverse(gamma); // commutes with Λ: the fast path's O(d) case
const noise = rng.child('perturb');
const general = limit.map((row) => row.map((x) => x + 0.02 * noise.normal())); // does not commute: O(d²)
const dist = { d, promptCov: lam };

describe('MC test error, d = 20, M = 100', () => {
  bench('fast path, general V, 20 000 prompts', () => {
    estimateReducedError(dist, m, general, { method: 'fast', samples: 20_000 });
  });
  bench('fast path, V = Γ⁻¹ (commutes with Λ), 20 000 prompts', () => {
    estimateReducedError(dist, m, limit, { method: 'fast', samples: 20_000 });
  });
  bench('direct path, general V, 2 000 prompts', () => {
    estimateReducedError(dist, m, general, { method: 'direct', samples: 2_000 });
  });
});

describe('E[S A S], d = 5, N = 20', () => {
  const l5 = drawCovariance('rotated', 5, rng.child('l5'));
  const a5 = identity(5);
  bench('fast (Bartlett), 20 000 samples', () => {
    estimateSampleFourthMoment(l5, a5, 20, { method: 'fast', samples: 20_000 });
  });
  bench('direct, 20 000 samples', () => {
    estimateSampleFourthMoment(l5, a5, 20, { method: 'direct', samples: 20_000 });
  });
});

describe('standard normals, 2^20 per call', () => {
  const buf = new Float64Array(1 << 20);
  const z = ziggurat(stream(1).child('zig'));
  const s = stream(1).child('polar');
  bench('ziggurat (src/random/ziggurat.ts)', () => {
    z.fill(buf);
  });
  bench('polar method (Stream.fillNormal)', () => {
    s.fillNormal(buf);
  });
});
