/**
 * The implementations the comparison measures, as one table. The raw baselines and the
 * typed vectors come from the element table's measured rows; adding an implementation is
 * one entry here (plus a loop family in a `loops-*.ts` file if its API differs).
 *
 * @module
 */

import { Float64Vector } from 'mnemonist';
import { OptionVec } from '../src/index.js';
import { MEASURED_SPECS, arrayOf, classOf, valueOffset, type ElementKind } from './classes.js';
import { ARRAY_FAMILY } from './loops-array.js';
import { FIELD_FAMILY } from './loops-field.js';
import { MNEMONIST_FAMILY } from './loops-mnemonist.js';
import { RAW_FAMILY } from './loops-raw.js';
import { VEC_FAMILY } from './loops-vec.js';
import type { Family, MnemonistVec, RawVec, VecLike } from './state.js';

/**
 * What an implementation is to the report: a `baseline` is the denominator of every ratio
 * of its kind, the `reference` is the field-counter floor, a `typed vector` is one of
 * slabvec's typed classes, an `alternative` is anything else.
 */
export type Role = 'baseline' | 'reference' | 'typed vector' | 'alternative';

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
  /** Its role in the report. */
  readonly role: Role;
  /** The loops for its API. */
  readonly family: Family<C>;
  /** An empty container with room for `capacity` elements. */
  create(capacity: number): C;
}

/** Erases the container type so that entries of different families share one table. */
export function entry<C>(impl: Implementation<C>): Implementation {
  return impl as unknown as Implementation;
}

/** An empty raw typed array of `kind` with room for `capacity` elements and a hand-kept length. */
export function rawVec(kind: ElementKind, capacity: number): RawVec {
  const data = new (arrayOf(kind))(capacity);
  return { data, len: 0, view: data.subarray(0, 0) };
}

const baselines = MEASURED_SPECS.map((spec) =>
  entry<RawVec>({
    id: `raw ${spec.id}`,
    description: `a raw ${spec.arrayName} with a hand-kept length in a local variable, no checks (the baseline)`,
    kind: spec.id,
    role: 'baseline',
    family: RAW_FAMILY,
    create: (capacity) => rawVec(spec.id, capacity),
  }),
);

const typedVectors = MEASURED_SPECS.map((spec) =>
  entry<VecLike>({
    id: spec.className,
    description: `slabvec ${spec.className}${spec.id === 'f64' ? '' : ` (ratios against raw ${spec.id})`}`,
    kind: spec.id,
    role: 'typed vector',
    family: VEC_FAMILY,
    create: (capacity) => new (classOf(spec) as unknown as new (capacity: number) => VecLike)(capacity),
  }),
);

/** Every implementation, baselines first. */
export const IMPLEMENTATIONS: readonly Implementation[] = [
  ...baselines,
  entry<RawVec>({
    id: 'field f64',
    description:
      'a reference point, not a baseline: a raw Float64Array whose length counter lives in an object field, updated at every operation, no checks. What any object-held length costs before a single check',
    kind: 'f64',
    role: 'reference',
    family: FIELD_FAMILY,
    create: (capacity) => rawVec('f64', capacity),
  }),
  ...typedVectors,
  entry<VecLike>({
    id: 'OptionVec',
    description: 'slabvec OptionVec<number>, the [Option<f64>; N] design: a JS array of capacity slots, undefined when empty (view() returns a copy)',
    kind: 'f64',
    role: 'alternative',
    family: VEC_FAMILY,
    create: (c) => new OptionVec<number>(c),
  }),
  entry<number[]>({ id: 'Array', description: 'a plain JS Array used with push/pop, cleared with length = 0', kind: 'f64', role: 'alternative', family: ARRAY_FAMILY, create: () => [] }),
  entry<MnemonistVec>({
    id: 'mnemonist',
    description: 'mnemonist 0.40.8 Float64Vector, created with the capacity preallocated',
    kind: 'f64',
    role: 'alternative',
    family: MNEMONIST_FAMILY,
    create: (c) => new Float64Vector(c) as MnemonistVec,
  }),
];

/** An implementation by id. @throws Error when there is none. */
export function implementation(id: string): Implementation {
  const found = IMPLEMENTATIONS.find((impl) => impl.id === id);
  if (found === undefined) throw new Error(`no implementation ${id}`);
  return found;
}

/** A full container of `impl` at `capacity`, filled by its family's `fill` (elements `i + off`). */
export function fullContainer(impl: Implementation, capacity: number): unknown {
  const container = impl.create(capacity);
  impl.family.fill(container, capacity, valueOffset(impl.kind));
  return container;
}

/** The raw baseline of `kind`. */
export function baselineOf(kind: ElementKind): Implementation {
  return implementation(`raw ${kind}`);
}
