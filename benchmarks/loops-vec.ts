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

import { fillByPush, forOfLoop, indexGetLoop, indexSetLoop } from './loops-shared.js';
import type { BenchState, Family, VecLike } from './state.js';

type S = BenchState<VecLike>;

/** push until full, from empty. */
function vecPush(s: S): number {
  const v = s.v;
  const n = s.cap;
  const off = s.off;
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

/** pop until empty; the refill is not timed. */
function vecPop(s: S): number {
  const v = s.v;
  const src = s.src;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    v.extend(src);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop();
    elapsed += performance.now() - t0 - overhead;
  }
  v.extend(src);
  s.elapsed = elapsed;
  return acc;
}

/** insert(0, x) `count` times into a vector holding `cap - count`; the setup is not timed. */
function vecInsertFront(s: S): number {
  const v = s.v;
  const m = s.count;
  const off = s.off;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    v.extend(s.prefix);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) v.insert(0, k + off);
    elapsed += performance.now() - t0 - overhead;
    acc += v.get(0) + v.length;
  }
  s.elapsed = elapsed;
  return acc;
}

/** remove(0) `count` times from a full vector; the refill is not timed. */
function vecRemoveFront(s: S): number {
  const v = s.v;
  const m = s.count;
  const src = s.src;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    v.extend(src);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) acc += v.remove(0);
    elapsed += performance.now() - t0 - overhead;
  }
  v.clear();
  v.extend(src);
  s.elapsed = elapsed;
  return acc;
}

/** Particle churn: swapRemove a random live index, push a new element. */
function vecChurn(s: S): number {
  const v = s.v;
  const n = s.cap;
  const rand = s.rand;
  const off = s.off;
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
  const v = s.v;
  const src = s.src;
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
  const v = s.v;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(v.view(), dst);
  return acc;
}

/** Per-frame pattern: clear, refill with push, hand the view to the consumer. */
function vecFrame(s: S): number {
  const v = s.v;
  const n = s.cap;
  const off = s.off;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.clear();
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += consume(v.view(), dst);
  }
  return acc;
}

/** Steady-state push/get/pop for the garbage-collection count. */
function vecMixed(s: S): number {
  const v = s.v;
  const off = s.off;
  v.clear();
  v.extend(s.prefix);
  const mask = s.prefix.length - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    v.push(k + off);
    acc += v.get(k & mask);
    acc += v.pop();
  }
  return acc;
}

const LOOPS: Family<VecLike>['loops'] = {
  push: vecPush,
  get: indexGetLoop,
  set: indexSetLoop,
  sum: vecSum,
  pop: vecPop,
  insertFront: vecInsertFront,
  removeFront: vecRemoveFront,
  churn: vecChurn,
  forOf: forOfLoop,
  extend: vecExtend,
  view: vecView,
  frame: vecFrame,
};

/** The slabvec-interface family. */
export const VEC_FAMILY: Family<VecLike> = { loops: LOOPS, mixed: vecMixed, fill: fillByPush };
