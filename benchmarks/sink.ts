/**
 * The result sink: every benchmark loop's result, every warm-up's checksum and every
 * measurement's by-product is added here, and the total is printed at the end, so that no
 * work can be optimized away.
 *
 * @module
 */

let total = 0;

/** Adds `value` to the sink. */
export function addToSink(value: number): void {
  total += value;
}

/** The sum of everything added so far. */
export function sinkTotal(): number {
  return total;
}
