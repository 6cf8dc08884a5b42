/**
 * The backends present. Plain JavaScript (`js`) implements every kernel and is registered here, first;
 * a new backend is a new file registering its kernels, plus a green conformance suite (test/kernels/).
 * `wasm` (WebAssembly, where the runtime has it) implements `normalFill` and is made the default: it
 * gives the `js` backend's draws bit for bit, 1.6× faster (docs/kernels.md).
 */
import { registerBackend, backendNames, setBackend } from './registry';
import { normalFillJs } from './js/ziggurat';
import { mcDirectFillJs, mcFastFillJs } from './js/montecarlo';
import { arrowAddSolveJs, arrowPrepareJs, arrowSolveJs } from './js/arrow';
import { normalFillWasm, wasmAvailable } from './wasm/ziggurat';

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
if (wasmAvailable && !backendNames().includes('wasm')) {
  registerBackend({ name: 'wasm', kernels: { normalFill: normalFillWasm } });
  setBackend('wasm');
}
