/**
 * Waiting on a ring's header: the blocking and the asynchronous waits of both ends, and the
 * statistics. Shared by every ring class: nothing here touches a ring's elements.
 *
 * The handshake with the other end: a waiter sets the {@link WAITING} flag (bit 31) of the
 * other end's index word with `Atomics.or`, looks at the indices once more, and waits on
 * that word for the flagged value; the other end publishes its index with `Atomics.exchange`,
 * which clears the flag and returns it, and notifies when it was set. Read-modify-writes of
 * one word are totally ordered: either the exchange comes first (then the second look sees
 * the new index, or the wait returns at once, the value having changed) or the flag was set
 * before it (and the notify wakes the waiter). No wake-up is lost, and a commit costs one
 * atomic operation whether or not anyone waits: an `Atomics.load` or `Atomics.store` costs
 * about 7 ns on Node 20-26, as much as the exchange (docs/design.md, "Rings").
 *
 * @module
 */

import { throwArgumentError, throwCannotBlock, throwNoWaitAsync } from './errors.js';
import { CAPACITY, INDEX_MASK, OVERRUNS, READ, UNDERRUNS, WAITING, WRITE } from './ring-layout.js';
import type { RingStats } from './ring-types.js';

/** `Atomics.waitAsync` (ES2024), which the compiled `lib` does not declare. */
type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => { async: false; value: string } | { async: true; value: Promise<string> };

/** A one-word shared array whose word is never 1: what {@link canBlock} waits on. */
let probe: Int32Array | undefined;

/**
 * Whether this thread may block in `Atomics.wait`. It may not on a browser main thread or
 * in an AudioWorkletGlobalScope, where `Atomics.wait` throws a TypeError before it looks at
 * the value; elsewhere a wait for a value the word does not hold returns at once. Asked on
 * every call, also when no wait is needed, so that a wait in the wrong place fails every
 * time rather than only when the ring is empty (about 100 ns on Node 20 and 24).
 */
export function canBlock(): boolean {
  probe ??= new Int32Array(new SharedArrayBuffer(4));
  try {
    Atomics.wait(probe, 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** Validates the count and timeout of a wait: `n` from 0 to the capacity, a timeout of 0 ms or more. */
export function checkWait(where: string, header: Int32Array, n: unknown, timeoutMs: unknown): void {
  const capacity = header[CAPACITY];
  if (!(typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= capacity)) throwArgumentError(where, 'n', n, `an integer from 0 to ${capacity} (the capacity)`);
  if (!(typeof timeoutMs === 'number' && timeoutMs >= 0)) throwArgumentError(where, 'timeoutMs', timeoutMs, 'a number of milliseconds from 0 to Infinity');
}

/** Whether the slots in use, `(write - read) & INDEX_MASK` (the flags drop out), are in `[minUsed, maxUsed]`. */
function holds(header: Int32Array, minUsed: number, maxUsed: number): boolean {
  const inUse = (Atomics.load(header, WRITE) - Atomics.load(header, READ)) & INDEX_MASK;
  return inUse >= minUsed && inUse <= maxUsed;
}

/**
 * This end's half of the handshake: raises the flag on the other end's index word `watch`,
 * then looks again, since the other end may have published between the first look and the
 * flag. Returns null when the condition holds now, else the flagged value to wait on.
 */
function raiseFlag(header: Int32Array, watch: number, minUsed: number, maxUsed: number): number | null {
  const flagged = Atomics.or(header, watch, WAITING) | WAITING;
  return holds(header, minUsed, maxUsed) ? null : flagged;
}

/**
 * Blocks until the slots in use are in `[minUsed, maxUsed]` or `timeoutMs` passed; returns
 * whether they are. `watch` is the other end's index word, on which this end raises its flag.
 *
 * @throws TypeError where the thread may not block, naming `asyncName` instead.
 */
export function waitSync(
  where: string, asyncName: string, header: Int32Array, watch: number, minUsed: number, maxUsed: number, timeoutMs: number,
): boolean {
  if (!canBlock()) throwCannotBlock(where, asyncName);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (holds(header, minUsed, maxUsed)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const flagged = raiseFlag(header, watch, minUsed, maxUsed);
    if (flagged === null) return true;
    Atomics.wait(header, watch, flagged, left);
  }
}

/**
 * {@link waitSync} without blocking, through `Atomics.waitAsync`.
 *
 * @throws (rejects with) TypeError where the runtime has no `Atomics.waitAsync`, naming `syncName` instead.
 */
export async function waitAsync(
  where: string, syncName: string, header: Int32Array, watch: number, minUsed: number, maxUsed: number, timeoutMs: number,
): Promise<boolean> {
  const wait = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  if (typeof wait !== 'function') throwNoWaitAsync(where, syncName);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (holds(header, minUsed, maxUsed)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const flagged = raiseFlag(header, watch, minUsed, maxUsed);
    if (flagged === null) return true;
    const result = wait(header, watch, flagged, left);
    if (result.async) await result.value;
  }
}

/** The counters of the ring whose header is `header`. */
export function readStats(header: Int32Array): RingStats {
  const written = Atomics.load(header, WRITE) & INDEX_MASK;
  const read = Atomics.load(header, READ) & INDEX_MASK;
  return {
    capacity: header[CAPACITY],
    available: (written - read) & INDEX_MASK,
    written,
    read,
    overruns: Atomics.load(header, OVERRUNS) >>> 0,
    underruns: Atomics.load(header, UNDERRUNS) >>> 0,
  };
}

/**
 * Moves an end's index word (`word` is WRITE or READ) to `index` with one atomic exchange,
 * which publishes the slots before it to the other end and clears the waiting flag the other
 * end may have set on this word; a flag that was set means: wake it. Only that word's end
 * calls it.
 */
export function advanceIndex(header: Int32Array, word: number, index: number): void {
  if (Atomics.exchange(header, word, index & INDEX_MASK) < 0) Atomics.notify(header, word);
}

/** Counts one overrun or underrun (`word` is OVERRUNS or UNDERRUNS); only that word's end calls it. */
export function countRun(header: Int32Array, word: number): void {
  Atomics.store(header, word, (header[word] + 1) | 0);
}
