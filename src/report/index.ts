export * from './table';
export * from './verifyReport';
