/**
 * Validation at the boundary: every flag, input file and public function's arguments are checked here,
 * and a failure is one `UsageError` whose message names the argument and the rule (the CLI prints it as one
 * line and exits 2). A base-level folder: it imports nothing of icl-audit's own. See docs/validation.md.
 */
export * from './errors';
export * from './schemas';
export * from './covariance';
export * from './output';
export * from './json';
export * from './memory';
