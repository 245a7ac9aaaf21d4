/**
 * `Table`: typed columns with one length, for struct-of-arrays data such as the particles of
 * a game loop: each column is an ordinary typed vector (kernels, `get`, `set`, `view()`),
 * and rows are added and removed through the table, in every column at once.
 *
 * @module
 */

import { pinName } from './class-name.js';
import {
  describeValue,
  rethrow,
  throwArgumentError,
  throwCapacityError,
  throwIndexError,
  throwModifiedDuringCallback,
  throwNotAFunction,
  throwNotAnObject,
  throwRegionError,
  throwRowValueError,
  throwSchemaError,
  throwTableAllocError,
  throwAllocationError,
} from './errors.js';
import type { TypedVecClass, TypedVecOf } from './generated/index.js';
import { ROW_STAGERS, type RowStager } from './generated/row-stager.js';
import { SCRATCH_LIMIT, checkCapacity, checkIntegerInRange, checkNonNegativeInteger, checkNotRevoked } from './internal.js';
import { type Memory, bufferOf, checkRegion } from './memory.js';
import { ROW_CHECK, ROW_KEEP, ROW_MOVE, ROW_READ, ROW_SET_LENGTH, ROW_SHIFT, ROW_WRITE, onColumnRelease, type RowColumn, type RowKit, rowKitOf } from './row-kit.js';
import { Slab, allocateAll } from './slab.js';
import { lockColumn } from './table-columns.js';
import type { FixedVec } from './types.js';

/** A table's columns: names mapped to typed vector classes, `{ x: F32Vec, id: U32Vec }`. */
export type TableSchema = { readonly [name: string]: TypedVecClass };

/** The columns of a table of capacity `N`: `{ x: F32Vec<N>, id: U32Vec<N> }` for the schema above. */
export type TableColumns<S extends TableSchema, N extends number> = { readonly [K in keyof S]: TypedVecOf<S[K], N> };

/** One row's values: a number for each number column, a bigint for each 64-bit column. */
export type TableRow<S extends TableSchema> = {
  -readonly [K in keyof S]: TypedVecOf<S[K], number> extends FixedVec<infer E> ? E : never;
};

/** A schema, checked: its names, classes and kits in schema order. */
interface ParsedSchema {
  readonly names: readonly string[];
  readonly classes: readonly TypedVecClass[];
  readonly kits: readonly RowKit[];
}

/**
 * Makes the empty column vector of each schema entry, in schema order, for the method
 * `where`; `schema`, when given, is the schema that method parsed already (read once).
 */
interface ColumnMaker {
  readonly where: string;
  readonly schema?: ParsedSchema;
  make(schema: ParsedSchema, capacity: number): object[];
}

/**
 * Sets a table's length and its columns' (see {@link setTableLength}); assigned by the class's
 * static block, so that no public path (not even reflection) reaches `#setLength`.
 */
let tableLengthSetter: (table: Table<TableSchema>, length: number) => void;

/**
 * Typed columns of one capacity and one length. `t.cols.x` is an ordinary vector of its
 * class (`F32Vec<N>`) whose length is always the table's; row operations (`pushRow`,
 * `swapRemove`, `removeRow`, `retainRows`, `truncate`, `clear`) change every column at once,
 * and a method that would change one column's length alone throws `ColumnLengthError`.
 *
 * - Rows are added with every column written first (the given value, or zero), so no slot a
 *   column shows was left from an earlier row.
 * - All the columns live in one buffer region: the table's own `ArrayBuffer`
 *   (`new Table`), a region of a slab (`Table.alloc`, released with the slab), or caller
 *   memory (`Table.over`: an `ArrayBuffer`, `SharedArrayBuffer` or `WebAssembly.Memory`).
 * - Row operations make one call per column and allocate nothing; no number crosses a
 *   call, and `pushRow` reads a row object without boxing its numbers (docs/design.md,
 *   "Tables"). `getRow` returns a new object.
 *
 * @example
 * ```ts
 * const t = new Table(1024, { x: F32Vec, y: F32Vec, id: U32Vec });
 * const row = t.pushRow({ x: 1, y: 2, id: 7 }); // 0
 * t.cols.x.axpy(0.5, t.cols.y);                 // kernels over the columns
 * t.swapRemove(row);                            // every column loses that row
 * t.cols.x.push(3);                             // ColumnLengthError
 * ```
 *
 * @typeParam S - the schema.
 * @typeParam N - the capacity, as a literal type where it is known.
 */
export class Table<const S extends TableSchema, const N extends number = number> {
  static {
    pinName(this, 'Table');
  }

  /**
   * The columns, by name: vectors whose length is always the table's.
   *
   * @group Core
   */
  readonly cols: TableColumns<S, N>;

  // Representation invariant: #columns holds the columns in schema order; every column is
  // a locked vector of its schema class (with its class's row operations) with
  // #capacity slots, all in one buffer region (so one storage check covers them all), and
  // while that storage is usable each column's length is #length. #numbers and #bigints are the stage of one row (schema index),
  // taken (null) while a row operation that runs user code uses them; #zeros and
  // #bigintZeros are a row of zeros, never written.
  readonly #names: readonly string[];
  readonly #publicNames: readonly string[];
  readonly #columns: readonly RowColumn[];
  readonly #bigint: Uint8Array;
  /** The row stager of this table's schema (see {@link stagerFor}). */
  readonly #stageRow: RowStager;
  readonly #capacity: N;
  #length = 0;
  #numbers: Float64Array | null;
  #bigints: bigint[] | null;
  readonly #zeros: Float64Array;
  readonly #bigintZeros: bigint[];

  /** How {@link Table.over} and {@link Table.alloc} hand the constructor its columns; null otherwise. */
  static #pendingMaker: ColumnMaker | null = null;
  /** The decisions of `retainRows`, taken while in use. */
  static #flagsScratch: Uint8Array | null = null;

  /**
   * An empty table with its own zeroed `ArrayBuffer` of {@link Table.bytesFor} bytes.
   *
   * @param capacity - the number of rows, an integer from 0 to 2^32 - 1.
   * @param schema - the columns: `{ x: F32Vec, id: U32Vec }`; at least one.
   * @throws TypeError or RangeError for a capacity that is not such an integer, or a schema
   * that is not an object of typed vector classes.
   * @group Construction
   */
  constructor(capacity: N, schema: S) {
    const maker = Table.#pendingMaker ?? OWN_COLUMNS;
    Table.#pendingMaker = null;
    const where = maker.where;
    checkCapacity(where, capacity);
    const parsed = maker.schema ?? parseSchema(where, schema);
    const made = maker.make(parsed, capacity);
    const columns = made.map((vec, c) => lockColumn(vec, parsed.names[c], parsed.classes[c], parsed.kits[c]));
    const cols: Record<string, object> = {};
    parsed.names.forEach((name, c) => {
      cols[name] = columns[c];
    });
    this.cols = Object.freeze(cols) as TableColumns<S, N>;
    this.#names = [...parsed.names];
    this.#publicNames = Object.freeze([...parsed.names]);
    this.#columns = columns;
    this.#bigint = Uint8Array.from(parsed.kits, (kit) => (kit.bigint ? 1 : 0));
    this.#stageRow = stagerFor(parsed.names);
    // A slab's reset releases the columns, which then have length 0: so has the table.
    onColumnRelease(columns[0], () => {
      this.#length = 0;
    });
    this.#capacity = (capacity + 0) as N; // + 0: a capacity is never -0
    this.#numbers = new Float64Array(columns.length);
    this.#bigints = parsed.kits.map(() => 0n);
    this.#zeros = new Float64Array(columns.length);
    this.#bigintZeros = parsed.kits.map(() => 0n);
  }

  /**
   * Bytes a table of `capacity` rows of `schema` occupies: the sum of its columns' sizes.
   * The columns are laid out from the largest element size down, so there is no padding
   * between them.
   *
   * @throws TypeError or RangeError for a capacity or schema {@link Table} rejects.
   * @group Memory
   */
  static bytesFor(capacity: number, schema: TableSchema): number {
    checkCapacity('Table.bytesFor', capacity);
    return capacity * rowBytes(parseSchema('Table.bytesFor', schema));
  }

  /**
   * An empty table over existing memory: {@link Table.bytesFor} bytes of `memory` from
   * `byteOffset` on, whatever they held treated as uninitialized. Nothing is copied.
   *
   * @param memory - an `ArrayBuffer`, a `SharedArrayBuffer` or a `WebAssembly.Memory` (after
   * `grow()` every row operation throws `DetachedError`).
   * @param byteOffset - a multiple of the largest element size of the schema.
   * @throws TypeError for memory of another kind, a resizable or a detached buffer.
   * @throws RangeError for a misaligned offset or a region past the end of the buffer.
   * @group Memory
   */
  static over<const S2 extends TableSchema, const M extends number>(memory: Memory, byteOffset: number, capacity: M, schema: S2): Table<S2, M> {
    return Table.#overRegion('Table.over', memory, byteOffset, capacity, schema);
  }

  /**
   * Like {@link Table.over}, but the first `length` rows of the region become live as they
   * are, in every column: the table laid out over the same memory elsewhere (a worker, over a
   * `SharedArrayBuffer`) wrote them, and the length travelled in a message. The one place
   * where a table takes rows it did not write, like the vectors' `assumeInit`.
   *
   * @param length - an integer from 0 to `capacity`.
   * @throws the errors of {@link Table.over}, and RangeError when `length > capacity`.
   * @group Memory
   */
  static assumeInit<const S2 extends TableSchema, const M extends number>(
    memory: Memory,
    byteOffset: number,
    capacity: M,
    schema: S2,
    length: number,
  ): Table<S2, M> {
    const where = 'Table.assumeInit';
    const table = Table.#overRegion(where, memory, byteOffset, capacity, schema);
    checkIntegerInRange(where, 'length', length, capacity);
    table.#setLength(length + 0);
    return table;
  }

  /** {@link Table.over} for the method `where`. */
  static #overRegion<S2 extends TableSchema, M extends number>(where: string, memory: Memory, byteOffset: number, capacity: M, schema: S2): Table<S2, M> {
    const buffer = bufferOf(where, memory);
    checkCapacity(where, capacity);
    const parsed = parseSchema(where, schema);
    checkRegion(where, buffer, byteOffset, 0, largestElement(parsed));
    const end = byteOffset + capacity * rowBytes(parsed);
    if (end > buffer.byteLength) throwRegionError(where, byteOffset, end, buffer.byteLength, `for ${capacity} rows of ${rowBytes(parsed)} bytes`);
    Table.#pendingMaker = { where, schema: parsed, make: (schema, rows) => layOut(schema, rows, (cls, at) => cls.over(buffer, byteOffset + at, rows)) };
    return new Table(capacity, schema);
  }

  /**
   * An empty table whose columns are allocated from `slab`, from the largest element size
   * down; `slab.reset()` releases them with the slab's other vectors, and every later row
   * operation throws `ReleasedError`.
   *
   * @throws CapacityError (counting bytes, as `Slab.alloc`) when the columns do not all fit;
   * nothing is allocated then.
   * @throws TypeError or RangeError for a capacity or schema {@link Table} rejects.
   * @group Memory
   */
  static alloc<const S2 extends TableSchema, const M extends number>(slab: Slab, capacity: M, schema: S2): Table<S2, M> {
    const where = 'Table.alloc';
    if (!(slab instanceof Slab)) throwArgumentError(where, 'slab', slab, 'a Slab');
    checkCapacity(where, capacity);
    const parsed = parseSchema(where, schema);
    const order = layoutOrder(parsed);
    const made = allocateAll(slab, where, order.map((c) => [parsed.classes[c], capacity] as const));
    if (typeof made === 'number') throwTableAllocError(where, capacity, rowBytes(parsed), slab.byteLength, slab.used, made);
    const columns: object[] = [];
    order.forEach((c, k) => {
      columns[c] = made[k];
    });
    Table.#pendingMaker = { where, schema: parsed, make: () => columns };
    return new Table(capacity, schema);
  }

  /**
   * The number of rows: every column's length. 0 once a slab released the columns.
   *
   * @group Core
   */
  get length(): number {
    return this.#length;
  }

  /**
   * The number of rows the table holds at most: every column's capacity.
   *
   * @group Core
   */
  get capacity(): N {
    return this.#capacity;
  }

  /**
   * `capacity - length`: how many more rows fit.
   *
   * @group Core
   */
  get remaining(): number {
    return this.#capacity - this.#length;
  }

  /**
   * `length === 0`.
   *
   * @group Core
   */
  get isEmpty(): boolean {
    return this.#length === 0;
  }

  /**
   * `length === capacity`.
   *
   * @group Core
   */
  get isFull(): boolean {
    return this.#length === this.#capacity;
  }

  /**
   * The column names, in schema order.
   *
   * @group Core
   */
  get columnNames(): readonly (keyof S & string)[] {
    return this.#publicNames as readonly (keyof S & string)[];
  }

  /**
   * `"Table"`, for `Object.prototype.toString`.
   *
   * @group Core
   */
  get [Symbol.toStringTag](): string {
    return 'Table';
  }

  /**
   * Appends a row: every column's new slot is written, with the value `values` gives for
   * it, or zero (`0n`) where it gives none. Reading a row object allocates nothing, for the
   * first 16 columns, in a process with at most four schemas (docs/design.md, "Tables").
   *
   * @param values - the row's values by column name; other properties are ignored (in a
   * literal, TypeScript rejects them).
   * @returns the new row's index.
   * @throws CapacityError (carrying `values`) when the table is full.
   * @throws TypeError for a value of the wrong type (a string, a bigint for a number
   * column, a number for a bigint column), or `values` that is not an object.
   * @group Rows
   */
  pushRow(values?: Partial<TableRow<S>>): number {
    const row = this.#pushStaged('Table.pushRow', values);
    if (row < 0) this.#failFull('Table.pushRow', values);
    return row;
  }

  /**
   * A new row object with every column's key, each value zero (`0n` for bigint columns),
   * to fill and pass to {@link Table.pushRow} or {@link Table.setRow} as often as needed.
   * Storing numbers into it allocates nothing: an object literal with the same keys as the
   * schema's literal would share the schema's hidden class, whose fields hold classes, and
   * then every number stored into it is boxed (docs/design.md, "Tables").
   *
   * @group Core
   */
  newRow(): TableRow<S> {
    const row = new RowRecord() as unknown as Record<string, number | bigint>;
    const names = this.#names;
    for (let c = 0; c < names.length; c++) {
      // -0 first: the field becomes a double field, which later numbers are stored into as they are.
      row[names[c]] = this.#bigint[c] === 1 ? 0n : -0;
      if (this.#bigint[c] === 0) row[names[c]] = 0;
    }
    return row as TableRow<S>;
  }

  /**
   * Like {@link Table.pushRow}, but returns -1 (and changes nothing) when the table is
   * full; `values` is not read then.
   *
   * @throws TypeError for the values {@link Table.pushRow} rejects.
   * @group Rows
   */
  tryPushRow(values?: Partial<TableRow<S>>): number {
    this.#check('Table.tryPushRow');
    if (this.#length >= this.#capacity) return -1;
    return this.#pushStaged('Table.tryPushRow', values);
  }

  /**
   * Removes row `index` by moving the last row into its place, in every column. O(1); does
   * not keep the order.
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Rows
   */
  swapRemove(index: number): void {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) this.#failIndex('Table.swapRemove', index);
    this.#check('Table.swapRemove');
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_MOVE](length - 1, index, length - 1);
    this.#length = length - 1;
  }

  /**
   * Removes row `index`, moving the later rows down by one in every column: keeps the order.
   * O(length - index).
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Rows
   */
  removeRow(index: number): void {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) this.#failIndex('Table.removeRow', index);
    this.#check('Table.removeRow');
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_SHIFT](index, length);
    this.#length = length - 1;
  }

  /**
   * Keeps the rows for which `predicate(row)` is truthy, in order, in one pass over every
   * column. All-or-nothing: `predicate` is called for every row first, and nothing moves
   * until it has returned for the last one; if it changes the table's length, nothing is
   * removed and an Error says so.
   *
   * @param predicate - called with each row index, in order (read the row through `cols`).
   * @throws TypeError when `predicate` is not a function; what it throws, as it is.
   * @group Rows
   */
  retainRows(predicate: (row: number, table: this) => unknown): void {
    const where = 'Table.retainRows';
    if (typeof predicate !== 'function') throwNotAFunction(where, 'predicate', predicate);
    this.#check(where);
    const length = this.#length;
    let flags = Table.#flagsScratch;
    Table.#flagsScratch = null; // taken: a predicate that calls retainRows gets its own
    if (flags === null || flags.length < length) flags = new Uint8Array(length);
    for (let row = 0; row < length; row++) flags[row] = predicate(row, this) ? 1 : 0;
    this.#check(where);
    if (this.#length !== length) throwModifiedDuringCallback(where, length, this.#length, 'table');
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_KEEP](flags, length);
    let kept = 0;
    for (let row = 0; row < length; row++) kept += flags[row];
    this.#length = kept;
    if (flags.length <= SCRATCH_LIMIT) Table.#flagsScratch = flags;
  }

  /**
   * Shortens the table to `newLength` rows; no effect when it is already that short.
   *
   * @throws TypeError or RangeError when `newLength` is not a non-negative integer.
   * @group Rows
   */
  truncate(newLength: number): void {
    checkNonNegativeInteger('Table.truncate', 'newLength', newLength);
    this.#check('Table.truncate');
    if (newLength < this.#length) this.#setLength(newLength + 0);
  }

  /**
   * Removes every row. The capacity is kept.
   *
   * @group Rows
   */
  clear(): void {
    this.#check('Table.clear');
    this.#setLength(0);
  }

  /**
   * Row `index` as a new plain object, `{ x: 1, id: 7 }`, its keys in schema order.
   *
   * @throws IndexError when `index` is not an integer in `[0, length)`.
   * @group Core
   */
  getRow(index: number): TableRow<S> {
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) this.#failIndex('Table.getRow', index);
    this.#check('Table.getRow');
    const numbers = new Float64Array(this.#columns.length);
    const bigints: bigint[] = this.#columns.map(() => 0n);
    this.#readRow(index, numbers, bigints);
    const row: Record<string, number | bigint> = {};
    this.#names.forEach((name, c) => {
      row[name] = this.#bigint[c] === 1 ? bigints[c] : numbers[c];
    });
    return row as TableRow<S>;
  }

  /**
   * Replaces the values of row `index` that `values` gives; the other columns keep theirs.
   * The values are all read and checked before anything is written.
   *
   * @throws IndexError when `index` is not an integer in `[0, length)` (after `values` was read).
   * @throws TypeError for the values {@link Table.pushRow} rejects.
   * @group Rows
   */
  setRow(index: number, values: Partial<TableRow<S>>): void {
    const where = 'Table.setRow';
    if (typeof values !== 'object' || values === null) throwNotAnObject(where, 'values', values, '{ x: 1 }');
    // Read every given value first (getters and Proxies are user code), then the row as it is now.
    const given: unknown[] = [];
    try {
      for (const name of this.#names) given.push((values as Record<string, unknown>)[name]);
    } catch (error) {
      checkNotRevoked(where, 'values', values);
      rethrow(error);
    }
    given.forEach((value, c) => this.#checkValue(where, c, value));
    this.#check(where);
    const length = this.#length;
    if (!(typeof index === 'number' && (index >>> 0) === index && index < length)) this.#failIndex(where, index);
    const numbers = new Float64Array(this.#columns.length);
    const bigints: bigint[] = this.#columns.map(() => 0n);
    this.#readRow(index, numbers, bigints);
    given.forEach((value, c) => {
      if (typeof value === 'number') numbers[c] = value;
      else if (typeof value === 'bigint') bigints[c] = value;
    });
    this.#writeRow(numbers, bigints, index, length);
  }

  /**
   * Stages `values` and appends them as a row; -1 when the table is full once they were read.
   * Reading runs user code (getters, Proxy traps), so the storage and the length are
   * checked after it, before anything is written.
   */
  #pushStaged(where: string, values: Partial<TableRow<S>> | undefined): number {
    let numbers = this.#numbers;
    let bigints = this.#bigints;
    if (values === undefined) {
      numbers = this.#zeros;
      bigints = this.#bigintZeros;
    } else {
      if (typeof values !== 'object' || values === null) throwNotAnObject(where, 'values', values, '{ x: 1 }');
      const count = this.#columns.length;
      this.#numbers = null; // taken: a getter that pushes onto this table gets its own stage
      this.#bigints = null;
      if (numbers === null || bigints === null) {
        numbers = new Float64Array(count);
        bigints = this.#columns.map(() => 0n);
      }
      let bad: number;
      try {
        bad = this.#stageRow(values as { readonly [key: string]: unknown }, this.#names, this.#bigint, numbers, bigints, count);
      } catch (error) {
        checkNotRevoked(where, 'values', values);
        return rethrow(error);
      }
      this.#numbers = numbers;
      this.#bigints = bigints;
      if (bad >= 0) this.#checkValue(where, bad, (values as Record<string, unknown>)[this.#names[bad]]);
    }
    this.#check(where);
    const length = this.#length;
    if (length < this.#capacity) {
      this.#writeRow(numbers, bigints, length, length + 1);
      this.#length = length + 1;
    }
    return length < this.#capacity ? length : -1;
  }

  /** The failure path of a full table: an unusable table says so first. */
  #failFull(where: string, values: unknown): never {
    this.#check(where);
    return throwCapacityError(where, values, this.#capacity, this.#length, this.#length + 1);
  }

  /** Throws for a row value of the wrong type for column `c`; `undefined` (absent) passes. */
  #checkValue(where: string, c: number, value: unknown): void {
    if (value === undefined) return;
    const expected = this.#bigint[c] === 1 ? 'bigint' : 'number';
    if (typeof value !== expected) throwRowValueError(where, this.#names[c], value, expected);
  }

  /** Writes row `row` of every column from the stages, and sets every column's length. */
  #writeRow(numbers: Float64Array, bigints: readonly bigint[], row: number, length: number): void {
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_WRITE](numbers, bigints, c, row, length);
  }

  /** Reads row `index` of every column into the stages. */
  #readRow(index: number, numbers: Float64Array, bigints: bigint[]): void {
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_READ](numbers, bigints, c, index);
  }

  /** Sets every column's length, and the table's. */
  #setLength(length: number): void {
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c][ROW_SET_LENGTH](length);
    this.#length = length;
  }

  static {
    tableLengthSetter = (table, length) => table.#setLength(length);
  }

  /** Throws `ReleasedError` or `DetachedError` naming `where` unless the columns' storage is usable. */
  #check(where: string): void {
    this.#columns[0][ROW_CHECK](where, 'the table');
  }

  /** The failure path of the row index checks: an unusable table says so first. */
  #failIndex(where: string, index: number): never {
    this.#check(where);
    return throwIndexError(where, index, this.#length);
  }
}

/**
 * The class of the row objects of `newRow`: empty, so that their hidden classes form a tree
 * of their own, apart from the schema literals' (see `Table.newRow`).
 */
class RowRecord {}

/**
 * Sets `table`'s length, and every column's, to `length` (from 0 to the capacity, which the
 * caller checked): how a `SharedTable` reader adopts the published length.
 *
 * @internal
 */
export function setTableLength(table: Table<TableSchema>, length: number): void {
  tableLengthSetter(table, length);
}

/**
 * The columns of `schema`, in schema order, as `[name, element id]` pairs (`['x', 'f32']`),
 * after the checks `Table` makes of a schema, naming `where`.
 *
 * @throws TypeError for a schema `Table` rejects.
 * @internal
 */
export function schemaColumns(where: string, schema: unknown): [string, string][] {
  const parsed = parseSchema(where, schema);
  return parsed.names.map((name, c) => [name, parsed.classes[c].elementType]);
}

/** The stager each list of column names was given, in order of first use. */
const STAGER_OF_NAMES = new Map<string, RowStager>();

/**
 * The row stager for tables with these column names: the first schemas each get a copy of
 * their own, so that each copy's access sites see one key each; all later ones share the
 * last copy (and the map stops growing).
 */
function stagerFor(names: readonly string[]): RowStager {
  const signature = JSON.stringify(names);
  const shared = ROW_STAGERS[ROW_STAGERS.length - 1];
  let stager = STAGER_OF_NAMES.get(signature);
  if (stager === undefined) {
    if (STAGER_OF_NAMES.size >= ROW_STAGERS.length - 1) return shared;
    stager = ROW_STAGERS[STAGER_OF_NAMES.size];
    STAGER_OF_NAMES.set(signature, stager);
  }
  return stager;
}

/** The columns of a table with its own buffer (`new Table`). */
const OWN_COLUMNS: ColumnMaker = {
  where: 'Table',
  make(schema, capacity) {
    const byteLength = capacity * rowBytes(schema);
    let buffer: ArrayBuffer;
    try {
      buffer = new ArrayBuffer(byteLength);
    } catch (error) {
      return throwAllocationError('Table', byteLength, error);
    }
    return layOut(schema, capacity, (cls, at) => cls.over(buffer, at, capacity));
  },
};

/**
 * Makes each column with `make(cls, byteOffset)`, in layout order (largest element first,
 * each at the running byte offset), and returns them in schema order.
 */
function layOut(schema: ParsedSchema, capacity: number, make: (cls: TypedVecClass, at: number) => object): object[] {
  const columns: object[] = [];
  let at = 0;
  for (const c of layoutOrder(schema)) {
    const cls = schema.classes[c];
    columns[c] = make(cls, at);
    at += capacity * cls.BYTES_PER_ELEMENT;
  }
  return columns;
}

/** The schema indexes in layout order: by element size, largest first, then schema order. */
function layoutOrder(schema: ParsedSchema): number[] {
  const bytes = (c: number): number => schema.classes[c].BYTES_PER_ELEMENT;
  return schema.names.map((_name, c) => c).sort((a, b) => bytes(b) - bytes(a) || a - b);
}

/** Bytes per row: the sum of the element sizes. */
function rowBytes(schema: ParsedSchema): number {
  return schema.classes.reduce((sum, cls) => sum + cls.BYTES_PER_ELEMENT, 0);
}

/** The largest element size of the schema: the alignment of the table's region. */
function largestElement(schema: ParsedSchema): number {
  return Math.max(...schema.classes.map((cls) => cls.BYTES_PER_ELEMENT));
}

/**
 * Checks a schema: an object whose own enumerable string keys name at least one column,
 * each a typed vector class. Each entry is read once.
 *
 * @throws TypeError naming `where` and what is wrong.
 */
function parseSchema(where: string, schema: unknown): ParsedSchema {
  if (typeof schema !== 'object' || schema === null) return throwSchemaError(where, `is ${describeValue(schema)}`);
  checkNotRevoked(where, 'schema', schema);
  const names = Object.keys(schema);
  if (names.length === 0) throwSchemaError(where, 'has no columns');
  const classes: TypedVecClass[] = [];
  const kits: RowKit[] = [];
  for (const name of names) {
    // A row object could not hold this key as data: `row.__proto__ = v` sets the prototype.
    if (name === '__proto__') throwSchemaError(where, 'names a column "__proto__", which no row object can hold');
    const cls = (schema as Record<string, unknown>)[name];
    const kit = rowKitOf(cls);
    if (kit === undefined) throwSchemaError(where, `gives column ${JSON.stringify(name)} ${describeValue(cls)}, not a typed vector class`, cls);
    classes.push(cls as TypedVecClass);
    kits.push(kit);
  }
  return { names, classes, kits };
}
