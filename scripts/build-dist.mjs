#!/usr/bin/env node
/**
 * After `tsc -p tsconfig.build.json`: Node's ESM loader needs full relative specifiers, while the
 * sources import extension-less paths (moduleResolution "Bundler"). This rewrites every relative
 * specifier in dist/**.js and dist/**.d.ts to the file that exists: `./x` → `./x.js`, `./dir` →
 * `./dir/index.js`. A specifier that resolves to neither fails the build (nothing is guessed).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (p.endsWith('.js') || p.endsWith('.d.ts')) yield p;
  }
}

let files = 0;
let rewritten = 0;
const missing = [];
for (const file of walk(dist)) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(SPEC, (all, head, q, spec) => {
    if (/\.(js|mjs|cjs|json)$/.test(spec)) return all;
    const base = resolve(dirname(file), spec);
    let fixed = null;
    if (existsSync(`${base}.js`) || existsSync(`${base}.d.ts`)) fixed = `${spec}.js`;
    else if (existsSync(base) && statSync(base).isDirectory() && (existsSync(join(base, 'index.js')) || existsSync(join(base, 'index.d.ts')))) fixed = `${spec}/index.js`;
    if (fixed === null) {
      missing.push(`${file.slice(root.length + 1)}: '${spec}'`);
      return all;
    }
    rewritten++;
    return `${head}${q}${fixed}${q}`;
  });
  files++;
  if (out !== text) writeFileSync(file, out);
}
if (missing.length) {
  process.stderr.write(`build: relative imports that resolve to no file:\n  ${missing.join('\n  ')}\n`);
  process.exit(1);
}
writeFileSync(join(dist, '.stamp'), `${new Date().toISOString()}\n`); // bin/icl-audit.mjs compares sources with it
process.stdout.write(`build: dist/ ready (${files} files, ${rewritten} relative imports made explicit)\n`);
