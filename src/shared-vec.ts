/**
 * `SharedVec`: one writer thread, any number of reader threads, one vector in a
 * `SharedArrayBuffer` with a published length. The writer's `vec` is an ordinary vector
 * (its hot paths unchanged); `publish()` makes its current length visible with one atomic
 * store; a reader's `sync()` adopts the published length with one atomic load, so a reader
 * never sees an element at or past it.
 *
 * @module
 */

import { pinName } from './class-name.js';
import { classTag, throwSharedVecError, throwReaderWrite, throwSharedMemoryUnavailable } from './errors.js';
import { F16Vec, F32Vec, F64Vec, I16Vec, I32Vec, I64Vec, I8Vec, U16Vec, U32Vec, U64Vec, U8ClampedVec, U8Vec } from './generated/index.js';
import type { TypedVecClass, TypedVecOf } from './generated/index.js';
import { checkCapacity, releaserOf } from './internal.js';
import { CAPACITY, type HeaderOwner, KIND, PUBLICATION_HEADER_BYTES, Publication, type PublishedData, attachHeader, loadPublishedLength, makeHeader, publicationBuffer } from './publication.js';
import { readOnlyPrototype } from './restricted.js';
import { rowKitOf } from './row-kit.js';

/** A SharedVec's header (src/publication.ts): `"SVEC"` as a little-endian int32 is its magic; KIND holds the element kind's code. */
const OWNER: HeaderOwner = { name: 'SharedVec', magic: 0x43455653 };

/** Bytes before the elements: the header, padded to a 64-byte line. */
export const SHARED_VEC_HEADER_BYTES = PUBLICATION_HEADER_BYTES;

/** The element kinds by the code the header stores: the order is part of the layout, never reordered. */
const KIND_CODES = ['f64', 'f32', 'f16', 'i32', 'u32', 'i16', 'u16', 'i8', 'u8', 'u8c', 'i64', 'u64'] as const;

/** The class of each kind. */
const CLASSES: Readonly<Record<(typeof KIND_CODES)[number], TypedVecClass>> = {
  f64: F64Vec, f32: F32Vec, f16: F16Vec, i32: I32Vec, u32: U32Vec, i16: I16Vec, u16: U16Vec, i8: I8Vec, u8: U8Vec, u8c: U8ClampedVec, i64: I64Vec, u64: U64Vec,
};

/** The element id of a typed vector class (`'f32'` for `typeof F32Vec`). */
export type SharedVecKind = TypedVecClass['elementType'];

/** The vector of the class whose element id is `K`, at capacity `M`. */
export type VecOfKind<K extends SharedVecKind, M extends number> = TypedVecOf<
  Extract<
    TypedVecClass,
    {
      /** The class's element id. */
      readonly elementType: K;
    }
  >,
  M
>;

/**
 * What `descriptor()` returns and `SharedVec.attach` takes: a plain object that
 * `postMessage` clones (the `SharedArrayBuffer` is shared, not copied).
 */
export interface SharedVecDescriptor<K extends SharedVecKind = SharedVecKind, M extends number = number> {
  /** The buffer: the header, then the elements. */
  readonly buffer: SharedArrayBuffer;
  /** Always 0: a SharedVec's buffer is its own. */
  readonly byteOffset: number;
  /** The vector's capacity. */
  readonly capacity: M;
  /** The element id of the vector's class. */
  readonly kind: K;
}

/** The reader prototype of each class, made on first use. */
const READER_PROTOTYPES = new WeakMap<object, object>();

/**
 * `cls.prototype` made read-only ({@link readOnlyPrototype}): a reader's vector shows
 * memory another thread writes, so nothing may write it through the reader. A prototype
 * between the vector and its class, as a table column's lock is, leaves the class's methods
 * and every other vector unchanged.
 */
function readerPrototype(cls: TypedVecClass): object {
  let proto = READER_PROTOTYPES.get(cls);
  if (proto === undefined) {
    proto = readOnlyPrototype(cls.prototype, rowKitOf(cls)!.className, (where, _vec, hint) => throwReaderWrite(where, hint));
    READER_PROTOTYPES.set(cls, proto);
  }
  return proto;
}

/**
 * A vector shared between threads: one writer, any number of readers.
 *
 * - `SharedVec.create(F32Vec, 4096)` makes the writer: `w.vec` is an ordinary
 *   `F32Vec<4096>` in a new `SharedArrayBuffer`; write it as any vector, then `w.publish()`.
 * - `SharedVec.attach(w.descriptor())` (in another thread, after `postMessage`) makes a
 *   reader: `r.sync()` gives `r.vec` the published length, and `r.vec` reads as any vector
 *   but refuses every call that would write it (a TypeError naming the method; the kernels
 *   with `out` still run).
 * - A reader never sees an element at or past the published length. Elements below it
 *   that the writer rewrites after a publish may be read mid-rewrite: `sequence` changes on
 *   every publish, so a reader can tell that a rewrite was published.
 * - Waiting: `changed(last, ms)` blocks with `Atomics.wait` (workers only: a browser's main
 *   thread and audio worklets cannot block), `changedAsync(last, ms)` works everywhere.
 *
 * @typeParam K - the element id of the vector's class: `'f32'`.
 * @typeParam M - the capacity.
 */
export class SharedVec<K extends SharedVecKind = SharedVecKind, M extends number = number> extends Publication {
  static {
    pinName(this, 'SharedVec');
  }

  // Invariant: #vec lies over the buffer after the header (whose KIND slot holds #kind's
  // code); a reader's #vec has the reader prototype and changes length only in sync().
  readonly #vec: VecOfKind<K, M>;
  readonly #kind: K;

  private constructor(header: Int32Array, vec: VecOfKind<K, M>, writer: boolean, kind: K, capacity: M) {
    const setLength = rowKitOf(CLASSES[kind])!.setLength;
    super(OWNER, header, writer, capacity, vec as unknown as PublishedData, (length) => setLength.call(vec as object, length));
    this.#vec = vec;
    this.#kind = kind;
  }

  /**
   * The writer of a new shared vector: an empty `capacity`-element vector of `cls` in a new
   * `SharedArrayBuffer`, with the header that `attach` checks.
   *
   * @param cls - a typed vector class: `F64Vec`, `F32Vec`, `I16Vec`, ...
   * @param capacity - an integer from 0 to 2^32 - 1 (the buffer must fit in memory).
   * @throws TypeError for a class that is not a typed vector class, or where there is no
   * `SharedArrayBuffer` (a page that is not cross-origin isolated).
   * @throws RangeError or TypeError for a bad capacity.
   */
  static create<C extends TypedVecClass, const M extends number>(cls: C, capacity: M): SharedVec<C['elementType'], M> {
    const where = 'SharedVec.create';
    if (releaserOf(cls) === undefined) throwSharedVecError(where, 'cls', cls, 'a typed vector class such as F32Vec');
    checkCapacity(where, capacity);
    if (typeof SharedArrayBuffer !== 'function') throwSharedMemoryUnavailable(where);
    const buffer = new SharedArrayBuffer(SHARED_VEC_HEADER_BYTES + capacity * cls.BYTES_PER_ELEMENT);
    const header = makeHeader(OWNER, buffer, KIND_CODES.indexOf(cls.elementType), capacity);
    const vec = cls.over(buffer, SHARED_VEC_HEADER_BYTES, capacity) as unknown as VecOfKind<C['elementType'], M>;
    return new SharedVec<C['elementType'], M>(header, vec, true, cls.elementType, capacity);
  }

  /**
   * A reader of the shared vector that `descriptor` describes, checked against the header
   * in its buffer. `r.vec` starts with the length published last.
   *
   * @param descriptor - what `descriptor()` of the writer (or of another reader) returned.
   * @param cls - the class the caller expects; a vector of another class is rejected.
   * @throws TypeError when `descriptor` is not such an object, its buffer is not a
   * `SharedArrayBuffer`, the header is not a SharedVec header of this version, or its kind
   * or capacity differ from the descriptor's (or from `cls`).
   */
  static attach<K extends SharedVecKind, M extends number>(descriptor: SharedVecDescriptor<K, M>, cls?: TypedVecClass): SharedVec<K, M> {
    const where = 'SharedVec.attach';
    const header = attachHeader(where, OWNER, descriptor);
    const { buffer, capacity, kind } = descriptor;
    const headerKind = KIND_CODES[Atomics.load(header, KIND)];
    if (headerKind === undefined || headerKind !== kind) throwSharedVecError(where, 'descriptor.kind', kind, `the kind in the header, '${headerKind}'`);
    if (cls !== undefined && cls.elementType !== headerKind) {
      throwSharedVecError(where, 'cls', classTag(cls), `the class of the vector in the header, ${classTag(CLASSES[headerKind])}`);
    }
    const cap = Atomics.load(header, CAPACITY) >>> 0;
    const target = CLASSES[headerKind];
    if (cap !== capacity || SHARED_VEC_HEADER_BYTES + cap * target.BYTES_PER_ELEMENT > buffer.byteLength) {
      throwSharedVecError(where, 'descriptor.capacity', capacity, `the capacity in the header, ${cap}, within the buffer`);
    }
    const published = loadPublishedLength(where, header, cap);
    const vec = target.assumeInit(buffer, SHARED_VEC_HEADER_BYTES, cap, published);
    Object.setPrototypeOf(vec, readerPrototype(target));
    return new SharedVec<K, M>(header, vec as unknown as VecOfKind<K, M>, false, headerKind as K, cap as M);
  }

  /** The vector: the writer's, to write; a reader's, to read (it refuses writes). */
  get vec(): VecOfKind<K, M> {
    return this.#vec;
  }

  /** A plain, cloneable object to post to the threads that read: `SharedVec.attach` takes it. */
  descriptor(): SharedVecDescriptor<K, M> {
    return { buffer: publicationBuffer(this), byteOffset: 0, capacity: this.capacity as M, kind: this.#kind };
  }
}
