export * from './registry';
export * from './run';
