/**
 * Streaming mean and variance, numerically stable: Welford's update for single values, and for chunks a
 * two-pass mean/sum of squares of the chunk merged with Chan, Golub and LeVeque's pairwise formula (so a
 * long run is a sum of well-conditioned chunk summaries rather than one long running sum).
 */

/** Running count, mean and sum of squared deviations (M2) of a stream of numbers. */
export class RunningMoments {
  /** Number of values seen. */
  count = 0;
  /** Their mean (0 when none). */
  mean = 0;
  /** Σ (x − mean)². */
  m2 = 0;

  /** Add one value (Welford). */
  push(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }

  /**
   * Add `count` values read from `data[offset + k·stride]`, k = 0…count−1: two passes over the chunk, then
   * a pairwise merge.
   */
  pushChunk(data: ArrayLike<number>, offset: number, count: number, stride = 1): void {
    if (count <= 0) return;
    let s = 0;
    for (let k = 0, i = offset; k < count; k++, i += stride) s += data[i];
    const m = s / count;
    let m2 = 0;
    let c = 0;
    for (let k = 0, i = offset; k < count; k++, i += stride) {
      const dx = data[i] - m;
      m2 += dx * dx;
      c += dx;
    }
    m2 -= (c * c) / count; // compensation for rounding in m (Björck's corrected two-pass)
    this.merge(count, m, Math.max(m2, 0));
  }

  /** Merge a summary (count, mean, M2) of other values into this one. */
  merge(count: number, mean: number, m2: number): void {
    if (count <= 0) return;
    if (this.count === 0) {
      this.count = count;
      this.mean = mean;
      this.m2 = m2;
      return;
    }
    const n = this.count + count;
    const delta = mean - this.mean;
    this.mean += (delta * count) / n;
    this.m2 += m2 + (delta * delta * this.count * count) / n;
    this.count = n;
  }

  /** Unbiased sample variance (NaN with fewer than two values). */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : NaN;
  }

  /** Standard error of the mean, √(variance / count). */
  get standardError(): number {
    return Math.sqrt(this.variance / this.count);
  }
}
