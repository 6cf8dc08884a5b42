/**
 * The claim contract: what a claim is and what a check returns (verdicts, results, counterexamples),
 * the property runner that turns a fast-check property into a result, how part results combine, and
 * the floating-point tolerances. It sits below `properties/` and `proofs/`, which implement it, and below
 * `src/claims/`, the registry that wires claims to them: data flows one way.
 */
export * from './types';
export * from './propertyCheck';
export * from './parts';
export * from './tolerance';
