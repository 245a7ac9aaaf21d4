/**
 * `NumVec`: the numeric interface of every vector that holds numbers (the nine number
 * typed vectors and `OptionVec<number>`), for code that takes any of them.
 *
 * @module
 */

import type { TypedVecClass, TypedVecOf } from './generated/index.js';
import type { NumberCopyTarget } from './kernels-support.js';
import type { OptionVec } from './option-vec.js';
import type { FixedVec, VecSource } from './types.js';

/**
 * A fixed-capacity vector of numbers with the numeric kernels: {@link FixedVec} plus
 * `sum`, `mean`, `min`, `max`, `argmin`, `argmax`, `dot`, `sumOfSquares`, `norm`, `add`,
 * `sub`, `mul`, `div`, `scale`, `axpy`, `clamp`, `abs`, `map`, `copyFrom` and `copyTo`.
 *
 * Implemented by `F64Vec`, `F32Vec`, `I32Vec`, `U32Vec`, `I16Vec`, `U16Vec`, `I8Vec`,
 * `U8Vec`, `U8ClampedVec` and `OptionVec<number>` (not by the bigint classes `I64Vec` and
 * `U64Vec`, nor by an `OptionVec` of anything else), so a function that takes a `NumVec`
 * accepts each of them:
 *
 * ```ts
 * const shifted = (v: NumVec) => v.add(1).sum();
 * shifted(F64Vec.of(1, 2));   // 5
 * shifted(U8Vec.of(1, 2));    // 5
 * ```
 *
 * The classes also keep their precise signatures, and calls on a union of classes
 * (`F64Vec | F32Vec`) compile: each kernel has an extra signature, the same in every
 * class, whose operand type {@link NumVec.Operand} follows the receiver.
 *
 * What the types cannot say: a vector operand (and `out`) must be of the receiver's own
 * class, or its own typed array (an `OptionVec<number>` also takes an `F64Vec`, a
 * `Float64Array` or an array of numbers); there is no conversion between kinds. Through
 * this interface, or on a union, the types accept any numeric vector or typed array, and a
 * mismatched one throws a `TypeError` at run time, before anything is written. Lengths must
 * match too (`RangeError`). Each class's own documentation gives the exact semantics of its
 * arithmetic (wrapping, clamping, IEEE double).
 *
 * @typeParam N - the capacity, as a literal type where it is known.
 */
export interface NumVec<N extends number = number> extends FixedVec<number, N, ArrayLike<number>> {
  /** A new vector of the same class and capacity holding the elements `[start, end)`. */
  slice(start?: number, end?: number): NumVec<N>;
  /** Moves the elements `[at, length)` into a new vector of the same class and capacity, and truncates this one to `at`. */
  splitOff(at: number): NumVec<N>;
  /** A new vector of the same class and capacity holding the same elements. */
  clone(): NumVec<N>;

  /** The sum of the elements (pairwise summation); `0` when empty. */
  sum(): number;
  /** `sum() / length`; throws `EmptyError` when empty. */
  mean(): number;
  /** The smallest element; throws `EmptyError` when empty. */
  min(): number;
  /** The largest element; throws `EmptyError` when empty. */
  max(): number;
  /** The index of the (first) smallest element; throws `EmptyError` when empty. */
  argmin(): number;
  /** The index of the (first) largest element; throws `EmptyError` when empty. */
  argmax(): number;
  /**
   * The dot product with `other`, of the same length; `0` when empty.
   *
   * @param other - a vector of this vector's class or its typed array; anything else throws a `TypeError`.
   */
  dot(other: NumVec | NumVec.TypedArray): number;
  /** The sum of the squared elements; `0` when empty. */
  sumOfSquares(): number;
  /** The Euclidean norm; `0` when empty. */
  norm(): number;

  /**
   * Adds `operand` element-wise (a number, or a vector or typed array of the same length),
   * in place; returns this vector. A vector operand must be of this vector's class, a typed
   * array this class's own: anything else throws a `TypeError`, before anything is written.
   */
  add(operand: number | NumVec | NumVec.TypedArray): this;
  /** Like the in-place `add`, but writes into `out` (this vector's class, same length) and returns it. */
  add<O extends NumVec>(operand: number | NumVec | NumVec.TypedArray, out: O): O;
  /** Subtracts `operand` element-wise, in place; operands as for `add`. */
  sub(operand: number | NumVec | NumVec.TypedArray): this;
  /** Like the in-place `sub`, but writes into `out` and returns it. */
  sub<O extends NumVec>(operand: number | NumVec | NumVec.TypedArray, out: O): O;
  /** Multiplies element-wise, in place; operands as for `add`. */
  mul(operand: number | NumVec | NumVec.TypedArray): this;
  /** Like the in-place `mul`, but writes into `out` and returns it. */
  mul<O extends NumVec>(operand: number | NumVec | NumVec.TypedArray, out: O): O;
  /** Divides element-wise, in place; operands as for `add`. */
  div(operand: number | NumVec | NumVec.TypedArray): this;
  /** Like the in-place `div`, but writes into `out` and returns it. */
  div<O extends NumVec>(operand: number | NumVec | NumVec.TypedArray, out: O): O;
  /** Multiplies every element by `k`, in place. */
  scale(k: number): this;
  /** Like the in-place `scale`, but writes into `out` and returns it. */
  scale<O extends NumVec>(k: number, out: O): O;
  /** `this[i] + a * x[i]` for every i, in place (BLAS axpy); `x` as the vector operands of `add`. */
  axpy(a: number, x: NumVec | NumVec.TypedArray): this;
  /** Like the in-place `axpy`, but writes into `out` and returns it. */
  axpy<O extends NumVec>(a: number, x: NumVec | NumVec.TypedArray, out: O): O;
  /** Limits every element to `[lo, hi]`, in place. */
  clamp(lo: number, hi: number): this;
  /** Like the in-place `clamp`, but writes into `out` and returns it. */
  clamp<O extends NumVec>(lo: number, hi: number, out: O): O;
  /** Replaces every element by its absolute value, in place. */
  abs(): this;
  /** Like the in-place `abs`, but writes into `out` and returns it. */
  abs<O extends NumVec>(out: O): O;
  /** Replaces every element by `fn(element, index)`, all-or-nothing. */
  map(fn: (value: number, index: number) => number): this;
  /** Like the in-place `map`, but writes into `out` and returns it. */
  map<O extends NumVec>(fn: (value: number, index: number) => number, out: O): O;
  /** Replaces the contents with `count` elements of `source` from `srcStart`. */
  copyFrom(source: VecSource<number>, srcStart?: number, count?: number): this;
  /** Writes the live elements into `target` from `targetStart`, and returns `target`. */
  copyTo<Target extends NumberCopyTarget>(target: Target, targetStart?: number): Target;
}

/** The types that follow a receiver `V` in the kernel signatures for unions (see {@link NumVec}). */
export declare namespace NumVec {
  /** Every typed array that holds numbers: the typed arrays of the number vector classes. */
  type TypedArray = Extract<ReturnType<InstanceType<TypedVecClass>['view']>, ArrayLike<number>>;

  /**
   * A vector of the class of `V`, of any capacity: `NumVec.Like<F64Vec<16>>` is `F64Vec`,
   * `NumVec.Like<F64Vec | F32Vec>` is `F64Vec | F32Vec`, `NumVec.Like<OptionVec<number>>`
   * is `OptionVec<number>`; `NumVec` itself for any other `NumVec`. What `out` may be.
   *
   * @typeParam V - the receiver's type.
   */
  type Like<V> = V extends OptionVec<number, number>
    ? OptionVec<number>
    : [TypedVecOf<TypedVecClass, number> extends infer C ? (C extends unknown ? (V extends C ? C : never) : never) : never] extends [infer L]
      ? [L] extends [never] ? NumVec : L
      : never;

  /**
   * The vector operands a kernel of `V` accepts: {@link NumVec.Like}`<V>` or the typed array
   * of `V`'s class (`F64Vec | Float64Array` for an `F64Vec`); for an `OptionVec<number>`,
   * {@link OptionVec.Operand}. On a union of classes this is the union of their operands,
   * and an operand of another member's class throws a `TypeError` at run time.
   *
   * @typeParam V - the receiver's type.
   */
  type Operand<V> = V extends OptionVec<number, number>
    ? OptionVec.Operand
    : [NumVec] extends [Like<V>]
      ? NumVec | NumVec.TypedArray
      : Like<V> | (V extends NumVec ? ReturnType<V['view']> : never);
}
