/**
 * The `icl-audit` command. Each subcommand lives in a file of its own and registers itself here.
 * Exit codes: 0 nothing falsified, 1 something falsified, 2 bad input, 3 internal error.
 * An internal error prints one line; `--debug` (anywhere on the command line) adds its stack.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './errors';
import { registerVerify } from './verifyCommand';
import { registerFlow } from './flowCommand';
import { registerProve } from './proveCommand';
import { registerMerge } from './mergeCommand';
import { VERSION } from './version';

/** What a subcommand's action returns: its exit code. */
export type CommandResult = Promise<number>;

/** Run the CLI on `argv` (without node and the script path); resolves to the exit code. */
export async function main(argvIn: string[]): Promise<number> {
  const debug = argvIn.includes('--debug');
  const argv = argvIn.filter((a) => a !== '--debug');
  let code: number = EXIT.ok;
  const program = new Command('icl-audit')
    .description('Audit "Trained Transformers Learn Linear Models In-Context" (Zhang, Frei, Bartlett, JMLR 2024) claim by claim.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError(false)
    .option('--debug', 'print the stack of an internal error');
  const setCode = (c: number): void => {
    code = c;
  };
  registerVerify(program, setCode);
  registerFlow(program, setCode);
  registerProve(program, setCode);
  registerMerge(program, setCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`icl-audit: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage; // commander already printed its one-line message
    }
    const first = String((e as Error)?.message ?? e).split('\n')[0];
    process.stderr.write(
      debug ? `icl-audit: internal error: ${(e as Error)?.stack ?? e}\n` : `icl-audit: internal error: ${first} (run again with --debug for the stack)\n`,
    );
    return EXIT.internal;
  }
  return code;
}
