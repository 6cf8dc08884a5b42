#!/usr/bin/env python3
"""Records what SciPy's BDF does on small problems, for test/dynamics/bdf.test.ts (an independent
implementation of the same algorithm: src/dynamics/bdf.ts must take the same steps).

Reads JSON on stdin: a list of cases {name, a, b, y0, rtol, atol, checkpoints}, each the reduced flow in
the eigenbasis, y = (u, X), f_u = -sum X (u a X - b), f_X = -u (u a X - b), with its exact Jacobian, or
{name, lam, g, mu, ...}: y' = -lam (y - g) with the wrong Jacobian -diag(mu) (Newton failures).
Steps scipy.integrate.BDF (not solve_ivp: no event, no final clipping) and writes, at each checkpoint
k (number of accepted steps), t, y, nfev, njev, nlu. Run: npx tsx scripts/compare/bdf-fixture.ts
"""
import json
import sys

import numpy as np
import scipy
from scipy.integrate import BDF


def system(a, b):
    def f(t, y):
        u = y[0]
        x = y[1:]
        g = u * a * x - b
        return np.concatenate([[-np.dot(x, g)], -u * g])

    def jac(t, y):
        u = y[0]
        x = y[1:]
        n = y.size
        J = np.zeros((n, n))
        c = b - 2 * u * a * x
        J[0, 0] = -np.dot(a * x, x)
        J[0, 1:] = c
        J[1:, 0] = c
        J[np.arange(1, n), np.arange(1, n)] = -(u * u) * a
        return J

    return f, jac


def linear(lam, g, mu):
    """y' = -lam (y - g) with a deliberately wrong Jacobian -diag(mu): Newton converges slowly or fails."""

    def f(t, y):
        return -lam * (y - g)

    def jac(t, y):
        return -np.diag(mu)

    return f, jac


def main():
    cases = json.load(sys.stdin)
    out = {"scipy": scipy.__version__, "cases": []}
    for case in cases:
        if "lam" in case:
            f, jac = linear(np.array(case["lam"], dtype=float), np.array(case["g"], dtype=float), np.array(case["mu"], dtype=float))
        else:
            f, jac = system(np.array(case["a"], dtype=float), np.array(case["b"], dtype=float))
        solver = BDF(f, 0.0, np.array(case["y0"], dtype=float), 1e12, rtol=case["rtol"], atol=case["atol"], jac=jac)
        marks = []
        steps = 0
        for k in sorted(case["checkpoints"]):
            while steps < k:
                solver.step()
                steps += 1
            marks.append({"steps": k, "t": float(solver.t), "y": solver.y.tolist(), "nfev": int(solver.nfev), "njev": int(solver.njev), "nlu": int(solver.nlu), "order": int(solver.order)})
        out["cases"].append({**case, "marks": marks})
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
