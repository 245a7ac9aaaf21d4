/**
 * Moving a vector to another thread: `v.transfer()` detaches the vector's buffer into a
 * message that `postMessage` can transfer, and `X.fromTransfer(message)` adopts it on the
 * other side. The checks and the buffer move live here, shared by every class: they never
 * touch the elements. The classes' own methods only read their fields and build the vector.
 *
 * @module
 */

import { throwNotTransferable, throwTransferMessageError } from './errors.js';
import { isSlabBuffer } from './internal.js';
import { isArrayBuffer } from './memory.js';

/**
 * What `transfer()` returns and `fromTransfer()` takes: a plain object that survives
 * `postMessage` (post it with `[message.buffer]` as the transfer list, or the buffer is
 * copied).
 *
 * @typeParam K - the element id of the class (`'f32'`).
 * @typeParam M - the capacity.
 */
export interface VecTransfer<K extends string = string, M extends number = number> {
  /** The vector's buffer, which the vector it came from no longer holds. */
  readonly buffer: ArrayBuffer;
  /** Where the elements start in `buffer` (0: a transferable vector spans its buffer). */
  readonly byteOffset: number;
  /** The vector's capacity. */
  readonly capacity: M;
  /** How many elements are live: the first `length` of the region. */
  readonly length: number;
  /** The element id of the class that made it; `fromTransfer` of another class rejects it. */
  readonly kind: K;
}

/**
 * Moves the buffer of a vector (its fields as given) into a {@link VecTransfer}, detaching
 * the vector's buffer, so that every later call on the vector throws `DetachedError`.
 *
 * @throws TypeError when the vector does not own its whole buffer (a region of a Slab or of
 * a larger buffer, a `SharedArrayBuffer`, a `WebAssembly.Memory`); nothing changes then.
 */
export function transferOut<K extends string, M extends number>(
  where: string,
  kind: K,
  buffer: ArrayBufferLike,
  byteOffset: number,
  capacity: M,
  length: number,
  bytesPerElement: number,
): VecTransfer<K, M> {
  const copy = `copy it into a vector of its own (\`${where.split('.')[0]}.from(v.view())\`) and transfer that`;
  if (!isArrayBuffer(buffer)) return throwNotTransferable(where, 'its memory is a SharedArrayBuffer, which is shared, not moved: post the buffer as it is, or use SharedVec for a published length');
  if (isSlabBuffer(buffer)) return throwNotTransferable(where, `it is a region of a Slab's buffer, which other vectors share: ${copy}, or post the slab's whole buffer`);
  if (byteOffset !== 0 || capacity * bytesPerElement !== buffer.byteLength) {
    return throwNotTransferable(where, `it covers bytes [${byteOffset}, ${byteOffset + capacity * bytesPerElement}) of a buffer of ${buffer.byteLength}: ${copy}`);
  }
  const cannot = "its buffer cannot be detached (a WebAssembly.Memory's buffer never can)";
  let moved: ArrayBuffer;
  try {
    moved = moveBuffer(buffer);
  } catch {
    return throwNotTransferable(where, cannot);
  }
  // Node 20's structuredClone copies a buffer it cannot detach instead of throwing: then the
  // copy is dropped, and the vector keeps its buffer.
  if (buffer.byteLength !== 0) return throwNotTransferable(where, cannot);
  return { buffer: moved, byteOffset, capacity, length, kind };
}

/** `buffer.transfer()`, or where that is missing (Node 20) the same move through `structuredClone`. */
function moveBuffer(buffer: ArrayBuffer): ArrayBuffer {
  const transfer = (buffer as { transfer?: () => ArrayBuffer }).transfer;
  if (typeof transfer === 'function') return transfer.call(buffer);
  return (globalThis as unknown as { structuredClone(value: unknown, options: object): ArrayBuffer }).structuredClone(buffer, { transfer: [buffer] });
}

/**
 * Checks a {@link VecTransfer} for `fromTransfer` of the class of element id `kind`: an
 * object whose `kind` is `kind`, whose `buffer` is an ArrayBuffer, and whose `length` is an
 * integer from 0 to `capacity` (the region itself is checked by the class, as `over` does).
 *
 * @throws TypeError or RangeError naming `where` and the field.
 */
export function checkTransferMessage(where: string, kind: string, message: unknown): VecTransfer {
  if (typeof message !== 'object' || message === null) return throwTransferMessageError(where, 'the message', message, 'an object from transfer()');
  const m = message as Partial<VecTransfer>;
  if (m.kind !== kind) return throwTransferMessageError(where, 'kind', m.kind, `'${kind}' (a message from transfer() of this class)`);
  if (!isArrayBuffer(m.buffer)) return throwTransferMessageError(where, 'buffer', m.buffer, 'an ArrayBuffer');
  const capacity = m.capacity;
  if (!(typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0)) return throwTransferMessageError(where, 'capacity', capacity, 'a non-negative integer');
  const length = m.length;
  if (!(typeof length === 'number' && Number.isInteger(length) && length >= 0 && length <= capacity)) {
    return throwTransferMessageError(where, 'length', length, `an integer from 0 to the capacity, ${capacity}`);
  }
  return m as VecTransfer;
}
