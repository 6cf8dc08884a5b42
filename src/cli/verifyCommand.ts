import type { Command } from 'commander';

/** Register `icl-audit verify` (being built). */
export function registerVerify(program: Command, setCode: (code: number) => void): void {
  program.command('verify').description('(being built)').action(() => setCode(3));
}
