/**
 * `Table`: typed columns with one length. A model test against an array of row objects
 * over a schema of several classes (a bigint one included), a poison test over caller
 * memory filled with each kind's sentinel, the column lock (every length-changing method
 * of every class throws, every other one keeps the length), the bad-input matrix, and user
 * code that resets the slab, grows the memory or re-enters the table in the middle of a call.
 */

import fc from 'fast-check';
import {
  CapacityError,
  ColumnLengthError,
  DetachedError,
  F32Vec,
  F64Vec,
  I32Vec,
  I64Vec,
  IndexError,
  OptionVec,
  ReleasedError,
  Slab,
  Table,
  U32Vec,
  U8ClampedVec,
  U8Vec,
  type TableSchema,
  type TypedVecClass,
} from '../src/index';
import { LENGTH_CHANGING } from '../src/restricted';
import { TYPED_KINDS, kindById, type AnyVec, type Elem, type Kind, type RawArray } from './support/kinds';
import { MEMBER_CALLS, contextOf, hasMember, memberOf } from './support/member-calls';
import { WasmMemory, type TypedVec } from './support/vec-classes';

/** The model test's schema: six classes, F32Vec twice (a group of two), a bigint column. */
const SCHEMA = { f: F32Vec, d: F64Vec, i: I32Vec, f2: F32Vec, b: U8Vec, c: U8ClampedVec, g: I64Vec } as const;
type Name = keyof typeof SCHEMA;
const NAMES = Object.keys(SCHEMA) as Name[];
const KIND_OF: Record<Name, Kind> = { f: kindById('f32'), d: kindById('f64'), i: kindById('i32'), f2: kindById('f32'), b: kindById('u8'), c: kindById('u8c'), g: kindById('i64') };
const ZERO = (name: Name): Elem => (KIND_OF[name].isBigInt ? 0n : 0);

type Row = Record<Name, Elem>;
type Values = Partial<Row>;

/** What the table must hold: its rows, each converted as its column's typed array stores it. */
function stored(values: Values, base: Row | undefined): Row {
  const row = {} as Row;
  for (const name of NAMES) {
    const given = values[name];
    row[name] = given === undefined ? (base?.[name] ?? ZERO(name)) : KIND_OF[name].convert(given);
  }
  return row;
}

/** Every column equals the model's column, and has the table's length. */
function expectModel(table: Table<typeof SCHEMA>, model: readonly Row[]): void {
  expect(table.length).toBe(model.length);
  for (const name of NAMES) {
    const column = table.cols[name] as unknown as AnyVec;
    expect(column.length).toBe(model.length);
    expect(column.toArray()).toEqual(model.map((row) => row[name]));
  }
}

const valuesArb: fc.Arbitrary<Values> = fc.record(
  Object.fromEntries(NAMES.map((name) => [name, KIND_OF[name].element])) as { [K in Name]: fc.Arbitrary<Elem> },
  { requiredKeys: [] },
) as fc.Arbitrary<Values>;

type Op =
  | { op: 'push'; values: Values | undefined }
  | { op: 'tryPush'; values: Values }
  | { op: 'swapRemove' | 'removeRow' | 'getRow'; index: number }
  | { op: 'setRow'; index: number; values: Values }
  | { op: 'retain'; keep: boolean[] }
  | { op: 'truncate'; length: number }
  | { op: 'clear' };

const CAPACITY = 12;
const indexArb = fc.oneof(fc.nat(CAPACITY + 2), fc.constantFrom(-1, 0.5, Number.NaN));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('push' as const), values: fc.option(valuesArb, { nil: undefined }) }) },
  fc.record({ op: fc.constant('tryPush' as const), values: valuesArb }),
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('swapRemove' as const, 'removeRow' as const, 'getRow' as const), index: indexArb }) },
  fc.record({ op: fc.constant('setRow' as const), index: indexArb, values: valuesArb }),
  fc.record({ op: fc.constant('retain' as const), keep: fc.array(fc.boolean(), { maxLength: CAPACITY }) }),
  fc.record({ op: fc.constant('truncate' as const), length: fc.nat(CAPACITY + 2) }),
  fc.record({ op: fc.constant('clear' as const) }),
);

const validIndex = (index: number, length: number): boolean => Number.isInteger(index) && index >= 0 && index < length;

/** Applies `op` to the table and the model; a refused op must throw the expected error and change nothing. */
function apply(table: Table<typeof SCHEMA>, model: Row[], op: Op): void {
  switch (op.op) {
    case 'push':
      if (model.length === CAPACITY) {
        expect(() => table.pushRow(op.values as never)).toThrow(CapacityError);
      } else {
        expect(table.pushRow(op.values as never)).toBe(model.length);
        model.push(stored(op.values ?? {}, undefined));
      }
      break;
    case 'tryPush': {
      const full = model.length === CAPACITY;
      expect(table.tryPushRow(op.values as never)).toBe(full ? -1 : model.length);
      if (!full) model.push(stored(op.values, undefined));
      break;
    }
    case 'swapRemove':
    case 'removeRow':
    case 'getRow':
      if (!validIndex(op.index, model.length)) {
        expect(() => table[op.op](op.index)).toThrow(IndexError);
      } else if (op.op === 'getRow') {
        expect({ ...table.getRow(op.index) }).toEqual(model[op.index]);
      } else if (op.op === 'removeRow') {
        table.removeRow(op.index);
        model.splice(op.index, 1);
      } else {
        table.swapRemove(op.index);
        const last = model.pop()!;
        if (op.index < model.length) model[op.index] = last;
      }
      break;
    case 'setRow':
      if (!validIndex(op.index, model.length)) {
        expect(() => table.setRow(op.index, op.values as never)).toThrow(IndexError);
      } else {
        table.setRow(op.index, op.values as never);
        model[op.index] = stored(op.values, model[op.index]);
      }
      break;
    case 'retain': {
      const seen: number[] = [];
      table.retainRows((row) => (seen.push(row), op.keep[row] ?? false));
      expect(seen).toEqual(model.map((_row, i) => i));
      const kept = model.filter((_row, i) => op.keep[i] ?? false);
      model.splice(0, model.length, ...kept);
      break;
    }
    case 'truncate':
      table.truncate(op.length);
      model.splice(op.length);
      break;
    case 'clear':
      table.clear();
      model.splice(0);
      break;
  }
}

describe('Table: model test against an array of rows', () => {
  test('random row operations keep every column equal to the model, with the table length', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const table = new Table(CAPACITY, SCHEMA);
        const model: Row[] = [];
        for (const op of ops) {
          apply(table, model, op);
          expectModel(table, model);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('over caller memory poisoned with each kind\'s sentinel, no slot a column shows was left there', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.nat(3), (ops, pad) => {
        const bytes = Table.bytesFor(CAPACITY, SCHEMA);
        const buffer = new ArrayBuffer(bytes + 8 * (pad + 1));
        const table = Table.over(buffer, 8 * pad, CAPACITY, SCHEMA);
        for (const name of NAMES) {
          const kind = KIND_OF[name];
          const view = (table.cols[name] as unknown as AnyVec).view() as unknown as RawArray;
          const ctor = (table.cols[name] as unknown as { constructor: { Array: new (b: ArrayBufferLike, o: number, n: number) => RawArray } }).constructor.Array;
          const region = new ctor(buffer, view.byteOffset, CAPACITY);
          for (let k = 0; k < CAPACITY; k++) region[k] = kind.sentinel;
        }
        const model: Row[] = [];
        for (const op of ops) {
          apply(table, model, op);
          for (const name of NAMES) {
            const poison = KIND_OF[name].convert(KIND_OF[name].sentinel);
            expect((table.cols[name] as unknown as AnyVec).toArray()).not.toContain(poison);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Table: layout', () => {
  test('bytesFor is the sum of the element sizes, and the columns are laid out largest first without padding', () => {
    const schema = { a: U8Vec, b: F64Vec, c: F32Vec, d: I64Vec, e: U32Vec } as const;
    expect(Table.bytesFor(10, schema)).toBe(10 * (1 + 8 + 4 + 8 + 4));
    const buffer = new ArrayBuffer(Table.bytesFor(10, schema) + 16);
    const table = Table.over(buffer, 16, 10, schema);
    const offset = (name: keyof typeof schema): number => ((table.cols[name] as unknown as AnyVec).view() as unknown as RawArray).byteOffset;
    expect([offset('b'), offset('d'), offset('c'), offset('e'), offset('a')]).toEqual([16, 96, 176, 216, 256]);
    expect(table.columnNames).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Object.isFrozen(table.cols)).toBe(true);
    expect(Object.isFrozen(table.columnNames)).toBe(true);
  });

  test('Table.alloc takes the columns from the slab, aligned as the slab aligns them; reset releases them', () => {
    const slab = new Slab(1024);
    slab.alloc(U8Vec, 3); // the next 8-byte column must start at 8
    const table = Table.alloc(slab, 10, { tag: U8Vec, at: F64Vec });
    expect(((table.cols.at as unknown as AnyVec).view() as unknown as RawArray).byteOffset).toBe(8);
    expect(slab.allocations).toBe(3);
    table.pushRow({ tag: 1, at: 2.5 });
    slab.reset();
    expect(table.length).toBe(0);
    expect(() => table.pushRow({ tag: 2 })).toThrow(ReleasedError);
    expect(() => table.swapRemove(0)).toThrow(ReleasedError);
    expect(() => table.clear()).toThrow(ReleasedError);
    expect(() => table.pushRow({ tag: 2 })).toThrow(/Table\.pushRow: the table was released/);
  });

  test('Table.alloc checks its slab', () => {
    expect(() => Table.alloc({} as never, 4, { x: F32Vec })).toThrow(/^Table\.alloc: slab must be a Slab, got an object/);
    const memory = new WasmMemory({ initial: 1 });
    const slab = Slab.over(memory);
    memory.grow(1);
    expect(() => Table.alloc(slab, 4, { x: F32Vec })).toThrow(/^Table\.alloc: /);
    expect(() => Table.alloc(slab, 4, { x: F32Vec })).toThrow(TypeError);
  });

  test('Table.alloc that does not fit allocates nothing', () => {
    const slab = new Slab(90);
    slab.alloc(U8Vec, 1);
    const err = (() => {
      try {
        Table.alloc(slab, 10, { a: F64Vec, b: U8Vec });
      } catch (e) {
        return e as CapacityError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CapacityError);
    expect(err!.message).toMatch(/^Table\.alloc: 10 rows of 9 bytes \(97 bytes with alignment\) do not fit: 89 of 90 bytes free; nothing was allocated$/);
    expect(err!.requiredLength).toBe(8 + 80 + 10);
    expect(slab.used).toBe(1);
    expect(slab.allocations).toBe(1);
  });

  test('a table over a WebAssembly.Memory throws DetachedError after grow()', () => {
    const memory = new WasmMemory({ initial: 1 });
    const table = Table.over(memory, 0, 16, { x: F32Vec, n: U8Vec });
    table.pushRow({ x: 1 });
    memory.grow(1);
    expect(() => table.pushRow({ x: 2 })).toThrow(DetachedError);
    expect(() => table.swapRemove(0)).toThrow(DetachedError);
    expect(() => table.getRow(0)).toThrow(DetachedError);
  });
});

describe('Table: columns are locked to the table length', () => {
  /** A table with one column of `kind`, holding 3 rows. */
  const tableOf = (kind: Kind): { table: Table<TableSchema>; column: TypedVec } => {
    const table = new Table(8, { v: kind.cls as unknown as TypedVecClass });
    for (const x of kind.samples) table.pushRow({ v: x } as never);
    return { table, column: table.cols.v as unknown as TypedVec };
  };

  describe.each(TYPED_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
    test.each(LENGTH_CHANGING.map((name) => [name]))('%s throws ColumnLengthError and changes nothing', (name) => {
      const { table, column } = tableOf(kind);
      const before = column.toArray();
      const call = Object.entries(MEMBER_CALLS).find(([key]) => memberOf(key) === name);
      expect(call).toBeDefined();
      let thrown: unknown;
      try {
        call![1].call(column, contextOf(kind, kind.samples[0]));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ColumnLengthError);
      expect((thrown as ColumnLengthError).column).toBe('v');
      expect((thrown as Error).message).toMatch(new RegExp(`^${kind.name}\\.${name}: this vector is the column "v" of a Table`));
      expect(column.toArray()).toEqual(before);
      expect(table.length).toBe(3);
    });

    test('every other member keeps the column at the table length', () => {
      for (const [key, { call }] of Object.entries(MEMBER_CALLS)) {
        if ((LENGTH_CHANGING as readonly string[]).includes(memberOf(key)) || !hasMember(kind, key)) continue;
        const { table, column } = tableOf(kind);
        try {
          call(column, contextOf(kind, kind.samples[0]));
        } catch (error) {
          expect(error).not.toBeInstanceOf(ColumnLengthError);
        }
        expect([key, column.length]).toEqual([key, 3]);
        expect(table.length).toBe(3);
      }
    });

    test('a column is an ordinary vector of its class otherwise', () => {
      const { column } = tableOf(kind);
      expect(column).toBeInstanceOf(kind.cls as unknown as new () => unknown);
      expect(Object.prototype.toString.call(column)).toBe(`[object ${kind.name}]`);
      expect(column.toArray()).toEqual([...kind.samples]);
      expect(column.clone().toArray()).toEqual([...kind.samples]);
      column.clone().push(kind.samples[0]); // a clone is not a column
    });
  });

  test('copyTo may overwrite a column but not grow it', () => {
    const table = new Table(8, { x: F32Vec });
    table.pushRow({ x: 1 });
    table.pushRow({ x: 2 });
    F32Vec.of(5, 6).copyTo(table.cols.x);
    expect(table.cols.x.toArray()).toEqual([5, 6]);
    expect(() => F32Vec.of(7, 8, 9).copyTo(table.cols.x)).toThrow(ColumnLengthError);
    expect(() => F32Vec.of(7).copyTo(table.cols.x, 2)).toThrow(/F32Vec\.copyTo: the target vector is the column "x"/);
    expect(table.cols.x.toArray()).toEqual([5, 6]);
    expect(table.length).toBe(2);
  });

  test('the kernels run over columns', () => {
    const table = new Table(4, { x: F32Vec, vx: F32Vec });
    table.pushRow({ x: 1, vx: 2 });
    table.pushRow({ x: 3, vx: 4 });
    table.cols.x.axpy(0.5, table.cols.vx);
    expect(table.cols.x.toArray()).toEqual([2, 5]);
    expect(table.cols.x.sum()).toBe(7);
    expect([...table.cols.vx.view()]).toEqual([2, 4]);
  });
});

describe('Table: bad input is a typed error naming the method, and changes nothing', () => {
  test.each([
    ['not an object', 5, /^Table: the schema is 5;/],
    ['null', null, /^Table: the schema is null;/],
    ['no columns', {}, /^Table: the schema has no columns;/],
    ['a non-class column', { x: 5 }, /^Table: the schema gives column "x" 5, not a typed vector class;/],
    ['OptionVec', { x: OptionVec }, /^Table: the schema gives column "x" a function, not a typed vector class;/],
    ['__proto__', JSON.parse('{"__proto__": 1}'), /^Table: the schema names a column "__proto__"/],
  ])('a schema that is %s', (_what, schema, message) => {
    expect(() => new Table(4, schema as never)).toThrow(TypeError);
    expect(() => new Table(4, schema as never)).toThrow(message);
    expect(() => Table.bytesFor(4, schema as never)).toThrow(new RegExp(message.source.replace('^Table', '^Table\\.bytesFor')));
  });

  test.each([-1, 1.5, Number.NaN, '4', 2 ** 32])('a capacity of %p', (capacity) => {
    expect(() => new Table(capacity as never, { x: F32Vec })).toThrow(/^Table: capacity must be/);
    expect(() => Table.bytesFor(capacity as never, { x: F32Vec })).toThrow(/^Table\.bytesFor: capacity must be/);
  });

  test('Table.over checks the memory, the alignment and the region', () => {
    const buffer = new ArrayBuffer(64);
    expect(() => Table.over(buffer, 4, 2, { a: F64Vec })).toThrow(/^Table\.over: .*8/);
    expect(() => Table.over(buffer, 0, 9, { a: F64Vec })).toThrow(RangeError);
    expect(() => Table.over(buffer, 0, 9, { a: F64Vec })).toThrow(/^Table\.over: .*for 9 rows of 8 bytes/);
    expect(() => Table.over({} as never, 0, 2, { a: F64Vec })).toThrow(/^Table\.over:/);
    expect(Table.over(buffer, 8, 7, { a: F64Vec }).capacity).toBe(7);
  });

  test('pushRow: values of the wrong type, or not an object', () => {
    const table = new Table(4, { x: F32Vec, n: I64Vec });
    table.pushRow({ x: 1, n: 2n });
    const cases: [unknown, RegExp][] = [
      [{ x: '1' }, /^Table\.pushRow: the value of column "x" must be a number \(or absent, for 0\), got "1"; the table was not changed$/],
      [{ x: 1n }, /column "x" must be a number .*got 1n/],
      [{ n: 1 }, /column "n" must be a bigint \(or absent, for 0n\), got 1;/],
      [{ x: 2, n: null }, /column "n" must be a bigint .*got null/],
      [5, /^Table\.pushRow: values must be an object/],
      [null, /^Table\.pushRow: values must be an object/],
    ];
    for (const [values, message] of cases) {
      expect(() => table.pushRow(values as never)).toThrow(TypeError);
      expect(() => table.pushRow(values as never)).toThrow(message);
      expect(() => table.tryPushRow(values as never)).toThrow(message.source.includes('pushRow') ? new RegExp(message.source.replace('pushRow', 'tryPushRow')) : message);
      expect(() => table.setRow(0, values as never)).toThrow(TypeError);
    }
    expect(table.length).toBe(1);
    expect({ ...table.getRow(0) }).toEqual({ x: 1, n: 2n });
  });

  test('a full table: CapacityError carrying the values, tryPushRow -1 without reading them', () => {
    const table = new Table(1, { x: F32Vec });
    table.pushRow({ x: 1 });
    const values = { x: 2 };
    try {
      table.pushRow(values);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(CapacityError);
      expect((error as CapacityError).value).toBe(values);
      expect((error as CapacityError).capacity).toBe(1);
    }
    const getter = jest.fn(() => 3);
    expect(table.tryPushRow({ get x() { return getter(); } })).toBe(-1);
    expect(getter).not.toHaveBeenCalled();
    expect(table.cols.x.toArray()).toEqual([1]);
  });

  test.each(['swapRemove', 'removeRow', 'getRow'] as const)('%s: an index outside [0, length)', (method) => {
    const table = new Table(4, { x: F32Vec });
    table.pushRow({ x: 1 });
    for (const index of [1, -1, 0.5, Number.NaN, '0', 2 ** 32]) {
      expect(() => table[method](index as never)).toThrow(new RegExp(`^Table\\.${method}: `));
      expect(() => table[method](index as never)).toThrow(typeof index === 'number' ? IndexError : TypeError);
    }
    expect(table.cols.x.toArray()).toEqual([1]);
  });

  test('retainRows, truncate and setRow check their arguments', () => {
    const table = new Table(4, { x: F32Vec });
    table.pushRow({ x: 1 });
    expect(() => table.retainRows(5 as never)).toThrow(/^Table\.retainRows: predicate must be a function/);
    expect(() => table.truncate(-1)).toThrow(/^Table\.truncate: newLength must be a non-negative integer/);
    expect(() => table.setRow(1, { x: 2 })).toThrow(IndexError);
    expect(() => table.setRow(0, null as never)).toThrow(/^Table\.setRow: values must be an object/);
    table.truncate(5);
    expect(table.cols.x.toArray()).toEqual([1]);
  });

  test('a revoked Proxy as values is a TypeError naming the method', () => {
    const table = new Table(4, { x: F32Vec });
    const { proxy, revoke } = Proxy.revocable({ x: 1 }, {});
    revoke();
    expect(() => table.pushRow(proxy)).toThrow(/^Table\.pushRow: values is a revoked Proxy/);
    expect(() => table.setRow(0, proxy)).toThrow(/^Table\.setRow: values is a revoked Proxy/);
    expect(table.length).toBe(0);
  });
});

describe('Table: user code inside a call', () => {
  test('a getter that resets the slab: ReleasedError, nothing written', () => {
    const slab = new Slab(256);
    const table = Table.alloc(slab, 4, { x: F32Vec, y: F32Vec });
    const values = {
      x: 1,
      get y() {
        slab.reset();
        return 2;
      },
    };
    expect(() => table.pushRow(values)).toThrow(ReleasedError);
    const fresh = slab.alloc(F32Vec, 8);
    expect(fresh.length).toBe(0);
  });

  test('a getter that grows the memory: DetachedError', () => {
    const memory = new WasmMemory({ initial: 1 });
    const table = Table.over(memory, 0, 4, { x: F32Vec });
    expect(() => table.pushRow({ get x() {
      memory.grow(1);
      return 1;
    } })).toThrow(DetachedError);
  });

  test('a getter that pushes onto the same table: both rows land, each with its own values', () => {
    const table = new Table(4, { x: F32Vec, y: F32Vec });
    const inner = { x: 10, y: 20 };
    const outer = {
      get x() {
        table.pushRow(inner);
        return 1;
      },
      y: 2,
    };
    expect(table.pushRow(outer)).toBe(1);
    expect(table.cols.x.toArray()).toEqual([10, 1]);
    expect(table.cols.y.toArray()).toEqual([20, 2]);
  });

  test('a getter that throws: its error, as it is, and nothing changes', () => {
    const table = new Table(4, { x: F32Vec, y: F32Vec });
    const boom = new Error('boom');
    expect(() => table.pushRow({ x: 1, get y(): number {
      throw boom;
    } })).toThrow(boom);
    expect(table.length).toBe(0);
    table.pushRow({ x: 1 });
    expect(table.cols.y.toArray()).toEqual([0]);
  });

  test('setRow reads the row after the getters ran, so a getter\'s own change to another column is kept', () => {
    const table = new Table(4, { x: F32Vec, y: F32Vec });
    table.pushRow({ x: 1, y: 2 });
    table.setRow(0, { get x() {
      table.cols.y.set(0, 7);
      return 5;
    } });
    expect({ ...table.getRow(0) }).toEqual({ x: 5, y: 7 });
  });

  test('a predicate that changes the length: an Error, nothing removed', () => {
    const table = new Table(8, { x: F32Vec });
    for (let i = 0; i < 4; i++) table.pushRow({ x: i });
    expect(() => table.retainRows((row) => {
      if (row === 1) table.pushRow({ x: 9 });
      return false;
    })).toThrow(/^Table\.retainRows: the callback changed the length from 4 to 5; the table keeps the callback's changes$/);
    expect(table.cols.x.toArray()).toEqual([0, 1, 2, 3, 9]);
  });

  test('a predicate that resets the slab: ReleasedError', () => {
    const slab = new Slab(256);
    const table = Table.alloc(slab, 4, { x: F32Vec });
    table.pushRow({ x: 1 });
    expect(() => table.retainRows(() => (slab.reset(), true))).toThrow(ReleasedError);
  });

  test('a predicate that runs retainRows on another table gets its own scratch', () => {
    const a = new Table(8, { x: F32Vec });
    const b = new Table(8, { x: F32Vec });
    for (let i = 0; i < 6; i++) {
      a.pushRow({ x: i });
      b.pushRow({ x: i });
    }
    a.retainRows((row) => {
      if (row === 0) b.retainRows((r) => r % 2 === 1);
      return row % 3 === 0;
    });
    expect(a.cols.x.toArray()).toEqual([0, 3]);
    expect(b.cols.x.toArray()).toEqual([1, 3, 5]);
  });
});

describe('Table: rows', () => {
  test('newRow gives every key, zero, in schema order; getRow a fresh object of the row', () => {
    const table = new Table(4, { x: F32Vec, id: U32Vec, big: I64Vec });
    const row = table.newRow();
    expect(Object.keys(row)).toEqual(['x', 'id', 'big']);
    expect({ ...row }).toEqual({ x: 0, id: 0, big: 0n });
    row.x = 1.5;
    row.big = 3n;
    expect(table.pushRow(row)).toBe(0);
    const read = table.getRow(0);
    expect({ ...read }).toEqual({ x: 1.5, id: 0, big: 3n });
    expect(read).not.toBe(table.getRow(0));
    read.x = 9;
    expect(table.cols.x.get(0)).toBe(1.5);
  });

  test('other properties of a row object are ignored, absent ones are zero', () => {
    const table = new Table(4, { x: F32Vec, y: F32Vec });
    table.pushRow({ x: 1, extra: 'ignored' } as never);
    expect({ ...table.getRow(0) }).toEqual({ x: 1, y: 0 });
  });

  test('a table of more columns than the stager\'s own sites reads every one', () => {
    const schema = Object.fromEntries(Array.from({ length: 20 }, (_, c) => [`c${c}`, c % 2 === 0 ? F64Vec : I32Vec])) as TableSchema;
    const table = new Table(2, schema);
    const values = Object.fromEntries(Array.from({ length: 20 }, (_, c) => [`c${c}`, c + 0.5]));
    table.pushRow(values as never);
    expect(Object.values(table.getRow(0))).toEqual(Array.from({ length: 20 }, (_, c) => (c % 2 === 0 ? c + 0.5 : c)));
    expect(() => table.pushRow({ c19: 'x' } as never)).toThrow(/column "c19"/);
  });
});
