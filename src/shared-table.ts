/**
 * `SharedTable`: one writer thread, any number of reader threads, one `Table` in a
 * `SharedArrayBuffer` with a published length: a physics worker moves the particles, the
 * renderer reads them. The writer's `table` is an ordinary table (its row operations and
 * columns unchanged); `publish()` makes its current length visible with one atomic store;
 * a reader's `sync()` adopts the published length with one atomic load, so a reader never
 * sees a row at or past it.
 *
 * @module
 */

import { pinName } from './class-name.js';
import { throwSharedMemoryUnavailable, throwSharedVecError, throwTableReaderWrite } from './errors.js';
import { checkCapacity } from './internal.js';
import { CAPACITY, type HeaderOwner, KIND, PUBLICATION_HEADER_BYTES, Publication, attachHeader, loadPublishedLength, makeHeader, publicationBuffer } from './publication.js';
import { readOnlyPrototype, refusingPrototype } from './restricted.js';
import { columnName, rowKitOf } from './row-kit.js';
import { Table, type TableSchema, schemaColumns, setTableLength } from './table.js';

/** A SharedTable's header (src/publication.ts): `"STBL"` as a little-endian int32 is its magic; KIND holds a hash of the columns. */
const OWNER: HeaderOwner = { name: 'SharedTable', magic: 0x4c425453 };

/** What `descriptor()` returns and `SharedTable.attach` takes: a plain object that survives `postMessage`. */
export interface SharedTableDescriptor<M extends number = number> {
  /** The buffer: the header, then the table's columns. */
  readonly buffer: SharedArrayBuffer;
  /** Always 0: a SharedTable's buffer is its own. */
  readonly byteOffset: number;
  /** The table's capacity, in rows. */
  readonly capacity: M;
  /** The columns in schema order, each as its name and its class's element id: `[['x', 'f32'], ['id', 'u32']]`. */
  readonly columns: readonly (readonly [name: string, kind: string])[];
}

/** Every method of a `Table` that writes it: a reader's table refuses each. `__tests__/shared-table.test.ts` checks that the others write nothing. */
export const TABLE_WRITING = ['pushRow', 'tryPushRow', 'swapRemove', 'removeRow', 'retainRows', 'truncate', 'clear', 'setRow'] as const;

/** The prototype of a reader's table, once made: see {@link readerTablePrototype}. */
let readerTable: object | undefined;

/**
 * The prototype of a reader's table: `Table.prototype` with every {@link TABLE_WRITING}
 * method refusing. Made on first use, not when the module loads, so that a bundler that
 * drops `SharedTable` drops `Table` with it.
 */
function readerTablePrototype(): object {
  return (readerTable ??= refusingPrototype(Table.prototype, 'Table', TABLE_WRITING, (where) => throwTableReaderWrite(where)));
}

/** The read-only prototype over each column prototype (a class's table lock), made on first use. */
const READER_COLUMNS = new WeakMap<object, object>();

/** The read-only prototype for `column`, a column of a reader's table, over the prototype it has. */
function readerColumnPrototype(column: object, className: string): object {
  const locked = Object.getPrototypeOf(column) as object;
  let proto = READER_COLUMNS.get(locked);
  if (proto === undefined) {
    proto = readOnlyPrototype(locked, className, (where, vec, hint) => throwTableReaderWrite(where, columnName(vec) ?? '?', hint));
    READER_COLUMNS.set(locked, proto);
  }
  return proto;
}

/**
 * A table shared between threads: one writer, any number of readers.
 *
 * - `SharedTable.create(8192, schema)` makes the writer: `w.table` is an ordinary
 *   `Table<typeof schema, 8192>` in a new `SharedArrayBuffer`; change it as any table, then
 *   `w.publish()`.
 * - `SharedTable.attach(w.descriptor(), schema)` (in another thread, after `postMessage`)
 *   makes a reader: the schema must have the writer's columns, names and classes, in the
 *   writer's order. `r.sync()` gives `r.table` the published length; `r.table` and its
 *   columns read as any table, but refuse every call that would write (a TypeError naming
 *   the method; the kernels with `out` still run).
 * - A reader never sees a row at or past the published length. Rows below it that the writer
 *   changes after a publish (a `swapRemove`, the physics step's kernels) may be read
 *   mid-change: `sequence` changes on every publish, so a reader can tell; double-buffer
 *   (two SharedTables, published in turn) when a reader needs a consistent frame.
 * - Waiting: `changed(last, ms)` blocks with `Atomics.wait` (workers only: a browser's main
 *   thread and audio worklets cannot block), `changedAsync(last, ms)` works everywhere.
 *
 * @example
 * ```ts
 * const schema = { x: F32Vec, y: F32Vec, id: U32Vec } as const;
 * const w = SharedTable.create(1024, schema);
 * w.table.pushRow({ x: 1, y: 2, id: 7 });
 * w.publish();
 * const r = SharedTable.attach(w.descriptor(), schema); // in the renderer, after postMessage
 * r.sync();                                             // 1
 * r.table.cols.x.get(0);                                // 1
 * ```
 *
 * @typeParam S - the schema.
 * @typeParam M - the capacity.
 */
export class SharedTable<const S extends TableSchema, const M extends number = number> extends Publication {
  static {
    pinName(this, 'SharedTable');
  }

  // Invariant: the header's KIND slot holds columnsHash(#columns); #table lies over the
  // buffer after the header. A reader's #table and its columns have the read-only
  // prototypes, and the table's length changes only in sync().
  readonly #table: Table<S, M>;
  readonly #columns: readonly (readonly [string, string])[];

  private constructor(header: Int32Array, table: Table<S, M>, writer: boolean, capacity: M, columns: readonly (readonly [string, string])[]) {
    super(OWNER, header, writer, capacity, table, (length) => setTableLength(table as unknown as Table<TableSchema>, length));
    this.#table = table;
    this.#columns = columns;
  }

  /**
   * The writer of a new shared table: an empty table of `capacity` rows of `schema` in a new
   * `SharedArrayBuffer`, with the header that `attach` checks.
   *
   * @throws TypeError or RangeError for a capacity or schema `Table` rejects; TypeError
   * where there is no `SharedArrayBuffer` (a page that is not cross-origin isolated).
   */
  static create<const S2 extends TableSchema, const M2 extends number>(capacity: M2, schema: S2): SharedTable<S2, M2> {
    const where = 'SharedTable.create';
    checkCapacity(where, capacity);
    const columns = schemaColumns(where, schema);
    const bytes = Table.bytesFor(capacity, schema);
    if (typeof SharedArrayBuffer !== 'function') throwSharedMemoryUnavailable(where);
    const buffer = new SharedArrayBuffer(PUBLICATION_HEADER_BYTES + bytes);
    const header = makeHeader(OWNER, buffer, columnsHash(columns), capacity);
    const table = Table.over(buffer, PUBLICATION_HEADER_BYTES, capacity, schema);
    return new SharedTable<S2, M2>(header, table, true, capacity, columns);
  }

  /**
   * A reader of the shared table that `descriptor` describes, checked against the header in
   * its buffer. `r.table` starts with the length published last.
   *
   * @param descriptor - what `descriptor()` of the writer (or of another reader) returned.
   * @param schema - the writer's schema: the same names and classes, in the same order.
   * @throws TypeError when `descriptor` is not such an object, its buffer is not a
   * `SharedArrayBuffer`, the header is not a SharedTable header of this version, its
   * capacity differs from the descriptor's, or `schema`'s columns differ from the
   * descriptor's or the header's.
   */
  static attach<const S2 extends TableSchema, const M2 extends number>(descriptor: SharedTableDescriptor<M2>, schema: S2): SharedTable<S2, M2> {
    const where = 'SharedTable.attach';
    const header = attachHeader(where, OWNER, descriptor);
    const { buffer, capacity } = descriptor;
    const columns = schemaColumns(where, schema);
    const given = JSON.stringify(columns);
    const described = JSON.stringify(descriptor.columns);
    if (described !== given) throwSharedVecError(where, 'descriptor.columns', described, `the schema's columns, ${given}`);
    if (Atomics.load(header, KIND) !== columnsHash(columns)) throwSharedVecError(where, 'the header', 'a table of other columns', `a table of the columns ${given}`);
    const cap = Atomics.load(header, CAPACITY) >>> 0;
    if (cap !== capacity || PUBLICATION_HEADER_BYTES + Table.bytesFor(cap, schema) > buffer.byteLength) {
      throwSharedVecError(where, 'descriptor.capacity', capacity, `the capacity in the header, ${cap}, within the buffer`);
    }
    const published = loadPublishedLength(where, header, cap);
    const table = Table.assumeInit(buffer, PUBLICATION_HEADER_BYTES, cap as M2, schema, published);
    for (const column of Object.values(table.cols) as object[]) {
      Object.setPrototypeOf(column, readerColumnPrototype(column, rowKitOf(column.constructor)!.className));
    }
    Object.setPrototypeOf(table, readerTablePrototype());
    return new SharedTable<S2, M2>(header, table, false, cap as M2, columns);
  }

  /** The table: the writer's, to change; a reader's, to read (it and its columns refuse writes). */
  get table(): Table<S, M> {
    return this.#table;
  }

  /** A plain, cloneable object to post to the threads that read: `SharedTable.attach` takes it. */
  descriptor(): SharedTableDescriptor<M> {
    return { buffer: publicationBuffer(this), byteOffset: 0, capacity: this.capacity as M, columns: this.#columns.map(([name, kind]) => [name, kind] as const) };
  }
}

/** A 32-bit FNV-1a hash of the columns' description, for the header: a reader with other columns is refused. */
function columnsHash(columns: readonly (readonly [string, string])[]): number {
  const text = JSON.stringify(columns);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
