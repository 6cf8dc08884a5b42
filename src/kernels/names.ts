/**
 * The numeric kernels by name (as TF.js's `kernel_names.ts`), with the signature every backend implements.
 *
 * A kernel never draws random numbers of its own: the draws come from one seeded JavaScript stream
 * (src/random) and are handed in, either as filled buffers (the Monte Carlo fills) or as the stream's
 * generator state words, advanced exactly as the stream would advance them (the normal fill). So a run is
 * replayed from `(seed, path, samples)` whatever backend computed it; the conformance suite
 * (test/kernels/) holds every backend to that.
 */

/** Standard normal fill: the 128-layer ziggurat over xoroshiro128+ state words (advanced in place). */
export const NormalFill = 'normalFill' as const;
/** Monte Carlo, fast path: (ŷ, ⟨w, x_q⟩) for a block of prompts from handed-in (ω, z_q, Wishart) draws. */
export const McFastFill = 'mcFastFill' as const;
/** Monte Carlo, direct path: (ŷ, ⟨w, x_q⟩) for a block of prompts from handed-in (ω, z_q, z_i, ε_i) draws. */
export const McDirectFill = 'mcDirectFill' as const;
/** Rosenbrock arrow solve: factor (shift·I − J) for the arrow-shaped Jacobian of the reduced flow. */
export const ArrowPrepare = 'arrowPrepare' as const;
/** Rosenbrock arrow solve: r ← (shift·I − J)⁻¹ r after {@link ArrowPrepare}. */
export const ArrowSolve = 'arrowSolve' as const;
/** Rosenbrock arrow solve fused with the right-hand side: r ← (shift·I − J)⁻¹ (r + f(y)). */
export const ArrowAddSolve = 'arrowAddSolve' as const;

/** Every kernel name, in a fixed order. */
export const KERNEL_NAMES = [NormalFill, McFastFill, McDirectFill, ArrowPrepare, ArrowSolve, ArrowAddSolve] as const;

/** A kernel's name. */
export type KernelName = (typeof KERNEL_NAMES)[number];
