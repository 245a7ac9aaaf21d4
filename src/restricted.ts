/**
 * Restricted vectors and tables: a prototype between an object and its class on which some
 * of the class's methods refuse, each throwing before it looks at its arguments. A table
 * column (src/table-columns.ts) refuses the methods that change its length alone; a
 * `SharedVec` reader's vector (src/shared-vec.ts), and a `SharedTable` reader's table and
 * columns (src/shared-table.ts), refuse every method that writes. The class's own methods,
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

/** The kernels that write the vector unless given `out`, with the position of `out`: on a read-only vector they need it. */
const NEEDS_OUT = { add: 1, sub: 1, mul: 1, div: 1, scale: 1, map: 1, axpy: 2, clamp: 2, abs: 0 } as const;

/**
 * `base` (a typed vector class's prototype, or a prototype over it) made read-only: every
 * {@link LENGTH_CHANGING} and {@link ELEMENT_WRITING} method throws what
 * `refuse(where, receiver)` throws, and each kernel that writes its vector unless given
 * `out` throws what `refuse(where, receiver, hint)` does when called without it (with
 * `out`, it runs).
 */
export function readOnlyPrototype(base: object, className: string, refuse: (where: string, receiver: object, hint?: string) => never): object {
  const readOnly = refusingPrototype(base, className, [...LENGTH_CHANGING, ...ELEMENT_WRITING], refuse);
  for (const [name, outIndex] of Object.entries(NEEDS_OUT)) {
    const where = `${className}.${name}`;
    const method = (base as Record<string, (...args: unknown[]) => unknown>)[name];
    Object.defineProperty(readOnly, name, {
      value: function readOnlyKernel(this: object, ...args: unknown[]): unknown {
        if (args[outIndex] === undefined) refuse(where, this, 'pass `out` to write the results elsewhere');
        return method.apply(this, args);
      },
      writable: true,
      configurable: true,
    });
  }
  return readOnly;
}
