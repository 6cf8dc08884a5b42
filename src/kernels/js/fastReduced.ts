/**
 * The fast path's common case as one generated loop: the reduced model (r_x = 0, k_y = 0), no label
 * noise, diagonal query and task factors in the eigenbasis (the paper's distributions: Λ′ = Λ for the
 * query, Σ_w = I), any W^KQ₁₁ block. Per prompt it forms x_q = L_q z_q, w = L_w ω, each k_i = (W^KQ₁₁ x_q)_i
 * and at once its terms of aᵀΛ′a, aᵀΛ′b, bᵀΛ′b, ⟨w, x_q⟩, then the 2×2 Cholesky factor and G₀₁ from the
 * Bartlett draws: no pass over a block array in between, the matrix, the eigenvalues and the factors'
 * diagonals as literals. The operations and their order are those of the general loop in montecarlo.ts
 * (x_j, then k_i = Σ_j A_ij x_j left to right, then the sums in index order), so the bits are the same.
 */
import type { Factor } from '../../linalg/factor';
import type { FastDraws, FastPlan } from '../types';

/** The generated loop: (ω, z_q, Bartlett draws) of `count` prompts → ŷ, ⟨w, x_q⟩. */
type FusedFill = (omega: Float64Array, zq: Float64Array, wish: Float64Array, yhat: Float64Array, target: Float64Array, count: number) => void;

/** Largest dimension generated (the source grows as d²). */
export const FUSED_MAX_D = 32;

/** A number as source text that reads back as the same double (−0 kept). */
export function literal(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** The diagonal of a diagonal factor as source expressions "c * v" (for the identity 1 * v: the same double). */
function diagonalTerms(f: Factor, d: number, v: (j: number) => string): string[] {
  return Array.from({ length: d }, (_, j) => `${literal(f.f[j * d + j])} * ${v(j)}`);
}

/** Whether the plan is the case {@link fusedSource} covers. */
export function fusedApplies(plan: FastPlan): boolean {
  return (
    plan.sigma === 0 &&
    !plan.hasKy &&
    !plan.hasQueryTerm &&
    plan.rx.every((x) => x === 0) &&
    plan.d <= FUSED_MAX_D &&
    plan.lq.kind === 'diagonal' &&
    plan.lw.kind === 'diagonal' &&
    plan.k.a.every(Number.isFinite) &&
    plan.s.every(Number.isFinite) &&
    plan.lq.f.every(Number.isFinite) &&
    plan.lw.f.every(Number.isFinite) &&
    Number.isFinite(plan.ry)
  );
}

/** The loop's source for a plan that {@link fusedApplies} to. */
export function fusedSource(plan: FastPlan): string {
  const { d, k, s, ry, m } = plan;
  const xs = diagonalTerms(plan.lq, d, (j) => `zq[o + ${j}]`);
  const ws = diagonalTerms(plan.lw, d, (j) => `omega[o + ${j}]`);
  const lines: string[] = [`for (let b = 0, o = 0; b < count; b++, o += ${d}) {`];
  for (let j = 0; j < d; j++) lines.push(`const x${j} = ${xs[j]};`);
  lines.push('let aa = 0, ab = 0, bb = 0, wq = 0, k = 0, w = 0, sw = 0;');
  for (let i = 0; i < d; i++) {
    // (W^KQ = 0 is diagonal: k_i = 0·x_i = ±0 where the general loop has +0, which no sum below can tell
    // apart: every sum starts at +0, and +0 + −0 = +0)
    let kx: string;
    if (k.diagonal) kx = `${literal(k.a[i * d + i])} * x${i}`;
    else kx = Array.from({ length: d }, (_, j) => `${literal(k.a[i * d + j])} * x${j}`).join(' + ');
    const s2 = literal(s[i] * s[i]);
    lines.push(`k = ${kx}; w = ${ws[i]}; sw = ${s2} * w; aa += sw * w; ab += sw * k; bb += ${s2} * k * k; wq += w * x${i};`);
  }
  lines.push(
    `aa *= ${literal(ry * ry)};`,
    `ab *= ${literal(ry)};`,
    'let c00 = 0, c10 = 0, c11 = 0;',
    'if (aa > 0) { c00 = Math.sqrt(aa); c10 = ab / c00; c11 = Math.sqrt(Math.max(bb - c10 * c10, 0)); } else c11 = Math.sqrt(bb);',
    'const t00 = wish[2 * b], t10 = wish[2 * b + 1];',
    `yhat[b] = (c00 * t00 * (c10 * t00 + c11 * t10)) / ${m};`,
    'target[b] = wq;',
    '}',
  );
  return lines.join('\n');
}

/** Compiled loops kept by source text (a run builds a plan per thread; the same matrix compiles once). */
export const FUSED_CACHE = 8;
const bySource = new Map<string, FusedFill>();
const byPlan = new WeakMap<FastPlan, FusedFill | null>();

/** Compile a loop's source (throws where code generation from strings is disallowed). */
function compileSource(src: string): FusedFill {
  return new Function('omega', 'zq', 'wish', 'yhat', 'target', 'count', src) as FusedFill;
}

/**
 * The generated loop for `plan` (compiled by `compile`), or null when the case does not apply or code
 * generation is unavailable (`compile` throws).
 */
export function fusedFastFill(plan: FastPlan, compile: (src: string) => FusedFill = compileSource): FusedFill | null {
  const known = byPlan.get(plan);
  if (known !== undefined) return known;
  let f: FusedFill | null = null;
  if (fusedApplies(plan)) {
    const src = fusedSource(plan);
    f = bySource.get(src) ?? null;
    if (!f) {
      try {
        f = compile(src);
        if (bySource.size >= FUSED_CACHE) bySource.delete(bySource.keys().next().value as string);
        bySource.set(src, f);
      } catch {
        // code generation unavailable: f stays null, the general loop runs
      }
    }
  }
  byPlan.set(plan, f);
  return f;
}

/** Run the generated loop on a block of draws; false (nothing written) when it does not apply. */
export function fusedFill(plan: FastPlan, draws: FastDraws, count: number, yhat: Float64Array, target: Float64Array): boolean {
  const f = fusedFastFill(plan);
  if (!f) return false;
  f(draws.omega, draws.zq, draws.wishart, yhat, target, count);
  return true;
}
