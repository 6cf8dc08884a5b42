import type { Command } from 'commander';

/** Register `icl-audit prove` (being built). */
export function registerProve(program: Command, setCode: (code: number) => void): void {
  program.command('prove').description('(being built)').action(() => setCode(3));
}
