/** Shared helpers of the shift claims (C11–C17): parts with ids (what `verify --part` takes), each with its own seed. */
import { checkProperty, fmt, type ClaimProperty } from '../contract/propertyCheck';
import type { ClaimPart } from '../contract/parts';
import type { CheckContext } from '../contract/types';

/** A part's context: the claim's seed mixed with the part's id (parts draw independently). */
export function partContext(ctx: CheckContext, id: string): CheckContext {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return { ...ctx, seed: (ctx.seed ^ h) | 0 };
}

/** A property as part `id` of claim `claimId`. */
export function part<T>(claimId: string, id: string, name: string, prop: ClaimProperty<T>): ClaimPart {
  return { id, name, run: (ctx) => checkProperty(prop, partContext(ctx, id), { claimId, part: id }) };
}

export { fmt };
