/**
 * Draw regression: `verify --seed 1` (times dropped) and P2's exports must equal the committed baseline.
 * A change that moves any draw, any digit or any verdict shows up here as a diff to review; when the
 * change is meant, run `npm run baseline:update`, read `git diff test/regression`, and say in the commit
 * why the numbers moved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILES, jsonDiff, p2ExportSnapshot, verifySnapshot } from './snapshot';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const committed = (f: string): unknown => JSON.parse(readFileSync(join(HERE, f), 'utf8'));

function expectNoDiff(name: string, before: unknown, after: unknown): void {
  const diff = jsonDiff(before, after);
  const shown = diff.slice(0, 60).join('\n') + (diff.length > 60 ? `\n… and ${diff.length - 60} more` : '');
  expect(diff, `${name} differs from the committed baseline in ${diff.length} place(s):\n${shown}\nIf the change is meant: npm run baseline:update, review git diff test/regression, explain in the commit.`).toEqual([]);
}

describe('jsonDiff', () => {
  it('names each differing leaf by its path, with old and new value', () => {
    expect(jsonDiff({ a: [1, { b: 2 }], c: 'x' }, { a: [1, { b: 3 }, 4], d: null })).toEqual(['$.a[1].b: 2 → 3', '$.a[2]: (absent) → 4', '$.c: "x" → (absent)', '$.d: (absent) → null']);
    expect(jsonDiff({ x: [0.1 + 0.2] }, { x: [0.3] })).toEqual(['$.x[0]: 0.30000000000000004 → 0.3']);
  });
});

describe('draw-regression baseline', () => {
  // a full verify: about 20 s of CPU; the wall-clock limit allows for a machine shared with other jobs
  it('verify --seed 1 (times dropped) equals the committed report', { timeout: 600_000 }, async () => {
    expectNoDiff(BASELINE_FILES.verify, committed(BASELINE_FILES.verify), await verifySnapshot());
  });

  it("prove --only P2 --export: P2's exported expressions equal the committed file", async () => {
    expectNoDiff(BASELINE_FILES.p2, committed(BASELINE_FILES.p2), await p2ExportSnapshot());
  });
});
