/**
 * The window kernels of the bigint history classes (I64History, U64History), spliced into
 * the class of `history.ts` at `//@include history-bigint-kernels`: exact `bigint`
 * reductions, as the bigint vectors' (`bigint-reductions.ts`).
 *
 * @module
 */

// Scaffolding imports, for the type checker only (the class's imports are in history.ts).
import { throwEmptyError, throwWindowMismatch } from '../../src/errors.js';

/** The placeholder `TArray`, declared here as I64History's. */
type TArray = BigInt64Array;

export class THistory {
  // Scaffolding: the members of history.ts that the kernels use.
  #data = new BigInt64Array(2);
  #capacity = 1;
  #head = 0;
  #length = 0;
  #storage(_where: string): TArray {
    return this.#data;
  }
  #count(_where: string, n: number | undefined): number {
    return n ?? this.#length;
  }
  static #samples(_where: string, _source: unknown, _name: string): TArray {
    return new BigInt64Array(0);
  }

  //@part
  // ---------------------------------------------------------------------------------
  // Window kernels, from scripts/templates/history-bigint-kernels.ts: each works on the
  // newest `n` samples (all of them when `n` is absent), the run `[end - n, end)` of #data
  // with `end = #head + #capacity`. Exact bigint arithmetic, as the bigint vectors'.
  // ---------------------------------------------------------------------------------

  /**
   * The exact sum of the newest `n` samples, as a bigint (not wrapped); `0n` for an empty window.
   *
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError or RangeError when `n` is not such an integer.
   * @group Window
   */
  sum(n?: number): bigint {
    const data = this.#storage('THistory.sum');
    const end = this.#head + this.#capacity;
    let total = 0n;
    for (let i = end - this.#count('THistory.sum', n); i < end; i++) total += data[i];
    return total;
  }

  /**
   * The mean of the newest `n` samples, `Number(sum(n)) / n` (a number).
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty.
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  mean(n?: number): number {
    this.#storage('THistory.mean');
    const count = this.#count('THistory.mean', n);
    if (count === 0) throwEmptyError('THistory.mean', 'the window');
    return Number(this.sum(count)) / count;
  }

  /**
   * The smallest of the newest `n` samples.
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty.
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  min(n?: number): bigint {
    const data = this.#storage('THistory.min');
    const end = this.#head + this.#capacity;
    const start = end - this.#count('THistory.min', n);
    if (start === end) throwEmptyError('THistory.min', 'the window');
    let best = data[start];
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x < best) best = x;
    }
    return best;
  }

  /**
   * The largest of the newest `n` samples.
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty.
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  max(n?: number): bigint {
    const data = this.#storage('THistory.max');
    const end = this.#head + this.#capacity;
    const start = end - this.#count('THistory.max', n);
    if (start === end) throwEmptyError('THistory.max', 'the window');
    let best = data[start];
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x > best) best = x;
    }
    return best;
  }

  /**
   * The exact sum of the squares of the newest `n` samples, as a bigint; `0n` for an empty window.
   *
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError or RangeError when `n` is not such an integer.
   * @group Window
   */
  sumOfSquares(n?: number): bigint {
    const data = this.#storage('THistory.sumOfSquares');
    const end = this.#head + this.#capacity;
    let total = 0n;
    for (let i = end - this.#count('THistory.sumOfSquares', n); i < end; i++) {
      const x = data[i];
      total += x * x;
    }
    return total;
  }

  /**
   * The exact dot product of the newest `n` samples (oldest first) with `taps`, as a
   * bigint; `0n` for an empty window.
   *
   * @param taps - a `TArray`, or a TVec, of length `n`.
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError when `taps` is neither, or `n` is not a number.
   * @throws RangeError when `n` is out of range or `taps` has another length than `n`.
   * @group Window
   */
  dot(taps: TArray | { view(): TArray }, n?: number): bigint {
    const b = THistory.#samples('THistory.dot', taps, 'taps');
    const data = this.#storage('THistory.dot');
    const end = this.#head + this.#capacity;
    const count = this.#count('THistory.dot', n);
    if (b.length !== count) throwWindowMismatch('THistory.dot', count, b.length);
    let total = 0n;
    for (let i = end - count, j = 0; i < end; i++, j++) total += data[i] * b[j];
    return total;
  }
  //@endpart
}
