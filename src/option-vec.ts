/**
 * `OptionVec`: the `[Option<T>; N]` design from Rust, written as well as that design can be
 * written in JavaScript, as the honest baseline the typed vectors are measured against.
 *
 * @module
 */

import { pinName } from './class-name.js';
import {
  rethrowUnder,
  throwArgumentError,
  throwBoundsError,
  throwCallbackResultError,
  throwCapacityError,
  throwCopyCapacityError,
  throwElementTypeError,
  throwElementTypeErrorAt,
  throwEmptyError,
  throwIndexError,
  throwLengthMismatch,
  throwModifiedDuringCallback,
  throwNotAFunction,
  throwOperandError,
  throwOutError,
} from './errors.js';
import { F64Vec } from './generated/f64-vec.js';
import { inspectVector } from './inspect.js';
import {
  INSPECT_CUSTOM,
  MAX_CAPACITY,
  SCRATCH_LIMIT,
  type InspectFunction,
  type InspectOptions,
  checkFromIndex,
  checkIntegerInRange,
  checkNonNegativeInteger,
  checkNotRevoked,
  checkRange,
  checkResizeLength,
  checkSpliceRange,
  relativeIndex,
  sameValueZero,
  typedArrayKind,
} from './internal.js';
import { type NumberCopyTarget, copyCount, typedArrayTarget, vectorTargetEnd } from './kernels-support.js';
import {
  ADD,
  DIV,
  LARGEST,
  MUL,
  OPERAND,
  OPERAND_ELEMENT,
  SMALLEST,
  SUB,
  type BinaryLoops,
  absInto,
  argExtremumOf,
  axpyArray,
  axpyTyped,
  checkNumbers,
  clampInto,
  copyToVector,
  extremumOf,
  normOf,
  pairwiseDot,
  pairwiseDotTyped,
  pairwiseSum,
  pairwiseSumOfSquares,
} from './option-vec-kernels.js';
import { type ElementRule, NUMBER_ELEMENT, comparedElements, copyChecked, stageElements, typedArraySource } from './staging.js';
import type { NumVec } from './num-vec.js';
import type { Comparator, FixedVec, VecSource } from './types.js';

/**
 * The largest capacity an `OptionVec` accepts: 2^25 = 33,554,432 slots (see
 * {@link OptionVec.MAX_CAPACITY}). Measured on Node 20 (V8 11.3): `new Array(n)` with
 * `n > 2^25` starts in dictionary mode, and filling it took 17 s at `2^25 + 1` slots against
 * 1 s at `2^25`; at `2^27 - 3` slots and from `2^28` up, the process died of an uncatchable
 * out-of-memory error instead of throwing.
 */
const OPTION_VEC_MAX_CAPACITY = 2 ** 25;

/** What the element-type errors say an element must be. */
const DEFINED = 'defined value';

/** The elements of an `OptionVec`: anything but `undefined`, the `None` marker. */
const DEFINED_ELEMENT: ElementRule = {
  typeOf: undefined,
  refuse: (where, value) => throwElementTypeError(where, value, DEFINED),
};

/**
 * The scratch buffer of one method, reused between its calls and taken while in use: a call
 * made from inside the user's callback finds none and allocates its own, so it cannot write
 * into the outer call's buffer. A call that throws does not give its buffer back.
 */
class Scratch<A extends { readonly length: number }> {
  #free: A | null = null;
  readonly #allocate: (length: number) => A;

  constructor(allocate: (length: number) => A) {
    this.#allocate = allocate;
  }

  /** A buffer of at least `length` elements, taken until {@link Scratch.give} returns it. */
  take(length: number): A {
    const free = this.#free;
    this.#free = null;
    return free !== null && free.length >= length ? free : this.#allocate(length);
  }

  /** Keeps `buffer` for the next call, unless it holds more than {@link SCRATCH_LIMIT} elements. */
  give(buffer: A): void {
    if (buffer.length <= SCRATCH_LIMIT) this.#free = buffer;
  }
}

/** The results of `map`, staged before the first write. */
const MAP_SCRATCH = /* @__PURE__ */ new Scratch((length) => new Float64Array(length));

/** The decisions of `retain` and `extractIf` (1 for a truthy result), recorded before the first write. */
const RETAIN_SCRATCH = /* @__PURE__ */ new Scratch((length) => new Uint8Array(length));

/**
 * A fixed-capacity vector of any non-`undefined` values, stored the way Rust's
 * `[Option<T>; N]` stores them: a plain JS array of `capacity` slots created filled with
 * `undefined`, where a live slot holds a `T` (`Some`) and every slot at or past `length`
 * holds `undefined` (`None`). Removing an element writes `undefined` back into the freed
 * slot (Rust's `Option::take()`), so the array never keeps a removed value alive.
 *
 * This is the comparison baseline for the typed vectors, with the costs that design has in
 * JavaScript (docs/design.md, "The Option design, measured"): every number stored in a slot is a boxed heap number
 * (24 bytes per `f64` element instead of 8), pushes allocate, and the garbage collector
 * scans the whole array. In exchange it holds any element type.
 *
 * `undefined` is the `None` marker, so it is never an element: the type parameter excludes
 * it (`T extends {} | null`), and every method that takes an element throws a `TypeError`
 * for `undefined` at run time. Any other value is accepted as it is; there is no run-time
 * element type and no conversion. `null` is an ordinary element.
 *
 * Everything the shared {@link FixedVec} interface promises holds exactly as for the typed
 * vectors (same argument rules, error classes and messages, all-or-nothing growth, callback
 * rules, iterators). The differences, each forced by the representation:
 * - {@link OptionVec.view} returns a new copy on every call, not a zero-copy view.
 * - {@link OptionVec.drain} and {@link OptionVec.splice} return plain arrays.
 * - A source for `extend`, `splice` or `from` may hold any non-`undefined` values, so a
 *   `BigInt64Array` or a vector of another element type is accepted rather than refused.
 * - The capacity is at most {@link OptionVec.MAX_CAPACITY} (2^25).
 *
 * An `OptionVec<number>` also has the numeric kernels of the typed vectors, for the
 * comparison: `sum`, `mean`, `min`, `max`, `argmin`, `argmax`, `dot`, `sumOfSquares`, `norm`,
 * `add`, `sub`, `mul`, `div`, `scale`, `axpy`, `clamp`, `abs`, `map`, `copyFrom` and `copyTo`,
 * with the names, semantics, error classes and messages of {@link F64Vec}'s (the pairwise
 * sums give bit-identical results), and an `OptionVec<number>` is a {@link NumVec}. Their
 * `this` parameter (`NumVec`, or `OptionVec<number, N>`) makes them uncallable on vectors of
 * other element types. They carry the design's costs: every
 * element-wise result is stored as a new heap number, and every element read is checked to
 * be a number (a type cast can put anything in a slot), in a separate pass before the first
 * write for the element-wise operations, which must change nothing when they throw.
 *
 * @typeParam T - the element type; anything but `undefined`. `number` unless given or
 * inferred from elements: `new OptionVec(4)` is an `OptionVec<number, 4>`, so pushing a
 * string does not compile. Give both parameters for another element type,
 * `new OptionVec<string, 4>(4)` (TypeScript infers none of a class's type parameters once
 * one is given, so `new OptionVec<string>(4)` has the capacity type `number`), or let
 * `OptionVec.from` / `OptionVec.of` infer them from the elements.
 * @typeParam N - the capacity, as a literal type when it is known.
 * @example
 * ```ts
 * const v = new OptionVec(4);              // OptionVec<number, 4>, empty
 * v.push(1.5);
 * v.extend([-2, 0.25]);
 * v.get(0);                                 // 1.5
 * v.pop();                                  // 0.25 (its slot is set back to undefined)
 * v.toArray();                              // [1.5, -2]
 * OptionVec.of('b', 'a').sort().toArray();  // ['a', 'b']
 * ```
 */
export class OptionVec<T extends {} | null = number, N extends number = number> implements FixedVec<T, N, readonly T[]> {
  static {
    pinName(this, 'OptionVec');
  }

  /**
   * The largest capacity accepted: 2^25 (33,554,432). Past it V8 builds the backing array in
   * slow dictionary mode, and well past it the process runs out of memory without a
   * catchable error; the typed vectors have no such limit below 2^32 - 1.
   *
   * @group Memory
   */
  static readonly MAX_CAPACITY: number = OPTION_VEC_MAX_CAPACITY;

  // Representation invariant: #data.length is the capacity and never changes; every slot
  // in [0, #length) holds a T (never undefined); every slot in [#length, capacity) holds
  // undefined, so the array never retains a removed value. 0 <= #length <= #data.length.
  // #data never leaves this class: every method that hands out elements copies them.
  readonly #data: (T | undefined)[];
  #length = 0;

  /**
   * Creates an empty vector: a new array of `capacity` slots, each set to `undefined`.
   *
   * @param capacity - an integer from 0 to {@link OptionVec.MAX_CAPACITY} (2^25).
   * @throws TypeError when `capacity` is not a number; RangeError when it is not such an integer.
   * @group Construction
   */
  constructor(capacity: N) {
    checkIntegerInRange('OptionVec', 'capacity', capacity, OPTION_VEC_MAX_CAPACITY);
    this.#data = new Array<T | undefined>(capacity).fill(undefined);
  }

  /**
   * A vector holding the elements of `source` (an array, typed array, vector or iterable).
   * `OptionVec.from(['a'], 8)` has type `OptionVec<string, 8>`; without a capacity the
   * capacity type is `number`.
   *
   * @param source - the elements.
   * @param capacity - the capacity; defaults to the number of elements.
   * @throws CapacityError when `source` has more than `capacity` elements.
   * @throws TypeError when an element is `undefined`, or `source` is neither array-like nor iterable.
   * @throws TypeError or RangeError when `capacity` is not an integer from 0 to 2^25.
   * @group Construction
   */
  static from<T extends {} | null, const M extends number>(source: VecSource<T>, capacity: M): OptionVec<T, M>;
  static from<T extends {} | null>(source: VecSource<T>): OptionVec<T>;
  static from<T extends {} | null>(source: VecSource<T>, capacity?: number): OptionVec<T> {
    return OptionVec.#build('OptionVec.from', source, capacity);
  }

  /**
   * A full vector holding exactly `items`. The element type is inferred and widened, the
   * capacity is the literal count: `OptionVec.of(1.5, -2)` has type `OptionVec<number, 2>`,
   * `OptionVec.of('a', null)` has type `OptionVec<string | null, 2>`.
   *
   * @throws TypeError when an item is `undefined`.
   * @group Construction
   */
  static of<Items extends readonly ({} | null)[]>(...items: Items): OptionVec<Items[number], Items['length']> {
    return OptionVec.#build('OptionVec.of', items, items.length) as OptionVec<Items[number], Items['length']>;
  }

  /** {@link OptionVec.from} and {@link OptionVec.of}, with their errors naming `where`. */
  static #build<T extends {} | null>(where: string, source: VecSource<T>, capacity: number | undefined): OptionVec<T> {
    if (capacity !== undefined) checkIntegerInRange(where, 'capacity', capacity, OPTION_VEC_MAX_CAPACITY);
    const limit = capacity ?? OptionVec.MAX_CAPACITY;
    const items = OptionVec.#staged<T>(where, source, limit);
    if (typeof items === 'number') throwCapacityError(where, source, limit, 0, items);
    const vec = new OptionVec<T>(capacity === undefined ? items.length : capacity);
    vec.#append(where, source, items);
    return vec;
  }

  /**
   * The number of slots, fixed at construction.
   *
   * @group Core
   */
  get capacity(): N {
    return this.#data.length as N;
  }

  /**
   * The number of live elements.
   *
   * @group Core
   */
  get length(): number {
    return this.#length;
  }

  /**
   * Whether the vector holds no elements.
   *
   * @group Core
   */
  get isEmpty(): boolean {
    return this.#length === 0;
  }

  /**
   * Whether the vector holds `capacity` elements.
   *
   * @group Core
   */
  get isFull(): boolean {
    return this.#length === this.#data.length;
  }

  /**
   * How many more elements fit: `capacity - length`.
   *
   * @group Core
   */
  get remaining(): number {
    return this.#data.length - this.#length;
  }

  /**
   * `"OptionVec"`, for `Object.prototype.toString`.
   *
   * @group Core
   */
  get [Symbol.toStringTag](): string {
    return 'OptionVec';
  }

  /**
   * The element at `index`.
   *
   * @param index - an integer in `[0, length)`.
   * @throws IndexError when `index` is fractional, NaN, negative or `>= length`.
   * @group Core
   */
  get(index: number): T {
    // #length is read in the condition rather than into a local that the failure path also
    // uses (docs/design.md, "Index checks").
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) this.#failIndex('OptionVec.get', index);
    // SAFETY: index < #length, and every live slot holds a T.
    return this.#data[index] as T;
  }

  /**
   * Replaces the element at `index`.
   *
   * @param index - an integer in `[0, length)`.
   * @param value - the new element; anything but `undefined`.
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @throws TypeError when `value` is `undefined`.
   * @group Core
   */
  set(index: number, value: T): void {
    if (value === undefined) throwElementTypeError('OptionVec.set', value, DEFINED);
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) this.#failIndex('OptionVec.set', index);
    this.#data[index] = value;
  }

  /**
   * The element at `index`, following `Array.prototype.at`: fractions truncate, negative
   * indexes count from the end, and an index outside the live elements gives `undefined`
   * (which is never an element, so the result is unambiguous).
   *
   * @throws TypeError when `index` is not a number.
   * @group Core
   */
  at(index: number): T | undefined {
    if (typeof index !== 'number') throwArgumentError('OptionVec.at', 'index', index, 'a number');
    const length = this.#length;
    const i = relativeIndex(index, length);
    return i >= 0 && i < length ? this.#data[i] : undefined;
  }

  /**
   * The first element, `get(0)`. Throws rather than returning `undefined` on an empty vector,
   * like {@link OptionVec.pop}; use `at(0)` to peek.
   *
   * @throws EmptyError when the vector is empty.
   * @group Core
   */
  first(): T {
    if (this.#length === 0) throwEmptyError('OptionVec.first');
    // SAFETY: 0 < #length, and every live slot holds a T.
    return this.#data[0] as T;
  }

  /**
   * The last element, `get(length - 1)`. Throws rather than returning `undefined` on an
   * empty vector, like {@link OptionVec.pop}; use `at(-1)` to peek.
   *
   * @throws EmptyError when the vector is empty.
   * @group Core
   */
  last(): T {
    const index = this.#length - 1;
    if (index < 0) throwEmptyError('OptionVec.last');
    // SAFETY: index < #length, and every live slot holds a T.
    return this.#data[index] as T;
  }

  /**
   * Exchanges the elements at `i` and `j`; `swap(i, i)` changes nothing. Both indexes are
   * checked, `i` first, before anything is written.
   *
   * @param i - an integer in `[0, length)`.
   * @param j - an integer in `[0, length)`.
   * @throws IndexError when `i` or `j` is fractional, NaN, negative or `>= length`.
   * @throws TypeError when `i` or `j` is not a number.
   * @group Editing
   */
  swap(i: number, j: number): void {
    const length = this.#length;
    if (!(typeof i === 'number' && (i >>> 0) === i && i < length)) throwIndexError('OptionVec.swap', i, length);
    if (!(typeof j === 'number' && (j >>> 0) === j && j < length)) throwIndexError('OptionVec.swap', j, length);
    const data = this.#data;
    const value = data[i];
    data[i] = data[j];
    data[j] = value;
  }

  /**
   * Appends `value`.
   *
   * @throws CapacityError (carrying `value`) when the vector is full.
   * @throws TypeError when `value` is `undefined`.
   * @group Core
   */
  push(value: T): void {
    if (value === undefined) throwElementTypeError('OptionVec.push', value, DEFINED);
    const data = this.#data;
    const length = this.#length;
    if (length >= data.length) throwCapacityError('OptionVec.push', value, data.length, length, length + 1);
    data[length] = value;
    this.#length = length + 1;
  }

  /**
   * Appends `value` if there is room.
   *
   * @returns `true` if appended, `false` (and no change) when full.
   * @throws TypeError when `value` is `undefined`.
   * @group Core
   */
  tryPush(value: T): boolean {
    if (value === undefined) throwElementTypeError('OptionVec.tryPush', value, DEFINED);
    const data = this.#data;
    const length = this.#length;
    if (length >= data.length) return false;
    data[length] = value;
    this.#length = length + 1;
    return true;
  }

  /**
   * Removes and returns the last element, writing `undefined` into its slot.
   *
   * Throws rather than returning `undefined` on an empty vector, like the typed vectors: a
   * `T | undefined` result would box every number it returns, measured 3.4x slower (field
   * notes section 4). Check `isEmpty` first, or use `at(-1)` to peek.
   *
   * @throws EmptyError when the vector is empty.
   * @group Core
   */
  pop(): T {
    const length = this.#length - 1;
    if (length < 0) throwEmptyError('OptionVec.pop');
    const data = this.#data;
    const value = data[length] as T;
    data[length] = undefined;
    this.#length = length;
    return value;
  }

  /**
   * Removes and returns the last element if `predicate(element)` returns a truthy value,
   * writing `undefined` into its slot; returns `undefined` (and changes nothing) when it
   * returns a falsy value, or when the vector is empty (then `predicate` is not called).
   * Rust's `Vec::pop_if`. `undefined` is never an element, so the result is unambiguous.
   *
   * The length is checked after the call: if `predicate` changed it, `popIf` throws without
   * removing anything (the vector keeps the changes). The element removed and returned is
   * the last one as it is after the call (one that `predicate` replaced with `set` is the
   * replacement).
   *
   * @throws TypeError when `predicate` is not a function (checked on an empty vector too).
   * @throws Error when `predicate` changes the length of the vector.
   * @group Editing
   */
  popIf(predicate: (value: T) => unknown): T | undefined {
    const where = 'OptionVec.popIf';
    if (typeof predicate !== 'function') throwNotAFunction(where, 'predicate', predicate);
    checkNotRevoked(where, 'predicate', predicate);
    const length = this.#length;
    if (length === 0) return undefined;
    const data = this.#data;
    const last = length - 1;
    const remove = predicate(data[last] as T);
    this.#checkLength(where, length);
    if (!remove) return undefined;
    // SAFETY: the length is unchanged, so slot `last` is still live; it is read afresh.
    const value = data[last] as T;
    data[last] = undefined;
    this.#length = last;
    return value;
  }

  /**
   * Appends every element of `source`, or none: all-or-nothing.
   *
   * @param source - an array, typed array, vector or iterable; read completely (and copied)
   * before the vector changes.
   * @throws CapacityError (carrying `source`) when the elements do not all fit; the vector
   * is unchanged.
   * @throws TypeError when an element is `undefined`, or `source` is neither array-like nor
   * iterable (a string is refused too); the vector is unchanged.
   * @group Editing
   */
  extend(source: VecSource<T>): void {
    const items = OptionVec.#staged<T>('OptionVec.extend', source, this.#data.length - this.#length);
    if (typeof items === 'number') throwCapacityError('OptionVec.extend', source, this.#data.length, this.#length, this.#length + items);
    this.#append('OptionVec.extend', source, items);
  }

  /**
   * Like {@link OptionVec.extend}, but reports overflow by returning `false`.
   *
   * @returns `true` if every element was appended, `false` (and no change) if they do not fit.
   * @throws TypeError when an element is `undefined` or `source` is not a source; the vector is unchanged.
   * @group Editing
   */
  tryExtend(source: VecSource<T>): boolean {
    const items = OptionVec.#staged<T>('OptionVec.tryExtend', source, this.#data.length - this.#length);
    if (typeof items === 'number' || items.length > this.#data.length - this.#length) return false;
    this.#append('OptionVec.tryExtend', source, items);
    return true;
  }

  /**
   * Inserts `value` at `index`, shifting the elements at and after it up by one.
   *
   * @param index - an integer in `[0, length]`.
   * @throws IndexError when `index` is not an integer in `[0, length]`.
   * @throws CapacityError when the vector is full.
   * @throws TypeError when `value` is `undefined`.
   * @group Editing
   */
  insert(index: number, value: T): void {
    if (!this.#insertAt('OptionVec.insert', index, value)) {
      throwCapacityError('OptionVec.insert', value, this.#data.length, this.#length, this.#length + 1);
    }
  }

  /**
   * Like {@link OptionVec.insert}, but reports a full vector by returning `false`.
   *
   * @returns `true` if inserted, `false` (and no change) when full.
   * @throws IndexError when `index` is not an integer in `[0, length]`.
   * @throws TypeError when `value` is `undefined`.
   * @group Editing
   */
  tryInsert(index: number, value: T): boolean {
    return this.#insertAt('OptionVec.tryInsert', index, value);
  }

  /**
   * Removes and returns the element at `index`, shifting later elements down and writing
   * `undefined` into the freed last slot. O(length - index).
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Editing
   */
  remove(index: number): T {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) throwIndexError('OptionVec.remove', index, length);
    const data = this.#data;
    const value = data[index] as T;
    const last = length - 1;
    for (let i = index; i < last; i++) data[i] = data[i + 1];
    data[last] = undefined;
    this.#length = last;
    return value;
  }

  /**
   * Removes and returns the element at `index`, moving the last element into its place and
   * writing `undefined` into the freed last slot. O(1); does not keep the order.
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Editing
   */
  swapRemove(index: number): T {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) throwIndexError('OptionVec.swapRemove', index, length);
    const data = this.#data;
    const value = data[index] as T;
    const last = length - 1;
    data[index] = data[last];
    data[last] = undefined;
    this.#length = last;
    return value;
  }

  /**
   * {@link OptionVec.swapRemove} without returning the element: moves the last element into
   * `index`'s place and writes `undefined` into the freed slot. O(1); does not keep the order.
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Editing
   */
  swapDelete(index: number): void {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) throwIndexError('OptionVec.swapDelete', index, length);
    const data = this.#data;
    const last = length - 1;
    data[index] = data[last];
    data[last] = undefined;
    this.#length = last;
  }

  /**
   * Shortens the vector to `newLength` elements, writing `undefined` into every dropped
   * slot. A `newLength` at or above the length has no effect, as in Rust's `Vec::truncate`.
   *
   * @throws TypeError or RangeError when `newLength` is not a non-negative integer.
   * @group Editing
   */
  truncate(newLength: number): void {
    checkNonNegativeInteger('OptionVec.truncate', 'newLength', newLength);
    const length = this.#length;
    if (newLength < length) {
      this.#data.fill(undefined, newLength, length);
      this.#length = newLength + 0; // + 0 turns -0 into 0: the length is a count
    }
  }

  /**
   * Removes every element, writing `undefined` into every slot that was live. The capacity is kept.
   *
   * @group Editing
   */
  clear(): void {
    this.#data.fill(undefined, 0, this.#length);
    this.#length = 0;
  }

  /**
   * Sets the length to `newLength`: shrinking drops elements from the end (their slots
   * become `undefined`), growing writes `fill` into every new slot.
   *
   * @throws CapacityError when `newLength > capacity`.
   * @throws TypeError or RangeError when `newLength` is not a non-negative integer.
   * @throws TypeError when `fill` is `undefined` (even when shrinking).
   * @group Editing
   */
  resize(newLength: number, fill: T): void {
    if (fill === undefined) throwElementTypeError('OptionVec.resize', fill, DEFINED);
    const data = this.#data;
    const length = this.#length;
    checkResizeLength('OptionVec.resize', newLength, fill, data.length, length);
    if (newLength > length) data.fill(fill, length, newLength);
    else data.fill(undefined, newLength, length);
    this.#length = newLength + 0; // + 0 turns -0 into 0: the length is a count
  }

  /**
   * Keeps only the elements for which `predicate` returns a truthy value, in order; the
   * slots freed at the end become `undefined`.
   *
   * All-or-nothing: `predicate` is called for every element first, in index order, with the
   * element as it is at that moment, and `retain` writes nothing until the last call returned.
   * Then it keeps, position by position, the slots whose call returned a truthy value, from
   * the contents as they are at the end (so an element that `predicate` replaced with `set`
   * is kept or dropped by the decision made for its position).
   *
   * - If `predicate` throws, the error propagates and nothing was filtered: the vector is
   *   exactly as `predicate` left it.
   * - If a call changes the vector's length, `retain` throws at once, without calling
   *   `predicate` again and without filtering; the vector keeps the changes.
   *
   * The decisions are recorded in a scratch `Uint8Array` of up to 65536 elements, kept between
   * calls (a `retain` called from inside `predicate` gets its own); longer vectors allocate one
   * per call.
   *
   * @throws TypeError when `predicate` is not a function.
   * @throws Error when `predicate` changes the length of the vector.
   * @group Editing
   */
  retain(predicate: (value: T, index: number) => unknown): void {
    this.#filter('OptionVec.retain', predicate, false);
  }

  /**
   * Removes the elements for which `predicate(element, index)` returns a truthy value and
   * returns them, in order, as a new plain array; the others keep their order, and the slots
   * freed at the end become `undefined`. Rust's `Vec::extract_if` over the whole vector.
   *
   * All-or-nothing, exactly as {@link OptionVec.retain} (with which it shares its loop and
   * scratch buffer): `predicate` is called for every element first, in index order, and
   * nothing is removed until the last call returned; then the slots whose call returned a
   * truthy value are removed, position by position, from the contents as they are at the end.
   *
   * - If `predicate` throws, the error propagates and nothing was removed: the vector is
   *   exactly as `predicate` left it.
   * - If a call changes the vector's length, `extractIf` throws at once, without calling
   *   `predicate` again and without removing anything; the vector keeps the changes.
   *
   * @returns the removed elements, in order (an empty array when none was).
   * @throws TypeError when `predicate` is not a function.
   * @throws Error when `predicate` changes the length of the vector.
   * @group Editing
   */
  extractIf(predicate: (value: T, index: number) => unknown): T[] {
    return this.#filter('OptionVec.extractIf', predicate, true) as T[];
  }

  /**
   * The loop of {@link OptionVec.retain} and {@link OptionVec.extractIf}: records
   * `predicate(element, index)` for every element (checking the length after each call),
   * then keeps, in order, the elements whose result was truthy (`retain`) or falsy
   * (`extract`), writing `undefined` into the slots freed at the end.
   *
   * @returns the elements removed, in order, when `extract`; otherwise `null`.
   */
  #filter(where: string, predicate: (value: T, index: number) => unknown, extract: boolean): T[] | null {
    if (typeof predicate !== 'function') throwNotAFunction(where, 'predicate', predicate);
    checkNotRevoked(where, 'predicate', predicate);
    // #data is the same array for the vector's whole life; its slots are read afresh below.
    const data = this.#data;
    const length = this.#length;
    const decided = RETAIN_SCRATCH.take(length);
    for (let i = 0; i < length; i++) {
      decided[i] = predicate(data[i] as T, i) ? 1 : 0;
      this.#checkLength(where, length);
    }
    // The decision that keeps an element: a truthy result for retain, a falsy one for extractIf.
    const keepWhen = extract ? 0 : 1;
    const removed: T[] | null = extract ? [] : null;
    // SAFETY: kept <= i, so every slot is read before it is overwritten; the slots freed at
    // the end are set back to undefined.
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const value = data[i] as T;
      if (decided[i] === keepWhen) data[kept++] = value;
      else if (removed !== null) removed.push(value);
    }
    data.fill(undefined, kept, length);
    this.#length = kept;
    RETAIN_SCRATCH.give(decided);
    return removed;
  }

  /**
   * Removes the elements in `[start, end)` and returns them, in order, as a new plain array.
   * The slots freed at the end become `undefined`.
   *
   * @param start - an integer in `[0, length]`; default 0.
   * @param end - an integer in `[start, length]`; default `length`.
   * @throws TypeError or RangeError when the range is not within `[0, length]`.
   * @group Editing
   */
  drain(start = 0, end: number = this.#length): T[] {
    const length = this.#length;
    checkRange('OptionVec.drain', start, end, length);
    const data = this.#data;
    const removed = data.slice(start, end) as T[];
    const newLength = length - (end - start);
    for (let i = end; i < length; i++) data[start + i - end] = data[i];
    data.fill(undefined, newLength, length);
    this.#length = newLength;
    return removed;
  }

  /**
   * A new vector with the same capacity holding the elements in `[start, end)`, in its own
   * backing array; this vector is unchanged. Unlike `Array.prototype.slice`, the bounds must
   * lie within the vector (no negative or clamped values), as for {@link OptionVec.drain}.
   *
   * @param start - an integer in `[0, length]`; default 0.
   * @param end - an integer in `[start, length]`; default `length`.
   * @throws TypeError or RangeError when the range is not within `[0, length]`.
   * @group Core
   */
  slice(start = 0, end: number = this.#length): OptionVec<T, N> {
    checkRange('OptionVec.slice', start, end, this.#length);
    const data = this.#data;
    const copy = new OptionVec<T, N>(data.length as N);
    const target = copy.#data;
    const count = end - start + 0; // + 0 turns -0 into 0: the length is a count
    for (let i = 0; i < count; i++) target[i] = data[start + i];
    copy.#length = count;
    return copy;
  }

  /**
   * Moves the elements `[at, length)` into a new vector with the same capacity and truncates
   * this one to `at`, writing `undefined` into every slot it frees. Rust's `Vec::split_off`;
   * `at` is checked as {@link OptionVec.drain} checks its `start`.
   *
   * @param at - an integer in `[0, length]`.
   * @returns the new vector, holding what was `[at, length)`.
   * @throws TypeError or RangeError when `at` is not an integer in `[0, length]`; nothing changes.
   * @group Editing
   */
  splitOff(at: number): OptionVec<T, N> {
    const data = this.#data;
    const length = this.#length;
    checkIntegerInRange('OptionVec.splitOff', 'at', at, length);
    const tail = new OptionVec<T, N>(data.length as N);
    const target = tail.#data;
    const count = length - at;
    for (let i = 0; i < count; i++) target[i] = data[at + i];
    data.fill(undefined, at, length);
    tail.#length = count;
    this.#length = at + 0; // + 0 turns -0 into 0: the length is a count
    return tail;
  }

  /**
   * Replaces `deleteCount` elements at `start` with the elements of `items`, all-or-nothing,
   * and returns the removed elements as a new plain array. Unlike `Array.prototype.splice`,
   * `start` and `deleteCount` must lie within the vector (no negative or clamped values).
   * Slots freed at the end become `undefined`.
   *
   * @param start - an integer in `[0, length]`.
   * @param deleteCount - an integer in `[0, length - start]`.
   * @param items - the elements to insert; none by default.
   * @throws CapacityError when the result would exceed the capacity; the vector is unchanged.
   * @throws TypeError when an item is `undefined` or `items` is not a source; the vector is unchanged.
   * @group Editing
   */
  splice(start: number, deleteCount: number, items: VecSource<T> = []): T[] {
    checkSpliceRange('OptionVec.splice', start, deleteCount, this.#length);
    // Staging copies the items, so a source that is this vector itself is safe. It may also
    // run user code (an iterator, a length getter) that changes this vector, so the length
    // is read afresh afterwards and the range checked again against it.
    // At most capacity - length + deleteCount items can fit: read no more than one past that.
    const staged = OptionVec.#staged<T>('OptionVec.splice', items, this.#data.length - this.#length + deleteCount);
    const length = this.#length;
    checkSpliceRange('OptionVec.splice', start, deleteCount, length);
    const data = this.#data;
    const count = typeof staged === 'number' ? staged : staged.length;
    const newLength = length - deleteCount + count;
    if (newLength > data.length || typeof staged === 'number') throwCapacityError('OptionVec.splice', items, data.length, length, newLength);
    const inserted = staged;
    const removed = data.slice(start, start + deleteCount) as T[];
    const tail = start + deleteCount;
    const shift = count - deleteCount;
    if (shift > 0) {
      for (let i = length - 1; i >= tail; i--) data[i + shift] = data[i];
    } else if (shift < 0) {
      for (let i = tail; i < length; i++) data[i + shift] = data[i];
      data.fill(undefined, newLength, length);
    }
    for (let i = 0; i < count; i++) data[start + i] = inserted[i];
    this.#length = newLength;
    return removed;
  }

  /**
   * Removes consecutive repeated elements (SameValueZero: `NaN` repeats `NaN`), keeping the
   * first of each run. The slots freed at the end become `undefined`.
   *
   * @group Editing
   */
  dedup(): void {
    const data = this.#data;
    const length = this.#length;
    if (length < 2) return;
    let kept = 1;
    for (let read = 1; read < length; read++) {
      const value = data[read];
      if (!sameValueZero(value, data[kept - 1])) data[kept++] = value;
    }
    data.fill(undefined, kept, length);
    this.#length = kept;
  }

  /**
   * The first index of `value` at or after `fromIndex` (strict equality, so `NaN` is never
   * found), or -1.
   *
   * @param fromIndex - an integer; negative counts from the end, as in `Array.prototype.indexOf`.
   * @throws TypeError when `value` is `undefined` (never an element), or `fromIndex` is not a number.
   * @throws RangeError when `fromIndex` is not an integer.
   * @group Core
   */
  indexOf(value: T, fromIndex = 0): number {
    if (value === undefined) throwElementTypeError('OptionVec.indexOf', value, DEFINED);
    checkFromIndex('OptionVec.indexOf', fromIndex);
    const data = this.#data;
    const length = this.#length;
    // + 0 turns a fromIndex of -0 into 0, so that an index found is never -0.
    for (let i = fromIndex < 0 ? Math.max(length + fromIndex, 0) : fromIndex + 0; i < length; i++) {
      if (data[i] === value) return i;
    }
    return -1;
  }

  /**
   * The last index of `value` at or before `fromIndex` (strict equality), or -1.
   *
   * @param fromIndex - an integer; negative counts from the end; default `length - 1`.
   * @throws TypeError when `value` is `undefined`, or `fromIndex` is not a number.
   * @throws RangeError when `fromIndex` is not an integer.
   * @group Core
   */
  lastIndexOf(value: T, fromIndex: number = this.#length - 1): number {
    if (value === undefined) throwElementTypeError('OptionVec.lastIndexOf', value, DEFINED);
    checkFromIndex('OptionVec.lastIndexOf', fromIndex);
    const data = this.#data;
    const length = this.#length;
    for (let i = fromIndex < 0 ? length + fromIndex : Math.min(fromIndex + 0, length - 1); i >= 0; i--) {
      if (data[i] === value) return i;
    }
    return -1;
  }

  /**
   * Whether `value` is among the elements at or after `fromIndex` (SameValueZero, so `NaN`
   * is found and `-0` equals `0`).
   *
   * @param fromIndex - an integer; negative counts from the end, as in `Array.prototype.includes`.
   * @throws TypeError when `value` is `undefined`, or `fromIndex` is not a number.
   * @throws RangeError when `fromIndex` is not an integer.
   * @group Core
   */
  includes(value: T, fromIndex = 0): boolean {
    if (value === undefined) throwElementTypeError('OptionVec.includes', value, DEFINED);
    checkFromIndex('OptionVec.includes', fromIndex);
    const data = this.#data;
    const length = this.#length;
    for (let i = fromIndex < 0 ? Math.max(length + fromIndex, 0) : fromIndex; i < length; i++) {
      if (sameValueZero(data[i], value)) return true;
    }
    return false;
  }

  /**
   * Sorts the elements in place (stable).
   *
   * Without `compare`, the **default order**, which calls no user code (never `valueOf`,
   * `toString`, a getter or a Proxy trap of an element) and orders every primitive but a
   * symbol completely; elements it does not tell apart keep their order. The elements fall
   * into groups, in this order:
   * 1. numbers and bigints, by numeric value (a bigint and a number compared exactly, as
   *    `<` does), with `NaN` after every other number; of equal values, `-0` comes before
   *    `0` and a number before the bigint (`-0`, `0`, `0n`). For numbers alone, or bigints
   *    alone, this is the order of `TypedArray.prototype.sort`, as in the typed vectors.
   * 2. strings, by UTF-16 code units (as `<` compares them; not locale-aware).
   * 3. booleans, `false` before `true`.
   * 4. symbols, in their order in the vector.
   * 5. objects and functions, in their order in the vector (by identity only: the sort
   *    reads nothing of them).
   * 6. `null`.
   *
   * With `compare`, the order `compare` gives, as `Array.prototype.sort` uses it. The live
   * elements are sorted in a copy and written back only after the sort returned, so if
   * `compare` throws the vector is exactly as `compare` left it; the vector's length is
   * checked after each call of `compare`, and if a call changed it `sort` throws at once
   * (the vector keeps that change, and no sorted element is written).
   *
   * @throws TypeError when `compare` is given and is not a function.
   * @throws Error when `compare` changes the length of the vector.
   * @group Editing
   */
  sort(compare?: Comparator<T>): this {
    if (compare !== undefined) {
      if (typeof compare !== 'function') throwNotAFunction('OptionVec.sort', 'compare', compare);
      checkNotRevoked('OptionVec.sort', 'compare', compare);
    }
    const length = this.#length;
    const sorted = compare === undefined ? sortedByDefault(this.#data, length) : this.#sortedBy(compare, length);
    const data = this.#data;
    for (let i = 0; i < length; i++) data[i] = sorted[i] as T;
    return this;
  }

  /**
   * A sorted copy of the live elements, by `compare`, with this vector's length checked after
   * each call of `compare`.
   */
  #sortedBy(compare: Comparator<T>, length: number): T[] {
    return (this.#data.slice(0, length) as T[]).sort((a, b) => {
      // The unary plus is the ToNumber that sort applies to the result: done here, a valueOf
      // of the result runs before the check instead of after it.
      const order = +compare(a, b);
      this.#checkLength('OptionVec.sort', length);
      return order;
    });
  }

  /**
   * Reverses the elements in place.
   *
   * @group Editing
   */
  reverse(): this {
    const data = this.#data;
    for (let low = 0, high = this.#length - 1; low < high; low++, high--) {
      const value = data[low];
      data[low] = data[high];
      data[high] = value;
    }
    return this;
  }

  /**
   * Binary search in a vector sorted in the default order of {@link OptionVec.sort}, with
   * `-0` and `0` equal here (as in the typed vectors). Reports a match only for an element
   * SameValueZero-equal to `value` (`NaN` finds `NaN`; `0` does not find `0n`, nor `"0"`).
   * O(log length), calling no user code. Symbols, objects and functions are not ordered
   * among themselves, so finding one scans the run of its group around the probe as well:
   * O(log length + run length). For elements sorted with a custom comparator the result is
   * meaningless.
   *
   * @returns an index of an element equal to `value` if there is one, else
   * `-(insertionPoint) - 1`, which is negative; the insertion point of an absent symbol,
   * object or function is the end of the run of its group.
   * @throws TypeError when `value` is `undefined`.
   * @group Core
   */
  binarySearch(value: T): number {
    if (value === undefined) throwElementTypeError('OptionVec.binarySearch', value, DEFINED);
    const data = this.#data;
    let low = 0;
    let high = this.#length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const probe = data[mid];
      // `===` first: it makes -0 and 0 equal here, and is all a match of most probes costs.
      const order = probe === value ? 0 : compareDefault(probe, value);
      if (order < 0) low = mid + 1;
      else if (order > 0) high = mid;
      else return sameValueZero(probe, value) ? mid : this.#searchUnordered(mid, value);
    }
    return -low - 1;
  }

  /**
   * The end of {@link OptionVec.binarySearch} when the element at `mid` is of the group of
   * `value` without being `value`: only symbols, objects and functions, which the default
   * order does not tell apart. Scans the run of that group around `mid` for `value`.
   *
   * @returns the index of `value`, or `-(end of the run) - 1`.
   */
  #searchUnordered(mid: number, value: T): number {
    const data = this.#data;
    const length = this.#length;
    const group = groupOf(value);
    for (let i = mid - 1; i >= 0 && groupOf(data[i]) === group; i--) {
      if (data[i] === value) return i;
    }
    let end = mid + 1;
    for (; end < length && groupOf(data[end]) === group; end++) {
      if (data[end] === value) return end;
    }
    return -end - 1;
  }

  /**
   * Sets every element in `[start, end)` to `value`. The range must lie within the live
   * elements: `fill` never changes the length.
   *
   * @param start - an integer in `[0, length]`; default 0.
   * @param end - an integer in `[start, length]`; default `length`.
   * @throws TypeError when `value` is `undefined`.
   * @throws TypeError or RangeError when the range is not within `[0, length]`.
   * @group Editing
   */
  fill(value: T, start = 0, end: number = this.#length): this {
    if (value === undefined) throwElementTypeError('OptionVec.fill', value, DEFINED);
    checkRange('OptionVec.fill', start, end, this.#length);
    this.#data.fill(value, start, end);
    return this;
  }

  /**
   * Copies the elements in `[start, end)` to the positions from `target` on, as
   * `Array.prototype.copyWithin` does, within the live elements: as many as fit before
   * `length` are copied, overlapping ranges as if through a copy. The length does not
   * change. Unlike the `Array` method, every argument must lie within the vector (no
   * negative or clamped values), as for {@link OptionVec.splice} and {@link OptionVec.drain}.
   *
   * @param target - an integer in `[0, length]`.
   * @param start - an integer in `[0, length]`.
   * @param end - an integer in `[start, length]`; default `length`.
   * @returns this vector.
   * @throws TypeError or RangeError when an argument is not such an integer (checked in the
   * order `target`, `start`, `end`); nothing changes.
   * @group Editing
   */
  copyWithin(target: number, start: number, end: number = this.#length): this {
    const where = 'OptionVec.copyWithin';
    const length = this.#length;
    checkIntegerInRange(where, 'target', target, length);
    checkRange(where, start, end, length);
    const count = Math.min(end - start, length - target);
    // SAFETY: target + count <= length, so only live slots are written (the backing array is
    // longer, and Array.prototype.copyWithin would otherwise copy into the spare slots).
    this.#data.copyWithin(target, start, start + count);
    return this;
  }

  /**
   * The live elements, as a **new array on every call** (`readonly` in its type only).
   *
   * Unlike a typed vector's zero-copy `view()`, this allocates and copies `length`
   * elements per call: the backing array has `undefined` spare slots and must not escape, and
   * a JS array cannot present a prefix of itself. Writes to the returned array do not reach
   * the vector, and it does not follow later changes; two calls return different arrays.
   * That cost is part of the Option design's comparison with the typed vectors.
   *
   * @group Core
   */
  view(): readonly T[] {
    return this.#data.slice(0, this.#length) as T[];
  }

  /**
   * A new plain array of the live elements.
   *
   * @group Core
   */
  toArray(): T[] {
    return this.#data.slice(0, this.#length) as T[];
  }

  /**
   * A new `Float64Array` holding a copy of the live elements. Only for vectors of numbers.
   *
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Core
   */
  toTypedArray(this: OptionVec<number, N>): Float64Array {
    return copyChecked('OptionVec.toTypedArray', this.#data, this.#length, NUMBER_ELEMENT, Float64Array);
  }

  /**
   * A new vector with the same capacity and elements, in its own backing array.
   *
   * @group Core
   */
  clone(): OptionVec<T, N> {
    const copy = new OptionVec<T, N>(this.#data.length as N);
    const data = this.#data;
    const target = copy.#data;
    const length = this.#length;
    for (let i = 0; i < length; i++) target[i] = data[i];
    copy.#length = length;
    return copy;
  }

  /**
   * Whether `other` (a vector, array or typed array) has the same length and
   * SameValueZero-equal elements (`NaN` equals `NaN`, `-0` equals `0`; objects by identity).
   *
   * @group Core
   */
  equals(other: FixedVec<T, number, ArrayLike<T>> | ArrayLike<T>): boolean {
    // Take the other elements first: an array-like's getters run user code, which may change
    // this vector, so its length is read only afterwards.
    const vec = OptionVec.#isVec(other) ? other : null;
    const items = vec !== null ? vec.#data : comparedElements('OptionVec.equals', other);
    const otherLength = vec !== null ? vec.#length : items.length;
    const length = this.#length;
    if (otherLength !== length) return false;
    const data = this.#data;
    for (let i = 0; i < length; i++) {
      if (!sameValueZero(data[i], items[i])) return false;
    }
    return true;
  }

  /**
   * The live elements as a plain array, for `JSON.stringify`: bigint elements become decimal
   * strings (JSON has no bigint, as with `I64Vec`); numbers stay numbers (`NaN` and
   * infinities become `null`, as JSON does); other values are left for `JSON.stringify`.
   *
   * @group Core
   */
  toJSON(): (T extends bigint ? string : T)[] {
    const data = this.#data;
    const length = this.#length;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const value = data[i];
      out.push(typeof value === 'bigint' ? String(value) : value);
    }
    return out as (T extends bigint ? string : T)[];
  }

  /**
   * The live elements converted to strings and joined by `separator`, as
   * `Array.prototype.join` does: `null` becomes the empty string, every other element is
   * converted as `String()` converts it (a bigint without its `n`, `-0` as `"0"`, an object
   * through its `toString`).
   *
   * `separator` is converted with `String()` once, first, as in the typed vectors; then the
   * live elements are copied, so user code run by a conversion (a `toString` of the
   * separator or of an element) that changes the vector does not change what is joined. A
   * symbol element, which `Array.prototype.join` cannot convert either, is refused with a
   * TypeError naming the method before any element is converted.
   *
   * @param separator - converted with `String()`; `","` by default (and for `undefined`).
   * @throws TypeError when an element is a symbol.
   * @group Core
   */
  join(separator?: string): string {
    // Converted before the elements are copied: an object's toString is user code.
    return this.#joined('OptionVec.join', separator === undefined ? ',' : String(separator));
  }

  /**
   * `join()`: the live elements separated by commas, so that `String(vec)` and `${vec}` show
   * them, as for an `Array`.
   *
   * @throws TypeError when an element is a symbol.
   * @group Core
   */
  toString(): string {
    return this.#joined('OptionVec.toString', ',');
  }

  /** {@link OptionVec.join} with the separator converted, its errors naming `where`. */
  #joined(where: string, separator: string): string {
    const items = this.#data.slice(0, this.#length);
    for (let i = 0; i < items.length; i++) {
      if (typeof items[i] === 'symbol') throwElementTypeErrorAt(where, items[i], 'value other than a symbol', i);
    }
    return items.join(separator);
  }

  /**
   * Iterates the live elements; the same as {@link OptionVec.values}.
   *
   * @group Core
   */
  [Symbol.iterator](): IterableIterator<T> {
    return new OptionVecIterator<T, T>(this, VALUES);
  }

  /**
   * Iterates the live elements. The iterator reads the length at every step, so it never
   * yields a slot that stopped being live during the iteration, and stays done once done.
   *
   * @group Core
   */
  values(): IterableIterator<T> {
    return new OptionVecIterator<T, T>(this, VALUES);
  }

  /**
   * Iterates the indexes of the live elements.
   *
   * @group Core
   */
  keys(): IterableIterator<number> {
    return new OptionVecIterator<T, number>(this, KEYS);
  }

  /**
   * Iterates `[index, element]` pairs of the live elements.
   *
   * @group Core
   */
  entries(): IterableIterator<[number, T]> {
    return new OptionVecIterator<T, [number, T]>(this, ENTRIES);
  }

  /**
   * Calls `callback(element, index, vec)` for each live element in order. The length is
   * read at every step: if the callback shortens the vector, iteration stops early.
   *
   * @throws TypeError when `callback` is not a function.
   * @group Core
   */
  forEach(callback: (value: T, index: number, vec: this) => void): void {
    if (typeof callback !== 'function') throwNotAFunction('OptionVec.forEach', 'callback', callback);
    checkNotRevoked('OptionVec.forEach', 'callback', callback);
    for (let i = 0; i < this.#length; i++) callback(this.#data[i] as T, i, this);
  }

  /**
   * Whether `predicate(element, index, vec)` returns a truthy value for some live element,
   * calling it in index order and stopping at the first truthy result. As in
   * {@link OptionVec.forEach}, the length is read at every step and each element when its
   * call is made: if `predicate` shortens the vector, the calls stop early; if it grows it,
   * they go on to the new elements.
   *
   * @returns `false` for an empty vector.
   * @throws TypeError when `predicate` is not a function.
   * @group Core
   */
  some(predicate: (value: T, index: number, vec: this) => unknown): boolean {
    if (typeof predicate !== 'function') throwNotAFunction('OptionVec.some', 'predicate', predicate);
    checkNotRevoked('OptionVec.some', 'predicate', predicate);
    for (let i = 0; i < this.#length; i++) {
      if (predicate(this.#data[i] as T, i, this)) return true;
    }
    return false;
  }

  /**
   * Whether `predicate(element, index, vec)` returns a truthy value for every live element,
   * calling it in index order and stopping at the first falsy result. The length and the
   * elements are read at every step, as in {@link OptionVec.some}.
   *
   * @returns `true` for an empty vector.
   * @throws TypeError when `predicate` is not a function.
   * @group Core
   */
  every(predicate: (value: T, index: number, vec: this) => unknown): boolean {
    if (typeof predicate !== 'function') throwNotAFunction('OptionVec.every', 'predicate', predicate);
    checkNotRevoked('OptionVec.every', 'predicate', predicate);
    for (let i = 0; i < this.#length; i++) {
      if (!predicate(this.#data[i] as T, i, this)) return false;
    }
    return true;
  }

  /**
   * The first live element for which `predicate(element, index, vec)` returns a truthy
   * value, or `undefined` (never an element, so the result is unambiguous). Calls it in
   * index order and stops at the first match; the length and the elements are read at every
   * step, as in {@link OptionVec.some}.
   *
   * @throws TypeError when `predicate` is not a function.
   * @group Core
   */
  find(predicate: (value: T, index: number, vec: this) => unknown): T | undefined {
    if (typeof predicate !== 'function') throwNotAFunction('OptionVec.find', 'predicate', predicate);
    checkNotRevoked('OptionVec.find', 'predicate', predicate);
    for (let i = 0; i < this.#length; i++) {
      const value = this.#data[i] as T;
      if (predicate(value, i, this)) return value;
    }
    return undefined;
  }

  /**
   * The index of the first live element for which `predicate(element, index, vec)` returns a
   * truthy value, or -1. Calls it in index order and stops at the first match; the length
   * and the elements are read at every step, as in {@link OptionVec.some}.
   *
   * @throws TypeError when `predicate` is not a function.
   * @group Core
   */
  findIndex(predicate: (value: T, index: number, vec: this) => unknown): number {
    if (typeof predicate !== 'function') throwNotAFunction('OptionVec.findIndex', 'predicate', predicate);
    checkNotRevoked('OptionVec.findIndex', 'predicate', predicate);
    for (let i = 0; i < this.#length; i++) {
      if (predicate(this.#data[i] as T, i, this)) return i;
    }
    return -1;
  }

  /**
   * Folds the live elements into `initial`: `accumulator = reducer(accumulator, element,
   * index, vec)` for each, in index order. `initial` is required (unlike
   * `Array.prototype.reduce`), so an empty vector gives `initial` back rather than throwing.
   * The length and the elements are read at every step, as in {@link OptionVec.forEach}: if
   * `reducer` shortens the vector, the fold stops early; if it grows it, the fold goes on to
   * the new elements.
   *
   * @returns the last accumulator.
   * @throws TypeError when `reducer` is not a function.
   * @group Core
   */
  reduce<U>(reducer: (accumulator: U, value: T, index: number, vec: this) => U, initial: U): U {
    if (typeof reducer !== 'function') throwNotAFunction('OptionVec.reduce', 'reducer', reducer);
    checkNotRevoked('OptionVec.reduce', 'reducer', reducer);
    let accumulator = initial;
    for (let i = 0; i < this.#length; i++) accumulator = reducer(accumulator, this.#data[i] as T, i, this);
    return accumulator;
  }

  /**
   * Node's `util.inspect` / `console.log` form: `OptionVec(length/capacity) [ ... ]`, live elements only.
   *
   * @hidden
   */
  [INSPECT_CUSTOM](depth: number, options: InspectOptions, inspect?: InspectFunction): string {
    return inspectVector('OptionVec', this, depth, options, inspect);
  }

  // ---------------------------------------------------------------------------------
  // Numeric kernels, for OptionVec<number> only (see the class documentation): F64Vec's,
  // with its names, semantics, error classes and messages. Every element read is checked
  // to be a number, since a type cast can put anything in a slot. The loops are in
  // src/option-vec-kernels.ts.
  // ---------------------------------------------------------------------------------

  /**
   * The sum of the elements; `0` for an empty vector (the empty sum, as in NumPy).
   *
   * Pairwise summation in exactly the scheme of {@link F64Vec.sum}, whose documentation gives
   * the error bound (derived in `pairwiseRoundings`, src/kernels-support.ts) and the special
   * values: the result is bit-identical to `F64Vec.sum` on the same elements.
   *
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  sum(this: NumVec): number;
  sum(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) return 0;
    return pairwiseSum('OptionVec.sum', this.#data, length);
  }

  /**
   * The arithmetic mean, `sum() / length`, as {@link F64Vec.mean}: the error of
   * {@link OptionVec.sum} plus one rounding. Throws on an empty vector rather than returning
   * `NaN` (0 / 0), which would flow silently into later arithmetic.
   *
   * @throws EmptyError when the vector is empty.
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  mean(this: NumVec): number;
  mean(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) throwEmptyError('OptionVec.mean');
    return pairwiseSum('OptionVec.mean', this.#data, length) / length;
  }

  /**
   * The smallest element, as {@link F64Vec.min}: `NaN` if any element is `NaN` (as
   * `Math.min` does); `min` of `-0` and `0` is `-0`. Throws on an empty vector, whose minimum
   * does not exist.
   *
   * @throws EmptyError when the vector is empty.
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  min(this: NumVec): number;
  min(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) throwEmptyError('OptionVec.min');
    return extremumOf('OptionVec.min', this.#data, length, SMALLEST);
  }

  /**
   * The largest element, as {@link F64Vec.max}: `NaN` if any element is `NaN` (as
   * `Math.max` does); `max` of `-0` and `0` is `0`. Throws on an empty vector, whose maximum
   * does not exist.
   *
   * @throws EmptyError when the vector is empty.
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  max(this: NumVec): number;
  max(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) throwEmptyError('OptionVec.max');
    return extremumOf('OptionVec.max', this.#data, length, LARGEST);
  }

  /**
   * The index of the smallest element, as {@link F64Vec.argmin}: the first such index on
   * ties, the index of the first `NaN` (where the scan stops), `-0` smaller than `0`;
   * `get(argmin())` is `min()`.
   *
   * @throws EmptyError when the vector is empty (it has no index to return).
   * @throws TypeError when an element before the result is not a number (possible only
   * through a type cast).
   * @group Kernels
   */
  argmin(this: NumVec): number;
  argmin(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) throwEmptyError('OptionVec.argmin');
    return argExtremumOf('OptionVec.argmin', this.#data, length, SMALLEST);
  }

  /**
   * The index of the largest element, as {@link F64Vec.argmax}: the first such index on
   * ties, the index of the first `NaN` (where the scan stops), `0` larger than `-0`;
   * `get(argmax())` is `max()`.
   *
   * @throws EmptyError when the vector is empty (it has no index to return).
   * @throws TypeError when an element before the result is not a number (possible only
   * through a type cast).
   * @group Kernels
   */
  argmax(this: NumVec): number;
  argmax(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) throwEmptyError('OptionVec.argmax');
    return argExtremumOf('OptionVec.argmax', this.#data, length, LARGEST);
  }

  /**
   * The dot product `this[0]*other[0] + ... + this[n-1]*other[n-1]`; `0` for empty vectors.
   * Summed pairwise like {@link OptionVec.sum}: bit-identical to {@link F64Vec.dot} on the
   * same elements, with its error bound. `NaN` if any product is `NaN`.
   *
   * @param other - an {@link OptionVec.Operand} of the same length (this vector itself too).
   * @throws RangeError when the lengths differ (never `NaN`, never truncation).
   * @throws TypeError when `other` is none of those, or an element of either is not a number.
   * @group Kernels
   */
  dot(this: OptionVec<number, N>, other: OptionVec.Operand): number;
  /**
   * The form of {@link OptionVec.dot} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An operand the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  dot<V extends NumVec>(this: V, other: NumVec.Operand<V>): number;
  dot(this: OptionVec<number, N>, other: OptionVec.Operand): number {
    const b = this.#operand('OptionVec.dot', other, false, false);
    const length = this.#length;
    if (length === 0) return 0;
    return Array.isArray(b)
      ? pairwiseDot('OptionVec.dot', this.#data, b, length)
      : pairwiseDotTyped('OptionVec.dot', this.#data, b as Float64Array, length);
  }

  /**
   * The sum of the squared elements, `dot(this)` without the second read; `0` when empty.
   * Summed pairwise like {@link OptionVec.sum}: bit-identical to {@link F64Vec.sumOfSquares},
   * with its error bound.
   *
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  sumOfSquares(this: NumVec): number;
  sumOfSquares(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) return 0;
    return pairwiseSumOfSquares('OptionVec.sumOfSquares', this.#data, length);
  }

  /**
   * The Euclidean norm, `Math.sqrt(sumOfSquares())`; `0` for an empty vector. The same
   * computation as {@link F64Vec.norm}, with the same result: when the sum of squares would
   * overflow or underflow, the elements are divided by the largest magnitude first (BLAS
   * `nrm2`), so every finite input gives a finite result. `NaN` if any element is `NaN`.
   *
   * @throws TypeError when an element is not a number (possible only through a type cast).
   * @group Kernels
   */
  norm(this: NumVec): number;
  norm(this: OptionVec<number, N>): number {
    const length = this.#length;
    if (length === 0) return 0;
    return normOf('OptionVec.norm', this.#data, length);
  }

  /** Adds element-wise: `this[i] + operand[i]`, or `this[i] + operand` for a scalar. */
  declare readonly add: OptionVec.BinaryKernel<N>;

  /** Subtracts element-wise: `this[i] - operand[i]`, or `this[i] - operand` for a scalar. */
  declare readonly sub: OptionVec.BinaryKernel<N>;

  /** Multiplies element-wise: `this[i] * operand[i]`, or `this[i] * operand` for a scalar. */
  declare readonly mul: OptionVec.BinaryKernel<N>;

  /**
   * Divides element-wise: `this[i] / operand[i]`, or `this[i] / operand` for a scalar.
   * Division by zero gives `±Infinity` or `NaN` (IEEE).
   */
  declare readonly div: OptionVec.BinaryKernel<N>;

  static {
    // The members declared with the shared BinaryKernel type above, defined as the class
    // defines its methods: on the prototype, not enumerable. `this` is the class; tsc's
    // output names the class through an alias that is only assigned after the class body.
    defineMethods<'add' | 'sub' | 'mul' | 'div'>(this.prototype, {
      add(this: OptionVec<number>, operand: unknown, out?: OptionVec<number>) {
        return this.#binary('OptionVec.add', ADD, operand, out);
      },
      sub(this: OptionVec<number>, operand: unknown, out?: OptionVec<number>) {
        return this.#binary('OptionVec.sub', SUB, operand, out);
      },
      mul(this: OptionVec<number>, operand: unknown, out?: OptionVec<number>) {
        return this.#binary('OptionVec.mul', MUL, operand, out);
      },
      div(this: OptionVec<number>, operand: unknown, out?: OptionVec<number>) {
        return this.#binary('OptionVec.div', DIV, operand, out);
      },
    });
  }

  /**
   * Multiplies every element by the scalar `k`: the scalar case of {@link OptionVec.mul}.
   *
   * @param k - a number.
   * @returns this vector, scaled.
   * @throws TypeError when `k` is not a number, or an element is not a number.
   * @group Kernels
   */
  scale(this: NumVec, k: number): this;
  /**
   * Like the in-place {@link OptionVec.scale}, but writes the results into `out` and leaves
   * this vector unchanged.
   *
   * @param k - a number.
   * @param out - an `OptionVec<number>` of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when `out` has a different length.
   * @throws TypeError when `k` is not a number, `out` is not an `OptionVec`, or an element is
   * not a number.
   * @group Kernels
   */
  scale<M extends number>(this: OptionVec<number, N>, k: number, out: OptionVec<number, M>): OptionVec<number, M>;
  /**
   * The form of {@link OptionVec.scale} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  scale<V extends NumVec, O extends NumVec.Like<V>>(this: V, k: number, out: O): O;
  scale(this: OptionVec<number, N>, k: number, out?: OptionVec<number>): OptionVec<T, N> | OptionVec<number> {
    if (typeof k !== 'number') throwElementTypeError('OptionVec.scale', k, 'number');
    const data = this.#data as readonly number[];
    const length = this.#length;
    MUL.scalar(this.#destination('OptionVec.scale', out), data, k, length);
    return out ?? this;
  }

  /**
   * `this[i] + a * x[i]` for every i (BLAS axpy: y = a*x + y, with this vector as y). IEEE
   * double arithmetic; the product and the sum round separately (no fused multiply-add).
   *
   * @param a - a number scalar.
   * @param x - an {@link OptionVec.Operand} of the same length (this vector itself too:
   * `v.axpy(2, v)` triples v).
   * @returns this vector, with the results.
   * @throws RangeError when `x` has a different length.
   * @throws TypeError when `a` is not a number, `x` is none of those, or an element of this
   * vector or `x` is not a number.
   * @group Kernels
   */
  axpy(this: OptionVec<number, N>, a: number, x: OptionVec.Operand): this;
  /**
   * Like the in-place {@link OptionVec.axpy}, but writes the results into `out` and leaves
   * this vector unchanged.
   *
   * @param a - a number scalar.
   * @param x - an {@link OptionVec.Operand} of the same length (this vector itself too).
   * @param out - an `OptionVec<number>` of the same length; it may be this vector or `x` (each
   * slot is read before it is written).
   * @returns `out`.
   * @throws RangeError when `x` or `out` has a different length.
   * @throws TypeError when `a` is not a number, `x` is none of those, `out` is not an
   * `OptionVec`, or an element of this vector or `x` is not a number.
   * @group Kernels
   */
  axpy<M extends number>(this: OptionVec<number, N>, a: number, x: OptionVec.Operand, out: OptionVec<number, M>): OptionVec<number, M>;
  /**
   * The form of {@link OptionVec.axpy} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An operand or `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  axpy<V extends NumVec>(this: V, a: number, x: NumVec.Operand<V>): V;
  /**
   * The form of {@link OptionVec.axpy} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An operand or `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  axpy<V extends NumVec, O extends NumVec.Like<V>>(this: V, a: number, x: NumVec.Operand<V>, out: O): O;
  axpy(this: OptionVec<number, N>, a: number, x: OptionVec.Operand, out?: OptionVec<number>): OptionVec<T, N> | OptionVec<number> {
    if (typeof a !== 'number') throwElementTypeError('OptionVec.axpy', a, 'number');
    const src = this.#operand('OptionVec.axpy', x, false, true);
    const data = this.#data as readonly number[];
    const length = this.#length;
    const dst = this.#destination('OptionVec.axpy', out);
    if (Array.isArray(src)) axpyArray(dst, data, a, src, length);
    else axpyTyped(dst, data, a, src as Float64Array, length);
    return out ?? this;
  }

  /**
   * Limits every element to `[lo, hi]`: `x < lo ? lo : x > hi ? hi : x`, like Rust's
   * `clamp`. A `NaN` element stays `NaN`, and `-0` stays `-0` when `lo <= 0`.
   *
   * @param lo - the lower bound, a number.
   * @param hi - the upper bound, a number with `lo <= hi`.
   * @returns this vector, clamped.
   * @throws RangeError when `lo > hi` or either is `NaN`.
   * @throws TypeError when a bound is not a number, or an element is not a number.
   * @group Kernels
   */
  clamp(this: NumVec, lo: number, hi: number): this;
  /**
   * Like the in-place {@link OptionVec.clamp}, but writes the results into `out` and leaves
   * this vector unchanged.
   *
   * @param lo - the lower bound, a number.
   * @param hi - the upper bound, a number with `lo <= hi`.
   * @param out - an `OptionVec<number>` of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when the bounds are out of order, or `out` has a different length.
   * @throws TypeError when a bound is not a number, `out` is not an `OptionVec`, or an element
   * is not a number.
   * @group Kernels
   */
  clamp<M extends number>(this: OptionVec<number, N>, lo: number, hi: number, out: OptionVec<number, M>): OptionVec<number, M>;
  /**
   * The form of {@link OptionVec.clamp} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  clamp<V extends NumVec, O extends NumVec.Like<V>>(this: V, lo: number, hi: number, out: O): O;
  clamp(this: OptionVec<number, N>, lo: number, hi: number, out?: OptionVec<number>): OptionVec<T, N> | OptionVec<number> {
    if (typeof lo !== 'number') throwElementTypeError('OptionVec.clamp', lo, 'number');
    if (typeof hi !== 'number') throwElementTypeError('OptionVec.clamp', hi, 'number');
    if (!(lo <= hi)) throwBoundsError('OptionVec.clamp', lo, hi);
    const data = this.#data as readonly number[];
    const length = this.#length;
    clampInto(this.#destination('OptionVec.clamp', out), data, lo, hi, length);
    return out ?? this;
  }

  /**
   * Replaces every element by its absolute value. `abs(-0)` is `0`; `NaN` stays `NaN`.
   *
   * @returns this vector, with the results.
   * @throws TypeError when an element is not a number.
   * @group Kernels
   */
  abs(this: NumVec): this;
  /**
   * Like the in-place {@link OptionVec.abs}, but writes the results into `out` and leaves
   * this vector unchanged.
   *
   * @param out - an `OptionVec<number>` of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when `out` has a different length.
   * @throws TypeError when `out` is not an `OptionVec`, or an element is not a number.
   * @group Kernels
   */
  abs<M extends number>(this: OptionVec<number, N>, out: OptionVec<number, M>): OptionVec<number, M>;
  /**
   * The form of {@link OptionVec.abs} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  abs<V extends NumVec, O extends NumVec.Like<V>>(this: V, out: O): O;
  abs(this: OptionVec<number, N>, out?: OptionVec<number>): OptionVec<T, N> | OptionVec<number> {
    const data = this.#data as readonly number[];
    const length = this.#length;
    absInto(this.#destination('OptionVec.abs', out), data, length);
    return out ?? this;
  }

  /**
   * Replaces every element by `fn(element, index)`, in index order.
   *
   * All-or-nothing: the results are collected first and written only after the last call,
   * so if `fn` throws or returns a non-number, nothing was changed by `map`; `fn` sees each
   * element as it is when called, never a result of `map`. The length is checked after each
   * call: if `fn` changed it, `map` throws at once, without calling `fn` again and without
   * writing. Collecting uses a scratch `Float64Array` of up to 65536 elements, kept between
   * calls (a nested `map` from inside `fn` gets its own); longer vectors allocate one per call.
   *
   * @param fn - called with each live element and its index; must return a number.
   * @returns this vector, with the results.
   * @throws TypeError when `fn` is not a function or returns a non-number, or an element is
   * not a number.
   * @throws Error when `fn` changes the length of this vector.
   * @group Kernels
   */
  map(this: NumVec, fn: (value: number, index: number) => number): this;
  /**
   * Like the in-place {@link OptionVec.map}, but writes the results into `out` and leaves
   * this vector unchanged.
   *
   * @param fn - called with each live element and its index; must return a number.
   * @param out - an `OptionVec<number>` of the same length; it may be this vector.
   * @returns `out`.
   * @throws TypeError when `fn` is not a function or returns a non-number, `out` is not an
   * `OptionVec`, or an element is not a number.
   * @throws RangeError when `out` has a different length.
   * @throws Error when `fn` changes the length of this vector or of `out`; neither is
   * written.
   * @group Kernels
   */
  map<M extends number>(this: OptionVec<number, N>, fn: (value: number, index: number) => number, out: OptionVec<number, M>): OptionVec<number, M>;
  /**
   * The form of {@link OptionVec.map} that calls on a union of vector classes
   * (`F64Vec | OptionVec<number>`) and on other generic receivers resolve to: the same in
   * every number vector class, with the operand types following the receiver
   * ({@link NumVec.Operand}). An `out` the receiver does not accept throws a `TypeError`.
   *
   * @group Kernels
   */
  map<V extends NumVec, O extends NumVec.Like<V>>(this: V, fn: (value: number, index: number) => number, out: O): O;
  map(this: OptionVec<number, N>, fn: (value: number, index: number) => number, out?: OptionVec<number>): OptionVec<T, N> | OptionVec<number> {
    const where = 'OptionVec.map';
    if (typeof fn !== 'function') throwNotAFunction(where, 'fn', fn);
    checkNotRevoked(where, 'fn', fn);
    const data = this.#data;
    const length = this.#length;
    if (out !== undefined) this.#outData(where, out);
    const target = out ?? this;
    const staged = MAP_SCRATCH.take(length);
    for (let i = 0; i < length; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      const value = fn(x, i);
      this.#checkLength(where, length);
      target.#checkLength(where, length);
      if (typeof value !== 'number') throwCallbackResultError(where, value, i, 'number');
      staged[i] = value;
    }
    const dst = target.#data;
    for (let i = 0; i < length; i++) dst[i] = staged[i];
    MAP_SCRATCH.give(staged);
    return target;
  }

  /**
   * Replaces the contents with `count` elements of `source` starting at `srcStart`: afterwards
   * `length === count` and `this[i] === source[srcStart + i]`. All-or-nothing. When the vector
   * shrinks, the slots it no longer uses are set back to `undefined`.
   *
   * An `OptionVec`, `F64Vec` or typed array source is read in place (an `OptionVec` source's
   * elements are checked to be numbers); other sources (arrays, iterables, other vector
   * classes) are staged as {@link F64Vec.copyFrom} stages them: read once into a
   * `Float64Array` and checked element by element first, all of them, not only the copied
   * range. The source may be this vector: `v.copyFrom(v, 1)` drops the first element.
   * Elements of a typed array of another number type are taken as the numbers they read as.
   *
   * @param source - an array, typed array of numbers, vector or iterable.
   * @param srcStart - an integer in `[0, source length]`; default 0.
   * @param count - an integer in `[0, source length - srcStart]`; default: everything from `srcStart`.
   * @returns this vector.
   * @throws CapacityError when `count > capacity`.
   * @throws RangeError or TypeError when `srcStart` or `count` is out of range or not an integer.
   * @throws TypeError when `source` is not a source of numbers.
   * @group Kernels
   */
  copyFrom(this: NumVec, source: VecSource<number>, srcStart?: number, count?: number): this;
  copyFrom(this: OptionVec<number, N>, source: VecSource<number>, srcStart = 0, count?: number): OptionVec<T, N> | OptionVec<number, N> {
    const where = 'OptionVec.copyFrom';
    // The source first: staging an array or iterable may run code that changes this vector.
    let vecItems: readonly unknown[] | null = null;
    let items: ArrayLike<number> | null = null;
    let available: number;
    checkArgument(where, 'source', source);
    if (OptionVec.#isVec(source)) {
      vecItems = source.#data;
      available = source.#length;
      checkNumbers(where, vecItems, available, 'the source');
    } else {
      const staged = source instanceof F64Vec ? viewOf(where, source) : OptionVec.#stagedNumbers(where, source);
      // A count comes only past MAX_CAPACITY elements, more than any vector holds.
      if (typeof staged === 'number') throwCapacityError(where, source, this.#data.length, this.#length, staged);
      items = staged;
      available = staged.length;
    }
    const n = copyCount(where, srcStart, count, available);
    const data = this.#data;
    const length = this.#length;
    if (n > data.length) throwCopyCapacityError(where, source, data.length, length, n);
    // SAFETY: when the source is this vector, slot srcStart + i is read before slot i is
    // written (srcStart >= 0), so a forward copy is right.
    if (vecItems !== null) {
      for (let i = 0; i < n; i++) data[i] = vecItems[srcStart + i] as number;
    } else {
      const from = items as ArrayLike<number>;
      for (let i = 0; i < n; i++) data[i] = from[srcStart + i];
    }
    if (n < length) data.fill(undefined, n, length);
    this.#length = n;
    return this;
  }

  /**
   * Writes the live elements into `target` starting at `targetStart`, and returns `target`.
   * Every check comes before the first write (all-or-nothing), except the re-checks after
   * user code the target runs (below).
   *
   * - a typed array of numbers: `targetStart + length` must be at most its length; the
   *   elements are converted as the target stores them.
   * - an array: `targetStart` must be at most its length (no holes); the array grows as needed.
   * - a vector: `targetStart` must be at most its length; elements from there on are
   *   overwritten and the vector grows as needed within its capacity (its length becomes
   *   `max(length, targetStart + this.length)`). An `OptionVec` target is written directly
   *   (this vector itself too, like `copyWithin`: `v.copyTo(v, 1)` shifts up by one); other
   *   vector classes through their `splice`, converting as they store, with the elements
   *   copied before anything of the target is read.
   *
   * The target may run user code while it is written: an array's element setters or a
   * Proxy's traps, a getter of a target's `length`, a foreign vector's `splice`. This
   * vector's length is checked after each of those (after every element written into an
   * array); if it changed, `copyTo` throws, and the elements written before stay in the
   * target.
   *
   * @param target - the destination.
   * @param targetStart - an integer, default 0.
   * @throws RangeError or TypeError when `targetStart` is out of range or not an integer.
   * @throws CapacityError when a vector target's capacity is too small.
   * @throws TypeError when `target` is none of those, or holds bigints; or when an element of
   * this vector is not a number (possible only through a type cast).
   * @throws Error when code run by the target changes the length of this vector.
   * @throws ReleasedError or DetachedError when a vector target is no longer usable.
   * @group Kernels
   */
  copyTo<Target extends NumberCopyTarget>(this: OptionVec<number, N>, target: Target, targetStart = 0): Target {
    const where = 'OptionVec.copyTo';
    checkArgument(where, 'target', target);
    const data = this.#data;
    const length = this.#length;
    checkNumbers(where, data, length);
    if (OptionVec.#isVec(target)) {
      const targetData = target.#data;
      const end = vectorTargetEnd(where, target, targetStart, length, target.#length, targetData.length);
      // SAFETY: copyWithin moves overlapping ranges as if through a copy.
      if (targetData === data) data.copyWithin(targetStart, 0, length);
      else for (let i = 0; i < length; i++) targetData[targetStart + i] = data[i];
      if (end > target.#length) target.#length = end;
    } else if (ArrayBuffer.isView(target)) {
      const typed = typedArrayTarget(where, target, targetStart, length, 'number');
      // Reading the target's length may have run a getter defined on it; the stores below
      // run no user code.
      this.#checkLength(where, length);
      for (let i = 0; i < length; i++) typed[targetStart + i] = data[i] as number;
    } else if (Array.isArray(target)) {
      this.#copyToArray(where, target, targetStart, length);
    } else {
      copyToVector(where, data.slice(0, length) as number[], target, targetStart);
    }
    return target;
  }

  /**
   * The part of {@link OptionVec.copyTo} for an array target, whose `length` and element
   * stores may run user code (a Proxy's traps, accessors defined on the array or its
   * prototype): this vector's length is checked after each, and every element read afresh
   * (and checked to be a number) before it is stored.
   */
  #copyToArray(where: string, target: unknown[], targetStart: number, length: number): void {
    checkIntegerInRange(where, 'targetStart', targetStart, target.length);
    this.#checkLength(where, length);
    const data = this.#data;
    for (let i = 0; i < length; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      target[targetStart + i] = x;
      this.#checkLength(where, length);
    }
  }

  /**
   * The check after user code ran: throws the modified-during-callback error, naming
   * `where`, unless the length is still `length`.
   */
  #checkLength(where: string, length: number): void {
    if (this.#length !== length) throwModifiedDuringCallback(where, length, this.#length);
  }

  /**
   * `add`, `sub`, `mul` or `div` (see {@link OptionVec.BinaryKernel}), with the loops of
   * `op`. The operand is read first: reading an array operand may run code that changes
   * this vector.
   */
  #binary(this: OptionVec<number>, where: string, op: BinaryLoops, operand: unknown, out: OptionVec<number> | undefined): OptionVec<number> {
    const src = typeof operand === 'number' ? null : this.#operand(where, operand, true, true);
    const data = this.#data as readonly number[];
    const length = this.#length;
    const dst = this.#destination(where, out);
    if (src === null) op.scalar(dst, data, operand as number, length);
    else if (Array.isArray(src)) op.array(dst, data, src, length);
    else op.typed(dst, data, src as Float64Array, length);
    return out ?? this;
  }

  /**
   * A vector operand, checked against this vector's length and resolved to what the loops
   * read: the backing array of an `OptionVec` (its live elements checked to be numbers when
   * `check`; `dot` checks them in its loop instead), or a `Float64Array` (an `F64Vec`'s view,
   * a `Float64Array`, or a copy of an array operand). Called before the kernel reads anything
   * of this vector: reading an array operand may run code that changes this vector.
   */
  #operand(where: string, operand: unknown, scalar: boolean, check: boolean): readonly number[] | Float64Array {
    let src: readonly unknown[] | Float64Array;
    checkArgument(where, 'the operand', operand);
    if (OptionVec.#isVec(operand)) {
      if (operand.#length !== this.#length) throwLengthMismatch(where, this.#length, operand.#length, 'the operand');
      src = operand.#data;
      if (check && src !== this.#data) checkNumbers(where, src, operand.#length, OPERAND);
      return src as readonly number[];
    }
    if (operand instanceof F64Vec) {
      src = viewOf(where, operand);
    } else if (typedArrayKind(operand) === 'Float64Array') {
      src = operand as Float64Array;
    } else if (Array.isArray(operand)) {
      // Refuse a wrong length before reading a single element.
      if (operand.length !== this.#length) throwLengthMismatch(where, this.#length, operand.length, 'the operand');
      src = copyChecked(where, operand, operand.length, OPERAND_ELEMENT, Float64Array);
    } else {
      // The operands the kernels accept, and a number for add, sub, mul and div.
      const vectors = 'an OptionVec<number>, an F64Vec, a Float64Array or an array of numbers of the same length';
      return throwOperandError(where, operand, scalar ? `a number, ${vectors}` : vectors);
    }
    if (src.length !== this.#length) throwLengthMismatch(where, this.#length, src.length, 'the operand');
    return src;
  }

  /**
   * Where an element-wise operation writes: the backing array of `out` when given (checked
   * to be an `OptionVec` of this vector's length), else this vector's. Checks this vector's
   * elements to be numbers too, the last check before the first write.
   */
  #destination(where: string, out: OptionVec<number> | undefined): (number | undefined)[] {
    const dst = out === undefined ? (this.#data as (number | undefined)[]) : this.#outData(where, out);
    checkNumbers(where, this.#data, this.#length);
    return dst;
  }

  /** The backing array of `out`, after checking that it is an `OptionVec` of this vector's length. */
  #outData(where: string, out: unknown): (number | undefined)[] {
    if (!OptionVec.#isVec<number>(out)) return throwOutError(where, out, 'OptionVec');
    if (out.#length !== this.#length) throwLengthMismatch(where, this.#length, out.#length, 'out');
    return out.#data;
  }

  /**
   * The elements of a source of `extend`, `tryExtend`, `splice` or `from`, under the staging
   * rules of every vector class (src/staging.ts): an `OptionVec` copied, any typed array
   * taken (an `OptionVec` holds bigints too), anything else read once and checked not to
   * hold `undefined`. Reads at most `limit + 1` elements and returns a count instead of the
   * elements when `source` holds more than `limit`.
   */
  static #staged<T extends {} | null>(where: string, source: VecSource<T>, limit: number): readonly T[] | number {
    if (OptionVec.#isVec<T>(source)) {
      return source.#length > limit ? source.#length : (source.#data.slice(0, source.#length) as T[]);
    }
    const typed = typedArraySource(where, source);
    // A typed array never holds undefined.
    if (typed !== null) return typed.length > limit ? typed.length : (Array.from<unknown>(typed) as T[]);
    return stageElements<T[]>(where, source, limit, DEFINED_ELEMENT, Array);
  }

  /** A `copyFrom` source that is neither an `OptionVec` nor an `F64Vec`, staged as `F64Vec.copyFrom` stages it. */
  static #stagedNumbers(where: string, source: VecSource<number>): ArrayLike<number> | number {
    return typedArraySource(where, source, 'number') ?? stageElements(where, source, MAX_CAPACITY, NUMBER_ELEMENT, Float64Array);
  }

  /** Appends already staged items, or throws CapacityError (carrying `source`) before changing anything. */
  #append(where: string, source: unknown, items: readonly T[]): void {
    const data = this.#data;
    const length = this.#length;
    const count = items.length;
    const newLength = length + count;
    if (newLength > data.length) throwCapacityError(where, source, data.length, length, newLength);
    for (let i = 0; i < count; i++) data[length + i] = items[i];
    this.#length = newLength;
  }

  /**
   * Whether `value` is an `OptionVec` (of any element type, a subclass's instance too): a
   * brand check, which unlike `instanceof` runs no Proxy trap and does not throw for a
   * revoked Proxy.
   */
  static #isVec<E extends {} | null = {} | null>(value: unknown): value is OptionVec<E> {
    return typeof value === 'object' && value !== null && #data in value;
  }

  /** Failure path of the `get`/`set` index checks. */
  #failIndex(where: string, index: number): never {
    throwIndexError(where, index, this.#length);
  }

  /** Inserts after checking everything; `false` only when full. */
  #insertAt(where: string, index: number, value: T): boolean {
    if (value === undefined) throwElementTypeError(where, value, DEFINED);
    const data = this.#data;
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index <= length)) throwIndexError(where, index, length, true);
    if (length >= data.length) return false;
    for (let i = length; i > index; i--) data[i] = data[i - 1];
    data[index] = value;
    this.#length = length + 1;
    return true;
  }
}

/** The types of {@link OptionVec}'s numeric kernels. */
export declare namespace OptionVec {
  /**
   * A vector operand of the numeric kernels of an `OptionVec<number>` (`dot`, `axpy`, `add`,
   * `sub`, `mul`, `div`): an `OptionVec<number>`, an `F64Vec`, a `Float64Array` or an array of
   * numbers, of the vector's length. An array is first copied into a new `Float64Array`,
   * reading each element once. No other typed array or vector class is accepted: no silent
   * conversion between kinds.
   */
  type Operand = OptionVec<number> | F64Vec | Float64Array | readonly number[];

  /**
   * The type of `add`, `sub`, `mul` and `div` of an `OptionVec<number>`, which differ only in
   * the operation: `this[i] op operand[i]`, or `this[i] op operand` for a scalar, in IEEE
   * double arithmetic (`NaN` and infinities propagate), with the semantics of
   * {@link F64Vec.add} and its siblings. Every check comes before the first write: a call
   * that throws changes nothing.
   *
   * @typeParam N - the capacity type of the vector the operation is called on.
   */
  interface BinaryKernel<N extends number> {
    /**
     * Applies the operation element-wise (`this[i] op operand[i]`, or `this[i] op operand`
     * for a scalar) and writes the results into this vector.
     *
     * @param operand - a number, or an {@link OptionVec.Operand} of the same length (this
     * vector itself too).
     * @returns this vector, with the results.
     * @throws RangeError when a vector operand has a different length.
     * @throws TypeError when `operand` is none of those (a bigint scalar included), or an
     * element of this vector or the operand is not a number.
     */
    <V extends OptionVec<number, N>>(this: V, operand: number | Operand): V;
    /**
     * Like the in-place form, but writes the results into `out` and leaves this vector
     * unchanged: `out[i] = this[i] op operand[i]`.
     *
     * @param operand - a number, or an {@link OptionVec.Operand} of the same length (this
     * vector itself too).
     * @param out - an `OptionVec<number>` of the same length; it may be this vector or the
     * operand (each slot is read before it is written).
     * @returns `out`.
     * @throws RangeError when a vector operand or `out` has a different length.
     * @throws TypeError when `operand` is none of those, `out` is not an `OptionVec`, or an
     * element of this vector or the operand is not a number.
     */
    <M extends number>(this: OptionVec<number, N>, operand: number | Operand, out: OptionVec<number, M>): OptionVec<number, M>;
    /**
     * The form that calls on a union of vector classes (`F64Vec | OptionVec<number>`) and on
     * other generic receivers resolve to: the same in every number vector class, with the
     * operand types following the receiver ({@link NumVec.Operand}). An operand the receiver
     * does not accept throws a `TypeError`.
     */
    <V extends NumVec>(this: V, operand: number | NumVec.Operand<V>): V;
    /** The `out` form for a union of vector classes; `out` must be of the receiver's class. */
    <V extends NumVec, O extends NumVec.Like<V>>(this: V, operand: number | NumVec.Operand<V>, out: O): O;
  }
}

/**
 * Defines `methods` on the prototype with the attributes of class methods (writable,
 * configurable, not enumerable): for the members that {@link OptionVec} declares with a
 * shared type instead of writing their overloads out.
 */
function defineMethods<K extends keyof OptionVec<number>>(
  prototype: OptionVec<number>,
  methods: Record<K, (this: OptionVec<number>, ...args: never[]) => unknown>,
): void {
  for (const name of Object.keys(methods) as K[]) {
    Object.defineProperty(prototype, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

/** The groups of the default order (see {@link OptionVec.sort}), numbered in that order. */
const NUMERIC = 0;
const STRING = 1;
const BOOLEAN = 2;
const SYMBOL = 3;
const OBJECT = 4;
const NULL = 5;

/** The group of `value` in the default order, from its `typeof` alone. */
function groupOf(value: unknown): number {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return NUMERIC;
    case 'string':
      return STRING;
    case 'boolean':
      return BOOLEAN;
    case 'symbol':
      return SYMBOL;
    default:
      // 'object' or 'function'; undefined is never an element.
      return value === null ? NULL : OBJECT;
  }
}

/**
 * The default order of {@link OptionVec.sort}: a negative number when `a` comes first, a
 * positive one when `b` does, 0 when the order does not tell them apart (only equal
 * primitives, or two symbols, or two objects or functions). Compares primitives only, so it
 * calls no user code.
 */
function compareDefault(a: unknown, b: unknown): number {
  // The common cases first, without ranking the groups.
  if (typeof a === 'number' && typeof b === 'number') return compareNumeric(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const group = groupOf(a);
  const other = groupOf(b);
  if (group !== other) return group - other;
  switch (group) {
    case NUMERIC:
      return compareNumeric(a as number | bigint, b as number | bigint);
    case STRING:
      return compareStrings(a as string, b as string);
    case BOOLEAN:
      return (a ? 1 : 0) - (b ? 1 : 0);
    default:
      return 0;
  }
}

/** Strings by UTF-16 code units. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : b < a ? 1 : 0;
}

/**
 * Numbers and bigints by value, `NaN` after everything; of equal values, `-0` before `0`
 * and a number before a bigint. For numbers alone, the order of `Float64Array.prototype.sort`.
 */
function compareNumeric(a: number | bigint, b: number | bigint): number {
  if (a < b) return -1;
  if (b < a) return 1;
  // Equal values, or a NaN (only a number can be NaN).
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  if (a === 0 && b === 0) {
    const aNegative = Object.is(a, -0);
    return aNegative === Object.is(b, -0) ? 0 : aNegative ? -1 : 1;
  }
  return 0;
}

/** Whether the first `length` slots of `data` all hold numbers. */
function allNumbers(data: readonly unknown[], length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (typeof data[i] !== 'number') return false;
  }
  return true;
}

/** A copy of `data[0 .. length)` sorted in the default order (stable); calls no user code. */
function sortedByDefault(data: readonly unknown[], length: number): ArrayLike<unknown> {
  if (allNumbers(data, length)) {
    // All numbers: the native numeric sort of a Float64Array gives exactly the default
    // order (and stores every double exactly), far faster than a comparator.
    const numbers = new Float64Array(length);
    for (let i = 0; i < length; i++) numbers[i] = data[i] as number;
    return numbers.sort();
  }
  return data.slice(0, length).sort(compareDefault);
}

/**
 * Throws a TypeError naming `where` when the argument `value` is a revoked Proxy, before an
 * `instanceof` or any other operation fails on it with the engine's message.
 */
function checkArgument(where: string, what: string, value: unknown): void {
  if (typeof value === 'object' && value !== null) checkNotRevoked(where, what, value);
}

/** `vec.view()` of an `F64Vec` argument, with its ReleasedError or DetachedError naming `where`, the method called. */
function viewOf(where: string, vec: F64Vec): Float64Array {
  try {
    return vec.view();
  } catch (error) {
    return rethrowUnder(where, error);
  }
}

const VALUES = 0;
const KEYS = 1;
const ENTRIES = 2;

/** Iterator over a live OptionVec: re-reads the length at every step and stays done once done. */
class OptionVecIterator<T extends {} | null, R> implements IterableIterator<R> {
  #vec: OptionVec<T> | null;
  #index = 0;
  readonly #kind: number;

  constructor(vec: OptionVec<T>, kind: number) {
    this.#vec = vec;
    this.#kind = kind;
  }

  next(): IteratorResult<R> {
    const vec = this.#vec;
    const index = this.#index;
    if (vec === null || index >= vec.length) {
      this.#vec = null;
      return { done: true, value: undefined };
    }
    this.#index = index + 1;
    const kind = this.#kind;
    const value = kind === VALUES ? vec.get(index) : kind === KEYS ? index : [index, vec.get(index)];
    return { done: false, value: value as R };
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return 'OptionVec Iterator';
  }
}
