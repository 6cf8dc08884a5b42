/**
 * The `icl-audit` command. Each subcommand lives in a file of its own and registers itself here.
 * Exit codes: 0 nothing falsified, 1 something falsified, 2 bad input, 3 internal error.
 * An internal error prints one line; `--debug` (anywhere on the command line) adds its stack.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './errors';
import { VERSION } from './version';

type Register = (program: Command, setCode: (code: number) => void) => void;

/**
 * The subcommands, each loaded only when it runs (or for `--help`), so `icl-audit --version` and a
 * command that needs no symbolic engine never load nerdamer, mathjs or the claims registry.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  verify: async () => (await import('./verifyCommand')).registerVerify,
  flow: async () => (await import('./flowCommand')).registerFlow,
  prove: async () => (await import('./proveCommand')).registerProve,
  check: async () => (await import('./checkCommand')).registerCheck,
  report: async () => (await import('./reportCommand')).registerReport,
  shift: async () => (await import('./shiftCommand')).registerShift,
  explore: async () => (await import('./exploreCommand')).registerExplore,
  train: async () => (await import('./trainCommand')).registerTrain,
  predict: async () => (await import('./predictCommand')).registerPredict,
  evaluate: async () => (await import('./evaluateCommand')).registerEvaluate,
  merge: async () => (await import('./mergeCommand')).registerMerge,
};

/** The subcommands `argv` needs registered: the one it names, none for `--version`, all otherwise. */
function commandsFor(argv: string[]): string[] {
  const first = argv[0];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  if (argv.length === 1 && (first === '--version' || first === '-V')) return [];
  return Object.keys(COMMANDS);
}

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
  try {
    for (const name of commandsFor(argv)) (await COMMANDS[name]())(program, setCode);
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
