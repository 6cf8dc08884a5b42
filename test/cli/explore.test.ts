/** `icl-audit explore` end to end (in process, through main): the done-when output, JSON, bad input. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icl-explore-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('icl-audit explore', () => {
  it('--claim C08 --vary sigma prints the largest σ reached beside the bound, and every point in JSON', async () => {
    const file = join(dir, 'e.json');
    expect(await main(['explore', '--claim', 'C08', '--vary', 'sigma', '--seed', '1', '--json', file])).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/largest σ found where gradient flow still reaches the global minimum/);
    expect(text).toMatch(/vs the bound/);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    expect(j.claim).toBe('C08');
    for (const s of j.series) {
      expect(s.assumptionBound).toBeGreaterThan(0);
      expect(s.largestHolding).toBeGreaterThan(s.assumptionBound); // found beyond the assumption
      const reached = s.rows.filter((r: { holds: boolean }) => r.holds);
      for (const r of reached) expect(r.measured.distanceToMinimizer).toBeLessThanOrEqual(1e-8);
    }
  }, 60_000);

  it('--claim C03 --vary N finds the smallest (d, N) where "at least d + 1 negative eigenvalues" fails: d = 2, N = 1', async () => {
    expect(await main(['explore', '--claim', 'C03', '--vary', 'N', '--seed', '3'])).toBe(0);
    expect(out.join('')).toMatch(/smallest failing case: \{"d":2,"N":1\}/);
  });

  it('--claim C08 --vary theta finds that a start on the stationary set u = 0, ⟨Λ², U⟩ = 0 stays there', async () => {
    const file = join(dir, 't.json');
    expect(await main(['explore', '--claim', 'C08', '--vary', 'theta', '--json', file])).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const onSet = j.series.flatMap((s: { rows: Array<{ inputs: { start: string }; holds: boolean }> }) => s.rows.filter((r) => r.inputs.start.startsWith('u(0) = 0')));
    expect(onSet.length).toBeGreaterThan(0);
    for (const r of onSet) expect(r.holds).toBe(false);
    const assumption = j.series.flatMap((s: { rows: Array<{ inputs: { start: string }; holds: boolean }> }) => s.rows.filter((r) => r.inputs.start.startsWith('Assumption 3.3')));
    for (const r of assumption) expect(r.holds).toBe(true);
  }, 60_000);

  it('bad input: one line naming the argument, exit 2, no file', async () => {
    const file = join(dir, 'no.json');
    expect(await main(['explore', '--claim', 'C10', '--vary', 'sigma', '--json', file])).toBe(2);
    expect(err.join('')).toMatch(/--claim C10 --vary sigma is not supported/);
    expect(await main(['explore', '--claim', 'C08', '--vary', 'bogus'])).toBe(2);
    expect(err.join('')).toMatch(/--vary must be one of/);
    expect(await main(['explore', '--vary', 'sigma'])).toBe(2);
    expect(err.join('')).toMatch(/--claim is required/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('icl-audit explore --claim C10 --vary noise', () => {
  it("uses Corollary 4.3's η + ε (recomputed here for Λ = I) and brackets where it stops", async () => {
    const file = join(dir, 'n.json');
    expect(await main(['explore', '--claim', 'C10', '--vary', 'noise', '--json', file])).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const s = j.series[0]; // identity, d = 1, N = 10
    const d = 1;
    const n = 10;
    const eta = ((1 + 2 * d + d * d * 1) * d) / (n * n); // κ = 1, tr Λ = d
    for (const r of s.rows) expect(r.measured.bound).toBeCloseTo(eta + 0.1 * d, 12);
    expect(s.largestHolding).toBeLessThan(s.smallestFailing);
    expect(s.smallestFailing / s.largestHolding).toBeLessThan(1 + 1e-5);
    expect(s.failingRow.measured.error).toBeGreaterThan(s.failingRow.measured.bound);
  });
});
