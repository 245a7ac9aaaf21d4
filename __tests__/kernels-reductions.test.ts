/**
 * Reductions over the live elements: sum, mean, min, max, argmin, argmax, dot,
 * sumOfSquares, norm. Every typed class is checked against a straightforward reference:
 * exactly for integer kinds (bigint kinds with BigInt arithmetic), and for float kinds
 * within the documented bound, measured against the exact result computed with BigInt
 * (every double is an integer multiple of 2^-1074).
 */

import fc from 'fast-check';
import { EmptyError, F32Vec, F64Vec, I32Vec, U32Vec, U64Vec, I64Vec } from '../src/index';
import { pairwiseRoundings } from '../src/kernels-support';
import { TYPED_KINDS, poisonSpare, type AnyVec, type Elem, type Kind } from './support/kinds';

/** The reduction API, as the tests call it on every class. */
interface Reducible {
  readonly length: number;
  sum(): Elem;
  mean(): number;
  min(): Elem;
  max(): Elem;
  argmin(): number;
  argmax(): number;
  dot(other: unknown): Elem;
  sumOfSquares(): Elem;
  norm?(): number;
  toArray(): Elem[];
}

const R = (vec: AnyVec): Reducible => vec as unknown as Reducible;

const isFloat = (kind: Kind): boolean => kind.name === 'F64Vec' || kind.name === 'F32Vec';

/** A vector holding `items` with `spare` extra slots, each holding the kind's sentinel. */
function build(kind: Kind, items: readonly Elem[], spare = 3): AnyVec {
  const vec = kind.make(items.length + spare);
  for (const item of items) vec.push(item);
  return poisonSpare(kind, vec);
}

/** Elements for a kind, with the special float values mixed in for float kinds. */
function elements(kind: Kind): fc.Arbitrary<Elem> {
  if (!isFloat(kind)) return kind.element;
  const specials = fc.constantFrom<Elem>(NaN, -0, 0, Infinity, -Infinity);
  return fc.oneof({ arbitrary: kind.element, weight: 8 }, { arbitrary: specials, weight: 1 });
}

/** Arrays long enough to span several pairwise leaves (128 elements) now and then. */
function arrays<T>(element: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof({ arbitrary: fc.array(element, { maxLength: 40 }), weight: 3 }, { arbitrary: fc.array(element, { minLength: 100, maxLength: 1100 }), weight: 1 });
}

// ---------------------------------------------------------------------------------------
// Exact arithmetic on doubles
// ---------------------------------------------------------------------------------------

const view = new DataView(new ArrayBuffer(8));

/** `x * 2^1074` as an exact BigInt, for finite `x`. */
function scaled(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * Whether `computed` is within `gamma(h) * magnitudes + slack` of `exact`, all at the scale
 * `2^shift` (so the comparison is exact): `|c - e| * (2^53 - h) <= h * magnitudes + slack * (2^53 - h)`.
 */
function withinGamma(computed: bigint, exact: bigint, magnitudes: bigint, h: number, slack = 0n): boolean {
  const denominator = (1n << 53n) - BigInt(h);
  return abs(computed - exact) * denominator <= BigInt(h) * magnitudes + slack * denominator;
}

/** The left-to-right loop the kernels replace. */
function naiveSum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

// ---------------------------------------------------------------------------------------
// Per-kind suites
// ---------------------------------------------------------------------------------------

describe.each(TYPED_KINDS)('$name reductions', (kind) => {
  const zero: Elem = kind.isBigInt ? 0n : 0;

  describe('on an empty vector', () => {
    it('sum, dot and sumOfSquares are the empty sum (+0 or 0n), norm is 0', () => {
      const vec = R(build(kind, []));
      expect(Object.is(vec.sum(), zero)).toBe(true);
      expect(Object.is(vec.dot(kind.make(0)), zero)).toBe(true);
      expect(Object.is(vec.sumOfSquares(), zero)).toBe(true);
      if (!kind.isBigInt) expect(Object.is(vec.norm!(), 0)).toBe(true);
    });

    it.each(['min', 'max', 'argmin', 'argmax', 'mean'] as const)('%s throws EmptyError naming the method', (method) => {
      const vec = R(build(kind, []));
      expect(() => vec[method]()).toThrow(EmptyError);
      expect(() => vec[method]()).toThrow(`${kind.name}.${method}`);
    });
  });

  it('length 1: every reduction is the element itself (or its index 0)', () => {
    fc.assert(
      fc.property(kind.element, (x) => {
        const vec = R(build(kind, [x]));
        expect(vec.sum()).toBe(x);
        expect(vec.min()).toBe(x);
        expect(vec.max()).toBe(x);
        expect(vec.argmin()).toBe(0);
        expect(vec.argmax()).toBe(0);
        expect(vec.mean()).toBe(Number(x));
      }),
      { numRuns: 50 },
    );
  });

  it('sum matches the reference (exact for integer kinds, within the bound for floats) and ignores spare slots', () => {
    fc.assert(
      fc.property(arrays(kind.element), (items) => {
        const vec = R(build(kind, items));
        const got = vec.sum();
        if (kind.isBigInt) {
          expect(got).toBe((items as bigint[]).reduce((a, b) => a + b, 0n));
        } else if (!isFloat(kind)) {
          expect(got).toBe(naiveSum(items as number[]) + 0);
        } else {
          const xs = items as number[];
          const exact = xs.reduce((a, x) => a + scaled(x), 0n);
          const magnitudes = xs.reduce((a, x) => a + abs(scaled(x)), 0n);
          expect(withinGamma(scaled(got as number), exact, magnitudes, pairwiseRoundings(xs.length))).toBe(true);
        }
        expect(vec.toArray()).toEqual(items);
      }),
      { numRuns: 60 },
    );
  });

  it('mean is sum / length', () => {
    fc.assert(
      fc.property(arrays(kind.element).filter((a) => a.length > 0), (items) => {
        const vec = R(build(kind, items));
        expect(vec.mean()).toBe(Number(vec.sum()) / items.length);
      }),
      { numRuns: 40 },
    );
  });

  it('min, max, argmin, argmax match the reference (Math.min/max semantics for NaN and -0; first index on ties)', () => {
    fc.assert(
      fc.property(arrays(elements(kind)).filter((a) => a.length > 0), (items) => {
        const vec = R(build(kind, items));
        let min: Elem;
        let max: Elem;
        if (kind.isBigInt) {
          const xs = items as bigint[];
          min = xs.reduce((a, b) => (b < a ? b : a));
          max = xs.reduce((a, b) => (b > a ? b : a));
        } else {
          const xs = items as number[];
          min = xs.reduce((a, b) => Math.min(a, b));
          max = xs.reduce((a, b) => Math.max(a, b));
        }
        expect(Object.is(vec.min(), min)).toBe(true);
        expect(Object.is(vec.max(), max)).toBe(true);
        expect(vec.argmin()).toBe(items.findIndex((x) => Object.is(x, min)));
        expect(vec.argmax()).toBe(items.findIndex((x) => Object.is(x, max)));
      }),
      { numRuns: 60 },
    );
  });

  it('dot and sumOfSquares match the reference', () => {
    const pairs = arrays(fc.tuple(kind.element, kind.element));
    fc.assert(
      fc.property(pairs, (tuples) => {
        const xs = tuples.map((t) => t[0]);
        const ys = tuples.map((t) => t[1]);
        const a = R(build(kind, xs));
        const b = build(kind, ys, 1);
        const dot = a.dot(b);
        const squares = a.sumOfSquares();
        if (kind.isBigInt) {
          expect(dot).toBe((xs as bigint[]).reduce((s, x, i) => s + x * (ys[i] as bigint), 0n));
          expect(squares).toBe((xs as bigint[]).reduce((s, x) => s + x * x, 0n));
        } else if (!isFloat(kind)) {
          // Small elements: every product and partial sum is an exact integer.
          expect(dot).toBe((xs as number[]).reduce((s, x, i) => s + x * (ys[i] as number), 0) + 0);
          expect(squares).toBe((xs as number[]).reduce((s, x) => s + x * x, 0) + 0);
          expect(a.norm!()).toBe(Math.sqrt(squares as number));
        } else {
          const h = pairwiseRoundings(xs.length) + 1;
          // Products may underflow: allow 2^-1075 per product (2^1073 at the scale 2^2148).
          const slack = BigInt(xs.length) << 1073n;
          const products = (xs as number[]).map((x, i) => scaled(x) * scaled(ys[i] as number));
          const exactDot = products.reduce((s, p) => s + p, 0n);
          const magnitudes = products.reduce((s, p) => s + abs(p), 0n);
          expect(withinGamma(scaled(dot as number) << 1074n, exactDot, magnitudes, h, slack)).toBe(true);
          const squareTerms = (xs as number[]).map((x) => scaled(x) * scaled(x));
          const exactSquares = squareTerms.reduce((s, p) => s + p, 0n);
          expect(withinGamma(scaled(squares as number) << 1074n, exactSquares, exactSquares, h, slack)).toBe(true);
        }
        // A typed array operand gives the same result as the vector.
        expect(Object.is(a.dot(b.view()), dot)).toBe(true);
        expect(a.dot(a)).toBe(squares);
      }),
      { numRuns: 50 },
    );
  });

  it('dot with a different length throws RangeError naming both lengths; nothing changes', () => {
    const a = build(kind, kind.samples.slice(0, 2));
    const b = build(kind, kind.samples.slice(0, 3));
    const before = [a.toArray(), b.toArray()];
    expect(() => R(a).dot(b)).toThrow(RangeError);
    expect(() => R(a).dot(b)).toThrow(/length 2 .*length 3/);
    expect(() => R(a).dot(b.view())).toThrow(RangeError);
    expect([a.toArray(), b.toArray()]).toEqual(before);
  });

  it('dot rejects a scalar, an array and a typed array of another kind with TypeError', () => {
    const a = build(kind, kind.samples.slice(0, 2));
    expect(() => R(a).dot(kind.samples[0])).toThrow(TypeError);
    expect(() => R(a).dot(kind.samples.slice(0, 2))).toThrow(TypeError);
    const other = kind.isBigInt ? new Float64Array(2) : new BigInt64Array(2);
    expect(() => R(a).dot(other)).toThrow(TypeError);
    expect(a.toArray()).toEqual(kind.samples.slice(0, 2));
  });
});

// ---------------------------------------------------------------------------------------
// Float specifics
// ---------------------------------------------------------------------------------------

describe.each([
  ['F64Vec', F64Vec],
  ['F32Vec', F32Vec],
] as const)('%s special values', (_name, Cls) => {
  it('sum: NaN propagates, +Infinity and -Infinity give NaN, an infinity wins otherwise', () => {
    expect(Cls.from([1, NaN, 2]).sum()).toBeNaN();
    expect(Cls.from([Infinity, 1, -Infinity]).sum()).toBeNaN();
    expect(Cls.from([Infinity, 1, 2]).sum()).toBe(Infinity);
    expect(Cls.from([-Infinity, 1]).sum()).toBe(-Infinity);
  });

  it('sum of elements that are all -0 is -0; with any +0 it is +0; the empty sum is +0', () => {
    expect(Object.is(Cls.from([-0, -0, -0]).sum(), -0)).toBe(true);
    expect(Object.is(Cls.from(new Array(300).fill(-0)).sum(), -0)).toBe(true);
    expect(Object.is(Cls.from([-0, 0]).sum(), 0)).toBe(true);
    expect(Object.is(new Cls(4).sum(), 0)).toBe(true);
  });

  it('min/max follow Math.min/max for -0 and NaN; argmin/argmax point at the same element', () => {
    const v = Cls.from([0, -0, 3]);
    expect(Object.is(v.min(), -0)).toBe(true);
    expect(v.argmin()).toBe(1);
    const w = Cls.from([-0, 0, -1]);
    expect(Object.is(w.max(), 0)).toBe(true);
    expect(w.argmax()).toBe(1);
    const n = Cls.from([1, NaN, -5, NaN]);
    expect(n.min()).toBeNaN();
    expect(n.max()).toBeNaN();
    expect(n.argmin()).toBe(1);
    expect(n.argmax()).toBe(1);
    expect(Cls.from([NaN, 1]).argmin()).toBe(0);
    expect(Cls.from([-Infinity, Infinity]).argmin()).toBe(0);
    expect(Cls.from([-Infinity, Infinity]).argmax()).toBe(1);
  });

  it('dot: 0 * Infinity is NaN; norm of an infinite element is Infinity, of a NaN element NaN', () => {
    expect(R(Cls.from([0, 1]) as unknown as AnyVec).dot(Cls.from([Infinity, 1]))).toBeNaN();
    expect(Cls.from([3, Infinity]).norm()).toBe(Infinity);
    expect(Cls.from([NaN, Infinity]).norm()).toBeNaN();
    expect(Cls.from([3, 4]).norm()).toBe(5);
  });
});

describe('float accuracy', () => {
  const u = 2 ** -53;

  it('beats the naive loop on an ill-conditioned sum: 1 followed by many 2^-53', () => {
    const items = [1, ...new Array<number>(4000).fill(u)];
    const exact = items.reduce((a, x) => a + scaled(x), 0n);
    const errorOf = (s: number): bigint => abs(scaled(s) - exact);
    const naive = naiveSum(items);
    const ours = F64Vec.from(items).sum();
    expect(naive).toBe(1); // every 1 + u rounds back to 1
    expect(errorOf(ours) * 100n).toBeLessThan(errorOf(naive));
    expect(withinGamma(scaled(ours), exact, exact, pairwiseRoundings(items.length))).toBe(true);
  });

  it('beats the naive loop on 10^5 copies of 0.1, and stays within the bound', () => {
    const items = new Array<number>(100_000).fill(0.1);
    const exact = scaled(0.1) * 100_000n;
    const errorOf = (s: number): bigint => abs(scaled(s) - exact);
    const ours = F64Vec.from(items).sum();
    expect(errorOf(ours) * 100n).toBeLessThan(errorOf(naiveSum(items)));
    expect(withinGamma(scaled(ours), exact, exact, pairwiseRoundings(items.length))).toBe(true);
  });

  it('sums with cancellation are within gamma(h) * sum|x_i| (integers times powers of two)', () => {
    // Values k * 2^e: the exact total is known, and large cancellations stress the rounding.
    const value = fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: -60, max: 60 })).map(([k, e]) => k * 2 ** e);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => {
        const got = F64Vec.from(xs).sum();
        const exact = xs.reduce((a, x) => a + scaled(x), 0n);
        const magnitudes = xs.reduce((a, x) => a + abs(scaled(x)), 0n);
        expect(withinGamma(scaled(got), exact, magnitudes, pairwiseRoundings(xs.length))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('F32Vec accumulates in double and returns an unrounded double', () => {
    const v = F32Vec.from([0.1, 0.2]);
    expect(v.sum()).toBe(Math.fround(0.1) + Math.fround(0.2));
    expect(v.sum()).not.toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    const many = F32Vec.from(new Array<number>(10_000).fill(0.1));
    // float32 accumulation would drift by about 1e-3 relative; double stays exact to ~1e-13.
    expect(Math.abs(many.sum() - 10_000 * Math.fround(0.1))).toBeLessThan(1e-9);
  });

  it('pairwiseRoundings is 19 + ceil(log2(ceil(n / 128)))', () => {
    expect(pairwiseRoundings(1)).toBe(0);
    expect(pairwiseRoundings(2)).toBe(19);
    expect(pairwiseRoundings(128)).toBe(19);
    expect(pairwiseRoundings(129)).toBe(20);
    expect(pairwiseRoundings(1_000_000)).toBe(32);
  });
});

describe('F64Vec.norm range', () => {
  it('does not overflow or underflow where the sum of squares would', () => {
    const big = F64Vec.from([3e200, 4e200]).norm();
    expect(Math.abs(big - 5e200) / 5e200).toBeLessThan(1e-15);
    const small = F64Vec.from([3e-200, 4e-200]).norm();
    expect(Math.abs(small - 5e-200) / 5e-200).toBeLessThan(1e-15);
    expect(F64Vec.from([Number.MAX_VALUE, Number.MAX_VALUE]).norm()).toBeCloseTo(Number.MAX_VALUE * Math.SQRT2, -300);
    expect(F64Vec.from([5e-324]).norm()).toBe(5e-324);
    expect(F64Vec.from([0, -0]).norm()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// Integer specifics
// ---------------------------------------------------------------------------------------

describe('integer exactness', () => {
  it('U32Vec and I32Vec sums of extreme values are exact below 2^53', () => {
    expect(U32Vec.from(new Array<number>(3000).fill(2 ** 32 - 1)).sum()).toBe(3000 * (2 ** 32 - 1));
    expect(I32Vec.from(new Array<number>(3001).fill(-(2 ** 31))).sum()).toBe(3001 * -(2 ** 31));
    expect(I32Vec.from(new Array<number>(3000).fill(-(2 ** 31))).mean()).toBe(-(2 ** 31));
  });

  it('integer results are never -0, though 0 * -1 is -0 in double', () => {
    expect(Object.is(I32Vec.from([0, 0]).dot(I32Vec.from([-1, -5])), 0)).toBe(true);
    expect(Object.is(I32Vec.from(new Array<number>(300).fill(0)).dot(I32Vec.from(new Array<number>(300).fill(-1))), 0)).toBe(true);
    expect(Object.is(I64Vec.from([0n]).dot(I64Vec.from([-1n])), 0n)).toBe(true);
    // Floats keep IEEE signed zeros.
    expect(Object.is(F64Vec.from([0]).dot(F64Vec.from([-1])), -0)).toBe(true);
  });

  it('I32Vec dot of extreme values is exact while the total stays below 2^53', () => {
    const v = I32Vec.from([2 ** 31 - 1, -(2 ** 31)]);
    expect(v.dot(v)).toBe((2 ** 31 - 1) ** 2 + 2 ** 62);
  });

  it('bigint kinds are exact beyond 64 bits: sum, dot and sumOfSquares are not wrapped', () => {
    const max = 2n ** 64n - 1n;
    const u = U64Vec.from([max, max, max]);
    expect(u.sum()).toBe(3n * max);
    expect(u.dot(u)).toBe(3n * max * max);
    expect(u.sumOfSquares()).toBe(3n * max * max);
    expect(u.mean()).toBe(Number(max));
    const min = -(2n ** 63n);
    const i = I64Vec.from([min, min]);
    expect(i.sum()).toBe(2n * min);
    expect(i.min()).toBe(min);
    expect(i.argmax()).toBe(0);
    expect(I64Vec.from([-3n, 4n]).mean()).toBe(0.5);
  });
});

// ---------------------------------------------------------------------------------------
// Unusable storage: kernels check it before reading anything
// ---------------------------------------------------------------------------------------

type AssumeInit = (memory: ArrayBuffer, byteOffset: number, capacity: number, length: number) => F64Vec;
const assumeInit = (F64Vec as unknown as { assumeInit?: AssumeInit }).assumeInit;
const itWithSlabs = typeof assumeInit === 'function' ? it : it.skip;

describe('kernels on a vector whose buffer was detached', () => {
  itWithSlabs('throw the detached error instead of reading nothing as elements', () => {
    const buffer = new ArrayBuffer(8 * 8);
    const v = assumeInit!.call(F64Vec, buffer, 0, 8, 4);
    const w = F64Vec.from([1, 2, 3, 4]);
    structuredClone(buffer, { transfer: [buffer] });
    const calls: Array<() => unknown> = [
      () => v.sum(),
      () => v.mean(),
      () => v.min(),
      () => v.argmax(),
      () => v.dot(w),
      () => w.dot(v),
      () => v.sumOfSquares(),
      () => v.norm(),
      () => v.add(1),
      () => w.add(v),
      () => w.add(1, v),
      () => v.map((x) => x),
      () => v.copyFrom([1]),
      () => v.copyTo([]),
      () => w.copyTo(v),
    ];
    for (const call of calls) expect(call).toThrow(/detached/);
    expect(w.toArray()).toEqual([1, 2, 3, 4]);
  });
});
