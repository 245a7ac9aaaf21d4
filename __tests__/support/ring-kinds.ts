/**
 * The ring classes under test, one per typed vector kind of `./kinds.ts` (so a runtime
 * without `Float16Array` skips F16Ring as it skips F16Vec), with what the ring suites need.
 */

import * as library from '../../src/index';
import type { RingConsumer, RingDescriptor, RingProducer, RingStats } from '../../src/index';
import { TYPED_KINDS, type Elem, type Kind, type RawArray } from './kinds';

/** A typed array of a ring's kind, with what the ring tests call on it. */
export type RingArray = RawArray & {
  set(source: ArrayLike<Elem>, offset?: number): void;
  subarray(begin?: number, end?: number): RingArray;
};

/** A ring of any kind, through the shape every ring class shares. */
export interface AnyRing {
  readonly capacity: number;
  descriptor(): RingDescriptor;
  producer(): RingProducer<RingArray>;
  consumer(): RingConsumer<RingArray>;
  stats(): RingStats;
}

/** A ring class of any kind. */
export interface AnyRingClass {
  readonly name: string;
  readonly elementType: string;
  readonly BYTES_PER_ELEMENT: number;
  create(capacity: number): AnyRing;
  over(memory: unknown, byteOffset: number, capacity: number): AnyRing;
  attach(descriptor: RingDescriptor): AnyRing;
  bytesFor(capacity: number): number;
}

/** One ring class with the vector kind whose elements it holds. */
export interface RingKind {
  /** The ring class's name (`F32Ring`). */
  readonly name: string;
  readonly cls: AnyRingClass;
  /** The vector kind of the same element type: elements, sentinel, conversion. */
  readonly kind: Kind;
  /** The typed array the ring holds. */
  readonly Array: { new (length: number): RingArray; new (buffer: ArrayBufferLike, byteOffset: number, length: number): RingArray; from(items: readonly Elem[]): RingArray };
  /** A typed array of the wrong kind for this ring. */
  readonly wrongArray: RawArray;
}

/** The ring class of a typed vector kind. */
function ringKindOf(kind: Kind): RingKind {
  const name = kind.name.replace(/Vec$/, 'Ring');
  const cls = (library as unknown as Record<string, AnyRingClass>)[name];
  const Array = (globalThis as unknown as Record<string, RingKind['Array']>)[kind.arrayName];
  const wrongArray = (kind.arrayName === 'Float64Array' ? new Float32Array(2) : new Float64Array(2)) as unknown as RawArray;
  return { name, cls, kind, Array, wrongArray };
}

/** Every ring class this runtime can run, in element-table order. */
export const RING_KINDS: readonly RingKind[] = TYPED_KINDS.map(ringKindOf);

/** A typed array of the ring's kind holding `items`. */
export function arrayOf(ring: RingKind, items: readonly Elem[]): RingArray {
  return ring.Array.from(items);
}

/** Whether this thread may block in `Atomics.wait` (not on a browser main thread). */
export const CAN_BLOCK = ((): boolean => {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
})();
