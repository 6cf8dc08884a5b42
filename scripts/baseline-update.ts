/**
 * `npm run baseline:update`: rewrite the draw-regression baseline (test/regression/*.json) from the
 * current code. Run it only when a change is meant to move draws or digits; then review
 * `git diff test/regression` and say in the commit which numbers moved and why.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE_FILES, jsonDiff, p2ExportSnapshot, verifySnapshot } from '../test/regression/snapshot';

const DIR = fileURLToPath(new URL('../test/regression/', import.meta.url));

async function main(): Promise<void> {
  const fresh: Record<string, unknown> = { [BASELINE_FILES.verify]: await verifySnapshot(), [BASELINE_FILES.p2]: await p2ExportSnapshot() };
  for (const [file, value] of Object.entries(fresh)) {
    const path = join(DIR, file);
    const before = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
    const diff = before === undefined ? ['(new file)'] : jsonDiff(before, value);
    writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
    process.stdout.write(`${file}: ${diff.length === 0 ? 'unchanged' : `${diff.length} change(s)`}\n${diff.slice(0, 40).map((l) => `  ${l}\n`).join('')}`);
  }
}

main().catch((e) => {
  process.stderr.write(`baseline:update: ${(e as Error).message}\n`);
  process.exit(1);
});
