/**
 * What is specific to `OptionVec`. Its shared behaviour (the `FixedVec` contract) is tested
 * with every other class through `KINDS` in the behaviour and model suites.
 */

import fc from 'fast-check';
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CapacityError, DetachedError, EmptyError, F64Vec, I64Vec, IndexError, OptionVec, ReleasedError, Slab } from '../src/index';
import { caught } from './support/assertions';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is `true`: `npx tsc -p tsconfig.json` (which includes `__tests__`) fails on a wrong type. */
function assertType<T extends true>(): T | void {}

// ---------------------------------------------------------------------------------------
// Removed values are released: the freed slot holds `undefined` again (Rust's `take()`).
// Observed from outside through the garbage collector: a value removed from the vector
// and referenced nowhere else must be collectable.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Tracked {
  readonly vec: OptionVec<object, 6>;
  readonly ref: WeakRef<object>;
}

/**
 * A vector of six objects with a weak reference to the one at `index`; the objects are
 * created in a separate function so that no local variable of the test keeps one alive.
 */
function tracked(index: number): Tracked {
  const objects = Array.from({ length: 6 }, (_, i) => ({ id: i }));
  const vec = OptionVec.from<object, 6>(objects, 6);
  return { vec, ref: new WeakRef(objects[index]) };
}

/** Waits for the current job to end: a WeakRef keeps its target alive until then. */
function nextJob(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Each operation, with the index of the object it removes from a vector made by
 * {@link tracked}. Every case is chosen so that the object would stay reachable from a
 * spare slot if that slot were not set back to `undefined` (shifting operations leave a
 * stale copy of the last element behind, so those cases pop it afterwards).
 */
const REMOVALS: readonly [string, number, (vec: OptionVec<object, 6>) => void][] = [
  ['pop', 5, (v) => void v.pop()],
  ['remove (last)', 5, (v) => void v.remove(5)],
  ['remove (middle), then pop', 5, (v) => void (v.remove(2), v.pop())],
  ['swapRemove (last)', 5, (v) => void v.swapRemove(5)],
  ['swapRemove (middle) twice', 5, (v) => void (v.swapRemove(2), v.swapRemove(2))],
  ['truncate', 4, (v) => v.truncate(3)],
  ['clear', 5, (v) => v.clear()],
  ['resize (shrinking)', 5, (v) => v.resize(2, {})],
  ['drain (middle), then pop', 5, (v) => void (v.drain(1, 3), v.pop())],
  ['drain (all)', 5, (v) => void v.drain()],
  ['splice (deleting more than inserting)', 3, (v) => void v.splice(1, 4, [{}])],
  ['splice (replacing)', 1, (v) => void v.splice(1, 1, [{}])],
  ['retain (removing the odd indexes)', 3, (v) => v.retain((_, i) => i % 2 === 0)],
  ['retain whose predicate throws, then pop', 5, (v) => void (caught(() => v.retain((_, i) => (i < 2 ? i !== 0 : boom()))), v.pop())],
  ['popIf (accepting)', 5, (v) => void v.popIf(() => true)],
  ['extractIf (removing the odd indexes)', 3, (v) => void v.extractIf((_, i) => i % 2 === 1)],
  ['extractIf whose predicate throws, then pop', 5, (v) => void (caught(() => v.extractIf((_, i) => (i < 2 ? i === 0 : boom()))), v.pop())],
  ['splitOff', 4, (v) => void v.splitOff(3)],
  ['pop, then copyWithin to the right (overwriting index 3)', 3, (v) => void (v.pop(), v.copyWithin(3, 1))],
  ['dedup (dropping a repeat), then pop', 5, (v) => void (v.set(1, v.get(0)), v.dedup(), v.pop())],
  [
    'sort whose comparator pops (and so throws)',
    5,
    (v) => {
      let popped = false;
      caught(() =>
        v.sort((a, b) => {
          if (!popped) {
            popped = true;
            v.pop();
          }
          return (a as { id: number }).id - (b as { id: number }).id;
        }),
      );
    },
  ],
];

describe('OptionVec: removed elements are not retained by the backing array', () => {
  // One full GC for all cases (a GC of the Jest worker takes about half a second). Every
  // vector stays reachable through `runs` until after the GC, so an object can only have
  // been collected if the vector dropped it.
  let runs: { label: string; vec: OptionVec<object, 6>; ref: WeakRef<object> }[] = [];
  let control: Tracked;
  const collected = new Map<string, boolean>();

  beforeAll(async () => {
    control = tracked(5);
    runs = REMOVALS.map(([label, index, operation]) => {
      const { vec, ref } = tracked(index);
      operation(vec);
      return { label, vec, ref };
    });
    await nextJob();
    gc();
    for (const run of [...runs, { label: 'control', ...control }]) collected.set(run.label, run.ref.deref() === undefined);
  });

  it('the check works: an object still in the vector is not collected', () => {
    expect(collected.get('control')).toBe(false);
    expect(control.vec.length).toBe(6);
  });

  it.each(REMOVALS.map(([label]) => label))('after %s, the removed object is collectable', (label) => {
    expect(collected.get(label)).toBe(true);
    const run = runs.find((r) => r.label === label)!;
    expect(run.vec.toArray().every((x) => typeof x === 'object' && x !== null)).toBe(true);
  });
});

function boom(): never {
  throw new Error('boom');
}

// ---------------------------------------------------------------------------------------

describe('OptionVec: view() is a copy', () => {
  it('returns a new array on every call, equal to the live elements', () => {
    const v = OptionVec.from([1, 2, 3], 5);
    const a = v.view();
    const b = v.view();
    expect(a).not.toBe(b);
    expect(a).toEqual([1, 2, 3]);
    expect(Array.isArray(a)).toBe(true);
  });

  it('writes to the returned array do not reach the vector, and it does not follow the vector', () => {
    const v = OptionVec.from([1, 2, 3], 5);
    const a = v.view() as number[];
    a[0] = 99;
    a.push(100);
    expect(v.toArray()).toEqual([1, 2, 3]);
    v.set(1, 20);
    v.push(4);
    expect(a).toEqual([99, 2, 3, 100]);
    expect(v.view()).toEqual([1, 20, 3, 4]);
  });

  it('drain and splice return plain arrays', () => {
    const v = OptionVec.from([1, 2, 3, 4], 6);
    const drained = v.drain(0, 2);
    expect(Array.isArray(drained)).toBe(true);
    expect(drained).toEqual([1, 2]);
    const spliced = v.splice(0, 1, [7, 8]);
    expect(Array.isArray(spliced)).toBe(true);
    expect(spliced).toEqual([3]);
    expect(v.toArray()).toEqual([7, 8, 4]);
  });

  it('toTypedArray is a Float64Array copy for number vectors', () => {
    const v = OptionVec.from([1.5, -0, NaN], 4);
    const t = v.toTypedArray();
    expect(t).toBeInstanceOf(Float64Array);
    expect(Array.from(t)).toEqual([1.5, -0, NaN]);
    t[0] = 9;
    expect(v.get(0)).toBe(1.5);
    expect(v.toTypedArray()).not.toBe(t);
  });

  it('toTypedArray refuses a non-number element that got in through a cast', () => {
    const v = OptionVec.from<number | string, 2>([1, 'two'], 2) as unknown as OptionVec<number>;
    const error = caught(() => v.toTypedArray());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('OptionVec.toTypedArray: expected a number, got "two"');
  });
});

// ---------------------------------------------------------------------------------------

describe('OptionVec: undefined is the None marker and never an element', () => {
  const start = [1, 2, 3];
  const make = () => OptionVec.from<number, 6>(start, 6);
  const U = undefined as unknown as number;

  it.each<[string, (v: OptionVec<number, 6>) => unknown]>([
    ['push', (v) => v.push(U)],
    ['tryPush', (v) => v.tryPush(U)],
    ['set', (v) => v.set(0, U)],
    ['insert', (v) => v.insert(1, U)],
    ['tryInsert', (v) => v.tryInsert(1, U)],
    ['resize', (v) => v.resize(5, U)],
    ['fill', (v) => v.fill(U)],
    ['indexOf', (v) => v.indexOf(U)],
    ['lastIndexOf', (v) => v.lastIndexOf(U)],
    ['includes', (v) => v.includes(U)],
    ['binarySearch', (v) => v.binarySearch(U)],
  ])('%s(undefined) throws a TypeError naming the method and changes nothing', (method, call) => {
    const v = make();
    const error = caught(() => call(v));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`OptionVec.${method}: expected a defined value, got undefined`);
    expect(v.toArray()).toEqual(start);
    expect(v.length).toBe(3);
  });

  it('resize refuses an undefined fill even when shrinking', () => {
    const v = make();
    expect(() => v.resize(1, U)).toThrow(TypeError);
    expect(v.toArray()).toEqual(start);
  });

  it.each<[string, () => Iterable<number> | ArrayLike<number>]>([
    ['an array', () => [4, U, 5]],
    ['a sparse array', () => [4, , 5] as number[]],
    ['an array-like', () => ({ length: 3, 0: 4, 2: 5 })],
    ['a Set', () => new Set([4, U, 5])],
    [
      'a generator',
      function* () {
        yield 4;
        yield U;
        yield 5;
      },
    ],
  ])('extend, tryExtend and splice refuse an undefined element inside %s, all-or-nothing', (_label, source) => {
    for (const method of ['extend', 'tryExtend', 'splice'] as const) {
      const v = make();
      const error = caught(() => (method === 'splice' ? v.splice(1, 1, source()) : v[method](source())));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`OptionVec.${method}: expected a defined value, got undefined`);
      expect(v.toArray()).toEqual(start);
    }
  });

  it('from and of refuse an undefined element', () => {
    expect(caught(() => OptionVec.from([1, U])).message).toBe('OptionVec.from: expected a defined value, got undefined');
    const error = caught(() => OptionVec.of(1, U));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('OptionVec.of: expected a defined value, got undefined');
  });

  it('null is an ordinary element', () => {
    const v = new OptionVec<number | null, 4>(4);
    v.push(null);
    v.extend([1, null]);
    expect(v.toArray()).toEqual([null, 1, null]);
    expect(v.indexOf(null)).toBe(0);
    expect(v.lastIndexOf(null)).toBe(2);
    expect(v.includes(null, 1)).toBe(true);
    expect(v.at(0)).toBeNull();
    expect(v.at(3)).toBeUndefined();
    expect(v.pop()).toBeNull();
    expect(JSON.stringify(v)).toBe('[null,1]');
  });

  it('at() returns undefined only outside the live elements, so its result is unambiguous', () => {
    const v = OptionVec.from([0, 1], 4);
    expect([v.at(-3), v.at(-2), v.at(-1), v.at(0), v.at(1), v.at(2), v.at(3), v.at(4)]).toEqual([U, 0, 1, 0, 1, U, U, U]);
  });

  it('a string is refused as a source rather than split into characters', () => {
    const v = new OptionVec<string, 4>(4);
    expect(caught(() => v.extend('ab')).message).toBe('OptionVec.extend: source must be an array-like or iterable of elements, got "ab"');
    expect(() => OptionVec.from('ab')).toThrow(TypeError);
    expect(v.length).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------

describe('OptionVec: errors have the same classes and messages as the typed vectors', () => {
  it('index, capacity and empty errors', () => {
    const v = OptionVec.from([1, 2, 3, 4], 4);
    const f = F64Vec.from([1, 2, 3, 4], 4);
    const index = caught(() => v.get(1.5));
    expect(index).toBeInstanceOf(IndexError);
    expect(index.message).toBe(caught(() => f.get(1.5)).message.replace('F64Vec', 'OptionVec'));
    expect(index.message).toMatch(/^OptionVec\.get: index 1\.5 is not an integer for length 4 \(/);
    expect(caught(() => v.insert(5, 0)).message).toBe(caught(() => f.insert(5, 0)).message.replace('F64Vec', 'OptionVec'));
    const full = caught(() => v.push(5));
    expect(full).toBeInstanceOf(CapacityError);
    expect(full.message).toBe(caught(() => f.push(5)).message.replace('F64Vec', 'OptionVec'));
    expect(full.value).toBe(5);
    v.clear();
    f.clear();
    const empty = caught(() => v.pop());
    expect(empty).toBeInstanceOf(EmptyError);
    expect(empty.message).toBe('OptionVec.pop: the vector is empty');
    expect(caught(() => v.get('0' as unknown as number))).toBeInstanceOf(TypeError);
  });

  it('the capacity is limited to OptionVec.MAX_CAPACITY (2^25), refused up front with a RangeError', () => {
    expect(OptionVec.MAX_CAPACITY).toBe(2 ** 25);
    const error = caught(() => new OptionVec(OptionVec.MAX_CAPACITY + 1));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(`OptionVec: capacity must be an integer from 0 to ${2 ** 25}, got ${2 ** 25 + 1}`);
    expect(() => new OptionVec(2 ** 32)).toThrow(RangeError);
    expect(() => new OptionVec('4' as unknown as number)).toThrow(TypeError);
    expect(new OptionVec(0).isFull).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------

describe('OptionVec: default sort order and binarySearch', () => {
  it('sorts numbers ascending with -0 before 0 and NaN last, exactly like Float64Array', () => {
    const items = [3, NaN, -0, 0, -Infinity, 2.5, NaN, 0, -0, Infinity, -7, 1e-300];
    const v = OptionVec.from(items);
    expect(v.sort()).toBe(v);
    expect(v.toArray()).toEqual(Array.from(Float64Array.from(items).sort()));
    expect(v.toArray().map((x) => Object.is(x, -0))).toEqual(Array.from(Float64Array.from(items).sort(), (x) => Object.is(x, -0)));
  });

  it('binarySearch uses the same order, NaN included', () => {
    const v = OptionVec.from([3, NaN, -1, 10, 7]).sort();
    expect(v.toArray()).toEqual([-1, 3, 7, 10, NaN]);
    expect(v.binarySearch(7)).toBe(2);
    expect(v.binarySearch(NaN)).toBe(4);
    expect(v.binarySearch(5)).toBe(-3);
    expect(v.binarySearch(-5)).toBe(-1);
    expect(v.binarySearch(Infinity)).toBe(-5);
  });

  it('sorts bigints numerically (not as strings), and mixed numbers and bigints by value', () => {
    const big = OptionVec.of(10n, -2n, 2n ** 70n, 9n).sort();
    expect(big.toArray()).toEqual([-2n, 9n, 10n, 2n ** 70n]);
    expect(big.binarySearch(10n)).toBe(2);
    expect(big.binarySearch(11n)).toBe(-4);
    const mixed = OptionVec.of<(number | bigint)[]>(3, 2n, NaN, -1n, 0.5).sort();
    expect(mixed.toArray()).toEqual([-1n, 0.5, 2n, 3, NaN]);
  });

  it('sorts strings by UTF-16 code units without a comparator, and by the comparator when given (stably)', () => {
    const words = OptionVec.of('pear', 'Apple', 'apple', 'Banana');
    expect(words.sort().toArray()).toEqual(['Apple', 'Banana', 'apple', 'pear']);
    expect(words.binarySearch('apple')).toBe(2);
    expect(words.binarySearch('cherry')).toBe(-4);
    words.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(words.toArray()).toEqual(['Apple', 'apple', 'Banana', 'pear']);
    words.sort((a, b) => a.length - b.length);
    expect(words.toArray()).toEqual(['pear', 'Apple', 'apple', 'Banana']);
  });

  it('a comparator that throws leaves the vector unchanged', () => {
    const v = OptionVec.of(3, 1, 2);
    expect(caught(() => v.sort(() => boom())).message).toBe('boom');
    expect(v.toArray()).toEqual([3, 1, 2]);
    expect(() => v.sort(5 as unknown as () => number)).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------

describe('OptionVec: element types other than number', () => {
  it('holds objects by identity: indexOf, includes, equals', () => {
    const a = { n: 1 };
    const b = { n: 1 };
    const v = OptionVec.of(a, b);
    expect(v.indexOf(b)).toBe(1);
    expect(v.includes({ n: 1 })).toBe(false);
    expect(v.equals([a, b])).toBe(true);
    expect(v.equals([a, { n: 1 }])).toBe(false);
    expect(v.clone().get(0)).toBe(a);
  });

  it('holds bigints; toJSON turns them into decimal strings as I64Vec does', () => {
    const v = OptionVec.of(1n, -(2n ** 63n), 2n ** 70n);
    expect(v.toJSON()).toEqual(['1', '-9223372036854775808', '1180591620717411303424']);
    expect(JSON.stringify(OptionVec.of(1n, -2n))).toBe(JSON.stringify(I64Vec.of(1n, -2n)));
    expect(v.includes(2n ** 70n)).toBe(true);
    expect(v.equals(I64Vec.of(1n, -(2n ** 63n)))).toBe(false);
    expect(OptionVec.of(1n, -2n).equals(I64Vec.of(1n, -2n))).toBe(true);
  });

  it('takes any source whose elements are defined: a BigInt64Array, a typed vector, another OptionVec', () => {
    const v = new OptionVec<bigint | number, 8>(8);
    v.extend(BigInt64Array.of(1n, 2n));
    v.extend(F64Vec.of(0.5));
    v.extend(OptionVec.of(7n));
    v.extend(v);
    expect(v.toArray()).toEqual([1n, 2n, 0.5, 7n, 1n, 2n, 0.5, 7n]);
  });

  it('splice with the vector itself as the source', () => {
    const v = OptionVec.from(['a', 'b', 'c'], 6);
    expect(v.splice(1, 1, v)).toEqual(['b']);
    expect(v.toArray()).toEqual(['a', 'a', 'b', 'c', 'c']);
  });

  it('dedup uses SameValueZero', () => {
    const v = OptionVec.of(NaN, NaN, 0, -0, 'x', 'x', 1n, 1n, 1);
    v.dedup();
    expect(v.toArray()).toEqual([NaN, 0, 'x', 1n, 1]);
  });

  it('inspect prints the live elements only, with the class name and length/capacity', () => {
    const v = OptionVec.from(['a', 'b'], 4);
    v.push('gone');
    v.pop();
    expect(inspect(v)).toBe("OptionVec(2/4) [ 'a', 'b' ]");
    expect(Object.prototype.toString.call(v)).toBe('[object OptionVec]');
    expect(Object.keys(v)).toEqual([]);
    expect(structuredClone(v)).toEqual({});
    expect(JSON.stringify({ v })).toBe('{"v":["a","b"]}');
  });
});

// ---------------------------------------------------------------------------------------
// The default order of sort() and binarySearch() for every element type: a total order
// that calls no user code (groups: numbers and bigints, strings, booleans, symbols,
// objects and functions, null).

/** An object every operation on which throws: an element that no user-code-free method may touch. */
function untouchable(): object {
  const trap = (): never => {
    throw new Error('a trap of the element ran');
  };
  return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, set: trap });
}

/** The primitives the default order ranks completely (everything but symbols). */
const orderedPrimitive: fc.Arbitrary<{} | null> = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, 0, NaN, 1, -1, 0n, 1n, -1n, '', '0', '1', 'a', 'B', true, false, null),
  fc.integer({ min: -3, max: 3 }),
  fc.bigInt({ min: -3n, max: 3n }),
  fc.string({ maxLength: 3 }),
);

describe('OptionVec: the default order of sort() for elements of any type', () => {
  it('orders numbers and bigints by value, then strings, booleans, symbols, objects and functions, then null', () => {
    const first = Symbol('b');
    const second = Symbol('a');
    const object = { n: 1 };
    const fn = () => 0;
    const items = [null, 'b', true, 2n, object, first, 1, 'a', false, NaN, 0n, 0, -0, fn, second, 'B', -Infinity, 1n, null, 0.5];
    const v = OptionVec.from<{} | null, 20>(items, 20).sort();
    expect(v.toArray()).toEqual([-Infinity, -0, 0, 0n, 0.5, 1, 1n, 2n, NaN, 'B', 'a', 'b', false, true, first, second, object, fn, null, null]);
  });

  it('calls no user code of the elements: no valueOf, toString, Symbol.toPrimitive or Proxy trap', () => {
    const calls: string[] = [];
    const coercible = (name: string, n: number) => ({
      valueOf: () => (calls.push(`${name}.valueOf`), n),
      toString: () => (calls.push(`${name}.toString`), String(n)),
      [Symbol.toPrimitive]: () => (calls.push(`${name}[Symbol.toPrimitive]`), n),
    });
    const two = coercible('two', 2);
    const one = coercible('one', 1);
    const trapped = untouchable();
    const v = OptionVec.of<({} | null)[]>(two, 'x', one, trapped, 3, Symbol.iterator);
    v.sort();
    expect(calls).toEqual([]);
    // Objects are not ordered among themselves: they keep their order (the sort is stable).
    expect([v.indexOf(two), v.indexOf(one), v.indexOf(trapped)]).toEqual([3, 4, 5]);
    expect(v.get(0)).toBe(3);
    expect(v.binarySearch(trapped)).toBe(5);
    expect(v.binarySearch(one)).toBe(4);
    expect(calls).toEqual([]);
  });

  it('is a total order over primitives: every shuffle of the same elements sorts to the same sequence', () => {
    const elementsAndShuffle = fc
      .array(orderedPrimitive, { maxLength: 24 })
      .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
    fc.assert(
      fc.property(elementsAndShuffle, ([xs, shuffled]) => {
        expect(OptionVec.from(shuffled, 24).sort().toArray()).toEqual(OptionVec.from(xs, 24).sort().toArray());
      }),
      { numRuns: 300 },
    );
  });

  it('sorts with no comparator a vector of numbers exactly as before (the Float64Array order)', () => {
    const items = [3, NaN, -0, 0, -Infinity, 2.5];
    expect(OptionVec.from(items).sort().toArray()).toEqual(Array.from(Float64Array.from(items).sort()));
  });
});

describe('OptionVec: binarySearch uses the default order and matches SameValueZero-equal elements only', () => {
  it('finds no match for a value of another type (OptionVec.of(0).binarySearch("a") was 0)', () => {
    const zero = OptionVec.of<({} | null)[]>(0);
    expect(zero.binarySearch('a')).toBe(-2);
    expect(zero.binarySearch('0')).toBe(-2);
    expect(zero.binarySearch(0n)).toBe(-2);
    expect(zero.binarySearch(false)).toBe(-2);
    expect(zero.binarySearch(null)).toBe(-2);
    expect(zero.binarySearch(-0)).toBe(0);
    expect(OptionVec.of<({} | null)[]>('a').binarySearch(0)).toBe(-1);
    expect(OptionVec.of<({} | null)[]>(1n).binarySearch(1)).toBe(-1);
  });

  it('finds symbols, objects and functions by identity, scanning their unordered group', () => {
    const [a, b, c] = [{ id: 'a' }, { id: 'b' }, () => 'c'];
    const [s, t] = [Symbol('s'), Symbol('t')];
    const v = OptionVec.of<({} | null)[]>(null, c, 'x', b, s, 1, a, t).sort();
    expect(v.toArray()).toEqual([1, 'x', s, t, c, b, a, null]);
    expect([a, b, c, s, t].map((x) => v.binarySearch(x))).toEqual([6, 5, 4, 2, 3]);
    // An absent member of a group goes after the run of its group.
    expect(v.binarySearch({ id: 'a' })).toBe(-8);
    expect(v.binarySearch(Symbol('s'))).toBe(-5);
  });

  it('on any sorted vector of primitives: a match is SameValueZero-equal, and an insertion point keeps the order', () => {
    fc.assert(
      fc.property(fc.array(orderedPrimitive, { maxLength: 20 }), orderedPrimitive, (xs, probe) => {
        const v = OptionVec.from(xs, 20).sort();
        const sorted = v.toArray();
        for (const x of sorted) expect(sameValueZero(v.get(v.binarySearch(x)), x)).toBe(true);
        const found = v.binarySearch(probe);
        if (found >= 0) {
          expect(sameValueZero(v.get(found), probe)).toBe(true);
        } else {
          expect(sorted.some((x) => sameValueZero(x, probe))).toBe(false);
          const at = -found - 1;
          const inserted = [...sorted.slice(0, at), probe, ...sorted.slice(at)];
          expect(OptionVec.from(inserted).sort().toArray()).toEqual(inserted);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

// ---------------------------------------------------------------------------------------
// User code inside a call (docs/design.md, "User code inside a call"): after any user code
// returns, the method re-checks the length before touching the storage again, and a failing
// call leaves the vector exactly as the user code left it.

/** The message of the modified-during-callback error. */
const changed = (method: string, from: number, to: number) =>
  `OptionVec.${method}: the callback changed the length from ${from} to ${to}; the vector keeps the callback's changes`;

describe('OptionVec: retain is all-or-nothing', () => {
  const start = [1, 2, 3, 4, 5, 6];
  const isOdd = (x: number) => x % 2 === 1;

  it('calls the predicate for every element before writing anything', () => {
    const v = OptionVec.from(start, 8);
    const seen: number[][] = [];
    v.retain((x) => {
      seen.push(v.toArray());
      return isOdd(x);
    });
    expect(seen).toEqual(start.map(() => start));
    expect(v.toArray()).toEqual([1, 3, 5]);
    expect(v.at(3)).toBeUndefined();
  });

  it('a throwing predicate filters nothing: the vector is as the predicate left it', () => {
    const v = OptionVec.from(start, 8);
    const boom = new Error('predicate failed');
    const error = caught(() =>
      v.retain((x, i) => {
        if (i === 1) v.set(0, 10);
        if (i === 3) throw boom;
        return isOdd(x);
      }),
    );
    expect(error).toBe(boom);
    expect(v.toArray()).toEqual([10, 2, 3, 4, 5, 6]);
  });

  it.each<[string, (v: OptionVec<number>) => void, number[]]>([
    ['pushes', (v) => v.push(50), [...start, 50]],
    ['pops', (v) => void v.pop(), start.slice(0, -1)],
    ['clears', (v) => v.clear(), []],
  ])('a predicate that %s makes retain throw at once, naming it, with the vector as the predicate left it', (_label, mutate, after) => {
    const v = OptionVec.from(start, 8);
    let calls = 0;
    const error = caught(() =>
      v.retain((x) => {
        if (++calls === 3) mutate(v);
        return isOdd(x);
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(changed('retain', 6, after.length));
    expect(calls).toBe(3);
    expect(v.toArray()).toEqual(after);
    expect(v.at(after.length)).toBeUndefined();
  });

  it('keeps, position by position, the slots accepted, from the contents as they are at the end', () => {
    const v = OptionVec.from(start, 8);
    v.retain((_x, i) => {
      if (i === 0) v.set(2, 30);
      if (i === 4) v.reverse();
      return i % 2 === 0;
    });
    // [1, 2, 30, 4, 5, 6] reversed by the predicate: [6, 5, 4, 30, 2, 1]; positions 0, 2, 4 kept.
    expect(v.toArray()).toEqual([6, 4, 2]);
  });

  it('a retain nested in the predicate has decisions of its own', () => {
    const outer = OptionVec.from(start, 8);
    const inner = OptionVec.from([10, 11, 12, 13], 4);
    outer.retain((x, i) => {
      if (i === 1) inner.retain((y) => y % 2 === 0);
      return isOdd(x);
    });
    expect([outer.toArray(), inner.toArray()]).toEqual([
      [1, 3, 5],
      [10, 12],
    ]);
    // And the next calls, which reuse the decisions buffer, start clean.
    outer.retain((x) => x > 1);
    expect(outer.toArray()).toEqual([3, 5]);
  });
});

// ---------------------------------------------------------------------------------------
// popIf, extractIf, slice, splitOff and copyWithin.

/**
 * Nothing is readable at or past the length. (That the spare slots hold `undefined` is
 * observable only through the garbage collector: see the removal cases at the top.)
 */
function expectSpareUndefined(v: OptionVec<{} | null>): void {
  expect(v.at(v.length)).toBeUndefined();
  expect(v.view()).toHaveLength(v.length);
}

/** Small arrays of small integers, for the comparisons with an `Array` model. */
const integers = fc.array(fc.integer({ min: -5, max: 20 }), { maxLength: 10 });

/** The error `call` throws, as `[class name, message]`, for comparing two methods' messages. */
function errorOf(call: () => unknown): [string, string] {
  const error = caught(call) as Error;
  return [error.constructor.name, error.message];
}

/** Arguments that are not an integer in `[0, 3]`, each with how `describeValue` shows it. */
const BAD_POSITIONS: readonly [unknown, string][] = [
  [-1, '-1'],
  [4, '4'],
  [1.5, '1.5'],
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  ['1', '"1"'],
  [null, 'null'],
  [1n, '1n'],
];

describe('OptionVec: popIf', () => {
  it('removes and returns the last element when the predicate returns a truthy value, writing undefined into its slot', () => {
    for (const truthy of [true, 1, 'yes', {}, [], -1n]) {
      const v = OptionVec.from([1, 2, 3], 4);
      expect(v.popIf(() => truthy)).toBe(3);
      expect(v.toArray()).toEqual([1, 2]);
      expectSpareUndefined(v);
    }
  });

  it('changes nothing and returns undefined when the predicate returns a falsy value', () => {
    for (const falsy of [false, 0, -0, '', null, undefined, NaN, 0n]) {
      const v = OptionVec.from([1, 2, 3], 4);
      expect(v.popIf(() => falsy)).toBeUndefined();
      expect(v.toArray()).toEqual([1, 2, 3]);
    }
  });

  it('calls the predicate once, with the last element only', () => {
    const v = OptionVec.from(['a', 'b'], 4);
    const calls: unknown[][] = [];
    expect(
      v.popIf((...args: unknown[]) => {
        calls.push(args);
        return args[0] === 'b';
      }),
    ).toBe('b');
    expect(calls).toEqual([['b']]);
    expect(v.popIf((x) => x === 'b')).toBeUndefined();
    expect(v.toArray()).toEqual(['a']);
  });

  it('on an empty vector returns undefined without calling the predicate', () => {
    const v = new OptionVec<number>(3);
    let calls = 0;
    expect(v.popIf(() => ++calls > 0)).toBeUndefined();
    expect(calls).toBe(0);
    expect(new OptionVec<number>(0).popIf(() => true)).toBeUndefined();
  });

  it('tells a null element from no removal', () => {
    const v = OptionVec.from<string | null, 3>(['a', null], 3);
    expect(v.popIf(() => false)).toBeUndefined();
    expect(v.popIf(() => true)).toBeNull();
    expect(v.toArray()).toEqual(['a']);
  });

  it('agrees with a pop guarded by the predicate, on any vector', () => {
    fc.assert(
      fc.property(integers, fc.func(fc.boolean()), (items, decide) => {
        const v = OptionVec.from(items, 12);
        const model = [...items];
        const expected = model.length > 0 && decide(model[model.length - 1]) ? model.pop() : undefined;
        expect(v.popIf((x) => decide(x))).toBe(expected);
        expect(v.toArray()).toEqual(model);
        expectSpareUndefined(v);
      }),
    );
  });

  it.each<[string, (v: OptionVec<number>) => void, number[]]>([
    ['pushes', (v) => v.push(50), [1, 2, 3, 50]],
    ['pops', (v) => void v.pop(), [1, 2]],
    ['clears', (v) => v.clear(), []],
  ])('a predicate that %s makes popIf throw, naming it, and remove nothing', (_label, mutate, after) => {
    const v = OptionVec.from([1, 2, 3], 8);
    const error = caught(() =>
      v.popIf(() => {
        mutate(v);
        return true;
      }),
    );
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe(changed('popIf', 3, after.length));
    expect(v.toArray()).toEqual(after);
    expectSpareUndefined(v);
  });

  it('removes the last element as it is after the call: one the predicate replaced is the replacement', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    expect(
      v.popIf((x) => {
        v.set(2, x * 10);
        return true;
      }),
    ).toBe(30);
    expect(v.toArray()).toEqual([1, 2]);
  });

  it('an error thrown by the predicate propagates and removes nothing', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    expect(caught(() => v.popIf(boom)).message).toBe('boom');
    expect(v.toArray()).toEqual([1, 2, 3]);
  });

  it('refuses a predicate that is not a function with a TypeError naming it, on an empty vector too', () => {
    for (const [bad, shown] of [
      [undefined, 'undefined'],
      [null, 'null'],
      [1, '1'],
      [{}, 'an object ([object Object])'],
    ] as const) {
      for (const v of [OptionVec.of(1, 2), new OptionVec<number>(2)]) {
        const before = v.toArray();
        const error = caught(() => v.popIf(bad as never));
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toBe(`OptionVec.popIf: predicate must be a function, got ${shown}`);
        expect(v.toArray()).toEqual(before);
      }
    }
  });
});

describe('OptionVec: extractIf is all-or-nothing, like retain', () => {
  const start = [1, 2, 3, 4, 5, 6];
  const isOdd = (x: number) => x % 2 === 1;

  it('removes the elements accepted and returns them in order as a new plain array; the others keep their order', () => {
    const v = OptionVec.from(start, 8);
    const removed = v.extractIf(isOdd);
    expect(Array.isArray(removed)).toBe(true);
    expect(removed).toEqual([1, 3, 5]);
    expect(v.toArray()).toEqual([2, 4, 6]);
    expect(v.capacity).toBe(8);
    expectSpareUndefined(v);
    // The array is the caller's: writing to it does not reach the vector.
    removed[0] = 100;
    expect(v.toArray()).toEqual([2, 4, 6]);
    expect(v.extractIf(() => false)).toEqual([]);
    expect(v.extractIf(() => 'yes')).toEqual([2, 4, 6]);
    expect(v.isEmpty).toBe(true);
    expect(v.extractIf(boom)).toEqual([]);
  });

  it('agrees with partitioning an array, for elements of any type (objects by identity)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object()), { maxLength: 10 }), fc.func(fc.boolean()), (items, decide) => {
        const v = OptionVec.from<{} | null, 12>(items, 12);
        const predicate = (x: unknown, i: number): boolean => decide(typeof x === 'object' && x !== null ? 'object' : String(x), i);
        const calls: unknown[][] = [];
        const removed = v.extractIf((...args) => (calls.push(args), predicate(args[0], args[1])));
        expect(calls.map(([, i]) => i)).toEqual(items.map((_, i) => i));
        calls.forEach(([x, i]) => expect(x).toBe(items[i as number]));
        const expectedRemoved = items.filter((x, i) => predicate(x, i));
        const expectedKept = items.filter((x, i) => !predicate(x, i));
        expect(removed).toHaveLength(expectedRemoved.length);
        removed.forEach((x, i) => expect(x).toBe(expectedRemoved[i]));
        expect(v.length).toBe(expectedKept.length);
        v.toArray().forEach((x, i) => expect(x).toBe(expectedKept[i]));
        expectSpareUndefined(v);
      }),
    );
  });

  it('calls the predicate for every element before writing anything', () => {
    const v = OptionVec.from(start, 8);
    const seen: number[][] = [];
    const removed = v.extractIf((x) => {
      seen.push(v.toArray());
      return isOdd(x);
    });
    expect(seen).toEqual(start.map(() => start));
    expect(removed).toEqual([1, 3, 5]);
  });

  it('a throwing predicate removes nothing: the vector is as the predicate left it', () => {
    const v = OptionVec.from(start, 8);
    const failure = new Error('predicate failed');
    const error = caught(() =>
      v.extractIf((x, i) => {
        if (i === 1) v.set(0, 10);
        if (i === 3) throw failure;
        return isOdd(x);
      }),
    );
    expect(error).toBe(failure);
    expect(v.toArray()).toEqual([10, 2, 3, 4, 5, 6]);
    // Nothing half-done either: the next call works on the whole vector.
    expect(v.extractIf(isOdd)).toEqual([3, 5]);
    expect(v.toArray()).toEqual([10, 2, 4, 6]);
  });

  it.each<[string, (v: OptionVec<number>) => void, number[]]>([
    ['pushes', (v) => v.push(50), [...start, 50]],
    ['pops', (v) => void v.pop(), start.slice(0, -1)],
    ['clears', (v) => v.clear(), []],
  ])('a predicate that %s makes extractIf throw at once, naming it, with the vector as the predicate left it', (_label, mutate, after) => {
    const v = OptionVec.from(start, 8);
    let calls = 0;
    const error = caught(() =>
      v.extractIf((x) => {
        if (++calls === 3) mutate(v);
        return isOdd(x);
      }),
    );
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe(changed('extractIf', 6, after.length));
    expect(calls).toBe(3);
    expect(v.toArray()).toEqual(after);
    expectSpareUndefined(v);
  });

  it('removes, position by position, the slots accepted, from the contents as they are at the end', () => {
    const v = OptionVec.from(start, 8);
    const removed = v.extractIf((_x, i) => {
      if (i === 0) v.set(2, 30);
      if (i === 4) v.reverse();
      return i % 2 === 0;
    });
    // [1, 2, 30, 4, 5, 6] reversed by the predicate: [6, 5, 4, 30, 2, 1]; positions 0, 2, 4 removed.
    expect(removed).toEqual([6, 4, 2]);
    expect(v.toArray()).toEqual([5, 30, 1]);
  });

  it('an extractIf or retain nested in the predicate has decisions of its own', () => {
    const outer = OptionVec.from(start, 8);
    const inner = OptionVec.from([10, 11, 12, 13], 4);
    const other = OptionVec.from([20, 21, 22], 4);
    let innerRemoved: number[] = [];
    const removed = outer.extractIf((x, i) => {
      if (i === 1) innerRemoved = inner.extractIf((y) => y % 2 === 0);
      if (i === 2) other.retain((y) => y === 21);
      return isOdd(x);
    });
    expect([removed, outer.toArray(), innerRemoved, inner.toArray(), other.toArray()]).toEqual([
      [1, 3, 5],
      [2, 4, 6],
      [10, 12],
      [11, 13],
      [21],
    ]);
    // And the next calls, which reuse the decisions buffer (shared with retain), start clean.
    expect(outer.extractIf((x) => x > 2)).toEqual([4, 6]);
    outer.retain(() => true);
    expect(outer.toArray()).toEqual([2]);
  });

  it('refuses a predicate that is not a function with a TypeError naming it, on an empty vector too', () => {
    for (const v of [OptionVec.of(1, 2), new OptionVec<number>(2)]) {
      const before = v.toArray();
      const error = caught(() => v.extractIf(null as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe('OptionVec.extractIf: predicate must be a function, got null');
      expect(v.toArray()).toEqual(before);
    }
  });
});

describe('OptionVec: slice', () => {
  it('returns a new vector with the same capacity holding [start, end); this vector is unchanged', () => {
    const v = OptionVec.from(['a', 'b', 'c', 'd'], 6);
    const s = v.slice(1, 3);
    expect(s).toBeInstanceOf(OptionVec);
    expect(s).not.toBe(v);
    expect([s.toArray(), s.capacity, s.length]).toEqual([['b', 'c'], 6, 2]);
    expect(v.toArray()).toEqual(['a', 'b', 'c', 'd']);
    expectSpareUndefined(s);
    // Its own backing array: changes to either do not reach the other.
    s.set(0, 'x');
    s.push('y');
    v.set(2, 'z');
    expect([v.toArray(), s.toArray()]).toEqual([
      ['a', 'b', 'z', 'd'],
      ['x', 'c', 'y'],
    ]);
  });

  it('defaults to the whole vector, and from start to the end', () => {
    const v = OptionVec.from([1, 2, 3], 3);
    expect(v.slice().toArray()).toEqual([1, 2, 3]);
    expect(v.slice(1).toArray()).toEqual([2, 3]);
    expect(v.slice(3).toArray()).toEqual([]);
    expect(v.slice(0, 0).isEmpty).toBe(true);
    expect(new OptionVec<number>(0).slice().capacity).toBe(0);
    // A -0 bound is 0, and the length of the result is never -0.
    expect(Object.is(v.slice(0, -0).length, 0)).toBe(true);
    expect(Object.is(v.slice(-0, -0).length, 0)).toBe(true);
  });

  it('agrees with Array.prototype.slice for every range within the vector', () => {
    fc.assert(
      fc.property(
        integers.chain((items) => fc.tuple(fc.constant(items), fc.nat(items.length), fc.nat(items.length))),
        ([items, a, b]) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const v = OptionVec.from(items, 12);
          const s = v.slice(start, end);
          expect(s.toArray()).toEqual(items.slice(start, end));
          expect(s.capacity).toBe(12);
          expect(v.toArray()).toEqual(items);
          expectSpareUndefined(s);
        },
      ),
    );
  });

  it("checks start and end as drain does, with drain's messages, and changes nothing", () => {
    const cases: [unknown, unknown][] = [
      ...BAD_POSITIONS.map(([bad]): [unknown, unknown] => [bad, 3]),
      ...BAD_POSITIONS.map(([bad]): [unknown, unknown] => [0, bad]),
      [2, 1],
      [3, 0],
    ];
    for (const [start, end] of cases) {
      const v = OptionVec.from([1, 2, 3], 4);
      const [name, message] = errorOf(() => v.slice(start as number, end as number));
      const drained = errorOf(() => OptionVec.from([1, 2, 3], 4).drain(start as number, end as number));
      expect([name, message]).toEqual([drained[0], drained[1].replace('OptionVec.drain', 'OptionVec.slice')]);
      const bothNumbers = typeof start === 'number' && typeof end === 'number';
      expect(name).toBe(bothNumbers ? 'RangeError' : 'TypeError');
      expect(v.toArray()).toEqual([1, 2, 3]);
    }
    expect(caught(() => OptionVec.of(1, 2, 3).slice(-1)).message).toBe('OptionVec.slice: start must be an integer from 0 to 3, got -1');
    expect(caught(() => OptionVec.of(1, 2, 3).slice(0, 4)).message).toBe('OptionVec.slice: end must be an integer from 0 to 3, got 4');
    expect(caught(() => OptionVec.of(1, 2, 3).slice(2, 1)).message).toBe('OptionVec.slice: end must be an integer from start (2) to 3, got 1');
  });
});

describe('OptionVec: splitOff', () => {
  it('moves [at, length) into a new vector with the same capacity and truncates this one to at', () => {
    const objects = [{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }];
    const v = OptionVec.from<object, 6>(objects, 6);
    const tail = v.splitOff(1);
    expect(tail).toBeInstanceOf(OptionVec);
    expect([tail.capacity, tail.length, v.capacity, v.length]).toEqual([6, 3, 6, 1]);
    tail.toArray().forEach((x, i) => expect(x).toBe(objects[i + 1]));
    expect(v.get(0)).toBe(objects[0]);
    expectSpareUndefined(v);
    expectSpareUndefined(tail);
    // Each has its own backing array.
    v.push({ id: 9 });
    tail.set(0, { id: 8 });
    expect(v.toArray()).toEqual([{ id: 0 }, { id: 9 }]);
    expect(tail.toArray()).toEqual([{ id: 8 }, { id: 2 }, { id: 3 }]);
  });

  it('splitOff(length) returns an empty vector; splitOff(0) moves everything', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const none = v.splitOff(3);
    expect([none.length, none.capacity, v.toArray()]).toEqual([0, 4, [1, 2, 3]]);
    const all = v.splitOff(0);
    expect([all.toArray(), v.length]).toEqual([[1, 2, 3], 0]);
    expect(v.splitOff(0).length).toBe(0);
    // -0 is 0, and this vector's length is never -0.
    const w = OptionVec.from([1], 2);
    expect(w.splitOff(-0).toArray()).toEqual([1]);
    expect(Object.is(w.length, 0)).toBe(true);
  });

  it('agrees with splitting an array at every position', () => {
    fc.assert(
      fc.property(
        integers.chain((items) => fc.tuple(fc.constant(items), fc.nat(items.length))),
        ([items, at]) => {
          const v = OptionVec.from(items, 12);
          const tail = v.splitOff(at);
          expect(tail.toArray()).toEqual(items.slice(at));
          expect(v.toArray()).toEqual(items.slice(0, at));
          expect([tail.capacity, v.capacity]).toEqual([12, 12]);
          expectSpareUndefined(v);
          expectSpareUndefined(tail);
        },
      ),
    );
  });

  it('refuses an at that is not an integer in [0, length], naming it, and changes nothing', () => {
    for (const [bad, shown] of [...BAD_POSITIONS, [undefined, 'undefined'] as const]) {
      const v = OptionVec.from([1, 2, 3], 4);
      const error = caught(() => v.splitOff(bad as number));
      expect(error).toBeInstanceOf(typeof bad === 'number' ? RangeError : TypeError);
      expect(error).not.toBeInstanceOf(IndexError);
      expect(error.message).toBe(`OptionVec.splitOff: at must be an integer from 0 to 3, got ${shown}`);
      expect(v.toArray()).toEqual([1, 2, 3]);
    }
  });
});

describe('OptionVec: copyWithin', () => {
  it('copies [start, end) to target, as Array.prototype.copyWithin does, and returns this', () => {
    const v = OptionVec.from([1, 2, 3, 4, 5], 8);
    expect(v.copyWithin(0, 3)).toBe(v);
    expect(v.toArray()).toEqual([4, 5, 3, 4, 5]);
    v.copyWithin(1, 0, 2);
    expect(v.toArray()).toEqual([4, 4, 5, 4, 5]);
    // Overlapping to the right, as if through a copy.
    const w = OptionVec.from(['a', 'b', 'c', 'd'], 6);
    w.copyWithin(1, 0);
    expect(w.toArray()).toEqual(['a', 'a', 'b', 'c']);
    expectSpareUndefined(w);
    // Empty ranges and target === length copy nothing.
    w.copyWithin(4, 0).copyWithin(0, 2, 2).copyWithin(2, 4);
    expect(w.toArray()).toEqual(['a', 'a', 'b', 'c']);
    expect(new OptionVec<number>(2).copyWithin(0, 0).length).toBe(0);
  });

  it('never changes the length or writes past it, however far the range would reach', () => {
    const v = OptionVec.from([1, 2, 3], 8);
    v.copyWithin(2, 0);
    expect(v.toArray()).toEqual([1, 2, 1]);
    expect(v.length).toBe(3);
    expectSpareUndefined(v);
    v.push(9);
    expect(v.toArray()).toEqual([1, 2, 1, 9]);
  });

  it('agrees with Array.prototype.copyWithin for every argument within the vector', () => {
    fc.assert(
      fc.property(
        integers.chain((items) =>
          fc.tuple(fc.constant(items), fc.nat(items.length), fc.nat(items.length), fc.nat(items.length), fc.boolean()),
        ),
        ([items, target, a, b, defaultEnd]) => {
          const [start, end] = defaultEnd ? [a, items.length] : a <= b ? [a, b] : [b, a];
          const v = OptionVec.from(items, 12);
          const model = [...items].copyWithin(target, start, end);
          const result = defaultEnd ? v.copyWithin(target, start) : v.copyWithin(target, start, end);
          expect(result).toBe(v);
          expect(v.toArray()).toEqual(model);
          expect(v.length).toBe(items.length);
          expectSpareUndefined(v);
        },
      ),
    );
  });

  it('refuses target, start or end outside [0, length] (no negative or clamped values), in that order, and changes nothing', () => {
    const check = (args: unknown[], message: string, type: typeof RangeError | typeof TypeError) => {
      const v = OptionVec.from([1, 2, 3], 4);
      const error = caught(() => (v.copyWithin as (...a: unknown[]) => unknown)(...args));
      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(`OptionVec.copyWithin: ${message}`);
      expect(v.toArray()).toEqual([1, 2, 3]);
    };
    for (const [bad, shown] of BAD_POSITIONS) {
      const type = typeof bad === 'number' ? RangeError : TypeError;
      check([bad, 0, 1], `target must be an integer from 0 to 3, got ${shown}`, type);
      check([0, bad, 1], `start must be an integer from 0 to 3, got ${shown}`, type);
      check([0, 0, bad], `end must be an integer from 0 to 3, got ${shown}`, type);
    }
    check([undefined, 0], 'target must be an integer from 0 to 3, got undefined', TypeError);
    check([0, undefined], 'start must be an integer from 0 to 3, got undefined', TypeError);
    check([0, 2, 1], 'end must be an integer from start (2) to 3, got 1', RangeError);
    // target is checked first, then start, then end.
    check([-1, -2, -3], 'target must be an integer from 0 to 3, got -1', RangeError);
    check([0, -2, 9], 'start must be an integer from 0 to 3, got -2', RangeError);
  });
});

describe('OptionVec: sort(compare) writes back only after the sort returned', () => {
  it.each<[string, (v: OptionVec<number>) => void, number[]]>([
    ['pops', (v) => void v.pop(), [3, 1, 4, 1]],
    ['pushes', (v) => v.push(9), [3, 1, 4, 1, 5, 9]],
  ])('a comparator that %s makes sort throw at once, naming it, with the vector as the comparator left it', (_label, mutate, after) => {
    const v = OptionVec.from([3, 1, 4, 1, 5], 8);
    let calls = 0;
    const error = caught(() =>
      v.sort((a, b) => {
        if (++calls === 2) mutate(v);
        return a - b;
      }),
    );
    expect(error.message).toBe(changed('sort', 5, after.length));
    expect(calls).toBe(2);
    expect(v.toArray()).toEqual(after);
  });

  it("a comparator result whose valueOf changes the length is caught too (the result's conversion runs before the check)", () => {
    const v = OptionVec.from([3, 1, 2], 4);
    const error = caught(() => v.sort(() => ({ valueOf: () => (v.pop(), 0) }) as unknown as number));
    expect(error.message).toBe(changed('sort', 3, 2));
    expect(v.toArray()).toEqual([3, 1]);
  });

  it('a comparator that changes an element and then throws leaves the vector as it left it', () => {
    const v = OptionVec.from([3, 1, 2], 4);
    const error = caught(() =>
      v.sort(() => {
        v.set(0, 30);
        return boom();
      }),
    );
    expect(error.message).toBe('boom');
    expect(v.toArray()).toEqual([30, 1, 2]);
  });
});

describe('OptionVec: map, forEach and the iterators with user code changing the vector', () => {
  it('a map function that shortens the vector makes map throw at once, not read a freed slot', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    let calls = 0;
    const error = caught(() =>
      v.map((x) => {
        calls++;
        v.pop();
        return x * 10;
      }),
    );
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe(changed('map', 3, 2));
    expect(calls).toBe(1);
    expect(v.toArray()).toEqual([1, 2]);
  });

  it("a map function that changes out's length makes map throw at once; neither vector is written", () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const out = OptionVec.from([7, 8, 9], 4);
    let calls = 0;
    const error = caught(() =>
      v.map((x) => {
        calls++;
        out.push(0);
        return x * 10;
      }, out),
    );
    expect(error.message).toBe(changed('map', 3, 4));
    expect(calls).toBe(1);
    expect([v.toArray(), out.toArray()]).toEqual([
      [1, 2, 3],
      [7, 8, 9, 0],
    ]);
  });

  it('map writes its results after the last call, over what the function left of the elements', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const seen: number[] = [];
    v.map((x, i) => {
      seen.push(x);
      if (i === 0) v.set(2, 30);
      return x + 1;
    });
    expect(seen).toEqual([1, 2, 30]);
    expect(v.toArray()).toEqual([2, 3, 31]);
  });

  it('forEach and the iterators read the length at every step', () => {
    const v = OptionVec.from([1, 2, 3, 4], 6);
    const seen: number[] = [];
    v.forEach((x) => {
      seen.push(x);
      if (x === 2) v.truncate(3);
    });
    expect(seen).toEqual([1, 2, 3]);
    const iterated: number[] = [];
    for (const x of v) {
      iterated.push(x);
      if (x === 1) v.pop();
    }
    expect(iterated).toEqual([1, 2]);
    const entries = v.entries();
    v.clear();
    expect(entries.next()).toEqual({ done: true, value: undefined });
  });
});

describe('OptionVec: first, last and swap', () => {
  it('first and last return the end elements, null included; on an empty vector they throw EmptyError', () => {
    const v = OptionVec.from<string | null, 4>([null, 'b', null], 4);
    expect(v.first()).toBeNull();
    expect(v.last()).toBeNull();
    v.pop();
    expect(v.last()).toBe('b');
    v.clear();
    for (const method of ['first', 'last'] as const) {
      const error = caught(() => v[method]());
      expect(error).toBeInstanceOf(EmptyError);
      expect(error.message).toBe(`OptionVec.${method}: the vector is empty`);
    }
    expect(v.length).toBe(0);
    expect(caught(() => new OptionVec(0).first()).message).toBe('OptionVec.first: the vector is empty');
  });

  it('swap exchanges the elements (objects by identity); swap(i, i) changes nothing', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const v = OptionVec.from<object | null, 5>([a, null, b], 5);
    v.swap(0, 2);
    expect(v.toArray()).toEqual([b, null, a]);
    expect(v.get(0)).toBe(b);
    v.swap(1, 0);
    expect(v.toArray()).toEqual([null, b, a]);
    v.swap(2, 2);
    v.swap(-0, 0);
    expect(v.toArray()).toEqual([null, b, a]);
    expect(v.length).toBe(3);
  });

  it('swap checks i, then j, with the messages of get; a failing swap changes nothing', () => {
    const v = OptionVec.from(['x', 'y', 'z'], 6);
    const error = caught(() => v.swap(0, 3));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toBe('OptionVec.swap: index 3 is out of bounds for length 3 (valid indexes are the integers 0 to 2)');
    expect([error.index, error.bound]).toEqual([3, 3]);
    expect(error.message).toBe(caught(() => v.get(3)).message.replace('OptionVec.get', 'OptionVec.swap'));
    // i is checked first: both bad, the message is about i.
    expect(caught(() => v.swap(-1, 1.5)).message).toBe(
      'OptionVec.swap: index -1 is negative for length 3 (valid indexes are the integers 0 to 2)',
    );
    expect(caught(() => v.swap(1, 1.5)).message).toBe(
      'OptionVec.swap: index 1.5 is not an integer for length 3 (valid indexes are the integers 0 to 2)',
    );
    expect(caught(() => v.swap(NaN, 0)).message).toMatch(/^OptionVec\.swap: index NaN is NaN /);
    // Index 3 is a spare slot, within the capacity: still refused.
    expect(caught(() => v.swap(3, 0))).toBeInstanceOf(IndexError);
    const notNumber = caught(() => v.swap(0, '1' as unknown as number));
    expect(notNumber).toBeInstanceOf(TypeError);
    expect(notNumber).not.toBeInstanceOf(IndexError);
    expect(notNumber.message).toBe('OptionVec.swap: index must be a number, got "1"');
    expect(v.toArray()).toEqual(['x', 'y', 'z']);
    expect(caught(() => new OptionVec(2).swap(0, 0)).message).toBe('OptionVec.swap: index 0 is out of bounds for length 0 (no index is valid)');
  });

  it('swap agrees with swapping in an array, for elements of any type', () => {
    fc.assert(
      fc.property(fc.array(orderedPrimitive, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (items, a, b) => {
        const v = OptionVec.from(items, 10);
        const [i, j] = [a % items.length, b % items.length];
        v.swap(i, j);
        const model = [...items];
        [model[i], model[j]] = [model[j], model[i]];
        expect(v.equals(model)).toBe(true);
        expect(v.toArray().every((x, k) => Object.is(x, model[k]))).toBe(true);
      }),
    );
  });
});

describe('OptionVec: some, every, find, findIndex and reduce', () => {
  const CALLBACKS = [
    ['some', 'predicate'],
    ['every', 'predicate'],
    ['find', 'predicate'],
    ['findIndex', 'predicate'],
    ['reduce', 'reducer'],
  ] as const;

  it.each(CALLBACKS)('%s refuses a %s that is not a function with a TypeError naming it', (method, name) => {
    const v = OptionVec.of(1, 2);
    for (const [bad, shown] of [
      [undefined, 'undefined'],
      [null, 'null'],
      [1, '1'],
      ['f', '"f"'],
      [{}, 'an object ([object Object])'],
    ] as const) {
      const error = caught(() => (v[method] as (fn: unknown, initial?: unknown) => unknown)(bad, 0));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`OptionVec.${method}: ${name} must be a function, got ${shown}`);
    }
    // Refused on an empty vector too, before any element would be read.
    expect(() => (new OptionVec(2)[method] as (fn: unknown, initial?: unknown) => unknown)(null, 0)).toThrow(TypeError);
    expect(v.toArray()).toEqual([1, 2]);
  });

  it('pass (value, index, vec) and agree with the Array methods, for elements of any type', () => {
    fc.assert(
      fc.property(fc.array(orderedPrimitive, { maxLength: 8 }), fc.func(fc.boolean()), (items, decide) => {
        const v = OptionVec.from(items, 10);
        const predicate = (x: unknown, i: number): boolean => decide(typeof x === 'symbol' ? 's' : String(x), i);
        const calls: unknown[][] = [];
        const recorded = (x: {} | null, i: number, vec: OptionVec<{} | null>) => {
          calls.push([x, i, vec]);
          return predicate(x, i);
        };
        expect(v.some(recorded)).toBe(items.some(predicate));
        expect(v.every(recorded)).toBe(items.every(predicate));
        expect(v.find(recorded)).toBe(items.find(predicate));
        expect(v.findIndex(recorded)).toBe(items.findIndex(predicate));
        expect(v.reduce<unknown[]>((acc, x, i, vec) => (calls.push([x, i, vec]), [...acc, x]), [])).toEqual(items);
        for (const [x, i, vec] of calls) {
          expect(vec).toBe(v);
          expect(Object.is(x, items[i as number])).toBe(true);
        }
      }),
    );
  });

  it('stop at the first decisive element; find tells a null element from no match', () => {
    const v = OptionVec.from<number | null, 6>([1, null, 3, null, 5], 6);
    const calls: number[] = [];
    const isNull = (x: number | null, i: number) => (calls.push(i), x === null);
    expect(v.some(isNull)).toBe(true);
    expect(calls).toEqual([0, 1]);
    calls.length = 0;
    expect(v.every((x, i) => (calls.push(i), x !== null))).toBe(false);
    expect(calls).toEqual([0, 1]);
    calls.length = 0;
    expect(v.find(isNull)).toBeNull();
    expect(calls).toEqual([0, 1]);
    calls.length = 0;
    expect(v.findIndex((x, i) => (calls.push(i), x === 3))).toBe(2);
    expect(calls).toEqual([0, 1, 2]);
    expect(v.find((x) => x === 9)).toBeUndefined();
    expect(v.findIndex((x) => x === 9)).toBe(-1);
    // Truthiness, not `=== true`: any truthy result counts.
    expect(v.find((x) => x !== null && x > 2 && 'yes')).toBe(3);
    expect(v.every(() => 1)).toBe(true);
    expect(v.some(() => '')).toBe(false);
  });

  it('on an empty vector: some is false, every is true, find undefined, findIndex -1, reduce returns initial', () => {
    const v = OptionVec.from(['gone'], 2);
    v.pop();
    const never = (): never => {
      throw new Error('called on an empty vector');
    };
    expect(v.some(never)).toBe(false);
    expect(v.every(never)).toBe(true);
    expect(v.find(never)).toBeUndefined();
    expect(v.findIndex(never)).toBe(-1);
    const initial = { sum: 0 };
    expect(v.reduce(never, initial)).toBe(initial);
    expect(v.reduce(never, undefined)).toBeUndefined();
  });

  it('reduce folds in index order from initial, and returns the last accumulator', () => {
    const v = OptionVec.of('a', null, 2n, 'b');
    expect(v.reduce((acc, x, i) => `${acc}[${i}:${String(x)}]`, '>')).toBe('>[0:a][1:null][2:2][3:b]');
    expect(OptionVec.of(1, 2, 3).reduce((acc, x) => acc * 10 + x, 0)).toBe(123);
    // The accumulator may be any value, undefined included, and is passed through as it is.
    const seen: unknown[] = [];
    OptionVec.of(1, 2).reduce<unknown>((acc) => (seen.push(acc), undefined), 'start');
    expect(seen).toEqual(['start', undefined]);
  });

  it('an error thrown by the callback propagates and stops the calls; the vector keeps what the callback did', () => {
    const v = OptionVec.of(1, 2, 3);
    let calls = 0;
    for (const call of [
      () => v.some(() => (calls++, v.set(0, 10), boom())),
      () => v.reduce(() => (calls++, boom()), 0),
    ]) {
      expect(caught(call).message).toBe('boom');
    }
    expect(calls).toBe(2);
    expect(v.toArray()).toEqual([10, 2, 3]);
  });

  it('a callback that pops ends the calls early, never reading a freed slot', () => {
    for (const method of ['some', 'every', 'find', 'findIndex'] as const) {
      const v = OptionVec.from([1, 2, 3, 4], 6);
      const seen: unknown[] = [];
      const result = (v[method] as (fn: (x: number) => boolean) => unknown)((x) => {
        seen.push(x);
        v.pop();
        return method === 'every';
      });
      expect(seen).toEqual([1, 2]);
      expect(result).toBe({ some: false, every: true, find: undefined, findIndex: -1 }[method]);
      expect(v.toArray()).toEqual([1, 2]);
    }
    const w = OptionVec.from([1, 2, 3, 4], 6);
    expect(w.reduce((acc: unknown[], x) => (w.pop(), [...acc, x]), [])).toEqual([1, 2]);
    const cleared = OptionVec.from([1, 2, 3], 3);
    expect(cleared.reduce((acc: number[], x) => (cleared.clear(), [...acc, x]), [])).toEqual([1]);
  });

  it('a callback that pushes goes on to the new elements, until the vector is full', () => {
    const v = OptionVec.from([1, 2], 5);
    const seen: number[] = [];
    expect(
      v.some((x) => {
        seen.push(x);
        v.tryPush(x * 10);
        return false;
      }),
    ).toBe(false);
    expect(seen).toEqual([1, 2, 10, 20, 100]);
    expect(v.toArray()).toEqual([1, 2, 10, 20, 100]);
    const w = OptionVec.from([1], 3);
    expect(w.reduce((acc, x) => (w.tryPush(x + 1), acc + x), 0)).toBe(1 + 2 + 3);
    const u = OptionVec.from([1], 4);
    expect(u.findIndex((x) => (u.tryPush(x + 1), x === 3))).toBe(2);
    expect(u.find((x) => x === 4)).toBe(4);
  });

  it('each element is read when its call is made: a value set by an earlier call is seen', () => {
    const v = OptionVec.from<string, 3>(['a', 'b', 'c'], 3);
    const seen: string[] = [];
    expect(
      v.every((x, i) => {
        seen.push(x);
        if (i === 0) v.set(2, 'C');
        return true;
      }),
    ).toBe(true);
    expect(seen).toEqual(['a', 'b', 'C']);
    expect(v.find((x, i) => (i === 0 && v.swap(1, 2), x === 'C'))).toBe('C');
    expect(v.toArray()).toEqual(['a', 'C', 'b']);
    expect(v.reduce((acc, x, i) => (i === 0 && v.set(1, 'Z'), acc + x), '')).toBe('aZb');
  });
});

describe('OptionVec: join and toString', () => {
  it('join of mixed values gives what Array.prototype.join gives: null as "", bigints without n, -0 as 0', () => {
    const date = new Date(0);
    const items: ({} | null)[] = [1.5, 'a', null, 2n, -0, NaN, true, { toString: () => 'obj' }, [1, [2, null]], date, '', -Infinity];
    const v = OptionVec.from(items, 16);
    expect(v.join()).toBe(items.join());
    expect(v.join()).toBe(`1.5,a,,2,0,NaN,true,obj,1,2,,${String(date)},,-Infinity`);
    expect(v.join(' | ')).toBe(items.join(' | '));
    expect(v.join('')).toBe(items.join(''));
    expect(OptionVec.of(null).join()).toBe('');
    expect(OptionVec.of(null, null).join('-')).toBe('-');
    expect(new OptionVec(4).join('-')).toBe('');
  });

  it('the separator is converted with String(), once, before the elements are read; undefined means ","', () => {
    const v = OptionVec.from<number | string | null, 4>([1, null, 'x'], 4);
    expect(v.join(undefined)).toBe('1,,x');
    expect(v.join(null as unknown as string)).toBe('1nullnullx');
    expect(v.join(0 as unknown as string)).toBe('100x');
    let conversions = 0;
    const separator = {
      toString() {
        conversions++;
        v.push('pushed');
        return '+';
      },
    };
    expect(v.join(separator as unknown as string)).toBe('1++x+pushed');
    expect(conversions).toBe(1);
    // A symbol separator is converted by String() as well, as in the typed vectors.
    expect(OptionVec.of(1, 2).join(Symbol('s') as unknown as string)).toBe('1Symbol(s)2');
  });

  it('the live elements are copied before any is converted: an element toString that changes the vector changes nothing joined', () => {
    const v = new OptionVec<{} | null, 4>(4);
    v.extend([
      {
        toString() {
          v.clear();
          return 'first';
        },
      },
      'second',
      3,
    ]);
    expect(v.join()).toBe('first,second,3');
    expect(v.length).toBe(0);
    // Spare slots are never joined (they hold undefined, which Array.join would show as "").
    const w = OptionVec.from(['a', 'b', 'c'], 6);
    w.pop();
    expect(w.join('/')).toBe('a/b');
  });

  it('an error thrown by an element conversion propagates; a symbol element is refused naming the method and the index', () => {
    expect(caught(() => OptionVec.of(1, { toString: boom }).join()).message).toBe('boom');
    const v = OptionVec.of<[string, symbol]>('a', Symbol('s'));
    let converted = false;
    const later = OptionVec.of({ toString: () => ((converted = true), 'o') }, Symbol('t'));
    for (const [error, where, index, symbol] of [
      [caught(() => v.join()), 'join', 1, 'Symbol(s)'],
      [caught(() => String(v)), 'toString', 1, 'Symbol(s)'],
      [caught(() => later.join('-')), 'join', 1, 'Symbol(t)'],
    ] as const) {
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`OptionVec.${where}: expected a value other than a symbol at index ${index}, got ${symbol}`);
    }
    expect(caught(() => [{ toString: () => 'o' }, Symbol('t')].join('-'))).toBeInstanceOf(TypeError);
    expect(converted).toBe(false);
  });

  it('toString is join(): String(vec), template literals and string concatenation show the elements', () => {
    const v = OptionVec.from<string | number | null, 8>(['a', null, 3], 8);
    expect(v.toString()).toBe('a,,3');
    expect(String(v)).toBe('a,,3');
    expect(`[${v}]`).toBe('[a,,3]');
    expect('' + v).toBe(String(['a', null, 3]));
    expect(String(new OptionVec(2))).toBe('');
    // Object.prototype.toString still gives the tag.
    expect(Object.prototype.toString.call(v)).toBe('[object OptionVec]');
  });

  it('join agrees with Array.prototype.join for elements of any type and any separator', () => {
    fc.assert(
      fc.property(fc.array(orderedPrimitive, { maxLength: 8 }), fc.option(fc.string({ maxLength: 3 }), { nil: undefined }), (items, separator) => {
        const v = OptionVec.from(items, 10);
        expect(v.join(separator)).toBe(items.join(separator));
        expect(String(v)).toBe(String(items));
      }),
    );
  });
});

describe('OptionVec: copyTo re-checks the length after user code of the target ran', () => {
  it('into an array whose element setter shortens the vector: throws after that element, which stays written', () => {
    const v = OptionVec.from([1, 2, 3, 4], 4);
    const target: number[] = [0, 0, 0, 0];
    Object.defineProperty(target, 1, {
      set(x: number) {
        Object.defineProperty(target, 1, { value: x, writable: true, enumerable: true, configurable: true });
        v.pop();
      },
      configurable: true,
      enumerable: true,
    });
    const error = caught(() => v.copyTo(target));
    expect(error.message).toBe(changed('copyTo', 4, 3));
    expect(target).toEqual([1, 2, 0, 0]);
    expect(v.toArray()).toEqual([1, 2, 3]);
  });

  it("into a Proxy whose set trap grows the vector, or whose length read clears it", () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const backing: number[] = [];
    const growing = new Proxy(backing, {
      set(array, key, value) {
        const done = Reflect.set(array, key, value);
        if (key === '0') v.push(9);
        return done;
      },
    });
    expect(caught(() => v.copyTo(growing)).message).toBe(changed('copyTo', 3, 4));
    expect(backing).toEqual([1]);
    const w = OptionVec.from([1, 2, 3], 4);
    const written: number[] = [];
    const clearing = new Proxy(written, {
      get(array, key, receiver) {
        if (key === 'length') w.clear();
        return Reflect.get(array, key, receiver);
      },
    });
    expect(caught(() => w.copyTo(clearing)).message).toBe(changed('copyTo', 3, 0));
    expect(written).toEqual([]);
  });

  it('into a typed array whose length getter (defined on it) shortens the vector: throws before writing', () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const target = new Float64Array(4);
    Object.defineProperty(target, 'length', {
      get() {
        v.pop();
        return 4;
      },
    });
    expect(caught(() => v.copyTo(target)).message).toBe(changed('copyTo', 3, 2));
    expect(Array.from(new Float64Array(target.buffer))).toEqual([0, 0, 0, 0]);
  });

  it("into another vector class: the elements are copied before the target's getters or splice run", () => {
    const v = OptionVec.from([1, 2, 3], 4);
    const received: unknown[] = [];
    const target = {
      capacity: 8,
      get length() {
        v.clear();
        return 0;
      },
      toArray: () => [],
      splice(_start: number, _deleteCount: number, items: readonly number[]) {
        received.push(...items);
        return [];
      },
    };
    expect(v.copyTo(target as unknown as F64Vec)).toBe(target);
    expect(received).toEqual([1, 2, 3]);
  });
});

// ---------------------------------------------------------------------------------------
// A vector argument that is no longer usable: the error names the OptionVec method called.

/** An F64Vec holding 1, released by its slab. */
function releasedF64Vec(): F64Vec {
  const slab = new Slab(64);
  const vec = slab.alloc(F64Vec, 4);
  vec.push(1);
  slab.reset();
  return vec;
}

/** An F64Vec holding 1, whose buffer was transferred away. */
function detachedF64Vec(): F64Vec {
  const buffer = new ArrayBuffer(32);
  const vec = F64Vec.over(buffer, 0, 4);
  vec.push(1);
  structuredClone(buffer, { transfer: [buffer] });
  return vec;
}

describe.each([
  { state: 'released', make: releasedF64Vec, type: ReleasedError },
  { state: 'detached', make: detachedF64Vec, type: DetachedError },
])('OptionVec: an argument F64Vec that is $state', ({ make, type }) => {
  it.each<[string, (v: OptionVec<number>, arg: F64Vec) => unknown]>([
    ['extend', (v, arg) => v.extend(arg)],
    ['tryExtend', (v, arg) => v.tryExtend(arg)],
    ['splice', (v, arg) => v.splice(0, 0, arg)],
    ['from', (_v, arg) => OptionVec.from(arg)],
    ['copyFrom', (v, arg) => v.copyFrom(arg)],
    ['copyTo', (v, arg) => v.copyTo(arg)],
    ['equals', (v, arg) => v.equals(arg)],
    ['dot', (v, arg) => v.dot(arg)],
    ['add', (v, arg) => v.add(arg)],
    ['axpy', (v, arg) => v.axpy(2, arg)],
  ])('%s reports it under its own name and changes nothing', (method, call) => {
    const v = OptionVec.from([5], 4);
    const error = caught(() => call(v, make()));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(new RegExp(`^OptionVec\\.${method}: `));
    expect(v.toArray()).toEqual([5]);
  });
});

describe('OptionVec: a revoked Proxy as a callback or argument', () => {
  /** A revoked Proxy over `target`. */
  const revoked = <P extends object>(target: P): P => {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  };

  it.each<[string, string, (v: OptionVec<number>) => unknown]>([
    ['retain', 'predicate', (v) => v.retain(revoked(() => true))],
    ['extractIf', 'predicate', (v) => v.extractIf(revoked(() => true))],
    ['popIf', 'predicate', (v) => v.popIf(revoked(() => true))],
    ['sort', 'compare', (v) => v.sort(revoked(() => 0))],
    ['forEach', 'callback', (v) => v.forEach(revoked(() => {}))],
    ['some', 'predicate', (v) => v.some(revoked(() => true))],
    ['every', 'predicate', (v) => v.every(revoked(() => true))],
    ['find', 'predicate', (v) => v.find(revoked(() => true))],
    ['findIndex', 'predicate', (v) => v.findIndex(revoked(() => true))],
    ['reduce', 'reducer', (v) => v.reduce(revoked((acc: number) => acc), 0)],
    ['map', 'fn', (v) => v.map(revoked((x: number) => x))],
    ['copyFrom', 'source', (v) => v.copyFrom(revoked([1, 2]))],
    ['add', 'the operand', (v) => v.add(revoked([1, 2]))],
    ['dot', 'the operand', (v) => v.dot(revoked([1, 2]))],
  ])('%s reports a revoked Proxy as %s under its own name and changes nothing', (method, what, call) => {
    const v = OptionVec.from([2, 1], 4);
    const error = caught(() => call(v));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`OptionVec.${method}: ${what} is a revoked Proxy`);
    expect(v.toArray()).toEqual([2, 1]);
  });
});

// ---------------------------------------------------------------------------------------
// Types: `npx tsc -p tsconfig.json` type-checks this file, so each line below is also a
// compile-time test (ts-jest only transpiles, because of `isolatedModules`).

describe('OptionVec: typing', () => {
  it('infers and checks element and capacity types', () => {
    const explicit = new OptionVec<number, 16>(16);
    assertType<Equal<typeof explicit, OptionVec<number, 16>>>();
    const numberCapacity = new OptionVec<number>(16);
    assertType<Equal<typeof numberCapacity, OptionVec<number, number>>>();
    const inferredCapacity = new OptionVec<string, 3>(3);
    assertType<Equal<typeof inferredCapacity.capacity, 3>>();

    const of = OptionVec.of(1, 2);
    assertType<Equal<typeof of, OptionVec<number, 2>>>();
    const ofMixed = OptionVec.of('a', null, 3n);
    assertType<Equal<typeof ofMixed, OptionVec<string | bigint | null, 3>>>();
    const from = OptionVec.from(['a'], 8);
    assertType<Equal<typeof from, OptionVec<string, 8>>>();
    const fromNoCapacity = OptionVec.from(new Set([1n]));
    assertType<Equal<typeof fromNoCapacity, OptionVec<bigint, number>>>();

    assertType<Equal<ReturnType<typeof of.get>, number>>();
    assertType<Equal<ReturnType<typeof of.at>, number | undefined>>();
    assertType<Equal<ReturnType<typeof of.view>, readonly number[]>>();
    assertType<Equal<ReturnType<typeof of.drain>, number[]>>();
    assertType<Equal<ReturnType<typeof of.toJSON>, number[]>>();
    assertType<Equal<ReturnType<typeof fromNoCapacity.toJSON>, string[]>>();
    assertType<Equal<ReturnType<typeof of.clone>, OptionVec<number, 2>>>();
    assertType<Equal<ReturnType<typeof of.toTypedArray>, Float64Array>>();
    assertType<Equal<ReturnType<typeof of.first>, number>>();
    assertType<Equal<ReturnType<typeof ofMixed.last>, string | bigint | null>>();
    assertType<Equal<ReturnType<typeof of.find>, number | undefined>>();
    assertType<Equal<ReturnType<typeof of.popIf>, number | undefined>>();
    assertType<Equal<ReturnType<typeof of.extractIf>, number[]>>();
    assertType<Equal<ReturnType<typeof of.slice>, OptionVec<number, 2>>>();
    assertType<Equal<ReturnType<typeof of.splitOff>, OptionVec<number, 2>>>();
    const copied = OptionVec.of(1, 2).copyWithin(0, 1);
    assertType<Equal<typeof copied, OptionVec<number, 2>>>();
    const extracted = ofMixed.extractIf((x) => x === null);
    assertType<Equal<typeof extracted, (string | bigint | null)[]>>();
    const folded = ofMixed.reduce((acc, x) => acc + String(x), '');
    assertType<Equal<typeof folded, string>>();

    const strings = OptionVec.of('a');
    // @ts-expect-error toTypedArray exists for number vectors only
    expect(() => strings.toTypedArray()).toThrow(TypeError);
    // @ts-expect-error undefined is not an element type
    expect(() => new OptionVec<number | undefined>(1)).not.toThrow();
    // @ts-expect-error undefined is not an element
    expect(() => numberCapacity.push(undefined)).toThrow(TypeError);
    // @ts-expect-error a source holding undefined is not a source of elements
    expect(() => numberCapacity.extend([1, undefined])).toThrow(TypeError);
    // @ts-expect-error reduce takes no reducer-only form: initial is required
    expect(of.reduce((acc: number, x: number) => acc + x)).toBeNaN();
    // @ts-expect-error the view is read-only
    expect(() => (of.view()[0] = 5)).not.toThrow();
    expect(of.get(0)).toBe(1);
  });
});
