/**
 * Random points in proofs/ are really random: every entry drawn in sequence from one stream, nonzero and
 * pairwise distinct (guarded by assertGenericPoint). And the difference it makes: a planted transpose in
 * the model used by P2 and P3 (W^KQ read as Uᵀ) passes their point steps at the old all-equal points and
 * is caught at the new ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/stream';
import { GenericPointDraw, assertGenericPoint, matrixPoint, randomRational, randomSpdRational } from '../../src/symbolic/points';
import { rat, type Rat } from '../../src/symbolic/rational';
import { covarianceSymbols, generalParams, populationLoss, prediction, reducedParams, type SymbolicParams } from '../../src/symbolic/model';
import { momentsAtPoint, p2Point } from '../../proofs/p2';
import { p3Point, predictionOnPrompts } from '../../proofs/p3';
import { derivedLoss } from '../../proofs/derived';

const PROOFS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../proofs');

describe('GenericPointDraw and assertGenericPoint', () => {
  it('draws nonzero, pairwise distinct entries in sequence, reproducibly', () => {
    const a = new GenericPointDraw(stream(3).child('x'));
    const lam = a.spd(3);
    const m = a.matrix(3, 3);
    const u = a.rational();
    const point = { ...matrixPoint('l', lam), ...matrixPoint('U', m, false), u };
    expect(assertGenericPoint('test point', point)).toBe(point);
    const b = new GenericPointDraw(stream(3).child('x'));
    expect([b.spd(3), b.matrix(3, 3), b.rational()]).toEqual([lam, m, u]);
    // many entries from a small range: still distinct, or a clear error when the range cannot hold them
    const many = new GenericPointDraw(stream(1));
    const xs = Array.from({ length: 63 }, () => many.rational(-1, 1, 32));
    expect(new Set(xs.map((r) => `${r.n}/${r.d}`)).size).toBe(63);
    expect(() => many.rational(-1, 1, 32)).toThrow(/no rational in \[-1, 1\) with denominator 32 distinct from the 63 entries/);
  });

  it('the guard throws on two equal entries or a zero entry, naming them', () => {
    expect(() => assertGenericPoint('P9 point', { U11: rat(1n, 2n), U12: rat(3n), U21: rat(2n, 4n) })).toThrow(/P9 point: entries U11 and U21 are equal \(1\/2\)/);
    expect(() => assertGenericPoint('P9 point', { u: rat(0n), U11: rat(1n) })).toThrow(/P9 point: entry u is 0/);
  });

  it("rejects the points the old code drew (Stream.child is a pure function of its name: every entry equal)", () => {
    const rng = stream(20240125).child('P2-d2');
    const old = Array.from({ length: 2 }, () => Array.from({ length: 2 }, () => randomRational(rng.child('U'), -1, 1, 8)));
    expect(() => assertGenericPoint('old P2-d2 point', matrixPoint('U', old, false))).toThrow(/are equal/);
  });

  it('the points of P2 and P3 are generic for many seeds and d = 1, 2, 3', () => {
    for (let seed = 0; seed < 40; seed++)
      for (const d of [1, 2, 3]) {
        const p2 = p2Point(stream(seed).child(`P2-d${d}`).child('point'), d);
        expect(p2.UQ.flat().length).toBe(d * d);
        const p3 = p3Point(stream(seed).child(`P3-d${d}`).child('point'), d);
        expect(Object.keys(p3.thetaPoint).length).toBe(2 * (d + 1) ** 2);
      }
  });

  it('every derivation draws its random points through GenericPointDraw and guards them (source scan)', () => {
    const files = readdirSync(PROOFS).filter((f) => /^p\d\.ts$/.test(f));
    expect(files.length).toBe(7);
    const childInCallback = /(Array\.from\([^;]*=>|\.map\([^;]*=>)[^;]*\.child\(/;
    // the scan catches the old code
    expect(childInCallback.test("const UQ = Array.from({ length: d }, () => Array.from({ length: d }, () => randomRational(rng.child('U'), -1, 1, 8)));")).toBe(true);
    expect(childInCallback.test("const theta = names.map(() => randomRational(rng.child('theta'), -1, 1, 8));")).toBe(true);
    for (const f of files) {
      const src = readFileSync(join(PROOFS, f), 'utf8');
      expect(src, f).not.toMatch(/\brandom(Spd|Diagonal)?Rational\(/);
      for (const line of src.split('\n')) expect(childInCallback.test(line), `${f}: ${line.trim()}`).toBe(false);
      if (/\brandom|GenericPointDraw/.test(src)) {
        expect(src, f).toMatch(/new GenericPointDraw\(/);
        expect((src.match(/assertGenericPoint\(/g) ?? []).length, f).toBeGreaterThanOrEqual((src.match(/new GenericPointDraw\(/g) ?? []).length);
      }
    }
  });
});

/** W^KQ's top-left block read transposed: the planted error (Uᵀ where the model has U). */
function transposeKQ(p: SymbolicParams, d: number): SymbolicParams {
  const wkq = p.wkq.map((row, i) => row.map((x, j) => (i < d && j < d ? p.wkq[j][i] : x)));
  return { wpv: p.wpv, wkq };
}

/** The old points: every entry of U (P2) or θ (P3) the same draw, as `Stream.child` inside `Array.from` gave. */
function oldP2Point(seed: number, d: number): { lamQ: Rat[][]; uQ: Rat; UQ: Rat[][] } {
  const rng = stream(seed).child(`P2-d${d}`);
  const lamQ = randomSpdRational(rng.child('lambda'), d);
  const uQ = randomRational(rng.child('u'), -1, 1, 8);
  const UQ = Array.from({ length: d }, () => Array.from({ length: d }, () => randomRational(rng.child('U'), -1, 1, 8)));
  return { lamQ, uQ, UQ };
}

describe('a planted transpose in the model used by P2 and P3', () => {
  const d = 2;
  const seed = 20240125; // the proofs' old default seed; at it the old P2 point has u ≠ 0

  it("P2's step at a random point: the transposed model passes at the old all-equal point and is caught at the new one", () => {
    const L = derivedLoss(d, 'uU', 'full').value;
    const LT = populationLoss({ d, promptCov: covarianceSymbols('l', d) }, transposeKQ(reducedParams(d), d));
    expect(LT.sub(L).isZero()).toBe(false); // it is a different model
    const old = oldP2Point(seed, d);
    expect(old.uQ.n).not.toBe(0n);
    expect(new Set(old.UQ.flat().map((r) => `${r.n}/${r.d}`)).size).toBe(1);
    expect(momentsAtPoint(L, old.lamQ, old.uQ, old.UQ, 4).ok).toBe(true);
    expect(momentsAtPoint(LT, old.lamQ, old.uQ, old.UQ, 4).ok).toBe(true); // passes: U = Uᵀ at the old point
    const fresh = p2Point(stream(seed).child(`P2-d${d}`).child('point'), d);
    expect(momentsAtPoint(L, fresh.lamQ, fresh.uQ, fresh.UQ, 4).ok).toBe(true);
    const caught = momentsAtPoint(LT, fresh.lamQ, fresh.uQ, fresh.UQ, 4);
    expect(caught.ok, caught.detail).toBe(false);
  });

  it("P3's step on sampled prompts: the transposed ŷ passes at the old all-equal θ and is caught at the new one", () => {
    const g = generalParams(d);
    const yhat = prediction(d, g);
    const yhatT = prediction(d, transposeKQ(g, d));
    const rng = stream(seed).child(`P3-d${d}`);
    // the old point: Λ from its own child, every entry of θ the same draw
    const oldLam = randomSpdRational(rng.child('lambda'), d);
    const names = Object.keys(matrixPoint('P', g.wpv.map((r) => r.map(() => rat(1n))), false)).concat(Object.keys(matrixPoint('K', g.wkq.map((r) => r.map(() => rat(1n))), false)));
    const oldTheta: Record<string, Rat> = Object.fromEntries(names.map((n) => [n, randomRational(rng.child('theta'), -1, 1, 8)]));
    expect(new Set(Object.values(oldTheta).map((r) => `${r.n}/${r.d}`)).size).toBe(1);
    expect(predictionOnPrompts(yhat, oldTheta, oldLam, d, rng.child('prompt')).ok).toBe(true);
    expect(predictionOnPrompts(yhatT, oldTheta, oldLam, d, rng.child('prompt')).ok).toBe(true); // passes: W^KQ = Wᵀ
    const fresh = p3Point(rng.child('point'), d);
    expect(predictionOnPrompts(yhat, fresh.thetaPoint, fresh.lamQ, d, rng.child('prompt')).ok).toBe(true);
    const caught = predictionOnPrompts(yhatT, fresh.thetaPoint, fresh.lamQ, d, rng.child('prompt'));
    expect(caught.ok, caught.detail).toBe(false);
  });
});
