/**
 * The standard normal distribution function Φ and its inverse, written out here so that confidence
 * intervals depend on nothing outside this folder.
 *
 * - {@link normalQuantile}: Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988), relative
 *   accuracy about 1e-16 over (0, 1).
 * - {@link normalCdf}: for −3 < x < 5 the series Φ(x) = ½ + φ(x) Σ x^(2k+1)/(2k+1)!!, outside that range the Mills-ratio
 *   continued fraction of the tail (evaluated by Lentz's method); relative accuracy about 1e-15 in either
 *   tail.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Upper tail Q(x) = 1 − Φ(x) for x ≥ 5, by the continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))). */
function upperTailCf(x: number): number {
  // Lentz's method for f = x + 1/(x + 2/(x + …)), i.e. b_0 = x, a_k = k, b_k = x.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
}

/** Φ(x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 5) return 1 - upperTailCf(x);
  // In the lower tail ½ + φ(x)·series would cancel; the tail fraction keeps full relative accuracy there.
  if (x <= -3) return upperTailCf(-x);
  // Φ(x) = ½ + φ(x) (x + x³/3 + x⁵/(3·5) + …); terms positive for x > 0, the series converges for all x.
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let k = 1; k < 300; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + normalPdf(x) * sum;
}

/**
 * Φ⁻¹(p), the standard normal quantile, by Wichura's AS 241 (PPND16). Throws RangeError unless 0 < p < 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be a probability in the open interval (0, 1), got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

/**
 * The two-sided critical value z with P(|Z| ≤ z) = confidence, for `count` simultaneous quantities under a
 * Bonferroni correction (each interval at level 1 − (1 − confidence)/count).
 */
export function criticalValue(confidence: number, count = 1): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in the open interval (0, 1), got ${confidence}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer ≥ 1, got ${count}`);
  const alpha = (1 - confidence) / count;
  return normalQuantile(1 - alpha / 2);
}
