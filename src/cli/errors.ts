/** A bad command-line input: the CLI prints its one-line message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes of the icl-audit command. */
export const EXIT = { ok: 0, falsified: 1, usage: 2, internal: 3 } as const;
