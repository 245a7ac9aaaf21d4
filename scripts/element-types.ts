/**
 * The element table: every per-type fact about the typed vector classes, in one place.
 * The code generator fills the template from it, and the tests and benchmarks take their
 * list of classes from it, so adding an element type is one row here plus its test data
 * (`__tests__/support/test-data.ts`).
 *
 * @module
 */

/**
 * How the arithmetic of an element type behaves, which decides the code of its kernels.
 *
 * - `float`: IEEE doubles (f64), or float32 (f32) and float16 (f16) values computed in double.
 * - `wrap32`: 32-bit integers; wrap modulo 2^32, products need `Math.imul` to stay exact.
 * - `wrap`: 8- and 16-bit integers; wrap modulo 2^bits, and every product of an element and
 *   an int32 is exact in double.
 * - `clamped`: `Uint8ClampedArray`; clamp to [0, 255], round half to even.
 * - `bigint`: 64-bit integers as bigints; exact arithmetic, wrapped modulo 2^64 on store.
 */
export type Family = 'float' | 'wrap32' | 'wrap' | 'clamped' | 'bigint';

/**
 * What each family's arithmetic does, for the TSDoc of the element-wise kernels (the
 * `{{arithmetic}}` slot of the templates). `{{...}}` inside is filled from the row.
 */
export const ARITHMETIC: Readonly<Record<Family, string>> = {
  float: 'IEEE double arithmetic; `NaN` and infinities propagate.',
  wrap32:
    'Integer results wrap modulo 2^{{bits}} as `{{arrayName}}` stores them (results outside the\n' +
    'range wrap around). An integer scalar is reduced modulo 2^32 first and products use\n' +
    '`Math.imul`, so add, sub, mul and axpy with integer operands give the exact result wrapped,\n' +
    'even where a double would round. A fractional, `NaN` or infinite scalar is applied in\n' +
    'double and the double result converted: truncated toward zero, and `NaN` or `±Infinity`\n' +
    'store `0`.',
  wrap:
    'Integer results wrap modulo 2^{{bits}} as `{{arrayName}}` stores them (results outside the\n' +
    'range wrap around: in an I8Vec, 100 + 100 is -56). An integer scalar is reduced modulo\n' +
    '2^32 first and products are exact in double, so add, sub, mul and axpy with integer\n' +
    'operands give the exact result wrapped. A fractional, `NaN` or infinite scalar is applied\n' +
    'in double and the double result converted: truncated toward zero, and `NaN` or\n' +
    '`±Infinity` store `0`.',
  clamped:
    'Computed in double, then stored as `Uint8ClampedArray` stores: clamped to [0, 255] and\n' +
    'rounded half to even (200 + 100 is 255, 3 - 5 is 0, 5 / 2 is 2); `NaN` stores 0.',
  bigint: 'Exact `bigint` arithmetic, then wrapped modulo 2^64 on store, as `{{arrayName}}` converts.',
};

/** One element type: everything the template, the tests and the benchmarks need to know. */
export interface ElementSpec {
  /** Short id, as in `@thi.ng`: `"f64"`, `"u8c"`, ... Also the class's static `elementType`. */
  readonly id: string;
  /** The generated class name. */
  readonly className: string;
  /** The typed array constructor the class stores its elements in. */
  readonly arrayName: string;
  /** The TypeScript (and `typeof`) element type. */
  readonly elementType: 'number' | 'bigint';
  /** Bytes per element. */
  readonly bytes: number;
  /** The generated file's base name under `src/generated/`. */
  readonly fileName: string;
  /** How the kernels compute; see {@link Family}. */
  readonly family: Family;
  /** Whether the element range includes negative values. */
  readonly signed: boolean;
  /** The smallest and largest element, as TypeScript source (`"-(2 ** 31)"`, `"2n ** 64n - 1n"`). */
  readonly range: readonly [string, string];
  /**
   * For integer kinds whose `sum` can exceed 2^53 (and so round): the largest length whose
   * sum is always exact, as text (`"2^22"`). Absent where every sum is exact or a float.
   */
  readonly exactSumLength?: string;
  /** How a JavaScript value is converted on store, for the class TSDoc. */
  readonly conversion: string;
  /** Replaces the family's {@link ARITHMETIC} note in the kernels' TSDoc, where the type differs from its family. */
  readonly arithmetic?: string;
  /** Three values that exercise the type in the TSDoc example, as TypeScript source. */
  readonly example: readonly [string, string, string];
}

/** The twelve element types, in the order they are documented and exported. */
export const ELEMENT_SPECS = [
  {
    id: 'f64', className: 'F64Vec', arrayName: 'Float64Array', elementType: 'number', bytes: 8, fileName: 'f64-vec',
    family: 'float', signed: true, range: ['-Number.MAX_VALUE', 'Number.MAX_VALUE'],
    conversion: 'stored exactly (IEEE 754 double, like any JS number)',
    example: ['1.5', '-2', '0.25'],
  },
  {
    id: 'f32', className: 'F32Vec', arrayName: 'Float32Array', elementType: 'number', bytes: 4, fileName: 'f32-vec',
    family: 'float', signed: true, range: ['-3.4028234663852886e38', '3.4028234663852886e38'],
    conversion: 'rounded to the nearest float32 (`Math.fround`); out-of-range values become ±Infinity',
    arithmetic:
      'Computed in double and rounded to float32 on store; for `+ - * /` of float32 values\n' +
      'that is the correctly rounded float32 result. IEEE special values propagate.',
    example: ['1.5', '-2', '0.25'],
  },
  {
    // Float16Array is in Node 24+, Chromium 135+, Firefox 129+ and Safari 18.2+ only: the
    // template looks it up once and stands in for it elsewhere (`//@if f16` there).
    id: 'f16', className: 'F16Vec', arrayName: 'Float16Array', elementType: 'number', bytes: 2, fileName: 'f16-vec',
    family: 'float', signed: true, range: ['-65504', '65504'],
    conversion: 'rounded to the nearest float16 (`Math.f16round`, ties to even); magnitudes from 65520 up become ±Infinity, up to 2^-25 ±0',
    arithmetic:
      'Computed in double and rounded to float16 on store; for `+ - * /` of float16 values\n' +
      'that is the correctly rounded float16 result (a double holds more than twice the 11\n' +
      'significant bits of a float16, so rounding twice gives what rounding once would). IEEE\n' +
      'special values propagate,\n' +
      'and a result beyond ±65504 (the largest float16) stores ±Infinity.',
    example: ['1.5', '-2', '0.25'],
  },
  {
    id: 'i32', className: 'I32Vec', arrayName: 'Int32Array', elementType: 'number', bytes: 4, fileName: 'i32-vec',
    family: 'wrap32', signed: true, range: ['-(2 ** 31)', '2 ** 31 - 1'], exactSumLength: '2^22',
    conversion: 'truncated toward zero, then wrapped modulo 2^32 into [-2^31, 2^31); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u32', className: 'U32Vec', arrayName: 'Uint32Array', elementType: 'number', bytes: 4, fileName: 'u32-vec',
    family: 'wrap32', signed: false, range: ['0', '2 ** 32 - 1'], exactSumLength: '2^21',
    conversion: 'truncated toward zero, then wrapped modulo 2^32 into [0, 2^32); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i16', className: 'I16Vec', arrayName: 'Int16Array', elementType: 'number', bytes: 2, fileName: 'i16-vec',
    family: 'wrap', signed: true, range: ['-(2 ** 15)', '2 ** 15 - 1'],
    conversion: 'truncated toward zero, then wrapped modulo 2^16 into [-2^15, 2^15); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u16', className: 'U16Vec', arrayName: 'Uint16Array', elementType: 'number', bytes: 2, fileName: 'u16-vec',
    family: 'wrap', signed: false, range: ['0', '2 ** 16 - 1'],
    conversion: 'truncated toward zero, then wrapped modulo 2^16 into [0, 2^16); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i8', className: 'I8Vec', arrayName: 'Int8Array', elementType: 'number', bytes: 1, fileName: 'i8-vec',
    family: 'wrap', signed: true, range: ['-(2 ** 7)', '2 ** 7 - 1'],
    conversion: 'truncated toward zero, then wrapped modulo 2^8 into [-128, 128); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u8', className: 'U8Vec', arrayName: 'Uint8Array', elementType: 'number', bytes: 1, fileName: 'u8-vec',
    family: 'wrap', signed: false, range: ['0', '255'],
    conversion: 'truncated toward zero, then wrapped modulo 2^8 into [0, 256); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'u8c', className: 'U8ClampedVec', arrayName: 'Uint8ClampedArray', elementType: 'number', bytes: 1, fileName: 'u8-clamped-vec',
    family: 'clamped', signed: false, range: ['0', '255'],
    conversion: 'clamped to [0, 255] and rounded half to even; NaN becomes 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i64', className: 'I64Vec', arrayName: 'BigInt64Array', elementType: 'bigint', bytes: 8, fileName: 'i64-vec',
    family: 'bigint', signed: true, range: ['-(2n ** 63n)', '2n ** 63n - 1n'],
    conversion: 'wrapped modulo 2^64 into [-2^63, 2^63) (`BigInt.asIntN(64, x)`)',
    example: ['1n', '-2n', '3n'],
  },
  {
    id: 'u64', className: 'U64Vec', arrayName: 'BigUint64Array', elementType: 'bigint', bytes: 8, fileName: 'u64-vec',
    family: 'bigint', signed: false, range: ['0n', '2n ** 64n - 1n'],
    conversion: 'wrapped modulo 2^64 into [0, 2^64) (`BigInt.asUintN(64, x)`)',
    example: ['1n', '2n', '3n'],
  },
] as const satisfies readonly ElementSpec[];

/** The id of one of the element types: `"f64" | "f32" | ...`. */
export type ElementId = (typeof ELEMENT_SPECS)[number]['id'];

/** The class name of one of the element types: `"F64Vec" | "F32Vec" | ...`. */
export type ElementClassName = (typeof ELEMENT_SPECS)[number]['className'];
