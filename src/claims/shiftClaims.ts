/** Shared helpers of the shift claims (C11–C17): parts with ids (what `verify --part` takes), each with its own seed. */
import { checkProperty, fmt, type ClaimProperty } from '../contract/propertyCheck';
import type { ClaimPart } from '../contract/parts';

/** A property as part `id` of claim `claimId` (its seed derived from the claim's and `id` by `runParts`). */
export function part<T>(claimId: string, id: string, name: string, prop: ClaimProperty<T>): ClaimPart {
  return { id, name, run: (ctx) => checkProperty(prop, ctx, { claimId, part: id }) };
}

export { fmt };
