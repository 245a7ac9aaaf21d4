/**
 * The memory layout of a ring, and the checks that lay one out or attach to one. Shared by
 * every ring class: nothing here touches a ring's elements, only its header.
 *
 * A ring at `byteOffset` (a multiple of 8) is {@link HEADER_BYTES} of header, then
 * `capacity` elements (so the data is 8-byte aligned, for the 64-bit kinds). The header is
 * 32-bit words on three 64-byte lines, so that the two threads never write the same line:
 *
 * | line | written by | words |
 * |---|---|---|
 * | 0 | `create`/`over`, once | magic, version, kind, capacity, bytes per element |
 * | 1 | the producer (and a waiting consumer's flag) | write index, overruns |
 * | 2 | the consumer (and a waiting producer's flag) | read index, underruns |
 *
 * @module
 */

import { describeValue, throwArgumentError, throwDescriptorError, throwMisalignedError, throwNotSharedError, throwRegionError, throwRingHeaderError } from './errors.js';
import { bufferOf, isDetached } from './memory.js';

/** Bytes of header before the data: three 64-byte lines. */
export const HEADER_BYTES = 192;

/** 32-bit words of header. */
export const HEADER_WORDS = HEADER_BYTES / 4;

// Line 0, written once, the magic last: a header whose magic is set is complete.
/** Header word: {@link RING_MAGIC}. */
export const MAGIC = 0;
/** Header word: {@link RING_VERSION}. */
export const VERSION = 1;
/** Header word: the element type's code, {@link RING_KIND_IDS}`.indexOf(id) + 1`. */
export const KIND = 2;
/** Header word: the capacity, a power of two. */
export const CAPACITY = 3;
/** Header word: bytes per element. */
export const BYTES = 4;

// Line 1, the producer's. WRITE's bits 0-30 count every element ever committed, modulo 2^31
// (the write index), published with one Atomics.exchange per commit after the data is
// written. Its bit 31 ({@link WAITING}) is the consumer's: set with Atomics.or by a consumer
// about to wait for data; the exchange that publishes clears it, and a set flag tells the
// producer to Atomics.notify on WRITE. OVERRUNS is the producer's alone. (Word 18 held a
// count of waiting producers in layout version 1; it is unused.)
/** Header word: the free-running write index (bits 0-30) and the consumer's waiting flag (bit 31). */
export const WRITE = 16;
/** Header word: the overrun counter. */
export const OVERRUNS = 17;

// Line 2, the consumer's: the mirror of line 1, READ's bit 31 being a waiting producer's
// flag. (WRITE - READ) & INDEX_MASK is the number of readable slots, from 0 to the capacity
// (the flags drop out of the difference): no slot is wasted, and slot
// `index & (capacity - 1)` holds the element of a free-running index.
/** Header word: the free-running read index (bits 0-30) and the producer's waiting flag (bit 31). */
export const READ = 32;
/** Header word: the underrun counter. */
export const UNDERRUNS = 33;

/** Bit 31 of {@link WRITE} and {@link READ}: the other end waits for this word to change. */
export const WAITING = 1 << 31;

/** Bits 0-30 of {@link WRITE} and {@link READ}: the index. */
export const INDEX_MASK = 0x7fffffff;

/** The first header word: `"ring"` in little-endian ASCII. */
export const RING_MAGIC = 0x676e6972;

/** The layout version this code writes and accepts. */
export const RING_VERSION = 2;

/** The largest capacity: 2^30, so that `write - read` stays exact modulo 2^31, the indices' range. */
export const MAX_RING_CAPACITY = 2 ** 30;

/** The element type ids in the order of their header codes (code = index + 1): never reorder, only append. */
export const RING_KIND_IDS = ['f64', 'f32', 'f16', 'i32', 'u32', 'i16', 'u16', 'i8', 'u8', 'u8c', 'i64', 'u64'] as const;

/** The ring class of each element type id, for messages. */
const RING_CLASS_NAMES: Readonly<Record<string, string>> = {
  f64: 'F64Ring', f32: 'F32Ring', f16: 'F16Ring', i32: 'I32Ring', u32: 'U32Ring', i16: 'I16Ring',
  u16: 'U16Ring', i8: 'I8Ring', u8: 'U8Ring', u8c: 'U8ClampedRing', i64: 'I64Ring', u64: 'U64Ring',
};

/** The header code of the element type `id`. */
export function kindCode(id: string): number {
  return (RING_KIND_IDS as readonly string[]).indexOf(id) + 1;
}

/** What a header's kind code names, for messages: `"an I16Ring"`, or `"kind code 99, no ring class"`. */
function kindName(code: number): string {
  const id = RING_KIND_IDS[code - 1];
  return id === undefined ? `kind code ${code}, which no ring class has` : `${/^[AEFHILMNORSX]/.test(RING_CLASS_NAMES[id]) ? 'an' : 'a'} ${RING_CLASS_NAMES[id]}`;
}

/** Whether `value` is a power of two from 1 to {@link MAX_RING_CAPACITY}. */
function isRingCapacity(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RING_CAPACITY && (value & (value - 1)) === 0;
}

/**
 * Validates a ring capacity: a power of two from 1 to 2^30.
 *
 * @throws TypeError when it is not a number; RangeError otherwise.
 */
export function checkRingCapacity(where: string, capacity: unknown): asserts capacity is number {
  if (!isRingCapacity(capacity)) throwArgumentError(where, 'capacity', capacity, 'a power of two from 1 to 2^30');
}

/** Bytes a ring of `capacity` elements of `bytesPerElement` bytes occupies, header included. */
export function ringBytes(where: string, capacity: unknown, bytesPerElement: number): number {
  checkRingCapacity(where, capacity);
  return HEADER_BYTES + capacity * bytesPerElement;
}

const sharedByteLength =
  typeof SharedArrayBuffer === 'function'
    ? (Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')!.get as (this: unknown) => number)
    : undefined;

/** Whether `buffer` is a `SharedArrayBuffer` (a brand check, which works across realms). */
function isShared(buffer: unknown): buffer is SharedArrayBuffer {
  if (sharedByteLength === undefined) return false;
  try {
    sharedByteLength.call(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `SharedArrayBuffer` behind `memory`, checked as `bufferOf` checks any memory, and
 * that `byteOffset` and a ring of `capacity` elements fit there.
 *
 * @throws TypeError for memory that is not shared (or not memory); RangeError for a bad
 * offset or a region past the end of the buffer.
 */
export function ringRegion(where: string, memory: unknown, byteOffset: unknown, capacity: number, bytesPerElement: number): SharedArrayBuffer {
  const buffer = bufferOf(where, memory);
  if (!isShared(buffer)) throwNotSharedError(where, memory);
  if (!(typeof byteOffset === 'number' && Number.isInteger(byteOffset) && byteOffset >= 0)) {
    throwArgumentError(where, 'byteOffset', byteOffset, 'a non-negative integer');
  }
  if (byteOffset % 8 !== 0) throwMisalignedError(where, byteOffset, 8);
  const end = byteOffset + HEADER_BYTES + capacity * bytesPerElement;
  if (end > buffer.byteLength) {
    throwRegionError(where, byteOffset, end, buffer.byteLength, `for a ring of ${capacity} elements of ${bytesPerElement} bytes (${HEADER_BYTES} bytes of header)`);
  }
  return buffer;
}

/**
 * Writes a fresh header (empty ring, zero counters) over `[byteOffset, byteOffset +
 * HEADER_BYTES)` of `buffer` and returns it as words; the magic is stored last.
 */
export function writeHeader(buffer: SharedArrayBuffer, byteOffset: number, capacity: number, id: string, bytesPerElement: number): Int32Array {
  const header = new Int32Array(buffer, byteOffset, HEADER_WORDS);
  header.fill(0);
  header[VERSION] = RING_VERSION;
  header[KIND] = kindCode(id);
  header[CAPACITY] = capacity;
  header[BYTES] = bytesPerElement;
  Atomics.store(header, MAGIC, RING_MAGIC);
  return header;
}

/**
 * Checks a descriptor and the header it points at against the ring class of element type
 * `id`; returns the header as words.
 *
 * @throws TypeError for a descriptor of the wrong shape or memory that is not shared;
 * RingHeaderError for a header of another kind, version or capacity, or no ring at all.
 */
export function readHeader(where: string, descriptor: unknown, id: string, bytesPerElement: number): Int32Array {
  if (typeof descriptor !== 'object' || descriptor === null) throwDescriptorError(where, 'it must be an object', descriptor);
  const { buffer, byteOffset, capacity, kind } = descriptor as Record<string, unknown>;
  if (typeof kind === 'string' && kind !== id) {
    const code = kindCode(kind);
    throwRingHeaderError(where, 'kind', code, kindCode(id), `the descriptor is of ${kindName(code)}, not ${kindName(kindCode(id))}`);
  }
  if (!isShared(buffer)) throwNotSharedError(where, buffer);
  if (isDetached(buffer)) throwDescriptorError(where, 'its buffer is detached', descriptor);
  checkRingCapacity(where, capacity);
  // The header first: a ring of another kind is named as such, not as a region too short.
  ringRegion(where, buffer, byteOffset, 0, bytesPerElement);
  const header = new Int32Array(buffer, byteOffset as number, HEADER_WORDS);
  const magic = Atomics.load(header, MAGIC);
  if (magic !== RING_MAGIC) throwRingHeaderError(where, 'magic', magic, RING_MAGIC, `no ring was laid out at byteOffset ${describeValue(byteOffset)} (or its header was overwritten)`);
  const version = header[VERSION];
  if (version !== RING_VERSION) throwRingHeaderError(where, 'version', version, RING_VERSION, 'the ring was laid out by another version of slabvec');
  const code = header[KIND];
  if (code !== kindCode(id)) throwRingHeaderError(where, 'kind', code, kindCode(id), `the header is of ${kindName(code)}, not ${kindName(kindCode(id))}`);
  if (header[CAPACITY] !== capacity) throwRingHeaderError(where, 'capacity', header[CAPACITY], capacity, 'the header and the descriptor disagree on the capacity');
  if (header[BYTES] !== bytesPerElement) throwRingHeaderError(where, 'bytes', header[BYTES], bytesPerElement, 'the header is corrupt');
  ringRegion(where, buffer, byteOffset, capacity, bytesPerElement);
  return header;
}
