/**
 * Small helpers shared by every vector class. None of them touches a vector's storage,
 * so sharing them keeps no class's hot code polymorphic (docs/design.md).
 *
 * @internal
 * @module
 */

import { throwArgumentError, throwCapacityError, throwRevokedProxy, throwSourceError } from './errors.js';

/** The largest capacity accepted: indexes must stay exact for the `(i >>> 0) === i` check. */
export const MAX_CAPACITY = 0xffff_ffff;

/** Node's `util.inspect.custom`, reached without importing anything from Node. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** Options Node passes to an inspect hook; only what slabvec forwards. */
export interface InspectOptions {
  /** How deep Node is still willing to go; negative means "print the short form". */
  readonly depth?: number | null;
}

/** The inspect function Node passes as the hook's third argument. */
export type InspectFunction = (value: unknown, options?: InspectOptions) => string;

/**
 * Validates a capacity argument: an integer from 0 to {@link MAX_CAPACITY}. The one capacity
 * rule, for vectors, `bytesFor`, regions and slab allocations alike.
 *
 * @throws TypeError or RangeError naming `where` and the value.
 */
export function checkCapacity(where: string, capacity: unknown): asserts capacity is number {
  if (!(typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0 && capacity <= MAX_CAPACITY)) {
    throwArgumentError(where, 'capacity', capacity, `an integer from 0 to ${MAX_CAPACITY}`);
  }
}

/**
 * Validates an integer argument in `[0, max]` (a length, count or range bound).
 *
 * @throws TypeError or RangeError naming `where`, `name`, the value and the bound.
 */
export function checkIntegerInRange(where: string, name: string, value: unknown, max: number): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max)) {
    throwArgumentError(where, name, value, `an integer from 0 to ${max}`);
  }
}

/**
 * Validates a non-negative integer argument without an upper bound (`truncate`'s `newLength`).
 *
 * @throws TypeError or RangeError naming `where`, `name` and the value.
 */
export function checkNonNegativeInteger(where: string, name: string, value: unknown): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    throwArgumentError(where, name, value, 'a non-negative integer');
  }
}

/**
 * Validates the `newLength` of `resize`: an integer past the capacity is a growth that does
 * not fit, anything else must be an integer in `[0, capacity]`.
 *
 * @param fill - the fill value, carried by the error.
 * @throws CapacityError when `newLength` is an integer above `capacity`.
 * @throws TypeError or RangeError when `newLength` is not a non-negative integer.
 */
export function checkResizeLength(where: string, newLength: number, fill: unknown, capacity: number, length: number): void {
  if (typeof newLength === 'number' && Number.isInteger(newLength) && newLength > capacity) {
    throwCapacityError(where, fill, capacity, length, newLength);
  }
  checkIntegerInRange(where, 'newLength', newLength, capacity);
}

/**
 * Validates a range `[start, end)` of the live elements (`fill`, `drain`): two integers in
 * `[0, length]` with `start <= end`.
 *
 * @throws TypeError or RangeError naming `where`, the argument and its bounds.
 */
export function checkRange(where: string, start: number, end: number, length: number): void {
  checkIntegerInRange(where, 'start', start, length);
  checkIntegerInRange(where, 'end', end, length);
  if (end < start) throwArgumentError(where, 'end', end, `an integer from start (${start}) to ${length}`);
}

/**
 * Validates the position arguments of `splice`: `start` in `[0, length]` and `deleteCount`
 * in `[0, length - start]`.
 *
 * @throws TypeError or RangeError naming `where`, the argument and its bounds.
 */
export function checkSpliceRange(where: string, start: number, deleteCount: number, length: number): void {
  checkIntegerInRange(where, 'start', start, length);
  checkIntegerInRange(where, 'deleteCount', deleteCount, length - start);
}

/**
 * Resolves the `fromIndex` of `indexOf`/`includes` the way `Array.prototype.indexOf` does
 * (negative counts from the end), after checking that it is an integer.
 */
export function checkFromIndex(where: string, fromIndex: unknown): void {
  if (!(typeof fromIndex === 'number' && Number.isInteger(fromIndex))) {
    throwArgumentError(where, 'fromIndex', fromIndex, 'an integer (negative counts from the end)');
  }
}

/**
 * `TypedArray.prototype.indexOf` as a loop, for F16Vec: V8 (Node 24 and 26, Chromium 156)
 * misses negative normal values in a `Float16Array`: `new Float16Array([-1]).indexOf(-1)`
 * is -1 there, and so are `lastIndexOf` and `includes`. `fromIndex` is an integer
 * ({@link checkFromIndex}); negative counts from the end.
 */
export function indexOfLoop(data: ArrayLike<number>, value: number, fromIndex: number): number {
  const length = data.length;
  // `+ 0`: a fromIndex of -0 starts at +0, so that a match there answers +0, as Array's does.
  for (let i = fromIndex < 0 ? Math.max(length + fromIndex, 0) : fromIndex + 0; i < length; i++) {
    if (data[i] === value) return i;
  }
  return -1;
}

/** `TypedArray.prototype.lastIndexOf` as a loop, for F16Vec (see {@link indexOfLoop}). */
export function lastIndexOfLoop(data: ArrayLike<number>, value: number, fromIndex: number): number {
  for (let i = fromIndex < 0 ? data.length + fromIndex : Math.min(fromIndex + 0, data.length - 1); i >= 0; i--) {
    if (data[i] === value) return i;
  }
  return -1;
}

/** `TypedArray.prototype.includes` (SameValueZero: `NaN` is found) as a loop, for F16Vec (see {@link indexOfLoop}). */
export function includesLoop(data: ArrayLike<number>, value: number, fromIndex: number): boolean {
  if (value === value) return indexOfLoop(data, value, fromIndex) >= 0;
  const length = data.length;
  for (let i = fromIndex < 0 ? Math.max(length + fromIndex, 0) : fromIndex; i < length; i++) {
    if (data[i] !== data[i]) return true;
  }
  return false;
}

/** `Array.prototype.at`'s index rule: truncate toward zero, `NaN` is 0, negative counts from the end. */
export function relativeIndex(index: number, length: number): number {
  const whole = Math.trunc(index) || 0;
  return whole < 0 ? whole + length : whole;
}

/** SameValueZero, the equality of `includes`, `Map` and `Set`: `NaN` equals `NaN`, `-0` equals `0`. */
export function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * The length of an array-like, non-iterable source, or throws. Strings are rejected by the
 * element type check of the caller, not here.
 */
export function arrayLikeLength(where: string, source: ArrayLike<unknown>): number {
  const length = source.length;
  if (!(typeof length === 'number' && Number.isInteger(length) && length >= 0 && length <= MAX_CAPACITY)) {
    throwSourceError(where, source);
  }
  return length;
}

/**
 * The largest scratch array (in elements) a class keeps between calls of `retain`, `sort`
 * or `map`: larger ones are left to the garbage collector rather than held for the process.
 */
export const SCRATCH_LIMIT = 65536;

/**
 * Whether two buffers may hold the same memory: the same buffer object, or two
 * `SharedArrayBuffer` objects, which can share one block (docs/design.md, "Aliased shared
 * memory") without any API telling whether they do.
 */
export function mayShareMemory(a: ArrayBufferLike, b: ArrayBufferLike): boolean {
  return a === b || (isSharedBuffer(a) && isSharedBuffer(b));
}

/**
 * Whether `buffer` is a `SharedArrayBuffer`, of any realm (a clone or a worker's message may
 * come from another one). An `ArrayBuffer` of this realm answers at the first test.
 */
function isSharedBuffer(buffer: ArrayBufferLike): boolean {
  return !(buffer instanceof ArrayBuffer) && Object.prototype.toString.call(buffer) === '[object SharedArrayBuffer]';
}

/**
 * Checks that `value` is not a revoked Proxy, on which every operation fails with an engine
 * message that names no method. `Array.isArray` throws for a revoked Proxy and for nothing
 * else, so it is the probe; call this before any other operation on a user's object.
 *
 * @param what - the argument's name, for the message.
 * @throws TypeError for a revoked Proxy.
 */
export function checkNotRevoked(where: string, what: string, value: object): void {
  try {
    Array.isArray(value);
  } catch {
    throwRevokedProxy(where, what);
  }
}

/** Whether `value` can be iterated with `for...of`. */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return value != null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** `%TypedArray%.prototype[Symbol.toStringTag]`: a typed array's kind, from any realm. */
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!
  .get as (this: unknown) => string | undefined;

/**
 * The constructor name of a typed array (`"Float64Array"`, ...), or `undefined` for anything
 * else, `DataView` included. A brand check rather than `instanceof`, so typed arrays made in
 * another realm (a `vm` context, an iframe, Jest's test environment) are recognized.
 */
export function typedArrayKind(value: unknown): string | undefined {
  return typedArrayTag.call(value);
}

/** Whether `value` is a typed array holding bigints. */
export function isBigIntTypedArray(value: unknown): boolean {
  const kind = typedArrayKind(value);
  return kind === 'BigInt64Array' || kind === 'BigUint64Array';
}

/** Whether `value` is a slabvec vector of any kind (not an array or typed array). */
export function isFixedVec<E>(value: unknown): value is { toArray(): E[]; readonly capacity: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { toArray?: unknown }).toArray === 'function' &&
    typeof (value as { capacity?: unknown }).capacity === 'number'
  );
}

/**
 * `Float16Array` as slabvec's declarations name it: the global type where the `lib` of the
 * program compiling them declares one (ES2025, or `esnext.float16` from TypeScript 5.9),
 * else {@link Float16ArrayNotInLib}. Read through `typeof globalThis`, so that the
 * declarations compile with any `lib` and add no global of their own (docs/packaging.md).
 */
export type Float16ArrayType = typeof globalThis extends { readonly Float16Array: { readonly prototype: infer A } } ? A : Float16ArrayNotInLib;

/** The constructor of {@link Float16ArrayType}: the global `Float16ArrayConstructor` where the `lib` has it. */
export type Float16ArrayConstructorType = typeof globalThis extends { readonly Float16Array: infer C } ? C : Float16ArrayConstructorNotInLib;

/**
 * What `Float16Array` is in slabvec's declarations for a program whose `lib` has none: the
 * elements can be read, and the one extra member names the fix. Nothing at run time has
 * this type's brand, so no value converts to it by mistake.
 */
export interface Float16ArrayNotInLib extends ArrayLike<number> {
  /** Not present at run time; its name says what to change to get the real `Float16Array` type. */
  readonly 'add "ES2025" or "esnext.float16" to compilerOptions.lib for the Float16Array type': never;
}

/** The constructor of {@link Float16ArrayNotInLib}, for `F16Vec.Array`. */
export interface Float16ArrayConstructorNotInLib {
  readonly prototype: Float16ArrayNotInLib;
  readonly BYTES_PER_ELEMENT: number;
}

/** Every typed array that holds numbers. */
export type NumberTypedArray =
  | Float64Array
  | Float32Array
  | Float16ArrayType
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray;

/** Every typed array that holds bigints. */
export type BigIntTypedArray = BigInt64Array | BigUint64Array;

/** Releases one vector of a class: what a `Slab` calls on every vector it handed out when it is reset. */
export type Releaser = (vec: object) => void;

/**
 * The releaser of each typed vector class, registered by the class's static block. A
 * module-private map rather than a method: no reflection on a class or an instance reaches
 * it, and the package does not export this module.
 */
const RELEASERS = new WeakMap<object, Releaser>();

/** Registers the releaser of a typed vector class (once, from the class's static block). */
export function registerReleaser(cls: object, release: Releaser): void {
  RELEASERS.set(cls, release);
}

/** The releaser of `cls`, or `undefined` when it is not one of slabvec's typed vector classes. */
export function releaserOf(cls: unknown): Releaser | undefined {
  return typeof cls === 'function' ? RELEASERS.get(cls) : undefined;
}

/** The buffers that Slabs hand out regions of: no vector over one owns its buffer alone. */
const SLAB_BUFFERS = new WeakSet<object>();

/** Records that a Slab hands out regions of `buffer` (see {@link isSlabBuffer}). */
export function markSlabBuffer(buffer: ArrayBufferLike): void {
  SLAB_BUFFERS.add(buffer);
}

/** Whether a Slab hands out regions of `buffer`, so that a vector over it shares the buffer. */
export function isSlabBuffer(buffer: ArrayBufferLike): boolean {
  return SLAB_BUFFERS.has(buffer);
}
