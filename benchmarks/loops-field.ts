/**
 * Benchmark loops for a reference point, not a baseline: a raw typed array whose length
 * counter lives in an object field and is updated at every operation, with no checks.
 *
 * That is what any vector object pays before it checks anything: V8 keeps an object's
 * field in memory across loop iterations where it keeps a local in a register, so a loop
 * that changes the length every iteration carries a store-to-load dependency that a local
 * `let len` does not. The gap between this column
 * and the raw baseline is the price of the length living in an object; the gap between a
 * vector and this column is the price of its checks and method calls.
 *
 * Templates compiled separately per implementation by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import { cachedViewLoop, fillRaw, refillRaw } from './loops-shared.js';
import type { BenchState, Family, RawVec } from './state.js';

type S = BenchState<RawVec>;

function fieldPush(s: S): number {
  const { v: c, cap: n, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    c.len = 0;
    for (let i = 0; i < n; i++) c.data[c.len++] = i + off;
    acc += c.len;
  }
  return acc;
}

function fieldGet(s: S): number {
  const c = s.v;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < c.len; i++) acc += c.data[i];
  }
  return acc;
}

function fieldSet(s: S): number {
  const { v: c, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < c.len; i++) c.data[i] = i + off;
    acc += c.data[c.len - 1];
  }
  return acc;
}

function fieldPop(s: S): number {
  const { v: c, src } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, src);
    const t0 = performance.now();
    while (c.len > 0) acc += c.data[--c.len];
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(c, src);
  return acc;
}

function fieldInsertFront(s: S): number {
  const { v: c, count: m, off, prefix } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, prefix);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      c.data.copyWithin(1, 0, c.len);
      c.data[0] = k + off;
      c.len++;
    }
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += c.data[0] + c.len;
  }
  return acc;
}

function fieldRemoveFront(s: S): number {
  const { v: c, count: m, src } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, src);
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      acc += c.data[0];
      c.data.copyWithin(0, 1, c.len);
      c.len--;
    }
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(c, src);
  return acc;
}

function fieldChurn(s: S): number {
  const { v: c, cap: n, rand, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let k = 0; k < n; k++) {
      const i = rand[k] % n;
      acc += c.data[i];
      c.data[i] = c.data[--c.len];
      c.data[c.len++] = k + off;
    }
  }
  return acc;
}

function fieldExtend(s: S): number {
  const { v: c, src } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    c.len = 0;
    c.data.set(src, c.len);
    c.len += src.length;
    acc += c.len;
  }
  return acc;
}

function fieldFrame(s: S): number {
  const { v: c, cap: n, off, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    c.len = 0;
    for (let i = 0; i < n; i++) c.data[c.len++] = i + off;
    if (c.view.length !== c.len) c.view = c.data.subarray(0, c.len);
    acc += consume(c.view, dst);
  }
  return acc;
}

function fieldPushPop(s: S): number {
  const { v: c, cap: n, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) {
      acc += c.data[--c.len];
      c.data[c.len++] = i + off;
    }
  }
  return acc;
}

function fieldMixed(s: S): number {
  const { v: c, off } = s;
  s.refill(c, s.prefix);
  const mask = c.len - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    c.data[c.len++] = k + off;
    acc += c.data[k & mask];
    acc += c.data[--c.len];
  }
  return acc;
}

const LOOPS: Family<RawVec>['loops'] = {
  push: fieldPush,
  get: fieldGet,
  set: fieldSet,
  sum: fieldGet,
  pop: fieldPop,
  insertFront: fieldInsertFront,
  removeFront: fieldRemoveFront,
  churn: fieldChurn,
  forOf: fieldGet,
  extend: fieldExtend,
  view: cachedViewLoop,
  frame: fieldFrame,
  pushPop: fieldPushPop,
};

/** The field-counter reference family. */
export const FIELD_FAMILY: Family<RawVec> = { loops: LOOPS, mixed: fieldMixed, fill: fillRaw, refill: refillRaw };
