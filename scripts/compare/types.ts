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
  /** Threads our side used. */
  oursThreads: number;
  /** The reference's kernel: its BLAS and the BLAS thread count (threadpoolctl, else numpy.show_config), or the interpreter. */
  referenceKernel: string;
}

/** What a Python twin reports of its kernel (scripts/compare/blasinfo.py). */
export interface KernelInfo {
  numpy?: string;
  blas?: string;
  threads?: number | null;
  source?: string;
  python?: string;
  groundTypes?: string;
  cpuCount?: number;
}

/** One line describing a reference's kernel. */
export function kernelLabel(k: KernelInfo | undefined): string {
  if (!k) return 'unknown';
  if (k.blas) return `${k.blas}, ${k.threads ?? '?'} BLAS thread${k.threads === 1 ? '' : 's'} (${k.source ?? ''})`;
  return `CPython ${k.python ?? '?'}, ground types ${k.groundTypes ?? '?'}, ${k.threads ?? 1} thread`;
}
