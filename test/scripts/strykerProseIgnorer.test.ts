/**
 * The `prose` Stryker ignorer (scripts/strykerProseIgnorer.mjs), run through Stryker's own instrumenter on a
 * small source: it leaves out exactly the literals only shown to a reader, and keeps ids, verdicts, keys,
 * messages, and every mutant inside a `${…}` that computes something.
 */
import { describe, expect, it } from 'vitest';
import { Instrumenter } from '@stryker-mutator/instrumenter';
// @ts-expect-error -- a plain ESM module loaded by Stryker; no type declarations
import { proseIgnorer } from '../../scripts/strykerProseIgnorer.mjs';

const SOURCE = `
export function claim(f, n, xs) {
  const notes = [\`plain \${fmt(n)} and \${xs.length}\`, \`computed \${Math.min(...xs)}\`];
  notes.push('pushed', n > 1 ? 'many' : 'one');
  if (n < 0) throw new RangeError('refused: n < 0');
  return {
    id: 'C99',
    partIds: ['exact'],
    statement: 'a statement',
    tolerance: { measure: 'a measure', bound: \`\${n}·γ\`, justification: 'why' },
    routes: ['theory', 'moments'],
    parts: [{ id: 'exact', name: 'a title', verdict: 'verified' }],
    models: [{ name: 'gpt2' }],
    findings: [...xs.map((x) => \`\${x.label}: \${x.summary}\`)],
    label: part('C99', 'exact', 'part title', f) + ' tail',
    key: 'lambda',
  };
}
`;

const log = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

async function mutants() {
  const r = await new Instrumenter(log as never).instrument([{ name: 'x.js', content: SOURCE, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [proseIgnorer], noHeader: true } as never);
  const lines = SOURCE.split('\n');
  return r.mutants.map((m) => ({
    mutator: m.mutatorName,
    ignored: m.status === 'Ignored',
    text: lines[m.location.start.line].slice(m.location.start.column, m.location.end.line === m.location.start.line ? m.location.end.column : undefined),
  }));
}

describe('the prose ignorer', () => {
  it('ignores only the literals in prose places, and no mutant in a computing ${…}', async () => {
    const ms = await mutants();
    const strings = ms.filter((m) => m.mutator === 'StringLiteral');
    const ignored = strings.filter((m) => m.ignored).map((m) => m.text);
    const kept = strings.filter((m) => !m.ignored).map((m) => m.text);
    expect(ignored.sort()).toEqual(
      [
        '`plain ${fmt(n)} and ${xs.length}`',
        "'pushed'",
        "'many'",
        "'one'",
        "'a statement'",
        "'a measure'",
        '`${n}·γ`',
        "'why'",
        "'theory'",
        "'moments'",
        "'a title'",
        '`${x.label}: ${x.summary}`',
        "'part title'",
        "' tail'",
      ].sort(),
    );
    expect(kept.sort()).toEqual(
      ['`computed ${Math.min(...xs)}`', "'refused: n < 0'", "'C99'", "'exact'", "'exact'", "'verified'", "'gpt2'", "'C99'", "'exact'", "'lambda'"].sort(),
    );
    // the computing template's Math.min stays mutated, and so do the conditions beside prose branches
    expect(ms.some((m) => m.mutator === 'MethodExpression' && m.text.startsWith('Math.min') && !m.ignored)).toBe(true);
    expect(ms.filter((m) => m.text === 'n > 1' && !m.ignored).length).toBeGreaterThan(0);
    // nothing but string literals is ignored
    expect(ms.filter((m) => m.ignored && m.mutator !== 'StringLiteral')).toEqual([]);
  });
});
