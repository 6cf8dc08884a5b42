/** The library's `flow`: the stiff route's integrator option, and its refusals (RangeError naming the option). */
import { describe, expect, it } from 'vitest';
import { flow } from '../../src/api/flow';

describe('flow({ integrator })', () => {
  it('reports the integrator it ran and the scheme that ran it; method stiff defaults to rodas5, others to null', () => {
    expect(flow({ d: 2, N: 5, seed: 1 }).report.inputs.integrator).toBe('rodas5');
    const bdf = flow({ d: 2, N: 5, seed: 1, integrator: 'bdf' });
    expect(bdf.report.inputs.integrator).toBe('bdf');
    expect(bdf.result.scheme).toMatch(/^BDF /);
    expect(bdf.result.status).toBe('converged');
    expect(flow({ d: 2, N: 5, seed: 1, integrator: 'rodas5p' }).result.scheme).toMatch(/^Rodas5P /);
    expect(flow({ d: 2, N: 5, seed: 1, method: 'rk45' }).report.inputs.integrator).toBeNull();
  });
  it('refuses an unknown integrator and one given with another method', () => {
    expect(() => flow({ d: 2, N: 5, integrator: 'lsoda' as never })).toThrow(/integrator must be one of rodas5, rodas5p, bdf, got 'lsoda'/);
    expect(() => flow({ d: 2, N: 5, method: 'gd', integrator: 'bdf' })).toThrow(/integrator applies only to method 'stiff'/);
  });
});
