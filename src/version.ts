/** The package version, read from package.json (src/version.ts → ../package.json; dist/src/version.js → ../../package.json). */
import { existsSync, readFileSync } from 'node:fs';

function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'icl-audit' && typeof pkg.version === 'string') return pkg.version;
  }
  return '0.0.0';
}

/** The version of the installed icl-audit package. */
export const VERSION: string = packageVersion();
