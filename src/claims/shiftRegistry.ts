/** The shift and random-covariance claims C11–C17 (spec §4.2–4.3), against a set of shift formulas (the paper's by default). */
import { shiftFormulas, type ShiftFormulas } from '../theory/shifts';
import type { Claim } from '../contract/types';
import { c11TaskShift } from './c11TaskShift';
import { c12QueryShift } from './c12QueryShift';
import { c13CovariateShift } from './c13CovariateShift';
import { c14OrthogonalQuery } from './c14OrthogonalQuery';
import { c15PromptLength } from './c15PromptLength';
import { c16Theorem45 } from './c16Theorem45';
import { c17RandomCovLimit } from './c17RandomCovLimit';

/** C11–C17 checking the formulas `s`. */
export function shiftClaims(s: ShiftFormulas = shiftFormulas()): Claim[] {
  return [c11TaskShift(s), c12QueryShift(s), c13CovariateShift(s), c14OrthogonalQuery(s), c15PromptLength(s), c16Theorem45(s), c17RandomCovLimit(s)];
}
