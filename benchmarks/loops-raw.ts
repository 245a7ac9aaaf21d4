/**
 * Benchmark loops for the baseline: a raw typed array with a hand-kept length and no
 * checks at all, written as the fastest code a careful user would write by hand. Every
 * ratio in the report is against these loops, measured in the same process.
 *
 * Templates compiled separately per element type by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import { cachedViewLoop, fillRaw, refillRaw } from './loops-shared.js';
import type { BenchState, Family, RawVec } from './state.js';

type S = BenchState<RawVec>;

function rawPush(s: S): number {
  const { v: c, cap: n, off } = s;
  const d = c.data;
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
  const { data: d, len: n } = s.v;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) acc += d[i];
  }
  return acc;
}

function rawSet(s: S): number {
  const { data: d, len: n } = s.v;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) d[i] = i + off;
    acc += d[n - 1];
  }
  return acc;
}

function rawPop(s: S): number {
  const { v: c, src } = s;
  const d = c.data;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, src);
    let len = src.length;
    const t0 = performance.now();
    while (len > 0) acc += d[--len];
    s.elapsed += performance.now() - t0 - s.overhead;
    c.len = len;
  }
  s.refill(c, src);
  return acc;
}

function rawInsertFront(s: S): number {
  const { v: c, count: m, off, prefix } = s;
  const d = c.data;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, prefix);
    let len = prefix.length;
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      d.copyWithin(1, 0, len);
      d[0] = k + off;
      len++;
    }
    s.elapsed += performance.now() - t0 - s.overhead;
    c.len = len;
    acc += d[0] + len;
  }
  return acc;
}

function rawRemoveFront(s: S): number {
  const { v: c, count: m, src } = s;
  const d = c.data;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(c, src);
    let len = src.length;
    const t0 = performance.now();
    for (let k = 0; k < m; k++) {
      acc += d[0];
      d.copyWithin(0, 1, len);
      len--;
    }
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(c, src);
  return acc;
}

function rawChurn(s: S): number {
  const { v: c, cap: n, rand, off } = s;
  const d = c.data;
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
  const { v: c, src } = s;
  const d = c.data;
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
  const { v: c, cap: n, off, consume, dst } = s;
  const d = c.data;
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

function rawPushPop(s: S): number {
  const { v: c, cap: n, off } = s;
  const d = c.data;
  let len = c.len;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) {
      acc += d[--len];
      d[len++] = i + off;
    }
  }
  c.len = len;
  return acc;
}

function rawDot(s: S): number {
  const { data: d, len: n } = s.v;
  const y = s.src;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i] * y[i];
    acc += sum;
  }
  return acc;
}

function rawMixed(s: S): number {
  const { v: c, off, prefix } = s;
  const d = c.data;
  s.refill(c, prefix);
  let len = prefix.length;
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
  pushPop: rawPushPop,
  dot: rawDot,
};

/** The baseline family. */
export const RAW_FAMILY: Family<RawVec> = { loops: LOOPS, mixed: rawMixed, fill: fillRaw, refill: refillRaw };
