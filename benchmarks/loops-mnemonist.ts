/**
 * Benchmark loops for mnemonist's `Float64Vector`, through its public API only
 * (`push`/`pop`/`get`/`set`/`resize`, the iterator, and the public `array` for a view).
 * It has no insert or remove: those rows are left empty.
 *
 * Templates compiled separately per implementation by `clone.ts`: keep them self-contained.
 *
 * @module
 */

import type { NumericArray } from './classes.js';
import { fillByPush, forOfLoop, indexGetLoop, indexMixedLoop, indexSetLoop, popLoop } from './loops-shared.js';
import type { BenchState, Family, MnemonistVec } from './state.js';

type S = BenchState<MnemonistVec>;

function mnPush(s: S): number {
  const { v, cap: n, off } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += v.length;
  }
  return acc;
}

function mnChurn(s: S): number {
  const { v, cap: n, rand, off } = s;
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
  const { v, src } = s;
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
  const { v, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += consume(v.array.subarray(0, v.length), dst);
  return acc;
}

function mnFrame(s: S): number {
  const { v, cap: n, off, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    v.resize(0);
    for (let i = 0; i < n; i++) v.push(i + off);
    acc += consume(v.array.subarray(0, v.length), dst);
  }
  return acc;
}

/** Setup, not timed: `resize(0)`, then a push loop. */
function mnRefill(v: MnemonistVec, source: NumericArray): void {
  v.resize(0);
  for (let i = 0; i < source.length; i++) v.push(source[i]);
}

const LOOPS: Family<MnemonistVec>['loops'] = {
  push: mnPush,
  get: indexGetLoop,
  set: indexSetLoop,
  sum: indexGetLoop,
  pop: popLoop,
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
export const MNEMONIST_FAMILY: Family<MnemonistVec> = { loops: LOOPS, notes: NOTES, mixed: indexMixedLoop, fill: fillByPush, refill: mnRefill };
