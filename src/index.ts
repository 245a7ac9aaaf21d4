/**
 * slabvec: fixed-capacity numeric vectors in `ArrayBuffer` slabs.
 *
 * @packageDocumentation
 */

export { F64Vec, F32Vec, F16Vec, I32Vec, U32Vec, I16Vec, U16Vec, I8Vec, U8Vec, U8ClampedVec, I64Vec, U64Vec } from './generated/index.js';
export type { TypedVecClass, TypedVecOf } from './generated/index.js';
export { Slab } from './slab.js';
export { Publication } from './publication.js';
export type { PublishedData } from './publication.js';
export { SharedTable } from './shared-table.js';
export type { SharedTableDescriptor } from './shared-table.js';
export { SharedVec } from './shared-vec.js';
export type { SharedVecDescriptor, SharedVecKind, VecOfKind } from './shared-vec.js';
export type { VecTransfer } from './transfer.js';
export { WasmSlab } from './wasm-slab.js';
export type { WasmSlabMemory, WasmSlabOptions } from './wasm-slab.js';
export { OptionVec } from './option-vec.js';
export { Table } from './table.js';
export type { TableColumns, TableRow, TableSchema } from './table.js';
export * from './error-classes.js';
export type { Comparator, Element, FixedVec, VecSource } from './types.js';
export type { NumVec } from './num-vec.js';
export type { Memory, WasmMemoryLike } from './memory.js';
export { F64Ring, F32Ring, F16Ring, I32Ring, U32Ring, I16Ring, U16Ring, I8Ring, U8Ring, U8ClampedRing, I64Ring, U64Ring } from './generated/rings.js';
export type { RingClass } from './generated/rings.js';
export type { RingConsumer, RingDescriptor, RingProducer, RingReadChunk, RingStats, RingWriteChunk } from './ring-types.js';
export { F64History, F32History, F16History, I32History, U32History, I16History, U16History, I8History, U8History, U8ClampedHistory, I64History, U64History } from './generated/histories.js';
export type { HistoryClass } from './generated/histories.js';
export { F64Deque, F32Deque, F16Deque, I32Deque, U32Deque, I16Deque, U16Deque, I8Deque, U8Deque, U8ClampedDeque, I64Deque, U64Deque } from './generated/deques.js';
export type { DequeClass } from './generated/deques.js';
