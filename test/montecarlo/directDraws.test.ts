/**
 * The direct path's draws, prompt by prompt from the block's stream, in the documented order: ω (task,
 * w = L_w ω), z_q (query, x_q = L_q z_q), the M examples' z_i (x_i = L z_i), then, with label noise only,
 * ε_1…ε_M (y_i = ⟨w, x_i⟩ + σ ε_i). Rebuilt here from a twin ziggurat with plain Cholesky factors and
 * compared with the prompts drawDirect records; this order is what makes (seed, path, samples) replay a run.
 */
import { describe, expect, it } from 'vitest';
import { cholesky, type Mat } from '../../src/linalg/matrix';
import { Stream, stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';
import { drawDirect } from '../../src/montecarlo/lsaError';
import { paramsOfV } from '../../src/montecarlo/lsaSampler';
import { DRAW_BLOCK } from '../../src/montecarlo/blocks';

const d = 2;
const promptCov = [[1.5, 0.4], [0.4, 0.8]];
const queryCov = [[0.7, -0.2], [-0.2, 1.1]];
const taskCov = [[2, 0.5], [0.5, 1]];
const apply = (l: Mat, z: number[]) => l.map((row) => row.reduce((s, v, k) => s + v * z[k], 0));

function rebuild(m: number, sigma: number, count: number, s: Stream) {
  const [L, Lq, Lw] = [cholesky(promptCov), cholesky(queryCov), cholesky(taskCov)];
  const prompts: Array<{ w: number[]; xq: number[]; xs: number[][]; ys: number[] }> = [];
  for (let j = 0; j * DRAW_BLOCK < count; j++) {
    const z = ziggurat(new Stream(s.seed, [...s.path, `block-${j}`]));
    const next = (n: number) => Array.from({ length: n }, () => z.next());
    for (let b = 0; b < Math.min(DRAW_BLOCK, count - j * DRAW_BLOCK); b++) {
      const w = apply(Lw, next(d));
      const xq = apply(Lq, next(d));
      const xs = Array.from({ length: m }, () => apply(L, next(d)));
      const eps = sigma > 0 ? next(m) : new Array<number>(m).fill(0);
      const ys = xs.map((x, i) => x.reduce((acc, v, k) => acc + v * w[k], 0) + sigma * eps[i]);
      prompts.push({ w, xq, xs, ys });
    }
  }
  return prompts;
}

describe('direct path draw order', () => {
  for (const sigma of [0, 0.3])
    it(`σ = ${sigma}: every recorded prompt is rebuilt from the block stream's normals`, () => {
      const m = 3;
      const count = 40;
      const s = stream(12).child('order');
      const { batch } = drawDirect({ d, promptCov, queryCov, taskCov, noiseStd: sigma }, m, paramsOfV([[1, 0], [0, 1]]), count, s);
      const want = rebuild(m, sigma, count, s);
      const close = (a: number, b: number, what: string) => expect(Math.abs(a - b), what).toBeLessThan(1e-13 * Math.max(1, Math.abs(b)));
      for (let b = 0; b < count; b++) {
        const p = want[b];
        for (let k = 0; k < d; k++) {
          close(batch.w[b * d + k], p.w[k], `prompt ${b} w[${k}]`);
          close(batch.xq[b * d + k], p.xq[k], `prompt ${b} xq[${k}]`);
        }
        for (let i = 0; i < m; i++) {
          for (let k = 0; k < d; k++) close(batch.xs[(b * m + i) * d + k], p.xs[i][k], `prompt ${b} x_${i}[${k}]`);
          close(batch.ys[b * m + i], p.ys[i], `prompt ${b} y_${i}`);
        }
        close(batch.yq[b], p.w.reduce((acc, v, k) => acc + v * p.xq[k], 0), `prompt ${b} yq`);
      }
    });
});
