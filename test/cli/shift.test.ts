/** `icl-audit shift` end to end (in process): the c² law and the ⅓ by formula and Monte Carlo, the JSON rows, bad input. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, inverse } from 'ml-matrix';
import { main } from '../../src/cli/main';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icl-shift-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

interface Row {
  kind: string;
  scale: number;
  M: number;
  predictor: string;
  exact: number | null;
  monteCarlo: { estimate: number; ci: [number, number] };
}

/** The LSA's exact error written out here from Γ (independently of src/): covariates with covariance Lp, w ~ N(0, I). */
function lsaError(L: number[][], n: number, m: number, lp: number[][]): number {
  const d = L.length;
  const tr = (a: Matrix) => a.trace();
  const Lm = new Matrix(L);
  const G = Lm.clone().mul(1 + 1 / n).add(Matrix.eye(d).mul(tr(Lm) / n)); // ml-matrix's mul works in place: clone first
  const Gi = inverse(G);
  const P = new Matrix(lp);
  const A = Gi.mmul(P).mmul(Gi);
  return (1 + 1 / m) * tr(P.mmul(A).mmul(P)) + (tr(A.mmul(P)) * tr(P)) / m - 2 * tr(P.mmul(Gi).mmul(P)) + tr(P);
}

describe('icl-audit shift', () => {
  it('--kind covariate: the LSA exact error is the closed form at covariance c²Λ, inside its Monte Carlo interval; slope c² × slope(1)', async () => {
    const cov = join(dir, 'lam.json');
    writeFileSync(cov, '[[1, 0, 0], [0, 2, 0], [0, 0, 3]]');
    const file = join(dir, 's.json');
    expect(await main(['shift', '--kind', 'covariate', '--scales', '1,3', '--d', '3', '--N', '10', '--M', '30', '--cov-file', cov, '--samples', '20000', '--json', file])).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const rows: Row[] = j.rows;
    expect(rows).toHaveLength(2 * 5);
    const L = [[1, 0, 0], [0, 2, 0], [0, 0, 3]];
    for (const c of [1, 3]) {
      const r = rows.find((x) => x.predictor === 'lsa' && x.scale === c)!;
      const want = lsaError(L, 10, 30, L.map((row) => row.map((v) => c * c * v)));
      expect(Math.abs(r.exact! - want) / want).toBeLessThan(1e-12);
      // a 95 % interval: checked at this fixed seed (the draws are reproducible)
      expect(r.exact!).toBeGreaterThan(r.monteCarlo.ci[0]);
      expect(r.exact!).toBeLessThan(r.monteCarlo.ci[1]);
      const ls = rows.find((x) => x.predictor === 'least-squares' && x.scale === c)!;
      expect(ls.exact).toBe(0);
    }
    const s1 = j.slopes.find((s: { scale: number }) => s.scale === 1);
    const s3 = j.slopes.find((s: { scale: number }) => s.scale === 3);
    expect(s3.exact / s1.exact).toBeCloseTo(9, 12);
    expect(s3.paper.value).toBe(9);
    expect(out.join('')).toMatch(/c² law/);
  });

  it('--kind random-cov: the slope with a query independent of Λ_new is 1/(3 + (d+5)/N) exactly, near the paper\'s ⅓, and Monte Carlo agrees', async () => {
    const file = join(dir, 'r.json');
    expect(await main(['shift', '--kind', 'random-cov', '--scales', '1', '--d', '3', '--N', '50', '--M', '20', '--samples', '20000', '--json', file])).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const s = j.slopes.find((x: { query: string }) => x.query.startsWith('x_q ~ N(0, I)'));
    expect(s.exact).toBeCloseTo(1 / (3 + 8 / 50), 12);
    expect(s.paper.value).toBeCloseTo(1 / 3, 12);
    expect(s.exact).toBeGreaterThan(s.monteCarlo.ci[0]);
    expect(s.exact).toBeLessThan(s.monteCarlo.ci[1]);
    expect(out.join('')).toMatch(/⅓/);
  });

  it('every kind runs and writes one row per (scale, M, predictor)', async () => {
    for (const kind of ['task', 'query', 'length', 'noise', 'orthogonal']) {
      const file = join(dir, `${kind}.json`);
      expect(await main(['shift', '--kind', kind, '--scales', '0.5,2', '--d', '4', '--N', '8', '--M', kind === 'orthogonal' ? '1,3' : '5,12', '--samples', '500', '--json', file])).toBe(0);
      const j = JSON.parse(readFileSync(file, 'utf8'));
      expect(j.rows).toHaveLength(2 * 2 * 5);
      for (const r of j.rows) expect(Number.isFinite(r.monteCarlo.estimate)).toBe(true);
    }
  });

  it('bad input: one line naming the argument, exit 2, no file', async () => {
    const file = join(dir, 'bad.json');
    const cases: string[][] = [
      ['shift', '--kind', 'sideways'],
      ['shift', '--kind', 'covariate', '--scales', '1,,2'],
      ['shift', '--kind', 'covariate', '--scales', '-1'],
      ['shift', '--kind', 'orthogonal', '--d', '3', '--M', '3'],
      ['shift', '--kind', 'random-cov', '--law', 'cauchy'],
      ['shift', '--kind', 'task', '--law', 'exp'],
      ['shift', '--kind', 'covariate', '--M', '0'],
    ];
    for (const c of cases) {
      err.length = 0;
      expect(await main([...c, '--json', file])).toBe(2);
      expect(err.join('')).toMatch(/^icl-audit: --(kind|scales|M|law)/);
      expect(err.join('').trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(file)).toBe(false);
  });
});
