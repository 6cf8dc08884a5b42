/** The contract of a derivation in `proofs/`: a named sequence of checked, timed steps. */
import type { Verdict } from '../src/contract/types';
import type { ModelDefinition } from '../src/symbolic/model';

export type DerivationId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

/** Options of a derivation run. */
export interface ProveOptions {
  /** Dimension d (each derivation lists the dimensions it supports in `dims`). */
  d: number;
  /** The model definition the derivation starts from (default: the paper's, attention / N). */
  model?: ModelDefinition;
  /** Root seed of the random rational points and the Monte Carlo draws (default DEFAULT_SEED, 1). */
  seed?: number;
  /** Run the second engine, nerdamer (default true). */
  nerdamer?: boolean;
  /** Run the Monte Carlo comparisons (default true). */
  monteCarlo?: boolean;
}

/** One checked step. */
export interface StepResult {
  name: string;
  verdict: Verdict;
  ms: number;
  detail?: string;
}

/** What a derivation returns. */
export interface DerivationResult {
  /** 'P2-d2' style: the P-number and the dimension. */
  id: string;
  title: string;
  claims: string[];
  d: number;
  verdict: Verdict;
  steps: StepResult[];
  ms: number;
  notes?: string[];
  /** Derived expressions as strings that nerdamer, mathjs and SymPy parse, keyed by name. */
  exports?: Record<string, string>;
}

/** A derivation: one lemma or theorem of the paper, re-derived from the model's definition. */
export interface Derivation {
  id: DerivationId;
  title: string;
  claims: string[];
  /** Dimensions run by default. */
  dims: number[];
  /** Dimensions it accepts. */
  maxD: number;
  run(opts: ProveOptions): Promise<DerivationResult>;
}
