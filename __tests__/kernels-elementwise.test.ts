/**
 * Element-wise kernels: add, sub, mul, div, scale, axpy, clamp, abs, map. Every typed
 * class is checked against a reference that applies the documented semantics element by
 * element, in every form (scalar, vector, typed array operand; in place; into `out`; with
 * `out` aliasing this vector or the operand; the vector as its own operand), and every
 * failing call is checked to change nothing.
 */

import fc from 'fast-check';
import { EmptyError, F32Vec, F64Vec, I32Vec, I64Vec, I8Vec, U64Vec, U8ClampedVec, U8Vec } from '../src/index';
import { TYPED_KINDS, poisonSpare, type AnyVec, type Elem, type Kind } from './support/kinds';

type BinaryName = 'add' | 'sub' | 'mul' | 'div';

/** The element-wise API, as the tests call it on every class. */
interface Elementwise {
  readonly length: number;
  add(operand: unknown, out?: unknown): Elementwise;
  sub(operand: unknown, out?: unknown): Elementwise;
  mul(operand: unknown, out?: unknown): Elementwise;
  div(operand: unknown, out?: unknown): Elementwise;
  scale(k: unknown, out?: unknown): Elementwise;
  axpy(a: unknown, x: unknown, out?: unknown): Elementwise;
  clamp(lo: unknown, hi: unknown, out?: unknown): Elementwise;
  abs(out?: unknown): Elementwise;
  map(fn: unknown, out?: unknown): Elementwise;
  toArray(): Elem[];
  view(): ArrayLike<Elem> & { slice(): ArrayLike<Elem> };
  push(value: Elem): void;
  pop(): Elem;
}

const E = (vec: AnyVec): Elementwise => vec as unknown as Elementwise;

const WRAPPING = new Set(['I32Vec', 'U32Vec', 'I16Vec', 'U16Vec', 'I8Vec', 'U8Vec']);
const FLOATS = new Set(['F64Vec', 'F32Vec']);

/** A vector holding `items` with spare slots holding the sentinel. */
function build(kind: Kind, items: readonly Elem[], spare = 2): Elementwise {
  const vec = kind.make(items.length + spare);
  for (const item of items) vec.push(item);
  return E(poisonSpare(kind, vec));
}

// ---------------------------------------------------------------------------------------
// Reference semantics
// ---------------------------------------------------------------------------------------

function apply(op: BinaryName, x: number, y: number): number {
  return op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
}

function applyBig(op: BinaryName, x: bigint, y: bigint): bigint {
  return op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
}

/**
 * What `x op y` stores: bigint kinds compute exactly and wrap; wrapping integer kinds give
 * the exact result modulo 2^bits for add/sub/mul with an integer operand; everything else
 * is computed in double and converted as the typed array converts.
 */
function reference(kind: Kind, op: BinaryName, x: Elem, y: Elem): Elem {
  if (kind.isBigInt) return kind.convert(applyBig(op, x as bigint, y as bigint));
  const a = x as number;
  const b = y as number;
  if (WRAPPING.has(kind.name) && op !== 'div' && Number.isInteger(b)) {
    return kind.convert(Number(BigInt.asIntN(32, applyBig(op, BigInt(a), BigInt(b)))));
  }
  return kind.convert(apply(op, a, b));
}

function referenceAxpy(kind: Kind, x: Elem, a: Elem, y: Elem): Elem {
  if (kind.isBigInt) return kind.convert((x as bigint) + (a as bigint) * (y as bigint));
  if (WRAPPING.has(kind.name) && Number.isInteger(a)) {
    return kind.convert(Number(BigInt.asIntN(32, BigInt(x as number) + BigInt(a as number) * BigInt(y as number))));
  }
  return kind.convert((x as number) + (a as number) * (y as number));
}

/** Vector elements, with special values mixed in for float kinds. */
function elements(kind: Kind): fc.Arbitrary<Elem> {
  if (!FLOATS.has(kind.name)) return kind.element;
  return fc.oneof({ arbitrary: kind.element, weight: 6 }, { arbitrary: fc.constantFrom<Elem>(NaN, -0, 0, Infinity, -Infinity), weight: 1 });
}

/** Scalars: elements, plus (number kinds) any double: fractions, huge, NaN, infinities. */
function scalars(kind: Kind): fc.Arbitrary<Elem> {
  if (kind.isBigInt) return fc.oneof(kind.element, fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }));
  return fc.oneof(
    { arbitrary: kind.element, weight: 3 },
    { arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), weight: 1 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.constantFrom<Elem>(0, -0, 0.5, -1.5, 2 ** 60, NaN, Infinity, -Infinity), weight: 1 },
  );
}

/** Pairs of equal-length element arrays. */
function pairs(kind: Kind): fc.Arbitrary<[Elem[], Elem[]]> {
  return fc.array(fc.tuple(elements(kind), elements(kind)), { maxLength: 24 }).map((ts) => [ts.map((t) => t[0]), ts.map((t) => t[1])]);
}

const nonZero = (kind: Kind) => (y: Elem) => !kind.isBigInt || y !== 0n;

// ---------------------------------------------------------------------------------------
// Per-kind suites
// ---------------------------------------------------------------------------------------

describe.each(TYPED_KINDS)('$name element-wise', (kind) => {
  describe.each(['add', 'sub', 'mul', 'div'] as const)('%s', (op) => {
    it('with a scalar, in place and into out, matches the reference', () => {
      fc.assert(
        fc.property(fc.array(elements(kind), { maxLength: 24 }), scalars(kind).filter(nonZero(kind)), (xs, k) => {
          const expected = xs.map((x) => reference(kind, op, x, k));
          const a = build(kind, xs);
          expect(a[op](k)).toBe(a);
          expect(a.toArray()).toEqual(expected);
          const b = build(kind, xs);
          const out = build(kind, xs.map(() => kind.samples[0]));
          expect(b[op](k, out)).toBe(out);
          expect(out.toArray()).toEqual(expected);
          expect(b.toArray()).toEqual(xs);
        }),
        { numRuns: 40 },
      );
    });

    it('with a vector or typed array operand, in every aliasing form, matches the reference', () => {
      fc.assert(
        fc.property(pairs(kind).filter(([, ys]) => ys.every(nonZero(kind))), ([xs, ys]) => {
          const expected = xs.map((x, i) => reference(kind, op, x, ys[i]));
          // In place, vector operand; the operand is untouched.
          let a = build(kind, xs);
          let b = build(kind, ys);
          expect(a[op](b)).toBe(a);
          expect(a.toArray()).toEqual(expected);
          expect(b.toArray()).toEqual(ys);
          // Typed array operand (a copy, and a view of another vector).
          a = build(kind, xs);
          a[op](build(kind, ys).view().slice());
          expect(a.toArray()).toEqual(expected);
          a = build(kind, xs);
          a[op](build(kind, ys).view());
          expect(a.toArray()).toEqual(expected);
          // Into a separate out: neither input changes.
          a = build(kind, xs);
          b = build(kind, ys);
          const out = build(kind, xs.map(() => kind.samples[1]));
          expect(a[op](b, out)).toBe(out);
          expect(out.toArray()).toEqual(expected);
          expect(a.toArray()).toEqual(xs);
          expect(b.toArray()).toEqual(ys);
          // out aliasing this vector: a.op(b, a).
          a = build(kind, xs);
          b = build(kind, ys);
          expect(a[op](b, a)).toBe(a);
          expect(a.toArray()).toEqual(expected);
          // out aliasing the operand: a.op(b, b).
          a = build(kind, xs);
          b = build(kind, ys);
          expect(a[op](b, b)).toBe(b);
          expect(b.toArray()).toEqual(expected);
          expect(a.toArray()).toEqual(xs);
        }),
        { numRuns: 35 },
      );
    });

    it('with itself as the operand (v.op(v), v.op(v, out), v.op(v.view())) matches the reference', () => {
      fc.assert(
        fc.property(fc.array(elements(kind), { maxLength: 24 }).filter((xs) => xs.every(nonZero(kind))), (xs) => {
          const expected = xs.map((x) => reference(kind, op, x, x));
          const v = build(kind, xs);
          expect(v[op](v).toArray()).toEqual(expected);
          const w = build(kind, xs);
          expect(w[op](w.view()).toArray()).toEqual(expected);
          const u = build(kind, xs);
          const out = build(kind, xs.map(() => kind.samples[0]));
          expect(u[op](u, out).toArray()).toEqual(expected);
          expect(u.toArray()).toEqual(xs);
        }),
        { numRuns: 30 },
      );
    });

    it('throws RangeError for a length mismatch (operand or out) and changes nothing', () => {
      const a = build(kind, kind.samples.slice(0, 2));
      const b = build(kind, kind.samples.slice(0, 3));
      const out = build(kind, kind.samples.slice(0, 1));
      expect(() => a[op](b)).toThrow(RangeError);
      expect(() => a[op](b)).toThrow(`${kind.name}.${op}`);
      expect(() => a[op](b.view())).toThrow(/length 2 .*length 3/);
      expect(() => a[op](kind.samples[0], out)).toThrow(RangeError);
      expect(() => a[op](kind.samples[0], out)).toThrow(/out has length 1/);
      expect(a.toArray()).toEqual(kind.samples.slice(0, 2));
      expect(b.toArray()).toEqual(kind.samples.slice(0, 3));
      expect(out.toArray()).toEqual(kind.samples.slice(0, 1));
    });

    it('throws TypeError for an operand of the wrong type or kind, and for a bad out; changes nothing', () => {
      const items = kind.samples.slice(0, 2);
      const a = build(kind, items);
      const otherKindArray = kind.name === 'F64Vec' ? new Float32Array(2) : kind.name === 'I64Vec' ? new BigUint64Array(2) : kind.isBigInt ? new BigInt64Array(2) : new Float64Array(2);
      const otherVec = TYPED_KINDS.find((k) => k.name !== kind.name && k.isBigInt === kind.isBigInt)!.make(2);
      otherVec.push(kind.isBigInt ? 1n : 1);
      for (const bad of [kind.wrongType, '1', null, undefined, {}, [...items], otherKindArray, otherVec]) {
        expect(() => a[op](bad)).toThrow(TypeError);
      }
      expect(() => a[op](kind.samples[0], [0, 0])).toThrow(TypeError);
      expect(() => a[op](kind.samples[0], otherVec)).toThrow(TypeError);
      expect(a.toArray()).toEqual(items);
    });
  });

  it('scale(k) is mul(k) for every scalar, in place and into out; non-scalars are a TypeError', () => {
    fc.assert(
      fc.property(fc.array(elements(kind), { maxLength: 24 }), scalars(kind), (xs, k) => {
        const expected = xs.map((x) => reference(kind, 'mul', x, k));
        const a = build(kind, xs);
        expect(a.scale(k)).toBe(a);
        expect(a.toArray()).toEqual(expected);
        const out = build(kind, xs.map(() => kind.samples[0]));
        const b = build(kind, xs);
        expect(b.scale(k, out).toArray()).toEqual(expected);
        expect(b.toArray()).toEqual(xs);
      }),
      { numRuns: 40 },
    );
    const a = build(kind, kind.samples.slice(0, 2));
    expect(() => a.scale(kind.wrongType)).toThrow(TypeError);
    expect(() => a.scale(a)).toThrow(TypeError);
    expect(a.toArray()).toEqual(kind.samples.slice(0, 2));
  });

  it('axpy(a, x) is this + a*x, including x = this and out aliasing either input', () => {
    fc.assert(
      fc.property(pairs(kind), scalars(kind), ([xs, ys], s) => {
        const expected = xs.map((x, i) => referenceAxpy(kind, x, s, ys[i]));
        let v = build(kind, xs);
        let x = build(kind, ys);
        expect(v.axpy(s, x)).toBe(v);
        expect(v.toArray()).toEqual(expected);
        expect(x.toArray()).toEqual(ys);
        v = build(kind, xs);
        v.axpy(s, build(kind, ys).view().slice());
        expect(v.toArray()).toEqual(expected);
        v = build(kind, xs);
        x = build(kind, ys);
        expect(v.axpy(s, x, x)).toBe(x);
        expect(x.toArray()).toEqual(expected);
        expect(v.toArray()).toEqual(xs);
        v = build(kind, xs);
        v.axpy(s, v);
        expect(v.toArray()).toEqual(xs.map((e) => referenceAxpy(kind, e, s, e)));
      }),
      { numRuns: 40 },
    );
  });

  it('axpy rejects a wrong-type scalar, a scalar x and mismatched lengths, changing nothing', () => {
    const items = kind.samples.slice(0, 2);
    const v = build(kind, items);
    const one = kind.isBigInt ? 1n : 1;
    expect(() => v.axpy(kind.wrongType, v)).toThrow(TypeError);
    expect(() => v.axpy(one, one)).toThrow(TypeError);
    expect(() => v.axpy(one, build(kind, kind.samples.slice(0, 3)))).toThrow(RangeError);
    expect(() => v.axpy(one, v, build(kind, []))).toThrow(RangeError);
    expect(v.toArray()).toEqual(items);
  });

  it('clamp(lo, hi) limits every element, in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements(kind), { maxLength: 24 }), kind.element, kind.element, (xs, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const expected = xs.map((x) => kind.convert(x < lo ? lo : x > hi ? hi : x));
        const v = build(kind, xs);
        expect(v.clamp(lo, hi)).toBe(v);
        expect(v.toArray()).toEqual(expected);
        const w = build(kind, xs);
        const out = build(kind, xs.map(() => kind.samples[0]));
        expect(w.clamp(lo, hi, out).toArray()).toEqual(expected);
        expect(w.toArray()).toEqual(xs);
      }),
      { numRuns: 40 },
    );
  });

  it('clamp rejects lo > hi, NaN bounds and wrong types, changing nothing', () => {
    const items = kind.samples.slice(0, 2);
    const v = build(kind, items);
    const [one, two] = kind.isBigInt ? [1n, 2n] : [1, 2];
    expect(() => v.clamp(two, one)).toThrow(RangeError);
    expect(() => v.clamp(two, one)).toThrow(`${kind.name}.clamp`);
    if (!kind.isBigInt) {
      expect(() => v.clamp(NaN, 1)).toThrow(RangeError);
      expect(() => v.clamp(0, NaN)).toThrow(RangeError);
    }
    expect(() => v.clamp(kind.wrongType, two)).toThrow(TypeError);
    expect(() => v.clamp(one, kind.wrongType)).toThrow(TypeError);
    expect(v.toArray()).toEqual(items);
  });

  it('abs() matches the reference, in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements(kind), { maxLength: 24 }), (xs) => {
        const expected = xs.map((x) => kind.convert(typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(x)));
        const v = build(kind, xs);
        expect(v.abs()).toBe(v);
        expect(v.toArray()).toEqual(expected);
        const w = build(kind, xs);
        const out = build(kind, xs.map(() => kind.samples[0]));
        expect(w.abs(out)).toBe(out);
        expect(out.toArray()).toEqual(expected);
        expect(w.toArray()).toEqual(xs);
      }),
      { numRuns: 40 },
    );
  });

  it('map(fn) replaces each element by fn(element, index), in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements(kind), { maxLength: 40 }), (xs) => {
        const fn = kind.isBigInt ? (x: bigint, i: number) => x * 3n - BigInt(i) : (x: number, i: number) => x * 3 - i;
        const expected = xs.map((x, i) => kind.convert((fn as (x: Elem, i: number) => Elem)(x, i)));
        const v = build(kind, xs);
        expect(v.map(fn)).toBe(v);
        expect(v.toArray()).toEqual(expected);
        const w = build(kind, xs);
        const out = build(kind, xs.map(() => kind.samples[0]));
        expect(w.map(fn, out)).toBe(out);
        expect(out.toArray()).toEqual(expected);
        expect(w.toArray()).toEqual(xs);
      }),
      { numRuns: 40 },
    );
  });

  it('map is all-or-nothing: a throwing callback or a wrong-type result changes nothing', () => {
    const items = kind.samples.slice(0, 3);
    const v = build(kind, items);
    const boom = new Error('boom');
    expect(() =>
      v.map((x: Elem, i: number) => {
        if (i === 2) throw boom;
        return x;
      }),
    ).toThrow(boom);
    expect(v.toArray()).toEqual(items);
    expect(() => v.map((_x: Elem, i: number) => (i === 1 ? kind.wrongType : kind.samples[0]))).toThrow(TypeError);
    expect(() => v.map((_x: Elem, i: number) => (i === 1 ? kind.wrongType : kind.samples[0]))).toThrow(/index 1/);
    expect(v.toArray()).toEqual(items);
    expect(() => v.map('not a function')).toThrow(TypeError);
    expect(() => v.map((x: Elem) => x, build(kind, []))).toThrow(RangeError);
    expect(v.toArray()).toEqual(items);
  });

  it('map sees the original elements and throws when the callback changes the length', () => {
    const items = kind.samples.slice(0, 3);
    const v = build(kind, items, 4);
    const seen: Elem[] = [];
    v.map((x: Elem) => {
      seen.push(x);
      return kind.samples[0];
    });
    expect(seen).toEqual(items);
    const w = build(kind, items, 4);
    expect(() =>
      w.map((x: Elem) => {
        w.push(x);
        return x;
      }),
    ).toThrow(/changed the length/);
    // A nested map (from inside the callback) gets its own scratch buffer.
    const outer = build(kind, items);
    const inner = build(kind, items);
    outer.map((x: Elem) => {
      inner.map((y: Elem) => y);
      return x;
    });
    expect(outer.toArray()).toEqual(items);
    expect(inner.toArray()).toEqual(items);
  });

  it('every kernel on an empty vector is a no-op returning the vector', () => {
    const v = build(kind, []);
    const k = kind.isBigInt ? 1n : 1;
    expect(v.add(k)).toBe(v);
    expect(v.sub(v)).toBe(v);
    expect(v.mul(k, v)).toBe(v);
    expect(v.div(k)).toBe(v);
    expect(v.scale(k)).toBe(v);
    expect(v.axpy(k, v)).toBe(v);
    expect(v.clamp(k, k)).toBe(v);
    expect(v.abs()).toBe(v);
    expect(v.map(() => k)).toBe(v);
    expect(v.length).toBe(0);
    expect(() => (v as unknown as { min(): Elem }).min()).toThrow(EmptyError);
  });
});

// ---------------------------------------------------------------------------------------
// Documented examples
// ---------------------------------------------------------------------------------------

describe('documented integer and float semantics', () => {
  it('wrapping kinds wrap, and integer scalars are exact modulo 2^bits', () => {
    expect(I8Vec.from([100]).add(100).toArray()).toEqual([-56]);
    expect(I8Vec.from([100]).add(2 ** 60).toArray()).toEqual([100]);
    expect(I32Vec.from([2 ** 31 - 1]).mul(2 ** 31 - 1).toArray()).toEqual([Math.imul(2 ** 31 - 1, 2 ** 31 - 1)]);
    expect(I32Vec.from([2 ** 31 - 1]).mul(I32Vec.from([2 ** 31 - 1])).toArray()).toEqual([1]);
    expect(I32Vec.from([7]).mul(0.5).toArray()).toEqual([3]);
    expect(I32Vec.from([5, -5, 0]).div(0).toArray()).toEqual([0, 0, 0]);
    expect(I32Vec.from([-7]).div(2).toArray()).toEqual([-3]);
    expect(I8Vec.from([-128, 5]).abs().toArray()).toEqual([-128, 5]);
    expect(U8Vec.from([255, 0]).abs().toArray()).toEqual([255, 0]);
    expect(I32Vec.from([1]).add(NaN).toArray()).toEqual([0]);
  });

  it('U8ClampedVec clamps and rounds half to even', () => {
    expect(U8ClampedVec.from([200]).add(100).toArray()).toEqual([255]);
    expect(U8ClampedVec.from([3]).sub(5).toArray()).toEqual([0]);
    expect(U8ClampedVec.from([5, 7]).div(2).toArray()).toEqual([2, 4]);
    expect(U8ClampedVec.from([5, 0]).div(0).toArray()).toEqual([255, 0]);
  });

  it('floats follow IEEE; F32Vec rounds each result to float32', () => {
    expect(F64Vec.from([1, -1, 0]).div(0).toArray()).toEqual([Infinity, -Infinity, NaN]);
    expect(F32Vec.from([1]).add(1e-8).toArray()).toEqual([1]);
    expect(F32Vec.from([0.1]).add(0.2).toArray()).toEqual([Math.fround(Math.fround(0.1) + 0.2)]);
    expect(F64Vec.from([-0, NaN, 5]).clamp(-1, 1).toArray()).toEqual([-0, NaN, 1]);
    expect(F64Vec.from([-0]).abs().toArray()).toEqual([0]);
  });

  it('bigint kinds are exact then wrapped; division truncates; 0n divisors throw before any write', () => {
    expect(I64Vec.from([-7n, 7n]).div(2n).toArray()).toEqual([-3n, 3n]);
    const min = -(2n ** 63n);
    expect(I64Vec.from([min]).div(-1n).toArray()).toEqual([min]);
    expect(I64Vec.from([min]).abs().toArray()).toEqual([min]);
    expect(U64Vec.from([2n ** 64n - 1n]).add(2n).toArray()).toEqual([1n]);
    const v = I64Vec.from([1n, 2n, 3n]);
    expect(() => v.div(0n)).toThrow(RangeError);
    expect(() => v.div(I64Vec.from([1n, 1n, 0n]))).toThrow(/index 2/);
    expect(v.toArray()).toEqual([1n, 2n, 3n]);
  });
});

// ---------------------------------------------------------------------------------------
// Shifted overlap: vectors over one buffer
// ---------------------------------------------------------------------------------------

type Over = { assumeInit?: (memory: ArrayBuffer, byteOffset: number, capacity: number, length: number) => F64Vec };
const assumeInit = (F64Vec as unknown as Over).assumeInit;
const itWithSlabs = typeof assumeInit === 'function' ? it : it.skip;

describe('vectors over one buffer at shifted offsets', () => {
  function slab(): { buffer: ArrayBuffer; raw: Float64Array } {
    const buffer = new ArrayBuffer(8 * 16);
    const raw = new Float64Array(buffer);
    for (let i = 0; i < 16; i++) raw[i] = i;
    return { buffer, raw };
  }

  itWithSlabs('out starting inside this vector, after its start, still reads the original elements', () => {
    const { buffer } = slab();
    const a = assumeInit!.call(F64Vec, buffer, 0, 8, 8); // elements 0..7
    const out = assumeInit!.call(F64Vec, buffer, 16, 8, 8); // elements 2..9
    a.add(1, out);
    expect(out.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  itWithSlabs('an operand starting before this vector inside the same buffer is read before it is overwritten', () => {
    const { buffer } = slab();
    const b = assumeInit!.call(F64Vec, buffer, 0, 8, 8); // elements 0..7
    const c = assumeInit!.call(F64Vec, buffer, 16, 8, 8); // elements 2..9
    c.add(b);
    expect(c.toArray()).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    const { buffer: buffer2 } = slab();
    const d = assumeInit!.call(F64Vec, buffer2, 16, 8, 8);
    d.axpy(2, new Float64Array(buffer2, 0, 8));
    expect(d.toArray()).toEqual([2, 5, 8, 11, 14, 17, 20, 23]);
  });

  itWithSlabs('out starting before this vector needs no copy and is right too', () => {
    const { buffer } = slab();
    const a = assumeInit!.call(F64Vec, buffer, 16, 8, 8); // elements 2..9
    const out = assumeInit!.call(F64Vec, buffer, 0, 8, 8); // elements 0..7
    a.mul(10, out);
    expect(out.toArray()).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
  });
});

describe('types', () => {
  it('a kernel with out returns out with its capacity type; without out, this', () => {
    const a = new F64Vec(16);
    const out = new F64Vec(16);
    const r: F64Vec<16> = a.add(1, out);
    const s: F64Vec<16> = a.mul(a);
    const t: I8Vec<4> = I8Vec.from([], 4).abs(new I8Vec(4) as I8Vec<4>).map((x) => x);
    expect([r, s, t].map((v) => v.length)).toEqual([0, 0, 0]);
  });
});
