/**
 * Waiting on a ring's header: the blocking and the asynchronous waits of both ends, and the
 * statistics. Shared by every ring class: nothing here touches a ring's elements.
 *
 * The handshake with the other end: a waiter adds 1 to its waiting word, then waits on the
 * other end's index word for the value it last saw; the other end stores its index, then
 * loads the waiting word and notifies when it is non-zero. Atomics are sequentially
 * consistent, so either the store comes first (and the wait returns at once, the value
 * having changed) or the load sees the waiter (and the notify wakes it): no wake-up is lost,
 * and a commit with no one waiting costs one atomic load more than no wait support at all.
 *
 * @module
 */

import { throwArgumentError, throwCannotBlock, throwNoWaitAsync } from './errors.js';
import { CAPACITY, OVERRUNS, READ, UNDERRUNS, WRITE } from './ring-layout.js';
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

/** Slots in use: `(write - read) >>> 0`. */
function used(header: Int32Array): number {
  return (Atomics.load(header, WRITE) - Atomics.load(header, READ)) >>> 0;
}

/**
 * Blocks until the slots in use are in `[minUsed, maxUsed]` or `timeoutMs` passed; returns
 * whether they are. `watch` is the other end's index word, `waiting` this end's waiting word.
 *
 * @throws TypeError where the thread may not block, naming `asyncName` instead.
 */
export function waitSync(
  where: string, asyncName: string, header: Int32Array, watch: number, waiting: number, minUsed: number, maxUsed: number, timeoutMs: number,
): boolean {
  if (!canBlock()) throwCannotBlock(where, asyncName);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(header, watch);
    const inUse = used(header);
    if (inUse >= minUsed && inUse <= maxUsed) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.add(header, waiting, 1);
    Atomics.wait(header, watch, seen, left);
    Atomics.sub(header, waiting, 1);
  }
}

/**
 * {@link waitSync} without blocking, through `Atomics.waitAsync`.
 *
 * @throws (rejects with) TypeError where the runtime has no `Atomics.waitAsync`, naming `syncName` instead.
 */
export async function waitAsync(
  where: string, syncName: string, header: Int32Array, watch: number, waiting: number, minUsed: number, maxUsed: number, timeoutMs: number,
): Promise<boolean> {
  const wait = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  if (typeof wait !== 'function') throwNoWaitAsync(where, syncName);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(header, watch);
    const inUse = used(header);
    if (inUse >= minUsed && inUse <= maxUsed) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.add(header, waiting, 1);
    try {
      const result = wait(header, watch, seen, left);
      if (result.async) await result.value;
    } finally {
      Atomics.sub(header, waiting, 1);
    }
  }
}

/** The counters of the ring whose header is `header`. */
export function readStats(header: Int32Array): RingStats {
  const written = Atomics.load(header, WRITE) >>> 0;
  const read = Atomics.load(header, READ) >>> 0;
  return {
    capacity: header[CAPACITY],
    available: (written - read) >>> 0,
    written,
    read,
    overruns: Atomics.load(header, OVERRUNS) >>> 0,
    underruns: Atomics.load(header, UNDERRUNS) >>> 0,
  };
}

/** Counts one overrun or underrun (`word` is OVERRUNS or UNDERRUNS); only that word's end calls it. */
export function countRun(header: Int32Array, word: number): void {
  Atomics.store(header, word, (header[word] + 1) | 0);
}
