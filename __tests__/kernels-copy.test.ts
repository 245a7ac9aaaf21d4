/**
 * Bulk copies: copyFrom (replace the contents with a range of a source) and copyTo (write
 * the live elements into a typed array, array or vector), for every class with numeric
 * kernels (the typed classes and OptionVec<number>). All-or-nothing, overlap-safe
 * (copyWithin semantics when source and target share a buffer), and never exposing spare
 * slots. A class that promises another's semantics (OptionVec<number>: F64Vec's) must copy
 * the same elements.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { CapacityError, F32Vec, F64Vec, I64Vec, I8Vec, U8Vec } from '../src/index';
import { labelled, outcome } from './support/assertions';
import {
  KERNEL_KINDS, KINDS_WITH_A_TWIN, // the kinds
  anyElement, int, vectorOf, // their data
} from './support/kernel-kinds';
import {
  KINDS,
  arrayCtorOf,
  arrayNamesHolding,
  convertWith,
  kindOfOtherType,
  otherKindOfSameType,
  typedArrayCtor,
  type AnyVec,
  type Elem,
  type Kind,
} from './support/kinds';
import { castVec, expectNonNumberElementRefused, expectValueOfNeverCalled, NON_NUMBERS, type KernelCalls } from './support/option-vec-casts';

/** The copy API, as the tests call it on every class. */
interface Copyable {
  readonly length: number;
  readonly capacity: number;
  copyFrom(source: unknown, srcStart?: number, count?: number): Copyable;
  copyTo<T>(target: T, targetStart?: number): T;
  toArray(): Elem[];
  at(index: number): Elem | undefined;
  view(): ArrayLike<Elem> & { buffer: ArrayBufferLike; slice(): ArrayLike<Elem> };
}

const K = (vec: AnyVec): Copyable => vec as unknown as Copyable;

/** A vector of `kind` holding `items`, of the given capacity, its spare slots holding the sentinel. */
const build = (kind: Kind, items: readonly Elem[], capacity = items.length + 2): Copyable => K(vectorOf(kind, items, capacity - items.length));

/** A new typed array of the kind's own type holding `items`. */
const typed = (kind: Kind, items: readonly Elem[]): ArrayLike<Elem> => arrayCtorOf(kind).from(items);

/** A one-shot iterable over `items`. */
function iterableOf(items: readonly Elem[]): Iterable<Elem> {
  return {
    *[Symbol.iterator]() {
      yield* items;
    },
  };
}

/** A source, its start and count, all valid. */
function ranges(element: fc.Arbitrary<Elem>): fc.Arbitrary<{ items: Elem[]; start: number; count: number }> {
  return fc
    .array(element, { maxLength: 30 })
    .chain((items) =>
      fc
        .integer({ min: 0, max: items.length })
        .chain((start) => fc.integer({ min: 0, max: items.length - start }).map((count) => ({ items, start, count }))),
    );
}

/** The other classes holding the kind's element type, for copies between classes. */
const sameTypeClasses = (kind: Kind): Kind[] => KINDS.filter((k) => k.isBigInt === kind.isBigInt && k.name !== kind.name);

describe.each(KERNEL_KINDS)('$name bulk copies', (kind) => {
  describe('copyFrom', () => {
    it('replaces the contents with source[srcStart, srcStart + count), from every kind of source', () => {
      fc.assert(
        fc.property(ranges(kind.element), fc.array(kind.element, { maxLength: 10 }), ({ items, start, count }, before) => {
          const expected = items.slice(start, start + count);
          const sources: [string, unknown][] = [
            ...kind.operandForms.map((form): [string, unknown] => [form.label, form.make(items)]),
            ['array', items],
            ['iterable', iterableOf(items)],
          ];
          for (const [label, source] of sources) {
            labelled(label, () => {
              const v = build(kind, before, 32);
              expect(v.copyFrom(source, start, count)).toBe(v);
              expect(v.length).toBe(count);
              expect(v.toArray()).toEqual(expected);
            });
          }
          // Defaults: srcStart 0, count everything from srcStart.
          const w = build(kind, before, 32);
          w.copyFrom(typed(kind, items));
          expect(w.toArray()).toEqual(items);
          const x = build(kind, before, 32);
          x.copyFrom(items, start);
          expect(x.toArray()).toEqual(items.slice(start));
        }),
        { numRuns: 40 },
      );
    });

    it('from the vector itself or its own view behaves like copyWithin', () => {
      fc.assert(
        fc.property(ranges(kind.element), ({ items, start, count }) => {
          const expected = items.slice(start, start + count);
          const v = build(kind, items, 32);
          v.copyFrom(v, start, count);
          expect(v.toArray()).toEqual(expected);
          const w = build(kind, items, 32);
          w.copyFrom(w.view(), start, count);
          expect(w.toArray()).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });

    it('converts from a typed array of every type holding its element type', () => {
      const values: Elem[] = kind.isBigInt ? [1n, -2n, 2n ** 40n] : [-1, 2, 1.9, 300, 0.1];
      for (const name of arrayNamesHolding(kind.isBigInt)) {
        const source = typedArrayCtor(name).from(values);
        expect([name, build(kind, [], 8).copyFrom(source).toArray()]).toEqual([name, Array.from(source).map(kind.convert)]);
      }
    });

    it('is all-or-nothing: too many elements, a bad range or a bad element change nothing', () => {
      const items = kind.samples.slice(0, 2);
      const v = build(kind, items, 3);
      const four = [...kind.samples, kind.samples[0]];
      expect(() => v.copyFrom(four)).toThrow(CapacityError);
      expect(() => v.copyFrom(four)).toThrow(`${kind.name}.copyFrom: the copy needs length 4 but the capacity is 3 (nothing was changed)`);
      expect(() => v.copyFrom(typed(kind, four))).toThrow(CapacityError);
      expect(() => v.copyFrom(build(kind, four))).toThrow(CapacityError);
      expect(() => v.copyFrom(four, 0, 4)).toThrow(CapacityError);
      expect(() => v.copyFrom(four, 5)).toThrow(RangeError);
      expect(() => v.copyFrom(four, -1)).toThrow(RangeError);
      expect(() => v.copyFrom(four, 1.5)).toThrow(RangeError);
      expect(() => v.copyFrom(four, 1, 4)).toThrow(RangeError);
      expect(() => v.copyFrom(four, '1' as unknown as number)).toThrow(TypeError);
      expect(() => v.copyFrom([kind.samples[0], kind.wrongType])).toThrow(TypeError);
      expect(() => v.copyFrom([kind.samples[0], '2'])).toThrow(`${kind.name}.copyFrom: expected a ${kind.elementTypeName}, got "2"`);
      for (const name of arrayNamesHolding(!kind.isBigInt)) expect([name, outcome(() => v.copyFrom(new (typedArrayCtor(name))(1)))]).toEqual([name, 'TypeError']);
      const otherType = kindOfOtherType(kind);
      expect(() => v.copyFrom(vectorOf(otherType, [int(otherType, 1)]))).toThrow(TypeError);
      for (const notASource of [42, '12', null, new DataView(new ArrayBuffer(8))]) expect(() => v.copyFrom(notASource)).toThrow(TypeError);
      expect(v.toArray()).toEqual(items);
      // Exactly the capacity fits.
      v.copyFrom(four, 1);
      expect(v.toArray()).toEqual(four.slice(1));
    });
  });

  describe('copyTo', () => {
    it('writes into a typed array at targetStart, leaving the rest of the target alone', () => {
      fc.assert(
        fc.property(fc.array(kind.element, { maxLength: 20 }), fc.nat(10), fc.nat(10), (items, start, extra) => {
          const v = build(kind, items);
          const filler = kind.samples[2];
          const target = typed(kind, new Array<Elem>(start + items.length + extra).fill(filler));
          expect(v.copyTo(target, start)).toBe(target);
          const expected = [...new Array<Elem>(start).fill(filler), ...items, ...new Array<Elem>(extra).fill(filler)];
          expect(Array.from(target)).toEqual(expected);
          expect(v.toArray()).toEqual(items);
        }),
        { numRuns: 40 },
      );
    });

    it('converts into a typed array of every type holding its element type', () => {
      const items = kind.samples;
      for (const name of arrayNamesHolding(kind.isBigInt)) {
        const target = new (typedArrayCtor(name))(4);
        build(kind, items).copyTo(target, 1);
        const convert = convertWith(typedArrayCtor(name));
        expect([name, Array.from(target)]).toEqual([name, [convert(int(kind, 0)), ...items.map(convert)]]);
      }
    });

    it('into a typed array that is too short, at a bad start, or of the wrong kind, throws and writes nothing', () => {
      const items = kind.samples.slice(0, 2);
      const v = build(kind, items);
      const target = typed(kind, [kind.samples[2], kind.samples[2], kind.samples[2]]);
      expect(() => v.copyTo(target, 2)).toThrow(RangeError);
      expect(() => v.copyTo(target, 2)).toThrow(
        `${kind.name}.copyTo: targetStart must be an integer from 0 to 1 so that 2 elements fit in a target of length 3, got 2`,
      );
      expect(() => v.copyTo(target, -1)).toThrow(RangeError);
      expect(() => v.copyTo(target, 0.5)).toThrow(RangeError);
      expect(() => v.copyTo(target, '0' as unknown as number)).toThrow(TypeError);
      for (const name of arrayNamesHolding(!kind.isBigInt)) expect([name, outcome(() => v.copyTo(new (typedArrayCtor(name))(4)))]).toEqual([name, 'TypeError']);
      expect(() => v.copyTo(new DataView(new ArrayBuffer(64)))).toThrow(TypeError);
      expect(() => v.copyTo('abc')).toThrow(`${kind.name}.copyTo: target must be an array, a typed array of ${kind.elementTypeName}s or a vector, got "abc"`);
      expect(Array.from(target)).toEqual([kind.samples[2], kind.samples[2], kind.samples[2]]);
      expect(v.toArray()).toEqual(items);
    });

    it('writes into an array at targetStart <= its length, growing it as needed', () => {
      fc.assert(
        fc.property(fc.array(kind.element, { maxLength: 20 }), fc.array(kind.element, { maxLength: 10 }), fc.nat(), (items, existing, seed) => {
          const start = existing.length === 0 ? 0 : seed % (existing.length + 1);
          const target = [...existing];
          expect(build(kind, items).copyTo(target, start)).toBe(target);
          const expected = [...existing];
          items.forEach((x, i) => (expected[start + i] = x));
          expect(target).toEqual(expected);
        }),
        { numRuns: 40 },
      );
      const v = build(kind, kind.samples.slice(0, 1));
      const target: Elem[] = [];
      expect(() => v.copyTo(target, 1)).toThrow(RangeError);
      expect(target).toEqual([]);
    });

    it('writes into a vector of any class holding its element type: overwrite from targetStart, grow within capacity, convert as the target stores', () => {
      for (const targetKind of [kind, ...sameTypeClasses(kind)]) {
        fc.assert(
          fc.property(fc.array(kind.element, { maxLength: 12 }), fc.array(targetKind.element, { maxLength: 12 }), fc.nat(), (items, existing, seed) => {
            const start = seed % (existing.length + 1);
            const target = build(targetKind, existing, 30);
            expect(build(kind, items).copyTo(target, start)).toBe(target);
            const expected = [...existing];
            items.forEach((x, i) => (expected[start + i] = targetKind.convert(x)));
            expect([targetKind.name, target.toArray()]).toEqual([targetKind.name, expected]);
          }),
          // Most runs into the same class; a few into each of the others.
          { numRuns: targetKind === kind ? 40 : 10 },
        );
      }
    });

    it('into a vector is all-or-nothing: capacity and start are checked first, for a vector of any class', () => {
      const v = build(kind, kind.samples.slice(0, 3));
      for (const targetKind of [kind, otherKindOfSameType(kind)]) {
        const existing = [int(targetKind, 9)];
        const target = build(targetKind, existing, 3);
        expect(() => v.copyTo(target, 1)).toThrow(CapacityError);
        expect(() => v.copyTo(target, 2)).toThrow(RangeError);
        expect([targetKind.name, target.toArray()]).toEqual([targetKind.name, existing]);
      }
      const target = build(kind, [kind.samples[2]], 3);
      v.copyTo(target, 0);
      expect(target.toArray()).toEqual(kind.samples.slice(0, 3));
    });

    it('into itself behaves like copyWithin', () => {
      const [a, b, c] = kind.samples;
      const v = build(kind, [a, b, c], 6);
      v.copyTo(v, 1);
      expect(v.toArray()).toEqual([a, a, b, c]);
      v.copyTo(v, 0);
      expect(v.toArray()).toEqual([a, a, b, c]);
    });
  });

  it('no kernel or copy makes a spare slot observable or changes a length it should not', () => {
    const n = (x: number) => int(kind, x);
    type Chain = { add(k: Elem, out: unknown): Chain; mul(v: unknown): Chain; abs(): Chain; map(fn: (x: Elem) => Elem): Chain };
    const v = build(kind, [1, 2, 3].map(n), 6);
    const out = build(kind, [0, 0, 0].map(n), 6);
    (v as unknown as Chain).add(n(1), out).mul(v).abs().map((x) => (typeof x === 'bigint' ? x + 1n : x + 1));
    expect(out.toArray()).toEqual([3, 7, 13].map(n));
    v.copyFrom([n(5)]);
    expect([v.length, v.at(1), v.capacity, Array.from(v.view())]).toEqual([1, undefined, 6, [n(5)]]);
    v.copyTo(out, 3);
    expect([out.length, out.at(-1), out.at(4)]).toEqual([4, n(5), undefined]);
    (out as unknown as AnyVec).truncate(1);
    expect(out.toArray()).toEqual([n(3)]);
    const full = build(kind, [1, 2, 3, 4].map(n), 4);
    full.copyFrom([n(9)]);
    expect([full.toArray(), Array.from(full.view()), full.at(1)]).toEqual([[n(9)], [n(9)], undefined]);
  });
});

describe.each(KERNEL_KINDS.filter((kind) => kind.isTyped))('$name copies over its own buffer', (kind) => {
  it('copyTo a typed array over the vector’s whole buffer, shifted by one element, behaves like copyWithin', () => {
    const [a, b, c] = kind.samples;
    const w = build(kind, [a, b, c], 6);
    const view = w.view();
    const raw = new (arrayCtorOf(kind))(view.buffer, 0, 6);
    w.copyTo(raw, 1);
    expect(Array.from(raw).slice(0, 4)).toEqual([a, a, b, c]);
  });
});

describe('copies between classes', () => {
  it('copyTo a vector of another class goes through its splice and converts as it stores', () => {
    const source = F64Vec.from([1.5, -2, 300]);
    const target = I8Vec.from([9, 9, 9, 9], 5);
    source.copyTo(target, 1);
    expect(target.toArray()).toEqual([9, 1, -2, 44]);
    source.copyTo(target, 2);
    expect(target.toArray()).toEqual([9, 1, 1, -2, 44]);
    const f32 = new F32Vec(4);
    F64Vec.from([0.1]).copyTo(f32);
    expect(f32.toArray()).toEqual([Math.fround(0.1)]);
    expect(() => F64Vec.from([1]).copyTo(new I64Vec(2) as unknown as F64Vec)).toThrow(TypeError);
    const small = U8Vec.from([1], 2);
    expect(() => F64Vec.from([1, 2]).copyTo(small, 1)).toThrow(CapacityError);
    expect(small.toArray()).toEqual([1]);
  });

  it('copyFrom a vector of another class or a typed array of another number type converts', () => {
    expect(I8Vec.from([], 4).copyFrom(F64Vec.from([1.9, 300])).toArray()).toEqual([1, 44]);
    expect(F64Vec.from([], 4).copyFrom(new Int8Array([-1, 2])).toArray()).toEqual([-1, 2]);
    expect(F32Vec.from([], 4).copyFrom(new Float64Array([0.1]), 0, 1).toArray()).toEqual([Math.fround(0.1)]);
  });

  it('copyFrom a shifted view of the same buffer behaves like copyWithin', () => {
    const v = F64Vec.from([0, 1, 2, 3, 4, 5, 6, 7]);
    v.copyFrom(new Float64Array(v.view().buffer, 16, 5));
    expect(v.toArray()).toEqual([2, 3, 4, 5, 6]);
    const w = F64Vec.from([0, 1, 2, 3, 4, 5, 6, 7]);
    w.copyFrom(w.view(), 0, 3);
    expect(w.toArray()).toEqual([0, 1, 2]);
  });
});

// ---------------------------------------------------------------------------------------
// A class that promises another's semantics
// ---------------------------------------------------------------------------------------

describe.each(KINDS_WITH_A_TWIN)('$name copies agree with $twin.name', (kind) => {
  it('copyFrom any source, and copyTo a typed array, an array or a vector of either class, give the same elements', () => {
    fc.assert(
      fc.property(ranges(anyElement(kind)), fc.array(anyElement(kind), { maxLength: 10 }), ({ items, start, count }, existing) => {
        for (const [label, make] of [...kind.operandForms.map((f) => [f.label, f.make] as const), ['iterable', iterableOf] as const]) {
          const [a, b] = [kind, kind.twin].map((k) => build(k, existing, 32).copyFrom(make(items), start, count).toArray());
          expect([label, a]).toEqual([label, b]);
        }
        const targetStart = existing.length === 0 ? 0 : start % (existing.length + 1);
        const targets: [string, () => unknown, (t: unknown) => unknown[]][] = [
          ['typed array', () => typed(kind, new Array<Elem>(targetStart + items.length).fill(int(kind, 7))), (t) => Array.from(t as ArrayLike<Elem>)],
          ['array', () => [...existing], (t) => t as unknown[]],
          [kind.name, () => build(kind, existing, 40), (t) => (t as Copyable).toArray()],
          [kind.twin.name, () => build(kind.twin, existing, 40), (t) => (t as Copyable).toArray()],
        ];
        for (const [label, makeTarget, contents] of targets) {
          const [a, b] = [kind, kind.twin].map((k) => contents(build(k, items).copyTo(makeTarget(), targetStart)));
          expect([label, a]).toEqual([label, b]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// OptionVec<number> only: what a type cast lets in, and freed slots
// ---------------------------------------------------------------------------------------

const COPY_TO: KernelCalls = (v) => [['copyTo', () => v.copyTo(new Float64Array(v.length))]];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('OptionVec<number> copies only', () => {
  it.each(NON_NUMBERS)('an element %s (let in by a type cast): copyTo throws a TypeError naming the index', (_name, bad) => {
    expectNonNumberElementRefused(bad, COPY_TO);
  });

  it('copyFrom an OptionVec holding a non-number throws naming the index of the source; nothing changes', () => {
    const v = build(KERNEL_KINDS.find((k) => !k.isTyped)!, [1, 2], 3);
    expect(() => v.copyFrom(castVec([1, 'x']))).toThrow('OptionVec.copyFrom: expected a number at index 1 of the source, got "x"');
    expect(v.toArray()).toEqual([1, 2]);
  });

  it('an element with valueOf is refused, not converted: no user code runs', () => {
    expectValueOfNeverCalled(COPY_TO, (v, bad) => [['copyFrom', () => v.copyFrom(bad)]]);
  });

  it('copyFrom that shrinks the vector sets the freed slots back to undefined (the old values can be collected)', async () => {
    const objects = Array.from({ length: 6 }, (_, i) => ({ id: i }));
    const vec = castVec(objects, 0);
    const ref = new WeakRef(objects[4]);
    objects.length = 0;
    vec.copyFrom([1, 2]);
    expect(vec.toArray()).toEqual([1, 2]);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(ref.deref()).toBeUndefined();
  });
});
