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
/** How many views a ring's {@link Views} cache holds at first, and the fewest a history's holds; a power of two. */
const VIEW_SLOTS = 64;

/** The most slots a {@link Views} cache grows to, whatever the capacity. */
const MAX_VIEW_SLOTS = 16384;

/**
 * A number of cache slots for `capacity` elements: one per `elementsPerSlot`, rounded up to
 * a power of two, from {@link VIEW_SLOTS} to `most` (a power of two).
 */
function slotsFor(capacity: number, elementsPerSlot: number, most: number): number {
  const wanted = Math.ceil(capacity / elementsPerSlot);
  if (wanted <= VIEW_SLOTS) return VIEW_SLOTS;
  if (wanted >= most) return most;
  return 2 ** (32 - Math.clz32(wanted - 1));
}

/**
 * The most slots a cache of views of a ring or history of `capacity` elements grows to: one
 * per 16 elements of capacity, from {@link VIEW_SLOTS} to {@link MAX_VIEW_SLOTS}. So blocks
 * of 16 elements or more, in a ring or history of up to 2^18 elements, end with a slot per
 * region they visit.
 */
function maxViewSlots(capacity: number): number {
  return slotsFor(capacity, 16, MAX_VIEW_SLOTS);
}

/**
 * Views of one data region, made once per region and then reused. The caller picks the
 * slot a region lives in (see {@link Views.at} and {@link Views.lookUp}), so that the
 * regions it asks for in turn take different slots. When they keep displacing each other
 * (more displacements than slots since the cache last grew), the cache doubles, up to its
 * maximum, and starts empty: a stream visiting more regions than the first size holds
 * (a ring of 512 blocks of 128) then allocates for a few laps and never again.
 */
class Views {
  // #slots is a power of two from the initial size to #maxSlots; #views, #offsets and
  // #lengths have #slots entries each. Slot s is keyed by (#offsets[s], #lengths[s]) and
  // #views[s] is #data's elements [#offsets[s], #offsets[s] + #lengths[s]), or #empty while
  // that view was not made yet. #lengths[s] === 0: unused. #displaced counts the used slots
  // given to another region since the cache last grew.
  #slots: number;
  readonly #maxSlots: number;
  readonly #data: TArray;
  readonly #empty: TArray;
  #views: TArray[];
  #offsets: Int32Array;
  #lengths: Int32Array;
  #displaced = 0;

  /**
   * A cache of `slots` views of `data` (a power of two, at least {@link VIEW_SLOTS}), none
   * made yet, that may grow to `maxSlots` (a power of two, at least `slots`).
   */
  constructor(data: TArray, slots = VIEW_SLOTS, maxSlots = slots) {
    this.#data = data;
    this.#empty = data.subarray(0, 0);
    this.#slots = slots;
    this.#maxSlots = maxSlots;
    this.#views = new Array<TArray>(slots).fill(this.#empty);
    this.#offsets = new Int32Array(slots);
    this.#lengths = new Int32Array(slots);
  }

  /** The number of slots now: a power of two. */
  get slots(): number {
    return this.#slots;
  }

  /**
   * {@link Views.lookUp} for blocks of one length at multiples of it (a ring's): a region
   * of length L at offset O lives in slot ((O >>> floor(log2 L)) + L) mod slots, so that
   * consecutive blocks of one length take consecutive slots (blocks of one length in a
   * ring of at most as many blocks as slots never miss).
   */
  at(offset: number, length: number, make: boolean): TArray | null {
    return this.lookUp(((offset >>> (31 - Math.clz32(length))) + length) & (this.#slots - 1), offset, length, make);
  }

  /**
   * The view of `[offset, offset + length)` of the data, cached in slot `slot` (below
   * `slots`). When it is not cached, `make` decides: true makes it (an
   * allocation) and caches it; false records the region and returns null, so that a region
   * seen once costs nothing and one seen twice in a row gets its view. Only a hit is
   * handled here, so that the method stays small enough for the optimizing compiler to
   * inline into its caller; the rest is {@link Views.#miss}.
   */
  lookUp(slot: number, offset: number, length: number, make: boolean): TArray | null {
    if (this.#offsets[slot] === offset && this.#lengths[slot] === length && length !== 0) {
      const view = this.#views[slot];
      if (view !== this.#empty) return view;
    }
    return this.#miss(slot, offset, length, make);
  }

  /** {@link Views.lookUp} when slot `slot` holds no view of the region. */
  #miss(slot: number, offset: number, length: number, make: boolean): TArray | null {
    if (length === 0) return this.#empty;
    if (this.#offsets[slot] !== offset || this.#lengths[slot] !== length) {
      if (this.#lengths[slot] !== 0 && ++this.#displaced > this.#slots && this.#slots < this.#maxSlots) {
        // `slot` was picked for the old size: this region is cached from its next call on.
        this.#grow();
        return make ? this.#data.subarray(offset, offset + length) : null;
      }
      this.#offsets[slot] = offset;
      this.#lengths[slot] = length;
      this.#views[slot] = this.#empty;
      if (!make) return null;
    }
    // Recorded already (by a call that did not make it, or just now): made and cached now.
    return (this.#views[slot] = this.#data.subarray(offset, offset + length));
  }

  /** Doubles the slots, all unused. */
  #grow(): void {
    const slots = this.#slots * 2;
    this.#slots = slots;
    this.#views = new Array<TArray>(slots).fill(this.#empty);
    this.#offsets = new Int32Array(slots);
    this.#lengths = new Int32Array(slots);
    this.#displaced = 0;
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
export { Views, VIEW_SLOTS, maxViewSlots, slotsFor };
