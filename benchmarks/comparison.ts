/**
 * Scenario table "operations", the comparison docs/benchmarks.md reports: every operation
 * of `operations.ts` on every implementation of `implementations.ts`, at each capacity, as
 * ratios to the raw typed array of the same element type measured in the same round.
 *
 * @module
 */

import { arrayOf, valueOffset, type ElementKind, type NumericArray } from './classes.js';
import { compileCopy } from './clone.js';
import type { Mode } from './config.js';
import { consumeView } from './consumer.js';
import { IMPLEMENTATIONS, baselineOf, fullContainer, type Implementation } from './implementations.js';
import { OPERATIONS, type OpId, type Operation } from './operations.js';
import { PRIME_CAPACITY, contender, runCases, timerOverheadMs, type Case, type CaseResult, type Progress } from './runner.js';
import { sinkTotal } from './sink.js';
import type { BenchState, Consumer } from './state.js';
import { median, pairedRatios, randomIndexes } from './stats.js';
import type { WarmUp } from './warm.js';
import type { Cell } from './cells.js';

export { cellOf, type Cell } from './cells.js';

/** The warm-up before the comparison (and its memory and GC measurements): every class, own buffers, common methods. */
export const COMPARISON_WARMUP: WarmUp = { cycles: 2000, storages: ['own buffer'], kernels: false };

/** Everything the comparison produced. */
export interface SpeedResults {
  /** The capacities measured, smallest first ({@link comparisonCapacities}). */
  readonly capacities: readonly number[];
  /** The cells; an implementation that cannot do an operation has no cell for it. */
  readonly cells: readonly Cell[];
  /** The cost of one `performance.now()` call, subtracted from self-timed regions, in ns. */
  readonly timerOverheadNs: number;
  /** The result sink when the comparison ended: printed so that no loop's work can be optimized away. */
  readonly sink: number;
}

/** A case of this table: one operation at one capacity, every implementation a contender. */
export interface OperationCase extends Case {
  /** The operation. */
  readonly op: Operation;
  /** The capacity. */
  readonly capacity: number;
  /** Element operations in one call. */
  readonly elementOps: number;
  /** Per implementation id: its note, when the loop composes the operation. */
  readonly notes: ReadonlyMap<string, string>;
}

/** The inputs every loop of one element kind shares at one capacity. */
interface Shared {
  readonly src: NumericArray;
  readonly dst: NumericArray;
  readonly rand: Uint32Array;
}

/** `n` elements `i + off` of `kind`'s typed array: what every full container holds. */
export function sourceValues(kind: ElementKind, n: number): NumericArray {
  const src = new (arrayOf(kind))(n);
  const off = valueOffset(kind);
  for (let i = 0; i < n; i++) src[i] = i + off;
  return src;
}

/** The helpers a loop calls, from its state. */
export type Helpers = Pick<BenchState<unknown>, 'consume' | 'refill'>;

/** The helpers one implementation's loops call, each its own compiled copy named after `name` (`clone.ts`). */
export function helpersOf(impl: Implementation, name: string): Helpers {
  return { consume: compileCopy<Consumer>(consumeView, `consume_${name}`), refill: compileCopy(impl.family.refill, `refill_${name}`) };
}

function makeState(mode: Mode, op: Operation, container: unknown, capacity: number, shared: Shared, kind: ElementKind, helpers: Helpers): BenchState<unknown> {
  const count = op.count(capacity);
  const { src, dst, rand } = shared;
  const { consume, refill } = helpers;
  const reps = op.reps(capacity, mode.elementsPerCall);
  return { v: container, cap: capacity, reps, count, off: valueOffset(kind), src, prefix: src.subarray(0, capacity - count), rand, dst, consume, refill, overhead: timerOverheadMs(), elapsed: 0 };
}

/**
 * The cases at one capacity: one per operation, each implementation that can do it a
 * contender validated against the raw baseline of its kind. Every implementation's
 * container (full) and helper copies are shared by its loops.
 */
export function operationCases(mode: Mode, capacity: number, impls: readonly Implementation[], ops: readonly Operation[]): OperationCase[] {
  const shared = new Map<string, Shared>();
  const inputs = (kind: ElementKind, cap: number): Shared => {
    const key = `${kind}/${cap}`;
    if (!shared.has(key)) shared.set(key, { src: sourceValues(kind, cap), dst: new (arrayOf(kind))(cap), rand: randomIndexes(cap) });
    return shared.get(key)!;
  };
  const containers = impls.map((impl) => ({
    impl,
    container: fullContainer(impl, capacity),
    primer: fullContainer(impl, PRIME_CAPACITY),
    helpers: helpersOf(impl, `${impl.id}_${capacity}`),
  }));
  const primeMode = { ...mode, elementsPerCall: 4 * PRIME_CAPACITY };
  return ops.map((op) => {
    const notes = new Map<string, string>();
    const contenders = containers.flatMap(({ impl, container, primer, helpers }) => {
      const loop = impl.family.loops[op.id];
      if (loop === undefined) return [];
      const note = impl.family.notes?.[op.id];
      if (note !== undefined) notes.set(impl.id, note);
      const baseline = baselineOf(impl.kind).id;
      return [
        contender({
          id: impl.id,
          loop,
          state: makeState(mode, op, container, capacity, inputs(impl.kind, capacity), impl.kind, helpers),
          primer: makeState(primeMode, op, primer, PRIME_CAPACITY, inputs(impl.kind, PRIME_CAPACITY), impl.kind, helpers),
          baseline: impl.id === baseline ? undefined : baseline,
        }),
      ];
    });
    return { id: `${op.id}_${capacity}`, label: op.label, selfTimed: op.selfTimed, contenders, op, capacity, elementOps: op.reps(capacity, mode.elementsPerCall) * op.count(capacity), notes };
  });
}

/** The cells of one measured case: every contender's rate and its paired ratios to its baseline. */
function cellsOf(result: CaseResult<OperationCase>): Cell[] {
  const { case: kase, latencies } = result;
  return kase.contenders.map((c) => {
    const own = latencies.get(c.id)!;
    const ratio = pairedRatios(own, latencies.get(c.baseline ?? c.id)!);
    const opsPerSec = kase.elementOps / (median(own) / 1000);
    return { impl: c.id, op: kase.op.id, capacity: kase.capacity, opsPerSec, ratio: ratio.median, ratioLow: ratio.low, ratioHigh: ratio.high, note: kase.notes.get(c.id) };
  });
}

/** The capacities the operations table runs at: the mode's block size, if any, then its capacities. */
export function comparisonCapacities(mode: Mode): readonly number[] {
  return mode.blockSize === null ? mode.capacities : [mode.blockSize, ...mode.capacities];
}

/**
 * Runs the comparison, one capacity at a time (so that only one capacity's containers are
 * alive): builds the cases and hands them to the runner.
 *
 * @param mode - the run mode.
 * @param progress - receives a line per operation measured.
 * @param impls - the implementations (every one, by default); must include the baseline of each kind used.
 * @param ops - the operations (every one, by default).
 */
export function runComparison(mode: Mode, progress: Progress, impls: readonly Implementation[] = IMPLEMENTATIONS, ops: readonly Operation[] = OPERATIONS): SpeedResults {
  const cells: Cell[] = [];
  const capacities = comparisonCapacities(mode);
  for (const capacity of capacities) {
    for (const result of runCases(operationCases(mode, capacity, impls, ops), mode, progress, `capacity ${capacity}`)) cells.push(...cellsOf(result));
  }
  return { capacities, cells, timerOverheadNs: timerOverheadMs() * 1e6, sink: sinkTotal() };
}
