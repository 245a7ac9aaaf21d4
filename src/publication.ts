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

import { pinName } from './class-name.js';
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

/** The `where` of each method of {@link Publication}, made once per owner so that no call builds a string. */
interface MethodNames {
  readonly publish: string;
  readonly sync: string;
  readonly changed: string;
  readonly changedAsync: string;
}

/** What a published structure holds of the data it publishes: its length, and how a reader sets it. */
export interface PublishedData {
  /** The data's length now: the writer publishes it. */
  readonly length: number;
}

/** The header of each {@link Publication}, for its subclasses' `descriptor()`: assigned by the class's static block, so that no public path reaches `#header`. */
let headerOfPublication: (publication: Publication) => Int32Array;

/** The names of each owner's methods, made on first use. */
const METHOD_NAMES = new WeakMap<HeaderOwner, MethodNames>();

/** The `where` strings of `owner`'s methods. */
function methodNames(owner: HeaderOwner): MethodNames {
  let names = METHOD_NAMES.get(owner);
  if (names === undefined) {
    const { name } = owner;
    names = { publish: `${name}.publish`, sync: `${name}.sync`, changed: `${name}.changed`, changedAsync: `${name}.changedAsync` };
    METHOD_NAMES.set(owner, names);
  }
  return names;
}

/**
 * One end of a structure shared between threads under a published length: `SharedVec` and
 * `SharedTable` are publications. The writer (from `create`) changes its data, then
 * `publish()`es its length; a reader (from `attach`, in any thread) `sync()`s to the length
 * published last, and never sees data at or past it. Both ends can read the sequence (the
 * number of publishes) and wait for the next publish.
 *
 * @example
 * ```ts
 * // A renderer that waits on any shared structure, vector or table:
 * async function nextFrame(p: Publication, last: number): Promise<number> {
 *   await p.changedAsync(last, 100);
 *   p.sync();
 *   return p.sequence;
 * }
 * ```
 */
export abstract class Publication {
  static {
    pinName(this, 'Publication');
  }

  // Invariant: #header is the Int32 view of the header (the slots above) at the start of the
  // buffer, whose CAPACITY is #capacity; LENGTH and SEQUENCE change only in publish(). A
  // reader's data changes length only in sync(), through #adopt.
  readonly #owner: HeaderOwner;
  readonly #names: MethodNames;
  readonly #header: Int32Array;
  readonly #writer: boolean;
  readonly #capacity: number;
  readonly #data: PublishedData;
  readonly #adopt: (length: number) => void;

  /**
   * @param owner - whose header it is (the subclass).
   * @param header - the header of the buffer, checked by `attachHeader` or made by `makeHeader`.
   * @param writer - whether this is the writer's end.
   * @param capacity - the capacity in the header.
   * @param data - the vector or table published.
   * @param adopt - sets the data's length to a published length (a reader's `sync`).
   */
  protected constructor(owner: HeaderOwner, header: Int32Array, writer: boolean, capacity: number, data: PublishedData, adopt: (length: number) => void) {
    this.#owner = owner;
    this.#names = methodNames(owner);
    this.#header = header;
    this.#writer = writer;
    this.#capacity = capacity;
    this.#data = data;
    this.#adopt = adopt;
  }

  static {
    headerOfPublication = (publication) => publication.#header;
  }

  /** Whether this is the writer (from `create`), not a reader (from `attach`). */
  get isWriter(): boolean {
    return this.#writer;
  }

  /** The number of publishes so far; a reader compares it to detect that something new was published. */
  get sequence(): number {
    return Atomics.load(this.#header, SEQUENCE);
  }

  /** The capacity: of the vector, in elements; of the table, in rows. */
  get capacity(): number {
    return this.#capacity;
  }

  /** The length published last. */
  get publishedLength(): number {
    return Atomics.load(this.#header, LENGTH);
  }

  /**
   * Publishes the writer's current length: one atomic store of the length, then the
   * sequence incremented and every waiting reader woken. Everything written before the call
   * is visible to a reader that syncs after it.
   *
   * @returns the new sequence number.
   * @throws TypeError on a reader.
   */
  publish(): number {
    if (!this.#writer) throwSharedVecError(this.#names.publish, 'this', 'a reader', `the writer (${this.#owner.name}.create); readers call sync()`);
    return publishLength(this.#header, this.#data.length);
  }

  /**
   * A reader adopts the published length: one atomic load; the data's length becomes it.
   *
   * @returns the length.
   * @throws TypeError on the writer, whose length is its own.
   */
  sync(): number {
    if (this.#writer) throwSharedVecError(this.#names.sync, 'this', 'the writer', `a reader (${this.#owner.name}.attach); the writer calls publish()`);
    const length = loadPublishedLength(this.#names.sync, this.#header, this.#capacity);
    this.#adopt(length);
    return length;
  }

  /**
   * Blocks until the sequence differs from `last` (a publish happened) or `timeoutMs`
   * passed, with `Atomics.wait`. Only where blocking is allowed: a worker, or Node's main
   * thread.
   *
   * @returns true when the sequence differs from `last`, false on timeout.
   * @throws TypeError where the thread cannot block (a browser's main thread, an
   * `AudioWorkletGlobalScope`): use {@link Publication.changedAsync} there.
   */
  changed(last: number, timeoutMs = Infinity): boolean {
    return waitChanged(this.#names.changed, this.#names.changedAsync, this.#header, last, timeoutMs);
  }

  /**
   * Resolves when the sequence differs from `last` (a publish happened) or `timeoutMs`
   * passed, with `Atomics.waitAsync`: anywhere, the main thread and worklets included.
   *
   * @returns true when the sequence differs from `last`, false on timeout.
   */
  changedAsync(last: number, timeoutMs = Infinity): Promise<boolean> {
    return waitChangedAsync(this.#names.changedAsync, this.#header, last, timeoutMs);
  }
}

/**
 * The buffer under `publication`'s header, for its `descriptor()`.
 *
 * @internal
 */
export function publicationBuffer(publication: Publication): SharedArrayBuffer {
  return headerOfPublication(publication).buffer as SharedArrayBuffer;
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
