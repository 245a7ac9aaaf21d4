/**
 * The two forms of `get` and `set`: the guarded form a class starts with, and the branch
 * form the first failed index check installs (docs/design.md, "Index checks"). Both must
 * behave exactly alike, and the swap must happen once, on the first failure, for each
 * class on its own. Each case loads a fresh copy of the library, so that no earlier test
 * has healed its classes.
 */

import fc from 'fast-check';
import { RUNNABLE_SPECS, skipUnrunnable } from './support/runtime';
import { TEST_DATA } from './support/test-data';

type Elem = number | bigint;
interface Vec {
  get(index: number): Elem;
  set(index: number, value: Elem): void;
  push(value: Elem): void;
  readonly length: number;
  toArray(): Elem[];
}
type VecClass = { new (capacity: number): Vec; readonly prototype: Vec };

/** A fresh copy of the library's classes, none of them healed yet. */
function freshClasses(): Record<string, VecClass> {
  let lib: Record<string, VecClass> = {};
  jest.isolateModules(() => {
    lib = require('../src/index') as Record<string, VecClass>;
  });
  return lib;
}

/** What a call did: its result, or its error's class and message. */
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

const BAD_INDEXES: readonly unknown[] = [-1, 1.5, NaN, 3, 2 ** 32, '0', 0n, undefined];

skipUnrunnable('hot-path forms:', [
  'starts guarded, heals on its first failed index check only, and other classes stay guarded',
  'gives the same results and the same errors, in the same order, before and after healing',
]);

describe.each(RUNNABLE_SPECS.map((spec) => [spec.className, spec] as const))('%s', (className, spec) => {
  const data = TEST_DATA[spec.id] as { element: fc.Arbitrary<Elem>; samples: readonly [Elem, Elem, Elem] };
  const wrongType: unknown = spec.elementType === 'bigint' ? 1 : 1n;

  it('starts guarded, heals on its first failed index check only, and other classes stay guarded', () => {
    const lib = freshClasses();
    const cls = lib[className];
    const other = lib[className === 'F64Vec' ? 'U8Vec' : 'F64Vec'];
    const guardedGet = cls.prototype.get;
    const guardedSet = cls.prototype.set;
    const v = new cls(4);
    v.push(data.samples[0]);
    for (let i = 0; i < 100; i++) v.set(0, v.get(0));
    expect(cls.prototype.get).toBe(guardedGet);
    expect(outcome(() => v.get(1))).toMatchObject({ error: 'IndexError' });
    expect(cls.prototype.get).not.toBe(guardedGet);
    expect(cls.prototype.set).not.toBe(guardedSet);
    const healedGet = cls.prototype.get;
    expect(outcome(() => v.set(9, data.samples[1]))).toMatchObject({ error: 'IndexError' });
    expect(cls.prototype.get).toBe(healedGet);
    expect(other.prototype.get.name).toBe('get');
    // The healed methods are ordinary, non-enumerable prototype methods.
    expect(Object.getOwnPropertyDescriptor(cls.prototype, 'get')).toMatchObject({ enumerable: false, writable: true, configurable: true });
    expect(Object.keys(cls.prototype)).toEqual([]);
  });

  it('gives the same results and the same errors, in the same order, before and after healing', () => {
    fc.assert(
      fc.property(fc.array(data.element, { minLength: 1, maxLength: 8 }), fc.array(fc.nat({ max: 12 }), { maxLength: 12 }), (elements, probes) => {
        /** Every observable outcome of a fixed script of gets and sets, in one form. */
        const script = (cls: VecClass): unknown[] => {
          const v = new cls(8);
          for (const x of elements) v.push(x);
          const seen: unknown[] = [];
          for (const i of probes) {
            seen.push(outcome(() => v.get(i)));
            seen.push(outcome(() => v.set(i, elements[i % elements.length])));
          }
          for (const bad of BAD_INDEXES) {
            seen.push(outcome(() => v.get(bad as number)));
            seen.push(outcome(() => v.set(bad as number, elements[0])));
            // A value of the wrong type is reported before a bad index.
            seen.push(outcome(() => v.set(bad as number, wrongType as Elem)));
          }
          seen.push(outcome(() => v.set(0, wrongType as Elem)));
          seen.push(v.toArray());
          return seen;
        };
        const lib = freshClasses();
        const cls = lib[className];
        const guardedGet = cls.prototype.get;
        const before = script(cls); // runs guarded until its first failure
        expect(cls.prototype.get).not.toBe(guardedGet); // BAD_INDEXES made it heal
        expect(script(cls)).toEqual(before); // entirely in branch form
      }),
      { numRuns: 25 },
    );
  });
});

describe('a frozen prototype', () => {
  it('keeps the guarded forms and still reports every error', () => {
    const lib = freshClasses();
    const cls = lib.F64Vec;
    const guardedGet = cls.prototype.get;
    Object.freeze(cls.prototype);
    const v = new cls(2);
    v.push(1.5);
    expect(outcome(() => v.get(2))).toMatchObject({ error: 'IndexError' });
    expect(outcome(() => v.get(-1))).toMatchObject({ error: 'IndexError' });
    expect(cls.prototype.get).toBe(guardedGet);
    expect(v.get(0)).toBe(1.5);
  });
});
