/**
 * Scenario table "kernels": F64Vec's numeric kernels against the loops they replace, and
 * the garbage each kernel makes. Run it alone with `npm run bench -- --only kernels`.
 *
 * - `sum()` / `dot(b)` against the naive left-to-right loop over a raw `Float64Array`
 *   (target: at most 0.75x the naive time);
 * - `fill`, `copyFrom` and `extend` from a `Float64Array` against the element loop a user
 *   would write without them (`set(i, x)`, `clear()` + `push(x)`) (target: at least 5x
 *   faster, a ratio of at most 0.20);
 * - the element-wise kernels with `out` (`add`, `mul`, `axpy`, `scale`) over three vectors
 *   of one slab, against the same loop over raw `Float64Array`s (target: at most 1.5x, which
 *   at block sizes, 8 and 128 elements, is a bound on the fixed cost of a call).
 *
 * Every class of the element table runs every kernel first, so the JIT sees the
 * polymorphism of a real program. The values are multiples of 1/8, so every summation
 * order gives the same exact result and each kernel is validated against its baseline.
 *
 * Reading the figures: the naive sum and dot loops are one dependent chain of additions,
 * so they run at the latency of a floating-point add; the kernels are bound by load and
 * bounds-check throughput instead (8 independent lanes). `dot` reads two arrays, so its
 * margin is the smallest, and on a busy machine the two kinds of loop are slowed unequally.
 *
 * Garbage: every F64Vec kernel then runs in a loop of its own in a window of the GC
 * recorder; the table gives the collections seen and the heap bytes allocated per call. A
 * kernel returning a double to a caller it is not inlined into boxes that one result (16
 * bytes per call, not per element); anything per element would show as kilobytes per call.
 *
 * @module
 */

import { F64Vec, Slab } from '../src/index.js';
import type { Mode } from './config.js';
import { formatCapacity, formatDuration, formatRatio } from './format.js';
import { GcRecorder, type GcWindow } from './gc.js';
import { PRIME_CAPACITY, contender, runCases, timerOverheadMs, type Case, type Progress } from './runner.js';
import { addToSink } from './sink.js';
import { median, pairedRatios } from './stats.js';
import type { TimedState } from './state.js';
import { textTable, type Table } from './tables.js';
import { warmEveryClass } from './warm.js';

/** What a kernel loop and its baseline work on. */
interface KernelState extends TimedState {
  /** The operand vector, full. */
  readonly a: F64Vec;
  /** The second operand of `dot`, full. */
  readonly b: F64Vec;
  /** `a`'s elements as a raw array. */
  readonly rawA: Float64Array;
  /** `b`'s elements as a raw array. */
  readonly rawB: Float64Array;
  /** The vector written by fill, copyFrom and extend (each contender has its own). */
  readonly target: F64Vec;
  /** Operands and result of the element-wise kernels: three vectors of one slab, full. */
  readonly x: F64Vec;
  readonly y: F64Vec;
  readonly out: F64Vec;
  /** The same three as raw arrays over the same slab memory. */
  readonly rawX: Float64Array;
  readonly rawY: Float64Array;
  readonly rawOut: Float64Array;
  /** Repetitions per call. */
  readonly reps: number;
}

function kernelSum(s: KernelState): number {
  const a = s.a;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += a.sum();
  return acc;
}

function naiveSum(s: KernelState): number {
  const d = s.rawA;
  const n = d.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i];
    acc += sum;
  }
  return acc;
}

function kernelDot(s: KernelState): number {
  const { a, b } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += a.dot(b);
  return acc;
}

function naiveDot(s: KernelState): number {
  const { rawA: x, rawB: y } = s;
  const n = x.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i] * y[i];
    acc += sum;
  }
  return acc;
}

function kernelFill(s: KernelState): number {
  const t = s.target;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    t.fill(r + 0.5);
    acc += t.get(t.length - 1);
  }
  return acc;
}

function setLoopFill(s: KernelState): number {
  const t = s.target;
  const n = t.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    const x = r + 0.5;
    for (let i = 0; i < n; i++) t.set(i, x);
    acc += t.get(n - 1);
  }
  return acc;
}

function kernelCopyFrom(s: KernelState): number {
  const { target: t, rawA: src } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    t.copyFrom(src);
    acc += t.get(t.length - 1) + t.length;
  }
  return acc;
}

function kernelExtend(s: KernelState): number {
  const { target: t, rawA: src } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    t.clear();
    t.extend(src);
    acc += t.get(t.length - 1) + t.length;
  }
  return acc;
}

function pushLoopCopy(s: KernelState): number {
  const { target: t, rawA: src } = s;
  const n = src.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    t.clear();
    for (let i = 0; i < n; i++) t.push(src[i]);
    acc += t.get(t.length - 1) + t.length;
  }
  return acc;
}

// The element-wise kernels with out, as a block-processing program calls them, and their loops.

function kernelAdd(s: KernelState): number {
  const { x, y, out } = s;
  for (let r = 0; r < s.reps; r++) x.add(y, out);
  return out.get(out.length - 1);
}

function rawAdd(s: KernelState): number {
  const { rawX: x, rawY: y, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
  return out[n - 1];
}

function kernelMul(s: KernelState): number {
  const { x, y, out } = s;
  for (let r = 0; r < s.reps; r++) x.mul(y, out);
  return out.get(out.length - 1);
}

function rawMul(s: KernelState): number {
  const { rawX: x, rawY: y, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
  return out[n - 1];
}

function kernelAxpy(s: KernelState): number {
  const { x, y, out } = s;
  for (let r = 0; r < s.reps; r++) x.axpy(0.5, y, out);
  return out.get(out.length - 1);
}

function rawAxpy(s: KernelState): number {
  const { rawX: x, rawY: y, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] + 0.5 * y[i];
  return out[n - 1];
}

function kernelScale(s: KernelState): number {
  const { x, out } = s;
  for (let r = 0; r < s.reps; r++) x.scale(0.5, out);
  return out.get(out.length - 1);
}

function rawScale(s: KernelState): number {
  const { rawX: x, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] * 0.5;
  return out[n - 1];
}

/** One row: a kernel, the loop it replaces, and the ratio it should reach. */
interface KernelPair {
  /** Names the compiled loops. */
  readonly id: string;
  /** The kernel, as the table shows it. */
  readonly kernel: string;
  /** Calls the kernel `reps` times. */
  readonly kernelLoop: (s: KernelState) => number;
  /** The loop it replaces, as the table shows it. */
  readonly baseline: string;
  /** Does the same work without the kernel, `reps` times; returns what `kernelLoop` returns. */
  readonly baselineLoop: (s: KernelState) => number;
  /** At most this ratio (kernel time / baseline time). */
  readonly target: number;
  /** An element-wise kernel, measured at the block sizes too. */
  readonly elementWise?: true;
}

/** The rows of the table. */
const PAIRS: readonly KernelPair[] = [
  { id: 'sum', kernel: 'F64Vec.sum()', kernelLoop: kernelSum, baseline: 'naive Float64Array loop', baselineLoop: naiveSum, target: 0.75 },
  { id: 'dot', kernel: 'F64Vec.dot(b)', kernelLoop: kernelDot, baseline: 'naive Float64Array loop', baselineLoop: naiveDot, target: 0.75 },
  { id: 'fill', kernel: 'F64Vec.fill(x)', kernelLoop: kernelFill, baseline: 'set(i, x) loop', baselineLoop: setLoopFill, target: 0.2 },
  { id: 'copyFrom', kernel: 'F64Vec.copyFrom(f64)', kernelLoop: kernelCopyFrom, baseline: 'clear() + push loop', baselineLoop: pushLoopCopy, target: 0.2 },
  { id: 'extend', kernel: 'F64Vec.extend(f64)', kernelLoop: kernelExtend, baseline: 'clear() + push loop', baselineLoop: pushLoopCopy, target: 0.2 },
  { id: 'add', kernel: 'x.add(y, out)', kernelLoop: kernelAdd, baseline: 'raw loop, one slab', baselineLoop: rawAdd, target: 1.5, elementWise: true },
  { id: 'mul', kernel: 'x.mul(y, out)', kernelLoop: kernelMul, baseline: 'raw loop, one slab', baselineLoop: rawMul, target: 1.5, elementWise: true },
  { id: 'axpy', kernel: 'x.axpy(a, y, out)', kernelLoop: kernelAxpy, baseline: 'raw loop, one slab', baselineLoop: rawAxpy, target: 1.5, elementWise: true },
  { id: 'scale', kernel: 'x.scale(k, out)', kernelLoop: kernelScale, baseline: 'raw loop, one slab', baselineLoop: rawScale, target: 1.5, elementWise: true },
];

/** Block sizes (a small group, a 128-frame audio block) the element-wise kernels also run at, before the mode's capacities. */
const BLOCK_SIZES = [8, 128];

/** The shortest length a row's target applies to. */
const MIN_TARGET_LENGTH = 128;

/** Rounds over every class in the warm-up (each runs every kernel at four lengths). */
const WARMUP_CYCLES = 10;

/** `n` elements, multiples of 1/8 (`scale` 0.5 or 0.25) so that every sum of them and of their products is exact. */
function exactValues(n: number, period: number, scale: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (i % period) * scale;
  return out;
}

/** A fresh state at capacity `n`: its own operands and target, so that contenders share nothing they write. */
function kernelState(n: number, reps: number): KernelState {
  const rawA = exactValues(n, 1000, 0.5);
  const rawB = exactValues(n, 89, 0.25);
  const slab = new Slab(3 * F64Vec.bytesFor(n));
  const [x, y, out] = [rawA, rawB, rawA].map((values) => {
    const vec = slab.alloc(F64Vec, n);
    vec.extend(values);
    return vec;
  });
  const raw = (vec: F64Vec): Float64Array => vec.view();
  return {
    a: F64Vec.from(rawA, n), b: F64Vec.from(rawB, n), rawA, rawB, target: F64Vec.from(rawA, n),
    x, y, out, rawX: raw(x), rawY: raw(y), rawOut: raw(out),
    reps, overhead: timerOverheadMs(), elapsed: 0,
  };
}

/** A case of this table: one pair at one capacity, the kernel validated against its baseline. */
interface KernelCase extends Case {
  readonly pair: KernelPair;
  readonly capacity: number;
  /** Repetitions per call, to report the time of one. */
  readonly reps: number;
}

function kernelCases(mode: Mode, capacity: number): KernelCase[] {
  const reps = Math.max(1, Math.floor(mode.elementsPerCall / capacity));
  const primerReps = 4;
  const pairs = mode.capacities.includes(capacity) ? PAIRS : PAIRS.filter((pair) => pair.elementWise);
  return pairs.map((pair) => ({
    id: `kernel_${pair.id}_${capacity}`,
    label: pair.kernel,
    selfTimed: false,
    pair,
    capacity,
    reps,
    contenders: [
      contender({ id: 'baseline', loop: pair.baselineLoop, state: kernelState(capacity, reps), primer: kernelState(PRIME_CAPACITY, primerReps) }),
      contender({ id: 'kernel', loop: pair.kernelLoop, state: kernelState(capacity, reps), primer: kernelState(PRIME_CAPACITY, primerReps), baseline: 'baseline' }),
    ],
  }));
}

/** Every F64Vec kernel as a call that allocates nothing in the harness itself. */
function garbageBodies(capacity: number): [string, () => number][] {
  const v = F64Vec.from(exactValues(capacity, 97, 0.5), capacity);
  const w = F64Vec.from(exactValues(capacity, 89, 0.25), capacity);
  const out = F64Vec.from(new Float64Array(capacity), capacity);
  const typed = new Float64Array(capacity).fill(0.5);
  const target = new Float64Array(capacity);
  const identity = (x: number): number => x;
  return [
    ['sum', () => v.sum()],
    ['mean', () => v.mean()],
    ['min', () => v.min()],
    ['max', () => v.max()],
    ['argmin', () => v.argmin()],
    ['argmax', () => v.argmax()],
    ['dot', () => v.dot(w)],
    ['sumOfSquares', () => v.sumOfSquares()],
    ['norm', () => v.norm()],
    ['add(vec, out)', () => v.add(w, out).length],
    ['sub(scalar)', () => out.sub(0.5).length],
    ['mul(vec, out)', () => v.mul(w, out).length],
    ['scale(k, out)', () => v.scale(0.5, out).length],
    ['axpy(a, x, out)', () => v.axpy(0.5, w, out).length],
    ['clamp(lo, hi, out)', () => v.clamp(1, 10, out).length],
    ['abs(out)', () => v.abs(out).length],
    ['map(fn, out)', () => v.map(identity, out).length],
    ['fill', () => out.fill(1.5).length],
    ['copyFrom(typed)', () => out.copyFrom(typed).length],
    ['copyTo(typed)', () => v.copyTo(target).length],
    ['clear + extend(typed)', () => (out.clear(), out.extend(typed), out.length)],
  ];
}

/** Calls each kernel `2 * mode.gcLoopOperations / capacity` times (at least 20) in a GC window: rows of the garbage table. */
async function garbageTable(mode: Mode): Promise<Table> {
  const recorder = new GcRecorder();
  const runs: { capacity: number; name: string; calls: number; window: GcWindow }[] = [];
  for (const capacity of mode.capacities) {
    const calls = Math.max(20, Math.round((2 * mode.gcLoopOperations) / capacity));
    for (const [name, body] of garbageBodies(capacity)) {
      for (let k = 0; k < 200; k++) addToSink(body());
      runs.push({ capacity, name, calls, window: recorder.window(() => {
        for (let k = 0; k < calls; k++) addToSink(body());
      }) });
    }
  }
  const counts = await recorder.countIn(runs.map((r) => r.window));
  const rows = runs.map(({ capacity, name, calls, window }, i) => {
    const bytes = counts[i].collections === 0 ? `${(Math.max(0, window.heapGrowth) / calls).toFixed(1)} B/call` : 'n/a (collected)';
    return [formatCapacity(capacity), name, String(calls), String(counts[i].collections), bytes];
  });
  return { head: ['capacity', 'F64Vec kernel', 'calls', 'GCs', 'heap growth'], rows };
}

/**
 * Runs the kernel table, then the garbage table.
 *
 * @param mode - the run mode (capacities, timing).
 * @param progress - receives a line per case and round.
 * @returns both tables as text, for the console.
 */
export async function runKernelTable(mode: Mode, progress: Progress): Promise<string> {
  progress('kernels: every class runs every kernel');
  addToSink(warmEveryClass({ cycles: WARMUP_CYCLES, storages: ['own buffer'], kernels: true }));
  const speed: Table = { head: ['capacity', 'kernel', 'time/call', 'baseline', 'time/call', 'ratio', 'rounds', 'target', 'met'], rows: [] };
  for (const capacity of [...BLOCK_SIZES, ...mode.capacities]) {
    for (const { case: kase, latencies } of runCases(kernelCases(mode, capacity), mode, progress, `kernels, capacity ${capacity}`)) {
      const kernel = latencies.get('kernel')!;
      const baseline = latencies.get('baseline')!;
      const ratio = pairedRatios(kernel, baseline);
      const perCall = (ms: readonly number[]): string => formatDuration(median(ms) / kase.reps);
      const { pair } = kase;
      // At 8 elements the fixed cost of a call dominates any loop: the row is for reading, not a goal.
      const goal = capacity >= MIN_TARGET_LENGTH;
      const met = !goal ? '-' : ratio.median <= pair.target ? 'yes' : 'NO';
      speed.rows.push([formatCapacity(capacity), pair.kernel, perCall(kernel), pair.baseline, perCall(baseline), formatRatio(ratio.median), `${formatRatio(ratio.low)}-${formatRatio(ratio.high)}`, goal ? `<= ${formatRatio(pair.target)}` : 'none', met]);
    }
  }
  progress('kernels: counting garbage per call');
  const garbage = await garbageTable(mode);
  return [
    `kernels: median over ${mode.rounds} paired rounds of kernel time / baseline time (every class ran every kernel first)`,
    textTable(speed),
    '',
    'garbage per F64Vec kernel call: collections in the window, heap growth per call (after full collections)',
    textTable(garbage),
  ].join('\n');
}
