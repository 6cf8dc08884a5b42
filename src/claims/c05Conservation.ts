/** C05 — the conservation law u² − ‖U‖_F² along gradient flow (spec §3, derived). */
import type { PaperFormulas } from '../theory/formulas';
import { conservationProperty } from '../../properties/section5';
import { checkProperty } from './propertyCheck';
import type { Claim } from './types';

/** The C05 claim. */
export function c05Conservation(f: PaperFormulas): Claim {
  return {
    id: 'C05',
    source: 'spec §3 (derived; Lemma 5.2 proof)',
    statement: 'u² − ‖U‖_F² is conserved along gradient flow, so u² = ‖U‖_F² for all t under Assumption 3.3',
    routes: ['theory', 'dynamics (stiff Rosenbrock flow of the exact loss, unprojected)'],
    tolerance: {
      measure: 'max over segment ends of |q(θ(t)) − q(θ(0))| / ‖V_∞‖_F',
      bound: 'Σ over accepted steps of 2√n·(atol + rtol·s)·s / ‖V_∞‖_F, s = max(|u|, ‖U‖_F)',
      justification: 'an accepted step has scaled RMS local error ≤ 1, so each component moves by at most √n(atol + rtol|y_i|); the invariant, quadratic in the state, moves by at most 2√n(atol + rtol·s)·s per step',
    },
    async check(ctx) {
      return checkProperty(conservationProperty(f), ctx, { claimId: 'C05' });
    },
  };
}
