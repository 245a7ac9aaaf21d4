/**
 * Slab benchmark: does handing vectors out of a Slab, and the release/detach machinery
 * behind `Slab.reset()` and `WebAssembly.Memory.grow()`, slow the hot methods?
 *
 * Side by side in one process, on push / get / set / pop loops at capacity 1024 and 1e6:
 *
 * - `own`: an `F64Vec` with its own buffer (`new F64Vec(n)`);
 * - `slab`: an `F64Vec` from a `Slab` that has been reset several times (so its memory is
 *   reused and the vectors before it were released), at a non-zero offset;
 * - `control`: a copy of the hot methods as they were before slabs existed (the scaffold's
 *   template: same checks, no released/detached handling), to isolate what that costs;
 * - `raw`: a `Float64Array` with a `let length` counter and no checks (the limit).
 *
 * Before anything is measured, all eleven typed classes are exercised (own buffers, slabs,
 * `over`, `assumeInit`, released vectors throwing ReleasedError, a grown WebAssembly.Memory
 * throwing DetachedError), so that every shared helper and failure path carries feedback
 * from all of them, as in an application.
 *
 * Three phases, each in a fresh child process (V8's feedback cannot be reset in-process):
 *
 * - `clean`: the warm-up makes no failing call, the steady state of a correct program;
 * - `released`: the warm-up also calls get/push/pop/set on released vectors (200 ReleasedErrors
 *   each); the control's get/pop throw IndexError/EmptyError as many times, for a like-for-like
 *   comparison;
 * - `detached`: the warm-up also reads one F64Vec over a grown WebAssembly.Memory (one
 *   DetachedError from get, one from pop), as a wasm application that recovers from a grow
 *   would; the control's get and pop throw once each as well.
 *
 * Each implementation has its own loop functions (separate source text), so that every call
 * site stays monomorphic. Rounds are interleaved (the order rotates each round); the table
 * shows medians over rounds of the time per element operation and of the per-round ratios.
 * Every loop's result goes into a printed checksum, and the loops' results are compared.
 *
 * Run: `node --expose-gc scripts/run-ts.cjs benchmarks/slab.ts [--rounds N] [--ops N] [--phase clean|released|detached]`
 * (about a minute on an idle 2-core machine; `--rounds 3 --ops 1e6` is a seconds-long smoke run).
 *
 * @module
 */

import {
  DetachedError,
  F32Vec,
  F64Vec,
  I16Vec,
  I32Vec,
  I64Vec,
  I8Vec,
  ReleasedError,
  Slab,
  U16Vec,
  U32Vec,
  U64Vec,
  U8ClampedVec,
  U8Vec,
  type FixedVec,
} from '../src/index.js';
import { throwCapacityError, throwElementTypeError, throwEmptyError, throwIndexError } from '../src/errors.js';

declare const gc: undefined | (() => void);
declare const WebAssembly: { Memory: new (d: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer; grow(n: number): number } };

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const ROUNDS = Number(argument('--rounds') ?? 15);
const PHASES = ['clean', 'released', 'detached'] as const;
type Phase = (typeof PHASES)[number];
const CAPACITIES = [1024, 1_000_000] as const;
/** Element operations per measurement (reps = this / capacity): long enough to span many scheduler slices. */
const OPS_PER_SAMPLE = Number(argument('--ops') ?? 10_000_000);

let sink = 0;

// ---------------------------------------------------------------------------------------
// The control: the pre-slab hot methods, copied from the scaffold's generated F64Vec.
// ---------------------------------------------------------------------------------------

/** The hot methods of F64Vec before slabs: no released/detached states, nothing else. */
class ControlF64Vec {
  #data: Float64Array;
  #length = 0;

  constructor(capacity: number) {
    this.#data = new Float64Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  get(index: number): number {
    const length = this.#length;
    if (!((index >>> 0) === index && index < length)) throwIndexError('ControlF64Vec.get', index, length);
    return this.#data[index];
  }

  set(index: number, value: number): void {
    if (typeof value !== 'number') throwElementTypeError('ControlF64Vec.set', value, 'number');
    const length = this.#length;
    if (!((index >>> 0) === index && index < length)) throwIndexError('ControlF64Vec.set', index, length);
    this.#data[index] = value;
  }

  push(value: number): void {
    if (typeof value !== 'number') throwElementTypeError('ControlF64Vec.push', value, 'number');
    const data = this.#data;
    const length = this.#length;
    if (length >= data.length) throwCapacityError('ControlF64Vec.push', value, data.length, length, length + 1);
    data[length] = value;
    this.#length = length + 1;
  }

  pop(): number {
    const length = this.#length - 1;
    if (length < 0) throwEmptyError('ControlF64Vec.pop');
    this.#length = length;
    return this.#data[length];
  }

  clear(): void {
    this.#length = 0;
  }

  extend(source: Float64Array): void {
    const length = this.#length;
    if (length + source.length > this.#data.length) throwCapacityError('ControlF64Vec.extend', source, this.#data.length, length, length + source.length);
    this.#data.set(source, length);
    this.#length = length + source.length;
  }
}

/** The raw baseline: a typed array and a length counter. */
interface Raw {
  data: Float64Array;
  len: number;
}

// ---------------------------------------------------------------------------------------
// Loops: one set per implementation, each its own source text.
// ---------------------------------------------------------------------------------------

interface Timer {
  /** Cost of one performance.now() pair, subtracted from self-timed regions (ms). */
  overhead: number;
}
const timer: Timer = { overhead: 0 };

function ownPush(v: F64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}
function ownGet(v: F64Vec, n: number, reps: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += v.get(i);
  return acc;
}
function ownSet(v: F64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) v.set(i, i + off);
    acc += v.get(n - 1);
  }
  return acc;
}
function ownPop(v: F64Vec, src: Float64Array, reps: number, t: Timer, out: { ms: number }): number {
  let acc = 0;
  let ms = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    v.extend(src);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop();
    ms += performance.now() - t0 - t.overhead;
  }
  out.ms = ms;
  return acc;
}

function slabPush(v: F64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}
function slabGet(v: F64Vec, n: number, reps: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += v.get(i);
  return acc;
}
function slabSet(v: F64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) v.set(i, i + off);
    acc += v.get(n - 1);
  }
  return acc;
}
function slabPop(v: F64Vec, src: Float64Array, reps: number, t: Timer, out: { ms: number }): number {
  let acc = 0;
  let ms = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    v.extend(src);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop();
    ms += performance.now() - t0 - t.overhead;
  }
  out.ms = ms;
  return acc;
}

function controlPush(v: ControlF64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}
function controlGet(v: ControlF64Vec, n: number, reps: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += v.get(i);
  return acc;
}
function controlSet(v: ControlF64Vec, n: number, reps: number, off: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) v.set(i, i + off);
    acc += v.get(n - 1);
  }
  return acc;
}
function controlPop(v: ControlF64Vec, src: Float64Array, reps: number, t: Timer, out: { ms: number }): number {
  let acc = 0;
  let ms = 0;
  for (let r = 0; r < reps; r++) {
    v.clear();
    v.extend(src);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop();
    ms += performance.now() - t0 - t.overhead;
  }
  out.ms = ms;
  return acc;
}

function rawPush(c: Raw, n: number, reps: number, off: number): number {
  const d = c.data;
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    let len = 0;
    for (let i = 0; i < n; i++) d[len++] = i + off;
    c.len = len;
    acc += len;
  }
  return acc;
}
function rawGet(c: Raw, n: number, reps: number): number {
  const d = c.data;
  let acc = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < n; i++) acc += d[i];
  return acc;
}
function rawSet(c: Raw, n: number, reps: number, off: number): number {
  const d = c.data;
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) d[i] = i + off;
    acc += d[n - 1];
  }
  return acc;
}
function rawPop(c: Raw, src: Float64Array, reps: number, t: Timer, out: { ms: number }): number {
  const d = c.data;
  let acc = 0;
  let ms = 0;
  for (let r = 0; r < reps; r++) {
    d.set(src);
    let len = src.length;
    const t0 = performance.now();
    while (len > 0) acc += d[--len];
    ms += performance.now() - t0 - t.overhead;
    c.len = len;
  }
  out.ms = ms;
  return acc;
}

// ---------------------------------------------------------------------------------------
// Warm-up: every class, every kind of storage, every failure path of the hot methods.
// ---------------------------------------------------------------------------------------

type AnyClass = { new (capacity: number): FixedVec<number | bigint>; over(m: unknown, o: number, c: number): FixedVec<number | bigint>; assumeInit(m: unknown, o: number, c: number, l: number): FixedVec<number | bigint>; BYTES_PER_ELEMENT: number };

function cycle(v: FixedVec<number | bigint>, make: (i: number) => number | bigint): number {
  v.clear();
  for (let i = 0; i < 8; i++) v.push(make(i));
  v.set(0, v.get(7));
  v.insert(0, make(3));
  v.extend([make(1), make(2)]);
  let acc = Number(v.remove(1)) + Number(v.swapRemove(2)) + Number(v.pop());
  for (const x of v) acc += Number(x);
  acc += v.view().length + (v.at(-1) === undefined ? 0 : 1) + v.indexOf(make(2));
  const withSum = v as unknown as { sum?: () => number | bigint };
  if (typeof withSum.sum === 'function') acc += Number(withSum.sum());
  return acc;
}

/** Counts the errors of the expected class thrown by `fn`. */
function expectThrow(fn: () => unknown, cls: Function): number {
  try {
    fn();
  } catch (error) {
    if (error instanceof cls) return 1;
    throw error;
  }
  throw new Error('expected a throw');
}

/**
 * Makes all eleven classes live: own buffers, slabs (plain and shared, reset every cycle),
 * `over` and `assumeInit`, through the common methods. Makes no failing call.
 */
function exerciseAll(): number {
  const number: AnyClass[] = [F64Vec, F32Vec, I32Vec, U32Vec, I16Vec, U16Vec, I8Vec, U8Vec, U8ClampedVec] as unknown as AnyClass[];
  const bigint: AnyClass[] = [I64Vec, U64Vec] as unknown as AnyClass[];
  const all = [...number.map((c) => [c, (i: number) => i + 1] as const), ...bigint.map((c) => [c, (i: number) => BigInt(i + 1)] as const)];
  let acc = 0;
  const slab = new Slab(64 * 1024);
  const shared = new Slab(64 * 1024, { shared: true });
  for (let k = 0; k < 400; k++) {
    for (const [cls, make] of all) {
      acc += cycle(new cls(16), make);
      acc += cycle(slab.alloc(cls as never, 16) as FixedVec<number | bigint>, make);
      acc += cycle(shared.alloc(cls as never, 16) as FixedVec<number | bigint>, make);
      const buffer = new ArrayBuffer(cls.BYTES_PER_ELEMENT * 32);
      acc += cycle(cls.over(buffer, cls.BYTES_PER_ELEMENT * 8, 16), make);
      acc += cls.assumeInit(buffer, cls.BYTES_PER_ELEMENT * 8, 16, 4).length;
    }
    slab.reset();
    shared.reset();
  }
  return acc;
}

/** 200 ReleasedErrors from each of F64Vec's get/push/pop/set, and as many IndexError/EmptyError from the control's get/pop. */
function releasedErrors(): number {
  let acc = 0;
  const slab = new Slab(1024);
  for (let k = 0; k < 200; k++) {
    const v = slab.alloc(F64Vec, 8);
    v.push(1);
    slab.reset();
    acc += expectThrow(() => v.get(0), ReleasedError) + expectThrow(() => v.push(2), ReleasedError);
    acc += expectThrow(() => v.pop(), ReleasedError) + expectThrow(() => v.set(0, 2), ReleasedError);
    const c = new ControlF64Vec(8);
    acc += expectThrow(() => c.get(0), RangeError) + expectThrow(() => c.pop(), RangeError);
  }
  return acc;
}

/**
 * One DetachedError from F64Vec.get and one from F64Vec.pop (an F64Vec over a grown
 * WebAssembly.Memory); the control's get and pop throw once each too, so that the comparison
 * isolates the detached read rather than "a throw happened".
 */
function detachedErrors(): number {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const v = F64Vec.over(memory, 0, 8);
  v.push(1);
  v.push(2);
  memory.grow(1);
  const c = new ControlF64Vec(8);
  return expectThrow(() => v.get(0), DetachedError) + expectThrow(() => v.pop(), DetachedError) + expectThrow(() => c.get(0), RangeError) + expectThrow(() => c.pop(), RangeError);
}

// ---------------------------------------------------------------------------------------
// Measurement.
// ---------------------------------------------------------------------------------------

type Op = 'push' | 'get' | 'set' | 'pop';
const OPS: readonly Op[] = ['push', 'get', 'set', 'pop'];
const IMPLS = ['own', 'slab', 'control', 'raw'] as const;
type Impl = (typeof IMPLS)[number];

interface Subjects {
  readonly own: F64Vec;
  readonly slab: F64Vec;
  readonly control: ControlF64Vec;
  readonly raw: Raw;
  readonly src: Float64Array;
}

/** Builds the four subjects for capacity `n`, each full of the same values. */
function subjects(n: number): Subjects {
  const src = new Float64Array(n);
  for (let i = 0; i < n; i++) src[i] = (i % 1000) * 0.5;
  const own = new F64Vec(n);
  // A slab reused several times, the measured vector at a non-zero (aligned) offset.
  const slab = new Slab(F64Vec.bytesFor(n) + 64);
  for (let k = 0; k < 3; k++) {
    slab.alloc(U8Vec, 3);
    slab.alloc(F64Vec, n).extend(src);
    slab.reset();
  }
  slab.alloc(U8Vec, 3);
  const fromSlab = slab.alloc(F64Vec, n);
  const control = new ControlF64Vec(n);
  const raw: Raw = { data: new Float64Array(n), len: 0 };
  own.extend(src);
  fromSlab.extend(src);
  control.extend(src);
  raw.data.set(src);
  raw.len = n;
  return { own, slab: fromSlab, control, raw, src };
}

/** Runs one measurement; returns nanoseconds per element operation, and the loop's result. */
function measure(impl: Impl, op: Op, s: Subjects, n: number, reps: number, off: number): [number, number] {
  const out = { ms: 0 };
  const t0 = performance.now();
  let result: number;
  switch (`${impl}:${op}`) {
    case 'own:push': result = ownPush(s.own, n, reps, off); break;
    case 'own:get': result = ownGet(s.own, n, reps); break;
    case 'own:set': result = ownSet(s.own, n, reps, off); break;
    case 'own:pop': result = ownPop(s.own, s.src, reps, timer, out); break;
    case 'slab:push': result = slabPush(s.slab, n, reps, off); break;
    case 'slab:get': result = slabGet(s.slab, n, reps); break;
    case 'slab:set': result = slabSet(s.slab, n, reps, off); break;
    case 'slab:pop': result = slabPop(s.slab, s.src, reps, timer, out); break;
    case 'control:push': result = controlPush(s.control, n, reps, off); break;
    case 'control:get': result = controlGet(s.control, n, reps); break;
    case 'control:set': result = controlSet(s.control, n, reps, off); break;
    case 'control:pop': result = controlPop(s.control, s.src, reps, timer, out); break;
    case 'raw:push': result = rawPush(s.raw, n, reps, off); break;
    case 'raw:get': result = rawGet(s.raw, n, reps); break;
    case 'raw:set': result = rawSet(s.raw, n, reps, off); break;
    case 'raw:pop': result = rawPop(s.raw, s.src, reps, timer, out); break;
    default: throw new Error(`unknown ${impl}:${op}`);
  }
  const ms = op === 'pop' ? out.ms : performance.now() - t0;
  return [(ms * 1e6) / (n * reps), result];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function calibrateTimer(): number {
  const samples: number[] = [];
  for (let k = 0; k < 200; k++) {
    const t0 = performance.now();
    let t1 = t0;
    for (let i = 0; i < 100; i++) t1 = performance.now();
    samples.push((t1 - t0) / 100);
  }
  return median(samples);
}

interface Row {
  readonly op: Op;
  readonly n: number;
  readonly ns: Record<Impl, number>;
  readonly ratio: Record<string, [number, number, number]>;
}

/** Runs one phase in this process and prints its rows as JSON on the last line. */
function runPhase(phase: Phase): void {
  sink += exerciseAll();
  if (phase === 'released') sink += releasedErrors();
  if (phase === 'detached') sink += detachedErrors();
  timer.overhead = calibrateTimer();
  const rows: Row[] = [];
  for (const n of CAPACITIES) {
    const s = subjects(n);
    const reps = Math.max(1, Math.round(OPS_PER_SAMPLE / n));
    const times: Record<string, number[]> = {};
    const results: Record<string, number[]> = {};
    // Warm every loop before the first timed round.
    for (const op of OPS) for (const impl of IMPLS) for (let w = 0; w < 3; w++) sink += measure(impl, op, s, n, Math.max(1, reps >> 2), 1)[1];
    for (let round = 0; round < ROUNDS; round++) {
      if (typeof gc === 'function') gc();
      const off = (round % 7) + 1;
      for (const op of OPS) {
        for (let j = 0; j < IMPLS.length; j++) {
          const impl = IMPLS[(j + round) % IMPLS.length];
          const [ns, result] = measure(impl, op, s, n, reps, off);
          (times[`${impl}:${op}`] ??= []).push(ns);
          (results[`${op}:${round}`] ??= []).push(result);
          sink += result;
        }
      }
    }
    // Every implementation computed the same thing.
    for (const [key, values] of Object.entries(results)) {
      if (!values.every((v) => v === values[0])) throw new Error(`results differ for ${key}: ${values.join(', ')}`);
    }
    for (const op of OPS) {
      const per = (impl: Impl) => times[`${impl}:${op}`];
      const ratios = (a: Impl, b: Impl): [number, number, number] => {
        const r = per(a).map((t, i) => t / per(b)[i]);
        return [median(r), Math.min(...r), Math.max(...r)];
      };
      const ns = Object.fromEntries(IMPLS.map((impl) => [impl, median(per(impl))])) as Record<Impl, number>;
      rows.push({ op, n, ns, ratio: { 'slab/own': ratios('slab', 'own'), 'own/control': ratios('own', 'control'), 'own/raw': ratios('own', 'raw'), 'slab/raw': ratios('slab', 'raw') } });
    }
  }
  console.log(JSON.stringify({ phase, rows, sink, overheadNs: timer.overhead * 1e6 }));
}

function printTable(phase: Phase, rows: readonly Row[]): void {
  const fmt = (x: number) => x.toFixed(2);
  const cell = ([m, lo, hi]: [number, number, number]) => `${fmt(m)}x (${fmt(lo)}-${fmt(hi)})`;
  console.log(`\n### phase: ${phase}\n`);
  console.log('| op | capacity | own ns/op | slab ns/op | control ns/op | raw ns/op | slab / own | own / control | own / raw | slab / raw |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.op} | ${row.n === 1024 ? '1024' : '1e6'} | ${fmt(row.ns.own)} | ${fmt(row.ns.slab)} | ${fmt(row.ns.control)} | ${fmt(row.ns.raw)} | ` +
        `${cell(row.ratio['slab/own'])} | ${cell(row.ratio['own/control'])} | ${cell(row.ratio['own/raw'])} | ${cell(row.ratio['slab/raw'])} |`,
    );
  }
}

async function main(): Promise<void> {
  const only = argument('--phase') as Phase | undefined;
  if (only !== undefined && process.env.SLABVEC_BENCH_CHILD === '1') {
    runPhase(only);
    return;
  }
  const { spawnSync } = await import('node:child_process');
  const started = performance.now();
  console.log(`slab benchmark: Node ${process.version}, ${ROUNDS} interleaved rounds per phase, ${OPS_PER_SAMPLE.toExponential(0)} element ops per sample.`);
  console.log('Cells: median ns per element operation, and median (min-max) of the per-round ratios.');
  console.log('own = new F64Vec(n); slab = F64Vec from a reused Slab; control = the pre-slab hot methods; raw = Float64Array + length.');
  let checksum = 0;
  for (const phase of only === undefined ? PHASES : [only]) {
    const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1], '--phase', phase, '--rounds', String(ROUNDS), '--ops', String(OPS_PER_SAMPLE)], {
      env: { ...process.env, SLABVEC_BENCH_CHILD: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`phase ${phase} failed:\n${child.stderr}`);
    const last = child.stdout.trim().split('\n').pop()!;
    const result = JSON.parse(last) as { rows: Row[]; sink: number; overheadNs: number };
    checksum += result.sink;
    printTable(phase, result.rows);
    console.log(`\n(performance.now() pair: ${result.overheadNs.toFixed(0)} ns, subtracted from the self-timed pop loops)`);
  }
  console.log(`\nchecksum ${checksum} (in every phase, all implementations computed the same results); ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
