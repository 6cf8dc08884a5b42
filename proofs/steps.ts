/** Running a derivation's steps: each timed, its verdict recorded, exceptions reported as inconclusive. */
import type { Verdict } from '../src/contract/types';
import { PAPER_MODEL } from '../src/symbolic/model';
import type { DerivationResult, ProveOptions, StepResult } from './types';

/** What a step's body returns: a verdict (or a boolean: true = verified, false = falsified) and a detail. */
export interface StepOutcome {
  ok: boolean | Verdict;
  detail?: string;
}

/** Collects the steps of one derivation run. */
export class StepLog {
  readonly steps: StepResult[] = [];
  readonly notes: string[] = [];
  readonly exports: Record<string, string> = {};
  private readonly start = Date.now();

  /** Run `fn` as a step named `name`. Its value (if any) is returned for later steps. */
  run<T>(name: string, fn: () => StepOutcome & { value?: T }): T | undefined {
    const t = performance.now();
    let verdict: Verdict;
    let detail: string | undefined;
    let value: T | undefined;
    try {
      const out = fn();
      verdict = out.ok === true ? 'verified' : out.ok === false ? 'falsified' : out.ok;
      detail = out.detail;
      value = out.value;
    } catch (e) {
      verdict = 'inconclusive';
      detail = `error: ${(e as Error).message}`;
    }
    this.steps.push({ name, verdict, ms: Math.round((performance.now() - t) * 10) / 10, ...(detail ? { detail } : {}) });
    return value;
  }

  /** Record that a step was not run, with why, as a note (it does not change the verdict). */
  skip(name: string, why: string): void {
    this.notes.push(`not run: ${name} (${why})`);
  }

  /** The derivation's result: falsified if any step is, inconclusive if any step is, else verified. */
  result(id: string, title: string, claims: string[], opts: ProveOptions): DerivationResult {
    const vs = this.steps.map((s) => s.verdict);
    const verdict: Verdict = vs.includes('falsified') ? 'falsified' : vs.includes('inconclusive') ? 'inconclusive' : 'verified';
    const model = opts.model ?? PAPER_MODEL;
    if (model !== PAPER_MODEL) this.notes.unshift(`model definition: ${model.name}`);
    return {
      id: `${id}-d${opts.d}`,
      title,
      claims,
      d: opts.d,
      verdict,
      steps: this.steps,
      ms: Date.now() - this.start,
      ...(this.notes.length ? { notes: this.notes } : {}),
      ...(Object.keys(this.exports).length ? { exports: this.exports } : {}),
    };
  }
}

/** Check that d is an integer in [1, maxD]. */
export function checkDimension(id: string, d: number, maxD: number): void {
  if (!Number.isInteger(d) || d < 1 || d > maxD) throw new RangeError(`${id}: d must be an integer from 1 to ${maxD}, got ${d}`);
}
