/**
 * Start a worker thread on a module next to the caller, from the TypeScript sources or from dist/ alike:
 * from the sources the thread registers tsx itself (as bin/icl-audit.mjs does in the main one) before it
 * imports the module; from dist/ it imports the compiled file. Used by the Monte Carlo helpers
 * (parallel.ts) and the claim/derivation pool (src/api/pool.ts).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/** tsx's ESM API module (its `import` entry of `tsx/esm/api`), found beside its package.json. */
function tsxApiUrl(from: string): string {
  const pkg = createRequire(from).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

/**
 * A worker on `./<name>.ts` (sources) or `./<name>.js` (dist/) beside the module whose `import.meta.url` is
 * `here`; `execArgv` is always empty (the parent's flags are not passed on).
 */
export function spawnModuleWorker(here: string, name: string, options: Omit<WorkerOptions, 'eval' | 'execArgv'> = {}): Worker {
  const fromSource = here.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, here);
  return fromSource
    ? new Worker(`import(${JSON.stringify(tsxApiUrl(here))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { ...options, eval: true, execArgv: [] })
    : new Worker(url, { ...options, execArgv: [] });
}
