/**
 * P5 (C06, C08): solve ∇_V L = 0 exactly (Cramer's rule on the linear system the derived L gives), show
 * V = Γ⁻¹, the Hessian in V positive definite, and the minimum value ½[tr Λ − tr(Γ⁻¹Λ²)].
 * d = 1 fully symbolic in λ and N; d = 2 with symbolic diagonal Λ and with a random rational full Λ
 * (N symbolic in both).
 */
import type { Mat } from '../src/linalg/matrix';
import { quadraticMinimizer, trainingLossModel } from '../src/moments';
import { DEFAULT_SEED } from '../src/random/seed';
import { stream, type Stream } from '../src/random/stream';
import { Poly, constant } from '../src/symbolic/poly';
import { RING } from './ring';
import { RatFunc, substituteRationalFn } from '../src/symbolic/ratfunc';
import { constantMatrix, sDet, type SMat } from '../src/symbolic/matrix';
import { nDiff, nExpand, nInverse } from '../src/symbolic/nerdamerEngine';
import { GenericPointDraw, assertGenericPoint, matrixPoint, relativeError, toMat } from '../src/symbolic/points';
import { monteCarloTestError, Z_BOUND, zCheck } from '../src/symbolic/montecarlo';
import { rat, rtoNumber, rtoString, type Rat } from '../src/symbolic/rational';
import { PAPER_MODEL } from '../src/symbolic/model';
import { derivedLoss, lambdaSymbols } from './derived';
import { minimizerPaper, minimumValuePaper } from './paper';
import { StepLog, checkDimension } from './steps';
import type { Derivation, ProveOptions } from './types';

const TITLE = 'Solve ∇_V L = 0: V = Γ⁻¹, positive definite Hessian, minimum value';

/** Whether r > 0 for all positive values of its variables, shown by num·den having only positive coefficients. */
function positiveByCoefficients(r: RatFunc, shiftN = false): boolean {
  let p = r.num.mul(r.den);
  if (shiftN) p = p.subs({ N: RING.sym('N').add(constant(1)) }); // N = 1 + t, t ≥ 0
  return p.allCoefficientsPositive();
}

/** The derivation P5. */
export const P5: Derivation = {
  id: 'P5',
  title: TITLE,
  claims: ['C06', 'C08'],
  dims: [1, 2, 3],
  maxD: 3,
  async run(opts: ProveOptions) {
    const { d } = opts;
    checkDimension('P5', d, 3);
    const model = opts.model ?? PAPER_MODEL;
    const log = new StepLog();
    const rng = stream(opts.seed ?? DEFAULT_SEED).child(`P5-d${d}`);
    const cases: Array<{ label: string; shape: 'full' | 'diagonal'; values?: Rat[][] }> =
      d === 1 ? [{ label: 'symbolic λ, N', shape: 'full' }] : [{ label: 'symbolic diagonal Λ, N', shape: 'diagonal' }, { label: 'random rational full Λ, symbolic N', shape: 'full', values: genericSpd(rng.child('lambda'), d, 'P5 full Λ') }];
    const Vn = Array.from({ length: d * d }, (_, k) => `V${Math.floor(k / d) + 1}${(k % d) + 1}`);

    for (const c of cases) {
      const tag = `[${c.label}]`;
      let L = derivedLoss(d, 'V', c.shape, model).value;
      let lam: SMat = lambdaSymbols(d, c.shape);
      if (c.values) {
        const at: Record<string, Poly> = {};
        for (const [n, r] of Object.entries(matrixPoint('l', c.values))) at[n] = Poly.constant(r);
        L = L.subs(at);
        lam = constantMatrix(c.values);
      }
      if (!c.values) log.exports[`L_V_${c.shape}`] = L.toString();
      const sys = log.run<{ H: SMat; b: RatFunc[] }>(`${tag} ∇_V L from P2’s derivation (V = uU): affine in V, H vec(V) = b with H = ∂²L/∂V², b = −∇L(0)`, () => {
        const g = Vn.map((n) => L.diff(n));
        const H = g.map((gi) => Vn.map((n) => gi.diff(n)));
        const zero = Object.fromEntries(Vn.map((n) => [n, constant(0)]));
        const b = g.map((gi) => gi.subs(zero).neg());
        const quadratic = H.every((row) => row.every((h) => Vn.every((n) => h.diff(n).isZero())));
        return { ok: quadratic, value: { H, b }, detail: quadratic ? `${d * d}×${d * d} system, H constant in V` : 'L is not quadratic in V' };
      })!;
      const vstar = log.run<RatFunc[]>(`${tag} solve by Cramer’s rule (exact determinants by Laplace expansion)`, () => {
        const det = sDet(sys.H);
        if (det.isZero()) return { ok: false, detail: 'det H ≡ 0: no unique stationary point' };
        const x = Vn.map((_, i) => sDet(sys.H.map((row, r) => row.map((h, j) => (j === i ? sys.b[r] : h)))).div(det));
        return { ok: true, value: x, detail: `det H has ${det.num.size} terms` };
      })!;
      if (!c.values) Vn.forEach((n, k) => (log.exports[`Vstar_${c.shape}_${n}`] = vstar[k].toString()));
      const gi = minimizerPaper(lam);
      log.run(`${tag} V* = Γ⁻¹ (Lemma 5.3, Theorem 4.1), entrywise difference expanded to 0`, () => {
        const bad = Vn.filter((n, k) => !vstar[k].equals(gi[Math.floor(k / d)][k % d]));
        return { ok: bad.length === 0, detail: bad.length ? `differs at ${bad.join(', ')}` : `${d * d} entries identical` };
      });
      log.run(`${tag} Hessian in V positive definite: every leading principal minor > 0 (num·den with only positive coefficients${c.values ? ' in t = N − 1 ≥ 0' : ' for λ, N > 0'})`, () => {
        const bad: number[] = [];
        for (let k = 1; k <= d * d; k++) {
          const minor = sDet(sys.H.slice(0, k).map((row) => row.slice(0, k)));
          if (!positiveByCoefficients(minor, !!c.values)) bad.push(k);
        }
        return { ok: bad.length === 0 || 'inconclusive', detail: bad.length ? `minor(s) ${bad.join(', ')} not shown positive by coefficient signs` : `${d * d} minors positive` };
      });
      const minVal = log.run<RatFunc>(`${tag} L(V*) = ½[tr Λ − tr(Γ⁻¹Λ²)] (C08), difference expanded to 0`, () => {
        const values = Object.fromEntries(Vn.map((n, k) => [n, vstar[k]]));
        const m = substituteRationalFn(L, values);
        const ok = m.equals(minimumValuePaper(lam));
        return { ok, value: m, detail: ok ? 'identical' : 'differs' };
      });
      if (minVal && !c.values) log.exports[`Lmin_${c.shape}`] = minVal.toString();

      // numeric and second-engine confirmation at a random rational point
      const lamQ = c.values ?? (c.shape === 'diagonal' ? genericDiagonal(rng.child('diag'), d) : genericSpd(rng.child('lam1'), d, 'P5 Λ'));
      const nVal = 6;
      const point: Record<string, Rat> = { ...matrixPoint('l', lamQ), N: rat(BigInt(nVal)) };
      const vQ = vstar.map((x) => x.evaluate(point));
      log.run(`${tag} at a random rational point (N = ${nVal}): V* = P⁻¹BQ⁻¹ from src/moments (numeric), relative error ≤ 1e-10`, () => {
        const m = trainingLossModel(toMat(lamQ), nVal);
        const vNum: Mat = quadraticMinimizer(m);
        let worst = 0;
        Vn.forEach((_, k) => (worst = Math.max(worst, relativeError(rtoNumber(vQ[k]), vNum[Math.floor(k / d)][k % d], 1e-9))));
        return { ok: worst <= 1e-10, detail: `worst relative error ${worst.toExponential(2)}` };
      });
      if (opts.monteCarlo !== false)
        log.run(`${tag} at that point: the minimum value vs Monte Carlo (4·10⁴ prompts) within ${Z_BOUND} standard errors`, () => {
          const v = Vn.map((_, k) => rtoNumber(vQ[k]));
          const V: Mat = Array.from({ length: d }, (_, i) => v.slice(i * d, i * d + d));
          const exact = rtoNumber(minimumValuePaper(lam).evaluate(point));
          const est = monteCarloTestError({ d, promptCov: toMat(lamQ) }, nVal, V, 40000, rng.child('mc'));
          const half = { mean: est.mean / 2, se: est.se / 2, count: est.count };
          const { ok, z } = zCheck(exact, half);
          return { ok, detail: `½E(ŷ − y)² sampled ${half.mean.toPrecision(6)} ± ${half.se.toPrecision(2)}, exact ${exact.toPrecision(6)}, |z| = ${z.toFixed(2)}` };
        });
      if (opts.nerdamer !== false)
        log.run(`${tag} nerdamer: its diff of the exported L(V), at V = Γ⁻¹ built in nerdamer from Γ’s definition, is 0 at that point; the minimum value agrees`, () => {
          const at = Object.fromEntries(Object.entries(point).map(([n, r]) => [n, `(${rtoString(r)})`]));
          const sub = (s: string): string => s.replace(/\b(l\d\d|N)\b/g, (m) => at[m] ?? m);
          const lam2 = lamQ.map((row) => row.map((r) => `(${rtoString(r)})`));
          const tr = lam2.map((row, i) => row[i]).join('+');
          const G = lam2.map((row, i) => row.map((x, j) => nExpand(`(1+1/${nVal})*${x}+(${i === j ? `(${tr})/${nVal}` : '0'})`)));
          const inv = nInverse(G);
          const vAt = Object.fromEntries(Vn.map((n, k) => [n, `(${inv[Math.floor(k / d)][k % d]})`]));
          const num = L.num.toString();
          const den = sub(L.den.toString());
          const subV = (s: string): string => sub(s).replace(/\bV\d\d\b/g, (m) => vAt[m]);
          const bad = Vn.filter((n) => nExpand(subV(nDiff(num, n))) !== '0');
          const lmin = nExpand(`(${subV(num)})/(${den})`);
          const okMin = lmin === nExpand(rtoString(minimumValuePaper(lam).evaluate(point)));
          return { ok: bad.length === 0 && okMin, detail: `${bad.length ? `gradient nonzero at ${bad.join(', ')}` : 'gradient 0'}; minimum ${lmin} ${okMin ? 'agrees' : 'DIFFERS'}` };
        });
    }
    return log.result('P5', TITLE, P5.claims, opts);
  },
};

/** A random SPD Λ whose entries are nonzero and distinct (guarded). */
function genericSpd(rng: Stream, d: number, what: string): Rat[][] {
  const lam = new GenericPointDraw(rng).spd(d);
  assertGenericPoint(`${what} (d = ${d})`, matrixPoint('l', lam));
  return lam;
}

/** A random diagonal Λ whose diagonal entries (in [1/4, 2)) are distinct (guarded). */
function genericDiagonal(rng: Stream, d: number): Rat[][] {
  const lam = new GenericPointDraw(rng).diagonal(d);
  assertGenericPoint(`P5 diagonal Λ (d = ${d})`, Object.fromEntries(lam.map((row, i) => [`l${i + 1}${i + 1}`, row[i]])));
  return lam;
}
