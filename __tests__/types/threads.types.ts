// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.
// WasmSlab, SharedVec and transfer(): the types follow the class and capacity through
// allocation, sharing and moving. Each `@ts-expect-error` line must fail to compile.

import { F32Vec, F64Vec, I16Vec, Publication, SharedTable, SharedVec, Slab, Table, U32Vec, WasmSlab, type SharedTableDescriptor, type SharedVecDescriptor, type VecTransfer } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

// WasmSlab is a Slab: alloc keeps the class and the capacity literal; Table.alloc takes it.
const wasm = WasmSlab.createSync(1 << 16);
const fromWasm = wasm.alloc(F64Vec, 256);
assertType<Equal<typeof fromWasm, F64Vec<256>>>();
const asSlab: Slab = wasm;
Table.alloc(wasm, 16, { x: F32Vec });
assertType<Equal<typeof wasm.simd, boolean>>();
assertType<Equal<ReturnType<typeof WasmSlab.create>, Promise<WasmSlab>>>();
WasmSlab.createSync(1024, { simd: false });
// @ts-expect-error an unknown option
WasmSlab.createSync(1024, { shared: true });
// @ts-expect-error WasmSlab has no public constructor: createSync or create
new WasmSlab(1024);

// SharedVec: the writer's and a reader's vec have the class and capacity of create().
const writer = SharedVec.create(F32Vec, 4096);
assertType<Equal<typeof writer.vec, F32Vec<4096>>>();
const descriptor = writer.descriptor();
assertType<Equal<typeof descriptor, SharedVecDescriptor<'f32', 4096>>>();
const reader = SharedVec.attach(descriptor);
assertType<Equal<typeof reader.vec, F32Vec<4096>>>();
assertType<Equal<ReturnType<typeof reader.sync>, number>>();
assertType<Equal<ReturnType<typeof reader.changedAsync>, Promise<boolean>>>();
const shorts = SharedVec.attach(SharedVec.create(I16Vec, 8).descriptor(), I16Vec);
assertType<Equal<typeof shorts.vec, I16Vec<8>>>();
// @ts-expect-error a class, not an instance
SharedVec.create(new F32Vec(4), 4);

// SharedTable: the writer's and a reader's table have the schema and capacity of create();
// the reader's columns are the schema's classes.
const particles = { x: F32Vec, y: F32Vec, id: U32Vec } as const;
const tableWriter = SharedTable.create(1024, particles);
assertType<Equal<typeof tableWriter.table, Table<typeof particles, 1024>>>();
const tableDescriptor = tableWriter.descriptor();
assertType<Equal<typeof tableDescriptor, SharedTableDescriptor<1024>>>();
const tableReader = SharedTable.attach(tableDescriptor, particles);
assertType<Equal<typeof tableReader.table.cols.id, U32Vec<1024>>>();
assertType<Equal<ReturnType<typeof tableReader.publish>, number>>();
assertType<Equal<ReturnType<typeof tableReader.changedAsync>, Promise<boolean>>>();
// Both are Publications: code that waits and syncs takes either.
const publications: Publication[] = [tableReader, reader];
assertType<Equal<ReturnType<Publication['changedAsync']>, Promise<boolean>>>();
// @ts-expect-error Publication is abstract: SharedVec and SharedTable make its ends
new Publication();
// @ts-expect-error a schema maps names to classes, not to instances
SharedTable.create(16, { x: new F32Vec(16) });
// @ts-expect-error attach needs the schema
SharedTable.attach(tableDescriptor);
// @ts-expect-error SharedTable has no public constructor: create or attach
new SharedTable();

// transfer(): the message carries the kind and capacity; fromTransfer of another class rejects it.
const moved = new F32Vec(64).transfer();
assertType<Equal<typeof moved, VecTransfer<'f32', 64>>>();
const back = F32Vec.fromTransfer(moved);
assertType<Equal<typeof back, F32Vec<64>>>();
// @ts-expect-error an F32Vec's message is not an F64Vec's
F64Vec.fromTransfer(moved);
void asSlab;
void publications;
