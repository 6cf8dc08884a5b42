export * from './check';
export * from './quantities';
export { FormulaError, type CompiledFormula, compileFormula } from './formula';
export type { Instance, ShiftMode } from './instances';
