export * from './distribution';
export * from './prompts';
export * from './entryLaws';
export * from './shifts';
export * from './shiftArbitraries';
