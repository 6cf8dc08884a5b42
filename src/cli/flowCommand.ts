import type { Command } from 'commander';

/** Register `icl-audit flow` (being built). */
export function registerFlow(program: Command, setCode: (code: number) => void): void {
  program.command('flow').description('(being built)').action(() => setCode(3));
}
