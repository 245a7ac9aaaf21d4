/**
 * The implementations compared, as one table. Adding an implementation is one entry here
 * (plus a loop family in a `loops-*.ts` file if its API differs from the ones below).
 *
 * @module
 */

import { Float64Vector } from 'mnemonist';
import { F32Vec, F64Vec, I32Vec, OptionVec } from '../src/index.js';
import { ARRAY_FAMILY } from './loops-array.js';
import { FIELD_FAMILY } from './loops-field.js';
import { MNEMONIST_FAMILY } from './loops-mnemonist.js';
import { RAW_FAMILY } from './loops-raw.js';
import { VEC_FAMILY } from './loops-vec.js';
import type { ElementKind, Family, MnemonistVec, NumericArray, RawVec, VecLike } from './state.js';

/**
 * One implementation under test.
 *
 * @typeParam C - its container type.
 */
export interface Implementation<C = unknown> {
  /** Short unique id, used as the column name and in compiled loop names. */
  readonly id: string;
  /** What it is, for the docs. */
  readonly description: string;
  /** Element type; ratios are taken against the raw typed array of the same kind. */
  readonly kind: ElementKind;
  /** Whether this is a raw baseline (the denominator of every ratio of its kind). */
  readonly baseline: boolean;
  /** The loops for its API. */
  readonly family: Family<C>;
  /** An empty container with room for `capacity` elements. */
  create(capacity: number): C;
}

/** Per element kind: the typed array constructor and the value offset used in element values. */
export const ELEMENT_KINDS: Readonly<Record<ElementKind, { readonly Array: new (length: number) => NumericArray; readonly off: number }>> = {
  f64: { Array: Float64Array, off: 0.5 },
  f32: { Array: Float32Array, off: 0.5 },
  i32: { Array: Int32Array, off: 0 },
};

/** Erases the container type so that entries of different families share one table. */
function entry<C>(impl: Implementation<C>): Implementation {
  return impl as unknown as Implementation;
}

function rawVec(kind: ElementKind, capacity: number): RawVec {
  const data = new ELEMENT_KINDS[kind].Array(capacity);
  return { data, len: 0, view: data.subarray(0, 0) };
}

function raw(kind: ElementKind): Implementation {
  return entry<RawVec>({
    id: `raw ${kind}`,
    description: `a raw ${ELEMENT_KINDS[kind].Array.name} with a hand-kept length in a local variable, no checks (the baseline)`,
    kind,
    baseline: true,
    family: RAW_FAMILY,
    create: (capacity) => rawVec(kind, capacity),
  });
}

/** Every implementation, baselines first. */
export const IMPLEMENTATIONS: readonly Implementation[] = [
  raw('f64'),
  raw('f32'),
  raw('i32'),
  entry<RawVec>({
    id: 'field f64',
    description:
      'a reference point, not a baseline: a raw Float64Array whose length counter lives in an object field, updated at every operation, no checks. What any object-held length costs before a single check',
    kind: 'f64',
    baseline: false,
    family: FIELD_FAMILY,
    create: (capacity) => rawVec('f64', capacity),
  }),
  entry<VecLike>({ id: 'F64Vec', description: 'slabvec F64Vec', kind: 'f64', baseline: false, family: VEC_FAMILY, create: (c) => new F64Vec(c) }),
  entry<VecLike>({ id: 'F32Vec', description: 'slabvec F32Vec (ratios against raw f32)', kind: 'f32', baseline: false, family: VEC_FAMILY, create: (c) => new F32Vec(c) }),
  entry<VecLike>({ id: 'I32Vec', description: 'slabvec I32Vec (ratios against raw i32)', kind: 'i32', baseline: false, family: VEC_FAMILY, create: (c) => new I32Vec(c) }),
  entry<VecLike>({
    id: 'OptionVec',
    description: 'slabvec OptionVec<number>, the [Option<f64>; N] design: a JS array of capacity slots, undefined when empty (view() returns a copy)',
    kind: 'f64',
    baseline: false,
    family: VEC_FAMILY,
    create: (c) => new OptionVec<number>(c),
  }),
  entry<number[]>({ id: 'Array', description: 'a plain JS Array used with push/pop, cleared with length = 0', kind: 'f64', baseline: false, family: ARRAY_FAMILY, create: () => [] }),
  entry<MnemonistVec>({
    id: 'mnemonist',
    description: "mnemonist 0.40.8 Float64Vector, created with the capacity preallocated",
    kind: 'f64',
    baseline: false,
    family: MNEMONIST_FAMILY,
    create: (c) => new Float64Vector(c) as unknown as MnemonistVec,
  }),
];

/** The raw baseline of `kind`. */
export function baselineOf(kind: ElementKind): Implementation {
  const found = IMPLEMENTATIONS.find((impl) => impl.baseline && impl.kind === kind);
  if (found === undefined) throw new Error(`no baseline for ${kind}`);
  return found;
}

/** An implementation by id. */
export function implementation(id: string): Implementation | undefined {
  return IMPLEMENTATIONS.find((impl) => impl.id === id);
}
