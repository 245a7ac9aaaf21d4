/**
 * The statistics of the suite: medians, spreads and paired ratios over rounds.
 *
 * @module
 */

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The `p`-quantile of `values` (0 <= p <= 1), interpolated linearly between the two
 * nearest order statistics (R's type 7, numpy's default): `quantile(v, 0.5)` is the median.
 * NaN when empty.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** A ratio measured once per round: its median and its spread over the rounds. */
export interface RatioStats {
  /** Median over rounds. */
  readonly median: number;
  /** Smallest per-round ratio. */
  readonly low: number;
  /** Largest per-round ratio. */
  readonly high: number;
  /** First quartile of the per-round ratios. */
  readonly q1: number;
  /** Third quartile of the per-round ratios: `q3 - q1` is the interquartile range. */
  readonly q3: number;
  /** How many rounds (paired ratios) the figures are over. */
  readonly rounds: number;
}

/**
 * The ratios `own[i] / base[i]` of two series measured side by side (index = round), so
 * that slow drifts of a shared machine cancel: the median, the quartiles and the range over rounds.
 */
export function pairedRatios(own: readonly number[], base: readonly number[]): RatioStats {
  const ratios = own.map((value, round) => value / base[round]);
  return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75), rounds: ratios.length };
}

/** `count` pseudo-random integers below 2^31 from a fixed seed (xorshift32): the same sequence in every run. */
export function randomIndexes(count: number, seed = 0x9e3779b9): Uint32Array {
  const out = new Uint32Array(count);
  let x = seed | 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 1;
  }
  return out;
}
