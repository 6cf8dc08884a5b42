"""SymPy twin of scripts/compare/symbolic.ts: P2's expansion, the reduced population loss
L(u, U) = 1/2 E(yhat - y_q)^2 from the LSA definition, done the same way as icl-audit's engines:

  yhat = e_{d+1}^T W^PV (sum_a z_a z_a^T + z_q z_q^T) W^KQ z_q / N at W^PV = [[0,0],[0,u]], W^KQ = [[U,0],[0,0]],
  z_a = (x_a; <w, x_a>), z_q = (x_q; 0); E[yhat^2] by coincidence classes (a = b: N terms, a != b: N(N-1)),
  each class's expectation by Isserlis/Wick pairings per independent vector (x_a, x_b, x_q: cov Lambda
  with symbols l11, l12, ...; w: identity), memoized by the multiset of indices.

Two SymPy forms are timed: `ring` (sparse distributed polynomials over QQ, sympy.polys.rings, the same
representation as our polynomial layer) and `expr` (general expressions with expand()). Output: JSON
with the best time (seconds, after imports and after building the ring) of each form for each d, the
term count of 2 N^2 L, and (ring form) its terms with exact coefficients, compared term by term there. Input (stdin): JSON {"dims": [2, 3], "repeats": 3}.
"""
import json
import sys
import time

import sympy as sp
from sympy.polys.rings import ring
from sympy.polys.domains import QQ


def names(d):
    xs = {s: [f'x{s}{k+1}' for k in range(d)] for s in ('a', 'b')}
    xq = [f'xq{k+1}' for k in range(d)]
    w = [f'w{k+1}' for k in range(d)]
    U = [f'U{i+1}{j+1}' for i in range(d) for j in range(d)]
    L = [f'l{i+1}{j+1}' for i in range(d) for j in range(i, d)]
    return xs, xq, w, U, L


def build(d, G, one, zero):
    """The summand for slots a and b, and y_q, from the definition (works for ring elements and Exprs)."""
    xs, xq, w, U, _ = names(d)
    u = G['u']
    r = [zero] * d + [u]
    K = [[G[f'U{i+1}{j+1}'] if i < d and j < d else zero for j in range(d + 1)] for i in range(d + 1)]
    zq = [G[n] for n in xq] + [zero]
    kzq = [sum((K[i][j] * zq[j] for j in range(d + 1)), zero) for i in range(d + 1)]

    def summand(s):
        xa = [G[n] for n in xs[s]]
        za = xa + [sum((G[w[k]] * xa[k] for k in range(d)), zero)]
        return sum((r[i] * za[i] for i in range(d + 1)), zero) * sum((za[i] * kzq[i] for i in range(d + 1)), zero)

    yq = sum((G[w[k]] * G[xq[k]] for k in range(d)), zero)
    return summand('a'), summand('b'), yq


def wick(cov, idx, memo, zero, one):
    if not idx:
        return one
    if len(idx) % 2:
        return zero
    key = tuple(idx)
    if key in memo:
        return memo[key]
    first, rest = idx[0], idx[1:]
    s = zero
    seen = set()
    for j, v in enumerate(rest):
        if v in seen:
            continue
        seen.add(v)
        mult = rest.count(v)
        c = cov[first][v]
        if c == zero:
            continue
        remaining = rest[:j] + rest[j + 1:]
        s = s + c * wick(cov, remaining, memo, zero, one) * mult
    memo[key] = s
    return s


def run_ring(d):
    xs, xq, w, U, L = names(d)
    allnames = ['u'] + U + L + ['N'] + xs['a'] + xs['b'] + xq + w
    R, *gens = ring(','.join(allnames), QQ)
    G = dict(zip(allnames, gens))
    t0 = time.perf_counter()
    zero, one = R.zero, R.one
    lam = [[G[f'l{min(i, j)+1}{max(i, j)+1}'] for j in range(d)] for i in range(d)]
    eye = [[one if i == j else zero for j in range(d)] for i in range(d)]
    vectors = [(xs['a'], lam), (xs['b'], lam), (xq, lam), (w, eye)]
    pos = {n: k for k, n in enumerate(allnames)}
    groups = [[pos[n] for n in v] for v, _ in vectors]
    memos = [dict() for _ in vectors]
    nrand = set(k for g in groups for k in g)

    def expect(p):
        out = zero
        cache = {}
        for monom, coeff in p.terms():
            key = tuple(monom[k] for k in sorted(nrand))
            mom = cache.get(key)
            if mom is None:
                mom = one
                for gi, g in enumerate(groups):
                    idx = [j for j, k in enumerate(g) for _ in range(monom[k])]
                    mom = mom * wick(vectors[gi][1], idx, memos[gi], zero, one)
                    if mom == zero:
                        break
                cache[key] = mom
            if mom == zero:
                continue
            rest = tuple(0 if k in nrand else e for k, e in enumerate(monom))
            out = out + mom * R({rest: coeff})
        return out

    ga, gb, yq = build(d, G, one, zero)
    # the a = b class: rename b to a, i.e. use ga*ga
    eaa = expect(ga * ga)
    eab = expect(ga * gb)
    eay = expect(ga * yq)
    eyy = expect(yq * yq)
    N = G['N']
    num = N * eaa + N * (N - 1) * eab - 2 * N * N * eay + N * N * eyy  # = 2 N^2 L
    return time.perf_counter() - t0, len(num.terms()), (allnames, num)


def ring_terms(allnames, num):
    """2 N^2 L's terms as [monomial, "p/q"]: variables sorted by name, 'name^e' (e > 1) joined by '*'."""
    out = []
    for monom, coeff in num.terms():
        parts = sorted((allnames[k], e) for k, e in enumerate(monom) if e)
        key = '*'.join(n if e == 1 else f'{n}^{e}' for n, e in parts)
        out.append([key, f'{int(QQ.numer(coeff))}/{int(QQ.denom(coeff))}'])
    return out


def run_expr(d):
    xs, xq, w, U, L = names(d)
    allnames = ['u'] + U + L + ['N'] + xs['a'] + xs['b'] + xq + w
    G = {n: sp.Symbol(n) for n in allnames}
    t0 = time.perf_counter()
    zero, one = sp.Integer(0), sp.Integer(1)
    lam = [[G[f'l{min(i, j)+1}{max(i, j)+1}'] for j in range(d)] for i in range(d)]
    eye = [[one if i == j else zero for j in range(d)] for i in range(d)]
    vectors = [(xs['a'], lam), (xs['b'], lam), (xq, lam), (w, eye)]
    memos = [dict() for _ in vectors]
    symgroups = [[G[n] for n in v] for v, _ in vectors]
    rand = set(s for g in symgroups for s in g)

    def expect(p):
        p = sp.expand(p)
        out = zero
        for term in sp.Add.make_args(p):
            powers = term.as_powers_dict()
            mom = one
            for gi, g in enumerate(symgroups):
                idx = [j for j, s in enumerate(g) for _ in range(int(powers.get(s, 0)))]
                mom = mom * wick(vectors[gi][1], idx, memos[gi], zero, one)
                if mom == zero:
                    break
            if mom == zero:
                continue
            rest = term.subs({s: 1 for s in rand if s in powers})
            out = out + mom * rest
        return sp.expand(out)

    ga, gb, yq = build(d, G, one, zero)
    eaa = expect(ga * ga)
    eab = expect(ga * gb)
    eay = expect(ga * yq)
    eyy = expect(yq * yq)
    N = G['N']
    num = sp.expand(N * eaa + N * (N - 1) * eab - 2 * N * N * eay + N * N * eyy)
    return time.perf_counter() - t0, len(sp.Add.make_args(num)), None


def main():
    cfg = json.loads(sys.stdin.read() or '{}')
    dims = cfg.get('dims', [2, 3])
    repeats = cfg.get('repeats', 3)
    import os
    import platform
    gmpy = sp.external.gmpy.GROUND_TYPES if hasattr(sp, 'external') else '?'
    out = {'sympy': sp.__version__, 'results': {}, 'kernel': {'python': platform.python_version(), 'groundTypes': gmpy, 'threads': 1, 'cpuCount': os.cpu_count()}}
    for d in dims:
        for form, fn in (('ring', run_ring), ('expr', run_expr)):
            if form == 'expr' and d > 3:
                continue  # general expand() at d = 4 takes far longer than the ring; the ring is the reference
            times, terms, poly = [], None, None
            reps = (repeats if d < 4 else 2) if form == 'ring' else (repeats if d < 3 else max(1, repeats // 2))
            for _ in range(reps):
                t, terms, poly = fn(d)
                times.append(t)
            out['results'][f'{form}-d{d}'] = {'seconds': min(times), 'terms': terms, 'runs': reps}
            if poly is not None:
                out['results'][f'{form}-d{d}']['poly'] = ring_terms(*poly)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
