/**
 * Benchmark loops for a plain JS `Array` used as a stack (`push`/`pop`, `length = 0` to clear).
 *
 * Templates compiled separately per implementation by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import { fillByPush, forOfLoop } from './loops-shared.js';
import type { BenchState, Family } from './state.js';

type S = BenchState<number[]>;

function arrayPush(s: S): number {
  const a = s.v;
  const n = s.cap;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(i + off);
    acc += a.length;
  }
  return acc;
}

function arrayGet(s: S): number {
  const a = s.v;
  const n = a.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) acc += a[i];
  }
  return acc;
}

function arraySet(s: S): number {
  const a = s.v;
  const n = a.length;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) a[i] = i + off;
    acc += a[n - 1];
  }
  return acc;
}

function arrayPop(s: S): number {
  const a = s.v;
  const src = s.src;
  const n = s.cap;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(src[i]);
    const t0 = performance.now();
    while (a.length > 0) acc += a.pop() as number;
    elapsed += performance.now() - t0 - overhead;
  }
  for (let i = 0; i < n; i++) a.push(src[i]);
  s.elapsed = elapsed;
  return acc;
}

function arrayInsertFront(s: S): number {
  const a = s.v;
  const m = s.count;
  const off = s.off;
  const prefix = s.prefix;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < prefix.length; i++) a.push(prefix[i]);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) a.unshift(k + off);
    elapsed += performance.now() - t0 - overhead;
    acc += a[0] + a.length;
  }
  s.elapsed = elapsed;
  return acc;
}

function arrayRemoveFront(s: S): number {
  const a = s.v;
  const m = s.count;
  const src = s.src;
  const n = s.cap;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(src[i]);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) acc += a.shift() as number;
    elapsed += performance.now() - t0 - overhead;
  }
  a.length = 0;
  for (let i = 0; i < n; i++) a.push(src[i]);
  s.elapsed = elapsed;
  return acc;
}

function arrayChurn(s: S): number {
  const a = s.v;
  const n = s.cap;
  const rand = s.rand;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let k = 0; k < n; k++) {
      const i = rand[k] % n;
      acc += a[i];
      a[i] = a[a.length - 1];
      a.pop();
      a.push(k + off);
    }
  }
  return acc;
}

function arrayExtend(s: S): number {
  const a = s.v;
  const src = s.src;
  const n = src.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(src[i]);
    acc += a.length;
  }
  return acc;
}

function arrayView(s: S): number {
  const a = s.v;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(a, dst);
  return acc;
}

function arrayFrame(s: S): number {
  const a = s.v;
  const n = s.cap;
  const off = s.off;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(i + off);
    acc += consume(a, dst);
  }
  return acc;
}

function arrayMixed(s: S): number {
  const a = s.v;
  const off = s.off;
  const prefix = s.prefix;
  a.length = 0;
  for (let i = 0; i < prefix.length; i++) a.push(prefix[i]);
  const mask = prefix.length - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    a.push(k + off);
    acc += a[k & mask];
    acc += a.pop() as number;
  }
  return acc;
}

const LOOPS: Family<number[]>['loops'] = {
  push: arrayPush,
  get: arrayGet,
  set: arraySet,
  sum: arrayGet,
  pop: arrayPop,
  insertFront: arrayInsertFront,
  removeFront: arrayRemoveFront,
  churn: arrayChurn,
  forOf: forOfLoop,
  extend: arrayExtend,
  view: arrayView,
  frame: arrayFrame,
};

const NOTES: Family<number[]>['notes'] = {
  sum: 'index loop (Array has no sum)',
  insertFront: 'unshift',
  removeFront: 'shift',
  churn: 'a[i] = a[a.length - 1]; a.pop()',
  extend: 'push loop',
  view: 'the array itself',
};

/** The plain-`Array` family. */
export const ARRAY_FAMILY: Family<number[]> = { loops: LOOPS, notes: NOTES, mixed: arrayMixed, fill: fillByPush };
