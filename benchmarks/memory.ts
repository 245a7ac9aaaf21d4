/**
 * Memory per element and garbage collections in a steady-state loop, for every
 * implementation of the comparison. Needs `node --expose-gc`.
 *
 * @module
 */

import { arrayOf, valueOffset } from './classes.js';
import { compileCopy } from './clone.js';
import { comparisonCapacities, helpersOf, sourceValues } from './comparison.js';
import type { Mode } from './config.js';
import { GcRecorder, fullGc, type GcCount, type GcCounting, type GcWindow } from './gc.js';
import { IMPLEMENTATIONS, fullContainer, type Implementation } from './implementations.js';
import { addToSink } from './sink.js';
import type { BenchState } from './state.js';

/** Bytes per element of one implementation at one capacity. */
export interface MemoryResult {
  /** Implementation id. */
  readonly impl: string;
  /** Capacity of each vector built. */
  readonly capacity: number;
  /** How many full vectors were built and kept alive. */
  readonly vectors: number;
  /** (heapUsed + external) growth divided by the number of elements stored. */
  readonly bytesPerElement: number;
}

/** Garbage collections seen during one implementation's steady-state loop. */
export interface GcResult extends GcCount {
  /** Implementation id. */
  readonly impl: string;
  /** Operations in the loop (push, get, pop each count one). */
  readonly operations: number;
  /** Wall time per operation, in ns. */
  readonly nsPerOp: number;
}

/** The capacity of the vector used by the steady-state loop; it holds half of it. */
export const GC_LOOP_CAPACITY = 1024;
/** Push/get/pop steps per call of the steady-state loop. */
export const GC_STEPS_PER_CALL = 50_000;
/** Calls before the measured window: enough for V8 to replace on-stack-replacement code with the fully optimized function. */
export const GC_WARMUP_CALLS = 30;

function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Builds `vectors` full containers of `capacity` and measures how much the heap grew per element. */
function bytesPerElement(impl: Implementation, capacity: number, vectors: number): number {
  const keep: unknown[] = new Array(vectors).fill(null);
  fullGc(2);
  const before = heapBytes();
  for (let k = 0; k < vectors; k++) keep[k] = fullContainer(impl, capacity);
  fullGc(2);
  const after = heapBytes();
  addToSink(keep.length);
  return (after - before) / (vectors * capacity);
}

/**
 * Bytes per element for every implementation at every capacity the operations table runs at, building
 * enough vectors to store about `mode.memoryElements` elements (at least one vector).
 */
export function measureMemory(mode: Mode): MemoryResult[] {
  const results: MemoryResult[] = [];
  for (const capacity of comparisonCapacities(mode)) {
    const vectors = Math.max(1, Math.round(mode.memoryElements / capacity));
    for (const impl of IMPLEMENTATIONS) {
      results.push({ impl: impl.id, capacity, vectors, bytesPerElement: bytesPerElement(impl, capacity, vectors) });
    }
  }
  return results;
}

/** A state for the steady-state loop: a vector of {@link GC_LOOP_CAPACITY} holding half of it, `steps` push/get/pop steps. */
function mixedState(impl: Implementation, steps: number): BenchState<unknown> {
  const src = sourceValues(impl.kind, GC_LOOP_CAPACITY);
  const { consume, refill } = helpersOf(impl, `gc_${impl.id}`);
  const prefix = src.subarray(0, GC_LOOP_CAPACITY / 2);
  const dst = new (arrayOf(impl.kind))(GC_LOOP_CAPACITY);
  return { v: impl.create(GC_LOOP_CAPACITY), cap: GC_LOOP_CAPACITY, reps: steps, count: 0, off: valueOffset(impl.kind), src, prefix, rand: new Uint32Array(0), dst, consume, refill, overhead: 0, elapsed: 0 };
}

/**
 * Counts garbage collections during `mode.gcLoopOperations` mixed push/get/pop
 * operations per implementation.
 *
 * The loop runs as many calls of {@link GC_STEPS_PER_CALL} steps, as an application calls
 * its per-frame code. One long call would run in on-stack-replacement code, which on
 * V8 11.3 (Node 20) keeps a double accumulator boxed and allocates on every iteration whatever the
 * container; the warm-up calls and a forced full GC come first, so the window sees only
 * the optimized steady state.
 *
 * @param recorder - counts the collections in each window (in Node, `gc` performance entries).
 * @param warmupCalls - calls before each window ({@link GC_WARMUP_CALLS} unless told).
 */
export async function measureGcs(mode: Mode, recorder: GcCounting = new GcRecorder(), warmupCalls = GC_WARMUP_CALLS): Promise<GcResult[]> {
  const steps = Math.min(GC_STEPS_PER_CALL, Math.ceil(mode.gcLoopOperations / 3));
  const calls = Math.ceil(mode.gcLoopOperations / (3 * steps));
  const windows: GcWindow[] = IMPLEMENTATIONS.map((impl) => {
    const loop = compileCopy(impl.family.mixed, `mixed_${impl.id}`);
    const state = mixedState(impl, steps);
    for (let k = 0; k < warmupCalls; k++) addToSink(loop(state));
    return recorder.window(() => {
      for (let k = 0; k < calls; k++) addToSink(loop(state));
    });
  });
  const counts = await recorder.countIn(windows);
  const operations = calls * steps * 3;
  return IMPLEMENTATIONS.map((impl, i) => ({ impl: impl.id, operations, ...counts[i], nsPerOp: ((windows[i].t1 - windows[i].t0) * 1e6) / operations }));
}
