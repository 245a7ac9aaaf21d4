/**
 * The comparison's result cells and their lookup, in a module of their own so that the
 * report's pure parts (the verdict, the chart, the goals) use them without loading the runner.
 *
 * @module
 */

import type { OpId } from './operations.js';

/** One measured cell: an implementation doing an operation at a capacity. */
export interface Cell {
  /** Implementation id. */
  readonly impl: string;
  /** Operation id. */
  readonly op: OpId;
  /** Capacity. */
  readonly capacity: number;
  /** Element operations per second (from the median latency over rounds). */
  readonly opsPerSec: number;
  /** Median over rounds of (this latency / the baseline's latency in the same round). */
  readonly ratio: number;
  /** Smallest per-round ratio. */
  readonly ratioLow: number;
  /** Largest per-round ratio. */
  readonly ratioHigh: number;
  /** Set when the loop composes the operation from other methods (see the family's notes). */
  readonly note?: string;
}

/** The cell of `impl` doing `op` at `capacity`; undefined when it was not measured. */
export function cellOf(cells: readonly Cell[], impl: string, op: OpId, capacity: number): Cell | undefined {
  return cells.find((c) => c.impl === impl && c.op === op && c.capacity === capacity);
}
