/**
 * The loops of `OptionVec<number>`'s numeric kernels (see the "Numeric kernels" section of
 * `src/option-vec.ts`), kept out of the class so that `option-vec.ts` stays readable. The
 * class methods check their arguments and hand the backing arrays to these functions.
 *
 * Written as well as the `[Option<f64>; N]` design can be written: every loop reads a plain
 * JS array (the vector's backing array, whose slots hold boxed numbers) through its
 * parameters, creates no closure, allocates nothing but the results it stores (each stored
 * double is a new heap number: that is the design's cost, field notes section 8), and throws
 * only through module-scope helpers (field notes section 2). The two staging helpers
 * allocate the `Float64Array` they return, and only for an array or iterable argument. Only
 * `OptionVec` calls these functions, so every access to a backing array sees one kind of
 * array (field notes section 1); a `Float64Array` operand has loops of its own.
 *
 * Every element read from a backing array is checked to be a number: an
 * `OptionVec<number>` holds only numbers, but a type cast can put anything else in, and
 * arithmetic on a string or an object would concatenate or call user code instead of failing.
 * Reductions check inside their loop (they write nothing, so a throw part-way through
 * changes nothing); element-wise operations first run {@link checkNumbers} over their inputs,
 * because a throw part-way through a writing loop would leave the target half-written.
 *
 * @internal
 * @module
 */

import { throwElementTypeError, throwSourceError, throwSourceKindError } from './errors.js';
import {
  MAX_CAPACITY,
  type NumberTypedArray,
  arrayLikeLength,
  checkIntegerInRange,
  isBigIntTypedArray,
  isFixedVec,
  isIterable,
  typedArrayKind,
} from './internal.js';
import { SUM_BLOCK, scaledNorm, throwCopyCapacityError, throwTargetError, throwTargetRangeError } from './kernels-support.js';
import type { FixedVec } from './types.js';

/** What a failing element check says about an element of the operand, after its index. */
export const OF_OPERAND = ' of the operand';

/**
 * The partial sums of the pairwise reductions. Never reentered: the reductions call no user
 * code (every element is a checked number, so no `valueOf` runs).
 */
const pairwiseStack = /* @__PURE__ */ new Float64Array(32);

/** `2^-900`: below this, squares may have underflowed, and `norm` takes its scaled path. */
const NORM_TINY = 2 ** -900;

// ---------------------------------------------------------------------------------------
// Element checks
// ---------------------------------------------------------------------------------------

/**
 * Throws for a slot that does not hold a number.
 *
 * @param where - `Class.method`, for the message.
 * @param value - the rejected value.
 * @param index - its index.
 * @param role - what follows the index in the message: `""` for the vector's own elements,
 * {@link OF_OPERAND} for the operand's.
 * @throws TypeError always.
 */
export function throwNonNumber(where: string, value: unknown, index: number, role: string): never {
  throwElementTypeError(where, value, `number at index ${index}${role}`);
}

/**
 * Throws for the first slot at or after `from` that does not hold a number: the failure path
 * of an unrolled loop that checked several slots in one condition.
 */
function throwFirstNonNumber(where: string, data: readonly unknown[], from: number, role: string): never {
  let i = from;
  while (typeof data[i] === 'number') i++;
  throwNonNumber(where, data[i], i, role);
}

/**
 * Checks that the first `length` slots of `data` hold numbers.
 *
 * @throws TypeError naming `where` and the index of the first slot that does not.
 */
export function checkNumbers(where: string, data: readonly unknown[], length: number, role: string): void {
  for (let i = 0; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, role);
  }
}

/**
 * An array operand, read once element by element into a new `Float64Array`. An array can
 * run code when it is read (an index getter, a `Proxy`), so it is read exactly once, before
 * the kernel looks at anything else, and the kernel then works on the copy.
 *
 * @throws TypeError naming `where` and the index of the first element that is not a number.
 */
export function stageArray(where: string, array: readonly unknown[]): Float64Array {
  const length = arrayLikeLength(where, array);
  const staged = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x = array[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, OF_OPERAND);
    staged[i] = x;
  }
  return staged;
}

/**
 * The elements of a `copyFrom` source that is neither an `OptionVec` nor an `F64Vec`, as
 * `F64Vec.copyFrom` stages them: a typed array of numbers as it is, anything else (an array,
 * an array-like, an iterable) read once and checked into a new `Float64Array`, all of its
 * elements, not only the range to be copied. An iterable of more than `MAX_CAPACITY`
 * elements gives its count instead (`MAX_CAPACITY + 1`), as with the typed vectors.
 *
 * @throws TypeError when `source` is not a source of numbers, or an element is not a number.
 */
export function stageNumbers(where: string, source: unknown): ArrayLike<number> | number {
  // A string is iterable, but taking its characters as elements is never what was meant.
  if (typeof source !== 'object' || source === null) throwSourceError(where, source);
  if (ArrayBuffer.isView(source)) {
    if (typedArrayKind(source) === undefined) throwSourceError(where, source);
    if (isBigIntTypedArray(source)) throwSourceKindError(where, source, 'number');
    return source as unknown as ArrayLike<number>;
  }
  let items: ArrayLike<unknown>;
  if (Array.isArray(source) || !isIterable(source)) {
    items = source as ArrayLike<unknown>;
    arrayLikeLength(where, items);
  } else {
    const collected: unknown[] = [];
    for (const value of source) {
      if (typeof value !== 'number') throwElementTypeError(where, value, 'number');
      if (collected.length === MAX_CAPACITY) return MAX_CAPACITY + 1; // leaving the loop closes the iterator
      collected.push(value);
    }
    items = collected;
  }
  const count = Math.min(items.length, MAX_CAPACITY);
  const staged = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = items[i];
    if (typeof value !== 'number') throwElementTypeError(where, value, 'number');
    staged[i] = value;
  }
  return staged;
}

/**
 * `OptionVec.copyTo` into anything but an `OptionVec`, as `F64Vec.copyTo` does it: a typed
 * array of numbers (`targetStart + length` within it; converted as it stores), an array
 * (`targetStart` at most its length; it grows), or another vector class (through its
 * `splice`, after checking `targetStart` and the capacity). Everything is checked before the
 * first write. `data[0 .. length)` are numbers, checked by the caller.
 *
 * @throws RangeError, TypeError or CapacityError as documented on `OptionVec.copyTo`.
 */
export function copyToForeign(where: string, data: readonly number[], length: number, target: unknown, targetStart: number): void {
  if (ArrayBuffer.isView(target)) {
    if (target instanceof DataView || isBigIntTypedArray(target)) throwTargetError(where, target, 'number');
    const typed = target as NumberTypedArray;
    if (!(Number.isInteger(targetStart) && targetStart >= 0 && targetStart + length <= typed.length)) {
      throwTargetRangeError(where, targetStart, length, typed.length);
    }
    for (let i = 0; i < length; i++) typed[targetStart + i] = data[i];
  } else if (Array.isArray(target)) {
    checkIntegerInRange(where, 'targetStart', targetStart, target.length);
    for (let i = 0; i < length; i++) target[targetStart + i] = data[i];
  } else if (isFixedVec(target)) {
    const vec = target as FixedVec<number, number, ArrayLike<number>>;
    const targetLength = vec.length;
    checkIntegerInRange(where, 'targetStart', targetStart, targetLength);
    const end = targetStart + length;
    if (end > vec.capacity) throwCopyCapacityError(where, target, vec.capacity, targetLength, end);
    vec.splice(targetStart, Math.min(length, targetLength - targetStart), data.slice(0, length));
  } else {
    throwTargetError(where, target, 'number');
  }
}

// ---------------------------------------------------------------------------------------
// Pairwise reductions: the scheme of the typed vectors' generated `sum`, `dot` and
// `sumOfSquares` (scripts/templates/kernels.ts, `pairwiseLoop`), term for term, so that an
// OptionVec<number> and an F64Vec holding the same doubles give bit-identical results, with
// the error bound of `pairwiseRoundings` in src/kernels-support.ts. Leaves of SUM_BLOCK
// elements go through 8 independent lanes (SUM_LANES) that start at -0, the IEEE additive
// identity; the lanes are added in a 3-level tree, then the tail; leaf sums merge like a
// binary counter. `length >= 1`.
// ---------------------------------------------------------------------------------------

/** The pairwise sum of `data[0 .. length)`, each element checked to be a number. */
export function pairwiseSum(where: string, data: readonly unknown[], length: number): number {
  const stack = pairwiseStack;
  const block = SUM_BLOCK;
  let top = 0;
  let leaves = 0;
  let lo = 0;
  let total = -0;
  for (;;) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0, s4 = -0, s5 = -0, s6 = -0, s7 = -0;
    let i = lo;
    for (const end = hi - 7; i < end; i += 8) {
      const x0 = data[i], x1 = data[i + 1], x2 = data[i + 2], x3 = data[i + 3], x4 = data[i + 4], x5 = data[i + 5], x6 = data[i + 6], x7 = data[i + 7];
      if (
        typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number' ||
        typeof x4 !== 'number' || typeof x5 !== 'number' || typeof x6 !== 'number' || typeof x7 !== 'number'
      ) {
        throwFirstNonNumber(where, data, i, '');
      }
      s0 += x0; s1 += x1; s2 += x2; s3 += x3; s4 += x4; s5 += x5; s6 += x6; s7 += x7;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwNonNumber(where, x, i, '');
      tail += x;
    }
    let leaf = (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    leaves++;
    for (let bits = leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
    if (hi === length) {
      total = leaf;
      break;
    }
    stack[top++] = leaf;
    lo = hi;
  }
  while (top > 0) total = stack[--top] + total;
  return total;
}

/** The pairwise sum of `data[i] * data[i]` over `[0, length)`, each element checked. */
export function pairwiseSumOfSquares(where: string, data: readonly unknown[], length: number): number {
  const stack = pairwiseStack;
  const block = SUM_BLOCK;
  let top = 0;
  let leaves = 0;
  let lo = 0;
  let total = -0;
  for (;;) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0, s4 = -0, s5 = -0, s6 = -0, s7 = -0;
    let i = lo;
    for (const end = hi - 7; i < end; i += 8) {
      const x0 = data[i], x1 = data[i + 1], x2 = data[i + 2], x3 = data[i + 3], x4 = data[i + 4], x5 = data[i + 5], x6 = data[i + 6], x7 = data[i + 7];
      if (
        typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number' ||
        typeof x4 !== 'number' || typeof x5 !== 'number' || typeof x6 !== 'number' || typeof x7 !== 'number'
      ) {
        throwFirstNonNumber(where, data, i, '');
      }
      s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3; s4 += x4 * x4; s5 += x5 * x5; s6 += x6 * x6; s7 += x7 * x7;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwNonNumber(where, x, i, '');
      tail += x * x;
    }
    let leaf = (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    leaves++;
    for (let bits = leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
    if (hi === length) {
      total = leaf;
      break;
    }
    stack[top++] = leaf;
    lo = hi;
  }
  while (top > 0) total = stack[--top] + total;
  return total;
}

/** The pairwise dot product of two backing arrays over `[0, length)`, every element of both checked. */
export function pairwiseDot(where: string, a: readonly unknown[], b: readonly unknown[], length: number): number {
  const stack = pairwiseStack;
  const block = SUM_BLOCK;
  let top = 0;
  let leaves = 0;
  let lo = 0;
  let total = -0;
  for (;;) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0, s4 = -0, s5 = -0, s6 = -0, s7 = -0;
    let i = lo;
    for (const end = hi - 7; i < end; i += 8) {
      const x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3], x4 = a[i + 4], x5 = a[i + 5], x6 = a[i + 6], x7 = a[i + 7];
      const y0 = b[i], y1 = b[i + 1], y2 = b[i + 2], y3 = b[i + 3], y4 = b[i + 4], y5 = b[i + 5], y6 = b[i + 6], y7 = b[i + 7];
      if (
        typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number' ||
        typeof x4 !== 'number' || typeof x5 !== 'number' || typeof x6 !== 'number' || typeof x7 !== 'number'
      ) {
        throwFirstNonNumber(where, a, i, '');
      }
      if (
        typeof y0 !== 'number' || typeof y1 !== 'number' || typeof y2 !== 'number' || typeof y3 !== 'number' ||
        typeof y4 !== 'number' || typeof y5 !== 'number' || typeof y6 !== 'number' || typeof y7 !== 'number'
      ) {
        throwFirstNonNumber(where, b, i, OF_OPERAND);
      }
      s0 += x0 * y0; s1 += x1 * y1; s2 += x2 * y2; s3 += x3 * y3; s4 += x4 * y4; s5 += x5 * y5; s6 += x6 * y6; s7 += x7 * y7;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = a[i];
      const y = b[i];
      if (typeof x !== 'number') throwNonNumber(where, x, i, '');
      if (typeof y !== 'number') throwNonNumber(where, y, i, OF_OPERAND);
      tail += x * y;
    }
    let leaf = (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    leaves++;
    for (let bits = leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
    if (hi === length) {
      total = leaf;
      break;
    }
    stack[top++] = leaf;
    lo = hi;
  }
  while (top > 0) total = stack[--top] + total;
  return total;
}

/** The pairwise dot product of a backing array (checked) and a `Float64Array` over `[0, length)`. */
export function pairwiseDotTyped(where: string, a: readonly unknown[], b: Float64Array, length: number): number {
  const stack = pairwiseStack;
  const block = SUM_BLOCK;
  let top = 0;
  let leaves = 0;
  let lo = 0;
  let total = -0;
  for (;;) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0, s4 = -0, s5 = -0, s6 = -0, s7 = -0;
    let i = lo;
    for (const end = hi - 7; i < end; i += 8) {
      const x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3], x4 = a[i + 4], x5 = a[i + 5], x6 = a[i + 6], x7 = a[i + 7];
      if (
        typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number' ||
        typeof x4 !== 'number' || typeof x5 !== 'number' || typeof x6 !== 'number' || typeof x7 !== 'number'
      ) {
        throwFirstNonNumber(where, a, i, '');
      }
      s0 += x0 * b[i]; s1 += x1 * b[i + 1]; s2 += x2 * b[i + 2]; s3 += x3 * b[i + 3]; s4 += x4 * b[i + 4]; s5 += x5 * b[i + 5]; s6 += x6 * b[i + 6]; s7 += x7 * b[i + 7];
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = a[i];
      if (typeof x !== 'number') throwNonNumber(where, x, i, '');
      tail += x * b[i];
    }
    let leaf = (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    leaves++;
    for (let bits = leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
    if (hi === length) {
      total = leaf;
      break;
    }
    stack[top++] = leaf;
    lo = hi;
  }
  while (top > 0) total = stack[--top] + total;
  return total;
}

// ---------------------------------------------------------------------------------------
// Other reductions (`length >= 1`), with the F64Vec semantics: Math.min/max for NaN and -0,
// the first index on ties, the first NaN's index for argmin/argmax.
// ---------------------------------------------------------------------------------------

/** The smallest element, as `Math.min` would give it. */
export function minOf(where: string, data: readonly unknown[], length: number): number {
  const first = data[0];
  if (typeof first !== 'number') throwNonNumber(where, first, 0, '');
  let best = first;
  for (let i = 1; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, '');
    best = Math.min(best, x);
  }
  return best;
}

/** The largest element, as `Math.max` would give it. */
export function maxOf(where: string, data: readonly unknown[], length: number): number {
  const first = data[0];
  if (typeof first !== 'number') throwNonNumber(where, first, 0, '');
  let best = first;
  for (let i = 1; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, '');
    best = Math.max(best, x);
  }
  return best;
}

/**
 * The index of the smallest element (first on ties; `-0` before `0`), or of the first `NaN`.
 * Every element up to the returned index is checked; a `NaN` ends the scan, as in `F64Vec`,
 * so elements after the first `NaN` are not read.
 */
export function argminOf(where: string, data: readonly unknown[], length: number): number {
  const first = data[0];
  if (typeof first !== 'number') throwNonNumber(where, first, 0, '');
  let best = first;
  let at = 0;
  if (best !== best) return 0;
  for (let i = 1; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, '');
    if (x < best) {
      best = x;
      at = i;
    } else if (x !== x) {
      return i;
    } else if (x === 0 && best === 0 && 1 / x < 1 / best) {
      best = x;
      at = i;
    }
  }
  return at;
}

/** The index of the largest element (first on ties; `0` after `-0`), or of the first `NaN`. */
export function argmaxOf(where: string, data: readonly unknown[], length: number): number {
  const first = data[0];
  if (typeof first !== 'number') throwNonNumber(where, first, 0, '');
  let best = first;
  let at = 0;
  if (best !== best) return 0;
  for (let i = 1; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwNonNumber(where, x, i, '');
    if (x > best) {
      best = x;
      at = i;
    } else if (x !== x) {
      return i;
    } else if (x === 0 && best === 0 && 1 / x > 1 / best) {
      best = x;
      at = i;
    }
  }
  return at;
}

/**
 * The Euclidean norm of `data[0 .. length)`, `length >= 1`, exactly as `F64Vec.norm`
 * computes it: the square root of the pairwise sum of squares, or, when that sum overflowed
 * or may have underflowed, the BLAS `nrm2` scaling by the largest magnitude.
 */
export function normOf(where: string, data: readonly unknown[], length: number): number {
  const squares = pairwiseSumOfSquares(where, data, length);
  if (squares >= NORM_TINY && squares < Infinity) return Math.sqrt(squares);
  // pairwiseSumOfSquares checked every element: they are all numbers.
  return scaledNorm(data as readonly number[], length);
}

// ---------------------------------------------------------------------------------------
// Element-wise loops. `dst` is the backing array written (this vector's or `out`'s), `data`
// this vector's; both, and a backing-array operand, were checked with checkNumbers first.
// Each loop reads slot i of every input before writing slot i of dst, so dst may be the
// same array as data or as the operand. One function per operation and operand form keeps
// every loop's accesses monomorphic.
// ---------------------------------------------------------------------------------------

type Target = unknown[];
type Source = readonly number[];

/** `dst[i] = data[i] + k`. */
export function addScalar(dst: Target, data: Source, k: number, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] + k;
}

/** `dst[i] = data[i] - k`. */
export function subScalar(dst: Target, data: Source, k: number, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] - k;
}

/** `dst[i] = data[i] * k` (also `scale`). */
export function mulScalar(dst: Target, data: Source, k: number, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] * k;
}

/** `dst[i] = data[i] / k`. */
export function divScalar(dst: Target, data: Source, k: number, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] / k;
}

/** `dst[i] = data[i] + src[i]`, `src` a backing array. */
export function addArray(dst: Target, data: Source, src: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] + src[i];
}

/** `dst[i] = data[i] - src[i]`, `src` a backing array. */
export function subArray(dst: Target, data: Source, src: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] - src[i];
}

/** `dst[i] = data[i] * src[i]`, `src` a backing array. */
export function mulArray(dst: Target, data: Source, src: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] * src[i];
}

/** `dst[i] = data[i] / src[i]`, `src` a backing array. */
export function divArray(dst: Target, data: Source, src: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] / src[i];
}

/** `dst[i] = data[i] + src[i]`, `src` a `Float64Array`. */
export function addTyped(dst: Target, data: Source, src: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] + src[i];
}

/** `dst[i] = data[i] - src[i]`, `src` a `Float64Array`. */
export function subTyped(dst: Target, data: Source, src: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] - src[i];
}

/** `dst[i] = data[i] * src[i]`, `src` a `Float64Array`. */
export function mulTyped(dst: Target, data: Source, src: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] * src[i];
}

/** `dst[i] = data[i] / src[i]`, `src` a `Float64Array`. */
export function divTyped(dst: Target, data: Source, src: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] / src[i];
}

/** `dst[i] = data[i] + a * src[i]`, `src` a backing array. */
export function axpyArray(dst: Target, data: Source, a: number, src: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] + a * src[i];
}

/** `dst[i] = data[i] + a * src[i]`, `src` a `Float64Array`. */
export function axpyTyped(dst: Target, data: Source, a: number, src: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = data[i] + a * src[i];
}

/** `dst[i] = clamp(data[i], lo, hi)`, `lo <= hi` checked by the caller. */
export function clampInto(dst: Target, data: Source, lo: number, hi: number, length: number): void {
  for (let i = 0; i < length; i++) {
    const x = data[i];
    dst[i] = x < lo ? lo : x > hi ? hi : x;
  }
}

/** `dst[i] = Math.abs(data[i])`. */
export function absInto(dst: Target, data: Source, length: number): void {
  for (let i = 0; i < length; i++) dst[i] = Math.abs(data[i]);
}
