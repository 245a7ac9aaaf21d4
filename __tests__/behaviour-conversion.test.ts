/**
 * Shared behaviour, numeric conversion on store (typed kinds only): whatever path a value
 * enters by, it reads back exactly as the underlying typed array would have stored it.
 * The table of values is run through every storing method for every typed kind, and a few
 * well-known results are pinned independently of `kind.convert`.
 */

import { KINDS, arrayCtorOf, type AnyVec, type Elem } from './support/kinds';
import { el } from './support/assertions';
import { TEST_DATA } from './support/test-data';

const NUMBER_VALUES = [
  1.5, -1.5, 2.5, -2.5, 0.5, 254.5, 255.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 3, 2 ** 53 + 2, 300, 200, 128, -129, -5, NaN, Infinity, -Infinity,
  -0, 0.1, 1e300, -1e300, 3.4e38 * 2, 1e-320,
];
const BIGINT_VALUES = [2n ** 64n + 5n, -1n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n - 1n, -(2n ** 64n), 12345678901234567890n, 2n ** 200n + 7n, 0n];

/** Every way a value can be stored: each returns the vector holding `value` at index `at`. */
const STORE_PATHS: [string, (make: (capacity: number) => AnyVec, value: Elem, filler: Elem) => [AnyVec, number]][] = [
  ['push', (make, x) => { const v = make(2); v.push(x); return [v, 0]; }],
  ['tryPush', (make, x) => { const v = make(2); v.tryPush(x); return [v, 0]; }],
  ['set', (make, x, f) => { const v = make(2); v.push(f); v.set(0, x); return [v, 0]; }],
  ['insert', (make, x, f) => { const v = make(3); v.push(f); v.insert(0, x); return [v, 0]; }],
  ['tryInsert', (make, x, f) => { const v = make(3); v.push(f); v.tryInsert(1, x); return [v, 1]; }],
  ['extend (array)', (make, x, f) => { const v = make(3); v.push(f); v.extend([x]); return [v, 1]; }],
  ['tryExtend (generator)', (make, x) => { const v = make(3); v.tryExtend((function* () { yield x; })()); return [v, 0]; }],
  ['extend (array-like)', (make, x) => { const v = make(3); v.extend({ length: 1, 0: x }); return [v, 0]; }],
  ['resize fill', (make, x) => { const v = make(3); v.resize(2, x); return [v, 1]; }],
  ['fill', (make, x, f) => { const v = make(3); v.push(f); v.push(f); v.fill(x, 1); return [v, 1]; }],
  ['splice items', (make, x, f) => { const v = make(3); v.push(f); v.splice(0, 1, [f, x]); return [v, 1]; }],
];

describe.each(KINDS.filter((k) => k.isTyped))('$name: conversion on store', (kind) => {
  const values: Elem[] = kind.isBigInt ? BIGINT_VALUES : NUMBER_VALUES;
  const filler = el(kind, 3);
  const cls = kind.cls as unknown as { from(s: unknown, c?: number): AnyVec; of(...x: Elem[]): AnyVec };

  it.each(STORE_PATHS)('%s stores each value exactly as the typed array would', (_path, store) => {
    const got = values.map((x) => {
      const [v, at] = store(kind.make, x, filler);
      return v.get(at);
    });
    // toEqual compares numbers with Object.is: -0 vs 0 and NaN are told apart exactly.
    expect(got).toEqual(values.map(kind.convert));
  });

  it('from and of store each value exactly as the typed array would', () => {
    expect(cls.from(values).toArray()).toEqual(values.map(kind.convert));
    expect(cls.from(values.values(), values.length + 1).toArray()).toEqual(values.map(kind.convert));
    expect(cls.of(...values).toArray()).toEqual(values.map(kind.convert));
  });

  it('every reader returns the stored value, not the value given', () => {
    const v = cls.from(values);
    const stored = values.map(kind.convert);
    expect([...v]).toEqual(stored);
    expect(Array.from(v.view())).toEqual(stored);
    expect(stored.map((_x, i) => v.at(i))).toEqual(stored);
    expect(v.clone().toArray()).toEqual(stored);
    expect(Array.from(v.drain())).toEqual(stored);
  });

  it('kind.convert agrees with a fresh typed array of the class kind', () => {
    expect(values.map(kind.convert)).toEqual(Array.from(arrayCtorOf(kind).from(values)));
  });
});

describe.each(KINDS.filter((k) => k.isTyped))('$name: pinned conversions', (kind) => {
  it('stores the results worked out by hand in the test data (e.g. U8ClampedVec 300 -> 255, I8Vec 200 -> -56, F32Vec 0.1 -> fround(0.1))', () => {
    // Independent of `kind.convert`, so that a wrong converter cannot hide a wrong conversion.
    const pairs: readonly (readonly [Elem, Elem])[] = TEST_DATA[kind.spec!.id].pinnedConversions;
    expect(pairs.length).toBeGreaterThan(0);
    const v = kind.make(pairs.length);
    for (const [given] of pairs) v.push(given);
    expect(v.toArray()).toEqual(pairs.map(([, stored]) => stored));
  });

  it('conversion never relaxes the type check: strings, booleans, null and the other element type are rejected', () => {
    const v = kind.make(4);
    for (const bad of ['1', true, null, undefined, kind.wrongType, kind.isBigInt ? 1.5 : 1n]) {
      expect(() => v.push(bad as Elem)).toThrow(TypeError);
    }
    expect(v.length).toBe(0);
  });
});
