/**
 * Small helpers shared by the behaviour suites (`__tests__/behaviour*.test.ts`). They only
 * use the public `FixedVec` interface, so they work for every class in `KINDS`.
 */

import { inspect } from 'node:util';
import { poisonSpare, type AnyVec, type Elem, type Kind } from './kinds';

/** A small non-negative integer as an element of `kind` (a bigint for bigint kinds). */
export function el(kind: Kind, n: number): Elem {
  return kind.isBigInt ? BigInt(n) : n;
}

/** Several small integers as elements of `kind`. */
export function els(kind: Kind, ...ns: number[]): Elem[] {
  return ns.map((n) => el(kind, n));
}

/** The sentinel in the form the vector stores it (a typed array may round it). */
export function poisonOf(kind: Kind): Elem {
  return kind.convert(kind.sentinel);
}

/** A vector of `capacity` holding `items` (pushed one by one, so no bulk path is involved). */
export function vecOf(kind: Kind, capacity: number, items: readonly Elem[]): AnyVec {
  const vec = kind.make(capacity);
  for (const item of items) vec.push(item);
  return vec;
}

/** Like {@link vecOf}, with every spare slot holding the sentinel. */
export function poisoned(kind: Kind, capacity: number, items: readonly Elem[]): AnyVec {
  return poisonSpare(kind, vecOf(kind, capacity, items));
}

/** Runs `fn`, which must throw, and returns what it threw. */
export function caught(fn: () => unknown): any {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned normally');
}

/** What a call did: `"returned"`, or the name of the error it threw. */
export function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'returned';
  } catch (error) {
    return (error as Error).name;
  }
}

/** Whether `needle` occurs anywhere inside `value` (own properties, array and typed array elements, Map/Set entries). */
export function containsDeep(value: unknown, needle: Elem, seen = new Set<unknown>()): boolean {
  if (Object.is(value, needle)) return true;
  if (typeof value === 'string') return value.includes(String(needle));
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<unknown>).some((item) => Object.is(item, needle));
  }
  if (value instanceof Map) return [...value].some((entry) => containsDeep(entry, needle, seen));
  if (value instanceof Set) return [...value].some((entry) => containsDeep(entry, needle, seen));
  return Reflect.ownKeys(value).some((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor !== undefined && 'value' in descriptor && containsDeep(descriptor.value, needle, seen);
  });
}

/** Whether `fn` throws a RangeError (IndexError, EmptyError and CapacityError are RangeErrors). */
function throwsRangeError(fn: () => unknown): boolean {
  try {
    fn();
  } catch (error) {
    return error instanceof RangeError;
  }
  return false;
}

/** What the element readers show: the same for every reader when the vector is consistent. */
function readContents(vec: AnyVec) {
  const length = vec.length;
  return {
    length,
    toArray: vec.toArray(),
    get: Array.from({ length }, (_, i) => vec.get(i)),
    spread: [...vec],
    atLength: vec.at(length),
    getLengthThrows: throwsRangeError(() => vec.get(length)),
  };
}

/**
 * Asserts the full observable contents of `vec` through the element readers: `length`,
 * `toArray`, `get` at every index, spread, `at(length)` and that `get(length)` throws.
 * One `expect` for all of them: Jest's `expect()` costs tens of microseconds per call.
 */
export function expectContents(vec: AnyVec, expected: readonly Elem[]): void {
  expect(readContents(vec)).toEqual(contentsShowing(expected));
}

/** What {@link readContents} returns for a consistent vector holding `expected`. */
function contentsShowing(expected: readonly Elem[]): ReturnType<typeof readContents> {
  return { length: expected.length, toArray: [...expected], get: [...expected], spread: [...expected], atLength: undefined, getLengthThrows: true };
}

/**
 * Asserts that no public reader of `vec` shows the sentinel and that each shows exactly
 * `expected`. The full list of paths is exercised in behaviour-observability; this is the
 * short battery used after every operation elsewhere.
 */
export function expectNoPoison(kind: Kind, vec: AnyVec, expected: readonly Elem[]): void {
  const poison = poisonOf(kind);
  const at: unknown[] = [];
  for (let i = -vec.capacity - 2; i <= vec.capacity + 2; i++) at.push(vec.at(i));
  const toJson = (items: readonly Elem[]) => JSON.stringify(items.map((x) => (typeof x === 'bigint' ? String(x) : x)));
  expect({
    expectedHasPoison: expected.some((x) => Object.is(x, poison)),
    ...readContents(vec),
    atShowsPoison: at.some((x) => Object.is(x, poison)),
    view: Array.from(vec.view()),
    values: [...vec.values()],
    json: JSON.stringify(vec),
    inspectShowsPoison: inspect(vec).includes(String(poison)),
  }).toEqual({
    expectedHasPoison: false,
    ...contentsShowing(expected),
    atShowsPoison: false,
    view: expected,
    values: expected,
    json: toJson(expected),
    inspectShowsPoison: false,
  });
}

/** A typed array of either element type, as a typed vector's view or copy. */
export type AnyTypedArray = ArrayBufferView & { [i: number]: Elem; readonly length: number; subarray(start?: number, end?: number): AnyTypedArray };

/** A typed vector: the shared interface plus its typed-only methods. */
export type TypedVec = Omit<AnyVec, 'view'> & {
  view(): AnyTypedArray;
  toTypedArray(): AnyTypedArray;
};

/** `vec` seen with its typed-only methods. Only call for `kind.isTyped`. */
export function typed(vec: AnyVec): TypedVec {
  return vec as unknown as TypedVec;
}

/** The typed array constructor of a kind's table row (`Float64Array` for F64Vec). */
export { arrayCtorOf } from './kinds';

/** The default sort order of typed arrays: numeric ascending, `-0` before `0`, `NaN` last. */
export function defaultOrder(a: Elem, b: Elem): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (Object.is(a, -0) && Object.is(b, 0)) return -1;
  if (Object.is(a, 0) && Object.is(b, -0)) return 1;
  return 0;
}

/** Whether the kind stores `NaN` (the float kinds, and any non-converting kind). */
export function keepsNaN(kind: Kind): boolean {
  return !kind.isBigInt && Number.isNaN(kind.convert(NaN));
}

/**
 * Values that `kind` must refuse as elements with a TypeError. A typed kind refuses
 * everything that is not of its element type; OptionVec holds any value but `undefined`
 * (its `None` marker), so for it only `kind.wrongType` is wrong.
 */
export function wrongValues(kind: Kind): unknown[] {
  if (!kind.isTyped) return [kind.wrongType];
  return [kind.wrongType, undefined, null, '1', true, {}, Object(el(kind, 1)), [el(kind, 1)], kind.isBigInt ? 1.5 : 1n];
}

/**
 * Runs `fn`, prefixing any failure with `[label]`, so that one test can loop over a table of
 * cases and still say which case failed.
 */
export function labelled(label: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `[${label}]\n${error.message}`;
      const result = (error as { matcherResult?: { message?: string } }).matcherResult;
      if (result && typeof result.message === 'string') result.message = `[${label}]\n${result.message}`;
    }
    throw error;
  }
}

/** A readable label for any case value (`-0`, `0n`, `'0'`, `NaN` all distinct). */
export function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}
