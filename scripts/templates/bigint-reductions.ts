/**
 * The reductions of the bigint classes (I64Vec, U64Vec), spliced into `kernels.ts` in place
 * of the number reductions: bigint sums are exact, so they need no pairwise scheme, and
 * bigint arithmetic does not type-check in the number instance the other templates are
 * checked as. This file is checked as I64Vec.
 *
 * @module
 */

import { throwEmptyError } from '../../src/errors.js';

/** The placeholder `TArray`, declared here as I64Vec's. */
type TArray = BigInt64Array;

export class TVec {
  // Scaffolding: the members of typed-vec.ts and kernels.ts that the reductions use.
  #data = new BigInt64Array(0);
  #length = 0;
  #storage(_where: string): TArray {
    return this.#data;
  }
  #operand(_where: string, _operand: unknown, _target: TVec | null, _scalar: boolean): TArray {
    return this.#data;
  }

  //@part
  /**
   * The exact sum of the elements as a `bigint` (not wrapped to 64 bits); `0n` when empty.
   *
   * @group Kernels
   */
  sum(): bigint {
    const data = this.#storage('TVec.sum');
    const length = this.#length;
    let total = 0n;
    for (let i = 0; i < length; i++) total += data[i];
    return total;
  }

  /**
   * The arithmetic mean as a `number`: `Number(sum()) / length`, so a fraction is kept
   * (a `bigint` mean would have to truncate). The exact sum is rounded to a double once and
   * the division rounds once: relative error at most about 2^-52.
   *
   * Throws on an empty vector rather than returning `NaN` (0 / 0).
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  mean(): number {
    const length = this.#length;
    this.#storage('TVec.mean');
    if (length === 0) throwEmptyError('TVec.mean');
    return Number(this.sum()) / length;
  }

  /**
   * The smallest element.
   *
   * Throws on an empty vector: the minimum of no elements does not exist, and a
   * `bigint | undefined` result would pass a silent wrong value on.
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  min(): bigint {
    const data = this.#storage('TVec.min');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.min');
    let best = data[0];
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x < best) best = x;
    }
    return best;
  }

  /**
   * The largest element.
   *
   * Throws on an empty vector: the maximum of no elements does not exist, and a
   * `bigint | undefined` result would pass a silent wrong value on.
   *
   * @throws EmptyError when the vector is empty.
   * @group Kernels
   */
  max(): bigint {
    const data = this.#storage('TVec.max');
    const length = this.#length;
    if (length === 0) throwEmptyError('TVec.max');
    let best = data[0];
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x > best) best = x;
    }
    return best;
  }

  /**
   * The index of the smallest element; the first such index when it occurs more
   * than once.
   *
   * Throws on an empty vector, which has no index to return.
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
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x < best) {
        best = x;
        at = i;
      }
    }
    return at;
  }

  /**
   * The index of the largest element; the first such index when it occurs more
   * than once.
   *
   * Throws on an empty vector, which has no index to return.
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
    for (let i = 1; i < length; i++) {
      const x = data[i];
      if (x > best) {
        best = x;
        at = i;
      }
    }
    return at;
  }

  /**
   * The exact dot product as a `bigint` (not wrapped to 64 bits); `0n` for empty vectors.
   *
   * @param other - a TVec or a `TArray` of the same length.
   * @throws RangeError when the lengths differ.
   * @throws TypeError when `other` is not a TVec or a `TArray`.
   * @group Kernels
   */
  dot(other: TVec | TArray): bigint {
    const data = this.#storage('TVec.dot');
    const length = this.#length;
    const b = this.#operand('TVec.dot', other, null, false);
    let total = 0n;
    for (let i = 0; i < length; i++) total += data[i] * b[i];
    return total;
  }

  /**
   * The exact sum of the squared elements as a `bigint` (not wrapped); `0n` when empty.
   *
   * @group Kernels
   */
  sumOfSquares(): bigint {
    const data = this.#storage('TVec.sumOfSquares');
    const length = this.#length;
    let total = 0n;
    for (let i = 0; i < length; i++) {
      const x = data[i];
      total += x * x;
    }
    return total;
  }

  //@endpart
}
