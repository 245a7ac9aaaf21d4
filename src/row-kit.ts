/**
 * The row kit: what a `Table` may do to the columns of one typed vector class that the
 * public API does not allow, as loops over every column of that class at once. Each class
 * registers its own kit from its static block (`scripts/templates/table-rows.ts`), so each
 * loop touches one class only and its element accesses stay monomorphic.
 *
 * @internal
 * @module
 */

/**
 * The row operations of one typed vector class, each on `this`, a column of a table (a
 * vector of that class). `lockColumn` (src/table-columns.ts) puts them on the column's
 * prototype under the symbols below, so that a table's loop over its columns makes one
 * method call per column, dispatched on the column itself as `push` is on a vector. Nothing
 * here checks anything: the table checks every argument, and the storage with the check
 * operation (all the columns of a table live in one buffer and one slab allocation, so
 * they are usable all together or not at all). Values travel through `stage` arrays,
 * never as arguments, so that no double is boxed where a call is not inlined.
 *
 * @typeParam E - the element type (`number` or `bigint`).
 */
export interface RowKit<E extends number | bigint = number | bigint> {
  /** The class's name, for messages: `"F32Vec"`. */
  readonly className: string;
  /** `true` for the 64-bit classes, whose rows are staged as bigints. */
  readonly bigint: boolean;
  /**
   * Throws what a method of the column would (`ReleasedError`, `DetachedError`, naming
   * `where` and `which`) when its storage can no longer be used.
   */
  check(this: object, where: string, which: string): void;
  /** Sets the column's length. */
  setLength(this: object, length: number): void;
  /**
   * Writes the row's value, `numbers[slot]` (`bigints[slot]` for the 64-bit classes), into
   * slot `row`, then sets the length to `length`.
   */
  write(this: object, numbers: Float64Array, bigints: readonly bigint[], slot: number, row: number, length: number): void;
  /** Reads slot `row` into `numbers[slot]` (`bigints[slot]` for the 64-bit classes). */
  read(this: object, numbers: Float64Array, bigints: bigint[], slot: number, row: number): void;
  /** Copies slot `from` over slot `to`, then sets the length to `length`. */
  move(this: object, from: number, to: number, length: number): void;
  /** Moves the slots `[index + 1, length)` down by one, then sets the length to `length - 1`. */
  shift(this: object, index: number, length: number): void;
  /** Keeps, in order, the slots `i < length` with `flags[i] === 1`; the length becomes their count. */
  keep(this: object, flags: Uint8Array, length: number): void;
}

/** The operations of {@link RowKit}, as a column of a table has them: under module-private symbols. */
export const ROW_CHECK: unique symbol = /* @__PURE__ */ Symbol('slabvec row check');
/** See {@link ROW_CHECK}. */
export const ROW_SET_LENGTH: unique symbol = /* @__PURE__ */ Symbol('slabvec row setLength');
/** See {@link ROW_CHECK}. */
export const ROW_WRITE: unique symbol = /* @__PURE__ */ Symbol('slabvec row write');
/** See {@link ROW_CHECK}. */
export const ROW_READ: unique symbol = /* @__PURE__ */ Symbol('slabvec row read');
/** See {@link ROW_CHECK}. */
export const ROW_MOVE: unique symbol = /* @__PURE__ */ Symbol('slabvec row move');
/** See {@link ROW_CHECK}. */
export const ROW_SHIFT: unique symbol = /* @__PURE__ */ Symbol('slabvec row shift');
/** See {@link ROW_CHECK}. */
export const ROW_KEEP: unique symbol = /* @__PURE__ */ Symbol('slabvec row keep');

/** A column of a table, as the table calls it: its class's {@link RowKit} operations under their symbols. */
export interface RowColumn {
  [ROW_CHECK](where: string, which: string): void;
  [ROW_SET_LENGTH](length: number): void;
  [ROW_WRITE](numbers: Float64Array, bigints: readonly bigint[], slot: number, row: number, length: number): void;
  [ROW_READ](numbers: Float64Array, bigints: bigint[], slot: number, row: number): void;
  [ROW_MOVE](from: number, to: number, length: number): void;
  [ROW_SHIFT](index: number, length: number): void;
  [ROW_KEEP](flags: Uint8Array, length: number): void;
}

/** The kit of each typed vector class. Module-private, like the releasers of `internal.ts`. */
const KITS = new WeakMap<object, RowKit>();

/** Registers the row kit of a typed vector class (once, from the class's static block). */
export function registerRowKit(cls: object, kit: RowKit): void {
  KITS.set(cls, kit);
}

/** The row kit of `cls`, or `undefined` when it is not one of slabvec's typed vector classes. */
export function rowKitOf(cls: unknown): RowKit | undefined {
  return typeof cls === 'function' ? KITS.get(cls) : undefined;
}

/** Every vector that is a column of a table, with its column's name. */
const COLUMNS = new WeakMap<object, string>();

/** Records that `vec` is the column `name` of a table, for the rest of its life. */
export function markColumn(vec: object, name: string): void {
  COLUMNS.set(vec, name);
}

/** The column name of `vec` when it is a column of a table, else `undefined`. */
export function columnName(vec: object): string | undefined {
  return COLUMNS.get(vec);
}

/** What to call when a slab releases a column: its table's hook, for the first column of each table. */
const RELEASE_HOOKS = new WeakMap<object, () => void>();

/** Calls `hook` when a slab releases `column` (see {@link columnReleased}). */
export function onColumnRelease(column: object, hook: () => void): void {
  RELEASE_HOOKS.set(column, hook);
}

/** Called by every class's releaser for each vector it releases: runs the vector's hook, if it is a column with one. */
export function columnReleased(vec: object): void {
  RELEASE_HOOKS.get(vec)?.();
}
