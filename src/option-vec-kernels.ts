/**
 * The loops of `OptionVec<number>`'s numeric kernels, kept out of the class so that
 * `option-vec.ts` stays readable: the class methods check their arguments and hand the
 * backing arrays to these functions.
 *
 * Written as well as the `[Option<f64>; N]` design can be written: every loop reads a plain
 * JS array (whose slots hold boxed numbers) through its parameters, allocates nothing but the
 * results it stores (each stored double is a new heap number: the design's cost), and throws
 * only through the helpers of `src/errors.ts` (docs/design.md, "Failure paths"). Only
 * `OptionVec` calls them, so every access to a backing array sees one kind of array
 * (docs/design.md, "One class literal per element type"); a `Float64Array` operand has
 * loops of its own.
 *
 * Every element read from a backing array is checked to be a number: a type cast can put
 * anything in a slot, and arithmetic on a string or an object would concatenate or call user
 * code instead of failing. Reductions check inside their loop (they write nothing);
 * element-wise operations first run {@link checkNumbers} over their inputs, because a throw
 * part-way through a writing loop would leave the target half-written.
 *
 * @internal
 * @module
 */

import { rethrowUnder, throwElementTypeErrorAt, throwFirstNonNumber, throwTargetError } from './errors.js';
import { isFixedVec } from './internal.js';
import { NORM_TINY, SUM_BLOCK, checkVectorTarget, scaledNorm, vectorTargetEnd } from './kernels-support.js';
import type { ElementRule } from './staging.js';
import type { FixedVec } from './types.js';

/** Whose element a failing element check names, after the index: the operand's. */
export const OPERAND = 'the operand';

/** The elements of an array operand: numbers; a refusal names the index and the operand. */
export const OPERAND_ELEMENT: ElementRule = {
  typeOf: 'number',
  refuse: (where, value, index) => throwElementTypeErrorAt(where, value, 'number', index, OPERAND),
};

// ---------------------------------------------------------------------------------------
// Element checks
// ---------------------------------------------------------------------------------------

/**
 * Checks that the first `length` slots of `data` hold numbers.
 *
 * @param owner - whose elements they are, for the message (e.g. {@link OPERAND}); omitted
 * for the vector's own.
 * @throws TypeError naming `where` and the index of the first slot that does not.
 */
export function checkNumbers(where: string, data: readonly unknown[], length: number, owner?: string): void {
  for (let i = 0; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i, owner);
  }
}

// ---------------------------------------------------------------------------------------
// Bulk copy
// ---------------------------------------------------------------------------------------

/**
 * `OptionVec.copyTo` into a vector of another class, with the checks of `F64Vec.copyTo`:
 * `targetStart` within the target's live elements, the end within its capacity; the
 * elements are then written through the target's `splice`, which converts as it stores.
 * `items` are the elements to write, copied by the caller before anything of `target` was
 * read: its getters and its `splice` may run user code that changes the `OptionVec`. A
 * `ReleasedError` or `DetachedError` of the target is reported under `where`.
 *
 * @throws TypeError when `target` is not a vector; RangeError, TypeError or CapacityError
 * as documented on `OptionVec.copyTo`.
 */
export function copyToVector(where: string, items: readonly number[], target: unknown, targetStart: number): void {
  if (!isFixedVec(target)) throwTargetError(where, target, 'number');
  const vec = target as FixedVec<number, number, ArrayLike<number>>;
  checkVectorTarget(where, vec);
  const count = items.length;
  const targetLength = vec.length;
  vectorTargetEnd(where, target, targetStart, count, targetLength, vec.capacity);
  try {
    vec.splice(targetStart, Math.min(count, targetLength - targetStart), items);
  } catch (error) {
    rethrowUnder(where, error, 'the target vector');
  }
}

// ---------------------------------------------------------------------------------------
// Pairwise reductions: F64Vec's summation scheme for `sum`, `dot` and `sumOfSquares` (see
// F64Vec.sum and `pairwiseRoundings` in src/kernels-support.ts), term for term, so that an
// OptionVec<number> and an F64Vec holding the same doubles give bit-identical results. Each
// leaf of SUM_BLOCK elements goes through 4 lanes (SUM_LANES) that start at -0 (the IEEE
// additive identity), added in a 2-level tree and then the tail; the leaf sums go to `merge`.
// `length >= 1`.
// ---------------------------------------------------------------------------------------

/**
 * The merging of the pairwise reductions' leaf sums, like a binary counter: after leaf number
 * j, one addition per trailing zero bit of j, so that the first 2^a leaves form one balanced
 * tree; {@link PairwiseMerge.total} then adds the remaining trees, the smallest first.
 */
class PairwiseMerge {
  // #stack[0 .. #top) holds the sums of the complete trees, the largest first; #leaves
  // counts the leaves added since reset().
  readonly #stack = new Float64Array(32);
  #top = 0;
  #leaves = 0;

  /** Starts a reduction (a reduction that threw may have left partial sums). */
  reset(): void {
    this.#top = 0;
    this.#leaves = 0;
  }

  /** Adds the sum of the next leaf. */
  add(leaf: number): void {
    const stack = this.#stack;
    let top = this.#top;
    for (let bits = ++this.#leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
    stack[top] = leaf;
    this.#top = top + 1;
  }

  /** The total, after at least one leaf. */
  total(): number {
    const stack = this.#stack;
    let top = this.#top - 1;
    let total = stack[top];
    while (top > 0) total = stack[--top] + total;
    return total;
  }
}

/** The one merge of every reduction; never reentered: the reductions call no user code. */
const merge = /* @__PURE__ */ new PairwiseMerge();

/** The pairwise sum of `data[0 .. length)`, each element checked to be a number. */
export function pairwiseSum(where: string, data: readonly unknown[], length: number): number {
  const block = SUM_BLOCK;
  merge.reset();
  for (let lo = 0; lo < length; lo += block) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      const x0 = data[i], x1 = data[i + 1], x2 = data[i + 2], x3 = data[i + 3];
      if (typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number') {
        throwFirstNonNumber(where, data, i);
      }
      s0 += x0; s1 += x1; s2 += x2; s3 += x3;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      tail += x;
    }
    merge.add(((s0 + s1) + (s2 + s3)) + tail);
  }
  return merge.total();
}

/** The pairwise sum of `data[i] * data[i]` over `[0, length)`, each element checked. */
export function pairwiseSumOfSquares(where: string, data: readonly unknown[], length: number): number {
  const block = SUM_BLOCK;
  merge.reset();
  for (let lo = 0; lo < length; lo += block) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      const x0 = data[i], x1 = data[i + 1], x2 = data[i + 2], x3 = data[i + 3];
      if (typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number') {
        throwFirstNonNumber(where, data, i);
      }
      s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = data[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      tail += x * x;
    }
    merge.add(((s0 + s1) + (s2 + s3)) + tail);
  }
  return merge.total();
}

/** The pairwise dot product of two backing arrays over `[0, length)`, every element of both checked. */
export function pairwiseDot(where: string, a: readonly unknown[], b: readonly unknown[], length: number): number {
  const block = SUM_BLOCK;
  merge.reset();
  for (let lo = 0; lo < length; lo += block) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      const x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3];
      const y0 = b[i], y1 = b[i + 1], y2 = b[i + 2], y3 = b[i + 3];
      if (typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number') {
        throwFirstNonNumber(where, a, i);
      }
      if (typeof y0 !== 'number' || typeof y1 !== 'number' || typeof y2 !== 'number' || typeof y3 !== 'number') {
        throwFirstNonNumber(where, b, i, OPERAND);
      }
      s0 += x0 * y0; s1 += x1 * y1; s2 += x2 * y2; s3 += x3 * y3;
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = a[i];
      const y = b[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      if (typeof y !== 'number') throwElementTypeErrorAt(where, y, 'number', i, OPERAND);
      tail += x * y;
    }
    merge.add(((s0 + s1) + (s2 + s3)) + tail);
  }
  return merge.total();
}

/** The pairwise dot product of a backing array (checked) and a `Float64Array` over `[0, length)`. */
export function pairwiseDotTyped(where: string, a: readonly unknown[], b: Float64Array, length: number): number {
  const block = SUM_BLOCK;
  merge.reset();
  for (let lo = 0; lo < length; lo += block) {
    const hi = length - lo > block ? lo + block : length;
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    let i = lo;
    for (const end = hi - 3; i < end; i += 4) {
      const x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3];
      if (typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number') {
        throwFirstNonNumber(where, a, i);
      }
      s0 += x0 * b[i]; s1 += x1 * b[i + 1]; s2 += x2 * b[i + 2]; s3 += x3 * b[i + 3];
    }
    let tail = -0;
    for (; i < hi; i++) {
      const x = a[i];
      if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
      tail += x * b[i];
    }
    merge.add(((s0 + s1) + (s2 + s3)) + tail);
  }
  return merge.total();
}

// ---------------------------------------------------------------------------------------
// Other reductions (`length >= 1`), with the F64Vec semantics: Math.min/max for NaN and -0,
// the first index on ties, the first NaN's index for argmin/argmax. One loop serves both
// directions: the largest element is found as the smallest of the negated elements, since
// max(x, y) === -min(-x, -y) for every pair of doubles, NaN and signed zeros included.
// ---------------------------------------------------------------------------------------

/** Makes {@link extremumOf} and {@link argExtremumOf} look for the smallest element. */
export const SMALLEST = 1;

/** Makes {@link extremumOf} and {@link argExtremumOf} look for the largest element. */
export const LARGEST = -1;

/** Which element a search looks for: {@link SMALLEST} or {@link LARGEST}. */
export type Direction = typeof SMALLEST | typeof LARGEST;

/** The smallest or largest element, as `Math.min` or `Math.max` would give it. */
export function extremumOf(where: string, data: readonly unknown[], length: number, direction: Direction): number {
  let best = Infinity;
  for (let i = 0; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
    best = Math.min(best, direction * x);
  }
  return direction * best;
}

/**
 * The index of the smallest or largest element (first on ties; `-0` counts as smaller than
 * `0`), or of the first `NaN`. Every element up to the returned index is checked; a `NaN`
 * ends the scan, as in `F64Vec`, so elements after the first `NaN` are not read.
 */
export function argExtremumOf(where: string, data: readonly unknown[], length: number, direction: Direction): number {
  let best = Infinity;
  let at = 0;
  for (let i = 0; i < length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throwElementTypeErrorAt(where, x, 'number', i);
    const y = direction * x;
    if (y < best) {
      best = y;
      at = i;
    } else if (y !== y) {
      return i;
    } else if (y === 0 && best === 0 && 1 / y < 1 / best) {
      best = y;
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

/** The loops of one of `add`, `sub`, `mul` and `div`, one per operand form. */
export interface BinaryLoops {
  /** `dst[i] = data[i] op k`. */
  readonly scalar: (dst: Target, data: Source, k: number, length: number) => void;
  /** `dst[i] = data[i] op src[i]`, `src` a backing array. */
  readonly array: (dst: Target, data: Source, src: Source, length: number) => void;
  /** `dst[i] = data[i] op src[i]`, `src` a `Float64Array`. */
  readonly typed: (dst: Target, data: Source, src: Float64Array, length: number) => void;
}

/** The loops of `add`. */
export const ADD: BinaryLoops = {
  scalar: (dst, data, k, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] + k; },
  array: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] + src[i]; },
  typed: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] + src[i]; },
};

/** The loops of `sub`. */
export const SUB: BinaryLoops = {
  scalar: (dst, data, k, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] - k; },
  array: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] - src[i]; },
  typed: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] - src[i]; },
};

/** The loops of `mul` (the scalar one is also `scale`'s). */
export const MUL: BinaryLoops = {
  scalar: (dst, data, k, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] * k; },
  array: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] * src[i]; },
  typed: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] * src[i]; },
};

/** The loops of `div`. */
export const DIV: BinaryLoops = {
  scalar: (dst, data, k, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] / k; },
  array: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] / src[i]; },
  typed: (dst, data, src, length) => { for (let i = 0; i < length; i++) dst[i] = data[i] / src[i]; },
};

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
