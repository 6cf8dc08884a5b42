/** Haar-distributed random orthogonal matrices (QR of a Gaussian matrix with the sign fix). */
import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Mat } from '../linalg/matrix';
import type { Stream } from './stream';

/** A d×d orthogonal matrix drawn from the Haar measure. */
export function randomRotation(d: number, rng: Stream): Mat {
  const g = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) g.set(i, j, rng.normal());
  const qr = new QrDecomposition(g);
  const q = qr.orthogonalMatrix;
  const r = qr.upperTriangularMatrix;
  // Multiply column j by sign(r_jj) so the distribution is exactly Haar.
  for (let j = 0; j < d; j++) {
    const s = r.get(j, j) < 0 ? -1 : 1;
    if (s < 0) for (let i = 0; i < d; i++) q.set(i, j, -q.get(i, j));
  }
  return q.to2DArray();
}
