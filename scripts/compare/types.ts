/** One row of a side-by-side benchmark: our time or throughput against the reference's. */
export interface CompareRow {
  task: string;
  ours: number;
  reference: number;
  unit: string;
  referenceLabel: string;
  /** > 1: we are faster (times: reference / ours; throughputs: ours / reference). */
  speedup: number;
  notes: string;
}
