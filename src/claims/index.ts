export * from './registry';
export * from './run';
export * from './shard';
export * from './explore';
