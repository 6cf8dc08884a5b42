/**
 * The checks can fail: deliberately wrong formulas go through the same claim machinery and must come
 * out falsified, with a shrunk counterexample that replays from its seed and path.
 */
import { describe, expect, it } from 'vitest';
import { add, identity, inverse, matmul, scale, trace, type Mat } from '../../src/linalg/matrix';
import { paperFormulas, type PaperFormulas } from '../../src/theory/formulas';
import { claimRegistry } from '../../src/claims/registry';
import { runClaims } from '../../src/claims/run';

/** Γ without the (1 + 1/N) factor on Λ. */
const gammaWithoutFactor = (lambda: Mat, n: number): Mat => add(lambda, scale(identity(lambda.length), trace(lambda) / n));

/** The error expression with 1/M replaced by 1/N. */
function errorWithNforM(f: PaperFormulas) {
  return (lambda: Mat, n: number, _m: number): number => {
    const gi = inverse(f.gamma(lambda, n));
    const gi2 = matmul(gi, gi);
    const l2 = matmul(lambda, lambda);
    const l3 = matmul(l2, lambda);
    const tl = trace(lambda);
    return (1 + 1 / n) * trace(matmul(gi2, l3)) + (tl / n) * trace(matmul(gi2, l2)) - 2 * trace(matmul(gi, l2)) + tl;
  };
}

async function run(f: PaperFormulas, ids: string[], seed = 7) {
  const claims = claimRegistry(f).filter((c) => ids.includes(c.id));
  expect(claims.map((c) => c.id).sort()).toEqual([...ids].sort());
  return runClaims(claims, { seed, runs: 40 });
}

describe('wrong formulas are reported falsified', () => {
  it('Γ without the (1 + 1/N) factor falsifies the claims built on Γ', async () => {
    const results = await run(paperFormulas({ gamma: gammaWithoutFactor }), ['C06', 'C08', 'C09', 'C10']);
    for (const r of results) {
      expect(r.verdict, r.id).toBe('falsified');
      const ce = r.counterexample!;
      expect(ce.error).toBeGreaterThan(ce.tolerance);
      expect(ce.shrunk).toBe(true);
      expect(ce.replay).toContain(`--claims ${r.id}`);
      expect(typeof ce.path).toBe('string');
    }
  });

  it('the error expression with 1/M replaced by 1/N falsifies C10, shrunk to a small case', async () => {
    const f = paperFormulas();
    const [r] = await run(paperFormulas({ theorem42Error: errorWithNforM(f) }), ['C10']);
    expect(r.verdict).toBe('falsified');
    const inputs = r.counterexample!.inputs as { d: number; N: number; M: number };
    expect(inputs.N).not.toBe(inputs.M); // the mutation only shows where N ≠ M
    expect(inputs.d).toBe(1); // shrinking reaches the smallest dimension
  });

  it('a wrong conservation law (u² − 2‖U‖_F²) falsifies C05', async () => {
    const [r] = await run(paperFormulas({ conservedQuantity: (u, U) => u * u - 2 * U.flat().reduce((a, x) => a + x * x, 0) }), ['C05']);
    expect(r.verdict).toBe('falsified');
    expect(r.counterexample!.error).toBeGreaterThan(r.counterexample!.tolerance);
  });

  it('a counterexample replays from its root seed, part and path alone', async () => {
    const wrong = paperFormulas({ gamma: gammaWithoutFactor });
    const [r] = await run(wrong, ['C06'], 11);
    const ce = r.counterexample!;
    expect(ce.seed).toBe(11);
    expect(ce.part).toBe('minimizer');
    expect(ce.replay).toBe(`icl-audit verify --claims C06 --part minimizer --seed 11 --replay '${ce.path}'`);
    const claims = claimRegistry(wrong).filter((c) => c.id === 'C06');
    const [again] = await runClaims(claims, { seed: ce.seed, runs: 100, path: ce.path, part: ce.part });
    expect(again.verdict).toBe('falsified');
    expect(again.cases).toBe(1);
    expect(again.parts?.map((p) => p.id)).toEqual(['minimizer']); // neither the minimum nor the symbolic part ran
    expect(again.counterexample!.inputs).toEqual(ce.inputs);
  });

  it("C10's counterexample names its part, and the replay runs that part alone", async () => {
    const f = paperFormulas();
    const wrong = paperFormulas({ theorem42Error: errorWithNforM(f) });
    const [r] = await run(wrong, ['C10'], 5);
    expect(r.verdict).toBe('falsified');
    if (r.verdict !== 'falsified') return;
    const ce = r.counterexample;
    expect(r.parts?.map((p) => p.id)).toEqual(['derived', 'general', 'laws', 'fixed-bound', 'rate', 'eta', 'sampled', 'laws-sampled', 'symbolic']);
    expect(r.parts?.find((p) => p.id === ce.part)?.verdict).toBe('falsified');
    expect(ce.replay).toBe(`icl-audit verify --claims C10 --part ${ce.part} --seed 5 --replay '${ce.path}'`);
    const claims = claimRegistry(wrong).filter((c) => c.id === 'C10');
    const [again] = await runClaims(claims, { seed: 5, runs: 40, path: ce.path, part: ce.part });
    expect(again.verdict).toBe('falsified');
    expect(again.parts?.map((p) => p.id)).toEqual([ce.part]);
    expect(again.cases).toBe(1);
    expect(again.counterexample!.inputs).toEqual(ce.inputs);
    expect(again.counterexample!.part).toBe(ce.part);
  });

  const seed = Number(process.env.ICL_AUDIT_SEED ?? 7);
  it(`the real formulas are verified (seed ${seed}, from ICL_AUDIT_SEED)`, async () => {
    const results = await run(paperFormulas(), ['C01', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10'], seed);
    for (const r of results) expect(r.verdict, r.id).toBe('verified');
  });
});

describe('the paper-anchored claims can fail (issue 12)', () => {
  it('a PL constant 100× the paper\'s μ falsifies C07', async () => {
    const f = paperFormulas();
    const [r] = await run(paperFormulas({ lemma54Mu: (l, n, s, t) => 100 * f.lemma54Mu(l, n, s, t) }), ['C07']);
    expect(r.verdict).toBe('falsified');
  }, 120_000);

  it('the remark\'s count "at least d + 1" is falsified at d = 2, N = 1, and the case replays alone from its part and path', async () => {
    const [asStated] = await run(paperFormulas(), ['C03']);
    expect(asStated.verdict).toBe('falsified');
    const inputs = asStated.counterexample!.inputs as { d: number; N: number };
    expect([inputs.d, inputs.N]).toEqual([2, 1]);
    const claims = claimRegistry().filter((c) => c.id === 'C03');
    expect(asStated.counterexample!.part).toBe('count');
    const [again] = await runClaims(claims, { seed: asStated.counterexample!.seed, runs: 100, path: asStated.counterexample!.path, part: 'count' });
    expect(again.verdict).toBe('falsified');
    expect(again.cases).toBe(1);
  }, 120_000);

  it('(4.6) with Σ weighted by Γ⁻¹Λ instead of Γ⁻²Λ, or η a quarter of the paper\'s, falsifies C10', async () => {
    const f = paperFormulas();
    const wrongSigma = paperFormulas({
      theorem42General: (lambda, n, m, a, sigmaXY, minError) => {
        const gi = inverse(f.gamma(lambda, n));
        const exact = f.theorem42General(lambda, n, m, a, sigmaXY, minError);
        return exact - trace(matmul(matmul(sigmaXY, matmul(gi, gi)), lambda)) / m + trace(matmul(matmul(sigmaXY, gi), lambda)) / m;
      },
    });
    expect((await run(wrongSigma, ['C10']))[0].verdict).toBe('falsified');
    const halfEta = paperFormulas({ corollary43Eta: (l, n) => f.corollary43Eta(l, n) / 4 });
    expect((await run(halfEta, ['C10']))[0].verdict).toBe('falsified');
  }, 120_000);

  it('a wrong minimum value (−tr(Λ²Γ⁻¹), without the ½) falsifies C06', async () => {
    const f = paperFormulas();
    const [r] = await run(paperFormulas({ corollaryA2MinLoss: (l, n) => 2 * f.corollaryA2MinLoss(l, n) }), ['C06']);
    expect(r.verdict).toBe('falsified');
  }, 120_000);
});
