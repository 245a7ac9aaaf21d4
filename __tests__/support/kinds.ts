/**
 * The vector classes under test, described once so that every suite runs over all of
 * them with `describe.each(KINDS)`.
 */

import fc from 'fast-check';
import {
  F32Vec,
  F64Vec,
  I16Vec,
  I32Vec,
  I64Vec,
  I8Vec,
  OptionVec,
  U16Vec,
  U32Vec,
  U64Vec,
  U8ClampedVec,
  U8Vec,
  type FixedVec,
} from '../../src/index';

/** Any element a vector under test holds. */
export type Elem = number | bigint;

/** A vector under test, through the shared interface. */
export type AnyVec = FixedVec<Elem, number, ArrayLike<Elem>>;

/** Everything a suite needs to know about one vector class. */
export interface Kind {
  /** Class name, used as the suite title. */
  readonly name: string;
  /** Creates an empty vector of the given capacity. */
  readonly make: (capacity: number) => AnyVec;
  /** The class itself, for statics (`from`, `of`). */
  readonly cls: { from(source: Iterable<Elem> | ArrayLike<Elem>, capacity?: number): AnyVec; of(...items: Elem[]): AnyVec };
  /** Whether elements are bigints. */
  readonly isBigInt: boolean;
  /** Whether the class is a typed vector (false for OptionVec). */
  readonly isTyped: boolean;
  /** What the vector stores when given `value` (typed-array conversion; identity for OptionVec). */
  readonly convert: (value: Elem) => Elem;
  /** Elements that survive conversion unchanged, for model tests. */
  readonly element: fc.Arbitrary<Elem>;
  /** A value of the wrong type for this class (a TypeError when stored). */
  readonly wrongType: unknown;
  /** Three distinct elements, already in stored form. */
  readonly samples: readonly [Elem, Elem, Elem];
  /**
   * A stored-form value that the tests never push except to poison spare slots: it must
   * never come back out of a vector through any public path.
   */
  readonly sentinel: Elem;
}

type TypedArrayCtor = { new (length: number): ArrayLike<Elem> & { [i: number]: Elem } };

function convertWith(ctor: TypedArrayCtor): (value: Elem) => Elem {
  const cell = new ctor(1);
  return (value) => {
    cell[0] = value;
    return cell[0];
  };
}

function numberKind(
  name: string,
  cls: unknown,
  ctor: TypedArrayCtor,
  element: fc.Arbitrary<number>,
  sentinel: number,
  samples: readonly [number, number, number],
): Kind {
  const c = cls as Kind['cls'] & { new (capacity: number): AnyVec };
  return {
    name,
    make: (capacity) => new c(capacity),
    cls: c,
    isBigInt: false,
    isTyped: true,
    convert: convertWith(ctor),
    element,
    wrongType: 1n,
    samples,
    sentinel,
  };
}

function bigintKind(name: string, cls: unknown, ctor: TypedArrayCtor, element: fc.Arbitrary<bigint>, sentinel: bigint): Kind {
  const c = cls as Kind['cls'] & { new (capacity: number): AnyVec };
  return {
    name,
    make: (capacity) => new c(capacity),
    cls: c,
    isBigInt: true,
    isTyped: true,
    convert: convertWith(ctor),
    element,
    wrongType: 1,
    samples: [1n, -2n, 3n].map(convertWith(ctor)) as unknown as [bigint, bigint, bigint],
    sentinel,
  };
}

// Every sentinel lies outside the range of its kind's `element` arbitrary and is stored exactly.
const smallInt = (min: number, max: number) => fc.integer({ min, max });

/** The eleven typed vector classes. OptionVec is added by the OptionVec work. */
export const TYPED_KINDS: readonly Kind[] = [
  numberKind('F64Vec', F64Vec, Float64Array, fc.double({ min: -1e6, max: 1e6, noNaN: true }), 31337.5e9, [1.5, -2.25, 1e300]),
  numberKind('F32Vec', F32Vec, Float32Array, fc.float({ min: -1e6, max: 1e6, noNaN: true }), 1.5 * 2 ** 41, [1.5, -2.25, 1024.5]),
  numberKind('I32Vec', I32Vec, Int32Array, smallInt(-1e6, 1e6), 2_000_000_001, [1, -2, 2 ** 31 - 1]),
  numberKind('U32Vec', U32Vec, Uint32Array, smallInt(0, 1e6), 4_000_000_001, [1, 2, 2 ** 32 - 1]),
  numberKind('I16Vec', I16Vec, Int16Array, smallInt(-1000, 1000), 31337, [1, -2, 32767]),
  numberKind('U16Vec', U16Vec, Uint16Array, smallInt(0, 1000), 61337, [1, 2, 65535]),
  numberKind('I8Vec', I8Vec, Int8Array, smallInt(-100, 100), 127, [1, -2, -128]),
  numberKind('U8Vec', U8Vec, Uint8Array, smallInt(0, 200), 255, [1, 2, 200]),
  numberKind('U8ClampedVec', U8ClampedVec, Uint8ClampedArray, smallInt(0, 200), 255, [1, 2, 200]),
  bigintKind('I64Vec', I64Vec, BigInt64Array, fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), 2n ** 63n - 1n),
  bigintKind('U64Vec', U64Vec, BigUint64Array, fc.bigInt({ min: 0n, max: 2n ** 63n }), 2n ** 64n - 1n),
];

/**
 * `OptionVec<number>`: holds numbers as they are (no conversion, so `convert` is the
 * identity), and its only wrong element type is `undefined`, the `None` marker.
 */
const optionKind: Kind = {
  name: 'OptionVec',
  make: (capacity) => new OptionVec<number>(capacity),
  cls: OptionVec as unknown as Kind['cls'],
  isBigInt: false,
  isTyped: false,
  convert: (value) => value,
  element: fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  wrongType: undefined,
  samples: [1.5, -2.25, 1e300],
  sentinel: 31337.5e9,
};

/** Every class that implements the shared interface. */
export const KINDS: readonly Kind[] = [...TYPED_KINDS, optionKind];

/**
 * Fills every spare slot of `vec` with `kind.sentinel` through public methods only: push
 * the sentinel until full, then truncate back. Returns `vec`.
 */
export function poisonSpare(kind: Kind, vec: AnyVec): AnyVec {
  const length = vec.length;
  while (!vec.isFull) vec.push(kind.sentinel);
  vec.truncate(length);
  return vec;
}
