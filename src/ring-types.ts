/**
 * The public shape of the rings (`F32Ring` and its siblings): the two ends, the chunks, the
 * descriptor and the statistics. Types only; each ring class implements them with classes
 * of its own (one class literal per element type, so that its data access stays
 * monomorphic).
 *
 * @module
 */

/**
 * Everything another thread needs to attach to a ring: a plain object that
 * `postMessage` and `structuredClone` copy as it is (the `SharedArrayBuffer` is shared, not
 * copied). Made by `ring.descriptor()`, taken by `XRing.attach(descriptor)`.
 */
export interface RingDescriptor {
  /** The shared memory the ring lives in. */
  readonly buffer: SharedArrayBuffer;
  /** Where the ring's header starts in {@link RingDescriptor.buffer}. */
  readonly byteOffset: number;
  /** The number of slots: a power of two. */
  readonly capacity: number;
  /** The element type id (`"f32"`, `"i64"`, ...), as the ring class's `elementType`. */
  readonly kind: string;
}

/**
 * A ring's counters, read from its header (so every thread sees the same ones). The indices
 * run freely modulo 2^31: `written - read` (modulo 2^31) is the number of readable slots.
 */
export interface RingStats {
  /** The number of slots. */
  readonly capacity: number;
  /** Readable slots now: `(written - read) & 0x7fffffff`. */
  readonly available: number;
  /** Every element ever committed, modulo 2^31 (the write index). */
  readonly written: number;
  /** Every element ever released, modulo 2^31 (the read index). */
  readonly read: number;
  /**
   * Producer calls that could not write all they were asked to, modulo 2^32: a `tryPush`
   * that returned false, a `pushSome` that wrote less than the block, a `writeChunk` that
   * returned null. A call that threw counts nothing (a failed call changes nothing).
   */
  readonly overruns: number;
  /**
   * Consumer calls that got less than they asked for, modulo 2^32: a `popInto` that filled
   * less than its output, a `readChunk` that returned null.
   */
  readonly underruns: number;
}

/**
 * Slots of a ring handed out for writing in place, by `producer.writeChunk(n)`: `first`
 * then `second` (empty unless the region wraps around the end of the data) are typed-array
 * views of the ring's memory, `n` elements in all. Nothing is visible to the consumer until
 * {@link RingWriteChunk.commit}.
 *
 * **Validity.** The views are valid from `writeChunk` until `commit`: after it the slots
 * belong to the consumer, and the producer hands the same chunk object (and, where the
 * region repeats, the same view objects) out again on its next `writeChunk`. Never keep
 * them across a commit. A chunk's slots hold whatever was there before (old elements): the
 * producer overwrites them all before committing them.
 *
 * @typeParam A - the ring's typed array.
 */
export interface RingWriteChunk<A> {
  /** The first part of the region. */
  readonly first: A;
  /** The part after the wrap-around: empty when the region does not wrap. */
  readonly second: A;
  /** `first.length + second.length`: what `writeChunk` was asked for. */
  readonly length: number;
  /**
   * Publishes the first `count` elements of the chunk (all of them by default) to the
   * consumer with one atomic exchange, and wakes a waiting consumer.
   *
   * @param count - an integer from 0 to {@link RingWriteChunk.length}.
   * @throws TypeError when the chunk was committed already; TypeError or RangeError for a bad `count`.
   */
  commit(count?: number): void;
}

/**
 * Slots of a ring handed out for reading in place, by `consumer.readChunk(n)`: `first` then
 * `second` (empty unless the region wraps) are typed-array views of the ring's memory over
 * `n` committed elements, oldest first. The producer does not overwrite them until
 * {@link RingReadChunk.release}.
 *
 * **Validity.** The views are valid from `readChunk` until `release`: after it the
 * producer may overwrite the slots at any moment, and the consumer hands the same chunk
 * object (and, where the region repeats, the same view objects) out again on its next
 * `readChunk`. Never keep them across a release.
 *
 * @typeParam A - the ring's typed array.
 */
export interface RingReadChunk<A> {
  /** The oldest elements. */
  readonly first: A;
  /** The elements after the wrap-around: empty when the region does not wrap. */
  readonly second: A;
  /** `first.length + second.length`: what `readChunk` was asked for. */
  readonly length: number;
  /**
   * Gives the first `count` slots of the chunk (all of them by default) back to the
   * producer with one atomic exchange, and wakes a waiting producer.
   *
   * @param count - an integer from 0 to {@link RingReadChunk.length}.
   * @throws TypeError when the chunk was released already; TypeError or RangeError for a bad `count`.
   */
  release(count?: number): void;
}

/**
 * The producing end of a ring (`ring.producer()`). Exactly one thread produces: call these
 * from that thread only. Every method is wait-free except the `waitFor...` ones.
 *
 * @typeParam A - the ring's typed array.
 */
export interface RingProducer<A> {
  /** The ring's number of slots. */
  readonly capacity: number;
  /** Free slots now; the consumer may free more at any moment, never fewer. */
  readonly space: number;
  /**
   * Appends all of `block`, or nothing.
   *
   * @throws CapacityError when the block does not fit now (nothing was written).
   * @throws TypeError when `block` is not a typed array of the ring's kind, or a chunk is open.
   */
  push(block: A): void;
  /**
   * Appends all of `block` and returns true, or writes nothing and returns false when it
   * does not fit now (an overrun in {@link RingStats}).
   *
   * @throws CapacityError when the block is longer than the capacity (it can never fit).
   * @throws TypeError as {@link RingProducer.push}.
   */
  tryPush(block: A): boolean;
  /**
   * Appends as much of the start of `block` as fits now; returns how many elements that was
   * (0 to `block.length`).
   *
   * @throws TypeError as {@link RingProducer.push}.
   */
  pushSome(block: A): number;
  /**
   * The next `n` free slots, to write in place and then `commit()`; null when fewer than `n`
   * are free (an overrun in {@link RingStats}). Allocates nothing in steady state: see
   * {@link RingWriteChunk} for how long its views are valid.
   *
   * @param n - an integer from 0 to the capacity.
   * @throws TypeError when a chunk is open already; TypeError or RangeError for a bad `n`.
   */
  writeChunk(n: number): RingWriteChunk<A> | null;
  /**
   * Blocks the calling thread until at least `n` slots are free or `timeoutMs` passed;
   * returns whether they are free. `Atomics.wait`: workers only.
   *
   * @param n - an integer from 0 to the capacity.
   * @param timeoutMs - milliseconds, `Infinity` (the default) to wait for ever.
   * @throws TypeError where the thread may not block (a browser main thread, an
   * AudioWorkletGlobalScope): use {@link RingProducer.waitForSpaceAsync} there.
   */
  waitForSpace(n: number, timeoutMs?: number): boolean;
  /**
   * Resolves to true once at least `n` slots are free, or to false after `timeoutMs`.
   * `Atomics.waitAsync`: any thread, the main thread included.
   *
   * @param n - an integer from 0 to the capacity.
   * @param timeoutMs - milliseconds, `Infinity` (the default) to wait for ever.
   * @throws (rejects with) TypeError where the runtime has no `Atomics.waitAsync`.
   */
  waitForSpaceAsync(n: number, timeoutMs?: number): Promise<boolean>;
}

/**
 * The consuming end of a ring (`ring.consumer()`). Exactly one thread consumes: call these
 * from that thread only. Every method is wait-free except the `waitFor...` ones.
 *
 * @typeParam A - the ring's typed array.
 */
export interface RingConsumer<A> {
  /** The ring's number of slots. */
  readonly capacity: number;
  /** Readable slots now; the producer may commit more at any moment, never fewer. */
  readonly available: number;
  /**
   * Moves the oldest elements into `out` from index 0, as many as are readable and fit;
   * returns how many (0 to `out.length`). Fewer than `out.length` is an underrun in
   * {@link RingStats}.
   *
   * @throws TypeError when `out` is not a typed array of the ring's kind, or a chunk is open.
   */
  popInto(out: A): number;
  /**
   * The next `n` readable elements in place, to read and then `release()`; null when fewer
   * than `n` are readable (an underrun in {@link RingStats}). Allocates nothing in steady
   * state: see {@link RingReadChunk} for how long its views are valid.
   *
   * @param n - an integer from 0 to the capacity.
   * @throws TypeError when a chunk is open already; TypeError or RangeError for a bad `n`.
   */
  readChunk(n: number): RingReadChunk<A> | null;
  /**
   * Blocks the calling thread until at least `n` elements are readable or `timeoutMs`
   * passed; returns whether they are. `Atomics.wait`: workers only.
   *
   * @param n - an integer from 0 to the capacity.
   * @param timeoutMs - milliseconds, `Infinity` (the default) to wait for ever.
   * @throws TypeError where the thread may not block (a browser main thread, an
   * AudioWorkletGlobalScope): use {@link RingConsumer.waitForDataAsync} there.
   */
  waitForData(n: number, timeoutMs?: number): boolean;
  /**
   * Resolves to true once at least `n` elements are readable, or to false after
   * `timeoutMs`. `Atomics.waitAsync`: any thread, the main thread included.
   *
   * @param n - an integer from 0 to the capacity.
   * @param timeoutMs - milliseconds, `Infinity` (the default) to wait for ever.
   * @throws (rejects with) TypeError where the runtime has no `Atomics.waitAsync`.
   */
  waitForDataAsync(n: number, timeoutMs?: number): Promise<boolean>;
}
