/**
 * slabvec's error vocabulary: the error classes, and every helper that throws one. No
 * other module of the library contains a `throw` statement.
 *
 * Errors are built here, never in a hot method: constructing an error (its message, its
 * fields) inside `get` or `push` keeps the caller's loop state alive for deoptimization and
 * measurably slows the caller even when it never runs (docs/design.md, "Failure paths").
 * Cold code calls one of the `throw*` helpers, which never return. The hot methods of the
 * typed vectors write `throw <helper>(...)` with a helper that builds the error (the
 * `...Error` functions below): the `throw` after the call tells the optimizing compiler that
 * the failure arm never rejoins the caller's loop. Those are the only `throw` statements
 * outside this module. Every message names the method (`Class.method`), the offending value
 * and the bound, and says what was left unchanged where that is not obvious.
 *
 * @module
 */

import { pinName } from './class-name.js';

/**
 * An index that is not an integer in the valid range for the method: fractional, `NaN`,
 * negative, or at/after the bound (the length, or the length plus one for insertion).
 */
export class IndexError extends RangeError {
  static {
    pinName(this, 'IndexError');
  }

  /** The rejected index, exactly as passed. */
  readonly index: number;
  /** The exclusive upper bound the index had to stay below. */
  readonly bound: number;

  /**
   * @param message - the full message.
   * @param index - the rejected index.
   * @param bound - the exclusive upper bound.
   */
  constructor(message: string, index: number, bound: number) {
    super(message);
    this.name = 'IndexError';
    this.index = index;
    this.bound = bound;
  }
}

/**
 * A growing operation (`push`, `extend`, `insert`, `resize`, `splice`, `from`, `copyFrom`,
 * `copyTo`) that would take the length past the capacity, or a `Slab.alloc` that does not
 * fit in the slab (then the fields count bytes, see `Slab.alloc`). The vector or slab is
 * left exactly as it was.
 */
export class CapacityError extends RangeError {
  static {
    pinName(this, 'CapacityError');
  }

  /** The rejected value: the element for `push`/`insert`, the source for `extend`/`from`. */
  readonly value: unknown;
  /** The capacity of the vector. */
  readonly capacity: number;
  /** The length of the vector when the operation was refused. */
  readonly length: number;
  /** The length the operation would have needed. */
  readonly requiredLength: number;

  /**
   * @param message - the full message.
   * @param value - the rejected element or source.
   * @param capacity - the capacity of the vector.
   * @param length - the length when the operation was refused.
   * @param requiredLength - the length the operation would have needed.
   */
  constructor(message: string, value: unknown, capacity: number, length: number, requiredLength: number) {
    super(message);
    this.name = 'CapacityError';
    this.value = value;
    this.capacity = capacity;
    this.length = length;
    this.requiredLength = requiredLength;
  }
}

/** A removal (`pop`) from an empty vector. */
export class EmptyError extends RangeError {
  static {
    pinName(this, 'EmptyError');
  }

  /**
   * @param message - the full message.
   */
  constructor(message: string) {
    super(message);
    this.name = 'EmptyError';
  }
}

/** What the message of a value from another copy of slabvec adds: why, and what to do. */
const FOREIGN_COPY =
  'another copy of slabvec: its ES module and CommonJS builds (or two installed versions) are separate classes, ' +
  'so load slabvec one way in the whole program (all import, or all require)';

/** The names of slabvec's typed vector classes, as a class's `name` or a vector's `Symbol.toStringTag` gives them. */
const TYPED_CLASS_NAME = /^(?:(?:F|I|U)(?:8|16|32|64)|U8Clamped)Vec$/;

/** The same, with `OptionVec`: the classes whose methods check their operands' class. */
const VECTOR_CLASS_NAME = /^(?:(?:F|I|U)(?:8|16|32|64)|U8Clamped|Option)Vec$/;

/**
 * For an operand that a method of `where`'s class (`"F64Vec.add"`) refused although it is
 * tagged with that class's name: the note that it comes from another copy of slabvec.
 * Empty for anything else.
 */
function foreignCopyNote(value: unknown, where: string): string {
  if (typeof value !== 'object' || value === null) return '';
  const tag = objectTag(value)?.slice(8, -1);
  return tag !== undefined && tag === where.split('.')[0] && VECTOR_CLASS_NAME.test(tag) ? ` (${withArticle(tag)} from ${FOREIGN_COPY})` : '';
}

/**
 * For a class refused where a typed vector class is expected although it is named as one of
 * slabvec's typed vector classes: the note that it comes from another copy.
 */
function foreignClassNote(cls: unknown): string {
  const name = typeof cls === 'function' ? classTag(cls) : undefined;
  return typeof name === 'string' && TYPED_CLASS_NAME.test(name) ? ` (${name} from ${FOREIGN_COPY})` : '';
}

/**
 * A class's name as its instances' `Symbol.toStringTag` gives it (`"F64Vec"`), which a
 * bundler never renames (esbuild renames classes: `F64Vec2`, `_F64Vec`); the class's `name`
 * when its prototype has no tag of its own or cannot be read.
 */
export function classTag(cls: Function): string {
  const prototype = (cls as { prototype?: unknown }).prototype;
  const tag = typeof prototype === 'object' && prototype !== null ? objectTag(prototype)?.slice(8, -1) : undefined;
  return tag !== undefined && tag !== 'Object' ? tag : String((cls as { name?: unknown }).name);
}

/** Describes a value for an error message: strings quoted, bigints with their `n`. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'bigint':
      return `${value}n`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'function':
      return 'a function';
    case 'object':
      if (value === null) return 'null';
      return `an object (${objectTag(value) ?? 'a revoked Proxy'})`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
  }
}

/**
 * A name with its article, as it is read aloud: a capital followed by a digit is spelled
 * out ("an F64Vec", "an I32Vec", "a U8Vec"), anything else is read as a word ("a
 * Float32Array", "an Int8Array", "an OptionVec", "a Uint8Array"). The code generator uses it
 * too, for the generated documentation and messages.
 */
export function withArticle(name: string): string {
  const spelledOut = /^[A-Z]\d/.test(name);
  const vowelSound = spelledOut ? /^[AEFHILMNORSX]/.test(name) : /^[AEIO]/.test(name);
  return `${vowelSound ? 'an' : 'a'} ${name}`;
}

/**
 * Like {@link describeValue}, but names typed arrays and vectors with their length. The
 * name comes from `Symbol.toStringTag` (which every typed array and slabvec vector
 * defines), not from `constructor.name`, which bundlers and minifiers rename.
 */
export function describeOperand(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const tag = objectTag(value)?.slice(8, -1);
    if (tag === undefined) return 'a revoked Proxy';
    const length = (value as { length?: unknown }).length;
    if (tag !== 'Object' && typeof length === 'number') return `${withArticle(tag)} of length ${length}`;
  }
  return describeValue(value);
}

/** `Object.prototype.toString` of `value` (`"[object Float64Array]"`); `undefined` for a revoked Proxy, on which it throws. */
function objectTag(value: object): string | undefined {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return undefined;
  }
}

/** Why `index` is not a valid integer index below `bound`; `undefined` when it is valid. */
function indexProblem(index: number, bound: number): string | undefined {
  if (Number.isNaN(index)) return 'is NaN';
  if (!Number.isInteger(index)) return 'is not an integer';
  if (index < 0) return 'is negative';
  if (index >= bound) return `is out of bounds`;
  return undefined;
}

/**
 * Throws for an index that is not an integer in `[0, length)`, or in `[0, length]` for an
 * insertion point.
 *
 * @param where - `Class.method`, for the message.
 * @param index - the rejected index.
 * @param length - the vector's length.
 * @param insertion - whether `index === length` is valid (an insertion point).
 * @throws TypeError when `index` is not a number; {@link IndexError} otherwise.
 */
export function throwIndexError(where: string, index: unknown, length: number, insertion = false): never {
  throw indexError(where, index, length, insertion);
}

/**
 * The error of an index that is not an integer in `[0, length)` (or `[0, length]` for an
 * insertion point): a TypeError when it is not a number, an {@link IndexError} otherwise.
 * See {@link throwIndexError} for the parameters.
 */
export function indexError(where: string, index: unknown, length: number, insertion = false): TypeError | IndexError {
  if (typeof index !== 'number') {
    return new TypeError(`${where}: index must be a number, got ${describeValue(index)}`);
  }
  const bound = insertion ? length + 1 : length;
  const problem = indexProblem(index, bound) ?? 'is invalid';
  const valid = bound === 0 ? 'no index is valid' : `valid indexes are the integers 0 to ${bound - 1}`;
  const context = insertion ? `for insertion into length ${length}` : `for length ${length}`;
  return new IndexError(`${where}: index ${describeValue(index)} ${problem} ${context} (${valid})`, index, bound);
}

/**
 * Throws for a growing operation that does not fit.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected element or source.
 * @param capacity - the capacity.
 * @param length - the current length.
 * @param requiredLength - the length the operation needed.
 * @throws {@link CapacityError} always.
 */
export function throwCapacityError(where: string, value: unknown, capacity: number, length: number, requiredLength: number): never {
  throw capacityError(where, value, capacity, length, requiredLength);
}

/**
 * The {@link CapacityError} of a growing operation that does not fit; see
 * {@link throwCapacityError} for the parameters.
 */
export function capacityError(where: string, value: unknown, capacity: number, length: number, requiredLength: number): CapacityError {
  const what = requiredLength === length + 1 ? `${describeValue(value)} does not fit` : `${requiredLength - length} elements do not fit`;
  return new CapacityError(
    `${where}: ${what}: length ${length} of capacity ${capacity}, ${capacity - length} free, ${requiredLength} needed`,
    value,
    capacity,
    length,
    requiredLength,
  );
}

/**
 * Throws for a removal from an empty vector.
 *
 * @param where - `Class.method`, for the message.
 * @param what - what is empty: `"the vector"`, `"the history"`, `"the window"`.
 * @throws {@link EmptyError} always.
 */
export function throwEmptyError(where: string, what = 'the vector'): never {
  throw emptyError(where, what);
}

/** The {@link EmptyError} of a removal from an empty vector; `where` is `Class.method`, `what` what is empty. */
export function emptyError(where: string, what = 'the vector'): EmptyError {
  return new EmptyError(`${where}: ${what} is empty`);
}

/**
 * Throws for an element of the wrong JavaScript type.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected value.
 * @param expected - the element type the vector holds.
 * @throws TypeError always.
 */
export function throwElementTypeError(where: string, value: unknown, expected: string): never {
  throw elementTypeError(where, value, expected);
}

/** The TypeError of an element of the wrong JavaScript type; see {@link throwElementTypeError}. */
export function elementTypeError(where: string, value: unknown, expected: string): TypeError {
  return new TypeError(`${where}: expected a ${expected}, got ${describeValue(value)}`);
}

/**
 * Throws for an element of the wrong JavaScript type found at a known index, naming the
 * index and whose element it is: `"OptionVec.add: expected a number at index 2 of the
 * operand, got \"x\""`.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected value.
 * @param expected - the element type, e.g. `"number"`.
 * @param index - the index of the rejected element.
 * @param owner - whose element it is, e.g. `"the operand"`; omitted for the vector's own.
 * @throws TypeError always.
 */
export function throwElementTypeErrorAt(where: string, value: unknown, expected: string, index: number, owner?: string): never {
  throwElementTypeError(where, value, `${expected} at index ${index}${owner === undefined ? '' : ` of ${owner}`}`);
}

/**
 * Throws for a count, capacity or range argument that is not a non-negative integer in range.
 *
 * @param where - `Class.method`, for the message.
 * @param name - the argument's name.
 * @param value - the rejected value.
 * @param rule - what the argument must be, e.g. `"an integer from 0 to 16"`.
 * @throws TypeError when `value` is not a number; RangeError otherwise.
 */
export function throwArgumentError(where: string, name: string, value: unknown, rule: string): never {
  if (typeof value !== 'number') {
    throw new TypeError(`${where}: ${name} must be ${rule}, got ${describeValue(value)}`);
  }
  throw new RangeError(`${where}: ${name} must be ${rule}, got ${describeValue(value)}`);
}

/**
 * Throws for an options argument that is not an object.
 *
 * @param where - `Class.method`, for the message.
 * @param name - the argument's name.
 * @param value - the rejected value.
 * @param example - an example of what is taken, e.g. `"{ shared: true }"`.
 * @throws TypeError always.
 */
export function throwNotAnObject(where: string, name: string, value: unknown, example: string): never {
  throw new TypeError(`${where}: ${name} must be an object such as ${example}, got ${describeValue(value)}`);
}

/**
 * Throws for a callback argument that is not a function.
 *
 * @param where - `Class.method`, for the message.
 * @param name - the argument's name.
 * @param value - the rejected value.
 * @throws TypeError always.
 */
export function throwNotAFunction(where: string, name: string, value: unknown): never {
  throw new TypeError(`${where}: ${name} must be a function, got ${describeValue(value)}`);
}

/**
 * Throws for a source that is neither array-like nor iterable.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected source.
 * @throws TypeError always.
 */
export function throwSourceError(where: string, value: unknown): never {
  throw new TypeError(`${where}: source must be an array-like or iterable of elements, got ${describeValue(value)}`);
}

/**
 * Throws for a callback that changed the vector's length while a method was iterating.
 *
 * @param where - `Class.method`, for the message.
 * @param before - the length when the method started.
 * @param after - the length the callback left.
 * @param owner - what the length belongs to: `"vector"` or `"table"`.
 * @throws Error always.
 */
export function throwModifiedDuringCallback(where: string, before: number, after: number, owner = 'vector'): never {
  throw new Error(`${where}: the callback changed the length from ${before} to ${after}; the ${owner} keeps the callback's changes`);
}

/**
 * Throws for an argument that is a revoked Proxy: every operation on one fails, and the
 * engine's message names no method.
 *
 * @param where - `Class.method`, for the message.
 * @param what - the argument's name (`"source"`, `"target"`, `"other"`).
 * @throws TypeError always.
 */
export function throwRevokedProxy(where: string, what: string): never {
  throw new TypeError(`${where}: ${what} is a revoked Proxy`);
}

/**
 * Throws for a typed array source over a detached buffer (transferred, or replaced by
 * `WebAssembly.Memory.grow()`), whose elements are gone.
 *
 * @throws {@link DetachedError} always.
 */
export function throwDetachedSourceError(where: string): never {
  throw new DetachedError(`${where}: the source's buffer is detached (transferred, or replaced by WebAssembly.Memory.grow())`);
}

/**
 * Rethrows `error`, which another vector threw when the caller read it as a source or an
 * operand (or wrote it as a target): its ReleasedError or DetachedError under the caller's
 * name `where` (the method the user called), anything else as it is.
 *
 * @param which - the vector the message names: `"the source vector"` by default, or `"the target vector"`.
 * @throws always.
 */
export function rethrowUnder(where: string, error: unknown, which = 'the source vector'): never {
  if (error instanceof ReleasedError) throw storageError(where, true, which);
  if (error instanceof DetachedError) throw storageError(where, false, which);
  throw error;
}

/**
 * Throws for a typed array source whose elements are of the other kind (bigints into a
 * number vector, or numbers into a bigint vector).
 *
 * @param where - `Class.method`, for the message.
 * @param source - the rejected typed array.
 * @param expected - the element type the vector holds.
 * @throws TypeError always.
 */
export function throwSourceKindError(where: string, source: ArrayBufferView, expected: string): never {
  // The kind from Symbol.toStringTag, not constructor.name, which bundlers rename.
  const kind = Object.prototype.toString.call(source).slice(8, -1);
  throw new TypeError(`${where}: cannot take the elements of a ${kind} into a vector of ${expected}s`);
}

/**
 * A vector whose storage was given back: a `Slab.reset()` released it. Every method except
 * the `length`, `isEmpty` and `capacity` getters throws this, so a stale handle can neither
 * read what a later owner writes nor write into the later owner's memory.
 */
export class ReleasedError extends Error {
  static {
    pinName(this, 'ReleasedError');
  }

  /**
   * @param message - the full message.
   */
  constructor(message: string) {
    super(message);
    this.name = 'ReleasedError';
  }
}

/**
 * A vector whose buffer was detached under it: `WebAssembly.Memory.prototype.grow()` detaches
 * the memory's old `ArrayBuffer`, and so does transferring a buffer to a worker. Reads and
 * growing operations throw this; build a new vector over the new buffer.
 */
export class DetachedError extends TypeError {
  static {
    pinName(this, 'DetachedError');
  }

  /**
   * @param message - the full message.
   */
  constructor(message: string) {
    super(message);
    this.name = 'DetachedError';
  }
}

/**
 * Throws for a vector whose storage can no longer be used.
 *
 * @param where - `Class.method`, for the message.
 * @param released - true when a slab released the vector, false when its buffer was detached.
 * @throws {@link ReleasedError} or {@link DetachedError} always.
 */
export function throwStorageError(where: string, released: boolean, which?: string): never {
  throw storageError(where, released, which);
}

/**
 * The error of a vector whose storage can no longer be used; see {@link throwStorageError}.
 *
 * @param which - the vector the message names: the receiver by default, or an argument.
 */
export function storageError(where: string, released: boolean, which = 'this vector'): ReleasedError | DetachedError {
  if (released) return new ReleasedError(`${where}: ${which} was released by Slab.reset(); allocate a new one from the slab`);
  return new DetachedError(
    `${where}: ${which === 'this vector' ? "the vector's" : `${which}'s`} buffer was detached (WebAssembly.Memory.grow() or a transfer); build a new vector over the new buffer`,
  );
}

/**
 * Throws when a live slot read back as `undefined`, which only a buffer detached under the
 * vector does; the caller has already reported a detached buffer if there was one, so this
 * is a bug in slabvec.
 *
 * @param where - `Class.method`, for the message.
 * @throws Error always.
 */
export function throwInternalError(where: string, what: string): never {
  throw new Error(`${where}: internal error: ${what}`);
}

// ---------------------------------------------------------------------------------------
// The numeric kernels
// ---------------------------------------------------------------------------------------

/**
 * Throws for a binary kernel whose operands have different lengths. Element-wise
 * operations never truncate or pad, and `dot` never returns `NaN` for a mismatch.
 *
 * @param where - `Class.method`, for the message.
 * @param length - the length of the vector the method was called on.
 * @param otherLength - the length of the other argument.
 * @param role - which argument: `"operand"`, `"x"` or `"out"`.
 * @throws RangeError always.
 */
export function throwLengthMismatch(where: string, length: number, otherLength: number, role: string): never {
  throw new RangeError(
    `${where}: length mismatch: this vector has length ${length} but ${role} has length ${otherLength}; ` +
      'both must have the same length (nothing was changed)',
  );
}

/**
 * Throws for an operand that is neither a scalar of the element type nor a vector or
 * typed array of exactly this class's kind.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected operand.
 * @param expected - what was accepted, e.g. `"a number, an F64Vec or a Float64Array"`.
 * @throws TypeError always.
 */
export function throwOperandError(where: string, value: unknown, expected: string): never {
  const foreign = foreignCopyNote(value, where);
  throw new TypeError(`${where}: expected ${expected}, got ${describeOperand(value)}${foreign || ' (convert it first, e.g. with from())'}`);
}

/**
 * Throws for an `out` argument that is not a vector of the same class.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected `out`.
 * @param className - the class `out` must be.
 * @throws TypeError always.
 */
export function throwOutError(where: string, value: unknown, className: string): never {
  throw new TypeError(`${where}: out must be ${withArticle(className)} of the same length, got ${describeOperand(value)}${foreignCopyNote(value, where)}`);
}

/**
 * Throws for `clamp` bounds that are out of order or `NaN`.
 *
 * @param where - `Class.method`, for the message.
 * @param lo - the lower bound.
 * @param hi - the upper bound.
 * @throws RangeError always.
 */
export function throwBoundsError(where: string, lo: unknown, hi: unknown): never {
  throw new RangeError(`${where}: need lo <= hi (and neither NaN), got lo ${describeValue(lo)} and hi ${describeValue(hi)}`);
}

/**
 * Throws for a `commit(count)` that no `spare()` region at the current length covers: none
 * was taken, the length changed since, or `count` is more than it holds.
 *
 * @param available - the slots of the region still valid (0 when there is none).
 * @throws RangeError always.
 */
export function throwNoSpareRegion(where: string, count: unknown, available: number): never {
  throw new RangeError(
    `${where}: count ${describeValue(count)} is not covered by a spare() region at the current length ` +
      `(${available === 0 ? 'there is none: call spare(n) first, and commit at the length spare() saw' : `it holds ${available} slots`})`,
  );
}

/**
 * Throws for `clamp` bounds between which the element type holds no value (`U8Vec`'s
 * `clamp(256, 300)`): the clamped elements would be stored wrapped, outside the bounds.
 *
 * @param min - the smallest element of the type.
 * @param max - the largest element of the type.
 * @throws RangeError always.
 */
export function throwClampDomainError(where: string, lo: unknown, hi: unknown, min: unknown, max: unknown): never {
  throw new RangeError(
    `${where}: no element of this type lies between lo ${describeValue(lo)} and hi ${describeValue(hi)} (its elements are the integers ${describeValue(min)} to ${describeValue(max)})`,
  );
}

/**
 * Throws for a bigint division by zero, before any element is written.
 *
 * @param where - `Class.method`, for the message.
 * @param index - the index of the zero divisor, or -1 for a zero scalar.
 * @throws RangeError always (the error `x / 0n` throws, with the place named).
 */
export function throwDivisionByZero(where: string, index: number): never {
  const what = index < 0 ? 'the divisor is 0n' : `the divisor is 0n at index ${index}`;
  throw new RangeError(`${where}: division by zero: ${what} (nothing was changed)`);
}

/**
 * Throws for a callback result of the wrong type, before any element is written.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected result.
 * @param index - the index whose callback returned it.
 * @param expected - the element type.
 * @throws TypeError always.
 */
export function throwCallbackResultError(where: string, value: unknown, index: number, expected: string): never {
  throw new TypeError(`${where}: the callback must return a ${expected}, got ${describeValue(value)} for index ${index} (nothing was changed)`);
}

/**
 * Throws for a bulk copy that does not fit in the destination vector's capacity.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the source (or the target vector, for `copyTo`).
 * @param capacity - the destination's capacity.
 * @param length - the destination's length.
 * @param requiredLength - the length the copy needs.
 * @throws {@link CapacityError} always.
 */
export function throwCopyCapacityError(
  where: string,
  value: unknown,
  capacity: number,
  length: number,
  requiredLength: number,
): never {
  throw new CapacityError(
    `${where}: the copy needs length ${requiredLength} but the capacity is ${capacity} (nothing was changed)`,
    value,
    capacity,
    length,
    requiredLength,
  );
}

/**
 * Throws for a `copyTo` target that is not an array, a typed array of the right kind or a
 * vector.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected target.
 * @param expected - the element type of the vector.
 * @throws TypeError always.
 */
export function throwTargetError(where: string, value: unknown, expected: string): never {
  throw new TypeError(
    `${where}: target must be an array, a typed array of ${expected}s or a vector, got ${describeOperand(value)}`,
  );
}

/**
 * Throws for a `copyTo` into a typed array that does not hold the elements at `targetStart`.
 *
 * @param where - `Class.method`, for the message.
 * @param targetStart - the rejected start.
 * @param count - the number of elements to copy.
 * @param targetLength - the target's length.
 * @throws TypeError when `targetStart` is not a number; RangeError otherwise.
 */
export function throwTargetRangeError(where: string, targetStart: unknown, count: number, targetLength: number): never {
  const message =
    `${where}: targetStart must be an integer from 0 to ${targetLength - count} so that ${count} elements ` +
    `fit in a target of length ${targetLength}, got ${describeValue(targetStart)}`;
  if (typeof targetStart !== 'number') throw new TypeError(message);
  throw new RangeError(message);
}

/**
 * Throws for the first slot at or after `from` that does not hold a number: the failure path
 * of an unrolled loop that checked several slots in one condition.
 *
 * @param where - `Class.method`, for the message.
 * @param data - the slots; one at or after `from` holds something other than a number.
 * @param owner - whose elements they are, for the message; omitted for the vector's own.
 * @throws TypeError always.
 */
export function throwFirstNonNumber(where: string, data: readonly unknown[], from: number, owner?: string): never {
  let i = from;
  while (typeof data[i] === 'number') i++;
  throwElementTypeErrorAt(where, data[i], 'number', i, owner);
}

// ---------------------------------------------------------------------------------------
// Memory and slabs
// ---------------------------------------------------------------------------------------

/**
 * Throws for memory that is not an `ArrayBuffer`, a `SharedArrayBuffer` or a
 * `WebAssembly.Memory`.
 *
 * @param where - `Class.method`, for the message.
 * @param memory - the rejected value.
 * @throws TypeError always.
 */
export function throwMemoryError(where: string, memory: unknown): never {
  throw new TypeError(`${where}: expected an ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, got ${describeValue(memory)}`);
}

/**
 * Throws for a resizable `ArrayBuffer` or a growable `SharedArrayBuffer`.
 *
 * @param where - `Class.method`, for the message.
 * @throws TypeError always.
 */
export function throwResizableError(where: string): never {
  throw new TypeError(
    `${where}: resizable and growable buffers are not supported: typed arrays over them run 2.5-4x slower; ` +
      'allocate a fixed-length buffer (or a WebAssembly.Memory, whose buffer is fixed until grow())',
  );
}

/**
 * Throws for a buffer that is detached before anything was laid over it.
 *
 * @param where - `Class.method`, for the message.
 * @throws {@link DetachedError} always.
 */
export function throwDetachedBufferError(where: string): never {
  throw new DetachedError(`${where}: the buffer is detached (transferred, or replaced by WebAssembly.Memory.grow())`);
}

/**
 * Throws for a `byteOffset` that is not a multiple of the element size.
 *
 * @param where - `Class.method`, for the message.
 * @param byteOffset - the rejected offset.
 * @param bytesPerElement - the element size.
 * @throws RangeError always.
 */
export function throwMisalignedError(where: string, byteOffset: number, bytesPerElement: number): never {
  throw new RangeError(
    `${where}: byteOffset ${byteOffset} is misaligned: elements of ${bytesPerElement} bytes need a multiple of ${bytesPerElement}`,
  );
}

/**
 * Throws for a region `[start, end)` that runs past the end of its buffer.
 *
 * @param where - `Class.method`, for the message.
 * @param start - the region's first byte.
 * @param end - the region's end (exclusive).
 * @param byteLength - the buffer's length.
 * @param what - what the region holds, e.g. `"for 4 elements of 8 bytes"`; may be empty.
 * @throws RangeError always.
 */
export function throwRegionError(where: string, start: number, end: number, byteLength: number, what: string): never {
  throw new RangeError(`${where}: the region [${start}, ${end}) ${what}${what === '' ? '' : ' '}runs past the end of the buffer (byteLength ${byteLength})`);
}

/**
 * Throws for a slab allocation that does not fit. The {@link CapacityError} counts bytes:
 * `capacity` is the slab's size, `length` the bytes in use and `requiredLength` the bytes
 * in use the allocation would need (alignment padding included); `value` is the number of
 * elements asked for.
 *
 * @param where - `Slab.alloc`, for the message.
 * @param elements - the number of elements asked for.
 * @param bytesPerElement - their size, which is also their alignment.
 * @param byteLength - the slab's size.
 * @param used - the bytes in use.
 * @param requiredUsed - the bytes in use the allocation would need.
 * @throws {@link CapacityError} always.
 */
export function throwSlabFullError(
  where: string,
  elements: number,
  bytesPerElement: number,
  byteLength: number,
  used: number,
  requiredUsed: number,
): never {
  const bytes = elements * bytesPerElement;
  throw new CapacityError(
    `${where}: ${elements} elements of ${bytesPerElement} bytes (${bytes} bytes, aligned to ${bytesPerElement}) ` +
      `do not fit: ${byteLength - used} of ${byteLength} bytes free`,
    elements,
    byteLength,
    used,
    requiredUsed,
  );
}

/**
 * Throws for a class argument of `Slab.alloc` that is not one of slabvec's typed vector classes.
 *
 * @param where - `Class.method`, for the message.
 * @param cls - the rejected value.
 * @throws TypeError always.
 */
export function throwNotAVectorClass(where: string, cls: unknown): never {
  throw new TypeError(`${where}: expected one of slabvec's typed vector classes (F64Vec, U8Vec, ...), got ${describeValue(cls)}${foreignClassNote(cls)}`);
}

/**
 * Throws for a `SharedArrayBuffer` asked for where the global does not exist: a browser page
 * that is not cross-origin isolated.
 *
 * @param where - `Class.method`, for the message.
 * @throws TypeError always.
 */
export function throwSharedMemoryUnavailable(where: string): never {
  throw new TypeError(
    `${where}: SharedArrayBuffer is not available here; a browser page gets it only when cross-origin isolated: ` +
      'serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp',
  );
}

/**
 * Throws for a `WasmSlab` made where the runtime has no `WebAssembly` at all (an engine run
 * with `--jitless`, some locked-down embeddings). A TypeError, as for a missing
 * `SharedArrayBuffer`. A Content-Security-Policy without `'wasm-unsafe-eval'` is not this
 * case: there the slab works and runs the JavaScript kernels.
 */
export function throwWebAssemblyUnavailable(where: string): never {
  throw new TypeError(`${where}: WebAssembly is not available here, so there is no WebAssembly.Memory to lay the slab over; use a Slab`);
}

/**
 * Throws for a `transfer()` of a vector that does not own its whole buffer; `reason` says
 * why and what to do instead. Nothing was changed.
 */
export function throwNotTransferable(where: string, reason: string): never {
  throw new TypeError(`${where}: this vector cannot be moved to another thread: ${reason}`);
}

/**
 * Throws for a `fromTransfer` message field that is not what `transfer()` makes: a
 * TypeError, or a RangeError for a number out of range.
 */
export function throwTransferMessageError(where: string, field: string, value: unknown, expected: string): never {
  const message = `${where}: ${field} must be ${expected}, got ${describeValue(value)}`;
  if (typeof value === 'number') throw new RangeError(message);
  throw new TypeError(message);
}

/** Throws for a bad argument or header of a `SharedVec` or `SharedTable` method: `name` is not `expected`. */
export function throwSharedVecError(where: string, name: string, value: unknown, expected: string): never {
  throw new TypeError(`${where}: ${name} must be ${expected}, got ${describeValue(value)}`);
}

/**
 * Throws for a call that would write a `SharedVec` reader's vector: its memory belongs to
 * the writer's thread. Nothing was changed.
 */
export function throwReaderWrite(where: string, hint?: string): never {
  throw new TypeError(
    `${where}: this vector is a SharedVec reader, which only reads what the writer publishes; write through the writer's vec${hint === undefined ? '' : `, or ${hint}`}`,
  );
}

/**
 * Throws for a call that would write a `SharedTable` reader's table, or one of its columns
 * (`column` names it): the memory belongs to the writer's thread. Nothing was changed.
 */
export function throwTableReaderWrite(where: string, column?: string, hint?: string): never {
  const what = column === undefined ? 'this table is a SharedTable reader' : `this vector is column ${JSON.stringify(column)} of a SharedTable reader`;
  throw new TypeError(`${where}: ${what}, which only reads what the writer publishes; write through the writer's table${hint === undefined ? '' : `, or ${hint}`}`);
}

/**
 * Throws where a thread cannot wait with `Atomics.wait` (a browser's main thread, an
 * `AudioWorkletGlobalScope`), naming the method that works there instead.
 */
export function throwWaitUnavailable(where: string, instead: string, cause: unknown): never {
  throw new TypeError(`${where}: this thread cannot block (Atomics.wait is not allowed here: a browser's main thread or an audio worklet); use ${instead}`, { cause });
}

/** The runtimes that have `Float16Array`, as {@link throwFloat16Unavailable} names them. */
export const FLOAT16_RUNTIMES = 'Node 24+, Chromium 135+ (Edge 135+), Firefox 129+ and Safari 18.2+';

/**
 * Throws for an `F16Vec` made where the runtime has no `Float16Array` (Node 20 and 22, older
 * browsers). A TypeError, as for a missing `SharedArrayBuffer` ({@link throwSharedMemoryUnavailable})
 * and as the engine's own `new undefined()` would be: the value the call needs does not exist
 * here, whatever its arguments.
 *
 * @param where - `Class.method`, for the message (`F16Vec.from`, `Slab.alloc`, ...).
 * @param className - the float16 class (`F16Vec`, `F16History`, ...); the message suggests its F32 sibling.
 */
export function throwFloat16Unavailable(where: string, className = 'F16Vec'): never {
  throw new TypeError(
    `${where}: this runtime has no Float16Array, which ${className} stores its elements in; ` +
      `it is built into ${FLOAT16_RUNTIMES} (not Node 20 or 22). Use ${className.replace(/^F16/, 'F32')} where it is missing`,
  );
}

/**
 * Throws for a buffer the engine could not allocate, keeping the engine's reason.
 *
 * @param where - `Class.method`, for the message.
 * @param byteLength - the size asked for.
 * @param cause - what the engine threw.
 * @throws RangeError always.
 */
export function throwAllocationError(where: string, byteLength: number, cause: unknown): never {
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new RangeError(`${where}: could not allocate ${byteLength} bytes (${reason})`, { cause });
}

/**
 * A call that would change the length of one column of a `Table` alone (`push`, `pop`,
 * `swapRemove`, `truncate`, ... on `table.cols.x`, or a `copyTo` that would grow it). A
 * table's columns always have the table's length, so rows are added and removed through
 * the table. Nothing was changed.
 */
export class ColumnLengthError extends TypeError {
  static {
    pinName(this, 'ColumnLengthError');
  }

  /** The name of the column in the table's schema. */
  readonly column: string;

  /**
   * @param message - the full message.
   * @param column - the column's name.
   */
  constructor(message: string, column: string) {
    super(message);
    this.name = 'ColumnLengthError';
    this.column = column;
  }
}

/**
 * Throws for a length change of one column of a table.
 *
 * @param where - `Class.method`, for the message.
 * @param column - the column's name in the table's schema.
 * @param which - the vector the message names: the receiver by default, or an argument.
 * @throws {@link ColumnLengthError} always.
 */
export function throwColumnLengthError(where: string, column: string, which = 'this vector'): never {
  throw new ColumnLengthError(
    `${where}: ${which} is the column ${JSON.stringify(column)} of a Table, whose columns always have the table's length; ` +
      'add and remove rows through the table (pushRow, swapRemove, removeRow, retainRows, truncate, clear); nothing was changed',
    column,
  );
}

/**
 * Throws for a `Table` schema that is not an object of typed vector classes, at least one.
 *
 * @param where - `Class.method`, for the message.
 * @param what - what is wrong, for the message.
 * @param value - the refused column class, if that is what is wrong: a class of another copy
 * of slabvec gets a note that says so.
 * @throws TypeError always.
 */
export function throwSchemaError(where: string, what: string, value?: unknown): never {
  if (value !== undefined) what += foreignClassNote(value);
  throw new TypeError(`${where}: the schema ${what}; expected an object of typed vector classes, such as { x: F32Vec, id: U32Vec }`);
}

/**
 * Throws for a value of a row that does not fit its column's element type.
 *
 * @param where - `Class.method`, for the message.
 * @param column - the column's name.
 * @param value - the rejected value.
 * @param expected - `"number"` or `"bigint"`.
 * @throws TypeError always.
 */
export function throwRowValueError(where: string, column: string, value: unknown, expected: string): never {
  throw new TypeError(
    `${where}: the value of column ${JSON.stringify(column)} must be a ${expected} (or absent, for ${expected === 'bigint' ? '0n' : '0'}), ` +
      `got ${describeValue(value)}; the table was not changed`,
  );
}

/**
 * Throws `error` again, as it is: what user code (a getter, a Proxy trap, a callback) threw
 * while slabvec was reading from it.
 *
 * @throws `error` always.
 */
export function rethrow(error: unknown): never {
  throw error;
}

/**
 * Throws for a `Table.alloc` whose columns do not all fit in the slab; nothing was allocated.
 *
 * @param where - `Class.method`, for the message.
 * @param rows - the capacity asked for.
 * @param rowBytes - bytes per row.
 * @param byteLength - the slab's size.
 * @param used - the slab's bytes in use.
 * @param requiredUsed - the bytes in use the columns would need, alignment included.
 * @throws {@link CapacityError} (counting bytes, as `Slab.alloc`) always.
 */
export function throwTableAllocError(where: string, rows: number, rowBytes: number, byteLength: number, used: number, requiredUsed: number): never {
  throw new CapacityError(
    `${where}: ${rows} rows of ${rowBytes} bytes (${requiredUsed - used} bytes with alignment) do not fit: ` +
      `${byteLength - used} of ${byteLength} bytes free; nothing was allocated`,
    rows,
    byteLength,
    used,
    requiredUsed,
  );
}

// ---------------------------------------------------------------------------------------
// Rings
// ---------------------------------------------------------------------------------------

/**
 * A ring header that does not describe the ring asked for: `attach` of an `F32Ring` on an
 * `I16Ring`'s header (`field` `"kind"`), or a header that is not a slabvec ring of this
 * version at all (`"magic"`, `"version"`, `"capacity"`, `"bytes"`). Nothing was attached.
 */
export class RingHeaderError extends TypeError {
  static {
    pinName(this, 'RingHeaderError');
  }

  /** The header word that disagrees: `"magic"`, `"version"`, `"kind"`, `"capacity"` or `"bytes"`. */
  readonly field: string;
  /** What the header holds there. */
  readonly found: number;
  /** What the ring class expected. */
  readonly expected: number;

  /**
   * @param message - the full message.
   * @param field - the header word that disagrees.
   * @param found - what the header holds.
   * @param expected - what was expected.
   */
  constructor(message: string, field: string, found: number, expected: number) {
    super(message);
    this.name = 'RingHeaderError';
    this.field = field;
    this.found = found;
    this.expected = expected;
  }
}

/**
 * Throws for a ring header word that disagrees with the ring class attaching to it.
 *
 * @param where - `Class.method`, for the message.
 * @param field - the header word's name.
 * @param found - what the header holds.
 * @param expected - what the class expected.
 * @param what - what the disagreement means, for the message.
 * @throws {@link RingHeaderError} always.
 */
export function throwRingHeaderError(where: string, field: string, found: number, expected: number, what: string): never {
  throw new RingHeaderError(`${where}: ${what} (header ${field} ${found}, expected ${expected}); nothing was attached`, field, found, expected);
}

/**
 * Throws for ring memory that is not shared: a ring's two ends live on two threads, so it
 * needs a `SharedArrayBuffer` or a shared `WebAssembly.Memory`.
 *
 * @param where - `Class.method`, for the message.
 * @param memory - the rejected memory.
 * @throws TypeError always.
 */
export function throwNotSharedError(where: string, memory: unknown): never {
  throw new TypeError(
    `${where}: a ring needs shared memory (a SharedArrayBuffer, or a WebAssembly.Memory made with shared: true), got ${describeValue(memory)}`,
  );
}

/**
 * Throws for a ring descriptor that is not what `ring.descriptor()` makes.
 *
 * @param where - `Class.method`, for the message.
 * @param what - what is wrong with it.
 * @param value - the rejected descriptor.
 * @throws TypeError always.
 */
export function throwDescriptorError(where: string, what: string, value: unknown): never {
  throw new TypeError(`${where}: expected a ring descriptor { buffer, byteOffset, capacity, kind } from ring.descriptor(); ${what}, got ${describeValue(value)}`);
}

/**
 * Throws for a block (or output) of a ring method that is not a typed array of the ring's kind.
 *
 * @param where - `Class.method`, for the message.
 * @param name - the argument's name (`"block"`, `"out"`).
 * @param value - the rejected value.
 * @param arrayName - the typed array the ring holds.
 * @throws TypeError always.
 */
export function throwRingArrayError(where: string, name: string, value: unknown, arrayName: string): never {
  throw new TypeError(`${where}: ${name} must be ${withArticle(arrayName)}, got ${describeOperand(value)}`);
}

/**
 * Throws for a block that does not fit in a ring: now (`used + length > capacity`), or ever
 * (`length > capacity`). The {@link CapacityError} counts slots: `length` is the slots in
 * use, `requiredLength` the slots in use the block would need.
 *
 * @param where - `Class.method`, for the message.
 * @param block - the rejected block.
 * @param capacity - the ring's capacity.
 * @param used - the slots in use.
 * @throws {@link CapacityError} always.
 */
export function throwRingFullError(where: string, block: ArrayLike<unknown>, capacity: number, used: number): never {
  const n = block.length;
  const why = n > capacity ? `can never fit: the capacity is ${capacity}` : `do not fit now: ${used} of ${capacity} slots are in use, ${capacity - used} free`;
  throw new CapacityError(`${where}: the block's ${n} elements ${why}; nothing was written`, block, capacity, used, used + n);
}

/**
 * Throws for a second `producer()` or `consumer()` on one ring object.
 *
 * @param where - `Class.method`, for the message.
 * @param end - `"producer"` or `"consumer"`.
 * @throws TypeError always.
 */
export function throwRingEndTaken(where: string, end: string): never {
  throw new TypeError(
    `${where}: this ring object's ${end} was taken already; a ring has one ${end}: keep the one you took (or attach a new ring object on the thread that takes over)`,
  );
}

/**
 * Throws for a ring call that the state of a chunk forbids: a write while a chunk is open,
 * or a commit or release of a chunk that is not open.
 *
 * @param where - `Class.method`, for the message.
 * @param what - what is wrong, for the message.
 * @throws TypeError always.
 */
export function throwChunkStateError(where: string, what: string): never {
  throw new TypeError(`${where}: ${what}; nothing was changed`);
}

/**
 * Throws for a blocking wait where `Atomics.wait` may not block: a browser main thread and
 * an `AudioWorkletGlobalScope`.
 *
 * @param where - `Class.method`, for the message.
 * @param asyncName - the method that waits without blocking.
 * @throws TypeError always.
 */
export function throwCannotBlock(where: string, asyncName: string): never {
  throw new TypeError(
    `${where}: this thread may not block (Atomics.wait throws on a browser main thread and in an AudioWorkletGlobalScope); ` +
      `use await ${asyncName}(...) here, or wait in a worker`,
  );
}

/**
 * Throws for an asynchronous wait where the runtime has no `Atomics.waitAsync`.
 *
 * @param where - `Class.method`, for the message.
 * @param syncName - the method that waits by blocking, in a worker.
 * @throws TypeError always.
 */
export function throwNoWaitAsync(where: string, syncName: string): never {
  throw new TypeError(`${where}: this runtime has no Atomics.waitAsync; poll instead, or wait in a worker with ${syncName}(...)`);
}

// ---------------------------------------------------------------------------------------
// Histories and deques
// ---------------------------------------------------------------------------------------

/**
 * Throws for `dot(taps, n)` of a history whose taps are not as long as the window.
 *
 * @param where - `Class.method`, for the message.
 * @param windowLength - the window's length, `n`.
 * @param tapsLength - the length of `taps`.
 * @throws RangeError always.
 */
export function throwWindowMismatch(where: string, windowLength: number, tapsLength: number): never {
  throw new RangeError(
    `${where}: taps has length ${tapsLength} but the window has length ${windowLength}; ` +
      'they must be equal (pass n = taps.length for the newest samples)',
  );
}
