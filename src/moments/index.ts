export * from './isserlis';
export * from './quadratic';
export * from './randomDiagonal';
