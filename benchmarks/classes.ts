/**
 * The typed vector classes as the element table lists them: every class list of the suite
 * comes from `ELEMENT_SPECS`, and each class is looked up in `src/index` by its `className`.
 *
 * @module
 */

import { ELEMENT_SPECS, type ElementId, type ElementSpec } from '../scripts/element-types.js';
import * as slabvec from '../src/index.js';
import type { TypedVecClass } from '../src/index.js';

const MEASURED_IDS = ['f64', 'f32', 'i32'] as const satisfies readonly ElementId[];

/** The element kinds the comparison measures, each against a raw typed array of its own. */
export type ElementKind = (typeof MEASURED_IDS)[number];

/** The element-table rows of the measured kinds. */
export type MeasuredSpec = Extract<(typeof ELEMENT_SPECS)[number], { readonly id: ElementKind }>;

/** A typed array of one of the measured element kinds (the `arrayName` of their rows). */
export type NumericArray = InstanceType<(typeof globalThis)[MeasuredSpec['arrayName']]>;

/** The element-table row of `id`. */
function specOf(id: ElementId): ElementSpec {
  const spec = ELEMENT_SPECS.find((s) => s.id === id);
  if (spec === undefined) throw new Error(`no element type ${id}`);
  return spec;
}

/** The rows of the measured kinds, in the element table's order. */
export const MEASURED_SPECS: readonly MeasuredSpec[] = ELEMENT_SPECS.filter((s): s is MeasuredSpec => (MEASURED_IDS as readonly string[]).includes(s.id));

/** Whether this runtime has the typed array `spec` stores its elements in (`Float16Array`: Node 24+, not 20 or 22). */
export function runtimeHas(spec: ElementSpec): boolean {
  return typeof (globalThis as unknown as Readonly<Record<string, unknown>>)[spec.arrayName] === 'function';
}

/**
 * The rows whose classes this runtime can construct, in table order: where a benchmark
 * exercises every class, it takes these, so F16Vec is left out before Node 24.
 */
export const RUNNABLE_SPECS: readonly ElementSpec[] = ELEMENT_SPECS.filter(runtimeHas);

/** The class of a row, from `src/index` by `spec.className`. */
export function classOf(spec: ElementSpec): TypedVecClass {
  const cls = (slabvec as unknown as Readonly<Record<string, TypedVecClass | undefined>>)[spec.className];
  if (cls === undefined) throw new Error(`src/index exports no ${spec.className}`);
  return cls;
}

/** The typed array constructor a measured kind stores its elements in (the class's own `Array`). */
export function arrayOf(kind: ElementKind): new (length: number) => NumericArray {
  return classOf(specOf(kind)).Array as unknown as new (length: number) => NumericArray;
}

/** Added to integer indexes to make element values: 0.5 for floats (no small-integer shortcut), 0 for integers. */
export function valueOffset(kind: ElementKind): number {
  return specOf(kind).family === 'float' ? 0.5 : 0;
}
