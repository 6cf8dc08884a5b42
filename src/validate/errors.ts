/**
 * The one error type of bad input. It names the argument (a CLI flag such as `--cov-file`, or a library
 * parameter such as `lambda`) and the rule it broke; the CLI prints its message as one line and exits 2.
 * It extends RangeError, so callers that already catch RangeError from the library keep working.
 */
export class UsageError extends RangeError {
  /** The argument at fault (flag, file or parameter name), when known. */
  readonly argument?: string;
  /** The rule it broke, in words. */
  readonly rule?: string;
  constructor(message: string, argument?: string, rule?: string) {
    super(message);
    this.name = 'UsageError';
    this.argument = argument;
    this.rule = rule;
  }
}

/** Throw a UsageError whose message is `argument rule` (e.g. "--d must be an integer from 1 to 64, got 0"). */
export function refuse(argument: string, rule: string): never {
  throw new UsageError(`${argument} ${rule}`, argument, rule);
}
