/**
 * Validation of caller-supplied memory: the checks behind every `Vec.over(...)` and the
 * slab allocator. Shared by all classes: nothing here touches a vector's elements.
 *
 * @module
 */

import {
  throwArgumentError,
  throwDetachedBufferError,
  throwMemoryError,
  throwMisalignedError,
  throwRegionError,
  throwResizableError,
} from './errors.js';
import { checkCapacity, checkNotRevoked } from './internal.js';

/** A `WebAssembly.Memory`, described structurally so that `src/` needs no DOM or Node types. */
export interface WasmMemoryLike {
  /** The memory's current buffer; `grow()` detaches it and installs a larger one. */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Grows the memory by `delta` 64 KiB pages. */
  grow(delta: number): number;
}

/** Memory a vector or slab can be laid over. */
export type Memory = ArrayBuffer | SharedArrayBuffer | WasmMemoryLike;

/** Whether `value` looks like a `WebAssembly.Memory`. */
function isWasmMemory(value: unknown): value is WasmMemoryLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WasmMemoryLike).grow === 'function' &&
    isBuffer((value as WasmMemoryLike).buffer)
  );
}

const arrayBufferByteLength = byteLengthGetter(ArrayBuffer);
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ? byteLengthGetter(SharedArrayBuffer) : undefined;

function byteLengthGetter(ctor: { prototype: object }): (this: unknown) => number {
  return Object.getOwnPropertyDescriptor(ctor.prototype, 'byteLength')!.get as (this: unknown) => number;
}

/** Whether `getter` accepts `value` as its receiver: a brand check that works across realms. */
function hasBrand(getter: ((this: unknown) => number) | undefined, value: unknown): boolean {
  if (getter === undefined || typeof value !== 'object' || value === null) return false;
  try {
    getter.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `value` is an `ArrayBuffer` or `SharedArrayBuffer`. A brand check rather than
 * `instanceof`, so buffers from another realm (a `vm` context, an iframe, Jest's test
 * environment, a `WebAssembly.Memory`) are recognized.
 */
function isBuffer(value: unknown): value is ArrayBuffer | SharedArrayBuffer {
  return isArrayBuffer(value) || hasBrand(sharedArrayBufferByteLength, value);
}

/** Whether `value` is an `ArrayBuffer` (not shared), of any realm; see {@link isBuffer}. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return hasBrand(arrayBufferByteLength, value);
}

/**
 * The `ArrayBuffer` or `SharedArrayBuffer` behind `memory`, after checking that a typed
 * array over it runs at full speed and is not detached.
 *
 * Resizable `ArrayBuffer`s and growable `SharedArrayBuffer`s are rejected: a typed array
 * over one measured 2.5-4x slower, and code that once saw one slows down for every other
 * typed array too (docs/design.md, "Storage").
 *
 * @throws TypeError for anything else and for a resizable or growable buffer.
 * @throws DetachedError for a detached buffer.
 */
export function bufferOf(where: string, memory: unknown): ArrayBuffer | SharedArrayBuffer {
  if (typeof memory === 'object' && memory !== null) checkNotRevoked(where, 'memory', memory);
  const buffer = isWasmMemory(memory) ? memory.buffer : memory;
  if (!isBuffer(buffer)) throwMemoryError(where, memory);
  if ((buffer as { resizable?: boolean }).resizable === true || (buffer as { growable?: boolean }).growable === true) {
    throwResizableError(where);
  }
  if (isDetached(buffer)) throwDetachedBufferError(where);
  return buffer;
}

/** Whether `buffer` is detached. Node 20 has no `ArrayBuffer.prototype.detached`, so ask a view. */
export function isDetached(buffer: ArrayBuffer | SharedArrayBuffer): boolean {
  const detached = (buffer as { detached?: boolean }).detached;
  if (typeof detached === 'boolean') return detached;
  if (buffer.byteLength > 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * Checks that `capacity` elements of `bytesPerElement` bytes starting at `byteOffset` lie
 * inside `buffer`, with `byteOffset` aligned for the element type.
 *
 * @throws TypeError or RangeError naming the offset, the region and the buffer's length.
 */
export function checkRegion(
  where: string,
  buffer: ArrayBuffer | SharedArrayBuffer,
  byteOffset: unknown,
  capacity: unknown,
  bytesPerElement: number,
): void {
  if (!(typeof byteOffset === 'number' && Number.isInteger(byteOffset) && byteOffset >= 0)) {
    throwArgumentError(where, 'byteOffset', byteOffset, 'a non-negative integer');
  }
  if (byteOffset % bytesPerElement !== 0) throwMisalignedError(where, byteOffset, bytesPerElement);
  checkCapacity(where, capacity);
  const end = byteOffset + capacity * bytesPerElement;
  if (end > buffer.byteLength) {
    throwRegionError(where, byteOffset, end, buffer.byteLength, `for ${capacity} elements of ${bytesPerElement} bytes`);
  }
}

/**
 * Bytes needed for `capacity` elements of `bytesPerElement` bytes.
 *
 * @throws TypeError or RangeError when `capacity` is not an integer from 0 to 2^32 - 1.
 */
export function bytesForCapacity(where: string, capacity: unknown, bytesPerElement: number): number {
  checkCapacity(where, capacity);
  return capacity * bytesPerElement;
}
