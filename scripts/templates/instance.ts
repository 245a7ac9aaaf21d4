/**
 * The placeholder names the templates are written in, declared as F64Vec's so that every
 * template type-checks as it stands. The generator replaces each name by its value for the
 * element type being generated (`placeholderValues` in scripts/generate.ts); nothing here
 * is emitted. The class name `TVec` is not declared here: each template declares its own
 * `class TVec`.
 *
 * @module
 */

/** The element type: `number`, or `bigint` for the 64-bit kinds. */
export type TElem = number;

/** The typed array the elements live in (`Float64Array`, ...), as a type. */
export type TArray = Float64Array;

/** The typed array the elements live in, as a constructor. */
export const TArray = Float64Array;

/** What `toJSON` returns: `number[]`, or `string[]` for bigints. Declared as either, so both branches compile. */
export type TJson = number[] | string[];

/** `typeof` an element, as a string literal: `'number'` or `'bigint'`. */
export const ELEMENT = 'number';

/** The element type id, as a string literal: `'f64'`, `'u8c'`, ... */
export const ELEMENT_ID = 'f64';

/** Zero of the element type, as a literal: `0`, or `0n` for bigints. */
export const ZERO = 0;

/** Bytes per element, as a number literal. */
export const BYTES = 8;

/** The smallest element of the type, as a literal expression (`-(2 ** 31)`, `0n`, ...). */
export const MIN_ELEMENT = -Number.MAX_VALUE;

/** The largest element of the type, as a literal expression (`2 ** 31 - 1`, `2n ** 64n - 1n`, ...). */
export const MAX_ELEMENT = Number.MAX_VALUE;
