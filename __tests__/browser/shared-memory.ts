/**
 * The layout both sides of the shared-memory worker test agree on: a control block of
 * `Int32Array` slots at the start of the `SharedArrayBuffer`, then a slab the worker lays
 * out from `SLAB_OFFSET` on. Imported by the page's test and by the worker's bundle.
 *
 * @module
 */

/** Bytes of the whole shared buffer. */
export const BUFFER_BYTES = 4096;

/** Where the worker's slab starts: after the control block, at an odd byte so that alignment matters. */
export const SLAB_OFFSET = 65;

/** The control block's `Int32Array` slots. */
export const enum Slot {
  /** The handshake: the phase the writer has reached (see {@link Phase}). */
  State = 0,
  /** Where the worker's F64Vec starts in the buffer, its capacity and its length. */
  F64Offset = 1,
  F64Capacity = 2,
  F64Length = 3,
  /** The same for the I32Vec. */
  I32Offset = 4,
  I32Capacity = 5,
  I32Length = 6,
  /** The same for the U64Vec. */
  U64Offset = 7,
  U64Capacity = 8,
  U64Length = 9,
  /** What the worker read back after the page's writes. */
  Seen = 10,
  /** Slots in the control block. */
  Count = 16,
}

/** The handshake's phases, in order. */
export const enum Phase {
  /** The page created the buffer. */
  Created = 0,
  /** The worker wrote its vectors and their lengths. */
  WorkerWrote = 1,
  /** The page wrote through its own vectors over the same bytes. */
  PageWrote = 2,
  /** The worker read the page's writes and appended more elements. */
  WorkerAppended = 3,
}

/** The worker's elements: f64 at index i. */
export const f64At = (i: number): number => Math.sin(i) * 1000 + i / 7;
/** The worker's elements: i32 at index i (negative and past 16 bits). */
export const i32At = (i: number): number => (i % 2 === 0 ? 1 : -1) * (i * 104_729 + 3);
/** The worker's elements: u64 at index i (past 2^53 and near 2^64). */
export const u64At = (i: number): bigint => 2n ** 64n - 1n - BigInt(i) * 2n ** 40n;

/** How many elements the worker writes first, and appends after the page's writes. */
export const FIRST = { f64: 40, i32: 25, u64: 9 } as const;
export const APPENDED = { f64: 5, i32: 3, u64: 2 } as const;
