// Type tests of `Table`, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.
// Each `@ts-expect-error` line must fail to compile.

import { F32Vec, I64Vec, Slab, Table, U32Vec, U8Vec, type NumVec, type TableColumns, type TableRow } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

const schema = { x: F32Vec, y: F32Vec, id: U32Vec, kind: U8Vec, big: I64Vec } as const;
const t = new Table(8192, schema);

// The capacity literal reaches the table and every column.
assertType<Equal<typeof t.capacity, 8192>>();
assertType<Equal<typeof t.cols.x, F32Vec<8192>>>();
assertType<Equal<typeof t.cols.id, U32Vec<8192>>>();
assertType<Equal<typeof t.cols.big, I64Vec<8192>>>();
assertType<Equal<TableColumns<typeof schema, 4>['kind'], U8Vec<4>>>();

// The schema need not be `as const`.
const loose = new Table(16, { a: F32Vec, n: U8Vec });
assertType<Equal<typeof loose.cols.a, F32Vec<16>>>();

// The columns are ordinary vectors: kernels between them compile, and they are NumVecs.
t.cols.x.axpy(0.5, t.cols.y);
const numeric: NumVec = t.cols.x;
void numeric;

// Row values: numbers for number columns, bigints for 64-bit ones; every key optional.
assertType<Equal<TableRow<typeof schema>, { x: number; y: number; id: number; kind: number; big: bigint }>>();
const r: number = t.pushRow({ x: 1, y: 2, id: 7 });
void r;
t.pushRow();
t.pushRow({ big: 3n });
// @ts-expect-error a number for a bigint column
t.pushRow({ big: 3 });
// @ts-expect-error a bigint for a number column
t.pushRow({ x: 3n });
// @ts-expect-error a key that is not a column, in a literal
t.pushRow({ vx: 1 });
t.setRow(0, { kind: 2 });
// @ts-expect-error setRow takes values
t.setRow(0);
const row = t.newRow();
row.x = 1.5;
row.big = 2n;
// @ts-expect-error the row's fields have their column's type
row.id = 'a';
assertType<Equal<ReturnType<typeof t.getRow>, TableRow<typeof schema>>>();

// The cols object and its columns are read-only properties.
// @ts-expect-error cols cannot be reassigned
t.cols = t.cols;
// @ts-expect-error neither can a column
t.cols.x = new F32Vec(8192);

// A predicate gets the row index.
t.retainRows((i) => t.cols.x.get(i) > 0);
// @ts-expect-error the row is a number
t.retainRows((i: string) => i.length > 0);

// alloc and over keep the literals.
const fromSlab = Table.alloc(new Slab(1 << 16), 256, { x: F32Vec });
assertType<Equal<typeof fromSlab.cols.x, F32Vec<256>>>();
const over = Table.over(new ArrayBuffer(1024), 0, 64, { id: U32Vec });
assertType<Equal<typeof over.cols.id, U32Vec<64>>>();
assertType<Equal<(typeof over.columnNames)[number], 'id'>>();
const adopted = Table.assumeInit(new SharedArrayBuffer(1024), 0, 64, { id: U32Vec }, 3);
assertType<Equal<typeof adopted.cols.id, U32Vec<64>>>();

// A schema must map names to typed vector classes.
// @ts-expect-error not a class
new Table(4, { x: 5 });
