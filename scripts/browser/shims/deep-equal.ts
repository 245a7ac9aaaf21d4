/**
 * `util.isDeepStrictEqual` for the browser bundle, following Node's strict mode
 * (`lib/internal/util/comparisons.js`): primitives by `Object.is`, the same prototype and
 * `Object.prototype.toString` tag on both sides, typed arrays byte for byte, buffers by
 * contents, the same own enumerable keys (symbols included) with deep-equal values, `Map`
 * and `Set` members matched deeply, cycles handled.
 *
 * @module
 */

import * as types from './util-types';

const tagOf = (value: unknown): string => Object.prototype.toString.call(value);

function ownEnumerableKeys(value: object): PropertyKey[] {
  return [...Object.keys(value), ...Object.getOwnPropertySymbols(value).filter((key) => Object.prototype.propertyIsEnumerable.call(value, key))];
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Memo = Map<object, Set<object>>;

function seenPair(memo: Memo, a: object, b: object): boolean {
  const set = memo.get(a);
  if (set?.has(b)) return true;
  if (set) set.add(b);
  else memo.set(a, new Set([b]));
  return false;
}

function setHasDeep(set: Set<unknown>, value: unknown, memo: Memo): boolean {
  if (set.has(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  for (const candidate of set) if (equal(candidate, value, memo)) return true;
  return false;
}

function equal(a: unknown, b: unknown, memo: Memo): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // Functions and differing primitives are equal only when identical.
    return false;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tagOf(a) !== tagOf(b)) return false;
  if (seenPair(memo, a, b)) return true;
  if (Array.isArray(a)) {
    const bArr = b as unknown[];
    if (a.length !== bArr.length) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!sameBytes(bytesOf(a), bytesOf(b as ArrayBufferView))) return false;
    if (types.isTypedArray(a)) {
      const keysA = Object.keys(a).filter((key) => !/^\d+$/.test(key));
      const keysB = Object.keys(b).filter((key) => !/^\d+$/.test(key));
      if (keysA.length !== keysB.length) return false;
      return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal((a as never)[key], (b as never)[key], memo));
    }
  } else if (types.isAnyArrayBuffer(a)) {
    if (!sameBytes(new Uint8Array(a as ArrayBuffer), new Uint8Array(b as ArrayBuffer))) return false;
  } else if (types.isDate(a)) {
    if (a.getTime() !== (b as Date).getTime()) return false;
  } else if (types.isRegExp(a)) {
    const rb = b as RegExp;
    if (a.source !== rb.source || a.flags !== rb.flags || a.lastIndex !== rb.lastIndex) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!Object.is((a as { valueOf(): unknown }).valueOf(), (b as { valueOf(): unknown }).valueOf())) return false;
  } else if (a instanceof Error) {
    const eb = b as Error;
    if (a.message !== eb.message || a.name !== eb.name) return false;
  } else if (types.isMap(a)) {
    const mb = b as Map<unknown, unknown>;
    if (a.size !== mb.size) return false;
    for (const [key, value] of a) {
      if (mb.has(key)) {
        if (!equal(value, mb.get(key), memo)) return false;
      } else {
        if (typeof key !== 'object' || key === null) return false;
        let found = false;
        for (const [otherKey, otherValue] of mb) {
          if (equal(key, otherKey, memo) && equal(value, otherValue, memo)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
  } else if (types.isSet(a)) {
    const sb = b as Set<unknown>;
    if (a.size !== sb.size) return false;
    for (const value of a) if (!setHasDeep(sb, value, memo)) return false;
  }
  const keysA = ownEnumerableKeys(a);
  const keysB = ownEnumerableKeys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
    if (!equal((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], memo)) return false;
  }
  return true;
}

/**
 * Node's `util.isDeepStrictEqual(a, b)`.
 *
 * @param a - one value.
 * @param b - the other.
 */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}
