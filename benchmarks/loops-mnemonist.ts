/**
 * Benchmark loops for mnemonist's `Float64Vector`, through its public API only
 * (`push`/`pop`/`get`/`set`/`resize`, the iterator, and the public `array` for a view).
 * It has no insert or remove: those rows are left empty.
 *
 * Templates compiled separately per implementation by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import { fillByPush, forOfLoop, indexGetLoop, indexSetLoop } from './loops-shared.js';
import type { BenchState, Family, MnemonistVec } from './state.js';

type S = BenchState<MnemonistVec>;

function mnPush(s: S): number {
  const v = s.v;
  const n = s.cap;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}

function mnPop(s: S): number {
  const v = s.v;
  const src = s.src;
  const n = s.cap;
  const overhead = s.overhead;
  let acc = 0;
  let elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(src[i]);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop() as number;
    elapsed += performance.now() - t0 - overhead;
  }
  for (let i = 0; i < n; i++) v.push(src[i]);
  s.elapsed = elapsed;
  return acc;
}

function mnChurn(s: S): number {
  const v = s.v;
  const n = s.cap;
  const rand = s.rand;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let k = 0; k < n; k++) {
      const i = rand[k] % n;
      acc += v.get(i);
      v.set(i, v.get(v.length - 1));
      v.pop();
      v.push(k + off);
    }
  }
  return acc;
}

function mnExtend(s: S): number {
  const v = s.v;
  const src = s.src;
  const n = src.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(src[i]);
    acc += v.length;
  }
  return acc;
}

function mnView(s: S): number {
  const v = s.v;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(v.array.subarray(0, v.length), dst);
  return acc;
}

function mnFrame(s: S): number {
  const v = s.v;
  const n = s.cap;
  const off = s.off;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += consume(v.array.subarray(0, v.length), dst);
  }
  return acc;
}

function mnMixed(s: S): number {
  const v = s.v;
  const off = s.off;
  const prefix = s.prefix;
  v.resize(0);
  for (let i = 0; i < prefix.length; i++) v.push(prefix[i]);
  const mask = prefix.length - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    v.push(k + off);
    acc += v.get(k & mask);
    acc += v.pop() as number;
  }
  return acc;
}

const LOOPS: Family<MnemonistVec>['loops'] = {
  push: mnPush,
  get: indexGetLoop,
  set: indexSetLoop,
  sum: indexGetLoop,
  pop: mnPop,
  churn: mnChurn,
  forOf: forOfLoop,
  extend: mnExtend,
  view: mnView,
  frame: mnFrame,
};

const NOTES: Family<MnemonistVec>['notes'] = {
  push: 'resize(0) to clear',
  sum: 'get loop (no sum method)',
  churn: 'set(i, get(length - 1)); pop()',
  extend: 'push loop (no extend)',
  view: 'array.subarray(0, length) per call',
  frame: 'resize(0); view by array.subarray',
};

/** The mnemonist `Vector` family. */
export const MNEMONIST_FAMILY: Family<MnemonistVec> = { loops: LOOPS, notes: NOTES, mixed: mnMixed, fill: fillByPush };
