/**
 * Benchmark loops for a plain JS `Array` used as a stack (`push`/`pop`, `length = 0` to clear).
 *
 * Templates compiled separately per implementation by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import type { NumericArray } from './classes.js';
import { fillByPush, forOfLoop, popLoop } from './loops-shared.js';
import type { BenchState, Family } from './state.js';

type S = BenchState<number[]>;

function arrayPush(s: S): number {
  const { v: a, cap: n, off } = s;
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
  const { v: a, off } = s;
  const n = a.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) a[i] = i + off;
    acc += a[n - 1];
  }
  return acc;
}

function arrayInsertFront(s: S): number {
  const { v: a, count: m, off, prefix } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(a, prefix);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) a.unshift(k + off);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += a[0] + a.length;
  }
  return acc;
}

function arrayRemoveFront(s: S): number {
  const { v: a, count: m, src } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(a, src);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) acc += a.shift() as number;
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(a, src);
  return acc;
}

function arrayChurn(s: S): number {
  const { v: a, cap: n, rand, off } = s;
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
  const { v: a, src } = s;
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
  const { v: a, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(a, dst);
  return acc;
}

function arrayFrame(s: S): number {
  const { v: a, cap: n, off, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    a.length = 0;
    for (let i = 0; i < n; i++) a.push(i + off);
    acc += consume(a, dst);
  }
  return acc;
}

function arrayMixed(s: S): number {
  const { v: a, off, prefix } = s;
  s.refill(a, prefix);
  const mask = prefix.length - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    a.push(k + off);
    acc += a[k & mask];
    acc += a.pop() as number;
  }
  return acc;
}

/** Setup, not timed: `length = 0`, then a push loop. */
function arrayRefill(a: number[], source: NumericArray): void {
  a.length = 0;
  for (let i = 0; i < source.length; i++) a.push(source[i]);
}

const LOOPS: Family<number[]>['loops'] = {
  push: arrayPush,
  get: arrayGet,
  set: arraySet,
  sum: arrayGet,
  pop: popLoop,
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
export const ARRAY_FAMILY: Family<number[]> = { loops: LOOPS, notes: NOTES, mixed: arrayMixed, fill: fillByPush, refill: arrayRefill };
