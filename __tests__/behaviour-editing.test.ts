/**
 * Shared behaviour, removing and rearranging operations: remove, swapRemove, truncate,
 * clear, retain, drain, splice and dedup, each checked against a plain Array computed in
 * the test; and random operation sequences compared with an Array model. Runs for every
 * class in `KINDS`.
 */

import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CapacityError, IndexError } from '../src/errors';
import { KINDS, poisonSpare, type AnyVec, type Elem } from './support/kinds';
import {
  arrayCtorOf,
  caught,
  defaultOrder,
  el,
  els,
  expectContents,
  expectNoPoison,
  keepsNaN,
  labelled,
  poisonOf,
  poisoned,
  show,
  typed,
} from './support/assertions';

/** SameValueZero, the equality of `dedup`. */
const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

describe.each(KINDS)('$name: remove, swapRemove, truncate and clear', (kind) => {
  const { name } = kind;
  const start = els(kind, 10, 11, 12, 13);
  const make = () => poisoned(kind, 6, start);

  it('remove(i) returns the element and shifts the later ones down, at the first, a middle and the last index', () => {
    for (const index of [0, 1, 3]) {
      labelled(`remove(${index})`, () => {
        const v = make();
        const model = start.slice();
        const [expected] = model.splice(index, 1);
        expect(v.remove(index)).toEqual(expected);
        expectNoPoison(kind, v, model);
      });
    }
  });

  it('swapRemove(i) returns the element and moves the last one into its place, at the first, a middle and the last index', () => {
    for (const index of [0, 1, 3]) {
      labelled(`swapRemove(${index})`, () => {
        const v = make();
        const model = start.slice();
        const expected = model[index];
        model[index] = model[model.length - 1];
        model.pop();
        expect(v.swapRemove(index)).toEqual(expected);
        expectNoPoison(kind, v, model);
      });
    }
  });

  it('swapDelete(i) moves the last element into its place like swapRemove, and returns nothing', () => {
    for (const index of [0, 1, 3]) {
      labelled(`swapDelete(${index})`, () => {
        const v = make();
        const model = start.slice();
        model[index] = model[model.length - 1];
        model.pop();
        expect(v.swapDelete(index)).toBeUndefined();
        expectNoPoison(kind, v, model);
      });
    }
    const v = make();
    while (!v.isEmpty) v.swapDelete(0);
    expectNoPoison(kind, v, []);
    expect(caught(() => v.swapDelete(0)).message).toContain(`${name}.swapDelete: index 0 is out of bounds for length 0`);
  });

  it('remove and swapRemove down to empty, then both throw an IndexError naming the method', () => {
    const v = make();
    expect([v.remove(0), v.swapRemove(0), v.remove(1), v.swapRemove(0)]).toEqual(els(kind, 10, 11, 12, 13));
    expectNoPoison(kind, v, []);
    expect(caught(() => v.remove(0))).toBeInstanceOf(IndexError);
    expect(caught(() => v.swapRemove(0)).message).toContain(`${name}.swapRemove`);
  });

  it('truncate(n) keeps the first min(n, length) elements; n at or past the length is a no-op', () => {
    for (const n of [0, 1, 4, 5, 6, 2 ** 40]) {
      labelled(`truncate(${n})`, () => {
        const v = make();
        v.truncate(n);
        expectNoPoison(kind, v, start.slice(0, n));
        expect(v.capacity).toBe(6);
      });
    }
  });

  it('truncate rejects a length that is not a non-negative integer, naming the method, and changes nothing', () => {
    const cases: [unknown, typeof Error][] = [
      [-1, RangeError],
      [1.5, RangeError],
      [NaN, RangeError],
      ['1', TypeError],
      [undefined, TypeError],
    ];
    for (const [n, ErrorClass] of cases) {
      labelled(`truncate(${show(n)})`, () => {
        const v = make();
        const error = caught(() => v.truncate(n as number));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.truncate`);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('clear empties the vector, keeps the capacity, and later pushes show only new elements', () => {
    const v = make();
    v.clear();
    expect([v.length, v.isEmpty, v.capacity, v.remaining]).toEqual([0, true, 6, 6]);
    expectNoPoison(kind, v, []);
    v.push(el(kind, 1));
    expectNoPoison(kind, v, els(kind, 1));
  });
});

describe.each(KINDS)('$name: retain', (kind) => {
  const { name } = kind;
  const start = els(kind, 1, 2, 3, 4, 5, 6);
  const make = () => poisoned(kind, 8, start);
  const isOdd = (x: Elem) => Number(x) % 2 === 1;

  it('retain keeps, in order, the elements whose predicate is truthy, passing (value, index)', () => {
    const v = make();
    const calls: unknown[] = [];
    v.retain((value, index) => {
      calls.push([value, index]);
      return isOdd(value);
    });
    expect(calls).toEqual(start.map((x, i) => [x, i]));
    expectNoPoison(kind, v, start.filter(isOdd));
  });

  it('retain treats non-boolean results by truthiness', () => {
    const v = make();
    const results: unknown[] = [1, 0, 'yes', '', {}, null];
    v.retain((_value, index) => results[index] as boolean);
    expectNoPoison(kind, v, els(kind, 1, 3, 5));
  });

  it('retain keeping everything or nothing', () => {
    const all = make();
    all.retain(() => true);
    expectNoPoison(kind, all, start);
    const none = make();
    none.retain(() => false);
    expectNoPoison(kind, none, []);
  });

  it('retain with a throwing predicate changes nothing (all-or-nothing)', () => {
    const v = make();
    const before = v.toArray();
    const boom = new Error('predicate failed');
    const error = caught(() =>
      v.retain((value, index) => {
        if (index === 3) throw boom;
        return isOdd(value);
      }),
    );
    expect(error).toBe(boom);
    expectNoPoison(kind, v, before);
  });

  it('retain whose predicate pushes throws, naming the method, and the vector holds only written values', () => {
    const v = make();
    const pushed = el(kind, 50);
    const error = caught(() =>
      v.retain((value, index) => {
        if (index === 2) v.push(pushed);
        return isOdd(value);
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(`${name}.retain`);
    expect(v.length).toBe(7);
    const written = [...start, pushed];
    expect(v.toArray().every((x) => written.some((w) => Object.is(w, x)))).toBe(true);
    expect(v.toArray()).not.toContainEqual(poisonOf(kind));
    expect(v.toArray()).toContainEqual(pushed);
  });

  it('retain whose predicate pops throws, and the vector keeps the popped length with written values only', () => {
    const v = make();
    const error = caught(() =>
      v.retain((value, index) => {
        if (index === 3) {
          v.pop();
          v.pop();
        }
        return isOdd(value);
      }),
    );
    expect(error.message).toContain(`${name}.retain`);
    expect(v.length).toBe(4);
    expect(v.toArray().every((x) => start.some((w) => Object.is(w, x)))).toBe(true);
    expect(v.toArray()).not.toContainEqual(poisonOf(kind));
    expect(v.at(4)).toBeUndefined();
  });

  it('retain rejects a non-function predicate with a TypeError and changes nothing', () => {
    const v = make();
    expect(caught(() => v.retain(undefined as never)).message).toContain(`${name}.retain`);
    expect(() => v.retain({} as never)).toThrow(TypeError);
    expectNoPoison(kind, v, start);
  });
});

describe.each(KINDS)('$name: drain and splice', (kind) => {
  const { name } = kind;
  const start = els(kind, 10, 11, 12, 13, 14);
  const make = () => poisoned(kind, 8, start);

  it('drain(start?, end?) returns the removed range and keeps the rest, like Array.prototype.splice', () => {
    const ranges: [number | undefined, number | undefined][] = [
      [undefined, undefined],
      [0, undefined],
      [2, undefined],
      [5, undefined],
      [1, 3],
      [0, 5],
      [2, 2],
      [0, 0],
    ];
    for (const [from, to] of ranges) {
      labelled(`drain(${from}, ${to})`, () => {
        const v = make();
        const model = start.slice();
        const s = from ?? 0;
        const e = to ?? model.length;
        const removed = model.splice(s, e - s);
        const result = from === undefined ? v.drain() : to === undefined ? v.drain(from) : v.drain(from, to);
        expect(Array.from(result)).toEqual(removed);
        expectNoPoison(kind, v, model);
      });
    }
  });

  it('drain returns a new typed array of the class own kind, with its own buffer (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(make());
    const result = v.drain(1, 3) as unknown as ArrayBufferView & ArrayLike<Elem>;
    expect(result).toBeInstanceOf(arrayCtorOf(kind));
    expect(result.buffer).not.toBe(v.view().buffer);
    expect(result.byteLength).toBe(2 * arrayCtorOf(kind).BYTES_PER_ELEMENT);
    expect(result.buffer.byteLength).toBe(result.byteLength);
  });

  it('drain rejects a range outside [0, length], naming the method, and changes nothing', () => {
    const cases: [string, unknown[], typeof Error][] = [
      ['start -1', [-1], RangeError],
      ['end past the length', [0, 6], RangeError],
      ['end before start', [3, 2], RangeError],
      ['fractional start', [1.5], RangeError],
      ['NaN end', [0, NaN], RangeError],
      ['start past the length', [6], RangeError],
      ["string start '0'", ['0'], TypeError],
    ];
    for (const [label, args, ErrorClass] of cases) {
      labelled(label, () => {
        const v = make();
        const error = caught(() => (v.drain as (...a: unknown[]) => unknown)(...args));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.drain`);
        expectNoPoison(kind, v, start);
      });
    }
  });

  it('splice(start, deleteCount, items) returns the removed elements and matches Array.prototype.splice', () => {
    const cases: [number, number, number[]][] = [
      [0, 0, []],
      [0, 0, [1, 2]],
      [5, 0, [1, 2, 3]],
      [1, 2, []],
      [1, 2, [7]],
      [1, 1, [7, 8, 9]],
      [0, 5, [1]],
      [2, 3, [4, 5, 6, 7, 8, 9]],
    ];
    for (const [s, deleteCount, itemNumbers] of cases) {
      labelled(`splice(${s}, ${deleteCount}, [${itemNumbers}])`, () => {
        const v = make();
        const items = els(kind, ...itemNumbers);
        const model = start.slice();
        const removed = model.splice(s, deleteCount, ...items);
        const result = v.splice(s, deleteCount, items);
        expect(Array.from(result)).toEqual(removed);
        expectNoPoison(kind, v, model);
      });
    }
  });

  it('splice without items only removes', () => {
    const v = make();
    expect(Array.from(v.splice(1, 2))).toEqual(els(kind, 11, 12));
    expectNoPoison(kind, v, els(kind, 10, 13, 14));
  });

  it('splice accepts the vector itself as items, reading them before moving anything', () => {
    const v = poisoned(kind, 9, start);
    const removed = v.splice(1, 1, v);
    expect(Array.from(removed)).toEqual(els(kind, 11));
    expectNoPoison(kind, v, [...els(kind, 10), ...start, ...els(kind, 12, 13, 14)]);
  });

  it('splice accepts its own view as items, reading them before moving anything (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(poisoned(kind, 9, start));
    v.splice(0, 2, v.view());
    expectNoPoison(kind, v, [...start, ...els(kind, 12, 13, 14)]);
    const w = typed(poisoned(kind, 9, start));
    w.splice(3, 0, w.view().subarray(0, 2) as ArrayLike<Elem>);
    expectNoPoison(kind, w, els(kind, 10, 11, 12, 10, 11, 13, 14));
    // Items that lie where the tail moves to: they must be read before the tail moves.
    const x = typed(poisoned(kind, 9, start));
    x.splice(0, 0, x.view().subarray(3) as ArrayLike<Elem>);
    expectNoPoison(kind, x, els(kind, 13, 14, 10, 11, 12, 13, 14));
    const y = typed(poisoned(kind, 9, start));
    y.splice(0, 2, y.view().subarray(2) as ArrayLike<Elem>);
    expectNoPoison(kind, y, els(kind, 12, 13, 14, 12, 13, 14));
  });

  it('splice returns a typed array of the class own kind with its own buffer (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(make());
    const result = v.splice(0, 2, els(kind, 1)) as unknown as ArrayBufferView;
    expect(result).toBeInstanceOf(arrayCtorOf(kind));
    expect(result.buffer).not.toBe(v.view().buffer);
  });

  it('splice that would overflow throws a CapacityError carrying the items and changes nothing', () => {
    const v = make();
    const items = els(kind, 1, 2, 3, 4);
    const error = caught(() => v.splice(1, 0, items));
    expect(error).toBeInstanceOf(CapacityError);
    expect(error.value).toBe(items);
    expect([error.capacity, error.length, error.requiredLength]).toEqual([8, 5, 9]);
    expect(error.message).toContain(`${name}.splice`);
    expectNoPoison(kind, v, start);
  });

  it('splice with a wrong-type item in the middle throws a TypeError and changes nothing', () => {
    const v = make();
    expect(caught(() => v.splice(1, 2, [el(kind, 1), kind.wrongType as Elem, el(kind, 2)])).message).toContain(`${name}.splice`);
    expect(() => v.splice(0, 0, null as never)).toThrow(TypeError);
    expectNoPoison(kind, v, start);
  });

  it('splice rejects a start or deleteCount outside the vector, naming the method, and changes nothing', () => {
    const cases: [string, unknown[], typeof Error][] = [
      ['start -1', [-1, 0], RangeError],
      ['start past the length', [6, 0], RangeError],
      ['fractional start', [0.5, 0], RangeError],
      ['deleteCount -1', [0, -1], RangeError],
      ['deleteCount past the end', [3, 3], RangeError],
      ['missing deleteCount', [0, undefined], TypeError],
      ["string start '1'", ['1', 0], TypeError],
    ];
    for (const [label, args, ErrorClass] of cases) {
      labelled(label, () => {
        const v = make();
        const error = caught(() => (v.splice as (...a: unknown[]) => unknown)(...args, els(kind, 1)));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.splice`);
        expectNoPoison(kind, v, start);
      });
    }
  });
});

describe.each(KINDS)('$name: dedup', (kind) => {
  it('dedup removes consecutive repeats, keeping the first of each run', () => {
    const v = poisoned(kind, 10, els(kind, 1, 1, 2, 2, 2, 3, 1, 1));
    v.dedup();
    expectNoPoison(kind, v, els(kind, 1, 2, 3, 1));
  });

  it('dedup on empty, single and run-free vectors changes nothing', () => {
    for (const items of [[], [5], [1, 2, 1, 2]]) {
      const v = poisoned(kind, 5, els(kind, ...items));
      v.dedup();
      expectNoPoison(kind, v, els(kind, ...items));
    }
  });

  it('dedup compares with SameValueZero: NaN repeats NaN, -0 repeats 0 (float kinds)', () => {
    if (!keepsNaN(kind)) return;
    const v = poisoned(kind, 10, [NaN, NaN, 1, -0, 0, 0, NaN, 2, 2]);
    v.dedup();
    expectContents(v, [NaN, 1, -0, NaN, 2]);
  });
});

type Op = { op: string; a: number; b: number; x: Elem; xs: Elem[] };

// The model test runs thousands of checks: plain comparisons that throw for fast-check to
// shrink, rather than Jest's expect(), which costs tens of microseconds per call.

/** Throws unless `actual` and `expected` are deeply equal (Object.is for numbers: -0 and NaN exact). */
function same(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) throw new Error(`expected ${inspect(expected)}, got ${inspect(actual)}`);
}

/** Throws unless `fn` throws an instance of `ErrorClass`. */
function mustThrow(fn: () => unknown, ErrorClass: new (...args: never[]) => Error): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof ErrorClass) return;
    throw new Error(`expected a ${ErrorClass.name}, got ${inspect(error)}`);
  }
  throw new Error(`expected a ${ErrorClass.name}, but nothing was thrown`);
}

describe.each(KINDS)('$name: random operation sequences against an Array model', (kind) => {
  const capacity = 8;
  const op = fc.record({
    op: fc.constantFrom('push', 'tryPush', 'pop', 'insert', 'remove', 'swapRemove', 'truncate', 'resize', 'extend', 'tryExtend', 'drain', 'splice', 'retain', 'dedup', 'clear', 'set', 'reverse', 'sort', 'fill'),
    a: fc.nat(10),
    b: fc.nat(10),
    x: kind.element,
    xs: fc.array(kind.element, { maxLength: 4 }),
  });

  /** Applies one operation to the vector and to the model; each must succeed or fail together. */
  function step(v: AnyVec, model: Elem[], { op: name, a, b, x, xs }: Op): void {
    const len = model.length;
    const fits = (n: number) => len + n <= capacity;
    const idx = len === 0 ? 0 : a % len;
    switch (name) {
      case 'push':
        if (fits(1)) {
          v.push(x);
          model.push(x);
        } else mustThrow(() => v.push(x), CapacityError);
        break;
      case 'tryPush':
        same(v.tryPush(x), fits(1));
        if (fits(1)) model.push(x);
        break;
      case 'pop':
        if (len > 0) same(v.pop(), model.pop());
        else mustThrow(() => v.pop(), RangeError);
        break;
      case 'insert': {
        const at = a % (len + 1);
        if (fits(1)) {
          v.insert(at, x);
          model.splice(at, 0, x);
        } else mustThrow(() => v.insert(at, x), CapacityError);
        break;
      }
      case 'remove':
        if (len > 0) same(v.remove(idx), model.splice(idx, 1)[0]);
        else mustThrow(() => v.remove(0), IndexError);
        break;
      case 'swapRemove':
        if (len > 0) {
          const removed = model[idx];
          model[idx] = model[len - 1];
          model.pop();
          same(v.swapRemove(idx), removed);
        }
        break;
      case 'truncate':
        v.truncate(a);
        model.length = Math.min(len, a);
        break;
      case 'resize':
        if (a <= capacity) {
          v.resize(a, x);
          while (model.length < a) model.push(x);
          model.length = a;
        } else mustThrow(() => v.resize(a, x), CapacityError);
        break;
      case 'extend':
      case 'tryExtend':
        if (name === 'tryExtend') same(v.tryExtend(xs), fits(xs.length));
        else if (!fits(xs.length)) mustThrow(() => v.extend(xs), CapacityError);
        else v.extend(xs);
        if (fits(xs.length)) model.push(...xs);
        break;
      case 'drain': {
        const s = Math.min(a, len);
        const e = Math.min(len, s + b);
        same(Array.from(v.drain(s, e)), model.splice(s, e - s));
        break;
      }
      case 'splice': {
        const s = Math.min(a, len);
        const count = Math.min(b, len - s);
        if (len - count + xs.length <= capacity) same(Array.from(v.splice(s, count, xs)), model.splice(s, count, ...xs));
        else mustThrow(() => v.splice(s, count, xs), CapacityError);
        break;
      }
      case 'retain': {
        v.retain((_value, i) => (i + a) % 3 !== 0);
        const kept = model.filter((_value, i) => (i + a) % 3 !== 0);
        model.splice(0, model.length, ...kept);
        break;
      }
      case 'dedup': {
        const kept = model.filter((value, i) => i === 0 || !sameValueZero(value, model[i - 1]));
        v.dedup();
        model.splice(0, model.length, ...kept);
        break;
      }
      case 'clear':
        v.clear();
        model.length = 0;
        break;
      case 'set':
        if (len > 0) {
          v.set(idx, x);
          model[idx] = x;
        }
        break;
      case 'reverse':
        v.reverse();
        model.reverse();
        break;
      case 'sort':
        v.sort();
        model.sort(defaultOrder);
        break;
      case 'fill': {
        const s = Math.min(a, len);
        const e = Math.min(len, s + b);
        v.fill(x, s, e);
        model.fill(x, s, e);
        break;
      }
    }
  }

  it('every operation agrees with the model, and no step ever exposes the sentinel', () => {
    const poison = poisonOf(kind);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const v = poisoned(kind, capacity, []);
        const model: Elem[] = [];
        for (const o of ops) {
          step(v, model, o);
          same([v.toArray(), v.length, v.at(model.length)], [model, model.length, undefined]);
          same(v.toArray().some((x) => Object.is(x, poison)), false);
          // Re-poison the spare slots so the next step starts from the worst case.
          poisonSpare(kind, v);
        }
      }),
      { numRuns: 100 },
    );
  });

});
