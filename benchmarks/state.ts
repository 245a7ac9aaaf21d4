/**
 * The types every benchmark loop works on.
 *
 * A loop is a self-contained function of one state object: it must not refer to anything
 * outside its own body except globals (`performance`), because the runner compiles a copy
 * of it from its source text for every place it is used (see `clone.ts`). What else it
 * calls (the consumer, the untimed refill) it finds in its state, as the implementation's
 * own compiled copies.
 *
 * @module
 */

import type { Float64Vector } from 'mnemonist';
import type { FixedVec } from '../src/index.js';
import type { NumericArray } from './classes.js';
import type { OpId } from './operations.js';

/** The slabvec interface as the loops use it, with the `sum` kernel. */
export type VecLike = FixedVec<number, number, ArrayLike<number>> & { sum(): number };

/** What every loop's state carries for self-timed loops. */
export interface TimedState {
  /** Milliseconds one `performance.now()` call adds to a timed region; self-timed loops subtract it. */
  readonly overhead: number;
  /** A self-timed loop zeroes it, then adds the milliseconds of each timed part less `overhead` (after the region ends). */
  elapsed: number;
}

/** One benchmark loop: does its work and returns a number that depends on all of it (the sink input). */
export type Loop<S> = (s: S) => number;

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

/** mnemonist's `Float64Vector`, with the public `array` field its typings omit (the loops use it for a view). */
export type MnemonistVec = Float64Vector & { readonly array: Float64Array };

/** A function handed a view, as an application hands one to an upload or a copy. */
export type Consumer = (view: ArrayLike<number>, dst: NumericArray) => number;

/**
 * Everything one comparison loop needs, for one implementation, operation and capacity.
 *
 * @typeParam C - the container type: a slabvec vector, an `Array`, a {@link RawVec}, a {@link MnemonistVec}.
 */
export interface BenchState<C> extends TimedState {
  /** The container under test, full (length === cap) whenever no loop is running. */
  readonly v: C;
  /** The capacity. */
  readonly cap: number;
  /** How many times the loop repeats its operation per call. */
  readonly reps: number;
  /** For the capped operations (insert/remove at the front): operations per repetition. */
  readonly count: number;
  /** Added to integer indexes to make element values: 0.5 for float kinds (no small-integer shortcut), 0 for integers. */
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
  /** This implementation's own copy of its family's {@link Family.refill}: the untimed setup of the self-timed and mixed loops. */
  refill(container: C, source: NumericArray): void;
}

/**
 * The loops of one API family: the code each operation runs for containers with the same
 * interface (slabvec vectors and OptionVec share one family; each member still gets its
 * own compiled copy of every loop).
 *
 * @typeParam C - the container type.
 */
export interface Family<C> {
  /** The loop of each operation; an operation without one is shown as n/a. */
  readonly loops: Readonly<Partial<Record<OpId, Loop<BenchState<C>>>>>;
  /** Per operation, set when the family lacks the method and the loop composes it from others (shown in the report). */
  readonly notes?: Readonly<Partial<Record<OpId, string>>>;
  /**
   * The steady-state loop of the garbage-collection count: starting from `prefix` (a
   * power-of-two length), `reps` times push, get, pop.
   */
  readonly mixed: Loop<BenchState<C>>;
  /** Setup, not timed: appends `n` elements `i + off` to an empty container one at a time (how the memory table builds them). */
  fill(container: C, n: number, off: number): void;
  /**
   * Setup, not timed: empties the container and copies `source` into it, as the family's
   * users would. A template like the loops: each implementation calls its own compiled copy.
   */
  refill(container: C, source: NumericArray): void;
}
