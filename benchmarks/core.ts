/**
 * The core table of the per-engine report (`engines.ts`, docs/benchmarks-engines.md): a few
 * F64Vec operations as ratios to the raw `Float64Array` loop with a local length, measured
 * by the suite's runner (`runner.ts`: paired interleaved rounds, the baselines in the same
 * bench, every loop validated against its baseline) with the comparison's loop families.
 *
 * Rows, at the mode's smallest capacity (1024) and, for `sum()` and `dot()`, also its
 * largest (1e6):
 *
 * - `get`, `set`, `push`, `pop`, `push+pop`, `for...of`, `sum()`, `dot()` of F64Vec over
 *   the raw loop (for `for...of`, the raw index loop);
 * - the floor `field f64` over the raw loop (the same loop with its length in an object
 *   field, no checks) for push, pop and push+pop;
 * - `for...of` over a native `Float64Array` over the raw index loop, and F64Vec's
 *   `for...of` over it: what the language's own iteration costs on that engine.
 *
 * Two states, each in a fresh process (or a fresh browser): `clean`, where the process
 * never saw a failing call, and `after errors`, where a handful of IndexErrors,
 * CapacityErrors and EmptyErrors were thrown by F64Vec and caught after the warm-up and
 * before any loop was compiled, primed or timed (get, set, push, pop, push+pop, for...of).
 *
 * Engine-neutral: runs in Node and in a browser page (`scripts/browser/bench/page.ts`).
 *
 * @module
 */

import { CapacityError, EmptyError, F64Vec, IndexError } from '../src/index.js';
import { COMPARISON_WARMUP, operationCases, type OperationCase } from './comparison.js';
import type { Mode, ModeName } from './config.js';
import { baselineOf, entry, implementation, rawVec, type Implementation } from './implementations.js';
import { FIELD_FAMILY } from './loops-field.js';
import { RAW_FAMILY } from './loops-raw.js';
import { operation } from './operations.js';
import { runCases, timerOverheadMs, type CaseResult, type Progress } from './runner.js';
import { addToSink, sinkTotal } from './sink.js';
import type { BenchState, RawVec } from './state.js';
import { median, pairedRatios, type RatioStats } from './stats.js';
import { ERRORS_PER_KIND, FIELD_ID, NATIVE_ID, RAW_ID, VEC_ID, coreRowsOf, type CoreRowSpec, type CoreState } from './core-rows.js';
import { expectThrow, warmEveryClass } from './warm.js';

export { CORE_ROWS, CORE_STATES, ERRORS_PER_KIND, coreRowsOf, type CoreRowSpec, type CoreState } from './core-rows.js';

/**
 * Rounds and work per call of the core table in each mode. More rounds than the comparison
 * (the table is small), so that the interquartile range of each ratio means something, and
 * longer calls (about 2^18 element operations) so that a browser's coarsened clock (5 µs in a
 * cross-origin isolated page) is small against one call.
 */
export const CORE_TIMING: Readonly<Record<ModeName, { readonly rounds: number; readonly elementsPerCall: number }>> = {
  quick: { rounds: 2, elementsPerCall: 4096 },
  default: { rounds: 9, elementsPerCall: 1 << 18 },
  full: { rounds: 15, elementsPerCall: 1 << 18 },
};

/** The mode with the core table's rounds and work per call. */
export function coreMode(mode: Mode): Mode {
  return { ...mode, ...CORE_TIMING[mode.name] };
}

/** for...of over the raw typed array itself (the engine's own iterator): the reference for F64Vec's for...of. */
function nativeForOf(s: BenchState<RawVec>): number {
  const c = s.v;
  const d = c.data.subarray(0, c.len);
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (const x of d) acc += x;
  }
  return acc;
}

const RAW = baselineOf('f64');
const VEC = implementation(VEC_ID);
if (RAW.id !== RAW_ID) throw new Error(`core-rows.ts names the baseline ${RAW_ID}, the suite ${RAW.id}`);
const FIELD = entry<RawVec>({
  id: FIELD_ID,
  description: 'the raw loop with its length counter in an object field, no checks: the floor of any object-held length',
  kind: 'f64',
  role: 'reference',
  family: { ...FIELD_FAMILY, loops: { push: FIELD_FAMILY.loops.push, pop: FIELD_FAMILY.loops.pop, pushPop: FIELD_FAMILY.loops.pushPop } },
  create: (capacity) => rawVec('f64', capacity),
});
const NATIVE = entry<RawVec>({
  id: NATIVE_ID,
  description: 'for...of over a native Float64Array (the engine\u2019s own typed-array iterator)',
  kind: 'f64',
  role: 'reference',
  family: { ...RAW_FAMILY, loops: { forOf: nativeForOf } },
  create: (capacity) => rawVec('f64', capacity),
});

/** The implementations of the core table; each takes part in the operations its family has loops for. */
export const CORE_IMPLEMENTATIONS: readonly Implementation[] = [RAW, FIELD, VEC, NATIVE];

/** What one row measured. JSON-safe: it crosses process and page boundaries. */
export interface CoreRowResult {
  /** {@link CoreRowSpec.id}. */
  readonly id: string;
  readonly label: string;
  readonly capacity: number;
  readonly impl: string;
  readonly over: string;
  /** The paired ratios `impl / over` over the kept rounds. */
  readonly ratio: RatioStats;
  /** Median ns per element operation of the numerator and of the denominator. */
  readonly implNs: number;
  readonly overNs: number;
}

/** What a core phase produced. */
export interface CorePhaseResult {
  readonly kind: 'core';
  readonly state: CoreState;
  readonly rows: readonly CoreRowResult[];
  /** Errors thrown and caught before the loops were compiled (0 in the clean state). */
  readonly errorsThrown: number;
  /** Kept rounds. */
  readonly rounds: number;
  /** Element operations per call. */
  readonly elementsPerCall: number;
  /** The smallest difference between two `performance.now()` readings seen, in µs: the clock's resolution. */
  readonly clockResolutionUs: number;
  /** The cost of one `performance.now()` call as tinybench calibrated it, in ns. */
  readonly timerOverheadNs: number;
  /** The result sink at the end. */
  readonly sink: number;
}

/**
 * Throws and catches {@link ERRORS_PER_KIND} IndexErrors from each of F64Vec's `get` and
 * `set`, CapacityErrors from `push` on a full vector and EmptyErrors from `pop` on an empty
 * one, as a program that validates input by catching would.
 *
 * @returns the number of errors caught.
 */
export function throwAndCatchErrors(): number {
  // Built with push, which the warm-up calls too: the errors are the only difference from the clean state.
  const full = new F64Vec(4);
  for (let i = 0; i < 4; i++) full.push(i + 0.5);
  const empty = new F64Vec(4);
  let caught = 0;
  for (let k = 0; k < ERRORS_PER_KIND; k++) {
    caught += expectThrow(() => full.get(full.length + k), IndexError);
    caught += expectThrow(() => full.set(full.length + k, 0.5), IndexError);
    caught += expectThrow(() => full.push(k + 0.5), CapacityError);
    caught += expectThrow(() => empty.pop(), EmptyError);
  }
  return caught;
}

/** The smallest non-zero step of `performance.now()` over a few readings, in µs. */
export function clockResolutionUs(): number {
  let smallest = Number.POSITIVE_INFINITY;
  let last = performance.now();
  for (let k = 0; k < 20; k++) {
    let now = performance.now();
    while (now === last) now = performance.now();
    smallest = Math.min(smallest, now - last);
    last = now;
  }
  return smallest * 1000;
}

/** The capacity of a row size in `mode`. */
function capacityOf(mode: Mode, size: CoreRowSpec['size']): number {
  return size === 'small' ? mode.capacities[0] : mode.capacities[mode.capacities.length - 1];
}

/** The cases of one capacity: one per operation its rows need, every core implementation that has the loop a contender. */
function casesAt(mode: Mode, capacity: number, rows: readonly CoreRowSpec[]): OperationCase[] {
  const ops = [...new Set(rows.map((row) => row.op))].map(operation);
  return operationCases(mode, capacity, CORE_IMPLEMENTATIONS, ops).map((kase) => ({ ...kase, id: `core_${kase.id}` }));
}

function rowResult(spec: CoreRowSpec, result: CaseResult<OperationCase>): CoreRowResult {
  const own = result.latencies.get(spec.impl);
  const base = result.latencies.get(spec.over);
  if (own === undefined || base === undefined) throw new Error(`core row ${spec.id}: ${spec.impl} or ${spec.over} was not measured`);
  const ns = (ms: readonly number[]): number => (median(ms) * 1e6) / result.case.elementOps;
  return { id: spec.id, label: spec.label, capacity: result.case.capacity, impl: spec.impl, over: spec.over, ratio: pairedRatios(own, base), implNs: ns(own), overNs: ns(base) };
}

/**
 * Runs the core table in this process: the comparison's warm-up of every class, in the
 * `after errors` state the errors, then every case, one capacity at a time.
 *
 * @param mode - the run mode; its timing, with {@link CORE_TIMING}'s rounds and work per call.
 * @param state - the state of the process.
 * @param progress - receives a line per case and round.
 */
export function runCorePhase(mode: Mode, state: CoreState, progress: Progress): CorePhaseResult {
  const timing = coreMode(mode);
  progress(`core table (${state}): exercising every typed vector class`);
  addToSink(warmEveryClass(COMPARISON_WARMUP));
  const errorsThrown = state === 'after errors' ? throwAndCatchErrors() : 0;
  const specs = coreRowsOf(state);
  const rows: CoreRowResult[] = [];
  for (const size of ['small', 'large'] as const) {
    const capacity = capacityOf(timing, size);
    const sized = specs.filter((row) => row.size === size);
    if (sized.length === 0) continue;
    const results = runCases(casesAt(timing, capacity, sized), timing, progress, `core (${state}), capacity ${capacity}`);
    for (const spec of sized) rows.push(rowResult(spec, results.find((r) => r.case.op.id === spec.op)!));
  }
  const order = new Map(specs.map((spec, i) => [spec.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    kind: 'core',
    state,
    rows,
    errorsThrown,
    rounds: timing.rounds,
    elementsPerCall: timing.elementsPerCall,
    clockResolutionUs: clockResolutionUs(),
    timerOverheadNs: timerOverheadMs() * 1e6,
    sink: sinkTotal(),
  };
}
