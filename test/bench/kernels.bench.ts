/**
 * The Monte Carlo fast path's kernels alone, on one block of 256 prompts at d = 20 (the sampler's block):
 * `normalFill` on the `js` and `wasm` backends (the same draws), and `mcFastFill` through its generated
 * loop (reduced model, diagonal factors: the case the estimators hit at the paper's distributions) and
 * through the general loop on the same plan with its factors handed in as `lower` (the same bits, but two
 * triangular products more: not the saving over the former code, see docs/kernels.md for that).
 * The whole estimator against NumPy: scripts/compare/montecarlo.ts.
 */
import { bench, describe } from 'vitest';
import { getKernel, type FastPlan } from '../../src/kernels';
import { factor } from '../../src/linalg/factor';
import { operator } from '../../src/montecarlo/dense';
import { stream } from '../../src/random/stream';

const d = 20;
const n = 256;
const rng = stream(2026).child('bench-kernels');
const diag = (f: (i: number) => number) => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? f(i) : 0)));
const plan: FastPlan = {
  d,
  m: 100,
  s: Float64Array.from({ length: d }, (_, i) => Math.sqrt(0.1 + i / 2)),
  lq: factor(diag((i) => 0.1 + i / 2)),
  lw: factor(diag(() => 1)),
  k: operator(Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal()))),
  ky: new Float64Array(d),
  rx: new Float64Array(d),
  ry: 1,
  sigma: 0,
  hasQueryTerm: false,
  hasKy: false,
};
const general: FastPlan = { ...plan, lq: { ...plan.lq, kind: 'lower' }, lw: { ...plan.lw, kind: 'lower' } };
const draws = { omega: new Float64Array(n * d), zq: new Float64Array(n * d), wishart: new Float64Array(2 * n) };
rng.fillNormal(draws.omega);
rng.fillNormal(draws.zq);
rng.fillNormal(draws.wishart);
for (let b = 0; b < n; b++) draws.wishart[2 * b] = Math.abs(draws.wishart[2 * b]) + 9;
const yhat = new Float64Array(n);
const target = new Float64Array(n);
const fast = getKernel('mcFastFill', 'js');

describe(`mcFastFill, ${n} prompts, d = ${d}`, () => {
  bench('generated loop (reduced, diagonal factors)', () => fast(plan, draws, n, yhat, target));
  bench('general loop (same plan, factors as lower)', () => fast(general, draws, n, yhat, target));
});

describe(`normalFill, ${n * 2 * d} normals (one block's ω and z_q)`, () => {
  const out = new Float64Array(n * 2 * d);
  for (const backend of ['js', 'wasm']) {
    const g = { s00: 0x1234567, s01: -0x2345678, s10: 0x3456789, s11: 0x1111 };
    const fill = getKernel('normalFill', backend);
    bench(`${backend} backend`, () => fill(g, out, 0, out.length));
  }
});
