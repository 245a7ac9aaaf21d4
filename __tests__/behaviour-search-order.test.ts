/**
 * Shared behaviour, searching and ordering: indexOf, lastIndexOf, includes, sort,
 * reverse, binarySearch and fill. Runs for every class in `KINDS`.
 */

import { KINDS, type Elem } from './support/kinds';
import { caught, defaultOrder, el, els, expectContents, expectNoPoison, keepsNaN, labelled, poisonOf, poisoned } from './support/assertions';

describe.each(KINDS)('$name: indexOf, lastIndexOf and includes', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2, 3, 2, 1);
  const make = () => poisoned(kind, 8, start);

  it('finds the first and last positions of a value, and -1 / false when absent', () => {
    const v = make();
    expect([v.indexOf(el(kind, 2)), v.lastIndexOf(el(kind, 2)), v.includes(el(kind, 2))]).toEqual([1, 3, true]);
    expect([v.indexOf(el(kind, 3)), v.lastIndexOf(el(kind, 3)), v.includes(el(kind, 3))]).toEqual([2, 2, true]);
    expect([v.indexOf(el(kind, 9)), v.lastIndexOf(el(kind, 9)), v.includes(el(kind, 9))]).toEqual([-1, -1, false]);
  });

  it('fromIndex follows Array.prototype (negative counts from the end) for every fromIndex from -7 to 7', () => {
    const v = make();
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let from = -7; from <= 7; from++) {
      for (const n of [1, 2, 3]) {
        const x = el(kind, n);
        got.push([from, n, v.indexOf(x, from), v.lastIndexOf(x, from), v.includes(x, from)]);
        want.push([from, n, start.indexOf(x, from), start.lastIndexOf(x, from), start.includes(x, from)]);
      }
    }
    expect(got).toEqual(want);
  });

  it('never finds a value that sits only in a spare slot, whatever fromIndex', () => {
    const poison = poisonOf(kind);
    for (const length of [0, 1, 5]) {
      const v = poisoned(kind, 8, start.slice(0, length));
      for (const from of [undefined, 0, length, 7, -1, -8]) {
        expect([v.indexOf(poison, from), v.lastIndexOf(poison, from), v.includes(poison, from)]).toEqual([-1, -1, false]);
      }
    }
  });

  it('on an empty vector finds nothing', () => {
    const v = kind.make(3);
    expect([v.indexOf(el(kind, 0)), v.lastIndexOf(el(kind, 0)), v.includes(el(kind, 0))]).toEqual([-1, -1, false]);
  });

  it('NaN: includes finds it, indexOf and lastIndexOf do not (float kinds)', () => {
    if (!keepsNaN(kind)) return;
    const v = poisoned(kind, 4, [1, NaN, 2]);
    expect([v.includes(NaN), v.indexOf(NaN), v.lastIndexOf(NaN)]).toEqual([true, -1, -1]);
    expect(poisoned(kind, 4, [1, 2]).includes(NaN)).toBe(false);
  });

  it('-0 and 0 find each other', () => {
    if (kind.isBigInt) return;
    const v = poisoned(kind, 4, [5, 0]);
    expect([v.indexOf(-0), v.lastIndexOf(-0), v.includes(-0)]).toEqual([1, 1, true]);
  });

  it('rejects a wrong-type value with a TypeError naming the method', () => {
    const v = make();
    for (const method of ['indexOf', 'lastIndexOf', 'includes'] as const) {
      const error = caught(() => v[method](kind.wrongType as Elem));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(`${name}.${method}`);
    }
  });
});

describe.each(KINDS)('$name: sort and reverse', (kind) => {
  const { name } = kind;
  const sorted = (items: Elem[]) => items.slice().sort(defaultOrder);

  it('sorts numerically by default, not as strings', () => {
    const items = els(kind, 10, 9, 1, 100, 2, 21);
    const v = poisoned(kind, 8, items);
    expect(v.sort()).toBe(v);
    expectNoPoison(kind, v, els(kind, 1, 2, 9, 10, 21, 100));
  });

  it('sorts [10, 9, 1, -0, 0, NaN] to [-0, 0, 1, 9, 10, NaN] (float kinds), or the converted values in order', () => {
    if (kind.isBigInt) return;
    const v = poisoned(kind, 8, [10, 9, 1, -0, 0, NaN]);
    v.sort();
    const expected = keepsNaN(kind) ? [-0, 0, 1, 9, 10, NaN] : sorted([10, 9, 1, -0, 0, NaN].map(kind.convert));
    expectContents(v, expected);
  });

  it('sorts negative and wrapped values by their stored value', () => {
    const raw = kind.isBigInt ? [5n, -3n, 2n ** 40n, -(2n ** 40n), 0n] : [5, -3, 1000, -1000, 0];
    const stored = raw.map(kind.convert);
    const v = poisoned(kind, 8, raw);
    v.sort();
    expectContents(v, sorted(stored));
  });

  it('sorts with a comparator, and only the live elements', () => {
    const v = poisoned(kind, 8, els(kind, 3, 1, 4, 1, 5));
    const descending = (a: Elem, b: Elem) => (a < b ? 1 : a > b ? -1 : 0);
    expect(v.sort(descending)).toBe(v);
    // A descending sort over the spare slots too would bring the (large) sentinel to the front.
    expectNoPoison(kind, v, els(kind, 5, 4, 3, 1, 1));
  });

  it('a comparator that throws leaves the length unchanged and the contents a permutation', () => {
    const items = els(kind, 9, 3, 7, 1, 8, 2, 6);
    const v = poisoned(kind, 10, items);
    const boom = new Error('comparator failed');
    let calls = 0;
    const error = caught(() =>
      v.sort((a, b) => {
        if (++calls === 5) throw boom;
        return Number(a) - Number(b);
      }),
    );
    expect(error).toBe(boom);
    expect(v.length).toBe(items.length);
    expect(sorted(v.toArray())).toEqual(sorted(items));
    expect(v.toArray()).not.toContainEqual(poisonOf(kind));
  });

  it('an inconsistent comparator still leaves a permutation of the elements', () => {
    const items = els(kind, 9, 3, 7, 1, 8, 2, 6, 4, 5, 0);
    const v = poisoned(kind, 12, items);
    let seed = 7;
    v.sort(() => ((seed = (seed * 48271) % 2147483647) % 3) - 1);
    expect(sorted(v.toArray())).toEqual(sorted(items));
    expectNoPoison(kind, v, v.toArray());
  });

  it('sort rejects a comparator that is not a function with a TypeError and changes nothing', () => {
    const v = poisoned(kind, 4, els(kind, 2, 1));
    const error = caught(() => v.sort('desc' as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`${name}.sort`);
    expectContents(v, els(kind, 2, 1));
  });

  it('reverse reverses the live elements in place and returns the vector', () => {
    const v = poisoned(kind, 8, els(kind, 1, 2, 3, 4));
    expect(v.reverse()).toBe(v);
    expectNoPoison(kind, v, els(kind, 4, 3, 2, 1));
    const empty = poisoned(kind, 3, []);
    empty.reverse();
    expectNoPoison(kind, empty, []);
  });
});

describe.each(KINDS)('$name: binarySearch', (kind) => {
  const items = els(kind, 1, 3, 5, 7, 9);
  const make = () => poisoned(kind, 8, items);

  it('returns the index of every present value', () => {
    const v = make();
    expect(items.map((x) => v.binarySearch(x))).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns -(insertionPoint) - 1 for every absent value', () => {
    const v = make();
    expect(els(kind, 0, 2, 4, 6, 8, 10).map((x) => v.binarySearch(x))).toEqual([-1, -2, -3, -4, -5, -6]);
  });

  it('returns -1 on an empty vector, and never reports a spare slot', () => {
    expect(poisoned(kind, 4, []).binarySearch(el(kind, 5))).toBe(-1);
    expect(poisoned(kind, 4, []).binarySearch(poisonOf(kind))).toBe(-1);
    expect(make().binarySearch(poisonOf(kind))).toBe(-6);
  });

  it('finds one of several equal elements', () => {
    const v = poisoned(kind, 8, els(kind, 1, 2, 2, 2, 3));
    const index = v.binarySearch(el(kind, 2));
    expect([1, 2, 3]).toContain(index);
    expect(v.get(index)).toEqual(el(kind, 2));
  });

  it('agrees with the default sort order, NaN last (float kinds)', () => {
    if (!keepsNaN(kind)) return;
    const v = poisoned(kind, 6, [NaN, 2, -1, NaN]);
    v.sort();
    expect(v.binarySearch(-1)).toBe(0);
    expect(v.binarySearch(2)).toBe(1);
    expect([2, 3]).toContain(v.binarySearch(NaN));
    expect(v.binarySearch(3)).toBe(-3);
  });

  it('rejects a wrong-type value with a TypeError', () => {
    expect(() => make().binarySearch(kind.wrongType as Elem)).toThrow(TypeError);
  });
});

describe.each(KINDS)('$name: fill', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2, 3, 4);
  const make = () => poisoned(kind, 7, start);
  const x = el(kind, 8);

  it('fill(x, start?, end?) sets that range like Array.prototype.fill, keeps the length and returns the vector', () => {
    const ranges: [number | undefined, number | undefined][] = [
      [undefined, undefined],
      [1, undefined],
      [1, 3],
      [0, 4],
      [4, 4],
      [2, 2],
    ];
    for (const [s, e] of ranges) {
      labelled(`fill(x, ${s}, ${e})`, () => {
        const v = make();
        const model = start.slice();
        model.fill(x, s, e);
        expect(v.fill(x, s, e)).toBe(v);
        expectNoPoison(kind, v, model);
      });
    }
  });

  it('fill rejects a range outside [0, length] with a RangeError (TypeError for non-numbers), naming the method, changing nothing', () => {
    const cases: [string, unknown[], typeof Error][] = [
      ['start -1', [-1], RangeError],
      ['end past the length', [0, 5], RangeError],
      ['start past the length', [5, 5], RangeError],
      ['end before start', [3, 1], RangeError],
      ['fractional end', [0, 1.5], RangeError],
      ["string start '1'", ['1'], TypeError],
    ];
    for (const [label, args, ErrorClass] of cases) {
      labelled(label, () => {
        const v = make();
        const error = caught(() => (v.fill as (...a: unknown[]) => unknown)(x, ...args));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.fill`);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('fill on an empty vector changes nothing and never grows it', () => {
    const v = poisoned(kind, 3, []);
    v.fill(x);
    expectNoPoison(kind, v, []);
  });

  it('fill rejects a wrong-type value with a TypeError and changes nothing', () => {
    const v = make();
    expect(() => v.fill(kind.wrongType as Elem)).toThrow(TypeError);
    expectNoPoison(kind, v, start);
  });
});

// V8 (Node 24 and 26, Chromium 156) misses negative normal values in a Float16Array's own
// indexOf, lastIndexOf and includes: F16Vec searches with loops of its own instead.
describe.each(KINDS.filter((kind) => kind.spec?.signed === true && !kind.isBigInt))('$name: searches for negative values', (kind) => {
  it('indexOf, lastIndexOf and includes find them, from any fromIndex', () => {
    const v = poisoned(kind, 8, [-1, 2, -2, -1, 0]);
    expect([v.indexOf(-1), v.indexOf(-2), v.indexOf(-1, 1), v.indexOf(-1, -2), v.indexOf(-1, 4), v.indexOf(-3)]).toEqual([0, 2, 3, 3, -1, -1]);
    expect([v.lastIndexOf(-1), v.lastIndexOf(-1, 2), v.lastIndexOf(-2, -4), v.lastIndexOf(-2, 1), v.lastIndexOf(-3)]).toEqual([3, 0, -1, -1, -1]);
    expect([v.includes(-2), v.includes(-2, 3), v.includes(-0), v.includes(-1, -1), v.includes(-3)]).toEqual([true, false, true, false, false]);
  });
});
