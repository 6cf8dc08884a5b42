/**
 * The symbolic route: an exact polynomial layer (sparse monomials over BigInt rationals), rational
 * functions with factored denominators, a Gaussian expectation engine (coincidence classes + Isserlis),
 * the model's definition built symbolically, exact inertia, and nerdamer as an independent second engine.
 * Nothing here imports src/theory/.
 */
export * from './rational';
export * from './poly';
export * from './ratfunc';
export * from './matrix';
export * from './gaussian';
export * from './model';
export * from './inertia';
export * from './points';
export * from './nerdamerEngine';
export * from './nerdamerModel';
export * from './montecarlo';
export * from './sampledRoute';
