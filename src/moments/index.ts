export * from './isserlis';
export * from './quadratic';
