/**
 * The interface shared by every slabvec vector: the twelve typed vectors and `OptionVec`.
 *
 * @module
 */

/** Element types a typed vector can hold. */
export type Element = number | bigint;

/** Anything a vector can be filled from: an array, a typed array, another vector, an iterable. */
export type VecSource<T> = ArrayLike<T> | Iterable<T>;

/** A comparator in the `Array.prototype.sort` convention. */
export type Comparator<T> = (a: T, b: T) => number;

/**
 * A fixed-capacity vector: `capacity` slots of which the first `length` are live.
 *
 * Representation invariant shared by every implementation: slots `[0, length)` hold the
 * elements; slots `[length, capacity)` are spare and never observable through this
 * interface. Every failing operation throws before changing anything, so a caught error
 * leaves the vector exactly as it was.
 *
 * The one deliberate window is {@link FixedVec.view} on the typed vectors: a zero-copy typed
 * array over the live elements. Like any typed array, its `.buffer` is the whole backing
 * buffer, and a view taken before the length shrinks still covers the old range; call
 * `view()` again after any change of length.
 *
 * @typeParam T - the element type.
 * @typeParam N - the capacity, as a literal type where it is known (`F64Vec<16>`).
 * @typeParam View - what {@link FixedVec.view} returns.
 */
export interface FixedVec<T, N extends number = number, View extends ArrayLike<T> = ArrayLike<T>> extends Iterable<T> {
  /** The number of slots; fixed for the vector's lifetime. */
  readonly capacity: N;
  /** The number of live elements, from 0 to `capacity`. */
  readonly length: number;
  /** `length === 0`. */
  readonly isEmpty: boolean;
  /** `length === capacity`. */
  readonly isFull: boolean;
  /** `capacity - length`: how many more elements fit. */
  readonly remaining: number;

  /** The element at `index`, an integer in `[0, length)`. */
  get(index: number): T;
  /** Replaces the element at `index`, an integer in `[0, length)`. */
  set(index: number, value: T): void;
  /** `Array.prototype.at`: negative indexes count from the end; `undefined` outside. */
  at(index: number): T | undefined;
  /** The first element; throws `EmptyError` when empty (like `pop`, rather than returning `undefined`). */
  first(): T;
  /** The last element; throws `EmptyError` when empty. */
  last(): T;
  /** Exchanges the elements at `i` and `j`; throws `IndexError` unless both are in `[0, length)`. */
  swap(i: number, j: number): void;
  /** Removes and returns the last element if `predicate` holds for it; `undefined` (and no change) otherwise or when empty. */
  popIf(predicate: (value: T) => unknown): T | undefined;
  /**
   * Removes the elements for which `predicate` holds and returns them, in order; the others
   * keep their order. All-or-nothing, like `retain`: nothing is removed until every call returned.
   */
  extractIf(predicate: (value: T, index: number) => unknown): View;
  /** A new vector of the same class and capacity holding the elements `[start, end)` (both within `[0, length]`). */
  slice(start?: number, end?: number): FixedVec<T, N, View>;
  /**
   * Moves the elements `[at, length)` into a new vector of the same class and capacity, and
   * truncates this one to `at` (Rust's `split_off`).
   */
  splitOff(at: number): FixedVec<T, N, View>;
  /** `Array.prototype.copyWithin` over the live range: copies `[start, end)` to `target`; the length does not change. */
  copyWithin(target: number, start: number, end?: number): this;

  /** Appends `value`; throws `CapacityError` when full. */
  push(value: T): void;
  /** Appends `value` if there is room; `false` (and no change) when full. */
  tryPush(value: T): boolean;
  /** Removes and returns the last element; throws `EmptyError` when empty. */
  pop(): T;
  /** Appends every element of `source`, or none of them: throws `CapacityError` if they do not all fit. */
  extend(source: VecSource<T>): void;
  /** Like `extend`, but returns `false` (and changes nothing) when the elements do not fit. */
  tryExtend(source: VecSource<T>): boolean;
  /** Inserts `value` at `index` (an integer in `[0, length]`), shifting later elements up. */
  insert(index: number, value: T): void;
  /** Like `insert`, but returns `false` (and changes nothing) when full. */
  tryInsert(index: number, value: T): boolean;
  /** Removes and returns the element at `index`, shifting later elements down. */
  remove(index: number): T;
  /** Removes and returns the element at `index`, moving the last element into its place. O(1). */
  swapRemove(index: number): T;
  /** Like `swapRemove`, but returns nothing (so a double is never boxed across the call). O(1). */
  swapDelete(index: number): void;
  /** Shortens the vector to `newLength` elements; no effect when it is already that short. */
  truncate(newLength: number): void;
  /** Removes every element. */
  clear(): void;
  /** Sets the length to `newLength`, filling any new slots with `fill`. */
  resize(newLength: number, fill: T): void;
  /** Keeps only the elements for which `predicate` returns true, in order. */
  retain(predicate: (value: T, index: number) => boolean): void;
  /** Removes the elements in `[start, end)` and returns them, in order, as a new array or typed array. */
  drain(start?: number, end?: number): View;
  /** Replaces `deleteCount` elements at `start` with `items`; returns the removed elements. */
  splice(start: number, deleteCount: number, items?: VecSource<T>): View;
  /** Removes consecutive repeated elements (SameValueZero), keeping the first of each run. */
  dedup(): void;

  /** First index of `value` (strict equality) at or after `fromIndex`, or -1. */
  indexOf(value: T, fromIndex?: number): number;
  /** Last index of `value` (strict equality) at or before `fromIndex`, or -1. */
  lastIndexOf(value: T, fromIndex?: number): number;
  /** Whether `value` is present (SameValueZero, so `NaN` is found). */
  includes(value: T, fromIndex?: number): boolean;
  /** Sorts in place; numeric ascending by default. */
  sort(compare?: Comparator<T>): this;
  /** Reverses in place. */
  reverse(): this;
  /** Index of `value` in an ascending vector, or `-(insertionPoint) - 1` when absent. */
  binarySearch(value: T): number;
  /** Sets the elements in `[start, end)` (within the length) to `value`. */
  fill(value: T, start?: number, end?: number): this;

  /** The live elements `[0, length)`; see each implementation for copy/zero-copy and invalidation. */
  view(): View;
  /** A new plain array of the live elements. */
  toArray(): T[];
  /** A new vector of the same capacity holding the same elements. */
  clone(): FixedVec<T, N, View>;
  /** Same length and pairwise SameValueZero-equal elements. */
  equals(other: FixedVec<T, number, ArrayLike<T>> | ArrayLike<T>): boolean;
  /** The live elements, for `JSON.stringify`. */
  toJSON(): unknown[];
  /** Iterates the live elements. */
  values(): IterableIterator<T>;
  /** Iterates the indexes `0 .. length-1`. */
  keys(): IterableIterator<number>;
  /** Iterates `[index, element]` pairs. */
  entries(): IterableIterator<[number, T]>;
  /** Calls `callback` for each live element, in order. */
  forEach(callback: (value: T, index: number, vec: this) => void): void;
  /** Whether `predicate` holds for some live element (stops at the first). */
  some(predicate: (value: T, index: number, vec: this) => unknown): boolean;
  /** Whether `predicate` holds for every live element (stops at the first that fails). */
  every(predicate: (value: T, index: number, vec: this) => unknown): boolean;
  /** The first live element for which `predicate` holds, or `undefined`. */
  find(predicate: (value: T, index: number, vec: this) => unknown): T | undefined;
  /** The index of the first live element for which `predicate` holds, or -1. */
  findIndex(predicate: (value: T, index: number, vec: this) => unknown): number;
  /** Folds the live elements, in order, into `initial` (which is required: an empty vector gives it back). */
  reduce<U>(reducer: (accumulator: U, value: T, index: number, vec: this) => U, initial: U): U;
  /** The live elements as strings, joined by `separator` (default `","`), as `Array.prototype.join` does. */
  join(separator?: string): string;
  /** `join()`, so that `String(vec)` shows the elements, as for an `Array`. */
  toString(): string;
}
