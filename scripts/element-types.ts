/**
 * The element-type table that drives the code generator: one row per typed vector class.
 *
 * @module
 */

/** One element type: everything the template needs to write its class. */
export interface ElementSpec {
  /** Short id, as in `@thi.ng`: `"f64"`, `"u8c"`, ... */
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
  /** How a JavaScript value is converted on store, for the class TSDoc. */
  readonly conversion: string;
  /** A value that exercises the type in the TSDoc example. */
  readonly example: readonly [string, string, string];
}

/** The eleven element types, in the order they are documented and exported. */
export const ELEMENT_SPECS: readonly ElementSpec[] = [
  {
    id: 'f64', className: 'F64Vec', arrayName: 'Float64Array', elementType: 'number', bytes: 8, fileName: 'f64-vec',
    conversion: 'stored exactly (IEEE 754 double, like any JS number)',
    example: ['1.5', '-2', '0.25'],
  },
  {
    id: 'f32', className: 'F32Vec', arrayName: 'Float32Array', elementType: 'number', bytes: 4, fileName: 'f32-vec',
    conversion: 'rounded to the nearest float32 (`Math.fround`); out-of-range values become ±Infinity',
    example: ['1.5', '-2', '0.25'],
  },
  {
    id: 'i32', className: 'I32Vec', arrayName: 'Int32Array', elementType: 'number', bytes: 4, fileName: 'i32-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^32 into [-2^31, 2^31); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u32', className: 'U32Vec', arrayName: 'Uint32Array', elementType: 'number', bytes: 4, fileName: 'u32-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^32 into [0, 2^32); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i16', className: 'I16Vec', arrayName: 'Int16Array', elementType: 'number', bytes: 2, fileName: 'i16-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^16 into [-2^15, 2^15); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u16', className: 'U16Vec', arrayName: 'Uint16Array', elementType: 'number', bytes: 2, fileName: 'u16-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^16 into [0, 2^16); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i8', className: 'I8Vec', arrayName: 'Int8Array', elementType: 'number', bytes: 1, fileName: 'i8-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^8 into [-128, 128); NaN and ±Infinity become 0',
    example: ['1', '-2', '3'],
  },
  {
    id: 'u8', className: 'U8Vec', arrayName: 'Uint8Array', elementType: 'number', bytes: 1, fileName: 'u8-vec',
    conversion: 'truncated toward zero, then wrapped modulo 2^8 into [0, 256); NaN and ±Infinity become 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'u8c', className: 'U8ClampedVec', arrayName: 'Uint8ClampedArray', elementType: 'number', bytes: 1, fileName: 'u8-clamped-vec',
    conversion: 'clamped to [0, 255] and rounded half to even; NaN becomes 0',
    example: ['1', '2', '3'],
  },
  {
    id: 'i64', className: 'I64Vec', arrayName: 'BigInt64Array', elementType: 'bigint', bytes: 8, fileName: 'i64-vec',
    conversion: 'wrapped modulo 2^64 into [-2^63, 2^63) (`BigInt.asIntN(64, x)`)',
    example: ['1n', '-2n', '3n'],
  },
  {
    id: 'u64', className: 'U64Vec', arrayName: 'BigUint64Array', elementType: 'bigint', bytes: 8, fileName: 'u64-vec',
    conversion: 'wrapped modulo 2^64 into [0, 2^64) (`BigInt.asUintN(64, x)`)',
    example: ['1n', '2n', '3n'],
  },
];
