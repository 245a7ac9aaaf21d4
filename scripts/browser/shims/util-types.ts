/**
 * `node:util/types` (and `util.types`) for the browser bundle: the predicates Node
 * implements natively, here from `Object.prototype.toString` tags and brand checks.
 *
 * @module
 */

const toTag = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1);

/** Calls `fn` and reports whether it did not throw: a brand check through a built-in getter or method. */
function branded(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag)!.get!;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const sharedByteLength = Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')!.get!;
const dataViewByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset')!.get!;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')!.get!;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size')!.get!;

/** True for any typed array (not a DataView). */
export const isTypedArray = (value: unknown): boolean => typedArrayTag.call(value) !== undefined;
/** True for an `ArrayBuffer` (detached ones included). */
export const isArrayBuffer = (value: unknown): boolean => branded(() => arrayBufferByteLength.call(value));
/** True for a `SharedArrayBuffer`. */
export const isSharedArrayBuffer = (value: unknown): boolean => branded(() => sharedByteLength.call(value));
/** True for either kind of buffer. */
export const isAnyArrayBuffer = (value: unknown): boolean => isArrayBuffer(value) || isSharedArrayBuffer(value);
/** True for a `DataView`. */
export const isDataView = (value: unknown): boolean => branded(() => dataViewByteOffset.call(value));
/** True for a typed array or a `DataView`. */
export const isArrayBufferView = (value: unknown): boolean => ArrayBuffer.isView(value);
/** True for a `Map`. */
export const isMap = (value: unknown): value is Map<unknown, unknown> => branded(() => mapSize.call(value));
/** True for a `Set`. */
export const isSet = (value: unknown): value is Set<unknown> => branded(() => setSize.call(value));
/** True for a `WeakMap`. */
export const isWeakMap = (value: unknown): boolean => branded(() => WeakMap.prototype.has.call(value as WeakMap<object, unknown>, {}));
/** True for a `WeakSet`. */
export const isWeakSet = (value: unknown): boolean => branded(() => WeakSet.prototype.has.call(value as WeakSet<object>, {}));
/** True for a `Date`. */
export const isDate = (value: unknown): value is Date => branded(() => Date.prototype.getTime.call(value));
/** True for a `RegExp`. */
export const isRegExp = (value: unknown): value is RegExp =>
  branded(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source')!.get!.call(value)) && value !== RegExp.prototype;
/** True for a native `Promise`. */
export const isPromise = (value: unknown): boolean => toTag(value) === 'Promise' && value instanceof Promise;
/** True for an `Error` (by its tag, as in another realm). */
export const isNativeError = (value: unknown): value is Error => toTag(value) === 'Error';
/** True for an async function. */
export const isAsyncFunction = (value: unknown): boolean => toTag(value) === 'AsyncFunction' || toTag(value) === 'AsyncGeneratorFunction';
/** True for a generator function. */
export const isGeneratorFunction = (value: unknown): boolean => toTag(value) === 'GeneratorFunction' || toTag(value) === 'AsyncGeneratorFunction';
/** True for `new Number(1)`, `new String('')` and the other boxed primitives. */
export const isBoxedPrimitive = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (branded(() => Number.prototype.valueOf.call(value)) ||
    branded(() => String.prototype.valueOf.call(value)) ||
    branded(() => Boolean.prototype.valueOf.call(value)) ||
    branded(() => BigInt.prototype.valueOf.call(value)) ||
    branded(() => Symbol.prototype.valueOf.call(value)));
/** Proxies cannot be detected from script: always false. */
export const isProxy = (_value: unknown): boolean => false;
/** True for `Uint8Array` instances. */
export const isUint8Array = (value: unknown): boolean => typedArrayTag.call(value) === 'Uint8Array';
/** True for `Float32Array` instances. */
export const isFloat32Array = (value: unknown): boolean => typedArrayTag.call(value) === 'Float32Array';
/** True for `Float64Array` instances. */
export const isFloat64Array = (value: unknown): boolean => typedArrayTag.call(value) === 'Float64Array';
/** True for `BigInt64Array` instances. */
export const isBigInt64Array = (value: unknown): boolean => typedArrayTag.call(value) === 'BigInt64Array';
/** True for `BigUint64Array` instances. */
export const isBigUint64Array = (value: unknown): boolean => typedArrayTag.call(value) === 'BigUint64Array';
