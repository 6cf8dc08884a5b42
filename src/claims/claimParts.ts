/**
 * Claims checked in several property parts: each part has an id (what `verify --part` takes), a name,
 * and its property. Each part's seed is derived from the claim's and the part id (`runParts`), so adding a
 * part leaves the others' draws alone.
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
}

/** Check the parts (only `ctx.part` when set), each under `deriveSeed(claim seed, part id)`, and combine them: falsified if any part is. */
export function checkParts(parts: PropertyPart[], ctx: CheckContext, claimId: string): Promise<CheckResult> {
  return runParts(
    parts.map((p) => ({ id: p.id, name: p.name, run: (c: CheckContext) => checkProperty(p.property, c, { claimId, part: p.id }) })),
    ctx,
  );
}

/** The part ids of a list of parts (a claim's `partIds`). */
export function partIdsOf(parts: ReadonlyArray<{ id: string }>): string[] {
  return parts.map((p) => p.id);
}
