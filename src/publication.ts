/**
 * A published length: the header that `SharedVec` and `SharedTable` keep at the start of
 * their `SharedArrayBuffer`, and what their writer and readers do with it. The writer
 * publishes its length with one atomic store, then increments the sequence and wakes the
 * waiting readers; a reader loads the length with one atomic load and may wait for the
 * sequence to change. Everything the writer wrote before a publish is visible to a reader
 * that loads the length after it (the atomics order them).
 *
 * @internal
 * @module
 */

import { throwNotAnObject, throwSharedVecError, throwWaitUnavailable } from './errors.js';
import { checkIntegerInRange } from './internal.js';

/**
 * The header, as Int32 slots at the start of the buffer: MAGIC says whose header it is,
 * VERSION its layout; KIND (a SharedVec's element kind, a SharedTable's schema hash) and
 * CAPACITY never change after the writer made them; LENGTH (0 <= LENGTH <= capacity) and
 * SEQUENCE change only through {@link publishLength}.
 */
export const MAGIC = 0, VERSION = 1, KIND = 2, CAPACITY = 3, LENGTH = 4, SEQUENCE = 5;

/** Bytes before the data: the header, padded to a 64-byte line (so the data is aligned for every element type). */
export const PUBLICATION_HEADER_BYTES = 64;

/** The header layout's version; a header of another version is rejected. */
const VERSION_VALUE = 1;

/** Whose header it is, for messages, and the magic number its first slot holds. */
export interface HeaderOwner {
  readonly name: string;
  readonly magic: number;
}

/** A new header for `owner` at the start of `buffer`, with its kind and capacity; nothing published yet. */
export function makeHeader(owner: HeaderOwner, buffer: SharedArrayBuffer, kind: number, capacity: number): Int32Array {
  const header = new Int32Array(buffer, 0, PUBLICATION_HEADER_BYTES / 4);
  header[MAGIC] = owner.magic;
  header[VERSION] = VERSION_VALUE;
  header[KIND] = kind;
  header[CAPACITY] = capacity | 0;
  return header;
}

/**
 * The header of the buffer a descriptor names, for `attach` (`where`): `descriptor` must be
 * an object whose `buffer` is a `SharedArrayBuffer` long enough for a header that carries
 * `owner`'s magic and this version.
 *
 * @throws TypeError naming `where` and what is wrong.
 */
export function attachHeader(where: string, owner: HeaderOwner, descriptor: unknown): Int32Array {
  if (typeof descriptor !== 'object' || descriptor === null) throwNotAnObject(where, 'descriptor', descriptor, 'w.descriptor()');
  const { buffer } = descriptor as { readonly buffer?: unknown };
  if (Object.prototype.toString.call(buffer) !== '[object SharedArrayBuffer]') throwSharedVecError(where, 'descriptor.buffer', buffer, 'a SharedArrayBuffer');
  const shared = buffer as SharedArrayBuffer;
  if (shared.byteLength < PUBLICATION_HEADER_BYTES) throwSharedVecError(where, 'descriptor.buffer', buffer, `the buffer of a ${owner.name} (it is shorter than the header)`);
  const header = new Int32Array(shared, 0, PUBLICATION_HEADER_BYTES / 4);
  if (Atomics.load(header, MAGIC) !== owner.magic) throwSharedVecError(where, 'the header', Atomics.load(header, MAGIC), `the ${owner.name} magic ${owner.magic}`);
  if (Atomics.load(header, VERSION) !== VERSION_VALUE) throwSharedVecError(where, 'the header version', Atomics.load(header, VERSION), String(VERSION_VALUE));
  return header;
}

/** Publishes `length`: one atomic store, then the sequence incremented and every waiting reader woken. Returns the new sequence. */
export function publishLength(header: Int32Array, length: number): number {
  Atomics.store(header, LENGTH, length);
  const sequence = Atomics.add(header, SEQUENCE, 1) + 1;
  Atomics.notify(header, SEQUENCE);
  return sequence;
}

/**
 * The published length, one atomic load, checked to be at most `capacity`.
 *
 * @throws RangeError naming `where` for a corrupt header.
 */
export function loadPublishedLength(where: string, header: Int32Array, capacity: number): number {
  const length = Atomics.load(header, LENGTH);
  checkIntegerInRange(where, 'the published length', length, capacity);
  return length;
}

/**
 * Blocks until the sequence differs from `last` or `timeoutMs` passed, with `Atomics.wait`:
 * true when it differs, false on timeout.
 *
 * @throws TypeError naming `where` (and `asyncName`, the method to use instead) where the
 * thread cannot block, or for bad arguments.
 */
export function waitChanged(where: string, asyncName: string, header: Int32Array, last: number, timeoutMs: number): boolean {
  checkWait(where, last, timeoutMs);
  if (Atomics.load(header, SEQUENCE) !== last) return true;
  let result: string;
  try {
    result = Atomics.wait(header, SEQUENCE, last, timeoutMs);
  } catch (error) {
    return throwWaitUnavailable(where, asyncName, error);
  }
  return result !== 'timed-out';
}

/**
 * Resolves when the sequence differs from `last` or `timeoutMs` passed, with
 * `Atomics.waitAsync`: true when it differs, false on timeout. Works anywhere, the main
 * thread and worklets included.
 *
 * @throws TypeError naming `where` for bad arguments.
 */
export async function waitChangedAsync(where: string, header: Int32Array, last: number, timeoutMs: number): Promise<boolean> {
  checkWait(where, last, timeoutMs);
  if (Atomics.load(header, SEQUENCE) !== last) return true;
  const waitAsync = (Atomics as unknown as { waitAsync?: (a: Int32Array, i: number, v: number, t: number) => { async: boolean; value: string | Promise<string> } }).waitAsync;
  if (waitAsync !== undefined) {
    const { value } = waitAsync(header, SEQUENCE, last, timeoutMs);
    return (await value) !== 'timed-out';
  }
  // An engine without Atomics.waitAsync (none of those slabvec is tested on): poll.
  const deadline = Date.now() + timeoutMs;
  while (Atomics.load(header, SEQUENCE) === last) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => (globalThis as unknown as { setTimeout(fn: () => void, ms: number): unknown }).setTimeout(() => resolve(undefined), 1));
  }
  return true;
}

/** Checks the arguments of a wait: `last` a sequence number, `timeoutMs` 0 or more. */
function checkWait(where: string, last: unknown, timeoutMs: unknown): void {
  if (!(typeof last === 'number' && Number.isInteger(last) && (last | 0) === last)) throwSharedVecError(where, 'last', last, 'a sequence number (an int32 from `sequence`)');
  if (!(typeof timeoutMs === 'number' && timeoutMs >= 0)) throwSharedVecError(where, 'timeoutMs', timeoutMs, 'a number of milliseconds, 0 or more (Infinity waits forever)');
}
