/**
 * The derivations P1–P7: each re-derives a lemma or theorem of the paper from the model's definition
 * (src/symbolic/), compares it with the paper's statement built symbolically (paper.ts), confirms it with
 * nerdamer and at random points against src/moments and Monte Carlo. See docs/symbolic.md.
 */
import { P1 } from './p1';
import { P2 } from './p2';
import { P3 } from './p3';
import { P4 } from './p4';
import { P5 } from './p5';
import { P6 } from './p6';
import { P7 } from './p7';
import type { Derivation, DerivationResult, ProveOptions } from './types';

export type { Derivation, DerivationId, DerivationResult, ProveOptions, StepResult } from './types';

/** All derivations, in order. */
export const derivations: Derivation[] = [P1, P2, P3, P4, P5, P6, P7];

/** Options of {@link runDerivations}. */
export interface RunDerivationsOptions extends Omit<ProveOptions, 'd'> {
  /** Which derivations (default all). */
  only?: string[];
  /** Run only this dimension (default each derivation's own list; a derivation that does not accept it is skipped). */
  d?: number;
  /** Called after each result. */
  onResult?: (r: DerivationResult, done: number, total: number) => void;
}

/** Run derivations for their dimensions; results in order. */
export async function runDerivations(opts: RunDerivationsOptions = {}): Promise<DerivationResult[]> {
  const chosen = derivations.filter((p) => !opts.only || opts.only.includes(p.id));
  const jobs: Array<{ p: Derivation; d: number }> = [];
  for (const p of chosen) {
    const dims = opts.d !== undefined ? (opts.d <= p.maxD ? [opts.d] : []) : p.dims;
    for (const d of dims) jobs.push({ p, d });
  }
  const out: DerivationResult[] = [];
  for (const { p, d } of jobs) {
    const { only: _o, d: _d, onResult: _r, ...rest } = opts;
    const r = await p.run({ ...rest, d });
    out.push(r);
    opts.onResult?.(r, out.length, jobs.length);
  }
  return out;
}
