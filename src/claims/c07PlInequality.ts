/** C07 — Lemma 5.4 (with Lemma A.5): the PL inequality along gradient flow, its rate, and u's lower bound. */
import type { PaperFormulas } from '../theory/formulas';
import { plInequalityProperty, plObservations } from '../../properties/section5';
import { checkProperty, fmt } from '../contract/propertyCheck';
import type { Claim } from '../contract/types';

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

/** The C07 claim. */
export function c07PlInequality(f: PaperFormulas): Claim {
  return {
    id: 'C07',
    source: 'Lemma 5.4 (eq. 5.7–5.8), Lemma A.5 (A.14)',
    statement:
      'from Assumption 3.3 with σ² < 2/(√d‖Γ‖_op), for all t ≥ 0: ‖∂ℓ̃/∂U‖²_F + (∂ℓ̃/∂u)² ≥ μ(ℓ̃ − min ℓ̃) with (5.7) μ = σ²‖ΛΘ‖²_F[2 − √dσ²‖Γ‖_op] / (√d‖Λ‖²_op tr(Γ⁻¹Λ⁻¹) tr(Λ⁻¹)); hence ℓ̃(t) − min ≤ e^{−μt}(ℓ̃(0) − min); and (A.14) u(t)² ≥ σ²‖ΛΘ‖²_F[2 − √dσ²‖Γ‖_op]/(2√d‖Λ‖²_op). (5.7) and (A.14) reconstructed from the proofs of Lemmas A.4, A.5 and 5.4 (glyphs lost); ‖ΛΘ‖²_F read as tr(Λ²ΘΘᵀ), as the proof of Lemma A.4 computes it',
    routes: ['theory', 'dynamics (stiff flow of the exact loss, every accepted step)', 'moments (ℓ̃ − min and ∇ℓ̃ from the exact loss)'],
    tolerance: {
      measure: 'largest of μ(ℓ̃−min)/‖∇ℓ̃‖², (ℓ̃(t)−min)/(e^{−μt}(ℓ̃(0)−min) + slack), u_min²/(|u(t)| + drift)² over the trajectory',
      bound: '1 + SAFETY·γ_{4d+4}·κ(P)κ(Q)',
      justification:
        'both sides are quadratic forms in Δ = uU − V* computed as P·Δ·Q (entrywise error γ_{2d} of |P||Δ||Q| ≤ κ(P)κ(Q) times the form); the slack is what integration error can add: each accepted step may move the state by √n(atol + rtol·s), ℓ̃ by ‖∇ℓ̃‖ times that, plus the rounding of ℓ̃ − min near V*',
    },
    async check(ctx) {
      const obs = plObservations();
      const res = checkProperty(plInequalityProperty(f, obs), ctx, { claimId: 'C07' });
      const notes = [
        `observed min over each trajectory of ‖∇ℓ̃‖²/(ℓ̃ − min ℓ̃), divided by μ: smallest ${fmt(Math.min(...obs.ratioOverMu))}, median ${fmt(quantile(obs.ratioOverMu, 0.5))} over ${obs.mu.length} trajectories (μ from ${fmt(Math.min(...obs.mu))} to ${fmt(Math.max(...obs.mu))}); μ is that much below what the flow shows`,
        `min u(t)² / u_min² (A.14): smallest ${fmt(Math.min(...obs.uOverBound))}, median ${fmt(quantile(obs.uOverBound, 0.5))}`,
        `largest (ℓ̃(t) − min)/(e^{−μt}(ℓ̃(0) − min) + slack): ${fmt(Math.max(...obs.rateUse))}`,
      ];
      return { ...res, notes: [...(res.notes ?? []), ...notes] };
    },
  };
}
