export * from './distribution';
export * from './prompts';
