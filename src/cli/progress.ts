/**
 * A progress bar on stderr for long runs: drawn only when stderr is a terminal and the run has lasted
 * more than a second; otherwise silent, so logs and pipes stay clean.
 */
export interface Progress {
  /** Report `done` out of `total` (or a fraction when total is 1), with an optional short label. */
  update(done: number, total: number, label?: string): void;
  /** Clear the bar. */
  done(): void;
}

/** A progress reporter for a task named `title`. */
export function progress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  const enabled = stream.isTTY === true && !process.env.CI;
  const lineWidth = (): number => Math.max(20, Math.min(stream.columns || 100, 100));
  let drawn = false;
  let last = 0;
  return {
    update(done, total, label) {
      if (!enabled) return;
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 24;
      const full = Math.round(frac * width);
      const bar = '█'.repeat(full) + '░'.repeat(width - full);
      const secs = ((now - start) / 1000).toFixed(1);
      stream.write(`\r${title} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${secs}s ${label ?? ''}`.slice(0, lineWidth() - 1).padEnd(lineWidth() - 1));
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r' + ' '.repeat(lineWidth() - 1) + '\r');
      drawn = false;
    },
  };
}
