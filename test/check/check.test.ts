/**
 * `check` against first-principles ground truth: the paper's formulas verify, and plausible misreadings
 * of them (each a mistake a reader could make from the printed page) are falsified with the smallest
 * counterexample. None of the expected verdicts comes from src/theory.
 */
import { describe, expect, it } from 'vitest';
import { check, FormulaError, checkVariables } from '../../src/check/index';

const G = '((1+1/N)*Lambda + trace(Lambda)/N*I)';
const Gi = `inv(${G})`;

describe('check: the paper’s formulas verify', () => {
  it.each([
    ['gamma', G],
    ['minimizer', 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)'],
    ['minimizer', `inv(Lambda*(N+1)/N + trace(Lambda)*I/N)`],
    ['limit', `${Gi}/sqrt(norm(${Gi}, 'fro'))`],
    ['limit', `trace(${Gi}^2)^(-1/4) * ${Gi}`],
    ['min-loss', `0.5*(trace(Lambda) - trace(${Gi}*Lambda^2))`],
    ['test-error', `(1+1/M)*trace(${Gi}^2*Lambda^3) + trace(Lambda)/M*trace(${Gi}^2*Lambda^2) - 2*trace(${Gi}*Lambda^2) + trace(Lambda)`],
    ['covariate-limit', `trace(transpose(${Gi}*LambdaTest - I)*LambdaTest*(${Gi}*LambdaTest - I))`],
  ] as const)('%s: %s', async (quantity, formula) => {
    const r = await check({ quantity, formula, seed: 3, runs: 30 });
    expect(r.verdict, JSON.stringify(r.counterexample)).toBe('verified');
    expect(r.worstRatio).toBeLessThan(1);
  });

  it('the covariate shift by a scale c (Λ′ = c²Λ) verifies in the scale mode', async () => {
    const r = await check({ quantity: 'covariate-limit', formula: `trace(transpose(${Gi}*c^2*Lambda - I)*c^2*Lambda*(${Gi}*c^2*Lambda - I))`, shift: 'scale', seed: 2, runs: 20 });
    expect(r.verdict).toBe('verified');
  });

  it('the PL constant of the proof, μ = 2u²_min/(tr(Γ⁻¹Λ⁻¹) tr Λ⁻¹) with A.14’s u²_min, holds along every trajectory and its looseness is reported', async () => {
    const mu = `sigma^2 * norm(Lambda*Theta,'fro')^2 * (2 - sqrt(d)*sigma^2*norm(${G}, 2)) / (sqrt(d)*norm(Lambda,2)^2*trace(${Gi}*inv(Lambda))*trace(inv(Lambda)))`;
    const r = await check({ quantity: 'pl-constant', formula: mu, seed: 1, runs: 8 });
    expect(r.verdict).toBe('verified');
    expect(r.looseness!.min).toBeGreaterThanOrEqual(1);
  });
});

describe('check: misreadings are falsified with the smallest counterexample', () => {
  const misreadings: Array<[string, 'gamma' | 'minimizer' | 'limit' | 'min-loss' | 'test-error' | 'covariate-limit' | 'pl-constant', string]> = [
    ['Γ without its (1 + 1/N) factor', 'minimizer', 'inv(Lambda + trace(Lambda)/N*I)'],
    ['tr Λ/N read as tr Λ', 'minimizer', 'inv((1+1/N)*Lambda + trace(Lambda)*I)'],
    ['1/N read as 1/M', 'minimizer', 'inv((1+1/M)*Lambda + trace(Lambda)/M*I)'],
    ['(1 + 1/N) read as (1 − 1/N)', 'minimizer', 'inv((1-1/N)*Lambda + trace(Lambda)/N*I)'],
    ['the trace term dropped', 'minimizer', 'inv((1+1/N)*Lambda)'],
    ['Γ instead of Γ⁻¹', 'minimizer', G],
    ['the plain inverse covariance (least squares)', 'minimizer', 'inv(Lambda)'],
    ['tr Λ read as d', 'gamma', '(1+1/N)*Lambda + d/N*I'],
    ['Λ² read as Λ in the minimum value', 'min-loss', `0.5*(trace(Lambda) - trace(${Gi}*Lambda))`],
    ['the ½ dropped from the minimum value', 'min-loss', `trace(Lambda) - trace(${Gi}*Lambda^2)`],
    ['1/M read as 1/N in the test error', 'test-error', `(1+1/N)*trace(${Gi}^2*Lambda^3) + trace(Lambda)/N*trace(${Gi}^2*Lambda^2) - 2*trace(${Gi}*Lambda^2) + trace(Lambda)`],
    ['the limit without the normalization', 'limit', Gi],
    ['the normalization’s exponent −1/4 read as −1/2', 'limit', `trace(${Gi}^2)^(-1/2) * ${Gi}`],
    ['the covariate limit with Λ in place of Λ′ inside', 'covariate-limit', `trace(transpose(${Gi}*Lambda - I)*LambdaTest*(${Gi}*Lambda - I))`],
    ['a PL constant that is too large (the proof’s times 10⁴)', 'pl-constant', `1e4 * sigma^2 * norm(Lambda*Theta,'fro')^2 * (2 - sqrt(d)*sigma^2*norm(${G}, 2)) / (sqrt(d)*norm(Lambda,2)^2*trace(${Gi}*inv(Lambda))*trace(inv(Lambda)))`],
  ];
  it.each(misreadings)('%s', async (_name, quantity, formula) => {
    const r = await check({ quantity, formula, seed: 3, runs: quantity === 'pl-constant' ? 8 : 30 });
    expect(r.verdict).toBe('falsified');
    const ce = r.counterexample!;
    expect(ce.error).toBeGreaterThan(ce.tolerance);
    // the smallest failing case: no failing case has a smaller (d, N, M)
    const notSmaller = (c: { d: number; N: number; M: number }): boolean => c.d > ce.d || (c.d === ce.d && (c.N > ce.N || (c.N === ce.N && c.M >= ce.M)));
    for (const c of r.cases.filter((x) => !x.ok)) expect(notSmaller(c)).toBe(true);
    expect(ce.inputs.Lambda).toBeDefined();
    expect(ce.replay).toContain(`--seed 3`);
  });

  it('the replay command reproduces the counterexample', async () => {
    const first = await check({ quantity: 'minimizer', formula: 'inv(Lambda)', seed: 9, runs: 30 });
    const ce = first.counterexample!;
    const runs = Number(/--runs (\d+)/.exec(ce.replay)![1]);
    const again = await check({ quantity: 'minimizer', formula: 'inv(Lambda)', seed: 9, runs });
    expect(again.cases[ce.index]).toEqual(first.cases[ce.index]);
  });
});

describe('check: bad formulas are errors that name the problem', () => {
  it.each([
    ['inv(Lambda +', /does not parse/],
    ['inv(Lambda + foo)', /unknown symbol 'foo'/],
    ['frobnicate(Lambda)', /unknown symbol 'frobnicate\(\)'/],
    ['LambdaTest', /unknown symbol 'LambdaTest'/],
    ['trace(Lambda)', /must give a d×d matrix/],
    ['', /empty/],
  ])('%s', async (formula, message) => {
    await expect(check({ quantity: 'minimizer', formula })).rejects.toThrow(FormulaError);
    await expect(check({ quantity: 'minimizer', formula })).rejects.toThrow(message);
  });

  it('c is a variable only in the scale shift mode', () => {
    expect(checkVariables('covariate-limit')).not.toContain('c');
    expect(checkVariables('covariate-limit', 'scale')).toContain('c');
  });
});
