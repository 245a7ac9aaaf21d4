/**
 * Shared behaviour, reading a vector out: view, toArray, toTypedArray, clone, equals,
 * toJSON, the iterators and forEach. Runs for every class in `KINDS`.
 */

import { KINDS, poisonSpare, type Elem } from './support/kinds';
import { arrayCtorOf, caught, el, els, expectContents, expectNoPoison, keepsNaN, labelled, poisonOf, poisoned, typed, vecOf } from './support/assertions';

describe.each(KINDS)('$name: view, toArray and toTypedArray', (kind) => {
  const start = els(kind, 1, 2, 3);
  const make = () => poisoned(kind, 6, start);

  it('view() has exactly the live elements, for every length from 0 to capacity', () => {
    const v = poisoned(kind, 4, []);
    for (let n = 0; n <= 4; n++) {
      expect(v.view().length).toBe(n);
      expect(Array.from(v.view())).toEqual(v.toArray());
      if (n < 4) v.push(el(kind, n + 1));
    }
  });

  it('view() is a zero-copy typed array of the class own kind over the vector memory (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(make());
    const view = v.view();
    expect(view).toBeInstanceOf(arrayCtorOf(kind));
    view[1] = el(kind, 42);
    expect(v.get(1)).toEqual(el(kind, 42));
    v.set(2, el(kind, 43));
    expect(view[2]).toEqual(el(kind, 43));
  });

  it('view() returns the same object while the length is unchanged, and a new one of the new length after a change (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = make();
    const first = v.view();
    v.set(0, el(kind, 9));
    v.sort();
    expect(v.view()).toBe(first);
    v.push(el(kind, 4));
    const second = v.view();
    expect(second).not.toBe(first);
    expect(second.length).toBe(4);
    expect(v.view()).toBe(second);
    v.pop();
    v.pop();
    expect(v.view().length).toBe(2);
    expect(Array.from(v.view())).toEqual(v.toArray());
  });

  it('toArray() returns a new plain array each time, detached from the vector', () => {
    const v = make();
    const a = v.toArray();
    expect(Array.isArray(a)).toBe(true);
    expect(a).toEqual(start);
    expect(v.toArray()).not.toBe(a);
    a[0] = el(kind, 50);
    a.push(el(kind, 51));
    expectContents(v, start);
  });

  it('toTypedArray() is a copy of the live elements with its own exact-size buffer (typed kinds)', () => {
    if (!kind.isTyped) return;
    const v = typed(make());
    const t = v.toTypedArray() as ArrayBufferView & ArrayLike<Elem> & { [i: number]: Elem };
    expect(t).toBeInstanceOf(arrayCtorOf(kind));
    expect(Array.from(t)).toEqual(start);
    expect(t.buffer).not.toBe(v.view().buffer);
    expect(t.buffer.byteLength).toBe(3 * arrayCtorOf(kind).BYTES_PER_ELEMENT);
    t[0] = el(kind, 60);
    expectContents(v, start);
  });
});

describe.each(KINDS)('$name: clone and equals', (kind) => {
  const start = els(kind, 1, 2, 3);
  const make = () => poisoned(kind, 6, start);
  const other = KINDS.find((k) => k.isBigInt === kind.isBigInt && k.name !== kind.name)!;

  it('clone() has the same class, capacity and elements', () => {
    const v = make();
    const c = v.clone();
    expect(c).not.toBe(v);
    expect(Object.prototype.toString.call(c)).toBe(Object.prototype.toString.call(v));
    expect([c.capacity, c.length]).toEqual([6, 3]);
    expectNoPoison(kind, c, start);
  });

  it('clone() is independent of the original in both directions', () => {
    const v = make();
    const c = v.clone();
    c.set(0, el(kind, 70));
    c.push(el(kind, 71));
    v.pop();
    v.set(1, el(kind, 72));
    expectContents(v, els(kind, 1, 72));
    expectContents(c, els(kind, 70, 2, 3, 71));
  });

  it("clone()'s spare slots never show the original's sentinel, even when grown", () => {
    const c = make().clone();
    c.resize(6, el(kind, 5));
    expectNoPoison(kind, c, els(kind, 1, 2, 3, 5, 5, 5));
  });

  it('equals arrays, typed arrays and vectors of the same and of another class with the same elements', () => {
    const v = make();
    const typedSource = kind.isBigInt ? BigInt64Array.from(start as bigint[]) : Float64Array.from(start as number[]);
    expect(v.equals(start)).toBe(true);
    expect(v.equals(typedSource)).toBe(true);
    expect(v.equals(vecOf(kind, 3, start))).toBe(true);
    expect(v.equals(poisoned(kind, 9, start))).toBe(true);
    expect(v.equals(poisoned(other, 9, start))).toBe(true);
    expect(v.equals(v)).toBe(true);
    expect(v.equals({ length: 3, 0: start[0], 1: start[1], 2: start[2] })).toBe(true);
  });

  it('is not equal to a shorter, longer or different sequence', () => {
    const v = make();
    expect(v.equals(start.slice(0, 2))).toBe(false);
    expect(v.equals([...start, el(kind, 4)])).toBe(false);
    expect(v.equals(els(kind, 1, 2, 4))).toBe(false);
    expect(v.equals(poisoned(kind, 6, start.slice(0, 2)))).toBe(false);
    expect(v.equals([])).toBe(false);
    expect(kind.make(3).equals([])).toBe(true);
  });

  it('equals compares only slots that are live: an array-like whose getter shrinks the vector cannot probe spare slots', () => {
    const poison = poisonOf(kind);
    for (const trigger of ['length', '0'] as const) {
      labelled(`shrinking from the ${trigger} getter`, () => {
        const v = vecOf(kind, 3, start);
        const shrinkAndPoison = () => {
          // Leaves [start[0]] live and the sentinel in both spare slots.
          v.truncate(1);
          poisonSpare(kind, v);
        };
        const probe = {
          get length() {
            if (trigger === 'length') shrinkAndPoison();
            return 3;
          },
          get 0() {
            if (trigger === '0') shrinkAndPoison();
            return start[0];
          },
          1: poison,
          2: poison,
        };
        // The vector holds one element by the time anything is compared: "equal to a
        // 3-element sequence" can only come from reading the two spare slots.
        let result: unknown;
        try {
          result = v.equals(probe);
        } catch (error) {
          result = error;
        }
        expect(result).not.toBe(true);
        expect(v.length).toBe(1);
      });
    }
  });

  it('does not equal the same numbers of the other element type', () => {
    const v = make();
    const converted = kind.isBigInt ? [1, 2, 3] : [1n, 2n, 3n];
    expect(v.equals(converted as unknown as Elem[])).toBe(false);
  });

  it('equals treats NaN as equal to NaN and -0 as equal to 0 (float kinds)', () => {
    if (!keepsNaN(kind)) return;
    const v = poisoned(kind, 4, [NaN, -0, 1]);
    expect(v.equals([NaN, 0, 1])).toBe(true);
    expect(v.equals(new Float64Array([NaN, -0, 1]))).toBe(true);
    expect(v.equals(v.clone())).toBe(true);
    expect(v.equals([NaN, 0, 2])).toBe(false);
  });
});

describe.each(KINDS)('$name: toJSON', (kind) => {
  it('JSON.stringify gives only the live elements (bigint kinds: decimal strings)', () => {
    const v = poisoned(kind, 6, els(kind, 1, 2, 3));
    const expected = kind.isBigInt ? '["1","2","3"]' : '[1,2,3]';
    expect(JSON.stringify(v)).toBe(expected);
    expect(JSON.stringify({ v })).toBe(`{"v":${expected}}`);
    expect(JSON.stringify(poisoned(kind, 3, []))).toBe('[]');
  });

  it('toJSON returns a new plain array', () => {
    const v = poisoned(kind, 6, els(kind, 4, 5));
    const json = v.toJSON();
    expect(json).toEqual(kind.isBigInt ? ['4', '5'] : [4, 5]);
    json.push(0);
    expect(v.length).toBe(2);
  });

  it('JSON keeps large and negative bigints exact, and NaN becomes null for float kinds', () => {
    if (kind.isBigInt) {
      const big = kind.samples[2];
      const v = poisoned(kind, 3, [kind.samples[1], big]);
      expect(JSON.parse(JSON.stringify(v))).toEqual([String(kind.samples[1]), String(big)]);
    } else if (keepsNaN(kind)) {
      expect(JSON.stringify(poisoned(kind, 3, [NaN, 1]))).toBe('[null,1]');
    } else {
      expect(JSON.stringify(poisoned(kind, 3, [kind.samples[1]]))).toBe(`[${kind.samples[1]}]`);
    }
  });
});

describe.each(KINDS)('$name: iterators and forEach', (kind) => {
  const start = els(kind, 1, 2, 3, 4);
  const make = () => poisoned(kind, 6, start);

  it('[Symbol.iterator], values(), keys() and entries() give the live elements, indexes and pairs', () => {
    const v = make();
    expect([...v]).toEqual(start);
    expect([...v.values()]).toEqual(start);
    expect([...v.keys()]).toEqual([0, 1, 2, 3]);
    expect([...v.entries()]).toEqual(start.map((x, i) => [i, x]));
    expect(Array.from(v)).toEqual(start);
  });

  it('iterators are themselves iterable', () => {
    const v = make();
    const iter = v.values();
    expect(iter[Symbol.iterator]()).toBe(iter);
    iter.next();
    expect([...iter]).toEqual(start.slice(1));
  });

  it('popping inside for...of stops the loop early and never yields a spare slot', () => {
    const v = make();
    const seen: Elem[] = [];
    for (const x of v) {
      seen.push(x);
      v.pop();
    }
    expect(seen).toEqual(start.slice(0, 2));
    expectNoPoison(kind, v, start.slice(0, 2));
  });

  it('keys() and entries() re-read the length too', () => {
    const v = make();
    const keys: number[] = [];
    for (const k of v.keys()) {
      keys.push(k);
      v.pop();
    }
    expect(keys).toEqual([0, 1]);
    const w = make();
    const entries: unknown[] = [];
    for (const e of w.entries()) {
      entries.push(e);
      w.truncate(1);
    }
    expect(entries).toEqual([[0, start[0]]]);
  });

  it('an iterator sees elements pushed during iteration', () => {
    const v = poisoned(kind, 6, els(kind, 1, 2));
    const seen: Elem[] = [];
    for (const x of v) {
      seen.push(x);
      if (seen.length === 1) v.push(el(kind, 3));
    }
    expect(seen).toEqual(els(kind, 1, 2, 3));
  });

  it('an iterator stays done once done, even if the vector grows again', () => {
    const v = poisoned(kind, 6, els(kind, 1));
    for (const open of [() => v.values(), () => v.keys(), () => v.entries(), () => v[Symbol.iterator]()]) {
      v.truncate(1);
      const iter = open();
      expect(iter.next()).toEqual({ done: false, value: expect.anything() });
      expect(iter.next().done).toBe(true);
      v.push(el(kind, 2));
      expect(iter.next()).toEqual({ done: true, value: undefined });
      expect(iter.next().done).toBe(true);
    }
  });

  it('a typed vector\'s element iterator updates one result object in place; the done result is frozen', () => {
    if (!kind.isTyped) return expect(kind.name).toBe('OptionVec');
    const v = make();
    for (const open of [() => v.values(), () => v[Symbol.iterator]()]) {
      const iter = open();
      const first = iter.next();
      expect(first).toEqual({ done: false, value: start[0] });
      const second = iter.next();
      expect(second).toBe(first);
      expect(first.value).toEqual(start[1]);
      iter.next();
      iter.next();
      const done = iter.next();
      expect(done).toEqual({ done: true, value: undefined });
      expect(Object.isFrozen(done)).toBe(true);
    }
    // keys() and entries() give a fresh result per step.
    const keys = v.keys();
    expect(keys.next()).not.toBe(keys.next());
  });

  it('an iterator over an emptied vector is done, never yielding a spare slot', () => {
    const v = make();
    const iter = v.values();
    expect(iter.next().value).toEqual(start[0]);
    v.clear();
    expect(iter.next()).toEqual({ done: true, value: undefined });
  });

  it('forEach calls back with (value, index, vec) for each live element in order', () => {
    const v = make();
    const calls: unknown[] = [];
    v.forEach((value, index, vec) => calls.push([value, index, vec === v]));
    expect(calls).toEqual(start.map((x, i) => [x, i, true]));
  });

  it('forEach stops early when the callback pops, and never passes a spare slot', () => {
    const v = make();
    const seen: Elem[] = [];
    v.forEach((x) => {
      seen.push(x);
      v.pop();
    });
    expect(seen).toEqual(start.slice(0, 2));
    expectNoPoison(kind, v, start.slice(0, 2));
  });

  it('forEach propagates a callback error and rejects a non-function callback', () => {
    const v = make();
    const boom = new Error('callback failed');
    expect(
      caught(() =>
        v.forEach((_x, i) => {
          if (i === 1) throw boom;
        }),
      ),
    ).toBe(boom);
    const error = caught(() => v.forEach(undefined as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`${kind.name}.forEach`);
    expectContents(v, start);
  });
});
