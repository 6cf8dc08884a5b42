/** `icl-audit report` (placeholder until the HTML report lands). */
import type { Command } from 'commander';
export function registerReport(_program: Command, _setCode: (code: number) => void): void {}
