/** `icl-audit flow` end to end (in process, through main): the done-when numbers, replay, bad input. */
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
  dir = mkdtempSync(join(tmpdir(), 'icl-flow-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const fro = (m: number[][]): number => Math.hypot(...m.flat());

/** Drop keys that name times, as the replay check does. */
function stripTimes(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(stripTimes);
  if (o && typeof o === 'object')
    return Object.fromEntries(Object.entries(o).filter(([k]) => !/(time|ms$|seconds|duration|elapsed)/i.test(k)).map(([k, v]) => [k, stripTimes(v)]));
  return o;
}

describe('icl-audit flow', () => {
  it('--d 8 --N 20 --cov rotated --seed 1 ends at Γ⁻¹, balanced, with V = uU; same seed ⇒ same JSON', async () => {
    const file = join(dir, 'out.json');
    expect(await main(['flow', '--d', '8', '--N', '20', '--cov', 'rotated', '--seed', '1', '--json', file])).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    // Γ⁻¹ recomputed here from the reported Λ (ml-matrix inverse), not read from the report
    const L: number[][] = j.lambda;
    const d = L.length;
    const N = 20;
    const tr = L.reduce((s, r, i) => s + r[i], 0);
    const G = L.map((r, i) => r.map((v, k) => (1 + 1 / N) * v + (i === k ? tr / N : 0)));
    const Gi = inverse(new Matrix(G)).to2DArray();
    const { u, U, V } = j.final;
    expect(d).toBe(8);
    expect(fro(V.map((r: number[], i: number) => r.map((v, k) => v - Gi[i][k]))) / fro(Gi)).toBeLessThan(1e-8);
    expect(Math.abs(u * u - fro(U) ** 2)).toBeLessThan(1e-10);
    expect(fro(V.map((r: number[], i: number) => r.map((v, k) => v - u * U[i][k]))) / fro(V)).toBeLessThan(1e-12);
    for (const k of ['d', 'N', 'cov', 'kappa', 'sigma', 'seed', 'theta', 'rtol', 'method']) expect(j.inputs).toHaveProperty(k);
    expect(j.gammaInverse).toHaveLength(8);
    expect(typeof j.final.t).toBe('number');
    expect(typeof j.final.loss).toBe('number');
    expect(j.trajectory.t.length).toBeLessThanOrEqual(200);
    expect(j.trajectory.t.length).toBeGreaterThan(10);
    expect(j.solver.rhsEvaluations).toBeGreaterThan(0);
    const text = out.join('');
    for (const word of ['steps', 'RHS evaluations', 'final t', 'loss', 'minimum', 'Γ⁻¹', 'balance', 'time']) expect(text).toContain(word);
    const file2 = join(dir, 'out2.json');
    expect(await main(['flow', '--d', '8', '--N', '20', '--cov', 'rotated', '--seed', '1', '--json', file2])).toBe(0);
    expect(stripTimes(JSON.parse(readFileSync(file2, 'utf8')))).toEqual(stripTimes(j));
  });

  it('--integrator rodas5p and bdf end at the same Γ⁻¹ as the default; refused outside --method stiff', async () => {
    const V: Record<string, number[][]> = {};
    for (const integrator of ['rodas5', 'rodas5p', 'bdf']) {
      const file = join(dir, `${integrator}.json`);
      expect(await main(['flow', '--d', '3', '--N', '10', '--seed', '2', '--rtol', '1e-10', '--integrator', integrator, '--json', file])).toBe(0);
      const j = JSON.parse(readFileSync(file, 'utf8'));
      expect(j.inputs.integrator).toBe(integrator);
      expect(j.solver.scheme).toMatch({ rodas5: /^Rodas5 /, rodas5p: /^Rodas5P /, bdf: /^BDF / }[integrator] as RegExp);
      V[integrator] = j.final.V;
    }
    // each run stops within 1e-12 (relative) of the same minimizer, so the three agree to a few 1e-12
    for (const k of ['rodas5p', 'bdf']) expect(fro(V[k].map((r, i) => r.map((v, c) => v - V.rodas5[i][c]))) / fro(V.rodas5)).toBeLessThan(1e-11);
    err.length = 0;
    expect(await main(['flow', '--d', '3', '--N', '10', '--method', 'rk45', '--integrator', 'bdf'])).toBe(2);
    expect(err.join('')).toMatch(/--integrator applies only to --method stiff/);
  });

  it('takes Λ from a file and warns (one line) for σ outside Assumption 3.3', async () => {
    const cov = join(dir, 'cov.json');
    writeFileSync(cov, JSON.stringify({ lambda: [[2, 0.5], [0.5, 1]] }));
    const file = join(dir, 'o.json');
    expect(await main(['flow', '--d', '2', '--N', '5', '--cov-file', cov, '--sigma', '5', '--json', file])).toBe(0);
    const lines = err.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/warning: --sigma 5 is outside Assumption 3\.3/);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    expect(j.lambda).toEqual([[2, 0.5], [0.5, 1]]);
    expect(j.inputs.covFile).toBe(cov);
    expect(j.final.status).toBe('converged');
  });

  it('gradient descent: exit 1 and status diverged for a huge step, converged for the default step', async () => {
    const file = join(dir, 'gd.json');
    expect(await main(['flow', '--d', '3', '--N', '10', '--method', 'gd', '--step', '50', '--json', file])).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).final.status).toBe('diverged');
    expect(await main(['flow', '--d', '3', '--N', '10', '--method', 'gd', '--json', file])).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).final.status).toBe('converged');
  });

  const badCovs: Record<string, string> = {
    malformed: '[[1, 0',
    notMatrix: '{"a": 1}',
    notSquare: '[[1, 0], [0]]',
    wrongSize: '[[1, 0, 0], [0, 1, 0], [0, 0, 1]]',
    asymmetric: '[[1, 0.5], [0.4, 1]]',
    indefinite: '[[1, 0], [0, -1]]',
  };
  for (const [name, text] of Object.entries(badCovs)) {
    it(`bad covariance file (${name}): exit 2, one line naming --cov-file, no output`, async () => {
      const cov = join(dir, `${name}.json`);
      writeFileSync(cov, text);
      const file = join(dir, 'o.json');
      expect(await main(['flow', '--d', '2', '--N', '5', '--cov-file', cov, '--json', file])).toBe(2);
      expect(existsSync(file)).toBe(false);
      const lines = err.join('').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('--cov-file');
    });
  }

  const badArgs: Array<[string[], string]> = [
    [['--d', '0', '--N', '5'], '--d'],
    [['--d', '-3', '--N', '5'], '--d'],
    [['--d', '2.5', '--N', '5'], '--d'],
    [['--d', 'NaN', '--N', '5'], '--d'],
    [['--N', '5'], '--d'],
    [['--d', '2', '--N', '0'], '--N'],
    [['--d', '2', '--N', 'NaN'], '--N'],
    [['--d', '2', '--N', '1e3'], '--N'],
    [['--d', '2', '--N', '5', '--cov', 'nosuchfamily'], '--cov'],
    [['--d', '2', '--N', '5', '--kappa', '0.5'], '--kappa'],
    [['--d', '2', '--N', '5', '--sigma', '0'], '--sigma'],
    [['--d', '2', '--N', '5', '--sigma', 'NaN'], '--sigma'],
    [['--d', '2', '--N', '5', '--seed', '1.5'], '--seed'],
    [['--d', '2', '--N', '5', '--rtol', '0'], '--rtol'],
    [['--d', '2', '--N', '5', '--method', 'euler'], '--method'],
    [['--d', '2', '--N', '5', '--step', '0.1'], '--step'],
    [['--d', '2', '--N', '5', '--cov', 'rotated', '--cov-file', 'x.json'], '--cov-file'],
    [['--d', '2', '--N', '5', '--cov-file', '/no/such/file.json'], '--cov-file'],
    [['--d', '2', '--N', '5', '--cov-file', 'x.json', '--kappa', '5'], '--kappa'],
  ];
  for (const [args, name] of badArgs) {
    it(`bad input ${args.join(' ')}: exit 2, names ${name}, no output`, async () => {
      const file = join(dir, 'o.json');
      expect(await main(['flow', ...args, '--json', file])).toBe(2);
      expect(existsSync(file)).toBe(false);
      const msg = err.join('').trim();
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toContain(name);
    });
  }
});
