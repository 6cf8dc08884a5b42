/** Shared helpers of the shift claims (C11–C17): parts with ids (what `verify --part` takes), each with its own seed. */
import { checkProperty, fmt, type ClaimProperty } from '../contract/propertyCheck';
import type { ClaimPart } from '../contract/parts';
import type { PromptDistribution } from '../icl/distribution';
import { diag, identity } from '../linalg/matrix';
import type { ShiftFormulas } from '../theory/shifts';
import { rateSummary, rateTable } from '../../properties/shifts';

/** A property as part `id` of claim `claimId` (its seed derived from the claim's and `id` by `runParts`). */
export function part<T>(claimId: string, id: string, name: string, prop: ClaimProperty<T>): ClaimPart {
  return { id, name, run: (ctx) => checkProperty(prop, ctx, { claimId, part: id }) };
}

/** The notes the rate claims (C11, C12, C15) print for their worked example, Λ = diag(1,2,3): a heading, exact
 * errors against x_qᵀw along N and M, and the fitted rates beside Corollary 4.3's constants. */
export function exampleRateNotes(s: ShiftFormulas, heading: string, shifted: Omit<PromptDistribution, 'd' | 'promptCov'>, ms: number[] = [10, 100, 1000]): string[] {
  const lam = diag([1, 2, 3]);
  const dist: PromptDistribution = { d: 3, promptCov: lam, ...shifted };
  return [`exact errors, Λ = diag(1,2,3)${heading}:`, ...rateTable(lam, () => dist, identity(3), [10, 100, 1000], ms), rateSummary(s, lam, 10, 10, dist, identity(3))];
}

export { fmt };
