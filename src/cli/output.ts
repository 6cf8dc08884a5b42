/** Writing reports: whole files or nothing (write to a temporary name, then rename). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Write `data` as pretty JSON to `path` atomically. */
export function writeJsonFile(path: string, data: unknown): void {
  const abs = resolve(path);
  mkdirSync(dirname(abs), { recursive: true });
  const tmp = `${abs}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, abs);
}
