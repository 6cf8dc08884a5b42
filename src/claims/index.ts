export * from './types';
export * from './registry';
export * from './run';
export * from './propertyCheck';
export * from './parts';
export * from './tolerance';
