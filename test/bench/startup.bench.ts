/** Start-up of the command: `icl-audit --version` loads no subcommand (compiled dist/ when it is current). */
import { bench, describe } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/icl-audit.mjs');

describe('start-up', () => {
  bench('node -e 0 (the floor)', () => {
    spawnSync(process.execPath, ['-e', '0']);
  }, { iterations: 10 });
  bench('icl-audit --version', () => {
    spawnSync(process.execPath, [BIN, '--version']);
  }, { iterations: 10 });
  bench('icl-audit check --help (loads the check command only)', () => {
    spawnSync(process.execPath, [BIN, 'check', '--help']);
  }, { iterations: 5 });
});
