/**
 * Loop templates whose source text serves several families, and the untimed setup every
 * family shares. Sharing a template shares no compiled code: the runner compiles a copy
 * of it under its own name for every implementation (`clone.ts`), so each copy's call
 * sites still see one class.
 *
 * @module
 */

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
  const v = s.v;
  const n = v.length;
  const off = s.off;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let i = 0; i < n; i++) v.set(i, i + off);
    acc += v.get(n - 1) as number;
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
  const c = s.v;
  const consume = s.consume;
  const dst = s.dst;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    if (c.view.length !== c.len) c.view = c.data.subarray(0, c.len);
    acc += consume(c.view, dst);
  }
  return acc;
}

/** Setup, not timed: pushes `n` elements `i + off`. */
export function fillByPush(container: { push(value: number): unknown }, n: number, off: number): void {
  for (let i = 0; i < n; i++) container.push(i + off);
}

/** Setup, not timed: appends `n` elements `i + off` to a raw typed array with a length. */
export function fillRaw(container: RawVec, n: number, off: number): void {
  for (let i = 0; i < n; i++) container.data[container.len++] = i + off;
}
