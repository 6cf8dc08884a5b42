export * from './isserlis';
export * from './quadratic';
export * from './labelLaws';
export * from './randomDiagonal';
export * from './limits';
export * from './posteriorEntry';
