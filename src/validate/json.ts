/** Reading input files: a missing, unreadable, oversized, empty, truncated or corrupt file is a UsageError. */
import { readFileSync, statSync } from 'node:fs';
import { refuse } from './errors';

/** Largest input file read whole (bytes). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Read and parse the JSON file `path` given as `argument`. */
export function readJsonFile(argument: string, path: string | undefined, maxBytes = MAX_INPUT_BYTES): unknown {
  if (path === undefined || path.trim() === '') return refuse(argument, 'must name a file');
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return refuse(argument, `must name a file, but '${path}' is a folder`);
    if (st.size > maxBytes) return refuse(argument, `must be at most ${maxBytes} bytes, but '${path}' has ${st.size}`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as Error).name === 'UsageError') throw e;
    return refuse(argument, `cannot read '${path}' (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (text.trim() === '') return refuse(argument, `'${path}' is empty (expected JSON)`);
  try {
    return JSON.parse(text);
  } catch (e) {
    return refuse(argument, `'${path}' is not valid JSON, or is truncated (${(e as Error).message.split('\n')[0]})`);
  }
}
