/** Recording samples along a run within a fixed memory budget, and thinning them for reports. */
import type { FlowTrajectory } from './types';

/**
 * Keeps at most `2·max` samples evenly spaced in step count: every offered sample whose index is a
 * multiple of the current stride is stored; when the buffer is full, every other stored sample is
 * dropped and the stride doubles. `finish` appends the final state when it is not the last stored one.
 */
export class TrajectoryRecorder {
  private readonly max: number;
  private stride = 1;
  private offered = 0;
  private lastKeptIndex = -1;
  readonly data: FlowTrajectory = { t: [], loss: [], relDistance: [], balance: [] };

  constructor(maxSamples = 1000) {
    if (!Number.isInteger(maxSamples) || maxSamples < 2) throw new RangeError(`maxSamples must be an integer ≥ 2, got ${maxSamples}`);
    this.max = maxSamples;
  }

  /** True when the next offered sample would be kept (lets callers skip computing it). */
  wants(): boolean {
    return this.offered % this.stride === 0;
  }

  /** Count a step whose sample is not computed (only when {@link wants} is false). */
  skip(): void {
    this.offered++;
  }

  /** Offer the sample of one accepted step (the initial state counts as step 0). */
  offer(t: number, loss: number, relDistance: number, balance: number): void {
    const i = this.offered++;
    if (i % this.stride !== 0) return;
    this.push(t, loss, relDistance, balance);
    this.lastKeptIndex = i;
    if (this.data.t.length >= 2 * this.max) {
      for (const key of ['t', 'loss', 'relDistance', 'balance'] as const) this.data[key] = this.data[key].filter((_, j) => j % 2 === 0);
      this.stride *= 2;
    }
  }

  /** Append the final sample unless the last offered one was kept. */
  finish(t: number, loss: number, relDistance: number, balance: number): FlowTrajectory {
    if (this.lastKeptIndex !== this.offered - 1 || this.offered === 0) this.push(t, loss, relDistance, balance);
    return this.data;
  }

  private push(t: number, loss: number, relDistance: number, balance: number): void {
    this.data.t.push(t);
    this.data.loss.push(loss);
    this.data.relDistance.push(relDistance);
    this.data.balance.push(balance);
  }
}

/** At most `max` samples of a trajectory, evenly spaced in sample index, first and last always kept. */
export function subsampleTrajectory(traj: FlowTrajectory, max = 200): FlowTrajectory {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer ≥ 2, got ${max}`);
  const n = traj.t.length;
  if (n <= max) return { t: traj.t.slice(), loss: traj.loss.slice(), relDistance: traj.relDistance.slice(), balance: traj.balance.slice() };
  const idx: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    if (idx.length === 0 || idx[idx.length - 1] !== i) idx.push(i);
  }
  const pick = (a: number[]): number[] => idx.map((i) => a[i]);
  return { t: pick(traj.t), loss: pick(traj.loss), relDistance: pick(traj.relDistance), balance: pick(traj.balance) };
}
