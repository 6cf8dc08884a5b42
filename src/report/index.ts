export * from './table';
export * from './verifyReport';
export * from './merge';
