#!/usr/bin/env node
// The icl-audit command. It runs the compiled JavaScript in dist/ (built by `npm run build`, which
// `npm ci` runs through `prepare`). In a source checkout whose sources are newer than dist/ (or with no
// dist/ at all) it runs the TypeScript sources through tsx instead, so a developer never runs stale code;
// an installed package ships no sources and never loads tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'src', 'cli', 'main.js');
const stamp = join(root, 'dist', '.stamp');

/** Newest modification time under the source folders (0 when there are none: an installed package). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'proofs', 'properties']) if (existsSync(join(root, d))) walk(join(root, d));
  return newest;
}

let entry = built;
const sources = newestSource();
if (sources > 0 && (!existsSync(built) || !existsSync(stamp) || statSync(stamp).mtimeMs < sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'src', 'cli', 'main.ts');
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
