/** Shared helpers of the shift claims (C11–C17): per-part seeds and the notes that carry measured rates. */
import { checkProperty, fmt, type ClaimProperty } from '../contract/propertyCheck';
import type { CheckContext, CheckResult } from '../contract/types';

/** A part's context: the claim's seed mixed with the part's name (parts draw independently). */
export function partContext(ctx: CheckContext, name: string): CheckContext {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return { ...ctx, seed: (ctx.seed ^ h) | 0 };
}

/** Run a property as a named part of claim `id`. */
export function part<T>(id: string, ctx: CheckContext, name: string, prop: ClaimProperty<T>): { name: string; result: CheckResult } {
  return { name, result: checkProperty(prop, partContext(ctx, name), { claimId: id }) };
}

export { fmt };
