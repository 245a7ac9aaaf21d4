/**
 * The window kernels of the number history classes, spliced into the class of
 * `history.ts` at `//@include history-kernels`. The bigint classes take theirs from
 * `history-bigint-kernels.ts`.
 *
 * Each kernel runs the loop of the vector kernel of the same name (scripts/templates/
 * kernels.ts) over the window's run of the mirrored buffer, `[start, end)`, with its leaves
 * starting at `start`: the result is bit for bit what the vector kernel returns for a vector
 * holding the window. Every index is below 2^30 (the capacity is at most 2^29), so the
 * loops need no long form.
 *
 * @module
 */

// Scaffolding imports, for the type checker only (the class's imports are in history.ts).
import { throwEmptyError, throwWindowMismatch } from '../../src/errors.js';
import { TArray, type TElem } from './instance';

export class THistory {
  // Scaffolding: the members of history.ts that the kernels use.
  #data = new TArray(2);
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
    return new TArray(0);
  }

  //@part
  // ---------------------------------------------------------------------------------
  // Window kernels, from scripts/templates/history-kernels.ts: each works on the newest
  // `n` samples (all of them when `n` is absent), the run `[end - n, end)` of #data with
  // `end = #head + #capacity`, through the loops of the vector kernels.
  // ---------------------------------------------------------------------------------

  /** The partial sums of the pairwise kernels (never reentered: they call no user code). */
  static #stack = /* @__PURE__ */ new Float64Array(32);

  /**
   * The sum of the newest `n` samples; `0` for an empty window.
   *
   * Summed pairwise exactly as `TVec.sum` sums a vector holding the window (leaves of
   * {{sumBlock}} samples through {{sumLanes}} lanes, merged like a binary counter), so the
   * result and its error bound are that method's: bit for bit
   * `TVec.from(h.window(n)).sum()`.
   *
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError or RangeError when `n` is not such an integer.
   * @group Window
   */
  sum(n?: number): number {
    const data = this.#storage('THistory.sum');
    const end = (this.#head + this.#capacity) & 0x3fff_ffff;
    const start = end - this.#count('THistory.sum', n);
    if (start === end) return 0;
    const stack = THistory.#stack;
    let top = 0;
    let leaves = 0;
    let lo = start;
    for (const last = end - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let i = lo, stop = lo + 128; i < stop; i += 4) {
        s0 += data[i]; s1 += data[i + 1]; s2 += data[i + 2]; s3 += data[i + 3];
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = end - ((end - lo) & 3);
    for (let i = lo; i < mid; i += 4) {
      s0 += data[i]; s1 += data[i + 1]; s2 += data[i + 2]; s3 += data[i + 3];
    }
    let tail = -0;
    for (let i = mid; i < end; i++) tail += data[i];
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0
    //@endif
  }

  /**
   * The mean of the newest `n` samples, `sum(n) / n`: the error of {@link THistory.sum}
   * plus one rounding.
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty (a `NaN` mean would flow on silently).
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  mean(n?: number): number {
    this.#storage('THistory.mean');
    const count = this.#count('THistory.mean', n);
    if (count === 0) throwEmptyError('THistory.mean', 'the window');
    return this.sum(count) / count;
  }

  /**
   * The smallest of the newest `n` samples.
   //@if float
   * `NaN` if any is `NaN`, as `Math.min` does; `min` of `-0` and `0` is `-0`.
   //@endif
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty.
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  min(n?: number): number {
    const data = this.#storage('THistory.min');
    const end = (this.#head + this.#capacity) & 0x3fff_ffff;
    const start = end - this.#count('THistory.min', n);
    if (start === end) throwEmptyError('THistory.min', 'the window');
    let best = data[start];
    //@if float
    // Math.min's result, in the vector kernel's tests, behind one comparison that most samples
    // of a signal pass (not a new minimum): 1.8x faster than the vector loop's order when
    // no sample is, as in a rising window (docs/design.md, "Histories"). A NaN `best` stays.
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x > best) continue;
      if (x < best) best = x;
      else if (x !== x) return x; // NaN: the result whatever follows
      else if (x === 0 && best === 0 && 1 / x < 0) best = x; // -0 is smaller than 0
    }
    //@else
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x < best) best = x;
    }
    //@endif
    return best;
  }

  /**
   * The largest of the newest `n` samples.
   //@if float
   * `NaN` if any is `NaN`, as `Math.max` does; `max` of `-0` and `0` is `0`.
   //@endif
   *
   * @param n - an integer in `[1, length]`; defaults to `length`.
   * @throws EmptyError when the window is empty.
   * @throws TypeError or RangeError when `n` is not an integer in `[0, length]`.
   * @group Window
   */
  max(n?: number): number {
    const data = this.#storage('THistory.max');
    const end = (this.#head + this.#capacity) & 0x3fff_ffff;
    const start = end - this.#count('THistory.max', n);
    if (start === end) throwEmptyError('THistory.max', 'the window');
    let best = data[start];
    //@if float
    // Math.max's result, behind one comparison that most samples pass (see min).
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x < best) continue;
      if (x > best) best = x;
      else if (x !== x) return x; // NaN: the result whatever follows
      else if (x === 0 && best === 0 && 1 / x > 0) best = x; // 0 is larger than -0
    }
    //@else
    for (let i = start + 1; i < end; i++) {
      const x = data[i];
      if (x > best) best = x;
    }
    //@endif
    return best;
  }

  /**
   * The sum of the squares of the newest `n` samples; `0` for an empty window. Summed
   * pairwise as `TVec.sumOfSquares` sums a vector holding the window (bit for bit).
   *
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError or RangeError when `n` is not such an integer.
   * @group Window
   */
  sumOfSquares(n?: number): number {
    const data = this.#storage('THistory.sumOfSquares');
    const end = (this.#head + this.#capacity) & 0x3fff_ffff;
    const start = end - this.#count('THistory.sumOfSquares', n);
    if (start === end) return 0;
    const stack = THistory.#stack;
    let top = 0;
    let leaves = 0;
    let lo = start;
    for (const last = end - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let i = lo, stop = lo + 128; i < stop; i += 4) {
        const x0 = data[i]; const x1 = data[i + 1]; const x2 = data[i + 2]; const x3 = data[i + 3];
        s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = end - ((end - lo) & 3);
    for (let i = lo; i < mid; i += 4) {
      const x0 = data[i]; const x1 = data[i + 1]; const x2 = data[i + 2]; const x3 = data[i + 3];
      s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3;
    }
    let tail = -0;
    for (let i = mid; i < end; i++) {
      const x0 = data[i];
      tail += x0 * x0;
    }
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0
    //@endif
  }

  /**
   * The dot product of the newest `n` samples (oldest first) with `taps`:
   * `window(n)[0] * taps[0] + ... + window(n)[n-1] * taps[n-1]`; `0` for an empty window.
   * Summed pairwise as `TVec.dot` sums it for a vector holding the window (bit for bit).
   * For an FIR filter whose taps are in time order, `dot(taps, taps.length)`.
   *
   * @param taps - a `TArray`, or a TVec, of length `n`.
   * @param n - an integer in `[0, length]`; defaults to `length`.
   * @throws TypeError when `taps` is neither, or `n` is not a number.
   * @throws RangeError when `n` is out of range or `taps` has another length than `n`.
   * @group Window
   */
  dot(taps: TArray | { view(): TArray }, n?: number): number {
    const b = THistory.#samples('THistory.dot', taps, 'taps');
    const data = this.#storage('THistory.dot');
    const end = (this.#head + this.#capacity) & 0x3fff_ffff;
    const count = this.#count('THistory.dot', n);
    if (b.length !== count) throwWindowMismatch('THistory.dot', count, b.length);
    if (count === 0) return 0;
    // Indices relative to the window: j into taps, o + j into the buffer.
    const o = end - count;
    const stack = THistory.#stack;
    let top = 0;
    let leaves = 0;
    let lo = 0;
    for (const last = count - 128; lo < last; lo += 128) {
      let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
      for (let j = lo, stop = lo + 128; j < stop; j += 4) {
        s0 += data[o + j] * b[j]; s1 += data[o + j + 1] * b[j + 1]; s2 += data[o + j + 2] * b[j + 2]; s3 += data[o + j + 3] * b[j + 3];
      }
      let leaf = (s0 + s1) + (s2 + s3);
      for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) leaf = stack[--top] + leaf;
      stack[top++] = leaf;
    }
    let s0 = -0, s1 = -0, s2 = -0, s3 = -0;
    const mid = count - ((count - lo) & 3);
    for (let j = lo; j < mid; j += 4) {
      s0 += data[o + j] * b[j]; s1 += data[o + j + 1] * b[j + 1]; s2 += data[o + j + 2] * b[j + 2]; s3 += data[o + j + 3] * b[j + 3];
    }
    let tail = -0;
    for (let j = mid; j < count; j++) tail += data[o + j] * b[j];
    let total = ((s0 + s1) + (s2 + s3)) + tail;
    for (let bits = ++leaves; (bits & 1) === 0; bits >>>= 1) total = stack[--top] + total;
    while (top > 0) total = stack[--top] + total;
    //@if float
    return total;
    //@else
    return total + 0; // an integer result is never -0
    //@endif
  }
  //@endpart
}

void (0 as unknown as TElem);
