/**
 * Exact arithmetic on doubles, the reference for the float reductions: every finite double
 * is an integer multiple of 2^-1074, so `x * 2^1074` is an exact BigInt, and sums and
 * products of those are exact too.
 */

const bits = new DataView(new ArrayBuffer(8));

/** `x * 2^1074` as an exact BigInt, for finite `x`. */
export function scaled(x: number): bigint {
  bits.setFloat64(0, x);
  const word = bits.getBigUint64(0);
  const exponent = Number((word >> 52n) & 0x7ffn);
  const fraction = word & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return word >> 63n ? -magnitude : magnitude;
}

export const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * Whether `computed` is within `gamma(h) * magnitudes + slack` of `exact`, all at the same
 * scale, so that the comparison is exact: `gamma(h) = h*u / (1 - h*u)` with `u = 2^-53`, that
 * is `|c - e| * (2^53 - h) <= h * magnitudes + slack * (2^53 - h)`.
 */
export function withinGamma(computed: bigint, exact: bigint, magnitudes: bigint, h: number, slack = 0n): boolean {
  const denominator = (1n << 53n) - BigInt(h);
  return abs(computed - exact) * denominator <= BigInt(h) * magnitudes + slack * denominator;
}

/** The left-to-right loop the pairwise reductions replace. */
export function naiveSum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
