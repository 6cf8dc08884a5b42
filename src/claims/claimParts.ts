/**
 * Claims checked in several property parts: each part has an id (what `verify --part` takes), a name,
 * its property, and the name its seed is derived from, so adding a part leaves the others' draws alone.
 */
import { runParts } from '../contract/parts';
import { checkProperty, type ClaimProperty } from '../contract/propertyCheck';
import type { CheckContext, CheckResult } from '../contract/types';

/** A named property part. */
export interface PropertyPart {
  id: string;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parts hold properties of different case types
  property: ClaimProperty<any>;
  /** The part's seed is the claim's mixed with this name's hash (none: the claim's own seed). */
  seedName?: string;
}

/** The seed of a part: the claim's seed mixed with the FNV-1a hash of the part's seed name. */
export function partSeed(seed: number, name: string | undefined): number {
  if (!name) return seed;
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (seed ^ h) | 0;
}

/** Check the parts (only `ctx.part` when set) and combine them: falsified if any part is. */
export function checkParts(parts: PropertyPart[], ctx: CheckContext, claimId: string): Promise<CheckResult> {
  return runParts(
    parts.map((p) => ({ id: p.id, name: p.name, run: (c: CheckContext) => checkProperty(p.property, { ...c, seed: partSeed(c.seed, p.seedName) }, { claimId, part: p.id }) })),
    ctx,
  );
}

/** The part ids of a list of parts (a claim's `partIds`). */
export function partIdsOf(parts: ReadonlyArray<{ id: string }>): string[] {
  return parts.map((p) => p.id);
}
