/**
 * Benchmark loops for the slabvec interface: the typed vectors and `OptionVec` (and, in the
 * slab table, an `F64Vec` from a slab).
 *
 * Each function is a template: `clone.ts` compiles a separate copy for every
 * implementation, so a loop's call sites only ever see one class. Keep them
 * self-contained (no references outside the function body but `performance`).
 *
 * @module
 */

import type { NumericArray } from './classes.js';
import { fillByPush, forOfLoop, indexGetLoop, indexMixedLoop, indexSetLoop, popLoop } from './loops-shared.js';
import type { BenchState, Family, VecLike } from './state.js';

type S = BenchState<VecLike>;

/** push until full, from empty. */
function vecPush(s: S): number {
  const { v, cap: n, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}

/** The library's sum(). */
function vecSum(s: S): number {
  const v = s.v;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += v.sum();
  return acc;
}

/** insert(0, x) `count` times into a vector holding `cap - count`; the setup is not timed. */
function vecInsertFront(s: S): number {
  const { v, count: m, off, prefix } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(v, prefix);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) v.insert(0, k + off);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += v.get(0) + v.length;
  }
  return acc;
}

/** remove(0) `count` times from a full vector; the refill is not timed. */
function vecRemoveFront(s: S): number {
  const { v, count: m, src } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(v, src);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) acc += v.remove(0);
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(v, src);
  return acc;
}

/** Particle churn: swapRemove a random live index, push a new element. */
function vecChurn(s: S): number {
  const { v, cap: n, rand, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let k = 0; k < n; k++) {
      acc += v.swapRemove(rand[k] % n);
      v.push(k + off);
    }
  }
  return acc;
}

/** clear(), then extend from a typed array. */
function vecExtend(s: S): number {
  const { v, src } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    v.extend(src);
    acc += v.length;
  }
  return acc;
}

/** view() handed to the consumer. */
function vecView(s: S): number {
  const { v, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(v.view(), dst);
  return acc;
}

/** Per-frame pattern: clear, refill with push, hand the view to the consumer. */
function vecFrame(s: S): number {
  const { v, cap: n, off, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += consume(v.view(), dst);
  }
  return acc;
}

/** On a full vector: pop(), then push(x), once per element. */
function vecPushPop(s: S): number {
  const { v, cap: n, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) {
      acc += v.pop();
      v.push(i + off);
    }
  }
  return acc;
}

/** The library's dot(b), with b the state's source values (a typed array of the vector's own type; the core table runs it on F64Vec only). */
function vecDot(s: BenchState<VecLike & { dot(other: NumericArray): number }>): number {
  const { v, src } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += v.dot(src);
  return acc;
}

/** Setup, not timed: clear(), then extend. */
function vecRefill(v: VecLike, source: NumericArray): void {
  v.clear();
  v.extend(source);
}

const LOOPS: Family<VecLike>['loops'] = {
  push: vecPush,
  get: indexGetLoop,
  set: indexSetLoop,
  sum: vecSum,
  pop: popLoop,
  insertFront: vecInsertFront,
  removeFront: vecRemoveFront,
  churn: vecChurn,
  forOf: forOfLoop,
  extend: vecExtend,
  view: vecView,
  frame: vecFrame,
  pushPop: vecPushPop,
  dot: vecDot as (s: S) => number,
};

/** The slabvec-interface family. */
export const VEC_FAMILY: Family<VecLike> = { loops: LOOPS, mixed: indexMixedLoop, fill: fillByPush, refill: vecRefill };
