/**
 * Output files: checked before the work starts, written whole or not at all.
 *
 * `assertWritableOutput` runs before a command does its work, so a path that cannot be written is refused
 * in a second, not after the run. It makes nothing: it walks up to the nearest folder that exists, checks
 * that it is a folder we may write into, and refuses pseudo-filesystems (/proc, /sys, /dev), where Node 20's
 * recursive mkdirSync never returns. `writeFileAtomic` then makes missing folders one level at a time
 * (never recursively), writes a temporary file beside the target and renames it; any failure removes the
 * temporary file and becomes a UsageError naming the argument.
 */
import { accessSync, constants, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { refuse } from './errors';

const PSEUDO = ['/proc', '/sys', '/dev'];

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);
}

function statOrNull(p: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(p);
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return null;
    throw e;
  }
}

/** Refuse (UsageError naming `argument`) an output path that cannot be written; makes nothing. */
export function assertWritableOutput(argument: string, path: string | undefined, kind: 'file' | 'folder' = 'file'): string {
  if (path === undefined || path.trim() === '') return refuse(argument, `must name a ${kind}`);
  if (path.includes('\0')) return refuse(argument, `must be a path without NUL characters`);
  const abs = resolve(path);
  if (PSEUDO.some((p) => abs === p || abs.startsWith(p + sep))) return refuse(argument, `must not be under ${PSEUDO.join(', ')} (a system folder, not for reports), got '${path}'`);
  let target: ReturnType<typeof statSync> | null;
  try {
    target = statOrNull(abs);
  } catch (e) {
    return refuse(argument, `cannot be inspected: '${path}' (${code(e)})`);
  }
  if (target) {
    if (kind === 'file' && target.isDirectory()) return refuse(argument, `must name a file, but '${path}' is a folder`);
    if (kind === 'folder' && !target.isDirectory()) return refuse(argument, `must name a folder, but '${path}' is a file`);
  }
  let dir = kind === 'folder' && target ? abs : dirname(abs);
  for (;;) {
    let st: ReturnType<typeof statSync> | null;
    try {
      st = statOrNull(dir);
    } catch (e) {
      return refuse(argument, `cannot be written: '${dir}' cannot be inspected (${code(e)})`);
    }
    if (st) {
      if (!st.isDirectory()) return refuse(argument, `cannot be written: '${dir}' is a file, not a folder`);
      let real = dir;
      try {
        real = realpathSync(dir);
      } catch {
        /* keep the path as given */
      }
      if (PSEUDO.some((p) => real === p || real.startsWith(p + sep))) return refuse(argument, `must not be under ${PSEUDO.join(', ')} (a system folder, not for reports), got '${path}' (in '${real}')`);
      try {
        accessSync(dir, constants.W_OK | constants.X_OK);
      } catch (e) {
        return refuse(argument, `cannot be written: the folder '${dir}' is not writable (${code(e)})`);
      }
      return abs;
    }
    const up = dirname(dir);
    if (up === dir) return refuse(argument, `cannot be written: no existing folder above '${path}'`);
    dir = up;
  }
}

/** Make `dir` and its missing parents, one level at a time (Node 20's recursive mkdir can loop forever). */
export function makeFolders(argument: string, dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    let st: ReturnType<typeof statSync> | null;
    try {
      st = statOrNull(d);
    } catch (e) {
      return refuse(argument, `cannot be written: '${d}' cannot be inspected (${code(e)})`);
    }
    if (st) {
      if (!st.isDirectory()) refuse(argument, `cannot be written: '${d}' is a file, not a folder`);
      break;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if (code(e) !== 'EEXIST') refuse(argument, `cannot be written: cannot make the folder '${m}' (${code(e)})`);
    }
  }
}

/** Write `text` to `path` whole or not at all (temporary file, then rename). Failures name `argument`. */
export function writeFileAtomic(argument: string, path: string, text: string): void {
  const abs = assertWritableOutput(argument, path);
  makeFolders(argument, dirname(abs));
  const tmp = `${abs}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing more to undo */
    }
    refuse(argument, `cannot be written: '${path}' (${code(e)})`);
  }
}
