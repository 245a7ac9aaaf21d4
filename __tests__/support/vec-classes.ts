/**
 * The typed vector classes seen through their statics (`over`, `assumeInit`, `bytesFor`,
 * `Array`), and the memory they are built over: what the suites about caller memory and
 * slabs (memory, wasm-memory, slab, slab-properties) share.
 */

import type { Slab, TypedVecClass } from '../../src/index';
import type { AnyVec, Elem, Kind, RawArray, TypedArrayCtor } from './kinds';

/** A typed vector, every typed-only method callable by name (the suites call them all). */
export type TypedVec = AnyVec & { [method: string]: any };

/** The statics of a typed vector class. */
export interface VecClass {
  readonly name: string;
  readonly BYTES_PER_ELEMENT: number;
  readonly Array: TypedArrayCtor;
  over(memory: unknown, byteOffset: unknown, capacity: unknown): TypedVec;
  assumeInit(memory: unknown, byteOffset: unknown, capacity: unknown, length: unknown): TypedVec;
  bytesFor(capacity: unknown): number;
  of(...items: Elem[]): TypedVec;
}

/** The class of a typed kind, through its statics. */
export const classOf = (kind: Kind): VecClass => kind.cls as unknown as VecClass;

/** The byte offset of a vector's first slot, read through its view (also right when empty). */
export const offsetOf = (vec: AnyVec): number => (vec.view() as unknown as RawArray).byteOffset;

/** `slab.alloc` for a kind chosen at run time, typed through this module's vector type. */
export const allocIn = (slab: Slab, kind: Kind, capacity: number): TypedVec => slab.alloc(kind.cls as unknown as TypedVecClass, capacity) as unknown as TypedVec;

/** `slab.tryAlloc` for a kind chosen at run time. */
export const tryAllocIn = (slab: Slab, kind: Kind, capacity: number): TypedVec | null =>
  slab.tryAlloc(kind.cls as unknown as TypedVecClass, capacity) as unknown as TypedVec | null;

/** The largest capacity: indexes must stay exact 32-bit unsigned integers. */
export const MAX_CAPACITY = 2 ** 32 - 1;

/** A detached ArrayBuffer of `byteLength` bytes (its contents transferred away). */
export function detachedBuffer(byteLength: number): ArrayBuffer {
  const buffer = new ArrayBuffer(byteLength);
  structuredClone(buffer, { transfer: [buffer] });
  return buffer;
}

/** A `WebAssembly.Memory`, typed here: the project's `lib` has no DOM/WebAssembly types. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(delta: number): number;
}

/** The `WebAssembly.Memory` constructor. */
export const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory } })
  .WebAssembly.Memory;

/** The parts of the `WebAssembly` namespace the wasm tests use, typed here (see {@link WasmMemory}). */
export interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: {
    new (bytes: Uint8Array): object;
    imports(module: object): { module: string; name: string; kind: string }[];
    exports(module: object): { name: string; kind: string }[];
  };
  CompileError: new (message: string) => Error;
  compile(bytes: Uint8Array): Promise<object>;
}

/** The global `WebAssembly`. */
export const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
