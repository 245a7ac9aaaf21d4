/**
 * Bulk copies: copyFrom (replace the contents with a range of a source) and copyTo (write
 * the live elements into a typed array, array or vector). All-or-nothing, overlap-safe
 * (copyWithin semantics when source and target share a buffer), and never exposing spare
 * slots.
 */

import fc from 'fast-check';
import { CapacityError, F32Vec, F64Vec, I64Vec, I8Vec, U8Vec } from '../src/index';
import { TYPED_KINDS, poisonSpare, type AnyVec, type Elem, type Kind } from './support/kinds';

/** The copy API, as the tests call it on every class. */
interface Copyable {
  readonly length: number;
  readonly capacity: number;
  copyFrom(source: unknown, srcStart?: number, count?: number): Copyable;
  copyTo<T>(target: T, targetStart?: number): T;
  toArray(): Elem[];
  view(): ArrayLike<Elem> & { buffer: ArrayBufferLike; slice(): ArrayLike<Elem> };
}

const K = (vec: AnyVec): Copyable => vec as unknown as Copyable;

function build(kind: Kind, items: readonly Elem[], capacity = items.length + 2): Copyable {
  const vec = kind.make(capacity);
  for (const item of items) vec.push(item);
  return K(poisonSpare(kind, vec));
}

/** A new typed array of the kind's own type holding `items`. */
function typed(kind: Kind, items: readonly Elem[]): ArrayLike<Elem> {
  return build(kind, items).view().slice();
}

/** A source, its start and count, all valid. */
function ranges(kind: Kind): fc.Arbitrary<{ items: Elem[]; start: number; count: number }> {
  return fc
    .array(kind.element, { maxLength: 30 })
    .chain((items) =>
      fc
        .integer({ min: 0, max: items.length })
        .chain((start) => fc.integer({ min: 0, max: items.length - start }).map((count) => ({ items, start, count }))),
    );
}

describe.each(TYPED_KINDS)('$name bulk copies', (kind) => {
  describe('copyFrom', () => {
    it('replaces the contents with source[srcStart, srcStart + count), from every kind of source', () => {
      fc.assert(
        fc.property(ranges(kind), fc.array(kind.element, { maxLength: 10 }), ({ items, start, count }, before) => {
          const expected = items.slice(start, start + count);
          const iterable = {
            *[Symbol.iterator]() {
              yield* items;
            },
          };
          const sources: unknown[] = [typed(kind, items), items, build(kind, items), iterable];
          for (const source of sources) {
            const v = build(kind, before, 32);
            expect(v.copyFrom(source, start, count)).toBe(v);
            expect(v.length).toBe(count);
            expect(v.toArray()).toEqual(expected);
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

    it('from the vector itself or a view of its own buffer behaves like copyWithin', () => {
      fc.assert(
        fc.property(ranges(kind), ({ items, start, count }) => {
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

    it('is all-or-nothing: too many elements, a bad range or a bad element change nothing', () => {
      const items = kind.samples.slice(0, 2);
      const v = build(kind, items, 3);
      const four = [...kind.samples, kind.samples[0]];
      expect(() => v.copyFrom(four)).toThrow(CapacityError);
      expect(() => v.copyFrom(four)).toThrow(`${kind.name}.copyFrom`);
      expect(() => v.copyFrom(typed(kind, four))).toThrow(CapacityError);
      expect(() => v.copyFrom(four, 0, 4)).toThrow(CapacityError);
      expect(() => v.copyFrom(four, 5)).toThrow(RangeError);
      expect(() => v.copyFrom(four, -1)).toThrow(RangeError);
      expect(() => v.copyFrom(four, 1.5)).toThrow(RangeError);
      expect(() => v.copyFrom(four, 1, 4)).toThrow(RangeError);
      expect(() => v.copyFrom(four, '1' as unknown as number)).toThrow(TypeError);
      expect(() => v.copyFrom([kind.samples[0], kind.wrongType])).toThrow(TypeError);
      expect(() => v.copyFrom(kind.isBigInt ? new Float64Array(1) : new BigInt64Array(1))).toThrow(TypeError);
      expect(() => v.copyFrom(42)).toThrow(TypeError);
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
        }),
        { numRuns: 40 },
      );
    });

    it('into a typed array that is too short, at a bad start, or of the wrong kind, throws and writes nothing', () => {
      const items = kind.samples.slice(0, 2);
      const v = build(kind, items);
      const target = typed(kind, [kind.samples[2], kind.samples[2], kind.samples[2]]);
      expect(() => v.copyTo(target, 2)).toThrow(RangeError);
      expect(() => v.copyTo(target, 2)).toThrow(`${kind.name}.copyTo`);
      expect(() => v.copyTo(target, -1)).toThrow(RangeError);
      expect(() => v.copyTo(target, 0.5)).toThrow(RangeError);
      expect(() => v.copyTo(target, '0' as unknown as number)).toThrow(TypeError);
      expect(() => v.copyTo(kind.isBigInt ? new Float64Array(4) : new BigInt64Array(4))).toThrow(TypeError);
      expect(() => v.copyTo(new DataView(new ArrayBuffer(64)))).toThrow(TypeError);
      expect(() => v.copyTo('abc')).toThrow(TypeError);
      expect(Array.from(target)).toEqual([kind.samples[2], kind.samples[2], kind.samples[2]]);
      expect(v.toArray()).toEqual(items);
    });

    it('writes into an array at targetStart <= its length, growing it as needed', () => {
      fc.assert(
        fc.property(fc.array(kind.element, { maxLength: 20 }), fc.array(kind.element, { maxLength: 10 }), fc.nat(), (items, existing, seed) => {
          const start = existing.length === 0 ? 0 : seed % (existing.length + 1);
          const target = [...existing];
          build(kind, items).copyTo(target, start);
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

    it('writes into a vector of the same class: overwrite from targetStart, grow within capacity', () => {
      fc.assert(
        fc.property(fc.array(kind.element, { maxLength: 12 }), fc.array(kind.element, { maxLength: 12 }), fc.nat(), (items, existing, seed) => {
          const start = seed % (existing.length + 1);
          const target = build(kind, existing, 30);
          expect(build(kind, items).copyTo(target, start)).toBe(target);
          const expected = [...existing];
          items.forEach((x, i) => (expected[start + i] = x));
          expect(target.toArray()).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });

    it('into a vector is all-or-nothing: capacity and start are checked first', () => {
      const v = build(kind, kind.samples.slice(0, 3));
      const target = build(kind, [kind.samples[2]], 3);
      expect(() => v.copyTo(target, 1)).toThrow(CapacityError);
      expect(() => v.copyTo(target, 2)).toThrow(RangeError);
      expect(target.toArray()).toEqual([kind.samples[2]]);
      v.copyTo(target, 0);
      expect(target.toArray()).toEqual(kind.samples.slice(0, 3));
    });

    it('into itself or a view of its own buffer behaves like copyWithin', () => {
      const [a, b, c] = kind.samples;
      const v = build(kind, [a, b, c], 6);
      v.copyTo(v, 1);
      expect(v.toArray()).toEqual([a, a, b, c]);
      const w = build(kind, [a, b, c], 6);
      // A typed array over the vector's whole buffer, shifted right by one element.
      const view = w.view() as unknown as { buffer: ArrayBuffer; constructor: new (b: ArrayBuffer, o: number, l: number) => ArrayLike<Elem> };
      const raw = new view.constructor(view.buffer, 0, 6);
      w.copyTo(raw, 1);
      expect(Array.from(raw).slice(0, 4)).toEqual([a, a, b, c]);
    });
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

  it('fills the spare slots it does not copy to with nothing observable', () => {
    const v = F64Vec.from([1, 2, 3, 4], 4);
    v.copyFrom([9]);
    expect(v.toArray()).toEqual([9]);
    expect(Array.from(v.view())).toEqual([9]);
    expect(v.at(1)).toBeUndefined();
  });
});
