/**
 * The backends present. Plain JavaScript (`js`) implements every kernel and is registered here, first;
 * a new backend is a new file registering its kernels, plus a green conformance suite (test/kernels/).
 */
import { registerBackend, backendNames } from './registry';
import { normalFillJs } from './js/ziggurat';
import { mcDirectFillJs, mcFastFillJs } from './js/montecarlo';
import { arrowAddSolveJs, arrowPrepareJs, arrowSolveJs } from './js/arrow';

if (!backendNames().includes('js'))
  registerBackend({
    name: 'js',
    kernels: {
      normalFill: normalFillJs,
      mcFastFill: mcFastFillJs,
      mcDirectFill: mcDirectFillJs,
      arrowPrepare: arrowPrepareJs,
      arrowSolve: arrowSolveJs,
      arrowAddSolve: arrowAddSolveJs,
    },
  });
