/**
 * Shared behaviour, growing operations: extend/tryExtend from every kind of source,
 * insert/tryInsert and resize, with their all-or-nothing failure rules. Runs for every
 * class in `KINDS`.
 */

import { CapacityError, IndexError } from '../src/errors';
import { KINDS, arrayNamesHolding, kindOfOtherType, otherKindOfSameType, typedArrayCtor, type AnyVec, type Elem } from './support/kinds';
import {
  arrayCtorOf,
  caught,
  el,
  els,
  expectContents,
  expectNoPoison,
  labelled,
  poisoned,
  show,
  typed,
  vecOf,
  wrongValues,
} from './support/assertions';

describe.each(KINDS)('$name: extend and tryExtend', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2);
  const added = els(kind, 3, 4, 5);
  /** Length 2, capacity 6, spare slots poisoned. */
  const make = () => poisoned(kind, 6, start);
  /** Another class in KINDS with the same element type, for cross-class sources. */
  const other = otherKindOfSameType(kind);
  /** The first typed array of the table holding this element type (for most kinds not its own). */
  const firstArrayOfType = typedArrayCtor(arrayNamesHolding(kind.isBigInt)[0]);

  function* generate(items: readonly Elem[]) {
    yield* items;
  }

  const sources: [string, () => unknown][] = [
    ['an array', () => added.slice()],
    ['a Set', () => new Set(added)],
    ['a generator', () => generate(added)],
    ['an array-like {length, 0: ...}', () => ({ length: 3, 0: added[0], 1: added[1], 2: added[2] })],
    [`a ${firstArrayOfType.name}`, () => firstArrayOfType.from(added)],
    ['a vector of the same class', () => vecOf(kind, 3, added)],
    ['a poisoned vector of the same class', () => poisoned(kind, 7, added)],
    [`a vector of a different class (${other.name})`, () => poisoned(other, 7, added)],
    ['an iterator from values()', () => vecOf(kind, 3, added).values()],
  ];

  it('extend appends every element of every kind of source, in order', () => {
    for (const [label, source] of sources) {
      labelled(label, () => {
        const v = make();
        v.extend(source() as Iterable<Elem>);
        expectContents(v, [...start, ...added]);
      });
    }
  });

  it('tryExtend appends every element of every kind of source and returns true', () => {
    for (const [label, source] of sources) {
      labelled(label, () => {
        const v = make();
        expect(v.tryExtend(source() as Iterable<Elem>)).toBe(true);
        expectContents(v, [...start, ...added]);
      });
    }
  });

  it('extend with any source that does not fit throws a CapacityError carrying the source and numbers, changing nothing', () => {
    for (const [label, source] of sources) {
      labelled(label, () => {
        const v = poisoned(kind, 4, start);
        const src = source();
        const error = caught(() => v.extend(src as Iterable<Elem>));
        expect(error).toBeInstanceOf(CapacityError);
        expect(error.value).toBe(src);
        expect([error.capacity, error.length, error.requiredLength]).toEqual([4, 2, 5]);
        expect(error.message).toContain(`${name}.extend`);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('tryExtend with any source that does not fit returns false and changes nothing', () => {
    for (const [label, source] of sources) {
      labelled(label, () => {
        const v = poisoned(kind, 4, start);
        expect(v.tryExtend(source() as Iterable<Elem>)).toBe(false);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('extend with an empty source changes nothing, even on a full vector', () => {
    const v = kind.cls.from(start, 2);
    v.extend([]);
    v.extend(new Set());
    v.extend(generate([]));
    v.extend({ length: 0 });
    expect(v.tryExtend([])).toBe(true);
    expectContents(v, start);
  });

  it('extend fills a vector exactly to capacity', () => {
    const v = poisoned(kind, 5, start);
    v.extend(added);
    expect(v.isFull).toBe(true);
    expectContents(v, [...start, ...added]);
  });

  it('extend(itself) doubles the contents when they fit, and changes nothing when they do not', () => {
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    v.extend(v);
    expectContents(v, els(kind, 1, 2, 3, 1, 2, 3));
    expect(() => v.extend(v)).toThrow(CapacityError);
    expect(v.tryExtend(v)).toBe(false);
    expectContents(v, els(kind, 1, 2, 3, 1, 2, 3));
    const w = poisoned(kind, 5, els(kind, 1, 2));
    expect(w.tryExtend(w)).toBe(true);
    expectContents(w, els(kind, 1, 2, 1, 2));
  });

  it('extend(own view) doubles the contents, also for an overlapping subarray (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(poisoned(kind, 8, els(kind, 1, 2, 3)));
    v.extend(v.view());
    expectContents(v, els(kind, 1, 2, 3, 1, 2, 3));
    const w = typed(poisoned(kind, 8, els(kind, 1, 2, 3, 4)));
    w.extend(w.view().subarray(1) as ArrayLike<Elem>);
    expectContents(w, els(kind, 1, 2, 3, 4, 2, 3, 4));
  });

  it('extend converts elements from every typed array kind of its element type (typed kinds)', () => {
    if (!kind.isTyped) return;
    const ctors = arrayNamesHolding(kind.isBigInt).map(typedArrayCtor);
    const values: Elem[] = kind.isBigInt ? [1n, -2n, 2n ** 40n] : [1, -2, 100.5, 70000];
    expect(ctors).toContain(arrayCtorOf(kind));
    for (const Ctor of ctors) {
      const source = Ctor.from(values);
      const v = poisoned(kind, 6, start);
      v.extend(source);
      expect([Ctor.name, v.toArray()]).toEqual([Ctor.name, [...start, ...Array.from(source).map(kind.convert)]]);
    }
  });

  it('extend rejects a typed array holding the other element type (bigints vs numbers) with a TypeError (typed kinds)', () => {
    // OptionVec holds any value but undefined, so it takes a BigInt64Array as it is.
    if (!kind.isTyped) return;
    const v = make();
    const wrongKind = arrayNamesHolding(!kind.isBigInt).map((name) => new (typedArrayCtor(name))(2));
    for (const source of wrongKind) {
      const error = caught(() => v.extend(source as unknown as ArrayLike<Elem>));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(`${name}.extend`);
      expect(() => v.tryExtend(source as unknown as ArrayLike<Elem>)).toThrow(TypeError);
    }
    expectNoPoison(kind, v, start);
  });

  it('extend rejects a vector of the other element type with a TypeError (typed kinds)', () => {
    if (!kind.isTyped) return;
    const otherType = kindOfOtherType(kind);
    const v = make();
    expect(() => v.extend(vecOf(otherType, 2, els(otherType, 1, 2)) as unknown as Iterable<Elem>)).toThrow(TypeError);
    expectNoPoison(kind, v, start);
  });

  it('extend and tryExtend reject a wrong-type element in the middle of any source with a TypeError, changing nothing', () => {
    const builders: [string, (bad: unknown) => unknown][] = [
      ['an array', (bad) => [added[0], bad, added[1]]],
      ['a generator', (bad) => generate([added[0], bad as Elem, added[1]])],
      ['a Set', (bad) => new Set([added[0], bad, added[1]])],
      ['an array-like', (bad) => ({ length: 3, 0: added[0], 1: bad, 2: added[1] })],
      ['a sparse array (hole in the middle)', () => [added[0], , added[1]]],
    ];
    for (const [label, build] of builders) {
      // Every wrong value through the array path; the kind's own wrong type through the others.
      for (const bad of label === 'an array' ? wrongValues(kind) : [kind.wrongType]) {
        labelled(`${label} holding ${show(bad)}`, () => {
          const v = make();
          const error = caught(() => v.extend(build(bad) as Iterable<Elem>));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toContain(`${name}.extend`);
          expect(() => v.tryExtend(build(bad) as Iterable<Elem>)).toThrow(TypeError);
          expectContents(v, start);
        });
      }
    }
  });

  it('extend with a generator that throws midway propagates that error and changes nothing', () => {
    const boom = new Error('generator failed');
    function* failing() {
      yield added[0];
      yield added[1];
      throw boom;
    }
    const v = make();
    expect(caught(() => v.extend(failing()))).toBe(boom);
    expect(caught(() => v.tryExtend(failing()))).toBe(boom);
    expectNoPoison(kind, v, start);
  });

  it('extend rejects a source that is neither array-like nor iterable, and a string, with a TypeError', () => {
    const v = make();
    for (const bad of [null, undefined, 5, true, {}, new DataView(new ArrayBuffer(8)), 'ab', { length: -1 }, { length: 1.5 }]) {
      expect(() => v.extend(bad as unknown as Elem[])).toThrow(TypeError);
    }
    expectNoPoison(kind, v, start);
  });

  it('extend from an array-like takes only its first `length` elements', () => {
    const v = make();
    v.extend({ length: 2, 0: added[0], 1: added[1], 2: kind.wrongType } as unknown as ArrayLike<Elem>);
    expectContents(v, [...start, added[0], added[1]]);
  });

  /** Reads allowed before a source is known not to fit: the free slots plus one. */
  const READ_LIMIT = 10_000;

  it('extend, tryExtend, splice and from stop reading an endless iterable once it cannot fit: CapacityError / false', () => {
    const calls: [string, (v: AnyVec, source: Iterable<Elem>) => unknown, unknown][] = [
      ['extend', (v, source) => v.extend(source), 'CapacityError'],
      ['tryExtend', (v, source) => v.tryExtend(source), false],
      ['splice', (v, source) => v.splice(0, 0, source), 'CapacityError'],
      ['from', (v, source) => kind.cls.from(source, v.remaining), 'CapacityError'],
    ];
    for (const [method, call, expected] of calls) {
      labelled(method, () => {
        const v = make();
        let reads = 0;
        // Endless in intent; it gives up after READ_LIMIT items so that a failing test ends.
        function* endless() {
          for (;;) {
            if (++reads > READ_LIMIT) throw new Error(`${method} read ${READ_LIMIT} items from an endless source for ${v.remaining} free slots`);
            yield added[0];
          }
        }
        let outcome: unknown;
        try {
          outcome = call(v, endless());
        } catch (error) {
          // A CapacityError is expected; anything else is shown with its message.
          outcome = error instanceof CapacityError ? 'CapacityError' : String(error);
        }
        expect(outcome).toEqual(expected);
        expect(reads).toBeLessThanOrEqual(v.remaining + 1);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('extend from an array-like far longer than the free room throws a CapacityError without reading it all', () => {
    const v = make();
    let reads = 0;
    const huge = new Proxy({ length: 2 ** 26 } as unknown as ArrayLike<Elem>, {
      get(target, key) {
        if (key === 'length') return 2 ** 26;
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          if (++reads > READ_LIMIT) throw new Error(`extend read ${READ_LIMIT} elements of a 2^26-element source for ${v.remaining} free slots`);
          return added[0];
        }
        return Reflect.get(target, key);
      },
    });
    const error = caught(() => v.extend(huge));
    expect([error.name, error.message]).toEqual(['CapacityError', expect.stringContaining(`${name}.extend`)]);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([6, 2, 2 + 2 ** 26]);
    expect(reads).toBeLessThanOrEqual(v.remaining + 1);
    expectNoPoison(kind, v, start);
  });
});

describe.each(KINDS)('$name: insert and tryInsert', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2, 3);
  const make = () => poisoned(kind, 5, start);

  it('insert at every index from 0 to length shifts the later elements up, like Array.prototype.splice', () => {
    for (const index of [0, 1, 2, 3]) {
      labelled(`index ${index}`, () => {
        const model = start.slice();
        model.splice(index, 0, el(kind, 9));
        const v = make();
        expect(v.insert(index, el(kind, 9))).toBeUndefined();
        expectNoPoison(kind, v, model);
        const w = make();
        expect(w.tryInsert(index, el(kind, 9))).toBe(true);
        expectNoPoison(kind, w, model);
      });
    }
  });

  it('insert into an empty vector at 0 and repeatedly at the end builds the sequence', () => {
    const v = poisoned(kind, 4, []);
    v.insert(0, el(kind, 5));
    v.insert(1, el(kind, 7));
    v.insert(1, el(kind, 6));
    v.insert(0, el(kind, 4));
    expectNoPoison(kind, v, els(kind, 4, 5, 6, 7));
  });

  it('insert on a full vector throws a CapacityError carrying the value and changes nothing; tryInsert returns false', () => {
    const v = kind.cls.from(start, 3);
    const value = el(kind, 9);
    const error = caught(() => v.insert(1, value));
    expect(error).toBeInstanceOf(CapacityError);
    expect(Object.is(error.value, value)).toBe(true);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([3, 3, 4]);
    expect(error.message).toContain(`${name}.insert`);
    expect(v.tryInsert(1, value)).toBe(false);
    expect(v.tryInsert(3, value)).toBe(false);
    expectContents(v, start);
  });

  it('insert and tryInsert reject every index outside [0, length] with an IndexError of bound length + 1, changing nothing', () => {
    for (const index of [1.5, -1, -0.5, NaN, 4, 4 + 7, Infinity, -Infinity, 2 ** 32]) {
      for (const method of ['insert', 'tryInsert'] as const) {
        labelled(`${method}(${show(index)})`, () => {
          const v = make();
          const error = caught(() => v[method](index, el(kind, 9)));
          expect(error).toBeInstanceOf(IndexError);
          expect(error.message).toContain(`${name}.${method}`);
          expect(error.message).toContain(`index ${String(index)}`);
          expect(Object.is(error.index, index)).toBe(true);
          expect(error.bound).toBe(4);
          expectNoPoison(kind, v, start);
        });
      }
    }
  });

  it("insert's IndexError message states the vector's current length", () => {
    const v = make();
    const error = caught(() => v.insert(5, el(kind, 9)));
    // "length 3" must appear as such; "for length + 1 4" reads as "length + 14".
    expect(error.message).toMatch(/\blength 3\b/);
  });

  it('insert and tryInsert reject a non-number index with a TypeError naming the method', () => {
    for (const index of ['0', null, 0n, { valueOf: () => 1 }]) {
      for (const method of ['insert', 'tryInsert'] as const) {
        labelled(`${method}(${show(index)})`, () => {
          const v = make();
          const error = caught(() => v[method](index as unknown as number, el(kind, 9)));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toContain(`${name}.${method}`);
          expectContents(v, start);
        });
      }
    }
  });

  it('insert and tryInsert reject a wrong-type value with a TypeError and change nothing', () => {
    const v = make();
    for (const bad of wrongValues(kind)) {
      expect(caught(() => v.insert(1, bad as Elem)).message).toContain(`${name}.insert`);
      expect(() => v.tryInsert(1, bad as Elem)).toThrow(TypeError);
    }
    expectNoPoison(kind, v, start);
  });
});

describe.each(KINDS)('$name: resize', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2, 3);
  const make = () => poisoned(kind, 6, start);

  it('resize upward fills every new slot with the given value', () => {
    const v = make();
    v.resize(6, el(kind, 7));
    expectNoPoison(kind, v, els(kind, 1, 2, 3, 7, 7, 7));
  });

  it('resize downward drops elements from the end, and to the same length changes nothing', () => {
    const v = make();
    v.resize(3, el(kind, 7));
    expectContents(v, start);
    v.resize(1, el(kind, 7));
    expectContents(v, els(kind, 1));
    v.resize(0, el(kind, 7));
    expectContents(v, []);
  });

  it('resize upward after shrinking never brings the dropped elements back', () => {
    const v = make();
    v.resize(1, el(kind, 7));
    v.resize(4, el(kind, 8));
    expectNoPoison(kind, v, els(kind, 1, 8, 8, 8));
  });

  it('resize past the capacity throws a CapacityError and changes nothing', () => {
    const v = make();
    const error = caught(() => v.resize(7, el(kind, 7)));
    expect(error).toBeInstanceOf(CapacityError);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([6, 3, 7]);
    expect(error.message).toContain(`${name}.resize`);
    expectNoPoison(kind, v, start);
  });

  it('resize rejects a length that is not a non-negative integer, naming the method, and changes nothing', () => {
    const cases: [unknown, typeof Error][] = [
      [-1, RangeError],
      [1.5, RangeError],
      [NaN, RangeError],
      ['2', TypeError],
      [undefined, TypeError],
    ];
    for (const [newLength, ErrorClass] of cases) {
      labelled(`resize(${show(newLength)})`, () => {
        const v = make();
        const error = caught(() => v.resize(newLength as number, el(kind, 7)));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.resize`);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('resize rejects a wrong-type fill with a TypeError and changes nothing', () => {
    const v = make();
    for (const bad of wrongValues(kind)) {
      expect(() => v.resize(5, bad as Elem)).toThrow(TypeError);
    }
    expectNoPoison(kind, v, start);
  });
});
