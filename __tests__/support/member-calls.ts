/**
 * One call of every public method and getter of a typed vector, with arguments valid for a
 * vector holding 3 elements of capacity 8: the suites about vectors that must refuse every
 * call (released by a slab, over a detached buffer) run the whole matrix, and check that it
 * covers every member of every class.
 */

import { el } from './assertions';
import type { Elem, Kind } from './kinds';
import { classOf, type TypedVec, type VecClass } from './vec-classes';

/** What a call needs besides the vector. */
export interface CallContext {
  readonly cls: VecClass;
  /** An element of the kind. */
  readonly x: Elem;
  /** A small integer as a scalar of the kind, for kernels. */
  readonly k: (n: number) => Elem;
}

/** One call; `iteration` marks the iterators, whose errors come from `next()`, not from the method. */
export interface MemberCall {
  readonly call: (v: TypedVec, c: CallContext) => unknown;
  readonly iteration?: boolean;
}

/**
 * The matrix, keyed by member name (as `String(key)`). A key with a note in parentheses,
 * `"equals (other length)"`, is a second call of the same member.
 */
export const MEMBER_CALLS: Readonly<Record<string, MemberCall>> = {
  isFull: { call: (v) => v.isFull },
  remaining: { call: (v) => v.remaining },
  get: { call: (v) => v.get(1) },
  set: { call: (v, c) => v.set(1, c.x) },
  at: { call: (v) => v.at(1) },
  first: { call: (v) => v.first() },
  last: { call: (v) => v.last() },
  swap: { call: (v) => v.swap(0, 1) },
  popIf: { call: (v) => v.popIf(() => true) },
  extractIf: { call: (v) => v.extractIf(() => true) },
  slice: { call: (v) => v.slice(0, 1) },
  splitOff: { call: (v) => v.splitOff(1) },
  copyWithin: { call: (v) => v.copyWithin(0, 1) },
  spare: { call: (v) => (v as unknown as { spare(n: number): unknown }).spare(1) },
  commit: { call: (v) => (v as unknown as { commit(n: number): void }).commit(0) },
  push: { call: (v, c) => v.push(c.x) },
  tryPush: { call: (v, c) => v.tryPush(c.x) },
  pop: { call: (v) => v.pop() },
  extend: { call: (v, c) => v.extend([c.x]) },
  tryExtend: { call: (v, c) => v.tryExtend([c.x]) },
  insert: { call: (v, c) => v.insert(1, c.x) },
  tryInsert: { call: (v, c) => v.tryInsert(1, c.x) },
  remove: { call: (v) => v.remove(1) },
  swapRemove: { call: (v) => v.swapRemove(1) },
  swapDelete: { call: (v) => v.swapDelete(1) },
  truncate: { call: (v) => v.truncate(1) },
  clear: { call: (v) => v.clear() },
  resize: { call: (v, c) => v.resize(5, c.x) },
  retain: { call: (v) => v.retain(() => true) },
  drain: { call: (v) => v.drain(1, 2) },
  splice: { call: (v, c) => v.splice(1, 1, [c.x]) },
  dedup: { call: (v) => v.dedup() },
  indexOf: { call: (v, c) => v.indexOf(c.x) },
  lastIndexOf: { call: (v, c) => v.lastIndexOf(c.x) },
  includes: { call: (v, c) => v.includes(c.x) },
  sort: { call: (v) => v.sort() },
  reverse: { call: (v) => v.reverse() },
  binarySearch: { call: (v, c) => v.binarySearch(c.x) },
  fill: { call: (v, c) => v.fill(c.x, 1, 2) },
  view: { call: (v) => v.view() },
  toArray: { call: (v) => v.toArray() },
  toTypedArray: { call: (v) => v.toTypedArray() },
  clone: { call: (v) => v.clone() },
  equals: { call: (v, c) => v.equals([c.x, c.x, c.x]) },
  'equals (other length)': { call: (v, c) => v.equals([c.x]) },
  toJSON: { call: (v) => JSON.stringify(v) },
  values: { call: (v) => [...v.values()], iteration: true },
  keys: { call: (v) => [...v.keys()], iteration: true },
  entries: { call: (v) => [...v.entries()], iteration: true },
  'Symbol(Symbol.iterator)': { call: (v) => [...v], iteration: true },
  forEach: { call: (v) => v.forEach(() => undefined) },
  some: { call: (v) => v.some(() => false) },
  every: { call: (v) => v.every(() => true) },
  find: { call: (v) => v.find(() => false) },
  findIndex: { call: (v) => v.findIndex(() => false) },
  reduce: { call: (v) => v.reduce((acc) => acc, 0) },
  join: { call: (v) => v.join('-') },
  toString: { call: (v) => String(v) },
  sum: { call: (v) => v.sum() },
  mean: { call: (v) => v.mean() },
  min: { call: (v) => v.min() },
  max: { call: (v) => v.max() },
  argmin: { call: (v) => v.argmin() },
  argmax: { call: (v) => v.argmax() },
  dot: { call: (v, c) => v.dot(c.cls.of(c.x, c.x, c.x)) },
  sumOfSquares: { call: (v) => v.sumOfSquares() },
  norm: { call: (v) => v.norm() },
  add: { call: (v, c) => v.add(c.k(1)) },
  sub: { call: (v, c) => v.sub(c.k(1)) },
  mul: { call: (v, c) => v.mul(c.k(1)) },
  div: { call: (v, c) => v.div(c.k(1)) },
  scale: { call: (v, c) => v.scale(c.k(1)) },
  axpy: { call: (v, c) => v.axpy(c.k(1), c.cls.of(c.x, c.x, c.x)) },
  clamp: { call: (v, c) => v.clamp(c.k(0), c.k(9)) },
  abs: { call: (v) => v.abs() },
  map: { call: (v) => v.map((x: Elem) => x) },
  copyFrom: { call: (v, c) => v.copyFrom([c.x]) },
  copyTo: { call: (v) => v.copyTo([]) },
  transfer: { call: (v) => v.transfer() },
};

/** The member a key of {@link MEMBER_CALLS} calls: the key without its note. */
export const memberOf = (key: string): string => key.replace(/ \(.*\)$/, '');

/** The own members of a kind's prototype, as `String(key)`. */
export const membersOf = (kind: Kind): string[] => Reflect.ownKeys((kind.cls as unknown as { prototype: object }).prototype).map(String);

/** Whether the class of `kind` has the member a key of {@link MEMBER_CALLS} calls. */
export const hasMember = (kind: Kind, key: string): boolean => membersOf(kind).includes(memberOf(key));

/** The context of a call on a vector of `kind`, with `x` as the element passed. */
export const contextOf = (kind: Kind, x: Elem): CallContext => ({ cls: classOf(kind), x, k: (n) => el(kind, n) });
