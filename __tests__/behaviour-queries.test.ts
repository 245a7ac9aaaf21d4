/**
 * Shared behaviour, the methods users reach for from `Array` and Rust's `Vec`: `first`,
 * `last`, `swap`, `some`, `every`, `find`, `findIndex`, `reduce`, `join`, `toString`,
 * `popIf`, `extractIf`, `slice`, `splitOff`, `copyWithin`, and the typed classes' `spare` and
 * `commit`, against plain array models, over every class in `KINDS`. Spare slots hold the sentinel,
 * which must never reach a callback or a result. What callbacks that change the vector
 * get is in reentrancy.test.ts.
 */

import fc from 'fast-check';
import { EmptyError, IndexError } from '../src/errors';
import { KINDS, TYPED_KINDS, type AnyVec, type Elem } from './support/kinds';
import { caught, el, els, expectNoPoison, poisonOf, poisoned } from './support/assertions';

describe.each(KINDS)('$name: first, last and swap', (kind) => {
  const { name } = kind;

  it('first and last return the ends; on an empty vector they throw EmptyError naming the method', () => {
    const v = poisoned(kind, 6, els(kind, 4, 5, 6));
    expect([v.first(), v.last()]).toEqual(els(kind, 4, 6));
    const empty = poisoned(kind, 4, []);
    for (const method of ['first', 'last'] as const) {
      const error = caught(() => empty[method]());
      expect(error).toBeInstanceOf(EmptyError);
      expect(error.message).toMatch(new RegExp(`^${name}\\.${method}: `));
    }
    expect(empty.length).toBe(0);
  });

  it('swap exchanges two elements, and refuses an index outside [0, length) changing nothing', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (items, a, b) => {
        const v = poisoned(kind, items.length + 2, items);
        const i = a % items.length;
        const j = b % items.length;
        v.swap(i, j);
        const model = [...items];
        [model[i], model[j]] = [model[j], model[i]];
        expectNoPoison(kind, v, model);
        for (const bad of [items.length, -1, 0.5, NaN]) {
          const error = caught(() => v.swap(i, bad));
          expect(error).toBeInstanceOf(IndexError);
          expect(error.message).toMatch(new RegExp(`^${name}\\.swap: `));
          expect(caught(() => v.swap(bad, j))).toBeInstanceOf(IndexError);
        }
        expect(caught(() => v.swap('0' as never, 0))).toBeInstanceOf(TypeError);
        expectNoPoison(kind, v, model);
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(KINDS)('$name: some, every, find, findIndex and reduce', (kind) => {
  const { name } = kind;
  const items = els(kind, 1, 2, 3, 4, 5);
  const make = (): AnyVec => poisoned(kind, 8, items);
  const odd = (x: Elem): boolean => Number(x) % 2 === 1;

  it('agree with the same calls on an array, for any predicate, and pass (value, index, vec)', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { maxLength: 8 }), fc.func(fc.boolean()), (values, decide) => {
        const v = poisoned(kind, values.length + 2, values);
        const predicate = (x: Elem, i: number) => decide(String(x), i);
        const seen: unknown[] = [];
        const recording = (x: Elem, i: number, vec: unknown) => {
          seen.push([x, i, vec === v]);
          return predicate(x, i);
        };
        expect(v.some(recording)).toBe(values.some(predicate));
        expect(v.every(recording)).toBe(values.every(predicate));
        expect(v.find(recording)).toBe(values.find(predicate));
        expect(v.findIndex(recording)).toBe(values.findIndex(predicate));
        expect(v.reduce((acc: Elem[], x, i, vec) => (vec === v ? [...acc, x, el(kind, i)] : acc), [])).toEqual(
          values.flatMap((x, i) => [x, el(kind, i)]),
        );
        for (const [x, i, same] of seen as [Elem, number, boolean][]) {
          expect(Object.is(x, values[i])).toBe(true);
          expect(same).toBe(true);
        }
        expect((seen as [Elem][]).some(([x]) => Object.is(x, poisonOf(kind)) && !values.some((y) => Object.is(y, x)))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('stop at the first decisive element', () => {
    const v = make();
    const calls: number[] = [];
    const track = (x: Elem, i: number) => {
      calls.push(i);
      return Number(x) >= 2;
    };
    expect(v.some(track)).toBe(true);
    expect(calls).toEqual([0, 1]);
    calls.length = 0;
    expect(v.every((x, i) => (calls.push(i), Number(x) < 2))).toBe(false);
    expect(calls).toEqual([0, 1]);
    expect(v.find((x) => Number(x) > 3)).toBe(el(kind, 4));
    expect(v.findIndex((x) => Number(x) > 3)).toBe(3);
    expect(v.find((x) => Number(x) > 9)).toBeUndefined();
    expect(v.findIndex(odd)).toBe(0);
  });

  it('reduce folds in order from initial; an empty vector returns initial', () => {
    expect(make().reduce((acc, x) => acc * 10 + Number(x), 0)).toBe(12345);
    expect(poisoned(kind, 4, []).reduce((acc) => acc + 1, 7)).toBe(7);
  });

  it('follow the length a callback changes, as forEach does', () => {
    const v = make();
    const seen: Elem[] = [];
    v.some((x) => {
      seen.push(x);
      if (seen.length === 2) v.truncate(3);
      return false;
    });
    expect(seen).toEqual(els(kind, 1, 2, 3));
    expectNoPoison(kind, v, els(kind, 1, 2, 3));
  });

  it.each(['some', 'every', 'find', 'findIndex', 'reduce'] as const)('%s refuses a callback that is not a function, naming the method', (method) => {
    const v = make();
    for (const bad of [undefined, null, 1, 'x', {}]) {
      const error = caught(() => (v as any)[method](bad, 0));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(new RegExp(`^${name}\\.${method}: `));
    }
  });
});

describe.each(KINDS)('$name: join and toString', (kind) => {
  it('join and String() show the live elements as an array of them would', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { maxLength: 8 }), fc.string({ maxLength: 3 }), (values, separator) => {
        const v = poisoned(kind, values.length + 2, values);
        expect(v.join(separator)).toBe(values.join(separator));
        expect(v.join()).toBe(values.join());
        expect(String(v)).toBe(values.join(','));
        expect(`${v}`).toBe(String(values));
      }),
      { numRuns: 40 },
    );
  });

  it('join converts its separator once, before reading the elements', () => {
    const v = poisoned(kind, 4, els(kind, 1, 2));
    let conversions = 0;
    const separator = { toString: () => (conversions++, '-') };
    expect(v.join(separator as never)).toBe(els(kind, 1, 2).join('-'));
    expect(conversions).toBe(1);
  });
});

describe.each(KINDS)('$name: popIf, extractIf, slice, splitOff and copyWithin', (kind) => {
  const { name } = kind;
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

  it('popIf removes the last element only when the predicate holds, and never calls it on an empty vector', () => {
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    expect(v.popIf((x) => Number(x) === 2)).toBeUndefined();
    expect(v.popIf((x) => Number(x) === 3)).toBe(el(kind, 3));
    expectNoPoison(kind, v, els(kind, 1, 2));
    let called = false;
    expect(poisoned(kind, 2, []).popIf(() => (called = true))).toBeUndefined();
    expect(called).toBe(false);
    expect(caught(() => v.popIf(null as never)).message).toMatch(new RegExp(`^${name}\\.popIf: `));
  });

  it('extractIf removes and returns, in order, what the predicate accepts; all-or-nothing on a throw', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { maxLength: 8 }), fc.func(fc.boolean()), (values, decide) => {
        const v = poisoned(kind, values.length + 2, values);
        const take = (x: Elem, i: number) => decide(String(x), i);
        expect(Array.from(v.extractIf(take) as ArrayLike<Elem>)).toEqual(values.filter(take));
        expectNoPoison(kind, v, values.filter((x, i) => !take(x, i)));
      }),
      { numRuns: 40 },
    );
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    const boom = new Error('predicate failed');
    expect(caught(() => v.extractIf((x) => {
      if (Number(x) === 3) throw boom;
      return true;
    }))).toBe(boom);
    expectNoPoison(kind, v, els(kind, 1, 2, 3));
  });

  it('slice and splitOff copy a range into a new vector of the same capacity; bad bounds change nothing', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { maxLength: 8 }), fc.nat(), fc.nat(), (values, a, b) => {
        const n = values.length;
        const [start, end] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y);
        const v = poisoned(kind, n + 2, values);
        const part = v.slice(start, end);
        expect(part.capacity).toBe(v.capacity);
        expectNoPoison(kind, part, values.slice(start, end));
        expectNoPoison(kind, v.slice(), values);
        const tail = v.splitOff(start);
        expectNoPoison(kind, tail, values.slice(start));
        expect(tail.capacity).toBe(n + 2);
        expectNoPoison(kind, v, values.slice(0, start));
      }),
      { numRuns: 40 },
    );
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    for (const call of [() => v.slice(2, 1), () => v.slice(0, 4), () => v.slice(-1), () => v.splitOff(4), () => v.splitOff(0.5)]) {
      const error = caught(call);
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toMatch(new RegExp(`^${name}\\.(slice|splitOff): `));
    }
    expectNoPoison(kind, v, els(kind, 1, 2, 3));
  });

  it('copyWithin matches Array.prototype.copyWithin within the live range, and never changes the length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.nat(), fc.nat(), fc.nat(), (n, t, a, b) => {
        const values = range(n).map((i) => el(kind, i + 1));
        const target = t % (n + 1);
        const [start, end] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y);
        const v = poisoned(kind, n + 2, values);
        expect(v.copyWithin(target, start, end)).toBe(v);
        expectNoPoison(kind, v, [...values].copyWithin(target, start, end));
      }),
      { numRuns: 60 },
    );
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    for (const call of [() => v.copyWithin(4, 0), () => v.copyWithin(0, 2, 1), () => v.copyWithin(-1, 0)]) {
      expect(caught(call).message).toMatch(new RegExp(`^${name}\\.copyWithin: `));
    }
    expectNoPoison(kind, v, els(kind, 1, 2, 3));
  });
});

describe.each(TYPED_KINDS)('$name: spare and commit', (kind) => {
  const { name } = kind;
  type Producer = AnyVec & { spare(count: number): ArrayLike<Elem> & { [i: number]: Elem }; commit(count: number): void };
  const make = (): Producer => poisoned(kind, 6, els(kind, 1, 2)) as Producer;

  it('spare hands out zero-filled spare slots, and commit makes the first ones live', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.nat(), (n, k) => {
        const v = make();
        const region = v.spare(n);
        expect(Array.from(region)).toEqual(Array(n).fill(el(kind, 0)));
        for (let i = 0; i < n; i++) region[i] = el(kind, 10 + i);
        const count = k % (n + 1);
        v.commit(count);
        expectNoPoison(kind, v, [...els(kind, 1, 2), ...els(kind, ...Array.from({ length: count }, (_, i) => 10 + i))]);
      }),
      { numRuns: 30 },
    );
  });

  it('commit refuses a count no region at the current length covers, changing nothing', () => {
    const v = make();
    const expectRefused = (count: number, contents = els(kind, 1, 2)): void => {
      const error = caught(() => v.commit(count));
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toMatch(new RegExp(`^${name}\\.commit: `));
      expectNoPoison(kind, v, contents);
    };
    expectRefused(1); // no region yet
    v.spare(2);
    expectRefused(3); // more than the region holds
    expectRefused(0.5);
    v.push(el(kind, 3));
    v.truncate(2);
    v.push(el(kind, 5));
    expectRefused(1, els(kind, 1, 2, 5)); // the length moved: the region no longer starts there
    v.pop();
    v.commit(1); // back at the length spare() saw: the slot holds what the vector wrote there
    expectNoPoison(kind, v, els(kind, 1, 2, 5));
    expectRefused(1, els(kind, 1, 2, 5)); // a commit ends the region
    expect(caught(() => v.spare(4))).toBeInstanceOf(RangeError); // more than remaining
  });
});
