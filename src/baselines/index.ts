export * from './solve';
export * from './predictors';
