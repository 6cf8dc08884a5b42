/**
 * Malformed inputs for the validator suites: every way a covariance, a number flag or a file can be wrong,
 * each tagged with the rule it breaks. Valid covariances are built SPD by construction (QDQᵀ).
 */
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';

/** A random orthogonal d×d matrix from the QR of a Gaussian-like matrix. */
function orthogonal(d: number, entries: number[]): number[][] {
  const a = Matrix.from1DArray(d, d, entries);
  return new QrDecomposition(a).orthogonalMatrix.to2DArray();
}

/** QDQᵀ for eigenvalues `eig` (rotation from `entries`), symmetrized exactly. */
export function spdFrom(eig: number[], entries: number[]): number[][] {
  const d = eig.length;
  const q = orthogonal(d, entries);
  const m = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => eig.reduce((s, l, k) => s + q[i][k] * l * q[j][k], 0)));
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) m[i][j] = m[j][i];
  return m;
}

/** A valid covariance: d ∈ [1, 8], eigenvalues log-uniform with condition number ≤ 1e6, scale in [1e-3, 1e3]. */
export const validCovariance = fc.integer({ min: 1, max: 8 }).chain((d) =>
  fc
    .tuple(
      fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: d, maxLength: d }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d * d, maxLength: d * d }),
      fc.double({ min: -3, max: 3, noNaN: true }),
    )
    .map(([logs, entries, s]) => spdFrom(logs.map((l) => 10 ** (s - l)), entries.map((e, i) => e + (i % (d + 1) === 0 ? 3 : 0)))),
);

/** A malformed covariance and the rule it breaks. */
export interface Malformed {
  rule: string;
  value: unknown;
}

const special = fc.constantFrom(NaN, Infinity, -Infinity);

/** Every way a covariance can be wrong. */
export const malformedCovariance: fc.Arbitrary<Malformed> = fc.oneof(
  validCovariance.chain((m) =>
    fc.tuple(fc.nat(m.length * m.length - 1), special).map(([k, v]) => {
      const c = m.map((r) => r.slice());
      c[Math.floor(k / m.length)][k % m.length] = v;
      return { rule: 'finite', value: c };
    }),
  ),
  validCovariance.filter((m) => m.length >= 2).chain((m) =>
    fc.nat(m.length - 1).map((k) => {
      const c = m.map((r) => r.slice());
      c[k] = c[k].slice(0, -1);
      return { rule: 'square', value: c };
    }),
  ),
  validCovariance.filter((m) => m.length >= 2).map((m) => {
    const c = m.map((r) => r.slice());
    const s = Math.max(...m.flat().map(Math.abs));
    c[0][1] += 1e-3 * s;
    return { rule: 'symmetric', value: c };
  }),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 36, maxLength: 36 }))
    .map(([d, neg, e]) => ({ rule: 'positive definite', value: spdFrom(Array.from({ length: d }, (_, i) => (i === 0 ? -neg : 1)), e.slice(0, d * d).map((x, i) => x + (i % (d + 1) === 0 ? 3 : 0))) })),
  fc.tuple(fc.integer({ min: 61, max: 308 }), fc.integer({ min: 1, max: 4 })).map(([e, d]) => ({ rule: 'magnitude', value: Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? (i === 0 ? 10 ** e : 10 ** -e) : 0))) })),
  fc.integer({ min: 15, max: 59 }).map((e) => ({ rule: 'condition number', value: [[1, 0], [0, 10 ** -e]] })),
  fc.constantFrom<unknown>(null, undefined, 3, 'x', {}, [], [[]], [1, 2], [[1], 2], [['1']], [[true]], [[null]], { lambda: 1 }).map((value) => ({ rule: 'shape', value })),
  fc.anything().filter((v) => !Array.isArray(v)).map((value) => ({ rule: 'shape', value })),
);

/** Strings a number flag should refuse (bounds are checked by the caller's rule). */
export const junkNumberText = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', 'inf', '1e400', '0x10', '1,5', '--1', 'one', '½', '1 2', '\u0000', '٣'),
  fc.string({ maxLength: 12 }).filter((s) => !Number.isFinite(Number(s)) || s.trim() === ''),
);
