export * from './isserlis';
export * from './quadratic';
export * from './randomDiagonal';
export * from './limits';
export * from './posteriorEntry';
