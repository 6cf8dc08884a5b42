/**
 * The quantities `check` can audit a formula for: what each means, which variables its formula may
 * use, whether it is a matrix, a scalar or a lower bound, and its first-principles ground truth.
 */
import { conditionNumber, matmul, trace, type Mat } from '../linalg/matrix';
import type { Instance } from './instances';
import { exactCovariateLimit, exactMinimizer, exactMinimumLoss, exactTestError, firstPrinciplesGamma, integratedLimitU, observedPlRatio } from './truth';

/** Names of the quantities {@link check} knows. */
export const QUANTITIES = ['gamma', 'minimizer', 'limit', 'min-loss', 'test-error', 'covariate-limit', 'pl-constant'] as const;

/** A quantity name. */
export type Quantity = (typeof QUANTITIES)[number];

/** Variables every formula may use. */
export const BASE_VARIABLES = ['Lambda', 'N', 'M', 'd', 'I'] as const;

/** How the formula's value is compared with the ground truth. */
export type QuantityKind = 'matrix' | 'scalar' | 'lower-bound';

/** The ground truth at one instance (a value, and for lower bounds the observed minimum it must not exceed). */
export interface Truth {
  value: number | Mat;
  /** A note on how it was obtained at this instance (e.g. the flow's final distance). */
  note?: string;
  /** Extra tolerance the route adds at this instance (e.g. the integrator's stopping distance). */
  routeError?: number;
  /**
   * Scalars: the size of the terms that cancel in the value (e.g. tr Λ in a loss gap), so the error is
   * measured as |formula − truth| / max(|truth|, scale): floating-point error is relative to the terms,
   * not to their small difference.
   */
  scale?: number;
}

/** A quantity's definition. */
export interface QuantitySpec {
  name: Quantity;
  kind: QuantityKind;
  /** What the quantity is, in one line (shown in `--help` and the report). */
  meaning: string;
  /** Variables the formula may use beyond {@link BASE_VARIABLES}. */
  extraVariables: readonly string[];
  /** How the ground truth is obtained. */
  route: string;
  truth(inst: Instance): Truth;
  /** Relative tolerance at this instance: floating-point error times conditioning (see `tolerance`). */
  tolerance(inst: Instance): number;
}

const U = 2 ** -53;
/**
 * Exact routes: the ground truth inverts P (condition ≤ κ²(1 + d)) and Q (κ), and the formula inverts
 * a d×d matrix (≈ κ): relative error ≲ c·d·u·κ², bounded here by 1000·d·u·κ(Λ)²·(1 + d) plus 10⁻¹³.
 */
const exactTolerance = (inst: Instance): number => 1000 * inst.d * (1 + inst.d) * U * inst.kappa * inst.kappa + 1e-13;

/** The definitions, by name. */
export const QUANTITY_SPECS: Record<Quantity, QuantitySpec> = {
  gamma: {
    name: 'gamma',
    kind: 'matrix',
    meaning: 'Γ, the matrix with E[Ŝ²] = ΓΛ (Ŝ = (1/N) Σ x_i x_iᵀ), whose inverse the trained LSA applies',
    extraVariables: [],
    route: 'P Λ⁻¹ with P = E[S S] by Isserlis’ rule (src/moments)',
    truth: (i) => ({ value: firstPrinciplesGamma(i.Lambda, i.N) }),
    tolerance: exactTolerance,
  },
  minimizer: {
    name: 'minimizer',
    kind: 'matrix',
    meaning: 'V* = uU at the global minimum of the population loss (the paper: Γ⁻¹)',
    extraVariables: [],
    route: 'V* = P⁻¹BQ⁻¹ of the exact quadratic loss (src/moments)',
    truth: (i) => ({ value: exactMinimizer(i.Lambda, i.N) }),
    tolerance: exactTolerance,
  },
  limit: {
    name: 'limit',
    kind: 'matrix',
    meaning: 'lim U(t) = W^KQ₁₁(∞) of gradient flow from Assumption 3.3 (σ, Θ)',
    extraVariables: ['sigma', 'Theta'],
    route: 'stiff gradient flow (Rodas5, rtol 1e-11) on the exact loss, run to ‖uU − V*‖/‖V*‖ ≤ 1e-11 (src/dynamics)',
    truth: (i) => {
      const r = integratedLimitU(i);
      return { value: r.U, routeError: 1e3 * Math.max(r.distance, 1e-11), note: r.converged ? undefined : 'the flow did not converge' };
    },
    tolerance: (i) => exactTolerance(i) + 1e-8,
  },
  'min-loss': {
    name: 'min-loss',
    kind: 'scalar',
    meaning: 'min L, the population loss L = ½E(ŷ − ⟨w, x_q⟩)² at its minimizer (noiseless, w ~ N(0, I))',
    extraVariables: [],
    route: 'L(V*) of the exact quadratic loss (src/moments)',
    truth: (i) => ({ value: exactMinimumLoss(i.Lambda, i.N), scale: 0.5 * trace(i.Lambda) }),
    tolerance: exactTolerance,
  },
  'test-error': {
    name: 'test-error',
    kind: 'scalar',
    meaning: 'E(ŷ − ⟨w, x_q⟩)² of the trained LSA (V*, trained at length N) on test prompts of length M',
    extraVariables: [],
    route: 'the exact test-error quadratic at V* (src/moments)',
    truth: (i) => ({ value: exactTestError(i.Lambda, i.N, i.M), scale: trace(i.Lambda) }),
    tolerance: exactTolerance,
  },
  'covariate-limit': {
    name: 'covariate-limit',
    kind: 'scalar',
    meaning: 'lim_{M→∞} E(ŷ − ⟨w, x_q⟩)² of the trained LSA on prompts and queries from N(0, Λ′), E[wwᵀ] = Σ_w',
    extraVariables: ['LambdaTest', 'SigmaW', 'c'],
    route: 'exact test error at M = 1, 2, extrapolated exactly (affine in 1/M) (src/moments)',
    truth: (i) => ({ value: exactCovariateLimit(i.Lambda, i.N, i.LambdaTest, i.SigmaW), scale: 3 * trace(matmul(i.SigmaW, i.LambdaTest)) * Math.max(1, conditionNumber(i.LambdaTest)) }),
    tolerance: (i) => exactTolerance(i) * Math.max(1, conditionNumber(i.LambdaTest)),
  },
  'pl-constant': {
    name: 'pl-constant',
    kind: 'lower-bound',
    meaning: 'μ of the PL inequality ‖∂ℓ̃/∂U‖²_F + (∂ℓ̃/∂u)² ≥ μ(ℓ̃ − min ℓ̃) along the flow from Assumption 3.3 (σ, Θ)',
    extraVariables: ['sigma', 'Theta'],
    route: 'the smallest ratio observed at every accepted step of the integrated flow (src/dynamics); μ must be > 0 and not above it',
    truth: (i) => {
      const r = observedPlRatio(i);
      return { value: r.ratio, note: `${r.samples} steps` };
    },
    tolerance: () => 1e-6,
  },
};

/** Condition number of Λ, for instances and tolerances. */
export const kappaOf = (m: Mat): number => conditionNumber(m);
