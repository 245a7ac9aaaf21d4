/**
 * What a polymorphic call site costs: one function typed against `NumVec` and called with
 * several vector classes, against a copy of it that only ever sees one class. Standalone
 * (not a table of main.ts: it needs no tinybench, memory or GC machinery):
 *
 * ```sh
 * node scripts/run-ts.cjs benchmarks/polymorphic.ts            # about a minute
 * node scripts/run-ts.cjs benchmarks/polymorphic.ts --quick    # smoke run, seconds; the figures mean nothing
 * /path/to/node24/bin/node scripts/run-ts.cjs benchmarks/polymorphic.ts   # another engine
 * ```
 *
 * Method. `work` (below) makes four kernel calls on its arguments: `scale`, `add`, `sum`,
 * `dot`. Each variant is a textually separate copy of it (so each has its own feedback and
 * optimized code), warmed with the classes it is meant to see:
 * - `mono`: only F64Vec.
 * - `poly3`: F64Vec, F32Vec and I32Vec (three shapes at each call site: polymorphic).
 * - `mega`: every number class and OptionVec<number> (ten shapes: megamorphic, past V8's
 *   limit of four).
 * Then each round times `mono` and each other variant on the same F64Vec vectors, so the
 * work is identical and only the call sites' history differs; the order alternates
 * between rounds, and the per-round ratios `variant / mono` are reported as median,
 * quartiles and range (paired, so slow drifts of a shared machine cancel). A second
 * figure, `poly3 mixed`, times `poly3` on all three classes in turn against three
 * monomorphic copies (one per class) doing the same calls: the cost of one generic
 * function for three classes over three hand-specialised ones.
 *
 * @module
 */

import { F32Vec, F64Vec, I16Vec, I32Vec, I8Vec, OptionVec, U16Vec, U32Vec, U8ClampedVec, U8Vec, type NumVec } from '../src/index.js';
import { pairedRatios, median, type RatioStats } from './stats.js';
import { addToSink, sinkTotal } from './sink.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 31;
const TARGET_MS = quick ? 2 : 15;
const LENGTHS = [16, 1024];

// The copies: the same body, each its own function (own feedback, own optimized code).
function mono(v: NumVec, w: NumVec): number {
  v.scale(0.5).add(w);
  return v.sum() + v.dot(w);
}
function poly3(v: NumVec, w: NumVec): number {
  v.scale(0.5).add(w);
  return v.sum() + v.dot(w);
}
function mega(v: NumVec, w: NumVec): number {
  v.scale(0.5).add(w);
  return v.sum() + v.dot(w);
}
function monoF32(v: NumVec, w: NumVec): number {
  v.scale(0.5).add(w);
  return v.sum() + v.dot(w);
}
function monoI32(v: NumVec, w: NumVec): number {
  v.scale(0.5).add(w);
  return v.sum() + v.dot(w);
}

type Work = (v: NumVec, w: NumVec) => number;
type Pair = readonly [NumVec, NumVec];

/** Two vectors of `length` elements of the class `make` builds, filled with small integers. */
function pairOf(make: (capacity: number) => NumVec, length: number): Pair {
  const v = make(length);
  const w = make(length);
  for (let i = 0; i < length; i++) {
    v.push((i * 7) % 13);
    w.push((i * 5) % 11);
  }
  return [v, w];
}

const MAKERS: readonly ((capacity: number) => NumVec)[] = [
  (n) => new F64Vec(n),
  (n) => new F32Vec(n),
  (n) => new I32Vec(n),
  (n) => new U32Vec(n),
  (n) => new I16Vec(n),
  (n) => new U16Vec(n),
  (n) => new I8Vec(n),
  (n) => new U8Vec(n),
  (n) => new U8ClampedVec(n),
  (n) => new OptionVec<number>(n),
];

/** Runs `fn` over `pairs` in turn, `calls` times in all; the elapsed milliseconds. */
function time(fn: Work, pairs: readonly Pair[], calls: number): number {
  let acc = 0;
  const count = pairs.length;
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const [v, w] = pairs[i % count];
    acc += fn(v, w);
  }
  const elapsed = performance.now() - start;
  addToSink(acc);
  return elapsed;
}

/** One comparison: `own` on `ownPairs` against `base` (one function per pair set) on theirs. */
interface Row {
  readonly label: string;
  readonly own: () => number;
  readonly base: () => number;
}

function formatStats(stats: RatioStats): string {
  const f = (x: number): string => x.toFixed(2);
  return `${f(stats.median)} (IQR ${f(stats.q1)}-${f(stats.q3)}, range ${f(stats.low)}-${f(stats.high)}, ${stats.rounds} rounds)`;
}

function run(length: number): void {
  const f64 = pairOf(MAKERS[0], length);
  const three = MAKERS.slice(0, 3).map((make) => pairOf(make, length));
  const all = MAKERS.map((make) => pairOf(make, length));
  // Warm-up: each copy sees exactly the classes it is meant to (the same number of calls).
  const warm = 20_000;
  time(mono, [f64], warm);
  time(poly3, three, warm * 3);
  time(mega, all, warm * 10);
  time(monoF32, [three[1]], warm);
  time(monoI32, [three[2]], warm);
  // Calibrate: enough calls that one mono sample takes about TARGET_MS.
  let calls = 1000;
  while (time(mono, [f64], calls) < TARGET_MS) calls *= 2;
  const monoMixed = (): number => time(mono, [f64], calls / 4) + time(monoF32, [three[1]], calls / 4) + time(monoI32, [three[2]], calls / 4);
  const rows: Row[] = [
    { label: 'poly3 on F64Vec / mono on F64Vec', own: () => time(poly3, [f64], calls), base: () => time(mono, [f64], calls) },
    { label: 'mega on F64Vec / mono on F64Vec', own: () => time(mega, [f64], calls), base: () => time(mono, [f64], calls) },
    { label: 'poly3 mixed / three mono copies', own: () => time(poly3, three, (calls / 4) * 3), base: monoMixed },
  ];
  const own: number[][] = rows.map(() => []);
  const base: number[][] = rows.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    rows.forEach((row, r) => {
      if (round % 2 === 0) {
        own[r].push(row.own());
        base[r].push(row.base());
      } else {
        base[r].push(row.base());
        own[r].push(row.own());
      }
    });
  }
  console.log(`length ${length}: ${calls} calls per sample, mono ${((median(base[0]) / calls) * 1e6).toFixed(0)} ns per call`);
  rows.forEach((row, r) => console.log(`  ${row.label.padEnd(36)} ${formatStats(pairedRatios(own[r], base[r]))}`));
}

console.log(`${process.version} (V8 ${process.versions.v8})${quick ? ', --quick: the figures mean nothing' : ''}`);
for (const length of LENGTHS) run(length);
console.log(`sink ${sinkTotal()}`);
