/** The symbolic engines on P2's expansion (the reduced loss from the definition) and on P3's full-parameter loss. */
import { bench, describe } from 'vitest';
import { covarianceSymbols, generalParams, populationLoss, reducedParams } from '../../src/symbolic/model';
import { nerdamerLoss, nReducedParams } from '../../src/symbolic/nerdamerModel';
import { PolyRing } from '../../src/symbolic/poly';

const lambdaStrings = (d: number) => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => `l${Math.min(i, j) + 1}${Math.max(i, j) + 1}`));

for (const d of [2, 3]) {
  describe(`P2 L(u, U), full Λ, d = ${d}`, () => {
    bench('own polynomial layer', () => {
      const R = new PolyRing();
      populationLoss(R, { d, promptCov: covarianceSymbols(R, 'l', d) }, reducedParams(R, d));
    });
  });
}
describe('P2 L(u, U), full Λ, d = 2', () => {
  bench('nerdamer (heat operator)', () => {
    nerdamerLoss(2, nReducedParams(2), { lambda: lambdaStrings(2) });
  }, { iterations: 2, warmupIterations: 0, time: 0 });
});
describe('P3 full-parameter L, d = 2', () => {
  bench('own polynomial layer (all 18 entries symbolic)', () => {
    const R = new PolyRing();
    populationLoss(R, { d: 2, promptCov: covarianceSymbols(R, 'l', 2) }, generalParams(R, 2));
  }, { iterations: 5, time: 0 });
});
