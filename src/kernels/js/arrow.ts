/**
 * The Rosenbrock arrow solve in plain JavaScript. In the eigenbases of P and Q the reduced flow is
 * y = (u, X), f_u = −Σ_k X_k g_k, f_k = −u g_k with g_k = u a_k X_k − b_k, and its Jacobian is an arrow:
 * a full first row and column and a diagonal. So (shift·I − J) z = r is solved in O(d²) by eliminating
 * the diagonal block: with D_k = shift + u² a_k and c_k = b_k − 2u a_k X_k,
 *   S = shift + Σ a_k X_k² − Σ c_k² / D_k,   z_u = (r_u + Σ c_k r_k / D_k) / S,   z_k = (r_k + c_k z_u) / D_k.
 */
import type { ArrowSystem } from '../types';

/** Prepare (shift·I − J(y)): c_k, 1/D_k and 1/S; false when S is 0 to rounding. */
export function arrowPrepareJs(sys: ArrowSystem, y: Float64Array, shift: number): boolean {
  const { a, b, cvec, dinv } = sys;
  const m = a.length;
  const u = y[0];
  const u2 = u * u;
  let sax2 = 0;
  let schur = 0;
  for (let k = 0; k < m; k++) {
    const x = y[k + 1];
    const ax = a[k] * x;
    sax2 += ax * x;
    const ck = b[k] - 2 * u * ax;
    const di = 1 / (shift + u2 * a[k]);
    cvec[k] = ck;
    dinv[k] = di;
    schur += ck * ck * di;
  }
  const s = shift + sax2 - schur;
  const scale = shift + sax2 + schur;
  if (!Number.isFinite(s) || Math.abs(s) <= 1e-14 * scale) return false;
  sys.s[0] = 1 / s;
  return true;
}

/** r ← (shift·I − J)⁻¹ r. */
export function arrowSolveJs(sys: ArrowSystem, r: Float64Array): void {
  const { cvec, dinv } = sys;
  const m = cvec.length;
  let t = r[0];
  for (let k = 0; k < m; k++) t += cvec[k] * dinv[k] * r[k + 1];
  const zu = t * sys.s[0];
  r[0] = zu;
  for (let k = 0; k < m; k++) r[k + 1] = (r[k + 1] + cvec[k] * zu) * dinv[k];
}

/** r ← (shift·I − J)⁻¹ (r + f(y)), in two passes over memory. */
export function arrowAddSolveJs(sys: ArrowSystem, y: Float64Array, r: Float64Array): void {
  const { a, b, cvec, dinv } = sys;
  const m = a.length;
  // pass 1: r += f(y), and the Schur right-hand side t = r_u + Σ c_k r_k / D_k
  const u = y[0];
  let su = 0;
  let t = 0;
  for (let k = 0; k < m; k++) {
    const x = y[k + 1];
    const g = u * a[k] * x - b[k];
    su += x * g;
    const rk = r[k + 1] - u * g;
    r[k + 1] = rk;
    t += cvec[k] * dinv[k] * rk;
  }
  const zu = (r[0] - su + t) * sys.s[0];
  r[0] = zu;
  // pass 2: back-substitution
  for (let k = 0; k < m; k++) r[k + 1] = (r[k + 1] + cvec[k] * zu) * dinv[k];
}
