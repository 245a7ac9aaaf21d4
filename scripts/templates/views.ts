/**
 * The view cache of the ring and history classes, spliced into `ring.ts` and `history.ts`
 * at `//@include views`: views of a data region, made once per region and then reused, so
 * that a ring's chunks and `popInto` and a history's `window()` allocate nothing while
 * their regions repeat. Each element type gets its own copy, so its lookups stay
 * monomorphic.
 *
 * @module
 */

// Scaffolding import, for the type checker only (the including template has its own).
import { TArray } from './instance';

//@part
/** How many views a ring's {@link Views} cache holds, and the fewest a history's holds; a power of two. */
const VIEW_SLOTS = 64;

/**
 * Views of one data region, made once per region and then reused. The caller picks the
 * slot a region lives in (see {@link Views.at} and {@link Views.lookUp}), so that the
 * regions it asks for in turn take different slots.
 */
class Views {
  /** The number of slots: a power of two, {@link VIEW_SLOTS} unless the caller asked for more. */
  readonly slots: number;
  readonly #data: TArray;
  readonly #empty: TArray;
  // Slot s is keyed by (#offsets[s], #lengths[s]) and #views[s] is #data's elements
  // [#offsets[s], #offsets[s] + #lengths[s]), or #empty while that view was not made yet.
  // #lengths[s] === 0: unused.
  readonly #views: TArray[];
  readonly #offsets: Int32Array;
  readonly #lengths: Int32Array;

  /** A cache of `slots` views of `data` (a power of two, at least {@link VIEW_SLOTS}), none made yet. */
  constructor(data: TArray, slots = VIEW_SLOTS) {
    this.slots = slots;
    this.#data = data;
    this.#empty = data.subarray(0, 0);
    this.#views = new Array<TArray>(slots).fill(this.#empty);
    this.#offsets = new Int32Array(slots);
    this.#lengths = new Int32Array(slots);
  }

  /**
   * {@link Views.lookUp} for blocks of one length at multiples of it (a ring's): a region
   * of length L at offset O lives in slot ((O >>> floor(log2 L)) + L) mod slots, so that
   * consecutive blocks of one length take consecutive slots (128-element blocks in a ring
   * of up to 64 blocks never miss).
   */
  at(offset: number, length: number, make: boolean): TArray | null {
    if (length === 0) return this.#empty;
    return this.lookUp(((offset >>> (31 - Math.clz32(length))) + length) & (this.slots - 1), offset, length, make);
  }

  /**
   * The view of `[offset, offset + length)` of the data, cached in slot `slot` (below
   * `slots`). When it is not cached, `make` decides: true makes it (an
   * allocation) and caches it; false records the region and returns null, so that a region
   * seen once costs nothing and one seen twice in a row gets its view.
   */
  lookUp(slot: number, offset: number, length: number, make: boolean): TArray | null {
    if (length === 0) return this.#empty;
    if (this.#offsets[slot] === offset && this.#lengths[slot] === length) {
      const view = this.#views[slot];
      if (view !== this.#empty) return view;
      make = true;
    } else {
      this.#offsets[slot] = offset;
      this.#lengths[slot] = length;
      this.#views[slot] = this.#empty;
    }
    if (!make) return null;
    return (this.#views[slot] = this.#data.subarray(offset, offset + length));
  }

  /**
   * Lays `chunk` over the `n` slots from `offset` on: `first` up to the end of the data,
   * `second` the rest from slot 0 (empty when the region does not wrap).
   */
  lay(chunk: { first: TArray; second: TArray; length: number }, offset: number, n: number): void {
    const first = this.#data.length - offset;
    if (n <= first) {
      chunk.first = this.at(offset, n, true)!;
      chunk.second = this.#empty;
    } else {
      chunk.first = this.at(offset, first, true)!;
      chunk.second = this.at(0, n - first, true)!;
    }
    chunk.length = n >>> 0;
  }
}

//@endpart
export { Views, VIEW_SLOTS };
