/**
 * The numeric kernels of every typed vector class (reductions, element-wise operations,
 * bulk copies), spliced into the class of `typed-vec.ts` at `//@include kernels`. The
 * bigint classes take their reductions from `bigint-reductions.ts` instead.
 *
 * Each class gets its own copy of every loop, so each loop's element accesses stay
 * monomorphic. Loops read `#data` through hoisted locals, call no callbacks (except `map`),
 * allocate nothing (except where a method's TSDoc says so), and leave every `throw` to the
 * module-scope helpers of `src/kernels-support.ts` and `src/errors.ts` (docs/design.md).
 *
 * @module
 */

// Scaffolding imports, for the type checker only (the class's imports are in typed-vec.ts).
import { throwBoundsError, throwClampDomainError, throwCallbackResultError, throwCapacityError, throwCopyCapacityError } from '../../src/errors.js';
import { throwDivisionByZero, throwElementTypeError, throwEmptyError, throwLengthMismatch } from '../../src/errors.js';
import { throwColumnLengthError, throwOperandError, throwOutError, throwTargetError } from '../../src/errors.js';
import { columnName } from '../../src/row-kit.js';
import { type NumberTypedArray, SCRATCH_LIMIT, checkIntegerInRange, checkNotRevoked, isFixedVec } from '../../src/internal.js';
import { type NumberCopyTarget, NORM_TINY, SCALARS, copyCount, overlapsForward, scaledNorm } from '../../src/kernels-support.js';
import { pairwiseDotLong, pairwiseSumLong, pairwiseSumOfSquaresLong } from '../../src/kernels-support.js';
import { checkVectorTarget, typedArrayTarget, vectorTargetEnd } from '../../src/kernels-support.js';
import type { NumVec } from '../../src/num-vec.js';
import type { FixedVec, VecSource } from '../../src/types.js';
import { WASM_MIN_ELEMENTWISE, WASM_MIN_REDUCE, type WasmKernels } from '../../src/wasm-tier.js';
import { BYTES, ELEMENT, MAX_ELEMENT, MIN_ELEMENT, TArray, ZERO, type TElem } from './instance';

export class TVec<N extends number = number> {
  // Scaffolding: the members of typed-vec.ts that the kernels use.
  #data = new TArray(0);
  #length = 0;
  #capacity = 0 as N;
  #storage(_where: string, _which?: string): TArray {
    return this.#data;
  }
  static #staged(_where: string, _source: VecSource<TElem>): NumberTypedArray | number {
    return 0;
  }
  view(): TArray {
    return this.#data;
  }
  static #isVec(value: unknown): value is TVec {
    return value instanceof TVec;
  }
  #afterUserCode(_where: string, _data: TArray, _length: number): void {}
  #callbackStorage(_where: string, _name: string, _fn: unknown): TArray {
    return this.#data;
  }
  #buffer: ArrayBufferLike = this.#data.buffer;
  #byteOffset = 0;
  #wasm: WasmKernels | null = null;
  static #overlapsForward(_dst: TVec, _src: TVec, _length: number): boolean {
    return false;
  }

  //@part
  // ---------------------------------------------------------------------------------
  // Numeric kernels, from scripts/templates/kernels.ts. Every kernel works on exactly the
  // live elements [0, length). Element-wise operations share one design: op(args, out?)
  // writes into this vector and returns it; with `out` (a TVec of the same length, which
  // may be this vector or an operand) they write there instead, leave this vector
  // unchanged and return `out`. Operands are a TElem scalar, a TVec or a TArray of the
  // same length (no silent conversion between kinds). All checks come before the first
  // write: a call that throws changes nothing.
  // ---------------------------------------------------------------------------------

  //@if bigint
  //@include bigint-reductions
  //@else
  /**
   * The sum of the elements; `0` for an empty vector (the empty sum, as in NumPy).
   *
   //@if float
   * Pairwise summation: leaves of {{sumBlock}} elements are summed with {{sumLanes}} independent
   * accumulators (so the additions overlap in the CPU), and leaf sums are added in balanced
   * binary trees. This is both faster than the naive left-to-right loop and more accurate,
   * and it allocates nothing. Error bound, barring overflow:
   * |sum() - exact| <= gamma(h) * (|x_0| + ... + |x_(n-1)|), where n = length,
   * u = 2^-53, gamma(h) = h*u / (1 - h*u) and h = {{leafRoundings}} + ceil(log2(ceil(n / {{sumBlock}}))), which
   * is at most ceil(log2(n)) + {{roundingsOverLog2}} for n >= {{sumBlock}} (h = {{roundingsAt1e6}} at n = 10^6; the
   * left-to-right loop has h = n - 1). That is |error| <= (h / 2) * eps * sum|x_i| to first
   * order, eps = 2^-52. Derivation: `pairwiseRoundings` in src/kernels-support.ts.
   *
   //@if f32
   * The float32 elements are accumulated in double, and the result is a double: it is
   * not rounded to float32.
   *
   //@elif f16
   * The float16 elements are accumulated in double, and the result is a double: it is
   * not rounded to float16 (whose range ends at 65504).
   *
   //@endif
   * Special values: `NaN` if any element is `NaN` or if both `+Infinity` and `-Infinity`
   * occur; `±Infinity` if an infinity occurs or a partial sum overflows (as with any
   * floating-point summation, that can happen even when the exact sum is finite). The sum
   * of elements that are all `-0` is `-0` (the accumulators start at `-0`, the IEEE
   * additive identity).
   //@else
   * Exact whenever the sum of the magnitudes |x_0| + ... + |x_(n-1)| is at most 2^53
   * (every partial sum is then an integer that a double holds exactly), which always holds
   //@if wrap32
   * up to {{exactSumLength}} elements.
   //@else
   * here: fewer than 2^32 elements of magnitude at most 2^16.
   //@endif
   * Beyond that each addition rounds, and the pairwise order keeps the error within the
   * bound documented on `F64Vec.sum`.
   //@endif
   *
   * @group Kernels
   */
  sum(): number {
    const data = this.#storage('TVec.sum');
    const length = this.#length;
    if (length === 0) return 0;
    //@if wasm-sum
    const wasm = this.#wasm;
    //@if float
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.sum(this.#byteOffset, length);
    //@else
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.sum(this.#byteOffset, length) + 0; // never -0, as below
    //@endif
    //@endif
    // Pairwise summation (error bound: pairwiseRoundings in src/kernels-support.ts): leaves of
    // 128 elements through 4 independent lanes that start at -0, the IEEE additive identity
    // (-0 + x is x exactly, -0 included); the leaf sums merge like a binary counter. The full
    // leaves come first, then the last leaf (1 to 128 elements, its tail added last). `n` is
    // `length` in a form whose range the compiler knows (below 2^30), so that no index
    // needs an overflow check; longer vectors take the shared loop of the same scheme.
    const n = length & 0x3fff_ffff;
    //@if float
    if (n !== length) return pairwiseSumLong(data, length);
    //@else
    if (n !== length) return pairwiseSumLong(data, length) + 0;
    //@endif
    const stack = TVec.#pairwiseStack;
    let top = 0;
    let leaves = 0;
    let lo = 0;
    for (const last = n - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let i = lo, end = lo + 128; i < end; i += 4) {
        s0 += data[i]; s1 += data[i + 1]; s2 += data[i + 2]; s3 += data[i + 3];
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = n - ((n - lo) & 3);
    for (let i = lo; i < mid; i += 4) {
      s0 += data[i]; s1 += data[i + 1]; s2 += data[i + 2]; s3 += data[i + 3];
    }
    let tail = -0;
    for (let i = mid; i < n; i++) tail += data[i];
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0 (in double, 0 * -1 is -0)
    //@endif
  }

  /**
   * The arithmetic mean, `sum() / length`.
   *
   * Throws on an empty vector rather than returning `NaN` (0 / 0): a `NaN` mean would flow
   //@if float
   * silently into later arithmetic. The error is that of {@link TVec.sum} plus one rounding;
   * `NaN` and infinities propagate as in `sum`.
   //@else
   * silently into later arithmetic. Correctly rounded while `sum()` is exact.
   //@endif
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  mean(): number {
    const length = this.#length;
    this.#storage('TVec.mean');
    if (length === 0) throwEmptyError('TVec.mean');
    return this.sum() / length;
  }

  /**
   * The smallest element.
   *
   * Throws on an empty vector: the minimum of no elements does not exist, and returning
   * `Infinity` or `undefined` would pass a silent wrong value on (and a `number | undefined`
   * result boxes every return value; docs/design.md).
   //@if float
   *
   * `NaN` if any element is `NaN`, as `Math.min` does; `min` of `-0` and `0` is `-0`.
   //@endif
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  min(): number {
    const data = this.#storage('TVec.min');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.min');
    //@if wasm-min
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.min(this.#byteOffset, length);
    //@endif
    let best = data[0];
    //@if float
    // Math.min's result, written as comparisons: a Math.min loop allocated on Node 24
    // (0-19 collections per 20,000 calls at 1024 elements; docs/design.md, "Zero garbage").
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x < best) best = x;
      else if (x !== x) return x; // NaN: the result whatever follows
      else if (x === 0 && best === 0 && 1 / x < 0) best = x; // -0 is smaller than 0
    }
    //@else
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x < best) best = x;
    }
    //@endif
    return best;
  }

  /**
   * The largest element.
   *
   * Throws on an empty vector: the maximum of no elements does not exist, and returning
   * `-Infinity` or `undefined` would pass a silent wrong value on (and a `number | undefined`
   * result boxes every return value; docs/design.md).
   //@if float
   *
   * `NaN` if any element is `NaN`, as `Math.max` does; `max` of `-0` and `0` is `0`.
   //@endif
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  max(): number {
    const data = this.#storage('TVec.max');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.max');
    //@if wasm-max
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.max(this.#byteOffset, length);
    //@endif
    let best = data[0];
    //@if float
    // Math.max's result, written as comparisons (see min).
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x > best) best = x;
      else if (x !== x) return x; // NaN: the result whatever follows
      else if (x === 0 && best === 0 && 1 / x > 0) best = x; // 0 is larger than -0
    }
    //@else
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x > best) best = x;
    }
    //@endif
    return best;
  }

  /**
   * The index of the smallest element; the first such index when it occurs more than once.
   * `get(argmin())` is the element `min()` returns.
   *
   * Throws on an empty vector, which has no index to return (-1 would be a valid-looking
   * number that indexes from the end in `at`).
   //@if float
   *
   * `NaN`: the index of the first `NaN`, consistent with `min()` returning `NaN`.
   * `-0` counts as smaller than `0`, as in `Math.min`.
   //@endif
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  argmin(): number {
    const data = this.#storage('TVec.argmin');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.argmin');
    let best = data[0];
    let at = 0;
    //@if float
    if (best !== best) return 0;
    //@endif
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x < best) {
        best = x;
        at = i;
      //@if float
      } else if (x !== x) {
        return i;
      } else if (x === 0 && best === 0 && 1 / x < 1 / best) {
        best = x;
        at = i;
      //@endif
      }
    }
    return at;
  }

  /**
   * The index of the largest element; the first such index when it occurs more than once.
   * `get(argmax())` is the element `max()` returns.
   *
   * Throws on an empty vector, which has no index to return (-1 would be a valid-looking
   * number that indexes from the end in `at`).
   //@if float
   *
   * `NaN`: the index of the first `NaN`, consistent with `max()` returning `NaN`.
   * `0` counts as larger than `-0`, as in `Math.max`.
   //@endif
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  argmax(): number {
    const data = this.#storage('TVec.argmax');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.argmax');
    let best = data[0];
    let at = 0;
    //@if float
    if (best !== best) return 0;
    //@endif
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x > best) {
        best = x;
        at = i;
      //@if float
      } else if (x !== x) {
        return i;
      } else if (x === 0 && best === 0 && 1 / x > 1 / best) {
        best = x;
        at = i;
      //@endif
      }
    }
    return at;
  }

  /**
   * The dot product `this[0]*other[0] + ... + this[n-1]*other[n-1]`; `0` for empty vectors.
   *
   //@if float
   * Summed pairwise like {@link TVec.sum}, so, barring overflow and underflow in the products,
   * |dot - exact| <= gamma(h + 1) * sum|x_i * y_i| with the h of `sum` (one more rounding
   * for each product). `NaN` if any product is `NaN` (a `NaN` element, or `0 * Infinity`).
   //@else
   * Summed pairwise like {@link TVec.sum}. Exact whenever sum|x_i * y_i| <= 2^53 (then every
   * product and partial sum is an integer a double holds exactly).
   //@endif
   *
   * @param other - a TVec or a `TArray` of the same length.
   * @throws RangeError when the lengths differ (never `NaN`, never truncation).
   * @throws TypeError when `other` is not a TVec or a `TArray`.
   * @group Kernels
   */
  dot(other: TVec | TArray): number;
  //@if number
  /**
   * The form of {@link TVec.dot} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  dot<V extends NumVec>(this: V, other: NumVec.Operand<V>): number;
  //@endif
  dot(other: TVec | TArray): number {
    const data = this.#storage('TVec.dot');
    const length = this.#length;
    const b = this.#operand('TVec.dot', other, null, false);
    if (length === 0) return 0;
    //@if wasm-dot
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_REDUCE) {
      const at = this.#wasmOperand(other, null);
      //@if float
      if (at >= 0) return wasm.dot(this.#byteOffset, at, length);
      //@else
      if (at >= 0) return wasm.dot(this.#byteOffset, at, length) + 0; // 0 * -1 is -0: never -0, as below
      //@endif
    }
    //@endif
    // Pairwise summation (error bound: pairwiseRoundings in src/kernels-support.ts): leaves of
    // 128 elements through 4 independent lanes that start at -0, the IEEE additive identity
    // (-0 + x is x exactly, -0 included); the leaf sums merge like a binary counter. The full
    // leaves come first, then the last leaf (1 to 128 elements, its tail added last). `n` is
    // `length` in a form whose range the compiler knows (below 2^30), so that no index
    // needs an overflow check; longer vectors take the shared loop of the same scheme.
    const n = length & 0x3fff_ffff;
    //@if float
    if (n !== length) return pairwiseDotLong(data, b, length);
    //@else
    if (n !== length) return pairwiseDotLong(data, b, length) + 0;
    //@endif
    const stack = TVec.#pairwiseStack;
    let top = 0;
    let leaves = 0;
    let lo = 0;
    for (const last = n - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let i = lo, end = lo + 128; i < end; i += 4) {
        s0 += data[i] * b[i]; s1 += data[i + 1] * b[i + 1]; s2 += data[i + 2] * b[i + 2]; s3 += data[i + 3] * b[i + 3];
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = n - ((n - lo) & 3);
    for (let i = lo; i < mid; i += 4) {
      s0 += data[i] * b[i]; s1 += data[i + 1] * b[i + 1]; s2 += data[i + 2] * b[i + 2]; s3 += data[i + 3] * b[i + 3];
    }
    let tail = -0;
    for (let i = mid; i < n; i++) tail += data[i] * b[i];
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0 (in double, 0 * -1 is -0)
    //@endif
  }

  /**
   * The sum of the squared elements, `dot(this)` without the second read; `0` when empty.
   *
   //@if float
   * Summed pairwise like {@link TVec.sum}: |error| <= gamma(h + 1) * sumOfSquares, barring
   * overflow and underflow in the squares.
   //@else
   * Summed pairwise like {@link TVec.sum}; exact whenever the result is at most 2^53.
   //@endif
   *
   * @group Kernels
   */
  sumOfSquares(): number {
    const data = this.#storage('TVec.sumOfSquares');
    const length = this.#length;
    if (length === 0) return 0;
    //@if wasm-sumsq
    const wasm = this.#wasm;
    //@if float
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.sumsq(this.#byteOffset, length);
    //@else
    if (wasm !== null && length >= WASM_MIN_REDUCE) return wasm.sumsq(this.#byteOffset, length) + 0; // never -0, as below
    //@endif
    //@endif
    // Pairwise summation (error bound: pairwiseRoundings in src/kernels-support.ts): leaves of
    // 128 elements through 4 independent lanes that start at -0, the IEEE additive identity
    // (-0 + x is x exactly, -0 included); the leaf sums merge like a binary counter. The full
    // leaves come first, then the last leaf (1 to 128 elements, its tail added last). `n` is
    // `length` in a form whose range the compiler knows (below 2^30), so that no index
    // needs an overflow check; longer vectors take the shared loop of the same scheme.
    const n = length & 0x3fff_ffff;
    //@if float
    if (n !== length) return pairwiseSumOfSquaresLong(data, length);
    //@else
    if (n !== length) return pairwiseSumOfSquaresLong(data, length) + 0;
    //@endif
    const stack = TVec.#pairwiseStack;
    let top = 0;
    let leaves = 0;
    let lo = 0;
    for (const last = n - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let i = lo, end = lo + 128; i < end; i += 4) {
        const x0 = data[i]; const x1 = data[i + 1]; const x2 = data[i + 2]; const x3 = data[i + 3];
        s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = n - ((n - lo) & 3);
    for (let i = lo; i < mid; i += 4) {
      const x0 = data[i]; const x1 = data[i + 1]; const x2 = data[i + 2]; const x3 = data[i + 3];
      s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
    }
    let tail = -0;
    for (let i = mid; i < n; i++) {
      const x0 = data[i];
      tail += x0 * x0;
    }
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0 (in double, 0 * -1 is -0)
    //@endif
  }

  /**
   * The Euclidean norm, `Math.sqrt(sumOfSquares())`; `0` for an empty vector.
   *
   //@if f64
   * When the sum of squares would overflow or underflow (elements beyond about 1e154 or
   * below about 1e-154), the elements are divided by the largest magnitude first, as BLAS
   * `nrm2` does, so every finite input gives a finite, accurate result (that slow path adds
   * about length/4 roundings of relative error). `NaN` if any element is `NaN` (unlike
   * `Math.hypot`, which prefers `Infinity`); `Infinity` if an element is infinite.
   //@elif f32
   * Squares of float32 values cannot overflow or underflow in double. `NaN` if any element
   * is `NaN`, `Infinity` if an element is infinite.
   //@elif f16
   * Squares of float16 values cannot overflow or underflow in double. `NaN` if any element
   * is `NaN`, `Infinity` if an element is infinite.
   //@else
   * The sum of squares is exact while it stays at most 2^53 (see `sumOfSquares`); the
   * square root rounds once.
   //@endif
   *
   * @group Kernels
   */
  norm(): number {
    //@if f64
    const data = this.#storage('TVec.norm');
    const length = this.#length;
    if (length === 0) return 0;
    const squares = this.sumOfSquares();
    // Fast path: nothing overflowed (the sum is finite) and the sum is far above the
    // range where underflow in the squares could matter (2^-900).
    if (squares >= NORM_TINY && squares < Infinity) return Math.sqrt(squares);
    return scaledNorm(data, length);
    //@else
    this.#storage('TVec.norm');
    return Math.sqrt(this.sumOfSquares());
    //@endif
  }

  //@endif
  /**
   * Adds `operand` element-wise: `this[i] + operand[i]`, or `this[i] + operand` for a scalar.
   *
   * {{arithmetic}}
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @returns this vector, with the results.
   * @throws RangeError when a vector operand has a different length.
   * @throws TypeError when `operand` is not one of those (a {{otherElement}} scalar included).
   * @group Kernels
   */
  add(operand: TElem | TVec | TArray): this;
  /**
   * Like the in-place {@link TVec.add}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @param out - a TVec of the same length; it may be this vector or the operand (each slot is
   * read before it is written).
   * @returns `out`.
   * @throws RangeError when a vector operand or `out` has a different length.
   * @throws TypeError when `operand` is not one of those, or `out` is not a TVec.
   * @group Kernels
   */
  add<M extends number>(operand: TElem | TVec | TArray, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.add} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  add<V extends NumVec>(this: V, operand: number | NumVec.Operand<V>): V;
  /**
   * The form of {@link TVec.add} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  add<V extends NumVec, O extends NumVec.Like<V>>(this: V, operand: number | NumVec.Operand<V>, out: O): O;
  //@endif
  add(operand: TElem | TVec | TArray, out?: TVec): TVec {
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    if (typeof operand === ELEMENT) {
      SCALARS[0] = operand as TElem;
      return this.#add(0, out);
    }
    //@endif
    return this.#add(operand, out);
  }

  /** What {@link TVec.add} does; a scalar operand of a number vector is in `SCALARS[0]`. */
  #add(operand: TElem | TVec | TArray, out: TVec | undefined): TVec {
    let data = this.#storage('TVec.add');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.add', out);
    //@if wasm-add
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_ELEMENTWISE) {
      const target = this.#wasmTarget(out);
      if (target !== null) {
        //@if wasm-adds
        let scalar = typeof operand === ELEMENT;
        //@if !float
        // An integer scalar only: the wasm kernel takes it as an i32 (ToInt32, as the JS
        // loop's `k | 0`); a fractional one takes the JS loop's double arithmetic.
        scalar &&= Number.isInteger(SCALARS[0]);
        //@endif
        if (scalar) {
          wasm.adds(target.#byteOffset, this.#byteOffset, SCALARS[0], length);
          return target;
        }
        //@endif
        const at = this.#wasmOperand(operand, target);
        if (at >= 0) {
          wasm.add(target.#byteOffset, this.#byteOffset, at, length);
          return target;
        }
      }
    }
    //@endif
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    if (typeof operand === ELEMENT) {
      // The scalar: in SCALARS for a number vector (see add), the argument for a bigint one.
      // A local of its own, not the parameter, whose other values are objects: reassigned
      // with a double the parameter would hold it boxed.
      let k: TElem;
      //@if number
      k = SCALARS[0];
      //@else
      k = operand as TElem;
      //@endif
      //@if wrap|wrap32
      // An integer scalar is reduced modulo 2^32 (exactly, by ToInt32): the stored result is
      // the same modulo 2^{{bits}}, and every intermediate stays exact in double.
      const kk = Number.isInteger(k) ? k | 0 : k;
      for (let i = 0; i < length; i++) dst[i] = data[i] + kk;
      //@else
      for (let i = 0; i < length; i++) dst[i] = data[i] + k;
      //@endif
    } else {
      const src = this.#operand('TVec.add', operand, out ?? this, true);
      for (let i = 0; i < length; i++) dst[i] = data[i] + src[i];
    }
    return out === undefined ? this : out;
  }

  /**
   * Subtracts `operand` element-wise: `this[i] - operand[i]`, or `this[i] - operand` for a scalar.
   *
   * {{arithmetic}}
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @returns this vector, with the results.
   * @throws RangeError when a vector operand has a different length.
   * @throws TypeError when `operand` is not one of those (a {{otherElement}} scalar included).
   * @group Kernels
   */
  sub(operand: TElem | TVec | TArray): this;
  /**
   * Like the in-place {@link TVec.sub}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @param out - a TVec of the same length; it may be this vector or the operand (each slot is
   * read before it is written).
   * @returns `out`.
   * @throws RangeError when a vector operand or `out` has a different length.
   * @throws TypeError when `operand` is not one of those, or `out` is not a TVec.
   * @group Kernels
   */
  sub<M extends number>(operand: TElem | TVec | TArray, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.sub} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  sub<V extends NumVec>(this: V, operand: number | NumVec.Operand<V>): V;
  /**
   * The form of {@link TVec.sub} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  sub<V extends NumVec, O extends NumVec.Like<V>>(this: V, operand: number | NumVec.Operand<V>, out: O): O;
  //@endif
  sub(operand: TElem | TVec | TArray, out?: TVec): TVec {
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    if (typeof operand === ELEMENT) {
      SCALARS[0] = operand as TElem;
      return this.#sub(0, out);
    }
    //@endif
    return this.#sub(operand, out);
  }

  /** What {@link TVec.sub} does; a scalar operand of a number vector is in `SCALARS[0]`. */
  #sub(operand: TElem | TVec | TArray, out: TVec | undefined): TVec {
    let data = this.#storage('TVec.sub');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.sub', out);
    //@if wasm-sub
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_ELEMENTWISE) {
      const target = this.#wasmTarget(out);
      if (target !== null) {
        //@if wasm-subs
        let scalar = typeof operand === ELEMENT;
        //@if !float
        // An integer scalar only: the wasm kernel takes it as an i32 (ToInt32, as the JS
        // loop's `k | 0`); a fractional one takes the JS loop's double arithmetic.
        scalar &&= Number.isInteger(SCALARS[0]);
        //@endif
        if (scalar) {
          wasm.subs(target.#byteOffset, this.#byteOffset, SCALARS[0], length);
          return target;
        }
        //@endif
        const at = this.#wasmOperand(operand, target);
        if (at >= 0) {
          wasm.sub(target.#byteOffset, this.#byteOffset, at, length);
          return target;
        }
      }
    }
    //@endif
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    if (typeof operand === ELEMENT) {
      // The scalar: in SCALARS for a number vector (see add), the argument for a bigint one.
      // A local of its own, not the parameter, whose other values are objects: reassigned
      // with a double the parameter would hold it boxed.
      let k: TElem;
      //@if number
      k = SCALARS[0];
      //@else
      k = operand as TElem;
      //@endif
      //@if wrap|wrap32
      // An integer scalar is reduced modulo 2^32 (exactly, by ToInt32): the stored result is
      // the same modulo 2^{{bits}}, and every intermediate stays exact in double.
      const kk = Number.isInteger(k) ? k | 0 : k;
      for (let i = 0; i < length; i++) dst[i] = data[i] - kk;
      //@else
      for (let i = 0; i < length; i++) dst[i] = data[i] - k;
      //@endif
    } else {
      const src = this.#operand('TVec.sub', operand, out ?? this, true);
      for (let i = 0; i < length; i++) dst[i] = data[i] - src[i];
    }
    return out === undefined ? this : out;
  }

  /**
   * Multiplies element-wise: `this[i] * operand[i]`, or `this[i] * operand` for a scalar.
   *
   * {{arithmetic}}
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @returns this vector, with the results.
   * @throws RangeError when a vector operand has a different length.
   * @throws TypeError when `operand` is not one of those (a {{otherElement}} scalar included).
   * @group Kernels
   */
  mul(operand: TElem | TVec | TArray): this;
  /**
   * Like the in-place {@link TVec.mul}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @param out - a TVec of the same length; it may be this vector or the operand (each slot is
   * read before it is written).
   * @returns `out`.
   * @throws RangeError when a vector operand or `out` has a different length.
   * @throws TypeError when `operand` is not one of those, or `out` is not a TVec.
   * @group Kernels
   */
  mul<M extends number>(operand: TElem | TVec | TArray, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.mul} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  mul<V extends NumVec>(this: V, operand: number | NumVec.Operand<V>): V;
  /**
   * The form of {@link TVec.mul} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  mul<V extends NumVec, O extends NumVec.Like<V>>(this: V, operand: number | NumVec.Operand<V>, out: O): O;
  //@endif
  mul(operand: TElem | TVec | TArray, out?: TVec): TVec {
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    if (typeof operand === ELEMENT) {
      SCALARS[0] = operand as TElem;
      return this.#mul(0, out);
    }
    //@endif
    return this.#mul(operand, out);
  }

  /** What {@link TVec.mul} does; a scalar operand of a number vector is in `SCALARS[0]`. */
  #mul(operand: TElem | TVec | TArray, out: TVec | undefined): TVec {
    let data = this.#storage('TVec.mul');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.mul', out);
    //@if wasm-mul
    const wasm = this.#wasm;
    if (wasm !== null && length >= WASM_MIN_ELEMENTWISE) {
      const target = this.#wasmTarget(out);
      if (target !== null) {
        //@if wasm-muls
        let scalar = typeof operand === ELEMENT;
        //@if !float
        // An integer scalar only: the wasm kernel takes it as an i32 (ToInt32, as the JS
        // loop's `k | 0`); a fractional one takes the JS loop's double arithmetic.
        scalar &&= Number.isInteger(SCALARS[0]);
        //@endif
        if (scalar) {
          wasm.muls(target.#byteOffset, this.#byteOffset, SCALARS[0], length);
          return target;
        }
        //@endif
        const at = this.#wasmOperand(operand, target);
        if (at >= 0) {
          wasm.mul(target.#byteOffset, this.#byteOffset, at, length);
          return target;
        }
      }
    }
    //@endif
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    if (typeof operand === ELEMENT) {
      // The scalar: in SCALARS for a number vector (see add), the argument for a bigint one.
      // A local of its own, not the parameter, whose other values are objects: reassigned
      // with a double the parameter would hold it boxed.
      let k: TElem;
      //@if number
      k = SCALARS[0];
      //@else
      k = operand as TElem;
      //@endif
      //@if wrap32
      if (Number.isInteger(k)) {
        // Math.imul reduces k modulo 2^32 and multiplies exactly modulo 2^32.
        for (let i = 0; i < length; i++) dst[i] = Math.imul(data[i], k);
      } else {
        for (let i = 0; i < length; i++) dst[i] = data[i] * k;
      }
      //@elif wrap
      // An integer scalar is reduced modulo 2^32 (exactly, by ToInt32): the stored result is
      // the same modulo 2^{{bits}}, and every intermediate stays exact in double.
      const kk = Number.isInteger(k) ? k | 0 : k;
      for (let i = 0; i < length; i++) dst[i] = data[i] * kk;
      //@else
      for (let i = 0; i < length; i++) dst[i] = data[i] * k;
      //@endif
    } else {
      const src = this.#operand('TVec.mul', operand, out ?? this, true);
      //@if wrap32
      for (let i = 0; i < length; i++) dst[i] = Math.imul(data[i], src[i]);
      //@else
      for (let i = 0; i < length; i++) dst[i] = data[i] * src[i];
      //@endif
    }
    return out === undefined ? this : out;
  }

  /**
   * Divides element-wise: `this[i] / operand[i]`, or `this[i] / operand` for a scalar.
   *
   * {{arithmetic}}
   *
   //@if float
   * Division by zero gives `±Infinity` or `NaN` (IEEE).
   //@elif wrap|wrap32
   * With integer operands this is exact integer division truncated toward zero; division by
   * zero stores `0` (the double `±Infinity` or `NaN` converts to 0).
   //@elif clamped
   * Quotients round half to even; `x / 0` is `Infinity`, stored as 255, and `0 / 0` is
   * `NaN`, stored as 0.
   //@else
   * Truncates toward zero, as `bigint` division does. A zero divisor (the scalar, or any
   * element of the operand) throws RangeError before anything is written.
   //@if signed
   * `{{min}} / -1n` wraps to `{{min}}`.
   //@endif
   //@endif
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @returns this vector, with the results.
   * @throws RangeError when a vector operand has a different length.
   * @throws TypeError when `operand` is not one of those (a {{otherElement}} scalar included).
   //@if bigint
   * @throws RangeError when a divisor is `0n`.
   //@endif
   * @group Kernels
   */
  div(operand: TElem | TVec | TArray): this;
  /**
   * Like the in-place {@link TVec.div}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param operand - a TElem, a TVec or a `TArray` of the same length (this vector itself too).
   * @param out - a TVec of the same length; it may be this vector or the operand (each slot is
   * read before it is written).
   * @returns `out`.
   * @throws RangeError when a vector operand or `out` has a different length.
   * @throws TypeError when `operand` is not one of those, or `out` is not a TVec.
   //@if bigint
   * @throws RangeError when a divisor is `0n`.
   //@endif
   * @group Kernels
   */
  div<M extends number>(operand: TElem | TVec | TArray, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.div} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  div<V extends NumVec>(this: V, operand: number | NumVec.Operand<V>): V;
  /**
   * The form of {@link TVec.div} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  div<V extends NumVec, O extends NumVec.Like<V>>(this: V, operand: number | NumVec.Operand<V>, out: O): O;
  //@endif
  div(operand: TElem | TVec | TArray, out?: TVec): TVec {
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    if (typeof operand === ELEMENT) {
      SCALARS[0] = operand as TElem;
      return this.#div(0, out);
    }
    //@endif
    return this.#div(operand, out);
  }

  /** What {@link TVec.div} does; a scalar operand of a number vector is in `SCALARS[0]`. */
  #div(operand: TElem | TVec | TArray, out: TVec | undefined): TVec {
    let data = this.#storage('TVec.div');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.div', out);
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    if (typeof operand === ELEMENT) {
      // The scalar: in SCALARS for a number vector (see add), the argument for a bigint one.
      // A local of its own, not the parameter, whose other values are objects: reassigned
      // with a double the parameter would hold it boxed.
      let k: TElem;
      //@if number
      k = SCALARS[0];
      //@else
      k = operand as TElem;
      //@endif
      //@if bigint
      if (k === ZERO) throwDivisionByZero('TVec.div', -1);
      //@endif
      for (let i = 0; i < length; i++) dst[i] = data[i] / k;
    } else {
      const src = this.#operand('TVec.div', operand, out ?? this, true);
      //@if bigint
      for (let i = 0; i < length; i++) if (src[i] === ZERO) throwDivisionByZero('TVec.div', i);
      //@endif
      for (let i = 0; i < length; i++) dst[i] = data[i] / src[i];
    }
    return out === undefined ? this : out;
  }

  /**
   * Multiplies every element by the scalar `k`: the scalar case of {@link TVec.mul}.
   *
   * {{arithmetic}}
   *
   * @param k - a TElem.
   * @returns this vector, scaled.
   * @throws TypeError when `k` is not a TElem.
   * @group Kernels
   */
  scale(k: TElem): this;
  /**
   * Like the in-place {@link TVec.scale}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param k - a TElem.
   * @param out - a TVec of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when `out` has a different length.
   * @throws TypeError when `k` is not a TElem, or `out` is not a TVec.
   * @group Kernels
   */
  scale<M extends number>(k: TElem, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.scale} with `out` that calls on a union of vector classes
   * (`F64Vec | F32Vec`) and on other generic receivers resolve to: the same in every number
   * class, with the type of `out` following the receiver ({@link NumVec.Like}). An `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  scale<V extends NumVec, O extends NumVec.Like<V>>(this: V, k: number, out: O): O;
  //@endif
  scale(k: TElem, out?: TVec): TVec {
    if (typeof k !== ELEMENT) throwElementTypeError('TVec.scale', k, ELEMENT);
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    SCALARS[0] = k;
    return this.#scale(0, out);
    //@else
    return this.#scale(k, out);
    //@endif
  }

  /** What {@link TVec.scale} does; for a number vector `k` is in `SCALARS[0]`. */
  #scale(k: TElem, out: TVec | undefined): TVec {
    //@if number
    k = SCALARS[0];
    //@endif
    let data = this.#storage('TVec.scale');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.scale', out);
    //@if wasm-muls
    let wasm = this.#wasm;
    //@if !float
    // An integer k only: the wasm kernel takes it as an i32 (ToInt32, as the JS loop's
    // Math.imul or `k | 0`); a fractional one takes the JS loop's double arithmetic.
    if (!Number.isInteger(k)) wasm = null;
    //@endif
    if (wasm !== null && length >= WASM_MIN_ELEMENTWISE) {
      const target = this.#wasmTarget(out);
      if (target !== null) {
        wasm.muls(target.#byteOffset, this.#byteOffset, k, length);
        return target;
      }
    }
    //@endif
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    //@if wrap32
    if (Number.isInteger(k)) {
      // Math.imul reduces k modulo 2^32 and multiplies exactly modulo 2^32.
      for (let i = 0; i < length; i++) dst[i] = Math.imul(data[i], k);
    } else {
      for (let i = 0; i < length; i++) dst[i] = data[i] * k;
    }
    //@elif wrap
    // An integer scalar is reduced modulo 2^32 (exactly, by ToInt32): the stored result is
    // the same modulo 2^{{bits}}, and every intermediate stays exact in double.
    const kk = Number.isInteger(k) ? k | 0 : k;
    for (let i = 0; i < length; i++) dst[i] = data[i] * kk;
    //@else
    for (let i = 0; i < length; i++) dst[i] = data[i] * k;
    //@endif
    return out === undefined ? this : out;
  }

  /**
   * `this[i] + a * x[i]` for every i (BLAS axpy: y = a*x + y, with this vector as y).
   *
   * {{arithmetic}}
   //@if float
   * The product and the sum round separately (no fused multiply-add).
   //@endif
   *
   * @param a - a TElem scalar.
   * @param x - a TVec or a `TArray` of the same length (this vector itself too: `v.axpy(2{{literalSuffix}}, v)` triples v).
   * @returns this vector, with the results.
   * @throws RangeError when `x` has a different length.
   * @throws TypeError when `a` is not a TElem or `x` is not a TVec or a `TArray`.
   * @group Kernels
   */
  axpy(a: TElem, x: TVec | TArray): this;
  /**
   * Like the in-place {@link TVec.axpy}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param a - a TElem scalar.
   * @param x - a TVec or a `TArray` of the same length (this vector itself too).
   * @param out - a TVec of the same length; it may be this vector or `x` (each slot is read
   * before it is written).
   * @returns `out`.
   * @throws RangeError when `x` or `out` has a different length.
   * @throws TypeError when `a` is not a TElem, `x` is not a TVec or a `TArray`, or `out` is not a TVec.
   * @group Kernels
   */
  axpy<M extends number>(a: TElem, x: TVec | TArray, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.axpy} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  axpy<V extends NumVec>(this: V, a: number, x: NumVec.Operand<V>): V;
  /**
   * The form of {@link TVec.axpy} that calls on a union of vector classes (`F64Vec | F32Vec`)
   * and on other generic receivers resolve to: the same in every number class, with the
   * operand types following the receiver ({@link NumVec.Operand}). A vector operand or `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  axpy<V extends NumVec, O extends NumVec.Like<V>>(this: V, a: number, x: NumVec.Operand<V>, out: O): O;
  //@endif
  axpy(a: TElem, x: TVec | TArray, out?: TVec): TVec {
    if (typeof a !== ELEMENT) throwElementTypeError('TVec.axpy', a, ELEMENT);
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    SCALARS[0] = a;
    return this.#axpy(0, x, out);
    //@else
    return this.#axpy(a, x, out);
    //@endif
  }

  /** What {@link TVec.axpy} does; for a number vector `a` is in `SCALARS[0]`. */
  #axpy(a: TElem, x: TVec | TArray, out: TVec | undefined): TVec {
    //@if number
    a = SCALARS[0];
    //@endif
    let data = this.#storage('TVec.axpy');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.axpy', out);
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    //@if wasm-axpy
    let wasm = this.#wasm;
    //@if !float
    // An integer a only: the wasm kernel takes it as an i32 (ToInt32, as the JS loop's
    // Math.imul or `a | 0`); a fractional one takes the JS loop's double arithmetic.
    if (!Number.isInteger(a)) wasm = null;
    //@endif
    if (wasm !== null && length >= WASM_MIN_ELEMENTWISE) {
      const target = this.#wasmTarget(out);
      const at = target === null ? -1 : this.#wasmOperand(x, target);
      if (target !== null && at >= 0) {
        wasm.axpy(target.#byteOffset, this.#byteOffset, at, a, length);
        return target;
      }
    }
    //@endif
    const src = this.#operand('TVec.axpy', x, out ?? this, false);
    //@if wrap32
    if (Number.isInteger(a)) {
      // Math.imul is the exact product modulo 2^32; adding an element keeps it exact.
      for (let i = 0; i < length; i++) dst[i] = data[i] + Math.imul(a, src[i]);
    } else {
      for (let i = 0; i < length; i++) dst[i] = data[i] + a * src[i];
    }
    //@elif wrap
    // An integer a is reduced modulo 2^32; a * x then stays below 2^47, exact in double.
    const aa = Number.isInteger(a) ? a | 0 : a;
    for (let i = 0; i < length; i++) dst[i] = data[i] + aa * src[i];
    //@else
    for (let i = 0; i < length; i++) dst[i] = data[i] + a * src[i];
    //@endif
    return out === undefined ? this : out;
  }

  /**
   * Limits every element to `[lo, hi]`: `x < lo ? lo : x > hi ? hi : x`, like Rust's
   * `clamp`.
   //@if number
   * A `NaN` element stays `NaN`, and `-0` stays `-0` when `lo <= 0`.
   //@endif
   //@if wrap|wrap32|clamped
   * The bounds are compared in double and stored with the element conversion, so use
   * integer bounds within the element range.
   //@endif
   *
   * @param lo - the lower bound, a TElem.
   * @param hi - the upper bound, a TElem with `lo <= hi`.
   * @returns this vector, clamped.
   //@if bigint
   * @throws RangeError when `lo > hi`, or no TElem lies between them.
   //@elif float
   * @throws RangeError when `lo > hi` or either is `NaN`.
   //@else
   * @throws RangeError when `lo > hi` or either is `NaN`, or no element of this type (an
   * integer from {{min}} to {{max}}) lies between them.
   //@endif
   * @throws TypeError when a bound is not a TElem.
   * @group Kernels
   */
  clamp(lo: TElem, hi: TElem): this;
  /**
   * Like the in-place {@link TVec.clamp}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param lo - the lower bound, a TElem.
   * @param hi - the upper bound, a TElem with `lo <= hi`.
   * @param out - a TVec of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when the bounds are out of order, or `out` has a different length.
   * @throws TypeError when a bound is not a TElem, or `out` is not a TVec.
   * @group Kernels
   */
  clamp<M extends number>(lo: TElem, hi: TElem, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.clamp} with `out` that calls on a union of vector classes
   * (`F64Vec | F32Vec`) and on other generic receivers resolve to: the same in every number
   * class, with the type of `out` following the receiver ({@link NumVec.Like}). An `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  clamp<V extends NumVec, O extends NumVec.Like<V>>(this: V, lo: number, hi: number, out: O): O;
  //@endif
  clamp(lo: TElem, hi: TElem, out?: TVec): TVec {
    if (typeof lo !== ELEMENT) throwElementTypeError('TVec.clamp', lo, ELEMENT);
    if (typeof hi !== ELEMENT) throwElementTypeError('TVec.clamp', hi, ELEMENT);
    if (!(lo <= hi)) throwBoundsError('TVec.clamp', lo, hi);
    let low = lo;
    let high = hi;
    //@if !float
    // The part of [lo, hi] the type holds: a bound outside it would be stored wrapped, and
    // the clamped elements would land outside [lo, hi].
    //@if bigint
    if (low < MIN_ELEMENT) low = MIN_ELEMENT;
    if (high > MAX_ELEMENT) high = MAX_ELEMENT;
    //@else
    low = Math.max(Math.ceil(lo), MIN_ELEMENT);
    high = Math.min(Math.floor(hi), MAX_ELEMENT);
    //@endif
    if (!(low <= high)) throwClampDomainError('TVec.clamp', lo, hi, MIN_ELEMENT, MAX_ELEMENT);
    //@endif
    //@if number
    // A scalar enters the loop through SCALARS, not as an argument: this entry then stays
    // small enough to be inlined, and a double passed to a call that is not inlined would be
    // boxed, a heap number per call (docs/design.md, "Zero garbage").
    SCALARS[0] = low;
    SCALARS[1] = high;
    return this.#clamp(0, 0, out);
    //@else
    return this.#clamp(low, high, out);
    //@endif
  }

  /**
   * What {@link TVec.clamp} does; for a number vector the bounds are in `SCALARS`. Read
   * from a Float64Array they are doubles to the compiler: with small-integer bounds the
   * select below was boxed per element once both call forms had run (about 250 KB of
   * garbage per call at 1e6, in the kernel benchmark).
   */
  #clamp(lo: TElem, hi: TElem, out: TVec | undefined): TVec {
    //@if number
    lo = SCALARS[0];
    hi = SCALARS[1];
    //@endif
    let data = this.#storage('TVec.clamp');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.clamp', out);
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    for (let i = 0; i < length; i++) {
      const x = data[i];
      dst[i] = x < lo ? lo : x > hi ? hi : x;
    }
    return out === undefined ? this : out;
  }

  /**
   * Replaces every element by its absolute value.
   //@if unsigned
   * Unsigned elements are their own absolute value: this only copies (into `out`).
   //@elif float
   * `abs(-0)` is `0`; `NaN` stays `NaN`.
   //@else
   * The most negative value, {{min}}, has no positive counterpart and stays as it is (its
   * negation wraps back), like Rust's `wrapping_abs`.
   //@endif
   *
   * @returns this vector, with the results.
   * @group Kernels
   */
  abs(): this;
  /**
   * Like the in-place {@link TVec.abs}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param out - a TVec of the same length; it may be this vector.
   * @returns `out`.
   * @throws RangeError when `out` has a different length.
   * @throws TypeError when `out` is not a TVec.
   * @group Kernels
   */
  abs<M extends number>(out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.abs} with `out` that calls on a union of vector classes
   * (`F64Vec | F32Vec`) and on other generic receivers resolve to: the same in every number
   * class, with the type of `out` following the receiver ({@link NumVec.Like}). An `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  abs<V extends NumVec, O extends NumVec.Like<V>>(this: V, out: O): O;
  //@endif
  abs(out?: TVec): TVec {
    let data = this.#storage('TVec.abs');
    const length = this.#length;
    const dst = out === undefined ? data : this.#outData('TVec.abs', out);
    // SAFETY: a forward loop that writes dst[i] after reading data[i] is wrong only when dst
    // starts inside data after its start (vectors over one slab); then read from a copy.
    if (out !== undefined && TVec.#overlapsForward(out, this, length)) data = data.slice(0, length);
    for (let i = 0; i < length; i++) {
      const x = data[i];
      //@if bigint
      dst[i] = x < ZERO ? -x : x;
      //@else
      dst[i] = Math.abs(x);
      //@endif
    }
    return out === undefined ? this : out;
  }

  /**
   * Replaces every element by `fn(element, index)`, in index order.
   *
   * All-or-nothing: the results are collected first and written only after the last call,
   * so if `fn` throws or returns a non-TElem, nothing was changed; `fn` also sees the
   * original elements throughout. Results are converted as `TArray` stores them. Collecting
   * uses a per-class scratch buffer of up to 65536 elements, kept between calls (a nested
   * `map` from inside `fn` gets its own); longer vectors allocate one per call.
   *
   * @param fn - called with each live element and its index; must return a TElem.
   * @returns this vector, with the results.
   * @throws TypeError when `fn` is not a function or returns a non-TElem.
   * @throws Error when `fn` changes the length of this vector.
   * @group Kernels
   */
  map(fn: (value: TElem, index: number) => TElem): this;
  /**
   * Like the in-place {@link TVec.map}, but writes the results into `out` and leaves this
   * vector unchanged.
   *
   * @param fn - called with each live element and its index; must return a TElem.
   * @param out - a TVec of the same length; it may be this vector.
   * @returns `out`.
   * @throws TypeError when `fn` is not a function or returns a non-TElem, or `out` is not a TVec.
   * @throws RangeError when `out` has a different length.
   * @throws Error when `fn` changes the length of this vector or of `out`.
   * @group Kernels
   */
  map<M extends number>(fn: (value: TElem, index: number) => TElem, out: TVec<M>): TVec<M>;
  //@if number
  /**
   * The form of {@link TVec.map} with `out` that calls on a union of vector classes
   * (`F64Vec | F32Vec`) and on other generic receivers resolve to: the same in every number
   * class, with the type of `out` following the receiver ({@link NumVec.Like}). An `out` of
   * another class than the receiver's throws a `TypeError` at run time.
   *
   * @group Kernels
   */
  map<V extends NumVec, O extends NumVec.Like<V>>(this: V, fn: (value: number, index: number) => number, out: O): O;
  //@endif
  map(fn: (value: TElem, index: number) => TElem, out?: TVec): TVec {
    const data = this.#callbackStorage('TVec.map', 'fn', fn);
    const length = this.#length;
    const target = out === undefined ? this : out;
    const dst = out === undefined ? data : this.#outData('TVec.map', out);
    // Take the scratch buffer, so that a map called from fn cannot write into it.
    let staged = TVec.#mapScratch;
    TVec.#mapScratch = null;
    if (staged === null || staged.length < length) staged = new TArray(length);
    for (let i = 0; i < length; i++) {
      const value = fn(data[i], i);
      // Nothing is written until every call returned (docs/design.md, "User code inside a call").
      this.#afterUserCode('TVec.map', data, length);
      if (target !== this) target.#afterUserCode('TVec.map', dst, length);
      if (typeof value !== ELEMENT) throwCallbackResultError('TVec.map', value, i, ELEMENT);
      staged[i] = value;
    }
    for (let i = 0; i < length; i++) dst[i] = staged[i];
    if (staged.length <= SCRATCH_LIMIT) TVec.#mapScratch = staged;
    return target;
  }

  /**
   * Replaces the contents with `count` elements of `source` starting at `srcStart`: afterwards
   * `length === count` and `this[i] === source[srcStart + i]` (converted as `TArray` stores).
   * All-or-nothing.
   *
   * A typed array or TVec source is copied with one `TypedArray.prototype.set` (no element
   * loop, no copy of the source). It may share this vector's buffer, even overlap it: the
   * copy then behaves like `copyWithin` (`v.copyFrom(v, 1)` drops the first element).
   * Other sources (arrays, iterables, other vector classes) are checked element by element
   * first, all of them, not only the copied range.
   *
   * @param source - an array, typed array of TElems, vector or iterable.
   * @param srcStart - an integer in `[0, source length]`; default 0.
   * @param count - an integer in `[0, source length - srcStart]`; default: everything from `srcStart`.
   * @returns this vector.
   * @throws CapacityError when `count > capacity`.
   * @throws RangeError or TypeError when `srcStart` or `count` is out of range or not an integer.
   * @throws TypeError when `source` is not a source of TElems.
   * @group Kernels
   */
  copyFrom(source: VecSource<TElem>, srcStart = 0, count?: number): this {
    // Staged before the storage is read: an iterable or array-like source runs user code.
    const staged = TVec.#staged('TVec.copyFrom', source);
    const data = this.#storage('TVec.copyFrom');
    // #staged answers with a count only past MAX_CAPACITY elements, more than any vector holds.
    const items = typeof staged === 'number' ? throwCapacityError('TVec.copyFrom', source, this.#capacity, this.#length, staged) : staged;
    const available = items.length;
    const n = copyCount('TVec.copyFrom', srcStart, count, available);
    if (n > data.length) throwCopyCapacityError('TVec.copyFrom', source, data.length, this.#length, n);
    // TypedArray.prototype.set clones a source in the same buffer first, so overlap is safe.
    data.set(srcStart === 0 && n === available ? items : items.subarray(srcStart, srcStart + n), 0);
    this.#length = n;
    return this;
  }

  /**
   * Writes the live elements into `target` starting at `targetStart`, all-or-nothing, and
   * returns `target`.
   *
   * - a typed array of TElems: `targetStart + length` must be at most its length; one
   *   `TypedArray.prototype.set`, which converts as the target stores and handles a target
   *   in this vector's own buffer like `copyWithin`.
   * - an array: `targetStart` must be at most its length (no holes); the array grows as needed.
   * - a vector: `targetStart` must be at most its length; elements from there on are
   *   overwritten and the vector grows as needed within its capacity (its length becomes
   *   `max(length, targetStart + this.length)`). A TVec target is written with one `set`;
   *   other vector classes through their `splice`, converting as they store.
   *
   * @param target - the destination.
   * @param targetStart - an integer, default 0.
   * @throws RangeError or TypeError when `targetStart` is out of range or not an integer.
   * @throws CapacityError when a vector target's capacity is too small.
   * @throws TypeError when `target` is none of those, or holds {{otherElement}}s.
   * @group Kernels
   */
  copyTo<Target extends NumberCopyTarget>(target: Target, targetStart = 0): Target {
    if (typeof target === 'object' && target !== null) checkNotRevoked('TVec.copyTo', 'target', target);
    const data = this.#storage('TVec.copyTo');
    const length = this.#length;
    if (TVec.#isVec(target)) {
      const targetData = target.#storage('TVec.copyTo', 'the target vector');
      const targetLength = target.#length;
      const end = vectorTargetEnd('TVec.copyTo', target, targetStart, length, targetLength, targetData.length);
      const column = end > targetLength ? columnName(target) : undefined;
      if (column !== undefined) throwColumnLengthError('TVec.copyTo', column, 'the target vector');
      // SAFETY: set() reads the whole source before writing when both share a buffer.
      targetData.set(this.view(), targetStart);
      if (end > targetLength) target.#length = end;
      return target;
    }
    if (ArrayBuffer.isView(target)) {
      typedArrayTarget('TVec.copyTo', target, targetStart, length, ELEMENT).set(this.view(), targetStart);
      return target;
    }
    if (Array.isArray(target)) {
      checkIntegerInRange('TVec.copyTo', 'targetStart', targetStart, target.length);
      // The target's setters (or a Proxy's traps) may run user code: check before each read.
      for (let i = 0; i < length; i++) {
        this.#afterUserCode('TVec.copyTo', data, length);
        target[targetStart + i] = data[i];
      }
      this.#afterUserCode('TVec.copyTo', data, length);
      return target;
    }
    if (isFixedVec(target)) {
      const vec = target as FixedVec<TElem, number, ArrayLike<TElem>>;
      checkVectorTarget('TVec.copyTo', vec);
      const targetLength = vec.length;
      vectorTargetEnd('TVec.copyTo', target, targetStart, length, targetLength, vec.capacity);
      vec.splice(targetStart, Math.min(length, targetLength - targetStart), this.view());
      return target;
    }
    return throwTargetError('TVec.copyTo', target, ELEMENT);
  }

  //@if number
  /** The partial sums of the pairwise reductions (never reentered: no callbacks run inside them). */
  static #pairwiseStack = new Float64Array(32);

  //@endif
  /** Scratch buffer of `map`, taken while in use (see {@link TVec.map}). */
  static #mapScratch: TArray | null = null;

  /**
   * The storage of a vector operand (a TVec or `TArray` of this vector's length), checked.
   * When `target` (the vector a kernel writes) is given and a forward loop writing it would
   * clobber the operand before reading it (shifted views of one buffer), a copy of the
   * operand is returned instead.
   */
  #operand(where: string, operand: unknown, target: TVec | null, scalar: boolean): TArray {
    const length = this.#length;
    let src: TArray;
    if (TVec.#isVec(operand)) {
      src = operand.#storage(where, 'the operand');
      if (operand.#length !== length) throwLengthMismatch(where, length, operand.#length, 'the operand');
    } else if (ArrayBuffer.isView(operand) && operand instanceof TArray) {
      src = operand;
      if (src.length !== length) throwLengthMismatch(where, length, src.length, 'the operand');
    } else {
      return throwOperandError(where, operand, scalar ? 'a TElem, an TVec or a TArray of the same length' : 'an TVec or a TArray of the same length');
    }
    if (target === null || operand === target) return src;
    const clobbered = TVec.#isVec(operand)
      ? TVec.#overlapsForward(target, operand, length)
      : overlapsForward(target.#buffer, target.#byteOffset, src.buffer, src.byteOffset, length * BYTES);
    return clobbered ? src.slice(0, length) : src;
  }

  //@if wasm
  /**
   * Where an element-wise kernel in wasm writes: `out` (already checked by
   * {@link TVec.#outData}), or this vector; null when the JS loop must run instead, because
   * `out` is not in this vector's wasm memory or starts inside this vector after its start
   * (the JS loop then reads from a copy).
   */
  #wasmTarget(out: TVec | undefined): TVec | null {
    const target = out ?? this;
    return target.#wasm === this.#wasm && !TVec.#overlapsForward(target, this, this.#length) ? target : null;
  }

  /**
   * The byte offset of a vector operand for a kernel in wasm, or -1 when the JS loop must
   * run: `operand` is not a usable TVec or `TArray` of this length in this vector's wasm
   * memory, or `target` starts inside it after its start. Never throws: the JS path
   * reports a bad operand.
   */
  #wasmOperand(operand: unknown, target: TVec | null): number {
    const length = this.#length;
    if (TVec.#isVec(operand)) {
      if (operand.#wasm !== this.#wasm || operand.#length !== length || operand.#data.length !== operand.#capacity) return -1;
      return target !== null && TVec.#overlapsForward(target, operand, length) ? -1 : operand.#byteOffset;
    }
    if (!(ArrayBuffer.isView(operand) && operand instanceof TArray) || operand.length !== length) return -1;
    const buffer = operand.buffer;
    if (buffer !== this.#buffer) return -1;
    const at = operand.byteOffset;
    return target !== null && overlapsForward(target.#buffer, target.#byteOffset, buffer, at, length * BYTES) ? -1 : at;
  }

  //@endif
  /** The storage of `out`, after checking that it is a usable TVec of this vector's length. */
  #outData(where: string, out: unknown): TArray {
    if (!TVec.#isVec(out)) return throwOutError(where, out, 'TVec');
    const data = out.#storage(where, 'out');
    if (out.#length !== this.#length) throwLengthMismatch(where, this.#length, out.#length, 'out');
    return data;
  }

  //@endpart
}
