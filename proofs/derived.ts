/**
 * Shared derivations, memoized per run: the population loss from the definition for the reduced and the
 * full parameters, in the symbols of spec §3 (`u`, `U11`…, `l11`, `l12`…, `N`) or of V (`V11`…).
 */
import { constant } from '../src/symbolic/poly';
import { RING } from './ring';
import type { RatFunc } from '../src/symbolic/ratfunc';
import { fromPolys, type SMat } from '../src/symbolic/matrix';
import {
  PAPER_MODEL,
  covarianceSymbols,
  generalParams,
  populationLoss,
  reducedParams,
  type ModelDefinition,
  type SymbolicParams,
} from '../src/symbolic/model';

const memo = new Map<string, { value: RatFunc; stats: { classes: number; monomials: number }; ms: number }>();

/** Λ's symbol matrix (`l11`, `l12`, …) as a symbolic matrix. */
export function lambdaSymbols(d: number, shape: 'full' | 'diagonal' = 'full', prefix = 'l'): SMat {
  return fromPolys(covarianceSymbols(RING, prefix, d, shape));
}

function cached(key: string, f: (stats: { classes: number; monomials: number }) => RatFunc): { value: RatFunc; stats: { classes: number; monomials: number }; ms: number } {
  let hit = memo.get(key);
  if (!hit) {
    const stats = { classes: 0, monomials: 0 };
    const t = performance.now();
    const value = f(stats);
    hit = { value, stats, ms: performance.now() - t };
    memo.set(key, hit);
  }
  return hit;
}

/** Which parameters the loss is written in. */
export type ParamForm = 'uU' | 'V' | 'full';

function paramsOf(form: ParamForm, d: number): SymbolicParams {
  if (form === 'uU') return reducedParams(RING, d);
  if (form === 'V') return reducedParams(RING, d, constant(1), 'V');
  // the entries that reach ŷ (C02): last row of W^PV, first d columns of W^KQ; the rest 0
  const g = generalParams(RING, d);
  for (let i = 0; i <= d; i++)
    for (let j = 0; j <= d; j++) {
      if (i !== d) g.wpv[i][j] = constant(0);
      if (j === d) g.wkq[i][j] = constant(0);
    }
  return g;
}

/** ½ E(ŷ − y_q)² from the definition (own polynomial layer), memoized. */
export function derivedLoss(d: number, form: ParamForm, shape: 'full' | 'diagonal' = 'full', model: ModelDefinition = PAPER_MODEL) {
  return cached(`loss|${d}|${form}|${shape}|${model.name}`, (stats) =>
    populationLoss(RING, { d, promptCov: covarianceSymbols(RING, 'l', d, shape) }, paramsOf(form, d), { model, stats }),
  );
}

/** E(ŷ − y_q)² on test prompts of length M (symbol `M`) for ŷ = sᵀ V x_q, covariance symbols `prefix`. */
export function derivedTestError(d: number, prefix: string, shape: 'full' | 'diagonal' = 'full', model: ModelDefinition = PAPER_MODEL) {
  return cached(`test|${d}|${prefix}|${shape}|${model.name}`, (stats) =>
    populationLoss(RING, { d, promptCov: covarianceSymbols(RING, prefix, d, shape) }, paramsOf('V', d), { model, stats, length: RING.sym('M'), half: false }),
  );
}
