/**
 * Shared behaviour, construction and properties: constructors, `from`, `of`, the
 * length/capacity properties and the class tag. Runs for every class in `KINDS`.
 */

import { CapacityError } from '../src/errors';
import { KINDS, type AnyVec, type Elem } from './support/kinds';
import { arrayCtorOf, caught, el, els, expectContents, labelled, poisoned, show, vecOf } from './support/assertions';

/** Applies `op` to `vec` and returns `vec`. */
function applied(vec: AnyVec, op: (v: AnyVec) => unknown): AnyVec {
  op(vec);
  return vec;
}

describe.each(KINDS)('$name: construction and properties', (kind) => {
  const { name } = kind;

  it('starts empty with exactly the requested capacity', () => {
    for (const capacity of [0, 1, 5, 64]) {
      const v = kind.make(capacity);
      expect([v.capacity, v.length, v.isEmpty, v.isFull, v.remaining]).toEqual([capacity, 0, true, capacity === 0, capacity]);
      expect(v.toArray()).toEqual([]);
    }
  });

  it('keeps length, isEmpty, isFull and remaining consistent as elements come and go', () => {
    const v = kind.make(3);
    const states: unknown[] = [];
    const record = () => states.push([v.length, v.isEmpty, v.isFull, v.remaining, v.capacity]);
    record();
    v.push(el(kind, 1));
    record();
    v.extend(els(kind, 2, 3));
    record();
    v.pop();
    record();
    v.clear();
    record();
    expect(states).toEqual([
      [0, true, false, 3, 3],
      [1, false, false, 2, 3],
      [3, false, true, 0, 3],
      [2, false, false, 1, 3],
      [0, true, false, 3, 3],
    ]);
  });

  it('treats a capacity-0 vector as empty and full, refusing every element', () => {
    const v = kind.make(0);
    expect([v.isEmpty, v.isFull, v.remaining]).toEqual([true, true, 0]);
    expect(() => v.push(el(kind, 1))).toThrow(CapacityError);
    expect(v.tryPush(el(kind, 1))).toBe(false);
    expect(() => v.extend(els(kind, 1))).toThrow(CapacityError);
    expect(v.tryExtend([])).toBe(true);
    expect(() => v.pop()).toThrow(RangeError);
    expect(() => v.get(0)).toThrow(RangeError);
    expect(v.at(0)).toBeUndefined();
    expect(v.at(-1)).toBeUndefined();
    expect([...v]).toEqual([]);
    expect(Array.from(v.view())).toEqual([]);
    expect(v.length).toBe(0);
  });

  it('rejects a bad capacity in the constructor and in from() with a TypeError or RangeError naming the class', () => {
    const cases: [unknown, typeof Error][] = [
      [-1, RangeError],
      [1.5, RangeError],
      [NaN, RangeError],
      [Infinity, RangeError],
      [2 ** 32, RangeError],
      ['4', TypeError],
      [null, TypeError],
      [undefined, TypeError],
    ];
    for (const [capacity, ErrorClass] of cases) {
      labelled(`capacity ${show(capacity)}`, () => {
        const fromConstructor = caught(() => kind.make(capacity as number));
        expect(fromConstructor).toBeInstanceOf(ErrorClass);
        expect(fromConstructor.message).toContain(name);
        // from(source, undefined) means "capacity = element count", so only defined capacities are bad there.
        if (capacity === undefined) return;
        const fromFrom = caught(() => kind.cls.from(els(kind, 1), capacity as number));
        expect(fromFrom).toBeInstanceOf(ErrorClass);
        expect(fromFrom.message).toContain(name);
      });
    }
  });

  it('accepts -0 as a capacity of 0', () => {
    const v = kind.make(-0);
    expect(Object.is(v.capacity, 0)).toBe(true);
    expect(v.isFull).toBe(true);
  });

  it('a -0 argument never makes length, capacity, remaining or a returned index -0', () => {
    const three = () => kind.cls.from(els(kind, 1, 2, 3), 5);
    const zeros: [string, () => number][] = [
      ['capacity of new(-0)', () => kind.make(-0).capacity],
      ['remaining of new(-0)', () => kind.make(-0).remaining],
      ['length after truncate(-0)', () => applied(three(), (v) => v.truncate(-0)).length],
      ['length after resize(-0)', () => applied(three(), (v) => v.resize(-0, el(kind, 1))).length],
      ['length after drain(-0)', () => applied(three(), (v) => v.drain(-0)).length],
      ['length after splice(-0, 3)', () => applied(three(), (v) => v.splice(-0, 3)).length],
      ['indexOf(x, -0)', () => three().indexOf(el(kind, 1), -0)],
      ['indexOf(x, -3)', () => three().indexOf(el(kind, 1), -3)],
      ['lastIndexOf(x, -0)', () => three().lastIndexOf(el(kind, 1), -0)],
      ['binarySearch of the first element', () => three().binarySearch(el(kind, 1))],
      ['first key', () => three().keys().next().value as number],
    ];
    expect(zeros.map(([label, f]) => [label, Object.is(f(), -0)])).toEqual(zeros.map(([label]) => [label, false]));
  });

  it('from(array) holds the elements with capacity equal to their count', () => {
    const items = els(kind, 4, 5, 6);
    const v = kind.cls.from(items);
    expect(v.capacity).toBe(3);
    expect(v.isFull).toBe(true);
    expectContents(v, items);
    items[0] = el(kind, 9);
    expect(v.get(0)).toEqual(el(kind, 4));
  });

  it('from(source, capacity) leaves the requested room', () => {
    const v = kind.cls.from(els(kind, 4, 5), 6);
    expect([v.capacity, v.length, v.remaining]).toEqual([6, 2, 4]);
    expectContents(v, els(kind, 4, 5));
    const empty = kind.cls.from([], 3);
    expect([empty.capacity, empty.length]).toEqual([3, 0]);
  });

  it('from(source, capacity) throws a CapacityError carrying the numbers when the source is too long', () => {
    const source = els(kind, 1, 2, 3, 4);
    const error = caught(() => kind.cls.from(source, 3));
    expect(error).toBeInstanceOf(CapacityError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.value).toBe(source);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([3, 0, 4]);
    expect(error.message).toContain(`${name}.from`);
  });

  it('from() accepts every kind of source: Set, generator, array-like, typed array, vectors', () => {
    const expected = els(kind, 7, 8, 9);
    function* gen() {
      yield* expected;
    }
    const typedSource = kind.isBigInt ? BigInt64Array.from(expected as bigint[]) : Float64Array.from(expected as number[]);
    const sources: [string, unknown][] = [
      ['Set', new Set(expected)],
      ['generator', gen()],
      ['array-like', { length: 3, 0: expected[0], 1: expected[1], 2: expected[2] }],
      ['typed array', typedSource],
      ['vector of the same class', vecOf(kind, 5, expected)],
      ['poisoned vector of the same class', poisoned(kind, 8, expected)],
    ];
    for (const [label, source] of sources) {
      const v = kind.cls.from(source as Iterable<number>, 4);
      expect([label, v.toArray()]).toEqual([label, expected]);
    }
  });

  it('from() with the class own typed array kind copies it (typed kinds)', () => {
    if (!kind.isTyped) return;
    const Ctor = arrayCtorOf(kind);
    const source = new Ctor(els(kind, 1, 2, 3));
    const v = kind.cls.from(source as unknown as ArrayLike<number>);
    (source as unknown as Elem[])[0] = el(kind, 9);
    expectContents(v, els(kind, 1, 2, 3));
  });

  it('from() rejects a wrong-type element and a non-source with a TypeError naming the method', () => {
    const error = caught(() => kind.cls.from([el(kind, 1), kind.wrongType as number]));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`${name}.from`);
    for (const bad of [null, undefined, 5, true]) {
      expect(() => kind.cls.from(bad as unknown as number[])).toThrow(TypeError);
    }
  });

  it('of(...items) is full, with capacity equal to the item count', () => {
    const v = kind.cls.of(...els(kind, 3, 1, 2));
    expect([v.capacity, v.length, v.isFull]).toEqual([3, 3, true]);
    expectContents(v, els(kind, 3, 1, 2));
    const empty = kind.cls.of();
    expect([empty.capacity, empty.length, empty.isFull]).toEqual([0, 0, true]);
    expect(() => kind.cls.of(el(kind, 1), kind.wrongType as number)).toThrow(TypeError);
  });

  it('reports its class name through Object.prototype.toString', () => {
    expect(Object.prototype.toString.call(kind.make(2))).toBe(`[object ${name}]`);
    expect(Object.prototype.toString.call(kind.cls.of(el(kind, 1)).clone())).toBe(`[object ${name}]`);
  });

  it('cannot have length, capacity or the derived properties assigned', () => {
    const v = poisoned(kind, 5, els(kind, 1, 2));
    for (const prop of ['length', 'capacity', 'isEmpty', 'isFull', 'remaining']) {
      try {
        (v as unknown as Record<string, unknown>)[prop] = prop === 'isEmpty' || prop === 'isFull' ? true : 5;
      } catch {
        // A strict-mode assignment to an accessor without a setter throws; either way nothing may change.
      }
    }
    expect([v.capacity, v.length, v.isEmpty, v.isFull, v.remaining]).toEqual([5, 2, false, false, 3]);
    expectContents(v, els(kind, 1, 2));
  });
});
