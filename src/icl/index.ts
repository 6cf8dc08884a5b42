export * from './distribution';
export * from './prompts';
export * from './entryLaws';
