/**
 * The one place that loads TensorFlow.js. tfjs-core's Node build carries no gradients, so the union
 * package registers them (it shares tfjs's global kernel and gradient registries); the cpu and wasm
 * backends register themselves on import. Warnings are silenced (PROD) so the Node banner does not
 * reach logs. The matrix-product gradient is replaced by one that transposes explicitly and then
 * multiplies plainly: the default uses transposed products, which the wasm backend runs ~10× slower
 * (shared/notes/stack.md; measured again in test/bench/baselines.bench.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs';

tf.env().set('PROD', true);

const defaultMatMulGrad = tf.getGradient('BatchMatMul');

/** Swap the last two axes (materialized). */
function swapLast(t: tf.Tensor): tf.Tensor {
  const r = t.rank;
  const perm = [...Array(r).keys()];
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return tf.transpose(t, perm);
}

let installed: 'explicit' | 'default' | null = null;

/**
 * Which matrix-product gradient is in use: 'explicit' (transpose, then multiply; the default here) or
 * 'default' (tfjs's own). Exposed for the benchmark that compares them.
 */
export function useMatMulGradient(kind: 'explicit' | 'default'): void {
  if (installed === kind) return;
  if (!defaultMatMulGrad) throw new Error('tfjs registered no BatchMatMul gradient');
  if (kind === 'default') {
    tf.registerGradient(defaultMatMulGrad);
  } else {
    tf.registerGradient({
      kernelName: 'BatchMatMul',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved, attrs) => {
        const [a, b] = saved;
        const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
        const g = dy as tf.Tensor;
        // Same batch shape on both sides only (what the models here use); otherwise tfjs's own rule.
        if (transposeA || transposeB || a.rank !== b.rank || a.shape.slice(0, -2).join() !== b.shape.slice(0, -2).join())
          return defaultMatMulGrad.gradFunc(dy, saved, attrs);
        return { a: () => tf.matMul(g, swapLast(b)), b: () => tf.matMul(swapLast(a), g) };
      },
    });
  }
  installed = kind;
}

useMatMulGradient('explicit');

export { tf };
