/**
 * The Monte Carlo fills in plain JavaScript: (ŷ, ⟨w, x_q⟩) for a block of prompts from draws handed in
 * (see {@link FastDraws}, {@link DirectDraws}; the formulas are derived in src/montecarlo/lsaSampler.ts).
 *
 * The fast path's d² work, k_x = W^KQ₁₁ x_q, is done for two prompts at a time against four rows of the
 * matrix at a time (eight accumulators: each matrix entry and each x_q entry loaded once for several
 * products), which is what BLAS does for NumPy's `xq @ V.T`, in registers V8 keeps in scalar form.
 */
import { applyFactor, applyFactorT, type Factor } from '../../linalg/factor';
import type { DirectDraws, DirectPlan, FastDraws, FastPlan } from '../types';
import { fusedFill } from './fastReduced';

interface Scratch {
  w: Float64Array;
  xq: Float64Array;
  kx: Float64Array;
}
const scratchOf = new WeakMap<object, Scratch>();

function scratch(plan: object, d: number, count: number): Scratch {
  let s = scratchOf.get(plan);
  if (!s || s.w.length < count * d) {
    s = { w: new Float64Array(count * d), xq: new Float64Array(count * d), kx: new Float64Array(count * d) };
    scratchOf.set(plan, s);
  }
  return s;
}

const diagonals = new WeakMap<Float64Array, { diag: Float64Array; identity: boolean }>();

/** The diagonal of a diagonal factor, and whether it is the identity (cached per factor). */
function diagonalOf(f: Factor, d: number): { diag: Float64Array; identity: boolean } {
  let e = diagonals.get(f.f);
  if (!e) {
    const diag = new Float64Array(d);
    for (let i = 0; i < d; i++) diag[i] = f.f[i * d + i];
    e = { diag, identity: diag.every((x) => x === 1) };
    diagonals.set(f.f, e);
  }
  return e;
}

/** out[b·d …] = F z[b·d …] for `count` vectors (a diagonal factor elementwise, the identity a copy). */
function applyFactorBlock(f: Factor, z: Float64Array, out: Float64Array, d: number, count: number): void {
  if (f.kind === 'diagonal') {
    const { diag, identity } = diagonalOf(f, d);
    if (identity) {
      out.set(z.subarray(0, count * d));
      return;
    }
    for (let b = 0, off = 0; b < count; b++, off += d) for (let i = 0; i < d; i++) out[off + i] = diag[i] * z[off + i];
    return;
  }
  for (let b = 0; b < count; b++) applyFactor(f, z, b * d, out, b * d);
}

/** kx[b·n + i] = Σ_j A[i·n + j] x[b·n + j] for `count` vectors x (blocked: 2 vectors × 4 rows). */
export function applyOperatorBlock(a: Float64Array, n: number, diagonal: boolean, x: Float64Array, kx: Float64Array, count: number): void {
  if (diagonal) {
    for (let b = 0, off = 0; b < count; b++, off += n) for (let i = 0; i < n; i++) kx[off + i] = a[i * n + i] * x[off + i];
    return;
  }
  let b = 0;
  for (; b + 1 < count; b += 2) {
    const x0 = b * n;
    const x1 = x0 + n;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let j = 0; j < n; j++) {
        const u = x[x0 + j];
        const v = x[x1 + j];
        const a0 = a[r0 + j];
        const a1 = a[r1 + j];
        const a2 = a[r2 + j];
        const a3 = a[r3 + j];
        s00 += a0 * u;
        s01 += a1 * u;
        s02 += a2 * u;
        s03 += a3 * u;
        s10 += a0 * v;
        s11 += a1 * v;
        s12 += a2 * v;
        s13 += a3 * v;
      }
      kx[x0 + i] = s00;
      kx[x0 + i + 1] = s01;
      kx[x0 + i + 2] = s02;
      kx[x0 + i + 3] = s03;
      kx[x1 + i] = s10;
      kx[x1 + i + 1] = s11;
      kx[x1 + i + 2] = s12;
      kx[x1 + i + 3] = s13;
    }
    for (; i < n; i++) {
      const r = i * n;
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < n; j++) {
        s0 += a[r + j] * x[x0 + j];
        s1 += a[r + j] * x[x1 + j];
      }
      kx[x0 + i] = s0;
      kx[x1 + i] = s1;
    }
  }
  for (; b < count; b++) {
    const x0 = b * n;
    for (let i = 0; i < n; i++) {
      const r = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += a[r + j] * x[x0 + j];
      kx[x0 + i] = s;
    }
  }
}

/** A compiled y = A x for blocks of vectors (see {@link compiledOperator}). */
type BlockOperator = (x: Float64Array, kx: Float64Array, count: number) => void;
const compiled = new WeakMap<Float64Array, BlockOperator | null>();

/** Largest dimension for which {@link compiledOperator} generates straight-line code. */
const COMPILE_MAX_N = 32;

/**
 * y = A x for blocks of vectors as straight-line code with A's entries as literals, generated once per
 * matrix: for d = 20 V8 runs it 1.6× faster than the blocked loop (no loads of A, no loop or bounds
 * checks), with the same products summed in the same order, so the same bits. The source is made only
 * of the matrix's numbers (finite doubles printed by Number#toString, which round-trips exactly) and
 * fixed text. Null for a diagonal or zero matrix, for n > 32, or when code generation is unavailable.
 */
export function compiledOperator(a: Float64Array, n: number): BlockOperator | null {
  if (compiled.has(a)) return compiled.get(a)!;
  let f: BlockOperator | null = null;
  if (n <= COMPILE_MAX_N && a.every(Number.isFinite)) {
    const lines: string[] = [`for (let b = 0, o = 0; b < count; b++, o += ${n}) {`];
    for (let j = 0; j < n; j++) lines.push(`const x${j} = x[o + ${j}];`);
    for (let i = 0; i < n; i++) {
      const terms: string[] = [];
      for (let j = 0; j < n; j++) {
        const c = a[i * n + j];
        terms.push(`${Object.is(c, -0) ? '-0' : String(c)} * x${j}`);
      }
      lines.push(`kx[o + ${i}] = ${terms.join(' + ')};`);
    }
    lines.push('}');
    try {
      f = new Function('x', 'kx', 'count', lines.join('\n')) as BlockOperator;
    } catch {
      f = null;
    }
  }
  compiled.set(a, f);
  return f;
}

const squared = new WeakMap<Float64Array, Float64Array>();
function squares(s: Float64Array): Float64Array {
  let q = squared.get(s);
  if (!q) squared.set(s, (q = s.map((x) => x * x)));
  return q;
}

/** The fast path for `count` prompts (see src/montecarlo/lsaSampler.ts for the derivation). */
export function mcFastFillJs(plan: FastPlan, draws: FastDraws, count: number, yhat: Float64Array, target: Float64Array): void {
  if (fusedFill(plan, draws, count, yhat, target)) return;
  const { d, m, s, ky: kyv, rx, ry, sigma } = plan;
  const sc = scratch(plan, d, count);
  const { w, xq, kx } = sc;
  applyFactorBlock(plan.lw, draws.omega, w, d, count);
  applyFactorBlock(plan.lq, draws.zq, xq, d, count);
  if (plan.k.zero) kx.fill(0, 0, count * d);
  else {
    const op = plan.k.diagonal ? null : compiledOperator(plan.k.a, d);
    if (op) op(xq, kx, count);
    else applyOperatorBlock(plan.k.a, d, plan.k.diagonal, xq, kx, count);
  }
  const wish = draws.wishart;
  const noisy = sigma > 0;
  const reduced = !plan.hasKy && !plan.hasQueryTerm && rx.every((x) => x === 0);
  const s2v = squares(s);
  for (let b = 0, off = 0; b < count; b++, off += d) {
    let ky = 0;
    if (plan.hasKy) for (let j = 0; j < d; j++) ky += kyv[j] * xq[off + j];
    // a = s∘(r_x + r_y w), b = s∘(k_x + k_y w): Gram entries aᵀΛ′a, aᵀΛ′b, bᵀΛ′b in the eigenbasis.
    let aa = 0;
    let ab = 0;
    let bb = 0;
    let wq = 0;
    if (reduced) {
      // r_x = 0, k_y = 0 (the reduced model): a = r_y s∘w, b = s∘k_x
      for (let j = 0; j < d; j++) {
        const s2 = s2v[j];
        const wj = w[off + j];
        const kj = kx[off + j];
        const sw = s2 * wj;
        aa += sw * wj;
        ab += sw * kj;
        bb += s2 * kj * kj;
        wq += wj * xq[off + j];
      }
      aa *= ry * ry;
      ab *= ry;
    } else
      for (let j = 0; j < d; j++) {
        const sj = s[j];
        const wj = w[off + j];
        const aj = sj * (rx[j] + ry * wj);
        const bj = sj * (kx[off + j] + ky * wj);
        aa += aj * aj;
        ab += aj * bj;
        bb += bj * bj;
        wq += wj * xq[off + j];
      }
    // Cholesky of the 2×2 block [[aa, ab], [ab, bb]] (semidefinite-safe).
    let c00 = 0;
    let c10 = 0;
    let c11 = 0;
    if (aa > 0) {
      c00 = Math.sqrt(aa);
      c10 = ab / c00;
      c11 = Math.sqrt(Math.max(bb - c10 * c10, 0));
    } else c11 = Math.sqrt(bb);
    let sum: number;
    if (!noisy) {
      // Only G01 enters ŷ: G01 = c00 t00 (c10 t00 + c11 t10) with the 2×2 Bartlett factor's t00, t10.
      const t00 = wish[2 * b];
      const t10 = wish[2 * b + 1];
      sum = c00 * t00 * (c10 * t00 + c11 * t10);
    } else {
      const t = 9 * b;
      // rows of P = C T with C = [[c00,0,0],[c10,c11,0],[0,0,σ]]
      let g01 = 0;
      let g02 = 0;
      let g12 = 0;
      let g22 = 0;
      for (let j = 0; j < 3; j++) {
        const p0 = c00 * wish[t + j];
        const p1 = c10 * wish[t + j] + c11 * wish[t + 3 + j];
        const p2 = sigma * wish[t + 6 + j];
        g01 += p0 * p1;
        g02 += p0 * p2;
        g12 += p1 * p2;
        g22 += p2 * p2;
      }
      sum = g01 + ky * g02 + ry * g12 + ry * ky * g22;
    }
    if (plan.hasQueryTerm) {
      let rq = 0;
      let kq = 0;
      for (let j = 0; j < d; j++) {
        rq += rx[j] * xq[off + j];
        kq += kx[off + j] * xq[off + j];
      }
      sum += rq * kq;
    }
    yhat[b] = sum / m;
    target[b] = wq;
  }
}

/** The direct path for `count` prompts: two (or three) length-d dot products per example. */
export function mcDirectFillJs(plan: DirectPlan, draws: DirectDraws, count: number, yhat: Float64Array, target: Float64Array): void {
  const { d, m, rp, ky: kyv, rx, ry, sigma } = plan;
  const sc = scratch(plan, d, 1);
  const { kx } = sc;
  const wp = sc.w; // Lᵀ w, reused per prompt
  const kp = sc.xq; // Lᵀ k_x
  const { zs, eps, w, xq } = draws;
  const md = m * d;
  applyFactorBlock(plan.lw, draws.omega, w, d, count);
  applyFactorBlock(plan.lq, draws.zq, xq, d, count);
  for (let b = 0; b < count; b++) {
    const qo = b * d;
    const wb = w.subarray(qo, qo + d);
    const xb = xq.subarray(qo, qo + d);
    applyFactorT(plan.l, wb, wp);
    if (plan.k.zero) kx.fill(0, 0, d);
    else applyOperatorBlock(plan.k.a, d, plan.k.diagonal, xb, kx, 1);
    applyFactorT(plan.l, kx, kp);
    let ky = 0;
    let wq = 0;
    for (let j = 0; j < d; j++) {
      ky += kyv[j] * xb[j];
      wq += wb[j] * xb[j];
    }
    const zo = b * md;
    const eo = b * m;
    // Examples are taken two at a time (each coefficient loaded once for both), which is ~2× faster in V8.
    let acc = 0;
    let i = 0;
    if (plan.rxZero) {
      // r·e_i = r_y y_i: two dot products per example (the reduced model and Assumption 3.3's W^PV).
      for (let off = zo; i + 1 < m; i += 2, off += 2 * d) {
        let y0 = 0;
        let c0 = 0;
        let y1 = 0;
        let c1 = 0;
        const off1 = off + d;
        for (let j = 0; j < d; j++) {
          const wj = wp[j];
          const kj = kp[j];
          const z0 = zs[off + j];
          const z1 = zs[off1 + j];
          y0 += wj * z0;
          c0 += kj * z0;
          y1 += wj * z1;
          c1 += kj * z1;
        }
        if (sigma > 0) {
          y0 += sigma * eps[eo + i];
          y1 += sigma * eps[eo + i + 1];
        }
        acc += ry * (y0 * (c0 + ky * y0) + y1 * (c1 + ky * y1));
      }
    } else {
      for (let off = zo; i + 1 < m; i += 2, off += 2 * d) {
        let y0 = 0;
        let p0 = 0;
        let c0 = 0;
        let y1 = 0;
        let p1 = 0;
        let c1 = 0;
        const off1 = off + d;
        for (let j = 0; j < d; j++) {
          const wj = wp[j];
          const rj = rp[j];
          const kj = kp[j];
          const z0 = zs[off + j];
          const z1 = zs[off1 + j];
          y0 += wj * z0;
          p0 += rj * z0;
          c0 += kj * z0;
          y1 += wj * z1;
          p1 += rj * z1;
          c1 += kj * z1;
        }
        if (sigma > 0) {
          y0 += sigma * eps[eo + i];
          y1 += sigma * eps[eo + i + 1];
        }
        acc += (p0 + ry * y0) * (c0 + ky * y0) + (p1 + ry * y1) * (c1 + ky * y1);
      }
    }
    for (let off = zo + i * d; i < m; i++, off += d) {
      // the last example when M is odd (all three products; r_p is 0 when r_x is)
      let yw = 0;
      let pr = 0;
      let ck = 0;
      for (let j = 0; j < d; j++) {
        const zj = zs[off + j];
        yw += wp[j] * zj;
        pr += rp[j] * zj;
        ck += kp[j] * zj;
      }
      const y = sigma > 0 ? yw + sigma * eps[eo + i] : yw;
      acc += (pr + ry * y) * (ck + ky * y);
    }
    if (plan.hasQueryTerm) {
      let rq = 0;
      let kq = 0;
      for (let j = 0; j < d; j++) {
        rq += rx[j] * xb[j];
        kq += kx[j] * xb[j];
      }
      acc += rq * kq;
    }
    yhat[b] = acc / m;
    target[b] = wq;
  }
}
