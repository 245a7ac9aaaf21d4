/**
 * The test data of every element type: the column of the element table
 * (`scripts/element-types.ts`) that only the tests need. {@link TEST_DATA} has one entry
 * per table row, typed by the row's element type, so a row without test data (or with
 * numbers where the row holds bigints) does not compile.
 */

import fc from 'fast-check';
import type { ELEMENT_SPECS, ElementId } from '../../scripts/element-types';

/** The table row with the id `Id`. */
type SpecOf<Id extends ElementId> = Extract<(typeof ELEMENT_SPECS)[number], { readonly id: Id }>;

/** The JavaScript type of the elements of the element type `Id`. */
export type ElementOf<Id extends ElementId> = SpecOf<Id>['elementType'] extends 'bigint' ? bigint : number;

/** What the tests need to know about one element type, beyond its table row. */
export interface ElementTestData<E extends number | bigint> {
  /**
   * Elements the type stores unchanged, for model tests. Small enough that a sum or product
   * of a few of them stays exact in double for the integer types.
   */
  readonly element: fc.Arbitrary<E>;
  /**
   * A value in stored form that `element` never yields: the tests push it only to poison
   * spare slots, and it must never come back out of a vector through any public path.
   */
  readonly sentinel: E;
  /** Three distinct elements, already in stored form. */
  readonly samples: readonly [E, E, E];
  /**
   * Conversions on store worked out by hand, `[given, stored]`, so that a wrong converter in
   * the tests cannot hide a wrong conversion in the library.
   */
  readonly pinnedConversions: readonly (readonly [E, E])[];
}

/** Per-element-type test data, keyed by table id. */
export type TestDataTable = { readonly [Id in ElementId]: ElementTestData<ElementOf<Id>> };

const smallInt = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });

export const TEST_DATA: TestDataTable = {
  f64: {
    element: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    sentinel: 31337.5e9,
    samples: [1.5, -2.25, 1e300],
    pinnedConversions: [[0.1, 0.1], [-0, -0], [NaN, NaN], [2 ** 53 + 2, 2 ** 53 + 2]],
  },
  f32: {
    element: fc.float({ min: -1e6, max: 1e6, noNaN: true }),
    sentinel: 1.5 * 2 ** 41,
    samples: [1.5, -2.25, 1024.5],
    pinnedConversions: [[0.1, Math.fround(0.1)], [1e300, Infinity], [-1e300, -Infinity], [-0, -0], [1e-320, 0], [16777217, 16777216]],
  },
  f16: {
    // m * 2^e with |m| <= 1024 (11 bits) and -4 <= e <= 4: exact float16 values up to 16384
    // in steps no finer than 1/16, so sums and products of a few are exact in double.
    element: fc.tuple(smallInt(-1024, 1024), smallInt(-4, 4)).map(([m, e]) => m * 2 ** e),
    // The largest float16, beyond every element (as U8Vec's is 255).
    sentinel: 65504,
    samples: [1.5, -2.25, 1000.5],
    pinnedConversions: [
      [0.1, 0.0999755859375], [1 / 3, 0.333251953125], [2049, 2048], [2051, 2052], [2 ** 11 + 0.5, 2048],
      [65504, 65504], [65519.99, 65504], [65520, Infinity], [-65520, -Infinity], [1e300, Infinity], [NaN, NaN],
      [2 ** -24, 2 ** -24], [2 ** -14 - 2 ** -24, 2 ** -14 - 2 ** -24], [1.5 * 2 ** -25, 2 ** -24], [2 ** -25, 0], [-(2 ** -26), -0], [-0, -0],
    ],
  },
  i32: {
    element: smallInt(-1e6, 1e6),
    sentinel: 2_000_000_001,
    samples: [1, -2, 2 ** 31 - 1],
    pinnedConversions: [[2 ** 31, -(2 ** 31)], [2 ** 32 + 3, 3], [-1.5, -1], [1.9, 1], [NaN, 0], [Infinity, 0], [-0, 0]],
  },
  u32: {
    element: smallInt(0, 1e6),
    sentinel: 4_000_000_001,
    samples: [1, 2, 2 ** 32 - 1],
    pinnedConversions: [[-1, 2 ** 32 - 1], [2 ** 32 + 3, 3], [-5, 2 ** 32 - 5], [1.5, 1], [NaN, 0]],
  },
  i16: {
    element: smallInt(-1000, 1000),
    sentinel: 31337,
    samples: [1, -2, 32767],
    pinnedConversions: [[32768, -32768], [65535, -1], [-1.9, -1], [70000, 4464]],
  },
  u16: {
    element: smallInt(0, 1000),
    sentinel: 61337,
    samples: [1, 2, 65535],
    pinnedConversions: [[-1, 65535], [65536, 0], [70000, 4464], [-0, 0]],
  },
  i8: {
    element: smallInt(-100, 100),
    sentinel: 127,
    samples: [1, -2, -128],
    pinnedConversions: [[200, -56], [128, -128], [-129, 127], [300, 44], [-1.5, -1]],
  },
  u8: {
    element: smallInt(0, 200),
    sentinel: 255,
    samples: [1, 2, 200],
    pinnedConversions: [[300, 44], [-1, 255], [256, 0], [1.5, 1], [-0, 0], [Infinity, 0]],
  },
  u8c: {
    element: smallInt(0, 200),
    sentinel: 255,
    samples: [1, 2, 200],
    pinnedConversions: [
      [300, 255], [-5, 0], [1.5, 2], [2.5, 2], [0.5, 0], [254.5, 254], [255.5, 255], [NaN, 0], [Infinity, 255], [-Infinity, 0], [-0, 0],
    ],
  },
  i64: {
    element: fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
    sentinel: 2n ** 63n - 1n,
    samples: [1n, -2n, 3n],
    pinnedConversions: [[2n ** 63n, -(2n ** 63n)], [2n ** 64n + 5n, 5n], [-(2n ** 63n) - 1n, 2n ** 63n - 1n]],
  },
  u64: {
    element: fc.bigInt({ min: 0n, max: 2n ** 63n }),
    sentinel: 2n ** 64n - 1n,
    samples: [1n, 2n ** 64n - 2n, 3n],
    pinnedConversions: [[-1n, 2n ** 64n - 1n], [2n ** 64n + 5n, 5n], [-(2n ** 64n), 0n]],
  },
};
