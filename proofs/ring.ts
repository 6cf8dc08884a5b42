/**
 * The polynomial ring of the derivations. The derivations memoize their expansions (derived.ts) and compare
 * them exactly with the paper's side (paper.ts), so both are built in one ring; src/symbolic itself keeps
 * no symbol table of its own and takes the ring as an argument.
 */
import { PolyRing } from '../src/symbolic/poly';

/** The ring every derivation in proofs/ builds its polynomials in. */
export const RING = new PolyRing();
