/**
 * The vector classes under test, described once so that every suite runs over all of
 * them with `describe.each(KINDS)`. The typed kinds come from the element table
 * (`scripts/element-types.ts`) and their test data (`./test-data.ts`): a new table row is
 * a new kind in every suite, with no list here to update.
 */

import fc from 'fast-check';
import { ELEMENT_SPECS, type ElementId } from '../../scripts/element-types';
import * as library from '../../src/index';
import { OptionVec, type FixedVec } from '../../src/index';
import { TEST_DATA } from './test-data';

/** Any element a vector under test holds. */
export type Elem = number | bigint;

/** A vector under test, through the shared interface. */
export type AnyVec = FixedVec<Elem, number, ArrayLike<Elem>>;

/** One row of the element table, with its literal types (`id` is an {@link ElementId}). */
export type TableRow = (typeof ELEMENT_SPECS)[number];

/** The name of a typed array constructor of the element table: `"Float64Array" | ...`. */
export type TypedArrayName = (typeof ELEMENT_SPECS)[number]['arrayName'];

/** A typed array of either element type. */
export type RawArray = ArrayLike<Elem> & ArrayBufferView & { [i: number]: Elem };

/** A typed array constructor, as the tests use it. */
export interface TypedArrayCtor {
  new (lengthOrItems: number | ArrayLike<Elem>): RawArray;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): RawArray;
  from(items: ArrayLike<Elem> | Iterable<Elem>): RawArray;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}

/** Everything a suite needs to know about one vector class. */
export interface Kind {
  /** Class name, used as the suite title. */
  readonly name: string;
  /** The element table row of a typed kind; `undefined` for OptionVec. */
  readonly spec: TableRow | undefined;
  /**
   * The typed array that holds this kind's elements exactly: the row's own for a typed kind,
   * `Float64Array` for `OptionVec<number>`, which holds what `F64Vec` holds.
   */
  readonly arrayName: TypedArrayName;
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

/** The global typed array constructor called `name`, or `undefined` where this Node has none. */
function globalTypedArray(name: TypedArrayName): TypedArrayCtor | undefined {
  return (globalThis as unknown as Record<string, TypedArrayCtor | undefined>)[name];
}

/** What a typed array of `ctor` stores when given `value`. */
export function convertWith(ctor: TypedArrayCtor): (value: Elem) => Elem {
  const cell = new ctor(1);
  return (value) => {
    cell[0] = value;
    return cell[0];
  };
}

/** The class `src/index` exports for a table row, or `undefined` when it exports none. */
export function exportedClassOf(spec: TableRow): unknown {
  return (library as unknown as Record<string, unknown>)[spec.className];
}

/**
 * The kind of a table row, or `undefined` when the library exports no class for it or this
 * runtime has no such typed array (`Float16Array` before Node 24): `element-table.test.ts`
 * reports the first as a failure and the second as skipped tests (`./runtime.ts`).
 */
function typedKindOf(spec: TableRow): Kind | undefined {
  const cls = exportedClassOf(spec) as (Kind['cls'] & { new (capacity: number): AnyVec }) | undefined;
  const ctor = globalTypedArray(spec.arrayName);
  if (cls === undefined || ctor === undefined) return undefined;
  const data = TEST_DATA[spec.id];
  const isBigInt = spec.elementType === 'bigint';
  return {
    name: spec.className,
    spec,
    arrayName: spec.arrayName,
    make: (capacity) => new cls(capacity),
    cls,
    isBigInt,
    isTyped: true,
    convert: convertWith(ctor),
    element: data.element as fc.Arbitrary<Elem>,
    wrongType: isBigInt ? 1 : 1n,
    samples: data.samples,
    sentinel: data.sentinel,
  };
}

/** One kind per row of the element table, in table order. */
export const TYPED_KINDS: readonly Kind[] = ELEMENT_SPECS.map(typedKindOf).filter((kind) => kind !== undefined);

/** The typed array constructor called `name`, which a kind of TYPED_KINDS stores its elements in. */
export function typedArrayCtor(name: TypedArrayName): TypedArrayCtor {
  const ctor = globalTypedArray(name);
  if (ctor === undefined) throw new Error(`this Node has no ${name}`);
  return ctor;
}

/** The typed array constructor `kind.arrayName` names. */
export function arrayCtorOf(kind: Kind): TypedArrayCtor {
  return typedArrayCtor(kind.arrayName);
}

/** The typed array names of the typed kinds whose elements are bigints (or numbers), in table order. */
export function arrayNamesHolding(bigints: boolean): TypedArrayName[] {
  return TYPED_KINDS.filter((kind) => kind.isBigInt === bigints).map((kind) => kind.arrayName);
}

/** The typed kind of the table row `id`. */
export function kindById(id: ElementId): Kind {
  const kind = TYPED_KINDS.find((k) => k.spec?.id === id);
  if (kind === undefined) throw new Error(`no kind for the element table row "${id}"`);
  return kind;
}

/**
 * `OptionVec<number>`: holds numbers as they are (no conversion, so `convert` is the
 * identity), exactly what `F64Vec` holds, so it takes F64Vec's test data. Its only wrong
 * element type is `undefined`, the `None` marker.
 */
const optionKind: Kind = {
  name: 'OptionVec',
  spec: undefined,
  arrayName: kindById('f64').arrayName,
  make: (capacity) => new OptionVec<number>(capacity),
  cls: OptionVec as unknown as Kind['cls'],
  isBigInt: false,
  isTyped: false,
  convert: (value) => value,
  element: TEST_DATA.f64.element,
  wrongType: undefined,
  samples: TEST_DATA.f64.samples,
  sentinel: TEST_DATA.f64.sentinel,
};

/** Every class that implements the shared interface. */
export const KINDS: readonly Kind[] = [...TYPED_KINDS, optionKind];

/** Another kind of KINDS holding the same element type as `kind`, for cross-class sources. */
export function otherKindOfSameType(kind: Kind): Kind {
  const other = KINDS.find((k) => k.isBigInt === kind.isBigInt && k.name !== kind.name);
  if (other === undefined) throw new Error(`KINDS has no other class holding the element type of ${kind.name}`);
  return other;
}

/** A kind of KINDS holding the other element type (bigints for a number kind, numbers for a bigint kind). */
export function kindOfOtherType(kind: Kind): Kind {
  const other = KINDS.find((k) => k.isBigInt !== kind.isBigInt);
  if (other === undefined) throw new Error(`KINDS has no class holding the other element type of ${kind.name}`);
  return other;
}

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
