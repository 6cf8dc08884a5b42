export * from './seed';
export * from './stream';
export * from './rotation';
export * from './covariance';
export * from './ziggurat';
