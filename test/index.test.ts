import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

describe('public barrel', () => {
  it('exposes the model by name and each route as a namespace', () => {
    const lambda = api.drawCovariance('rotated', 3, api.stream(1), { kappa: 10 });
    const model = api.moments.trainingLossModel(lambda, 20);
    const paper = api.theory.theorem41MinimumValue(lambda, 20);
    const exact = api.moments.populationLoss(model, api.theory.lemma53StationaryV(lambda, 20));
    expect(Math.abs(exact - paper)).toBeLessThan(1e-12);
    expect(typeof api.dynamics.stiffGradientFlow).toBe('function');
    expect(typeof api.montecarlo).toBe('object');
    expect(api.claimIds()).toContain('C08');
  });
});
