#!/usr/bin/env python3
"""Reference for scripts/compare/flow.ts: SciPy's stiff solvers on the reduced gradient flow.

Reads one JSON object on stdin: d, P, Q, B (the exact loss model L(V) = 1/2 tr(PVQV^T) - <B,V> + c/2,
built by icl-audit from first principles), sigma, theta (U0 = sigma * theta theta^T, u0 = sigma), rtol,
atol, tol (stop when ||uU - V*||_F / ||V*||_F <= tol, V* = P^-1 B Q^-1), t_max, repeats, methods.
Integrates the SAME ODE in the original coordinates, state y = (u, vec U), with the analytic dense
Jacobian, by scipy.integrate.solve_ivp, stopping by a terminal event. Prints one JSON object: per
method the best wall time over `repeats` (inside Python, after imports), nfev, njev, nlu, final t, the
final relative distance and the balance u^2 - ||U||_F^2.

Optionally ("eigen" in methods) also runs BDF on the system rotated into the eigenbases of P and Q with
a sparse arrow-shaped Jacobian, to separate the gain of the structure from the gain of the language.
"""
import json
import os
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy import sparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blasinfo import info as blas_info  # noqa: E402


def original_system(P, Q, B):
    d = P.shape[0]
    PQ = np.kron(P, Q)  # row-major vec: vec(P X Q) = (P kron Q^T) vec(X), Q symmetric

    def f(t, y):
        u = y[0]
        U = y[1:].reshape(d, d)
        W = P @ U @ Q
        G = u * W - B
        out = np.empty_like(y)
        out[0] = -np.sum(G * U)
        out[1:] = (-u * G).ravel()
        return out

    def jac(t, y):
        u = y[0]
        U = y[1:].reshape(d, d)
        W = P @ U @ Q
        G = u * W - B
        J = np.empty((1 + d * d, 1 + d * d))
        J[0, 0] = -np.sum(W * U)
        cross = (-G - u * W).ravel()
        J[0, 1:] = cross
        J[1:, 0] = cross
        J[1:, 1:] = -(u * u) * PQ
        return J

    return f, jac


def eigen_system(P, Q, B):
    p, phi = np.linalg.eigh(P)
    q, psi = np.linalg.eigh(Q)
    a = np.outer(p, q).ravel()
    b = (phi.T @ B @ psi).ravel()
    m = a.size

    def f(t, y):
        u = y[0]
        x = y[1:]
        g = u * a * x - b
        out = np.empty_like(y)
        out[0] = -np.dot(x, g)
        out[1:] = -u * g
        return out

    rows = np.concatenate([np.zeros(m + 1, dtype=int), np.arange(1, m + 1), np.arange(1, m + 1)])
    cols = np.concatenate([np.arange(m + 1), np.zeros(m, dtype=int), np.arange(1, m + 1)])

    def jac(t, y):
        u = y[0]
        x = y[1:]
        c = b - 2 * u * a * x
        vals = np.concatenate([[-np.dot(a * x, x)], c, c, -(u * u) * a])
        return sparse.csc_matrix((vals, (rows, cols)), shape=(m + 1, m + 1))

    return f, jac, phi, psi


def run(method, f, jac, y0, vstar, rtol, atol, tol, t_max):
    nv = np.linalg.norm(vstar)

    def converged(t, y):
        return np.linalg.norm(y[0] * y[1:] - vstar) / nv - tol

    converged.terminal = True
    t0 = time.perf_counter()
    sol = solve_ivp(f, (0.0, t_max), y0, method=method, jac=jac, rtol=rtol, atol=atol, events=converged)
    wall = time.perf_counter() - t0
    y = sol.y[:, -1]
    return wall, sol, y


def main():
    cfg = json.load(sys.stdin)
    P, Q, B = (np.array(cfg[k], dtype=float) for k in ("P", "Q", "B"))
    theta = np.array(cfg["theta"], dtype=float)
    sigma = float(cfg["sigma"])
    d = P.shape[0]
    U0 = sigma * theta @ theta.T
    y0 = np.concatenate([[sigma], U0.ravel()])
    vstar = np.linalg.solve(P, B) @ np.linalg.inv(Q)
    rtol, atol, tol, t_max = cfg["rtol"], cfg["atol"], cfg["tol"], cfg.get("t_max", 1e12)
    repeats = int(cfg.get("repeats", 2))
    out = {"scipy": __import__("scipy").__version__, "numpy": np.__version__, "d": d, "results": {}, "kernel": blas_info()}
    f, jac = original_system(P, Q, B)
    for method in cfg.get("methods", ["BDF", "LSODA"]):
        if method == "eigen":
            fe, je, phi, psi = eigen_system(P, Q, B)
            ye0 = np.concatenate([[sigma], (phi.T @ U0 @ psi).ravel()])
            ve = phi.T @ vstar @ psi
            best = None
            for _ in range(repeats):
                wall, sol, y = run("BDF", fe, je, ye0, ve.ravel(), rtol, atol, tol, t_max)
                best = wall if best is None else min(best, wall)
            U = phi @ y[1:].reshape(d, d) @ psi.T
            name = "BDF-eigenbasis-sparse"
        else:
            best = None
            for _ in range(repeats):
                wall, sol, y = run(method, f, jac, y0, vstar.ravel(), rtol, atol, tol, t_max)
                best = wall if best is None else min(best, wall)
            U = y[1:].reshape(d, d)
            name = method
        u = y[0]
        out["results"][name] = {
            "seconds": best,
            "status": int(sol.status),
            "message": sol.message,
            "nfev": int(sol.nfev),
            "njev": int(sol.njev),
            "nlu": int(sol.nlu),
            "t": float(sol.t[-1]),
            "steps": int(sol.t.size - 1),
            "relDistance": float(np.linalg.norm(u * U - vstar) / np.linalg.norm(vstar)),
            "balance": float(u * u - np.sum(U * U)),
        }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
