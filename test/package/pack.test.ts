/**
 * icl-audit as a dependency: build, `npm pack`, install the tarball into an empty project offline (from
 * npm's cache, which `npm ci` filled; a plain `npm install --offline x.tgz` would need the registry's
 * metadata, which `npm ci` does not cache), import it from plain JavaScript (ESM), run its command, and
 * type-check a TypeScript consumer (and see a type error caught, so the types are real, not `any`).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the packed package', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'icl-pack-'));
  const project = join(tmp, 'consumer');
  let files: string[] = [];

  it('builds and packs only what a user needs', () => {
    execFileSync(NPM, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
    const out = execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = info[0].files.map((f) => f.path);
    expect(existsSync(join(tmp, info[0].filename))).toBe(true);
    for (const f of ['package.json', 'README.md', 'bin/icl-audit.mjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/vitest/index.js', 'dist/src/vitest/index.d.ts', 'dist/src/cli/main.js'])
      expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('docs/')))).toEqual([]);
    expect(files.filter((f) => f.includes('tsbuildinfo') || f.endsWith('.stamp'))).toEqual([]);
    mkdirSync(project);
    // Offline: npm resolves versions from a lockfile without asking the registry, so the consumer gets
    // one made from ours (the tarball plus our production dependency tree, whose tarballs `npm ci` cached).
    const tgz = `file:../${info[0].filename}`;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
    const packages: Record<string, unknown> = {
      '': { name: 'consumer', version: '1.0.0', dependencies: { 'icl-audit': tgz } },
      'node_modules/icl-audit': { version: pkg.version, resolved: tgz, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines, peerDependencies: pkg.peerDependencies, peerDependenciesMeta: pkg.peerDependenciesMeta },
    };
    for (const [k, v] of Object.entries(lock.packages)) if (k.startsWith('node_modules/') && !v.dev && !v.devOptional) packages[k] = v;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true, dependencies: { 'icl-audit': tgz } }));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
    const install = spawnSync(NPM, ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules', 'icl-audit', 'dist', 'src', 'index.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false); // nothing runs through tsx
  });

  it('imports from plain JavaScript and gives the same results as the command', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { verify, check, flow, VERSION } from 'icl-audit';
const v = await verify({ claims: ['C06'], seed: 3, runs: 5 });
const c = await check({ quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)', seed: 1, runs: 5 });
const f = flow({ d: 2, N: 5, seed: 1 });
console.log(JSON.stringify({ verify: v.claims[0].verdict, check: c.verdict, flow: f.result.status, version: VERSION }));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ verify: 'verified', check: 'verified', flow: 'converged', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const bin = spawnSync(process.execPath, [join(project, 'node_modules', '.bin', 'icl-audit'), '--version'], { cwd: project, encoding: 'utf8' });
    expect(bin.status, bin.stderr).toBe(0);
    expect(bin.stdout.trim()).toBe(JSON.parse(r.stdout).version);
    const cli = spawnSync(process.execPath, [join(project, 'node_modules', '.bin', 'icl-audit'), 'check', '--quantity', 'minimizer', '--formula', 'inv(Lambda)', '--runs', '5'], { cwd: project, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/falsified/);
  });

  it('type-checks a TypeScript consumer of both entry points, and catches a type error in one', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['good.ts'] }),
    );
    writeFileSync(
      join(project, 'good.ts'),
      `import { verify, check, type VerifyReport, type FormulaCheckReport, QUANTITIES } from 'icl-audit';
import { itChecksFormula, auditSeed } from 'icl-audit/vitest';
export async function run(): Promise<number> {
  const r: VerifyReport = await verify({ claims: ['C06'], runs: 5 });
  const c: FormulaCheckReport = await check({ quantity: QUANTITIES[1], formula: 'inv(Lambda)' });
  void itChecksFormula;
  return r.summary.verified + c.cases.length + auditSeed();
}
`,
    );
    const good = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(good.status, good.stdout + good.stderr).toBe(0);
    writeFileSync(join(project, 'bad.ts'), `import { verify } from 'icl-audit';\nexport const s: string = (await verify()).summary.verified;\n`);
    writeFileSync(join(project, 'tsconfig.bad.json'), JSON.stringify({ extends: './tsconfig.json', include: ['bad.ts'] }));
    const bad = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.bad.json'], { cwd: project, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/Type 'number' is not assignable to type 'string'/);
  });
});
