/** Writing reports: whole files or nothing, to paths checked before the work starts (src/validate/output). */
import { assertWritableOutput, writeFileAtomic } from '../validate/output';

/** Refuse an output path that cannot be written, before any work (makes nothing). */
export function outputArg(name: string, path: string | undefined, kind: 'file' | 'folder' = 'file'): string | undefined {
  if (path === undefined) return undefined;
  assertWritableOutput(name, path, kind);
  return path;
}

/** Write `data` as pretty JSON to `path` atomically; a failure is a UsageError naming `name`. */
export function writeJsonFile(path: string, data: unknown, name = '--json'): void {
  writeFileAtomic(name, path, JSON.stringify(data, null, 2) + '\n');
}
