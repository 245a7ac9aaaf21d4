/**
 * The history and deque classes under test (issue 12 §2), one pair per typed kind of
 * `./kinds.ts`, and the memories they are laid over. Imports no Node built-in, so that the
 * suites using it also run in Chromium (`npm run test:browser`).
 */

import { inspect } from 'node:util';
import * as library from '../../src/index';
import { TYPED_KINDS, arrayCtorOf, type Elem, type Kind, type RawArray } from './kinds';
import { WasmMemory } from './vec-classes';

/** A history of either element type, as the tests use it. */
export interface AnyHistory {
  readonly capacity: number;
  readonly length: number;
  readonly isEmpty: boolean;
  readonly isFull: boolean;
  push(value: Elem): void;
  pushBlock(block: unknown): void;
  clear(): void;
  get(index: number): Elem;
  at(index: number): Elem | undefined;
  window(n?: number): RawArray;
  toArray(): Elem[];
  sum(n?: number): Elem;
  mean(n?: number): number;
  min(n?: number): Elem;
  max(n?: number): Elem;
  sumOfSquares(n?: number): Elem;
  dot(taps: unknown, n?: number): Elem;
  [Symbol.iterator](): IterableIterator<Elem>;
  toJSON(): unknown[];
}

/** A deque of either element type, as the tests use it. */
export interface AnyDeque {
  readonly capacity: number;
  readonly length: number;
  readonly isEmpty: boolean;
  readonly isFull: boolean;
  pushBack(value: Elem): void;
  pushFront(value: Elem): void;
  popBack(): Elem;
  popFront(): Elem;
  peekFront(): Elem;
  peekBack(): Elem;
  get(index: number): Elem;
  at(index: number): Elem | undefined;
  clear(): void;
  asSlices(): [RawArray, RawArray];
  makeContiguous(): RawArray;
  toArray(): Elem[];
  [Symbol.iterator](): IterableIterator<Elem>;
  toJSON(): unknown[];
}

/** A history or deque class: `new`, `over` and `bytesFor`. */
export interface FamilyClass<T> {
  new (capacity: number): T;
  over(memory: unknown, byteOffset: number, capacity: number): T;
  bytesFor(capacity: number): number;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}

/** The vector reductions the history kernels are checked against. */
export interface ReducingVec {
  sum(): Elem;
  mean(): number;
  min(): Elem;
  max(): Elem;
  sumOfSquares(): Elem;
  dot(other: unknown): Elem;
}

/** One typed kind with its history and deque classes. */
export interface FamilyKind {
  readonly kind: Kind;
  readonly name: string;
  readonly History: FamilyClass<AnyHistory>;
  readonly Deque: FamilyClass<AnyDeque>;
  /** The vector holding `items` (the reference of the window kernels). */
  readonly vecOf: (items: ArrayLike<Elem>) => ReducingVec;
}

/** The class `src/index` exports under `name`. */
function exported<T>(name: string): FamilyClass<T> {
  const cls = (library as unknown as Record<string, unknown>)[name];
  if (typeof cls !== 'function') throw new Error(`src/index exports no ${name}`);
  return cls as FamilyClass<T>;
}

/** Every typed kind this runtime runs, with its history and deque classes. */
export const FAMILY_KINDS: readonly FamilyKind[] = TYPED_KINDS.map((kind) => ({
  kind,
  name: kind.name.replace(/Vec$/, ''),
  History: exported<AnyHistory>(kind.name.replace(/Vec$/, 'History')),
  Deque: exported<AnyDeque>(kind.name.replace(/Vec$/, 'Deque')),
  vecOf: (items) => kind.cls.from(arrayCtorOf(kind).from(items)) as unknown as ReducingVec,
}));

/** The memories a history or deque can be laid over. */
export type MemoryKind = 'ArrayBuffer' | 'SharedArrayBuffer' | 'WebAssembly.Memory' | 'shared WebAssembly.Memory';

/** The memory kinds this runtime has (SharedArrayBuffer needs cross-origin isolation in a browser). */
export const MEMORY_KINDS: readonly MemoryKind[] =
  typeof SharedArrayBuffer === 'function'
    ? ['ArrayBuffer', 'SharedArrayBuffer', 'WebAssembly.Memory', 'shared WebAssembly.Memory']
    : ['ArrayBuffer', 'WebAssembly.Memory'];

/** A memory of `kind` of at least `bytes` bytes. */
export function makeMemory(kind: MemoryKind, bytes: number): ArrayBuffer | SharedArrayBuffer | WasmMemory {
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  switch (kind) {
    case 'ArrayBuffer':
      return new ArrayBuffer(bytes);
    case 'SharedArrayBuffer':
      return new SharedArrayBuffer(bytes);
    case 'WebAssembly.Memory':
      return new WasmMemory({ initial: pages });
    case 'shared WebAssembly.Memory':
      return new WasmMemory({ initial: pages, maximum: pages + 1, shared: true });
  }
}

/** The buffer behind a memory. */
export function bufferOfMemory(memory: ArrayBuffer | SharedArrayBuffer | WasmMemory): ArrayBuffer | SharedArrayBuffer {
  return memory instanceof WasmMemory ? memory.buffer : memory;
}

/** Fills every element slot of `memory` with `kind`'s sentinel, which no public read may return. */
export function poison(kind: Kind, memory: ArrayBuffer | SharedArrayBuffer | WasmMemory): void {
  const buffer = bufferOfMemory(memory);
  const ctor = arrayCtorOf(kind);
  (new ctor(buffer, 0, Math.floor(buffer.byteLength / ctor.BYTES_PER_ELEMENT)) as unknown as { fill(value: Elem): void }).fill(kind.sentinel);
}

/** Whether `a` and `b` are the same value (`Object.is`: `NaN` is `NaN`, `-0` is not `0`). */
export function same(a: unknown, b: unknown): boolean {
  return Object.is(a, b);
}

/**
 * Checks the forms a sequence of live elements shows itself in, against `model`: iteration,
 * JSON (bigints as decimal strings, as JSON has none), `String()` and `util.inspect`
 * (`Name(length/capacity) [ ... ]`, the live elements only).
 */
export function expectShownAs(sequence: AnyHistory | AnyDeque, className: string, model: readonly Elem[]): void {
  expect([...sequence]).toEqual(model);
  const json = model.map((x) => (typeof x === 'bigint' ? String(x) : x));
  expect(JSON.stringify(sequence)).toBe(JSON.stringify(json));
  expect(String(sequence)).toBe(model.join(','));
  expect(inspect(sequence)).toBe(`${className}(${model.length}/${sequence.capacity}) ${inspect(model)}`);
}
