/** A bad command-line input: the CLI prints its one-line message and exits 2 (defined in src/validate). */
export { UsageError } from '../validate/errors';

/** Exit codes of the icl-audit command. */
export const EXIT = { ok: 0, falsified: 1, usage: 2, internal: 3 } as const;
