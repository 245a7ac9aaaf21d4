/**
 * Helpers of the numeric kernels (reductions, element-wise operations, bulk copies) that
 * every vector class shares: the summation scheme's constants and error bound, the overlap
 * test, the argument rules of the copies, and the rare slow paths of the reductions (`norm`
 * on overflow or underflow, vectors of 2^30 elements or more). None of them runs a hot loop
 * over a vector's elements, so sharing them keeps no class's hot loop polymorphic
 * (docs/design.md); their errors come from `src/errors.ts`.
 *
 * @internal
 * @module
 */

import { rethrowUnder, throwCopyCapacityError, throwTargetError, throwTargetRangeError } from './errors.js';
import { type BigIntTypedArray, type NumberTypedArray, checkIntegerInRange, isBigIntTypedArray, mayShareMemory } from './internal.js';
import type { FixedVec } from './types.js';

/** What `copyTo` of a number vector writes into: a vector of any class, a number typed array, or an array. */
export type NumberCopyTarget = FixedVec<number, number, ArrayLike<number>> | NumberTypedArray | number[];

/** What `copyTo` of a bigint vector writes into: a vector of any class, a bigint typed array, or an array. */
export type BigIntCopyTarget = FixedVec<bigint, number, ArrayLike<bigint>> | BigIntTypedArray | bigint[];

/**
 * Elements per leaf block of the pairwise sums (`sum`, `dot`, `sumOfSquares`). A leaf is
 * summed with {@link SUM_LANES} independent accumulators; leaves are added in a balanced
 * binary tree.
 */
export const SUM_BLOCK = 128;

/** `log2(SUM_BLOCK)`. */
export const SUM_BLOCK_SHIFT = 7;

/**
 * Independent accumulators in a leaf block: the adds of one lane do not wait for the others.
 * Four, not more: every element read costs V8 an index computation and a bounds check per
 * array, so the loops are bound by those instructions, not by the latency of the additions,
 * and eight lanes (with 16 loaded values and their indices) spill registers in `dot`
 * (docs/design.md, "Reductions").
 */
export const SUM_LANES = 4;

/** `log2(SUM_LANES)`: the depth of the tree that adds a leaf's lanes. */
export const SUM_LANES_SHIFT = 2;

/**
 * The most rounded additions a term passes through inside its leaf:
 * `SUM_BLOCK / SUM_LANES + SUM_LANES_SHIFT` (34); see {@link pairwiseRoundings}.
 */
export const SUM_LEAF_ROUNDINGS = SUM_BLOCK / SUM_LANES + SUM_LANES_SHIFT;

/**
 * `2^30 - 1`. The reductions' loops run to `length & SUM_INDEX_MASK`, a bound whose range
 * the compiler knows, so that no index `i + k` in them needs an overflow check; the kernels
 * of the classes write this mask out as a literal (the generator checks that it is this
 * one). A vector with more elements (at least 1 GiB of data) takes the shared loops
 * {@link pairwiseSumLong}, {@link pairwiseDotLong} and {@link pairwiseSumOfSquaresLong}
 * instead, which follow the same scheme term for term.
 */
export const SUM_INDEX_MASK = 0x3fff_ffff;

/**
 * An upper bound `h` on the number of rounded additions any one term passes through in the
 * pairwise sum of `n` terms, so that, without overflow,
 * `|computed - exact| <= gamma(h) * sum(|x_i|)` with `gamma(h) = h*u / (1 - h*u)` and
 * `u = 2^-53` (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., section 4.2).
 *
 * Derivation, for the leaf code the template generates: a leaf of `L <= 128` terms puts
 * `floor(L/4) <= 32` terms into each of 4 accumulators that start at `-0` (the first add is
 * exact, so at most 31 roundings), adds the 4 lanes in a 2-level tree (2 roundings) and
 * then, in the last leaf only, adds the sum of its last `L mod 4 <= 3` terms (1 rounding;
 * that tail's own chain has at most 2); so
 * `h_leaf <= 128/4 - 1 + 2 + 1 = 34` ({@link SUM_LEAF_ROUNDINGS}).
 *
 * Leaf sums are merged like a binary counter: after leaf number j the kernel adds the top
 * of a stack once per trailing zero bit of j, so the first 2^a leaves form one balanced
 * tree of depth a. With `m = ceil(n / 128)` leaves and `m = 2^a1 + ... + 2^ag`
 * (`a1 > ... > ag`), the stack ends with trees of depths a1, ..., ag, which are then added
 * from the smallest up. A term of the i-th tree passes through `a_i` merges in its tree
 * and at most `i` of those final additions (the last tree through `g - 1`); as
 * `a_i <= a1 - (i - 1)`, that is at most `a1 + 1 = floor(log2 m) + 1` roundings, and only
 * `a1 = log2 m` when m is a power of two: `ceil(log2 m)` in both cases.
 *
 * @returns `34 + ceil(log2(ceil(n / 128)))` for `n >= 2`; 0 for `n <= 1`.
 */
export function pairwiseRoundings(n: number): number {
  if (n <= 1) return 0;
  const leaves = Math.ceil(n / SUM_BLOCK);
  return SUM_LEAF_ROUNDINGS + Math.ceil(Math.log2(leaves));
}

/** The partial sums of the long loops below (never reentered: they call no user code). */
const LONG_STACK = /* @__PURE__ */ new Float64Array(32);

/**
 * The pairwise merge of the classes' reductions (leaves of {@link SUM_BLOCK} elements,
 * merged like a binary counter), for vectors of more than {@link SUM_INDEX_MASK} elements:
 * `leaf(lo, hi)` sums one leaf through {@link SUM_LANES} lanes, as the class's own loop does,
 * so the result is bit for bit the class's. Shared by every class, so its element reads are
 * polymorphic and slower, which only vectors of 1 GiB or more pay. `length >= 1`.
 */
function pairwiseLong(length: number, leaf: (lo: number, hi: number) => number): number {
  const stack = LONG_STACK;
  let top = 0;
  let leaves = 0;
  let lo = 0;
  for (;;) {
    const hi = length - lo > SUM_BLOCK ? lo + SUM_BLOCK : length;
    let sum = leaf(lo, hi);
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) sum = stack[--top] + sum;
    if (hi === length) {
      let total = sum;
      while (top > 0) total = stack[--top] + total;
      return total;
    }
    stack[top++] = sum;
    lo = hi;
  }
}

/** The pairwise sum of `data[0 .. length)` in the scheme of the classes' `sum`; see {@link pairwiseLong}. */
export function pairwiseSumLong(data: ArrayLike<number>, length: number): number {
  return pairwiseLong(length, (lo, hi) => {
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      s0 += data[i]; s1 += data[i + 1]; s2 += data[i + 2]; s3 += data[i + 3];
    }
    let tail = -0;
    for (; i < hi; i++) tail += data[i];
    return ((s0 + s1) + (s2 + s3)) + tail;
  });
}

/** The pairwise `sum(a[i] * b[i])` over `[0, length)`, as the classes' `dot` computes it; see {@link pairwiseLong}. */
export function pairwiseDotLong(a: ArrayLike<number>, b: ArrayLike<number>, length: number): number {
  return pairwiseLong(length, (lo, hi) => {
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
    }
    let tail = -0;
    for (; i < hi; i++) tail += a[i] * b[i];
    return ((s0 + s1) + (s2 + s3)) + tail;
  });
}

/** The pairwise `sum(data[i] * data[i])` over `[0, length)`, as the classes' `sumOfSquares` computes it; see {@link pairwiseLong}. */
export function pairwiseSumOfSquaresLong(data: ArrayLike<number>, length: number): number {
  return pairwiseLong(length, (lo, hi) => {
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      const x0 = data[i], x1 = data[i + 1], x2 = data[i + 2], x3 = data[i + 3];
      s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = data[i];
      tail += x * x;
    }
    return ((s0 + s1) + (s2 + s3)) + tail;
  });
}

/**
 * `2^-900`: a sum of squares below this may have lost squares to underflow, so `norm` takes
 * the scaled path of {@link scaledNorm} (as it does for a sum that overflowed).
 */
export const NORM_TINY = 2 ** -900;

/**
 * Whether a loop that, for `i` from 0 up, reads element `i` of a source and then writes
 * element `i` of a destination would overwrite a source element before reading it: the
 * two ranges lie in one buffer and the destination starts inside the source, after its
 * start. Equal starts are safe (each slot is read before it is written), and so is a
 * destination that starts before the source. Ranges in two different `SharedArrayBuffer`
 * objects may alias anywhere, so for them the answer is always true. When this returns
 * true the kernel reads from a copy of the source instead.
 *
 * Takes buffers and offsets rather than views: the typed vectors cache theirs, since
 * reading a typed array's `.buffer` costs a call every time.
 *
 * @param byteLength - the bytes the loop touches in each range.
 */
export function overlapsForward(dstBuffer: ArrayBufferLike, dstOffset: number, srcBuffer: ArrayBufferLike, srcOffset: number, byteLength: number): boolean {
  if (dstBuffer !== srcBuffer) return mayShareMemory(dstBuffer, srcBuffer);
  return dstOffset > srcOffset && dstOffset < srcOffset + byteLength;
}

/**
 * Validates the range arguments of `copyFrom` against the `available` elements of the
 * source, and resolves the count.
 *
 * @param srcStart - must be an integer in `[0, available]`.
 * @param count - must be an integer in `[0, available - srcStart]`; `undefined` means
 * everything from `srcStart`.
 * @returns the number of elements to copy.
 * @throws TypeError or RangeError naming `where` and the argument.
 */
export function copyCount(where: string, srcStart: number, count: number | undefined, available: number): number {
  checkIntegerInRange(where, 'srcStart', srcStart, available);
  const n = count === undefined ? available - srcStart : count;
  checkIntegerInRange(where, 'count', n, available - srcStart);
  return n;
}

/**
 * Checks that a `copyTo` target of another vector class can still be written, before its
 * length and capacity are read: a released or detached target reports that, under `where`,
 * rather than a range error against the length 0 it shows then.
 *
 * @throws ReleasedError or DetachedError naming `where` and the target vector; what else
 * the target's `remaining` throws, as it is.
 */
export function checkVectorTarget(where: string, target: { readonly remaining: number }): void {
  try {
    void target.remaining;
  } catch (error) {
    rethrowUnder(where, error, 'the target vector');
  }
}

/**
 * Validates a `copyTo` of `count` elements into a vector `target` at `targetStart`: the
 * start within the target's live elements (no gap), the end within its capacity.
 *
 * @param target - the target vector, carried by the error.
 * @returns `targetStart + count`, the target's length after the copy if that is longer.
 * @throws TypeError or RangeError when `targetStart` is not an integer in `[0, targetLength]`.
 * @throws {@link CapacityError} when the end is past `targetCapacity`.
 */
export function vectorTargetEnd(
  where: string,
  target: unknown,
  targetStart: number,
  count: number,
  targetLength: number,
  targetCapacity: number,
): number {
  checkIntegerInRange(where, 'targetStart', targetStart, targetLength);
  const end = targetStart + count;
  if (end > targetCapacity) throwCopyCapacityError(where, target, targetCapacity, targetLength, end);
  return end;
}

/**
 * A `copyTo` target that is an `ArrayBuffer` view, checked to be a typed array of the
 * caller's kind that holds `count` elements from `targetStart`.
 *
 * @param holds - the element type of the caller's vector.
 * @throws TypeError when `target` is a `DataView` or a typed array of the other kind.
 * @throws TypeError or RangeError when `targetStart` is not an integer from 0 to the
 * target's length minus `count`.
 */
export function typedArrayTarget(where: string, target: ArrayBufferView, targetStart: number, count: number, holds: 'number'): NumberTypedArray;
export function typedArrayTarget(where: string, target: ArrayBufferView, targetStart: number, count: number, holds: 'bigint'): BigIntTypedArray;
export function typedArrayTarget(
  where: string,
  target: ArrayBufferView,
  targetStart: number,
  count: number,
  holds: 'number' | 'bigint',
): NumberTypedArray | BigIntTypedArray {
  if (target instanceof DataView || isBigIntTypedArray(target) !== (holds === 'bigint')) throwTargetError(where, target, holds);
  const typed = target as NumberTypedArray | BigIntTypedArray;
  if (!(Number.isInteger(targetStart) && targetStart >= 0 && targetStart + count <= typed.length)) {
    throwTargetRangeError(where, targetStart, count, typed.length);
  }
  return typed;
}

/**
 * The scalars of the number classes' element-wise kernels, on their way from a kernel's
 * small public entry to the method with the loop: passed as arguments to a call the
 * compiler does not inline, doubles would be boxed (docs/design.md, "Zero garbage"). Written
 * by the entry and read back at the start of the loop method, with no user code between.
 */
export const SCALARS: Float64Array = /* @__PURE__ */ new Float64Array(2);

/**
 * The slow path of `norm` (F64Vec and OptionVec<number>), taken only when the plain sum of
 * squares overflowed or may have underflowed: divides by the largest magnitude first, so that
 * no square overflows or underflows. Shared between the classes because it is rare; the hot
 * reductions stay per class.
 */
export function scaledNorm(data: ArrayLike<number>, length: number): number {
  let largest = 0;
  for (let i = 0; i < length; i++) {
    const x = Math.abs(data[i]);
    if (x > largest) largest = x;
    else if (x !== x) return NaN;
  }
  if (largest === 0 || largest === Infinity) return largest;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (const end = length - 3; i < end; i += 4) {
    const x0 = data[i] / largest, x1 = data[i + 1] / largest, x2 = data[i + 2] / largest, x3 = data[i + 3] / largest;
    s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
  }
  for (; i < length; i++) {
    const x = data[i] / largest;
    s0 += x * x;
  }
  return largest * Math.sqrt((s0 + s1) + (s2 + s3));
}
