/**
 * Error classes and the module-scope helpers that throw them.
 *
 * Hot methods never contain a `throw` statement: an untaken `throw` inside `get` or
 * `push` keeps the caller's loop state alive for deoptimization and measurably slows the
 * caller (field notes section 2). They call one of the `throw*` helpers below instead,
 * which never return. Every message names the method, the offending value and the bound.
 *
 * @module
 */

/**
 * An index that is not an integer in the valid range for the method: fractional, `NaN`,
 * negative, or at/after the bound (the length, or the length plus one for insertion).
 */
export class IndexError extends RangeError {
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
 * A growing operation (`push`, `extend`, `insert`, `resize`, `splice`, `from`) that would
 * take the length past the capacity. The vector is left exactly as it was.
 */
export class CapacityError extends RangeError {
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
  /**
   * @param message - the full message.
   */
  constructor(message: string) {
    super(message);
    this.name = 'EmptyError';
  }
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
      return `an object (${Object.prototype.toString.call(value)})`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
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
  if (typeof index !== 'number') {
    throw new TypeError(`${where}: index must be a number, got ${describeValue(index)}`);
  }
  const bound = insertion ? length + 1 : length;
  const problem = indexProblem(index, bound) ?? 'is invalid';
  const valid = bound === 0 ? 'no index is valid' : `valid indexes are the integers 0 to ${bound - 1}`;
  const context = insertion ? `for insertion into length ${length}` : `for length ${length}`;
  throw new IndexError(`${where}: index ${describeValue(index)} ${problem} ${context} (${valid})`, index, bound);
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
export function throwCapacityError(
  where: string,
  value: unknown,
  capacity: number,
  length: number,
  requiredLength: number,
): never {
  const what = requiredLength === length + 1 ? `${describeValue(value)} does not fit` : `${requiredLength - length} elements do not fit`;
  throw new CapacityError(
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
 * @throws {@link EmptyError} always.
 */
export function throwEmptyError(where: string): never {
  throw new EmptyError(`${where}: the vector is empty`);
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
  throw new TypeError(`${where}: expected a ${expected}, got ${describeValue(value)}`);
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
 * @throws Error always.
 */
export function throwModifiedDuringCallback(where: string, before: number, after: number): never {
  throw new Error(`${where}: the callback changed the length from ${before} to ${after}; the vector keeps the callback's changes`);
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
export function throwStorageError(where: string, released: boolean): never {
  if (released) {
    throw new ReleasedError(`${where}: this vector was released by Slab.reset(); allocate a new one from the slab`);
  }
  throw new DetachedError(
    `${where}: the vector's buffer was detached (WebAssembly.Memory.grow() or a transfer); build a new vector over the new buffer`,
  );
}
