/**
 * Locking a vector into a table: a column keeps every method of its class except the ones
 * that change its length alone, which throw `ColumnLengthError`. The lock is a prototype
 * between the column and its class, so the class's own methods, hot paths included, are
 * unchanged (docs/design.md, "Tables").
 *
 * @internal
 * @module
 */

import { throwColumnLengthError } from './errors.js';
import {
  ROW_CHECK,
  ROW_KEEP,
  ROW_MOVE,
  ROW_READ,
  ROW_SET_LENGTH,
  ROW_SHIFT,
  ROW_WRITE,
  columnName,
  markColumn,
  type RowColumn,
  type RowKit,
} from './row-kit.js';
import { LENGTH_CHANGING, refusingPrototype } from './restricted.js';

/** The locking prototype of each class, made on first use. */
const LOCKED = new WeakMap<object, object>();

/**
 * The prototype of the columns of `cls`: `cls.prototype` with every {@link LENGTH_CHANGING}
 * method throwing, and the row operations of `kit` under their symbols.
 */
function lockedPrototype(cls: { readonly prototype: object }, kit: RowKit): object {
  let locked = LOCKED.get(cls);
  if (locked === undefined) {
    locked = refusingPrototype(cls.prototype, kit.className, LENGTH_CHANGING, (where, column) => throwColumnLengthError(where, columnName(column) ?? '?'));
    const operations: [symbol, unknown][] = [
      [ROW_CHECK, kit.check],
      [ROW_SET_LENGTH, kit.setLength],
      [ROW_WRITE, kit.write],
      [ROW_READ, kit.read],
      [ROW_MOVE, kit.move],
      [ROW_SHIFT, kit.shift],
      [ROW_KEEP, kit.keep],
    ];
    for (const [key, value] of operations) Object.defineProperty(locked, key, { value });
    LOCKED.set(cls, locked);
  }
  return locked;
}

/** Makes `vec`, a new empty vector of `cls`, the column `name` of a table; returns it as the table calls it. */
export function lockColumn(vec: object, name: string, cls: { readonly prototype: object }, kit: RowKit): RowColumn {
  Object.setPrototypeOf(vec, lockedPrototype(cls, kit));
  markColumn(vec, name);
  return vec as RowColumn;
}
