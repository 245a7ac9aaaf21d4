/**
 * The types every benchmark loop works on.
 *
 * A loop is a self-contained function of one {@link BenchState}: it must not refer to
 * anything outside its own body except globals (`performance`), because each
 * implementation gets its own copy compiled from the loop's source text
 * (see `clone.ts`).
 *
 * @module
 */

import type { FixedVec } from '../src/index.js';
import type { OpId } from './operations.js';

/** The element types the suite measures. */
export type ElementKind = 'f64' | 'f32' | 'i32';

/** A typed array of one of the measured element kinds. */
export type NumericArray = Float64Array | Float32Array | Int32Array;

/** The slabvec interface as the loops use it; `sum` is optional until the library has it. */
export type VecLike = FixedVec<number, number, ArrayLike<number>> & { sum?(): number };

/**
 * The baseline: a raw typed array with a hand-kept length, no checks at all. The counter
 * lives in this object so that every operation on one container sees the same length.
 */
export interface RawVec {
  /** The storage; its length is the capacity. */
  data: NumericArray;
  /** The hand-kept length. */
  len: number;
  /** A view over `[0, len)`, rebuilt by hand when `len` has changed (what a careful user writes). */
  view: NumericArray;
}

/** What the suite uses of mnemonist's `Vector` (its typings omit the public `array` field). */
export interface MnemonistVec {
  /** The number of live elements. */
  length: number;
  /** The backing typed array (public in mnemonist, used for the view). */
  array: Float64Array;
  /** Appends; grows when full (never, here: capacity is preallocated). */
  push(value: number): number;
  /** Removes the last element, `undefined` when empty. */
  pop(): number | undefined;
  /** The element at `index`, `undefined` at or past the length. */
  get(index: number): number | undefined;
  /** Writes the element at `index`. */
  set(index: number, value: number): unknown;
  /** Sets the length; `resize(0)` is its clear. */
  resize(length: number): unknown;
  /** Iterates the live elements. */
  [Symbol.iterator](): Iterator<number>;
}

/** A function handed a view, as an application hands one to an upload or a copy. */
export type Consumer = (view: ArrayLike<number>, dst: NumericArray) => number;

/**
 * Everything one benchmark loop needs, for one implementation, operation and capacity.
 *
 * @typeParam C - the container type: a slabvec vector, an `Array`, a {@link RawVec}, a {@link MnemonistVec}.
 */
export interface BenchState<C> {
  /** The container under test, full (length === cap) whenever no loop is running. */
  readonly v: C;
  /** The capacity. */
  readonly cap: number;
  /** How many times the loop repeats its operation per call. */
  readonly reps: number;
  /** For the capped operations (insert/remove at the front): operations per repetition. */
  readonly count: number;
  /** Added to integer indexes to make element values: 0.5 for float kinds (no small-integer shortcut), 0 for i32. */
  readonly off: number;
  /** `cap` elements, `src[i] = i + off`, of the container's element kind. */
  readonly src: NumericArray;
  /** `src` without its last `count` elements: what insert-at-front starts from. */
  readonly prefix: NumericArray;
  /** Random indexes below 2^31, `cap` of them, the same sequence for every implementation. */
  readonly rand: Uint32Array;
  /** A destination of `cap` elements for the consumer. */
  readonly dst: NumericArray;
  /** This implementation's own copy of the consumer. */
  readonly consume: Consumer;
  /** Milliseconds one `performance.now()` pair adds to a timed region; self-timed loops subtract it. */
  readonly overhead: number;
  /** Self-timed loops store the milliseconds of their timed part here. */
  elapsed: number;
}

/** One benchmark loop: does its work and returns a number that depends on all of it (the sink input). */
export type Loop<C> = (s: BenchState<C>) => number;

/** A loop chosen for one implementation, with a note when it is not the plain operation. */
export interface SelectedLoop<C> {
  /** The loop. */
  readonly loop: Loop<C>;
  /** Set when the implementation lacks the operation and the loop composes it (shown in the report). */
  readonly note?: string;
}

/**
 * The loops of one API family: the code each operation runs for containers with the same
 * interface (slabvec vectors and OptionVec share one family; each member still gets its
 * own compiled copy of every loop).
 *
 * @typeParam C - the container type.
 */
export interface Family<C> {
  /** The loop for `op` on `container`, or `undefined` when the implementation cannot do it. */
  select(op: OpId, container: C): SelectedLoop<C> | undefined;
  /**
   * The steady-state loop of the garbage-collection count: starting from `prefix` (a
   * power-of-two length), `reps` times push, get, pop.
   */
  readonly mixed: Loop<C>;
  /** Setup, not timed: appends `n` elements `i + off` to an empty container. */
  fill(container: C, n: number, off: number): void;
}
