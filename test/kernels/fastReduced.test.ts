/**
 * The fast path's generated loop (src/kernels/js/fastReduced.ts) against the general loop of the same
 * kernel, bit for bit: the general loop is reached by handing the same diagonal factors in as `lower`
 * factors (x = F z summed over a row of zeros and one product: the same double), so the two differ only
 * in the code that runs. Plus the cases the generated loop must leave to the general one.
 */
import { describe, expect, it } from 'vitest';
import { getKernel, type FastPlan } from '../../src/kernels';
import { FUSED_CACHE, fusedApplies, fusedFastFill, fusedFill, fusedSource, literal } from '../../src/kernels/js/fastReduced';
import { factor, type Factor } from '../../src/linalg/factor';
import { operator } from '../../src/montecarlo/dense';
import { stream, type Stream } from '../../src/random/stream';

const root = stream(20261130).child('fast-reduced');

function normals(rng: Stream, n: number): Float64Array {
  const a = new Float64Array(n);
  rng.fillNormal(a);
  return a;
}
function diag(rng: Stream, d: number, identity: boolean): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? (identity ? 1 : 0.5 + 2 * rng.uniform()) : 0)));
}
function plan(rng: Stream, d: number, opts: { taskIdentity: boolean; k: 'dense' | 'diagonal' | 'zero'; ry: number }): FastPlan {
  const k11 = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (opts.k === 'zero' || (opts.k === 'diagonal' && i !== j) ? 0 : 0.5 * rng.normal())));
  return {
    d,
    m: 13,
    s: Float64Array.from({ length: d }, () => 0.3 + rng.uniform()),
    lq: factor(diag(rng.child('q'), d, false)),
    lw: factor(diag(rng.child('w'), d, opts.taskIdentity)),
    k: operator(k11),
    ky: new Float64Array(d),
    rx: new Float64Array(d),
    ry: opts.ry,
    sigma: 0,
    hasQueryTerm: false,
    hasKy: false,
  };
}
const asLower = (f: Factor): Factor => ({ ...f, kind: 'lower' });

describe('the fast path’s generated loop', () => {
  const variants = [
    { taskIdentity: true, k: 'dense', ry: 1 },
    { taskIdentity: false, k: 'dense', ry: -1.7 },
    { taskIdentity: true, k: 'diagonal', ry: 0.6 },
    { taskIdentity: false, k: 'zero', ry: 2.5 },
  ] as const;
  for (const v of variants)
    it(`gives the general loop's bits (task ${v.taskIdentity ? 'I' : 'diagonal'}, W^KQ ${v.k}, r_y = ${v.ry})`, () => {
      const rng = root.child(`${v.k}-${v.taskIdentity}-${v.ry}`);
      const d = 7;
      const p = plan(rng, d, v);
      const general = { ...p, lq: asLower(p.lq), lw: asLower(p.lw) };
      expect(fusedApplies(p)).toBe(true);
      expect(fusedApplies(general)).toBe(false);
      const count = 41;
      const draws = { omega: normals(rng.child('o'), count * d), zq: normals(rng.child('z'), count * d), wishart: normals(rng.child('t'), 2 * count) };
      for (let b = 0; b < count; b++) draws.wishart[2 * b] = Math.abs(draws.wishart[2 * b]) + 2;
      draws.omega[3] = 0; // a zero coordinate, and a prompt with w = 0 (aa = 0: the semidefinite branch)
      draws.omega.fill(0, 5 * d, 6 * d);
      const fill = getKernel('mcFastFill', 'js');
      const y1 = new Float64Array(count);
      const t1 = new Float64Array(count);
      const y2 = new Float64Array(count);
      const t2 = new Float64Array(count);
      fill(p, draws, count, y1, t1);
      fill(general, draws, count, y2, t2);
      expect(Array.from(y1), `replay: ${rng.describe()}`).toEqual(Array.from(y2));
      expect(Array.from(t1)).toEqual(Array.from(t2));
      expect(y1[5] === 0 && t1[5] === 0).toBe(true);
      if (v.k !== 'zero') expect(y1.some((x) => x !== 0)).toBe(true);
      // the generated loop itself ran (not the general one): it compiles, and fusedFill reports that it wrote
      expect(fusedFastFill(p)).toBeTypeOf('function');
      const y3 = new Float64Array(count);
      const t3 = new Float64Array(count);
      expect(fusedFill(p, draws, count, y3, t3)).toBe(true);
      expect(Array.from(y3)).toEqual(Array.from(y1));
      expect(Array.from(t3)).toEqual(Array.from(t1));
      expect(fusedFill(general, draws, count, y3.fill(7), t3.fill(7))).toBe(false);
      expect(y3.every((x) => x === 7) && t3.every((x) => x === 7)).toBe(true);
      // the same matrix compiles once: a second plan with the same numbers gets the same function
      expect(fusedFastFill({ ...p })).toBe(fusedFastFill(p));
    });

  it('leaves every other case to the general loop', () => {
    const rng = root.child('other');
    const p = plan(rng, 4, { taskIdentity: true, k: 'dense', ry: 1 });
    const f = (q: Partial<FastPlan>) => fusedApplies({ ...p, ...q });
    expect(f({})).toBe(true);
    expect(f({ sigma: 0.1 })).toBe(false);
    expect(f({ hasKy: true })).toBe(false);
    expect(f({ hasQueryTerm: true })).toBe(false);
    expect(f({ rx: Float64Array.from([0, 0, 1e-300, 0]) })).toBe(false);
    expect(f({ lq: asLower(p.lq) })).toBe(false);
    expect(f({ lw: asLower(p.lw) })).toBe(false);
    expect(f({ ry: NaN })).toBe(false);
    expect(f({ s: Float64Array.from([1, Infinity, 1, 1]) })).toBe(false);
    expect(f({ k: { ...p.k, a: p.k.a.map((x, i) => (i === 5 ? NaN : x)) } })).toBe(false);
    expect(f({ lq: { ...p.lq, f: p.lq.f.map((x, i) => (i === 0 ? Infinity : x)) } })).toBe(false);
    expect(f({ lw: { ...p.lw, f: p.lw.f.map((x, i) => (i === 0 ? NaN : x)) } })).toBe(false);
    expect(fusedFastFill({ ...p, sigma: 0.1 })).toBeNull();
    const big = plan(rng, 33, { taskIdentity: true, k: 'diagonal', ry: 1 });
    expect(fusedApplies(big)).toBe(false);
    expect(fusedApplies(plan(rng, 32, { taskIdentity: true, k: 'diagonal', ry: 1 }))).toBe(true);
  });

  it('keeps the last FUSED_CACHE compiled loops by source, and each plan its own', () => {
    const rng = root.child('cache');
    const plans = Array.from({ length: FUSED_CACHE + 1 }, () => plan(rng, 3, { taskIdentity: true, k: 'dense', ry: 1 }));
    const first = plans.map((p) => fusedFastFill(p));
    expect(new Set(first).size).toBe(FUSED_CACHE + 1);
    // the second source is still kept, the first was evicted
    expect(fusedFastFill({ ...plans[1] })).toBe(first[1]);
    expect(fusedFastFill({ ...plans[0] })).not.toBe(first[0]);
    // a plan seen before keeps its function even after its source left the cache
    expect(fusedFastFill(plans[0])).toBe(first[0]);
    // where code generation fails, null (and the kernel's general loop runs)
    const fresh = plan(rng, 3, { taskIdentity: true, k: 'dense', ry: 1 });
    expect(
      fusedFastFill(fresh, () => {
        throw new EvalError('code generation from strings disallowed');
      }),
    ).toBeNull();
    expect(fusedFill(fresh, { omega: new Float64Array(3), zq: new Float64Array(3), wishart: new Float64Array(2) }, 1, new Float64Array(1), new Float64Array(1))).toBe(false);
  });

  it('generates O(d) code for a diagonal W^KQ and O(d²) for a dense one', () => {
    const rng = root.child('size');
    const products = (src: string) => src.split(' * ').length - 1;
    const d = 9;
    const dense = products(fusedSource(plan(rng, d, { taskIdentity: true, k: 'dense', ry: 1 })));
    const diagonal = products(fusedSource(plan(rng, d, { taskIdentity: true, k: 'diagonal', ry: 1 })));
    // per coordinate: x_j and w_j (2), k_i (1 or d), sw, aa, ab, bb (2), wq: 6 more; then c10·c10, the two
    // 2·b indices and c00·t00·(c10·t00 + c11·t10) (4): 7
    expect(diagonal).toBe(d * (2 + 1 + 6) + 7);
    expect(dense).toBe(d * (2 + d + 6) + 7);
  });

  it('writes numbers that read back as the same doubles, −0 included', () => {
    for (const x of [-0, 0, 1, -1.5, 0.1, 1 / 3, 5e-324, -1.7976931348623157e308]) expect(Object.is(Number(literal(x)), x)).toBe(true);
    const p = plan(root.child('src'), 3, { taskIdentity: true, k: 'dense', ry: 1 });
    const src = fusedSource(p);
    expect(src).toContain('const x0 = ');
    expect(src).not.toMatch(/NaN|Infinity|undefined/);
  });
});
