/**
 * Staging: how every vector class reads a source before it changes anything (`extend`,
 * `tryExtend`, `splice`, `from`, `copyFrom`) and what `equals` compares with. Pure
 * functions over the arguments, sharing the rules between the classes: none touches a
 * vector's storage, so none makes a class's hot code polymorphic (docs/design.md).
 *
 * The rules: a string, a number or any other non-object is not a source (a string is
 * iterable, but taking its characters as elements is never what was meant), nor is a
 * `DataView`. A typed array is used as it is. Anything else (an array, an array-like, an
 * iterable) is read once, element by element, each element checked, into a new array,
 * reading at most `limit + 1` elements (docs/design.md, "Growing operations read no more
 * than fits").
 *
 * @internal
 * @module
 */

import { rethrowUnder, throwDetachedSourceError, throwElementTypeError, throwSourceError, throwSourceKindError } from './errors.js';
import {
  type BigIntTypedArray,
  type NumberTypedArray,
  arrayLikeLength,
  checkNotRevoked,
  isBigIntTypedArray,
  isFixedVec,
  isIterable,
  typedArrayKind,
} from './internal.js';
import { isDetached } from './memory.js';
import type { VecSource } from './types.js';

/** What a staged element must be, and how a refusal is reported. */
export interface ElementRule {
  /**
   * The `typeof` of every element (`"number"`, `"bigint"`), or `undefined` for any value but
   * `undefined` (an `OptionVec`'s elements). Data rather than a predicate: the loops below
   * serve several rules, and a predicate called from them is a megamorphic call that boxes
   * every double passed to it (measured twice as slow as a `typeof` check).
   */
  readonly typeOf: 'number' | 'bigint' | undefined;
  /**
   * Throws for `value`, which the rule refused, read at `index` of the source.
   *
   * @throws TypeError always.
   */
  refuse(where: string, value: unknown, index: number): never;
}

/** The elements of a number vector: any `number`. */
export const NUMBER_ELEMENT: ElementRule = {
  typeOf: 'number',
  refuse: (where, value) => throwElementTypeError(where, value, 'number'),
};

/** The elements of a bigint vector: any `bigint`. */
export const BIGINT_ELEMENT: ElementRule = {
  typeOf: 'bigint',
  refuse: (where, value) => throwElementTypeError(where, value, 'bigint'),
};

/** Whether a rule with this {@link ElementRule.typeOf} refuses `value`. */
function refuses(typeOf: ElementRule['typeOf'], value: unknown): boolean {
  return typeOf === undefined ? value === undefined : typeof value !== typeOf;
}

/**
 * The constructor of the array a source is staged into: a typed array class holding the
 * rule's elements, or `Array`.
 */
export type StagedArrayConstructor<W extends { [index: number]: unknown }> = new (length: number) => W;

/**
 * `source` itself when it is a typed array; `null` when it is some other object (an array,
 * an array-like or an iterable, for {@link stageElements}).
 *
 * @param where - `Class.method`, for the messages.
 * @param holds - the element type of the caller: a typed array of the other kind is refused.
 * Omitted, every typed array is taken.
 * @throws TypeError when `source` is not an object (a string included), is a `DataView`, or
 * is a typed array of the other kind.
 */
export function typedArraySource(where: string, source: unknown, holds: 'number'): NumberTypedArray | null;
export function typedArraySource(where: string, source: unknown, holds: 'bigint'): BigIntTypedArray | null;
export function typedArraySource(where: string, source: unknown): NumberTypedArray | BigIntTypedArray | null;
export function typedArraySource(where: string, source: unknown, holds?: 'number' | 'bigint'): NumberTypedArray | BigIntTypedArray | null {
  if (typeof source !== 'object' || source === null) throwSourceError(where, source);
  checkNotRevoked(where, 'source', source);
  if (!ArrayBuffer.isView(source)) return null;
  if (typedArrayKind(source) === undefined) throwSourceError(where, source);
  if (holds !== undefined && isBigIntTypedArray(source) !== (holds === 'bigint')) throwSourceKindError(where, source, holds);
  const typed = source as NumberTypedArray | BigIntTypedArray;
  // A detached buffer reads as empty: say so rather than take no elements.
  if (typed.length === 0 && isDetached(typed.buffer)) throwDetachedSourceError(where);
  return typed;
}

/**
 * The live elements of a vector of another class (a source or an argument), with its
 * ReleasedError or DetachedError reported under `where`, the method the user called.
 */
export function vectorElements(where: string, vec: { toArray(): unknown[] }): unknown[] {
  try {
    return vec.toArray();
  } catch (error) {
    return rethrowUnder(where, error);
  }
}

/**
 * The elements of an array, array-like or iterable `source` (one that
 * {@link typedArraySource} answered `null` for), before they are copied: an array or
 * array-like as it is, its length checked to be at most `limit`; an iterable's elements
 * collected into a new array, each checked by `rule` as it arrives.
 *
 * Reads at most `limit + 1` elements: when `source` holds more than `limit`, returns how
 * many instead (exact for a source with a length, `limit + 1` for an iterable), so an
 * endless or huge source costs no more than the room it could fill. An array-like's own
 * elements are not read here: the caller copies and checks them in one pass, reading its
 * length again clamped to `limit` (a getter may answer differently the second time).
 *
 * The typed vector classes copy with a loop of their own: one shared copy loop storing into
 * eleven kinds of typed array measured 10x slower than a loop per class.
 *
 * @param where - `Class.method`, for the messages.
 * @param limit - the most elements the caller can take.
 * @throws TypeError when an iterable's element is refused, or an array-like's length is not a valid length.
 */
export function collectElements(where: string, source: VecSource<unknown>, limit: number, rule: ElementRule): ArrayLike<unknown> | number {
  checkNotRevoked(where, 'source', source);
  if (isFixedVec(source)) {
    // Through toArray rather than its iterator, so that its errors carry this method's name.
    const items = vectorElements(where, source);
    return items.length > limit ? items.length : items;
  }
  if (Array.isArray(source) || !isIterable(source)) {
    const items = source as ArrayLike<unknown>;
    const count = arrayLikeLength(where, items);
    return count > limit ? count : items;
  }
  const collected: unknown[] = [];
  const typeOf = rule.typeOf;
  for (const value of source) {
    if (refuses(typeOf, value)) rule.refuse(where, value, collected.length);
    if (collected.length === limit) return limit + 1; // leaving the loop closes the iterator
    collected.push(value);
  }
  return collected;
}

/**
 * {@link collectElements}, then each element checked by `rule` and copied into a new array
 * made by `into`: the whole staging of a source for `OptionVec`.
 *
 * @param where - `Class.method`, for the messages.
 * @param limit - the most elements the caller can take.
 * @returns the staged elements, or how many `source` holds when that is more than `limit`.
 * @throws TypeError when an element is refused, or an array-like's length is not a valid length.
 */
export function stageElements<W extends { [index: number]: unknown }>(
  where: string,
  source: VecSource<unknown>,
  limit: number,
  rule: ElementRule,
  into: StagedArrayConstructor<W>,
): W | number {
  const items = collectElements(where, source, limit, rule);
  return typeof items === 'number' ? items : copyChecked(where, items, Math.min(items.length, limit), rule, into);
}

/**
 * `items[0 .. count)`, each read exactly once and checked by `rule`, copied into a new array
 * made by `into`. For an operand or source whose length the caller has already checked.
 *
 * @param where - `Class.method`, for the messages.
 * @throws TypeError for the first element `rule` refuses.
 */
export function copyChecked<W extends { [index: number]: unknown }>(
  where: string,
  items: ArrayLike<unknown>,
  count: number,
  rule: ElementRule,
  into: StagedArrayConstructor<W>,
): W {
  const staged = new into(count);
  // One loop per kind, so that each compares with a constant: `typeof value !== typeOf`
  // measured up to 1.6x slower than `typeof value !== 'number'` on an array of numbers.
  switch (rule.typeOf) {
    case 'number':
      for (let i = 0; i < count; i++) {
        const value = items[i];
        if (typeof value !== 'number') rule.refuse(where, value, i);
        staged[i] = value;
      }
      break;
    case 'bigint':
      for (let i = 0; i < count; i++) {
        const value = items[i];
        if (typeof value !== 'bigint') rule.refuse(where, value, i);
        staged[i] = value;
      }
      break;
    default:
      for (let i = 0; i < count; i++) {
        const value = items[i];
        if (value === undefined) rule.refuse(where, value, i);
        staged[i] = value;
      }
  }
  return staged;
}

/**
 * What `equals` compares its own elements with, for an argument that is not a vector of the
 * caller's class: another vector's `toArray()`, a typed array as it is, and an array or
 * array-like copied with `Array.prototype.slice`. Called before the caller reads its own
 * length: an array-like's getters run user code, which may change the vector.
 *
 * @throws TypeError when `other` is not an object with a valid `length` (an array-like).
 */
export function comparedElements(where: string, other: unknown): ArrayLike<unknown> {
  if (typeof other !== 'object' || other === null) return throwSourceError(where, other);
  checkNotRevoked(where, 'other', other);
  if (isFixedVec(other)) return vectorElements(where, other);
  if (ArrayBuffer.isView(other)) {
    if (typedArrayKind(other) === undefined) throwSourceError(where, other);
    return other as unknown as ArrayLike<unknown>;
  }
  arrayLikeLength(where, other as ArrayLike<unknown>);
  return Array.prototype.slice.call(other as ArrayLike<unknown>);
}
