/**
 * The speed comparison: every operation, implementation and capacity, measured with
 * tinybench in interleaved rounds, reported as medians and as ratios to the raw typed
 * array of the same element type measured in the same round.
 *
 * @module
 */

import { Bench } from 'tinybench';
import { compileCopy } from './clone.js';
import type { Mode } from './config.js';
import { consumeView } from './consumer.js';
import { ELEMENT_KINDS, IMPLEMENTATIONS, baselineOf, type Implementation } from './implementations.js';
import { OPERATIONS, type OpId, type Operation } from './operations.js';
import type { BenchState, Consumer, ElementKind, Loop, NumericArray } from './state.js';
import { median, randomIndexes, range } from './stats.js';

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

/** Everything the speed comparison produced. */
export interface SpeedResults {
  /** The cells; an implementation that cannot do an operation has no cell for it. */
  readonly cells: readonly Cell[];
  /** The cost of one `performance.now()` pair, subtracted from self-timed regions, in ns. */
  readonly timerOverheadNs: number;
  /** Sum of every loop's result: printed so that no loop's work can be optimized away. */
  readonly sink: number;
}

/** Receives a one-line progress message. */
export type Progress = (message: string) => void;

/** A benchmark loop bound to its state, ready to run. */
interface Runnable {
  readonly impl: Implementation;
  readonly op: Operation;
  readonly loop: Loop<unknown>;
  readonly state: BenchState<unknown>;
  /** The same loop's state over a tiny container of the same class, for {@link prime}. */
  readonly primer: BenchState<unknown>;
  readonly note?: string;
}

/** Capacity of the containers that prime each loop. */
export const PRIME_CAPACITY = 16;
/** Calls that prime each loop: enough for V8 to allocate its feedback vector and see every statement. */
export const PRIME_CALLS = 60;

let sink = 0;

/** Median cost of two back-to-back `performance.now()` calls, in ms. */
function timerOverhead(): number {
  const samples: number[] = [];
  for (let i = 0; i < 20_001; i++) {
    const t0 = performance.now();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

/** The inputs every loop of one element kind shares at one capacity. */
interface Shared {
  readonly src: NumericArray;
  readonly dst: NumericArray;
  readonly rand: Uint32Array;
}

function sharedInputs(capacity: number): Map<ElementKind, Shared> {
  const rand = randomIndexes(capacity);
  const perKind = new Map<ElementKind, Shared>();
  for (const kind of Object.keys(ELEMENT_KINDS) as ElementKind[]) {
    const { Array: TypedArray, off } = ELEMENT_KINDS[kind];
    const src = new TypedArray(capacity);
    for (let i = 0; i < capacity; i++) src[i] = i + off;
    perKind.set(kind, { src, dst: new TypedArray(capacity), rand });
  }
  return perKind;
}

function makeState(mode: Mode, op: Operation, container: unknown, capacity: number, shared: Shared, off: number, consume: Consumer, overhead: number): BenchState<unknown> {
  const count = op.count(capacity);
  return {
    v: container,
    cap: capacity,
    reps: op.reps(capacity, mode.elementsPerCall),
    count,
    off,
    src: shared.src,
    prefix: shared.src.subarray(0, capacity - count),
    rand: shared.rand,
    dst: shared.dst,
    consume,
    overhead,
    elapsed: 0,
  };
}

/** Builds every container, state and compiled loop copy for one capacity. */
function prepare(mode: Mode, capacity: number, overhead: number, impls: readonly Implementation[], ops: readonly Operation[]): Runnable[] {
  const shared = sharedInputs(capacity);
  const primerShared = sharedInputs(PRIME_CAPACITY);
  const runnables: Runnable[] = [];
  for (const impl of impls) {
    const { off } = ELEMENT_KINDS[impl.kind];
    const container = impl.create(capacity);
    impl.family.fill(container, capacity, off);
    const primerContainer = impl.create(PRIME_CAPACITY);
    impl.family.fill(primerContainer, PRIME_CAPACITY, off);
    const consume = compileCopy<Consumer>(consumeView, `consume_${impl.id}_${capacity}`);
    for (const op of ops) {
      const selected = impl.family.select(op.id, container);
      if (selected === undefined) continue;
      runnables.push({
        impl,
        op,
        loop: compileCopy(selected.loop, `${op.id}_${impl.id}_${capacity}`),
        state: makeState(mode, op, container, capacity, shared.get(impl.kind)!, off, consume, overhead),
        primer: makeState({ ...mode, elementsPerCall: 4 * PRIME_CAPACITY }, op, primerContainer, PRIME_CAPACITY, primerShared.get(impl.kind)!, off, consume, overhead),
        note: selected.note,
      });
    }
  }
  return runnables;
}

/**
 * Calls every loop {@link PRIME_CALLS} times on a tiny container of the same class.
 *
 * V8 allocates a function's feedback vector only after its first calls, so a loop that
 * is called just a few times (one pass over a million elements per call) never records
 * feedback for the statements it runs once per call; its optimized code then deoptimizes
 * at entry and most of the measurement runs in on-stack-replacement code (which boxes a
 * double accumulator). Priming makes every loop reach its optimized steady state.
 */
function prime(runnables: readonly Runnable[]): void {
  for (let k = 0; k < PRIME_CALLS; k++) {
    for (const r of runnables) sink += r.loop(r.primer);
  }
}

/**
 * Runs every loop once and checks that it returns what the baseline of its element kind
 * returns: a wrong loop would make every ratio meaningless.
 *
 * @throws Error naming the first loop that disagrees.
 */
function validate(runnables: readonly Runnable[], ops: readonly Operation[]): void {
  for (const op of ops) {
    const expected = new Map<ElementKind, number>();
    for (const r of runnables) {
      if (r.op === op && r.impl.baseline) expected.set(r.impl.kind, r.loop(r.state));
    }
    for (const r of runnables) {
      if (r.op !== op || r.impl.baseline) continue;
      const got = r.loop(r.state);
      const want = expected.get(r.impl.kind)!;
      if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
        throw new Error(`benchmark loop ${op.id} of ${r.impl.id} at capacity ${r.state.cap} returned ${got}, the baseline ${want}`);
      }
      sink += got;
    }
  }
}

/** `items` rotated left by `by`, so that each round starts with a different implementation. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** One tinybench run of every implementation of one operation; returns median latency (ms) by implementation id. */
function measureRound(mode: Mode, group: readonly Runnable[], round: number): Map<string, number> {
  collectGarbage();
  const bench = new Bench({
    name: group[0].op.id,
    time: mode.taskTimeMs,
    iterations: mode.taskIterations,
    warmup: round === 0 || mode.warmupEveryRound,
    warmupTime: mode.warmupTimeMs,
    warmupIterations: mode.warmupIterations,
    throws: true,
  });
  for (const r of rotate(group, round)) {
    const { loop, state } = r;
    if (r.op.selfTimed) {
      bench.add(r.impl.id, () => {
        sink += loop(state);
        return { overriddenDuration: Math.max(0, state.elapsed) };
      });
    } else {
      bench.add(r.impl.id, () => {
        sink += loop(state);
      });
    }
  }
  const latency = new Map<string, number>();
  for (const task of bench.runSync()) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`task ${group[0].op.id}/${task.name} ended ${result.state}`);
    latency.set(task.name, result.latency.p50);
  }
  return latency;
}

/**
 * Runs the speed comparison.
 *
 * For each capacity: builds the containers (full) and a separately compiled loop per
 * implementation and operation, primes every loop, validates it against its baseline, then runs
 * `warmupRounds + rounds` rounds. In a round, each operation is one tinybench `Bench`
 * holding every implementation, in an order rotated each round; a full GC runs before each.
 *
 * @param mode - the run mode.
 * @param progress - receives a line per operation measured.
 * @param impls - the implementations (every one, by default); must include the baseline of each kind used.
 * @param ops - the operations (every one, by default).
 */
export function runSpeed(mode: Mode, progress: Progress, impls: readonly Implementation[] = IMPLEMENTATIONS, ops: readonly Operation[] = OPERATIONS): SpeedResults {
  const overhead = timerOverhead();
  const cells: Cell[] = [];
  const totalSteps = mode.capacities.length * (mode.warmupRounds + mode.rounds) * ops.length;
  let step = 0;
  for (const capacity of mode.capacities) {
    const runnables = prepare(mode, capacity, overhead, impls, ops);
    prime(runnables);
    validate(runnables, ops);
    const latencies = new Map<string, number[]>();
    const key = (impl: string, op: OpId): string => `${impl}\u0000${op}`;
    for (let round = 0; round < mode.warmupRounds + mode.rounds; round++) {
      const warming = round < mode.warmupRounds;
      for (const op of ops) {
        step++;
        const label = warming ? `warm-up round ${round + 1}/${mode.warmupRounds}` : `round ${round - mode.warmupRounds + 1}/${mode.rounds}`;
        progress(`[${String(Math.round((100 * step) / totalSteps)).padStart(3)}%] capacity ${capacity}, ${label}: ${op.label}`);
        const measured = measureRound(mode, runnables.filter((r) => r.op === op), round);
        if (warming) continue;
        for (const [impl, ms] of measured) {
          const list = latencies.get(key(impl, op.id)) ?? [];
          list.push(ms);
          latencies.set(key(impl, op.id), list);
        }
      }
    }
    for (const r of runnables) {
      const own = latencies.get(key(r.impl.id, r.op.id))!;
      const base = latencies.get(key(baselineOf(r.impl.kind).id, r.op.id))!;
      const ratios = own.map((ms, i) => ms / base[i]);
      const [ratioLow, ratioHigh] = range(ratios);
      cells.push({
        impl: r.impl.id,
        op: r.op.id,
        capacity,
        opsPerSec: (r.state.reps * r.state.count) / (median(own) / 1000),
        ratio: median(ratios),
        ratioLow,
        ratioHigh,
        note: r.note,
      });
    }
  }
  return { cells, timerOverheadNs: overhead * 1e6, sink };
}
