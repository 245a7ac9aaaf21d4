/**
 * Loop templates whose source text serves several families, and the untimed setup every
 * family shares. Sharing a template shares no compiled code: the runner compiles a copy
 * of it under its own name for every implementation (`clone.ts`), so each copy's call
 * sites still see one class.
 *
 * @module
 */

import type { NumericArray } from './classes.js';
import type { BenchState, RawVec } from './state.js';

/** A container read and written by index through methods (slabvec's vectors, mnemonist's). */
export interface Indexed {
  /** The number of live elements. */
  readonly length: number;
  /** The element at `index` (mnemonist: `undefined` past the length, never asked for here). */
  get(index: number): number | undefined;
  /** Writes the element at `index`. */
  set(index: number, value: number): unknown;
}

/** Sum through get(i). */
export function indexGetLoop(s: BenchState<Indexed>): number {
  const v = s.v;
  const n = v.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) acc += v.get(i) as number;
  }
  return acc;
}

/** set(i, x) for every index. */
export function indexSetLoop(s: BenchState<Indexed>): number {
  const { v, off } = s;
  const n = v.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) v.set(i, i + off);
    acc += v.get(n - 1) as number;
  }
  return acc;
}

/** A container used as a stack (slabvec's vectors, mnemonist's, a plain `Array`). */
export interface Stack {
  /** The number of live elements. */
  readonly length: number;
  /** Appends `value`. */
  push(value: number): unknown;
  /** Removes and returns the last element (`Array` and mnemonist: `undefined` when empty, never asked for here). */
  pop(): number | undefined;
}

/** pop() until empty; the refill before it is not timed. */
export function popLoop(s: BenchState<Stack>): number {
  const { v, src } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refill(v, src);
    const t0 = performance.now();
    while (v.length > 0) acc += v.pop() as number;
    s.elapsed += performance.now() - t0 - s.overhead;
  }
  s.refill(v, src);
  return acc;
}

/** The steady state of the garbage-collection count: from `prefix`, push, get(i), pop (slabvec's and mnemonist's vectors). */
export function indexMixedLoop(s: BenchState<Stack & Indexed>): number {
  const { v, off, prefix } = s;
  s.refill(v, prefix);
  const mask = prefix.length - 1;
  let acc = 0;
  for (let k = 0; k < s.reps; k++) {
    v.push(k + off);
    acc += v.get(k & mask) as number;
    acc += v.pop() as number;
  }
  return acc;
}

/** for...of over the container. */
export function forOfLoop(s: BenchState<Iterable<number>>): number {
  const v = s.v;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (const x of v) acc += x;
  }
  return acc;
}

/** A raw typed array's view handed to the consumer, the subarray cached by hand (raw and field families). */
export function cachedViewLoop(s: BenchState<RawVec>): number {
  const { v: c, consume, dst } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    if (c.view.length !== c.len) c.view = c.data.subarray(0, c.len);
    acc += consume(c.view, dst);
  }
  return acc;
}

/** Setup, not timed: pushes `n` elements `i + off`. */
export function fillByPush(container: Stack, n: number, off: number): void {
  for (let i = 0; i < n; i++) container.push(i + off);
}

/** Setup, not timed: appends `n` elements `i + off` to a raw typed array with a length. */
export function fillRaw(container: RawVec, n: number, off: number): void {
  for (let i = 0; i < n; i++) container.data[container.len++] = i + off;
}

/** Setup, not timed: makes a raw typed array with a length hold `source` (raw and field families). */
export function refillRaw(container: RawVec, source: NumericArray): void {
  container.data.set(source);
  container.len = source.length;
}
