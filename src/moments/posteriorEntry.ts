/**
 * E[λ | x] when λ is drawn from an entry law and then x | λ ~ N(0, λ): the posterior mean of one diagonal
 * entry of a random covariance given one coordinate of the query. The query of a new prompt is drawn
 * from the prompt's own N(0, Λ_new) (Theorem 4.5's setting), so E[ŷ | x_q, w] involves E[Λ_new | x_q], not
 * E[Λ_new]. Computed by quadrature of ∫ λ φ(x; λ) p(λ) dλ / ∫ φ(x; λ) p(λ) dλ over log λ (composite
 * Simpson, 8001 nodes over [max(a, 1e-30), b or 10⁴·scale]), or as a finite sum for discrete laws.
 */
import { entryAtoms, entryDensity, entrySupport, type EntryLaw } from '../icl/entryLaws';

function normalDensity(x: number, variance: number): number {
  return Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
}

/** E[λ | x] for λ ~ `law`, x | λ ~ N(0, λ). */
export function posteriorEntryMean(law: EntryLaw, x: number): number {
  const atoms = entryAtoms(law);
  if (atoms) {
    let num = 0;
    let den = 0;
    for (const [l, p] of atoms) {
      const w = p * normalDensity(x, l);
      num += l * w;
      den += w;
    }
    return num / den;
  }
  const [a, b] = entrySupport(law);
  const lo = Math.log(Math.max(a, 1e-30));
  const hi = Math.log(Number.isFinite(b) ? b : 1e4 * (law.scale ?? 1));
  const n = 8000;
  const h = (hi - lo) / n;
  let num = 0;
  let den = 0;
  for (let k = 0; k <= n; k++) {
    const u = lo + k * h;
    // exp(log b) can round past b (exp(log 100) = 100.00000000000004): clamp the nodes into [a, b] so that an
    // end node of a bounded support keeps its density instead of falling outside (a lost end term, ~h error)
    const l = Math.min(Math.max(Math.exp(u), a), b);
    const wk = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
    const f = (entryDensity(law, l) ?? 0) * normalDensity(x, l) * l; // dλ = λ du
    num += wk * l * f;
    den += wk * f;
  }
  return num / den;
}
