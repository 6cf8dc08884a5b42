/**
 * The reduced gradient flow in the eigenbases of P and Q.
 *
 * With L(V) = ½ tr(P V Q Vᵀ) − ⟨B, V⟩_F + ½c, V = uU, P = Φ diag(p) Φᵀ and Q = Ψ diag(q) Ψᵀ, rotate
 * X = Φᵀ U Ψ and b̃ = Φᵀ B Ψ. Frobenius products are rotation invariant, so with a_ij = p_i q_j
 *
 *   L = ½ Σ a_ij (u X_ij)² − Σ b̃_ij u X_ij + ½c,
 *   dX_ij/dt = −u (u a_ij X_ij − b̃_ij),   du/dt = −Σ_ij X_ij (u a_ij X_ij − b̃_ij).
 *
 * The state is y = (u, X row-major), n = 1 + d². The Jacobian J is an arrow: ∂f_u/∂u = −Σ a X²,
 * ∂f_u/∂X_k = ∂f_{X_k}/∂u = b̃_k − 2u a_k X_k, ∂f_{X_k}/∂X_k = −u² a_k, zero elsewhere; so
 * (shift·I − J) z = r is solved in O(d²) by eliminating the diagonal block (a Schur complement on u):
 * the arrow kernels of src/kernels.
 */
import { symmetricEigen, type Mat } from '../linalg/matrix';
import type { QuadraticModel } from '../moments/quadratic';
import type { StiffProblem } from './rosenbrock';
import { ArrowAddSolve, ArrowPrepare, ArrowSolve, getKernel, type ArrowSystem } from '../kernels';

/** The diagonalized reduced system of a quadratic model. */
export interface EigenSystem extends StiffProblem {
  d: number;
  /** Eigenvalues of P (ascending) and its eigenvectors as columns. */
  p: number[];
  phi: Mat;
  /** Eigenvalues of Q (ascending) and its eigenvectors as columns. */
  q: number[];
  psi: Mat;
  /** a_k = p_i q_j, row-major k = i·d + j. */
  a: Float64Array;
  /** b̃ = Φᵀ B Ψ, row-major. */
  b: Float64Array;
  /** The constant c of the model. */
  c: number;
  /** The model's minimizer in the rotated coordinates: b̃_k / a_k (that is, Φᵀ P⁻¹BQ⁻¹ Ψ). */
  vStar: Float64Array;
  /** ‖P⁻¹BQ⁻¹‖_F. */
  vStarNorm: number;
}

/** Φᵀ M Ψ as a row-major Float64Array. */
export function rotateIn(m: Mat, phi: Mat, psi: Mat): Float64Array {
  const d = m.length;
  const tmp = new Float64Array(d * d); // Φᵀ M
  for (let i = 0; i < d; i++)
    for (let r = 0; r < d; r++) {
      const f = phi[r][i];
      if (f === 0) continue;
      const mr = m[r];
      for (let j = 0; j < d; j++) tmp[i * d + j] += f * mr[j];
    }
  const out = new Float64Array(d * d); // (ΦᵀM) Ψ
  for (let i = 0; i < d; i++)
    for (let r = 0; r < d; r++) {
      const t = tmp[i * d + r];
      if (t === 0) continue;
      const pr = psi[r];
      for (let j = 0; j < d; j++) out[i * d + j] += t * pr[j];
    }
  return out;
}

/** Φ X Ψᵀ for X row-major (offset `off` into `x`), as a Mat. */
export function rotateOut(x: Float64Array, off: number, phi: Mat, psi: Mat): Mat {
  const d = phi.length;
  const tmp = new Float64Array(d * d); // Φ X
  for (let i = 0; i < d; i++) {
    const fi = phi[i];
    for (let r = 0; r < d; r++) {
      const f = fi[r];
      if (f === 0) continue;
      for (let j = 0; j < d; j++) tmp[i * d + j] += f * x[off + r * d + j];
    }
  }
  const out: Mat = Array.from({ length: d }, () => new Array<number>(d).fill(0)); // (ΦX) Ψᵀ
  for (let i = 0; i < d; i++) {
    const oi = out[i];
    for (let j = 0; j < d; j++) {
      const pj = psi[j];
      let s = 0;
      for (let r = 0; r < d; r++) s += tmp[i * d + r] * pj[r];
      oi[j] = s;
    }
  }
  return out;
}

/** Build the diagonalized system of `model`; throws a RangeError when P or Q is not positive definite. */
export function eigenSystem(model: QuadraticModel): EigenSystem {
  const d = model.d;
  const ep = symmetricEigen(model.P);
  const eq = symmetricEigen(model.Q);
  if (!(ep.values[0] > 0)) throw new RangeError(`model.P must be positive definite (smallest eigenvalue ${ep.values[0]})`);
  if (!(eq.values[0] > 0)) throw new RangeError(`model.Q must be positive definite (smallest eigenvalue ${eq.values[0]})`);
  const n = 1 + d * d;
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i * d + j] = ep.values[i] * eq.values[j];
  const b = rotateIn(model.B, ep.vectors, eq.vectors);
  const vStar = new Float64Array(d * d);
  let vs2 = 0;
  for (let k = 0; k < d * d; k++) {
    vStar[k] = b[k] / a[k];
    vs2 += vStar[k] * vStar[k];
  }
  const m = d * d;
  const sys: ArrowSystem = { a, b, cvec: new Float64Array(m), dinv: new Float64Array(m), s: new Float64Array(1) };
  const prepare = getKernel(ArrowPrepare);
  const solve = getKernel(ArrowSolve);
  const addSolve = getKernel(ArrowAddSolve);
  return {
    n,
    d,
    p: ep.values,
    phi: ep.vectors,
    q: eq.values,
    psi: eq.vectors,
    a,
    b,
    c: model.c,
    vStar,
    vStarNorm: Math.sqrt(vs2),
    f(y, out) {
      const u = y[0];
      let su = 0;
      for (let k = 0; k < m; k++) {
        const x = y[k + 1];
        const g = u * a[k] * x - b[k];
        out[k + 1] = -u * g;
        su += x * g;
      }
      out[0] = -su;
    },
    prepare: (y, shift) => prepare(sys, y, shift),
    addSolve: (y, r) => addSolve(sys, y, r),
    solve: (r) => solve(sys, r),
  };
}

/** The loss ½ Σ a (uX)² − Σ b̃ uX + ½c at state y. */
export function eigenLoss(sys: EigenSystem, y: Float64Array): number {
  const u = y[0];
  let s = 0;
  for (let k = 0; k < sys.a.length; k++) {
    const v = u * y[k + 1];
    s += v * (0.5 * sys.a[k] * v - sys.b[k]);
  }
  return s + 0.5 * sys.c;
}

/** ‖u X − T‖_F for a rotated matrix T. */
export function eigenDistance(y: Float64Array, target: Float64Array): number {
  const u = y[0];
  let s = 0;
  for (let k = 0; k < target.length; k++) {
    const e = u * y[k + 1] - target[k];
    s += e * e;
  }
  return Math.sqrt(s);
}

/** u² − ‖X‖_F² (= u² − ‖U‖_F², rotations keep the norm). */
export function stateBalance(y: Float64Array): number {
  let s = 0;
  for (let k = 1; k < y.length; k++) s += y[k] * y[k];
  return y[0] * y[0] - s;
}
