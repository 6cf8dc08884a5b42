/**
 * The claim registry: every claim icl-audit checks, in spec order. `claimRegistry(formulas)` builds the
 * claims against a set of the paper's formulas, the real ones by default; tests pass deliberately wrong
 * ones to show that the checks can fail.
 */
import { paperFormulas, type PaperFormulas } from '../theory/formulas';
import { c01LemmaD2 } from './c01LemmaD2';
import { c03Lemma51 } from './c03Lemma51';
import { c05Conservation } from './c05Conservation';
import { c06Stationary } from './c06Stationary';
import { c07PlInequality } from './c07PlInequality';
import { c08Convergence } from './c08Convergence';
import { c09Predictor } from './c09Predictor';
import { c10TestError } from './c10TestError';
import { shiftClaims } from './shiftRegistry';
import { symbolicClaims } from '../../proofs/claims';
import { withSymbolicPart } from './symbolicPart';
import type { Claim } from '../contract/types';

/** All claims, checking the formulas `f` (default: the paper's). */
export function claimRegistry(f: PaperFormulas = paperFormulas()): Claim[] {
  const numeric = [c01LemmaD2(f), c03Lemma51(f), c05Conservation(f), c06Stationary(f), c07PlInequality(f), c08Convergence(f), c09Predictor(f), c10TestError(f)];
  const claims = [...numeric.map(withSymbolicPart), ...symbolicClaims(), ...shiftClaims()];
  return claims.sort((a, b) => a.id.localeCompare(b.id));
}

/** Ids of the registered claims. */
export function claimIds(): string[] {
  return claimRegistry().map((c) => c.id);
}
