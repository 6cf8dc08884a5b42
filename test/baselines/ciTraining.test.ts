/**
 * A real training run in CI: GPT-2 tiny from scratch on wasm, through `icl-audit train`, within the time
 * CI allows (≤ 3 minutes on 2 cores). Its test error on fresh prompts, averaged over every position
 * (the training loss), must fall below a quarter of the zero predictor's. The run is deterministic
 * (seeded draws, single-threaded wasm), so it passes or fails the same way on every machine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

afterEach(() => vi.restoreAllMocks());

/**
 * d = 1 (the task w still changes per prompt; ŷ must come from the context), N = 8, 300 steps, positions
 * initialized with std 1 (with GPT-2's 0.02 the same run stays at 0.91 of the zero predictor: the plateau
 * before attention finds the previous token). Measured here: 0.238, 43 s of CPU.
 */
export const CI_TRAINING = { d: '1', N: '8', steps: '300', batch: '32', lr: '0.003', seed: '7', cov: 'identity', nPositions: '9', positionStd: '1' } as const;

describe('CI training', () => {
  it(`tiny GPT-2, d=${CI_TRAINING.d}, N=${CI_TRAINING.N}, ${CI_TRAINING.steps} steps on wasm: test loss < ¼ of the zero predictor's`, { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icl-ci-train-'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    const c = CI_TRAINING;
    const args = ['train', '--model', 'tiny', '--d', c.d, '--N', c.N, '--steps', c.steps, '--batch', c.batch, '--lr', c.lr, '--seed', c.seed, '--cov', c.cov, '--n-positions', c.nPositions, '--position-std', c.positionStd, '--backend', 'wasm', '--out', join(dir, 'run')];
    expect(await main(args)).toBe(0);
    const final = JSON.parse(readFileSync(join(dir, 'run', 'final.json'), 'utf8'));
    vi.restoreAllMocks();
    console.log(`CI training: test MSE / zero = ${final.ratio.toFixed(3)} (last position ${final.lastRatio.toFixed(3)}); ${final.wallSeconds?.toFixed(0)} s wall, ${final.cpuSeconds?.toFixed(0)} s CPU`);
    expect(final.ratio).toBeLessThan(0.25);
  });
});
