/**
 * Benchmark loops for the baseline: a raw typed array with a hand-kept length and no
 * checks at all, written as the fastest code a careful user would write by hand. Every
 * ratio in the report is against these loops, measured in the same process.
 *
 * Templates compiled separately per element type by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import { cachedViewLoop, fillRaw } from './loops-shared.js';
import type { BenchState, Family, RawVec } from './state.js';

type S = BenchState<RawVec>;

function rawPush(s: S): number {
  const c = s.v;
  const d = c.data;
  const n = s.cap;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let len = 0;
    for (let i = 0; i < n; i++) d[len++] = i + off;
    c.len = len;
    acc += len;
  }
  return acc;
}

function rawGet(s: S): number {
  const c = s.v;
  const d = c.data;
  const n = c.len;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) acc += d[i];
  }
  return acc;
}

function rawSet(s: S): number {
  const c = s.v;
  const d = c.data;
  const n = c.len;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) d[i] = i + off;
    acc += d[n - 1];
  }
  return acc;
}

function rawPop(s: S): number {
  const c = s.v;
  const d = c.data;
  const src = s.src;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    d.set(src);
    let len = src.length;
    const t0 = performance.now();
    while (len > 0) acc += d[--len];
    elapsed += performance.now() - t0 - overhead;
    c.len = len;
  }
  d.set(src);
  c.len = src.length;
  s.elapsed = elapsed;
  return acc;
}

function rawInsertFront(s: S): number {
  const c = s.v;
  const d = c.data;
  const m = s.count;
  const off = s.off;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    d.set(s.prefix);
    let len = s.prefix.length;
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      d.copyWithin(1, 0, len);
      d[0] = k + off;
      len++;
    }
    elapsed += performance.now() - t0 - overhead;
    c.len = len;
    acc += d[0] + len;
  }
  s.elapsed = elapsed;
  return acc;
}

function rawRemoveFront(s: S): number {
  const c = s.v;
  const d = c.data;
  const m = s.count;
  const src = s.src;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    d.set(src);
    let len = src.length;
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      acc += d[0];
      d.copyWithin(0, 1, len);
      len--;
    }
    elapsed += performance.now() - t0 - overhead;
  }
  d.set(src);
  c.len = src.length;
  s.elapsed = elapsed;
  return acc;
}

function rawChurn(s: S): number {
  const c = s.v;
  const d = c.data;
  const n = s.cap;
  const rand = s.rand;
  const off = s.off;
  let len = c.len;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let k = 0; k < n; k++) {
      const i = rand[k] % n;
      acc += d[i];
      d[i] = d[--len];
      d[len++] = k + off;
    }
  }
  c.len = len;
  return acc;
}

function rawExtend(s: S): number {
  const c = s.v;
  const d = c.data;
  const src = s.src;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let len = 0;
    d.set(src, len);
    len += src.length;
    c.len = len;
    acc += len;
  }
  return acc;
}

function rawFrame(s: S): number {
  const c = s.v;
  const d = c.data;
  const n = s.cap;
  const off = s.off;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let len = 0;
    for (let i = 0; i < n; i++) d[len++] = i + off;
    c.len = len;
    if (c.view.length !== len) c.view = d.subarray(0, len);
    acc += consume(c.view, dst);
  }
  return acc;
}

function rawMixed(s: S): number {
  const c = s.v;
  const d = c.data;
  const off = s.off;
  d.set(s.prefix);
  let len = s.prefix.length;
  const mask = len - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    d[len++] = k + off;
    acc += d[k & mask];
    acc += d[--len];
  }
  c.len = len;
  return acc;
}

const LOOPS: Family<RawVec>['loops'] = {
  push: rawPush,
  get: rawGet,
  set: rawSet,
  sum: rawGet,
  pop: rawPop,
  insertFront: rawInsertFront,
  removeFront: rawRemoveFront,
  churn: rawChurn,
  forOf: rawGet,
  extend: rawExtend,
  view: cachedViewLoop,
  frame: rawFrame,
};

/** The baseline family. */
export const RAW_FAMILY: Family<RawVec> = { loops: LOOPS, mixed: rawMixed, fill: fillRaw };
