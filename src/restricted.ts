/**
 * Restricted vectors: a prototype between a vector and its class on which some of the
 * class's methods refuse, each throwing before it looks at its arguments. A table column
 * (src/table-columns.ts) refuses the methods that change its length alone; a `SharedVec`
 * reader (src/shared-vec.ts) refuses every method that writes. The class's own methods,
 * hot paths included, and every other vector are unchanged (docs/design.md, "Tables").
 *
 * @internal
 * @module
 */

/**
 * Every method of a typed vector that changes its length. `__tests__/table.test.ts` checks
 * that every other method leaves a table column's length as it was.
 */
export const LENGTH_CHANGING = [
  'push',
  'tryPush',
  'pop',
  'popIf',
  'extend',
  'tryExtend',
  'insert',
  'tryInsert',
  'remove',
  'swapRemove',
  'swapDelete',
  'truncate',
  'clear',
  'resize',
  'retain',
  'extractIf',
  'drain',
  'splice',
  'splitOff',
  'dedup',
  'spare',
  'commit',
  'copyFrom',
] as const;

/** The methods of a typed vector that write elements without changing its length (the kernels aside). */
export const ELEMENT_WRITING = ['set', 'swap', 'fill', 'reverse', 'sort', 'copyWithin'] as const;

/**
 * A new object whose prototype is `prototype` (a typed vector class's), on which each method
 * of `names` throws what `refuse(where, receiver)` throws, `where` being
 * `` `${className}.${name}` ``. Set it as the prototype of a vector of that class to restrict
 * the vector.
 */
export function refusingPrototype(prototype: object, className: string, names: readonly string[], refuse: (where: string, receiver: object) => never): object {
  const restricted = Object.create(prototype) as object;
  for (const name of names) {
    const where = `${className}.${name}`;
    Object.defineProperty(restricted, name, {
      value: function refused(this: object): never {
        return refuse(where, this);
      },
      writable: true,
      configurable: true,
    });
  }
  return restricted;
}
