/**
 * Named numeric kernels and their backends (see names.ts for the kernels, registry.ts for backends).
 * Importing this folder registers the plain JavaScript backend.
 */
import './backends';

export * from './names';
export type { ArrowSystem, DenseOperator, DirectDraws, DirectPlan, FastDraws, FastPlan, GeneratorState, KernelSignatures } from './types';
export { activeBackend, backendNames, getKernel, hasKernel, registerBackend, setBackend, type KernelBackend } from './registry';
export { applyOperatorBlock } from './js/montecarlo';
