"""NumPy reference for scripts/compare/montecarlo.ts: Monte Carlo test error E(yhat - <w, x_q>)^2 of the
reduced LSA predictor yhat = (1/M) sum_i y_i x_i^T V x_q, in its fastest NumPy form, along the same two
paths as src/montecarlo/lsaSampler.ts.

direct: every x_i drawn (z_i standard normal, x_i = L z_i never formed: <a, x_i> = <L^T a, z_i>), chunked,
        one Generator reused, the per-example dot products as one batched matmul (B, M, d) @ (B, d, 3).
fast:   in the eigenbasis of Lambda, only (w, x_q) drawn; the prompt enters through a 2x2 Wishart draw by
        the Bartlett decomposition (one chi-square and one normal per prompt: yhat uses only G01).

Usage: python3 montecarlo.py '{"d":20,"M":100,"prompts":100000,"lam":[[...]],"V":[[...]],"repeats":3}'
Prints one JSON object: {"direct": {...}, "fast": {...}, "normalsPerSecond": ...} with prompts per second,
estimates and standard errors (best of `repeats`), and Generator.standard_normal's draws per second.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blasinfo import info as blas_info  # noqa: E402


def direct(lam, V, M, prompts, chunk, rng):
    d = lam.shape[0]
    L = np.linalg.cholesky(lam)
    total = 0.0
    total2 = 0.0
    done = 0
    while done < prompts:
        B = min(chunk, prompts - done)
        w = rng.standard_normal((B, d))          # task covariance I
        xq = rng.standard_normal((B, d)) @ L.T   # query covariance Lambda
        Z = rng.standard_normal((B, M, d))       # prompt covariates, whitened
        wp = w @ L                               # rows: (L^T w)^T
        kp = (xq @ V.T) @ L                      # rows: (L^T V x_q)^T
        U = np.stack([wp, kp], axis=2)           # (B, d, 2)
        Zu = np.matmul(Z, U)                     # (B, M, 2): <w, x_i>, <V x_q, x_i>
        yhat = np.einsum('bm,bm->b', Zu[:, :, 0], Zu[:, :, 1]) / M
        err = yhat - np.einsum('bd,bd->b', w, xq)
        e2 = err * err
        total += e2.sum()
        total2 += (e2 * e2).sum()
        done += B
    return total, total2


def fast(lam, V, M, prompts, chunk, rng):
    d = lam.shape[0]
    vals, Q = np.linalg.eigh(lam)
    s = np.sqrt(vals)
    Vt = Q.T @ V @ Q                             # V in the eigenbasis
    total = 0.0
    total2 = 0.0
    done = 0
    while done < prompts:
        B = min(chunk, prompts - done)
        w = rng.standard_normal((B, d))          # task covariance I is rotation invariant
        xq = rng.standard_normal((B, d)) * s     # query ~ N(0, D)
        kx = xq @ Vt.T
        a = w * s
        b = kx * s
        aa = np.einsum('bd,bd->b', a, a)
        ab = np.einsum('bd,bd->b', a, b)
        bb = np.einsum('bd,bd->b', b, b)
        c00 = np.sqrt(aa)
        c10 = ab / c00
        c11 = np.sqrt(np.maximum(bb - c10 * c10, 0.0))
        t00 = np.sqrt(rng.chisquare(M, B))       # Bartlett T = [[t00, 0], [t10, t11]];
        t10 = rng.standard_normal(B)             # t11 enters only G11, which yhat does not use
        yhat = c00 * t00 * (c10 * t00 + c11 * t10) / M
        err = yhat - np.einsum('bd,bd->b', w, xq)
        e2 = err * err
        total += e2.sum()
        total2 += (e2 * e2).sum()
        done += B
    return total, total2


def timed(fn, lam, V, M, prompts, chunk, repeats, seed):
    best = float('inf')
    out = None
    for r in range(repeats):
        rng = np.random.default_rng(seed + r)
        t0 = time.perf_counter()
        s, s2 = fn(lam, V, M, prompts, chunk, rng)
        dt = time.perf_counter() - t0
        if dt < best:
            best = dt
            mean = s / prompts
            var = (s2 / prompts - mean * mean) * prompts / (prompts - 1)
            out = {'estimate': mean, 'standardError': float(np.sqrt(var / prompts))}
    out['seconds'] = best
    out['promptsPerSecond'] = prompts / best
    out['chunk'] = chunk
    return out


def normals_per_second(repeats):
    rng = np.random.default_rng(7)
    n = 1 << 20
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(10):
            rng.standard_normal(n)
        best = min(best, time.perf_counter() - t0)
    return 10 * n / best


def main():
    cfg = json.loads(sys.argv[1])
    lam = np.array(cfg['lam'], dtype=np.float64)
    V = np.array(cfg['V'], dtype=np.float64)
    M = int(cfg['M'])
    prompts = int(cfg['prompts'])
    repeats = int(cfg.get('repeats', 3))
    res = {
        'numpy': np.__version__,
        'direct': timed(direct, lam, V, M, prompts, int(cfg.get('directChunk', 512)), repeats, 1),
        'fast': timed(fast, lam, V, M, prompts, int(cfg.get('fastChunk', 16384)), repeats, 100),
        'normalsPerSecond': normals_per_second(3),
        'kernel': blas_info(),
    }
    print(json.dumps(res))


if __name__ == '__main__':
    main()
