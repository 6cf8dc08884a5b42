/**
 * The data the kernels take: plain objects of numbers and Float64Arrays (structured-cloneable, so a
 * worker or a WebAssembly backend can take them as they are), and the kernels' signatures.
 */
import type { Factor } from '../linalg/factor';

/** xoroshiro128+ state as four signed 32-bit words (pure-rand 8's `s00, s01, s10, s11`), advanced in place. */
export interface GeneratorState {
  s00: number;
  s01: number;
  s10: number;
  s11: number;
}

/** A d×d matrix for y = A x (row-major), with flags for the diagonal and zero shortcuts. */
export interface DenseOperator {
  n: number;
  a: Float64Array;
  diagonal: boolean;
  zero: boolean;
}

/**
 * The fixed part of the fast path (src/montecarlo/lsaSampler.ts), in the eigenbasis of the prompt
 * covariance: `s` the square roots of its eigenvalues, the query and task factors, the blocks of θ.
 */
export interface FastPlan {
  d: number;
  m: number;
  s: Float64Array;
  lq: Factor;
  lw: Factor;
  k: DenseOperator;
  ky: Float64Array;
  rx: Float64Array;
  ry: number;
  sigma: number;
  hasQueryTerm: boolean;
  hasKy: boolean;
}

/**
 * Draws of `count` prompts for the fast path: `omega`, `zq` (count·d standard normals each) and `wishart`:
 * noiseless (σ = 0), 2 per prompt, (√χ²_M, N(0,1)) — the entries t00, t10 of the 2×2 Bartlett factor;
 * noisy, 9 per prompt, the 3×3 Bartlett factor row-major.
 */
export interface FastDraws {
  omega: Float64Array;
  zq: Float64Array;
  wishart: Float64Array;
}

/** The fixed part of the direct path: factors of the three covariances, θ's blocks, L's transpose applied to r_x. */
export interface DirectPlan {
  d: number;
  m: number;
  l: Factor;
  lq: Factor;
  lw: Factor;
  k: DenseOperator;
  /** Lᵀ r_x. */
  rp: Float64Array;
  ky: Float64Array;
  rx: Float64Array;
  ry: number;
  sigma: number;
  hasQueryTerm: boolean;
  rxZero: boolean;
}

/**
 * Draws of `count` prompts for the direct path: `omega`, `zq` (count·d), `zs` (count·m·d: z_i with
 * x_i = L z_i), `eps` (count·m, read only when σ > 0). The kernel writes w = L_w ω and x_q = L_q z_q of
 * every prompt into `w` and `xq` (count·d), for callers that record the prompts.
 */
export interface DirectDraws {
  omega: Float64Array;
  zq: Float64Array;
  zs: Float64Array;
  eps: Float64Array;
  w: Float64Array;
  xq: Float64Array;
}

/**
 * The arrow system of the reduced gradient flow in the eigenbasis (src/dynamics/eigenSystem.ts): state
 * y = (u, X), f_u = −Σ X_k g_k, f_X = −u g, g = u a X − b. `cvec`, `dinv` are work arrays of length a.length,
 * `s` holds the inverse Schur complement after a successful prepare.
 */
export interface ArrowSystem {
  a: Float64Array;
  b: Float64Array;
  cvec: Float64Array;
  dinv: Float64Array;
  s: Float64Array;
}

/** The signature of every kernel. */
export interface KernelSignatures {
  normalFill(state: GeneratorState, out: Float64Array, offset: number, count: number): void;
  mcFastFill(plan: FastPlan, draws: FastDraws, count: number, yhat: Float64Array, target: Float64Array): void;
  mcDirectFill(plan: DirectPlan, draws: DirectDraws, count: number, yhat: Float64Array, target: Float64Array): void;
  /** Prepare (shift·I − J(y)); false when it is numerically singular. */
  arrowPrepare(sys: ArrowSystem, y: Float64Array, shift: number): boolean;
  arrowSolve(sys: ArrowSystem, r: Float64Array): void;
  arrowAddSolve(sys: ArrowSystem, y: Float64Array, r: Float64Array): void;
}
