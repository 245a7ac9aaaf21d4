/**
 * Shared behaviour, element access and the stack operations: get/set/at, push/tryPush/pop,
 * and the errors they throw. Runs for every class in `KINDS`.
 */

import { CapacityError, EmptyError, IndexError } from '../src/errors';
import { KINDS, type AnyVec, type Elem } from './support/kinds';
import { caught, el, els, expectContents, labelled, poisonOf, poisoned, show, wrongValues } from './support/assertions';

/** Indexes that no index-taking method accepts on a vector of length 3. */
const BAD_INDEXES_FOR_LENGTH_3 = [1.5, -1, -0.5, NaN, 3, 3 + 7, Infinity, -Infinity, 2 ** 32, 2 ** 32 + 1];
/** Indexes that are not numbers at all, with a label for failure messages. */
const NON_NUMBER_INDEXES: [string, unknown][] = [
  ["'0'", '0'],
  ['null', null],
  ['undefined', undefined],
  ['{}', {}],
  ['[0]', [0]],
  ['true', true],
  ['0n', 0n],
  // An index is never coerced: a user valueOf must not run (it could change the vector mid-check).
  ['an object whose valueOf throws', { valueOf: () => { throw new Error('valueOf was called on an index'); } }],
];

describe.each(KINDS)('$name: get, set and at', (kind) => {
  const { name } = kind;
  const items = els(kind, 10, 11, 12);
  /** A length-3 vector of capacity 6 whose spare slots hold the sentinel. */
  const make = () => poisoned(kind, 6, items);

  const readers: [string, (v: AnyVec, i: number) => unknown][] = [
    ['get', (v, i) => v.get(i)],
    ['set', (v, i) => v.set(i, el(kind, 99))],
    ['remove', (v, i) => v.remove(i)],
    ['swapRemove', (v, i) => v.swapRemove(i)],
    ['swapDelete', (v, i) => v.swapDelete(i)],
  ];

  it('get returns each element and set replaces exactly one', () => {
    const v = make();
    expect([v.get(0), v.get(1), v.get(2)]).toEqual(items);
    v.set(1, el(kind, 42));
    expectContents(v, els(kind, 10, 42, 12));
    v.set(2, el(kind, 43));
    expectContents(v, els(kind, 10, 42, 43));
  });

  it('accepts -0 as index 0 in get, set, remove, swapRemove and insert', () => {
    const v = make();
    expect(v.get(-0)).toEqual(items[0]);
    v.set(-0, el(kind, 20));
    expect(v.get(0)).toEqual(el(kind, 20));
    expect(v.remove(-0)).toEqual(el(kind, 20));
    expect(v.swapRemove(-0)).toEqual(items[1]);
    v.insert(-0, el(kind, 21));
    expectContents(v, els(kind, 21, 12));
  });

  describe.each(readers)('%s', (method, call) => {
    it(`throws an IndexError naming ${name}.${method}, the index and the length for every bad index, changing nothing`, () => {
      for (const index of BAD_INDEXES_FOR_LENGTH_3) {
        labelled(`index ${show(index)}`, () => {
          const v = make();
          const error = caught(() => call(v, index));
          expect(error).toBeInstanceOf(IndexError);
          expect(error).toBeInstanceOf(RangeError);
          expect(error.name).toBe('IndexError');
          expect(error.message).toContain(`${name}.${method}`);
          expect(error.message).toContain(`index ${String(index)}`);
          expect(error.message).toMatch(/\blength 3\b/);
          expect(Object.is(error.index, index)).toBe(true);
          expect(error.bound).toBe(3);
          expectContents(v, items);
        });
      }
    });

    it(`throws a TypeError naming ${name}.${method} for every non-number index, without coercing it`, () => {
      for (const [label, index] of NON_NUMBER_INDEXES) {
        labelled(`index ${label}`, () => {
          const v = make();
          const error = caught(() => call(v, index as number));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toContain(`${name}.${method}`);
          expectContents(v, items);
        });
      }
    });

    it('on an empty vector, index 0 is an IndexError with bound 0', () => {
      const v = poisoned(kind, 4, []);
      const error = caught(() => call(v, 0));
      expect(error).toBeInstanceOf(IndexError);
      expect(error.bound).toBe(0);
      expect(error.message).toContain(`${name}.${method}`);
      expect(error.message).toMatch(/\blength 0\b/);
      expect(v.length).toBe(0);
    });
  });

  it('set rejects every wrong-type value with a TypeError naming the method, changing nothing', () => {
    const v = make();
    for (const bad of wrongValues(kind)) {
      const error = caught(() => v.set(1, bad as Elem));
      expect([bad, error instanceof TypeError]).toEqual([bad, true]);
      expect(error.message).toContain(`${name}.set`);
    }
    expectContents(v, items);
  });

  it('set of a wrong-type value never calls its valueOf (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = make();
    let called = false;
    const sneaky = { valueOf: () => ((called = true), el(kind, 1)) };
    expect(() => v.set(1, sneaky as unknown as Elem)).toThrow(TypeError);
    expect(called).toBe(false);
    expectContents(v, items);
  });

  it('at follows Array.prototype.at for every index from -capacity-2 to capacity+2, including fractions', () => {
    for (const length of [0, 1, 3, 6]) {
      const model = els(kind, 30, 31, 32, 33, 34, 35).slice(0, length);
      const v = poisoned(kind, 6, model);
      const indexes = [];
      for (let i = -8; i <= 8; i++) indexes.push(i, i + 0.5, i - 0.5, i + 0.999);
      // [index, result] pairs, so a failure shows which index went wrong.
      expect([length, indexes.map((index) => [index, v.at(index)])]).toEqual([length, indexes.map((index) => [index, model.at(index)])]);
    }
  });

  it('at treats NaN and -0 as 0 and gives undefined for the infinities', () => {
    const v = make();
    expect(v.at(NaN)).toEqual(items[0]);
    expect(v.at(-0)).toEqual(items[0]);
    expect(v.at(Infinity)).toBeUndefined();
    expect(v.at(-Infinity)).toBeUndefined();
    expect(v.at(2 ** 32)).toBeUndefined();
  });

  it('at never returns a slot past the length, even after pops', () => {
    const v = make();
    v.pop();
    v.pop();
    expect([v.at(0), v.at(1), v.at(2), v.at(-1), v.at(-2)]).toEqual([items[0], undefined, undefined, items[0], undefined]);
  });

  it('at rejects a non-number index with a TypeError naming the method', () => {
    const v = make();
    for (const index of ['0', null, 0n]) {
      const error = caught(() => v.at(index as unknown as number));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(`${name}.at`);
    }
  });
});

describe.each(KINDS)('$name: push, tryPush and pop', (kind) => {
  const { name } = kind;

  it('push appends in order and returns nothing; tryPush appends and returns true', () => {
    const v = kind.make(4);
    expect(v.push(el(kind, 1))).toBeUndefined();
    expect(v.tryPush(el(kind, 2))).toBe(true);
    v.push(el(kind, 3));
    expectContents(v, els(kind, 1, 2, 3));
  });

  it('push on a full vector throws a CapacityError carrying value, capacity, length and requiredLength', () => {
    const v = kind.cls.from(els(kind, 1, 2, 3), 3);
    const value = el(kind, 4);
    const error = caught(() => v.push(value));
    expect(error).toBeInstanceOf(CapacityError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.name).toBe('CapacityError');
    expect(Object.is(error.value, value)).toBe(true);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([3, 3, 4]);
    expect(error.message).toContain(`${name}.push`);
    expectContents(v, els(kind, 1, 2, 3));
  });

  it('tryPush on a full vector returns false and changes nothing', () => {
    const v = kind.cls.from(els(kind, 1, 2), 2);
    expect(v.tryPush(el(kind, 5))).toBe(false);
    expectContents(v, els(kind, 1, 2));
    expect(v.isFull).toBe(true);
  });

  it('push and tryPush reject a wrong-type value with a TypeError naming the method', () => {
    const v = poisoned(kind, 4, els(kind, 1));
    for (const method of ['push', 'tryPush'] as const) {
      for (const bad of wrongValues(kind)) {
        const error = caught(() => v[method](bad as Elem));
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toContain(`${name}.${method}`);
      }
    }
    expectContents(v, els(kind, 1));
  });

  it('pop returns the elements last-first and shortens the vector', () => {
    const v = kind.cls.from(els(kind, 1, 2, 3), 5);
    expect([v.pop(), v.length, v.pop(), v.length, v.pop(), v.length]).toEqual([el(kind, 3), 2, el(kind, 2), 1, el(kind, 1), 0]);
  });

  it('pop on an empty vector throws an EmptyError naming the method', () => {
    for (const v of [kind.make(0), kind.make(3), poisoned(kind, 3, [])]) {
      const error = caught(() => v.pop());
      expect(error).toBeInstanceOf(EmptyError);
      expect(error).toBeInstanceOf(RangeError);
      expect(error.name).toBe('EmptyError');
      expect(error.message).toContain(`${name}.pop`);
      expect(v.length).toBe(0);
    }
  });

  it('a popped element never comes back: push after pop shows only the new element', () => {
    const v = kind.make(3);
    v.extend(els(kind, 1, 2, 3));
    v.pop();
    v.pop();
    v.push(el(kind, 7));
    expectContents(v, els(kind, 1, 7));
    expect(v.at(2)).toBeUndefined();
  });

  it('push, pop and get agree with a plain array over a long mixed sequence', () => {
    const v = kind.make(8);
    const model: Elem[] = [];
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let step = 0; step < 200; step++) {
      const r = (step * 7919) % 11;
      if (r < 6) {
        const value = el(kind, step % 100);
        got.push([step, 'tryPush', v.tryPush(value)]);
        want.push([step, 'tryPush', model.length < 8]);
        if (model.length < 8) model.push(value);
      } else if (model.length > 0) {
        got.push([step, 'pop', v.pop()]);
        want.push([step, 'pop', model.pop()]);
      } else {
        got.push([step, 'pop', caught(() => v.pop()) instanceof EmptyError]);
        want.push([step, 'pop', true]);
      }
      got.push([step, 'length', v.length]);
      want.push([step, 'length', model.length]);
    }
    expect(got).toEqual(want);
    expectContents(v, model);
  });

  it('the sentinel pushed to fill spare slots is never read back after truncation', () => {
    const v = poisoned(kind, 5, els(kind, 1, 2));
    const poison = poisonOf(kind);
    expect(v.toArray()).not.toContainEqual(poison);
    expect([v.at(2), v.at(4), v.at(-3)]).toEqual([undefined, undefined, undefined]);
  });
});
