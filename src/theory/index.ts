export * from './gamma';
export * from './lemmaD2';
export * from './reducedLoss';
export * from './theorem41';
export * from './corollary43';
export * from './theorem42';
export * from './formulas';
export * from './shifts';
