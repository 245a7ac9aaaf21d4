/**
 * Run by `__tests__/optimized-shape.test.ts` in a child process with V8's
 * `--allow-natives-syntax --print-opt-code`: warms every typed vector class, then has
 * the optimizing compiler compile a summing `get` loop and a filling `set` loop over an
 * F64Vec, and the same two loops over a raw Float64Array with a local length, each as its
 * own function (`shape_<op>_<form>`), so that the parent can compare their machine code.
 */

import { F64Vec } from '../../src/index.js';
import { ELEMENT_SPECS } from '../../scripts/element-types.js';
import * as lib from '../../src/index.js';

const N = 1024;

/** Every class's get/set/push/pop run, so that no call site is monomorphic by accident (F16Vec only where Float16Array exists). */
function warmEveryClass(): number {
  let sink = 0;
  for (const spec of ELEMENT_SPECS) {
    if (typeof (globalThis as unknown as Record<string, unknown>)[spec.arrayName] !== 'function') continue;
    const Vec = (lib as unknown as Record<string, new (n: number) => { push(x: unknown): void; get(i: number): unknown; set(i: number, x: unknown): void; pop(): unknown; readonly length: number }>)[spec.className];
    const one = spec.elementType === 'bigint' ? 1n : 1;
    const v = new Vec(64);
    for (let r = 0; r < 50; r++) {
      while (v.length < 64) v.push(one);
      for (let i = 0; i < v.length; i++) v.set(i, v.get(i));
      while (v.length > 0) sink += Number(v.pop());
    }
  }
  return sink;
}

const LOOPS: Record<string, string> = {
  get_vec: 'function shape_get_vec(v) { let s = 0; for (let i = 0; i < v.length; i++) s += v.get(i); return s; }',
  get_raw: 'function shape_get_raw(c) { let s = 0; const d = c.data; const n = c.len; for (let i = 0; i < n; i++) s += d[i]; return s; }',
  set_vec: 'function shape_set_vec(v) { for (let i = 0; i < v.length; i++) v.set(i, i * 0.25); return v.get(7); }',
  set_raw: 'function shape_set_raw(c) { const d = c.data; const n = c.len; for (let i = 0; i < n; i++) d[i] = i * 0.25; return d[7]; }',
};

const prepare = new Function('f', '%PrepareFunctionForOptimization(f);') as (f: unknown) => void;
const optimize = new Function('f', '%OptimizeFunctionOnNextCall(f);') as (f: unknown) => void;

/** An F64Vec and a raw container of `n` elements. */
function containers(n: number): { vec: F64Vec; raw: { data: Float64Array; len: number } } {
  const vec = new F64Vec(n);
  for (let i = 0; i < n; i++) vec.push(i * 0.5);
  return { vec, raw: { data: new Float64Array(n).map((_, i) => i * 0.5), len: n } };
}

let sink = warmEveryClass();
const small = containers(16);
const large = containers(N);
for (const [name, source] of Object.entries(LOOPS)) {
  const loop = new Function(`return (${source});`)() as (arg: unknown) => number;
  const form = name.endsWith('_vec') ? 'vec' : 'raw';
  // Feedback from short runs (too short for on-stack replacement), then one optimized
  // compilation, run on the large container.
  prepare(loop);
  for (let k = 0; k < 200; k++) sink += loop(small[form]);
  optimize(loop);
  sink += loop(large[form]);
}
console.log(`SHAPE-PROBE ${JSON.stringify({ loops: Object.keys(LOOPS), sink: sink > 0 })}`);
