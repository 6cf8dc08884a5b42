export * from './matrix';
export * from './factor';
