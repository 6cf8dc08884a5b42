/**
 * The README's TypeScript examples run as tests: each ```ts block that imports icl-audit is written to
 * test/.readme/ with the package names pointed at the sources, then imported here. A library example
 * asserts its own results (node:assert); a vitest example registers its tests into this file.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DIR = join(ROOT, 'test', '.readme');

/** The ```ts blocks of the README that import the package. */
export function readmeExamples(text: string): string[] {
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => /from 'icl-audit(\/vitest)?'/.test(code));
}

const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
mkdirSync(DIR, { recursive: true });
const files = examples.map((code, k) => {
  const file = join(DIR, `example-${k + 1}.ts`);
  const src = code.replace(/from 'icl-audit\/vitest'/g, `from '${join(ROOT, 'src', 'vitest', 'index')}'`).replace(/from 'icl-audit'/g, `from '${join(ROOT, 'src', 'index')}'`);
  writeFileSync(file, src);
  return { file, registersTests: /from 'icl-audit\/vitest'/.test(code) };
});

describe('README examples', () => {
  it('has a library example and a vitest example', () => {
    expect(files.filter((f) => !f.registersTests).length).toBeGreaterThanOrEqual(1);
    expect(files.filter((f) => f.registersTests).length).toBeGreaterThanOrEqual(1);
  });
  for (const f of files.filter((x) => !x.registersTests)) it(`runs ${f.file.slice(ROOT.length + 1)}`, async () => void (await import(f.file)), 300_000);
});

// vitest examples register their describe/it blocks while this file is collected
for (const f of files.filter((x) => x.registersTests)) await import(f.file);
