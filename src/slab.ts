/**
 * `Slab`: one buffer, many vectors. A bump allocator that hands out typed vectors of any
 * element type from one `ArrayBuffer`, `SharedArrayBuffer` or `WebAssembly.Memory`, and
 * takes them all back at once with {@link Slab.reset}.
 *
 * @module
 */

import { pinName } from './class-name.js';
import { throwAllocationError, throwFloat16Unavailable, throwNotAVectorClass, throwNotAnObject, throwRegionError, throwSharedMemoryUnavailable, throwSlabFullError } from './errors.js';
import { type Releaser, checkCapacity, checkNonNegativeInteger, markSlabBuffer, releaserOf } from './internal.js';
import type { TypedVecClass, TypedVecOf } from './generated/index.js';
import { type Memory, bufferOf } from './memory.js';

/**
 * Allocates a vector of each `[class, capacity]` of `requests` from `slab`, in order, or
 * none of them: where the last one would end, alignment included, is worked out first.
 * What `Table.alloc` uses; set by {@link Slab}'s static block (it needs the private fields).
 *
 * @returns the vectors, or, when they do not all fit, the bytes in use they would need.
 * @throws what {@link Slab.alloc} throws for a class that is not a typed vector class, a bad
 * capacity or a detached buffer, before anything is allocated.
 * @internal
 */
export let allocateAll: (slab: Slab, where: string, requests: readonly (readonly [TypedVecClass, number])[]) => object[] | number;

/**
 * Makes the next `new Slab(...)` (or the `super(...)` of a subclass) a slab over
 * `[start, end)` of `buffer`, as {@link Slab.over} does: how `WasmSlab` lays its slab over
 * its own memory. Set by {@link Slab}'s static block.
 *
 * @internal
 */
export let presetSlabRegion: (buffer: ArrayBuffer | SharedArrayBuffer, start: number, end: number) => void;

/**
 * A bump allocator of vectors over one buffer.
 *
 * - `alloc(F64Vec, 256)` returns an empty `F64Vec<256>` over the next free region, aligned
 *   for its element type; regions never overlap.
 * - `reset()` makes the whole slab free again and releases every vector handed out before:
 *   any later call on one of them throws `ReleasedError`, so a stale handle can neither read
 *   what the next owner writes nor write into the next owner's memory. The hot methods pay
 *   nothing for this check (see docs/benchmarks.md).
 * - A vector taken after a reset starts empty, and a slot becomes readable only once it has
 *   been written through the new vector: no public path shows an earlier owner's data.
 *
 * Raw reads of `slab.buffer` (for example `new Float64Array(slab.buffer)`) see everything,
 * as any typed array over the buffer would: the safety promise covers the vectors.
 *
 * @example
 * ```ts
 * const slab = new Slab(64 * 1024);
 * const xs = slab.alloc(F32Vec, 1024);   // F32Vec<1024>
 * const ids = slab.alloc(U16Vec, 1024);  // U16Vec<1024>
 * xs.push(1.5);
 * slab.reset();                          // xs and ids are released
 * xs.push(2);                            // ReleasedError
 * ```
 */
export class Slab {
  static {
    pinName(this, 'Slab');
  }

  // Invariant: #start <= #start + #used <= #end <= #buffer.byteLength; the vectors in
  // #vectors occupy disjoint regions inside [#start, #start + #used) and are exactly the
  // ones handed out since the last reset, each beside its class's releaser in #releasers.
  readonly #buffer: ArrayBuffer | SharedArrayBuffer;
  readonly #start: number;
  readonly #end: number;
  #used = 0;
  #vectors: object[] = [];
  #releasers: Releaser[] = [];

  /** The region {@link Slab.over} hands to the constructor it calls; null otherwise. */
  static #pendingRegion: { buffer: ArrayBuffer | SharedArrayBuffer; start: number; end: number } | null = null;

  /**
   * A slab with its own zeroed buffer of `byteLength` bytes.
   *
   * @param byteLength - a non-negative integer.
   * @param options - `shared: true` allocates a `SharedArrayBuffer`, to hand to workers.
   * @throws TypeError or RangeError when `byteLength` is not a non-negative integer, or
   * `options` is not an object.
   * @throws TypeError when `shared: true` is asked for where `SharedArrayBuffer` does not
   * exist (a browser page that is not cross-origin isolated).
   * @throws RangeError when the engine cannot allocate `byteLength` bytes.
   */
  constructor(byteLength: number, options: { readonly shared?: boolean } = {}) {
    const region = Slab.#pendingRegion;
    Slab.#pendingRegion = null;
    if (region !== null) {
      this.#buffer = region.buffer;
      this.#start = region.start;
      this.#end = region.end;
    } else {
      checkNonNegativeInteger('Slab', 'byteLength', byteLength);
      if (typeof options !== 'object' || options === null) throwNotAnObject('Slab', 'options', options, '{ shared: true }');
      this.#buffer = allocateBuffer('Slab', byteLength, options.shared === true);
      this.#start = 0;
      this.#end = byteLength;
    }
    markSlabBuffer(this.#buffer); // its vectors do not own it: transfer() refuses them
  }

  /**
   * A slab over existing memory: the `byteLength` bytes of `memory` from `byteOffset` on
   * (by default, all of it from there). Nothing is copied or cleared.
   *
   * @param memory - an `ArrayBuffer`, `SharedArrayBuffer` or `WebAssembly.Memory` (its current
   * buffer; after `grow()` allocation throws, since that buffer is detached).
   * @throws TypeError for memory of another kind, a resizable or a detached buffer.
   * @throws RangeError when the region runs past the end of the buffer.
   */
  static over(memory: Memory, byteOffset = 0, byteLength?: number): Slab {
    const buffer = bufferOf('Slab.over', memory);
    checkNonNegativeInteger('Slab.over', 'byteOffset', byteOffset);
    // Only an omitted byteLength means "the rest of the buffer": null is an error like any other.
    const length = byteLength === undefined ? buffer.byteLength - byteOffset : byteLength;
    checkNonNegativeInteger('Slab.over', 'byteLength', length);
    if (byteOffset + length > buffer.byteLength) throwRegionError('Slab.over', byteOffset, byteOffset + length, buffer.byteLength, '');
    Slab.#pendingRegion = { buffer, start: byteOffset, end: byteOffset + length };
    return new Slab(length);
  }

  /** The whole underlying buffer (post it to a worker, or build views of your own). */
  get buffer(): ArrayBuffer | SharedArrayBuffer {
    return this.#buffer;
  }

  /** Where the slab's region starts in {@link Slab.buffer}. */
  get byteOffset(): number {
    return this.#start;
  }

  /** The size of the slab's region in bytes. */
  get byteLength(): number {
    return this.#end - this.#start;
  }

  /** Bytes handed out since the last reset, alignment padding included. */
  get used(): number {
    return this.#used;
  }

  /** Bytes still free. A request may need up to `BYTES_PER_ELEMENT - 1` more for alignment. */
  get remaining(): number {
    return this.#end - this.#start - this.#used;
  }

  /** How many vectors were handed out since the last reset. */
  get allocations(): number {
    return this.#vectors.length;
  }

  /**
   * An empty vector of class `cls` with room for `capacity` elements, in the next free
   * region aligned for its element type.
   *
   * @param cls - a typed vector class: `F64Vec`, `F32Vec`, `U8Vec`, ...
   * @param capacity - an integer from 0 to 2^32 - 1.
   * @throws CapacityError when the vector does not fit; the slab is unchanged. Its fields
   * count bytes: `capacity` is the slab's `byteLength`, `length` its bytes `used`, and
   * `requiredLength` the bytes in use the allocation would need, alignment included;
   * `value` is the number of elements asked for.
   * @throws TypeError or RangeError when `capacity` is not such an integer.
   */
  alloc<C extends TypedVecClass, const M extends number>(cls: C, capacity: M): TypedVecOf<C, M> {
    const vec = this.#allocate('Slab.alloc', cls, capacity);
    if (vec === null) {
      const align = cls.BYTES_PER_ELEMENT;
      const requiredUsed = this.#alignedStart(align) + capacity * align - this.#start;
      throwSlabFullError('Slab.alloc', capacity, align, this.byteLength, this.#used, requiredUsed);
    }
    return vec;
  }

  /**
   * Like {@link Slab.alloc}, but returns `null` (and changes nothing) when the vector does not fit.
   *
   * @throws TypeError or RangeError when `capacity` is not an integer from 0 to 2^32 - 1.
   */
  tryAlloc<C extends TypedVecClass, const M extends number>(cls: C, capacity: M): TypedVecOf<C, M> | null {
    return this.#allocate('Slab.tryAlloc', cls, capacity);
  }

  /**
   * Frees the whole slab for reuse and releases every vector handed out since the last
   * reset: any later call on one of them throws `ReleasedError`. The memory is not cleared;
   * new vectors start empty and never show what it held.
   */
  reset(): void {
    const vectors = this.#vectors;
    const releasers = this.#releasers;
    this.#vectors = [];
    this.#releasers = [];
    this.#used = 0;
    for (let i = 0; i < vectors.length; i++) releasers[i](vectors[i]);
  }

  static {
    // An arrow over `this`'s private method: see the typed vector classes' static blocks.
    allocateAll = (slab, where, requests) => slab.#allocateAll(where, requests);
    presetSlabRegion = (buffer, start, end) => {
      Slab.#pendingRegion = { buffer, start, end };
    };
  }

  /** {@link allocateAll} on this slab. */
  #allocateAll(where: string, requests: readonly (readonly [TypedVecClass, number])[]): object[] | number {
    let end = this.#start + this.#used;
    for (const [cls, capacity] of requests) {
      if (releaserOf(cls) === undefined) throwNotAVectorClass(where, cls);
      checkCapacity(where, capacity);
      end = this.#alignedFrom(end, cls.BYTES_PER_ELEMENT) + capacity * cls.BYTES_PER_ELEMENT;
    }
    bufferOf(where, this.#buffer); // a WebAssembly.Memory.grow() may have detached it
    if (end > this.#end) return end - this.#start;
    return requests.map(([cls, capacity]) => this.#allocate(where, cls, capacity)!);
  }

  #allocate<C extends TypedVecClass, M extends number>(where: string, cls: C, capacity: M): TypedVecOf<C, M> | null {
    // The class first: anything else (OptionVec, a plain function, undefined) has no releaser.
    const release = releaserOf(cls);
    if (release === undefined) return throwNotAVectorClass(where, cls);
    // An F16Vec loaded without Float16Array has a stand-in as its Array. F16Vec.over would
    // throw too, but under its own name rather than the slab method called.
    if (cls.elementType === 'f16' && cls.Array !== globalThis.Float16Array) throwFloat16Unavailable(where);
    checkCapacity(where, capacity);
    bufferOf(where, this.#buffer); // a WebAssembly.Memory.grow() may have detached it
    const align = cls.BYTES_PER_ELEMENT;
    const byteOffset = this.#alignedStart(align);
    const end = byteOffset + capacity * align;
    if (end > this.#end) return null;
    const vec = cls.over(this.#buffer, byteOffset, capacity) as TypedVecOf<C, M>;
    this.#vectors.push(vec);
    this.#releasers.push(release);
    this.#used = end - this.#start;
    return vec;
  }

  /** The first free byte offset aligned to `align` bytes. */
  #alignedStart(align: number): number {
    return this.#alignedFrom(this.#start + this.#used, align);
  }

  /** `offset` rounded up to a multiple of `align`. */
  #alignedFrom(offset: number, align: number): number {
    return Math.ceil(offset / align) * align;
  }
}

/** A new zeroed buffer of `byteLength` bytes, shared or not, with a slabvec error where the engine refuses. */
function allocateBuffer(where: string, byteLength: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  if (shared && typeof SharedArrayBuffer !== 'function') throwSharedMemoryUnavailable(where);
  try {
    return shared ? new SharedArrayBuffer(byteLength) : new ArrayBuffer(byteLength);
  } catch (error) {
    return throwAllocationError(where, byteLength, error);
  }
}
