/**
 * Reductions over the live elements: sum, mean, min, max, argmin, argmax, dot,
 * sumOfSquares, norm, for every class with numeric kernels (the typed classes and
 * OptionVec<number>). Each is checked against a straightforward reference: exactly for
 * integer kinds (bigint kinds with BigInt arithmetic), and for float kinds within the
 * documented bound, measured against the exact result computed with BigInt. A class that
 * promises another's semantics (OptionVec<number>: F64Vec's) must agree with it bit for bit,
 * since both use the same pairwise scheme.
 */

import fc from 'fast-check';
import { EmptyError, F32Vec, F64Vec, I32Vec, I64Vec, U32Vec, U64Vec, U8Vec } from '../src/index';
import { SUM_BLOCK, SUM_LANES, pairwiseDotLong, pairwiseRoundings, pairwiseSumLong, pairwiseSumOfSquaresLong } from '../src/kernels-support';
import { abs, naiveSum, scaled, withinGamma } from './support/exact-float';
import {
  F64_SEMANTICS, FLOAT_KINDS, KERNEL_KINDS, KINDS_WITH_A_TWIN, // the kinds
  anyElement, arrays, int, mixedElements, pairs, vectorOf, // their data
  lengthMismatch, operandErrorPattern, rejectedOperands, // what their kernels must say
  type KernelKind,
} from './support/kernel-kinds';
import { expectNonNumberElementRefused, expectNonNumberOperandRefused, expectValueOfNeverCalled, NON_NUMBERS, optionVecOf, type KernelCalls } from './support/option-vec-casts';
import { caught, labelled } from './support/assertions';
import type { AnyVec, Elem, Kind } from './support/kinds';

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

const R = (vec: AnyVec | unknown): Reducible => vec as Reducible;

/** A vector holding `items` with `spare` extra slots, each holding the kind's sentinel. */
const build = (kind: Kind, items: readonly Elem[], spare = 3): Reducible => R(vectorOf(kind, items, spare));

/** A vector of exactly `items` (no spare slots), as `from` builds it. */
const from = (kind: Kind, items: readonly Elem[]): Reducible => R(kind.cls.from(items));

// ---------------------------------------------------------------------------------------
// Every class
// ---------------------------------------------------------------------------------------

describe.each(KERNEL_KINDS)('$name reductions', (kind) => {
  const zero: Elem = kind.isBigInt ? 0n : 0;
  const isFloat = kind.family === 'float';

  describe('on an empty vector', () => {
    it('sum, sumOfSquares and dot with every operand form are the empty sum (+0 or 0n), norm is 0', () => {
      const vec = build(kind, []);
      expect(Object.is(vec.sum(), zero)).toBe(true);
      expect(Object.is(vec.sumOfSquares(), zero)).toBe(true);
      for (const form of kind.operandForms) expect([form.label, Object.is(vec.dot(form.make([])), zero)]).toEqual([form.label, true]);
      if (!kind.isBigInt) expect(Object.is(vec.norm!(), 0)).toBe(true);
    });

    it.each(['min', 'max', 'argmin', 'argmax', 'mean'] as const)('%s throws EmptyError naming the method', (method) => {
      const vec = build(kind, []);
      expect(() => vec[method]()).toThrow(EmptyError);
      expect(() => vec[method]()).toThrow(`${kind.name}.${method}: the vector is empty`);
    });
  });

  it('length 1: every reduction is the element itself (or its index 0), and norm its magnitude', () => {
    fc.assert(
      fc.property(anyElement(kind), (x) => {
        const vec = build(kind, [x]);
        for (const result of [vec.sum(), vec.min(), vec.max()]) expect(Object.is(result, x)).toBe(true);
        expect(Object.is(vec.mean(), Number(x))).toBe(true);
        expect([vec.argmin(), vec.argmax()]).toEqual([0, 0]);
        if (!kind.isBigInt) expect(Object.is(vec.norm!(), Math.abs(x as number))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('sum matches the reference (exact for integer kinds, within the bound for floats) and ignores spare slots', () => {
    fc.assert(
      fc.property(arrays(kind.element), (items) => {
        const vec = build(kind, items);
        const got = vec.sum();
        if (kind.isBigInt) {
          expect(got).toBe((items as bigint[]).reduce((a, b) => a + b, 0n));
        } else if (!isFloat) {
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
      fc.property(arrays(mixedElements(kind), 1), (items) => {
        const vec = build(kind, items);
        expect(vec.mean()).toBe(Number(vec.sum()) / items.length);
      }),
      { numRuns: 50 },
    );
  });

  it('min, max, argmin, argmax match the reference (Math.min/max semantics for NaN and -0; first index on ties)', () => {
    fc.assert(
      fc.property(arrays(mixedElements(kind), 1), (items) => {
        const vec = build(kind, items);
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

  it('dot and sumOfSquares match the reference; every operand form gives the same dot', () => {
    fc.assert(
      fc.property(pairs(kind.element, 300), ([xs, ys]) => {
        const a = build(kind, xs);
        const dot = a.dot(build(kind, ys, 1));
        const squares = a.sumOfSquares();
        if (kind.isBigInt) {
          expect(dot).toBe((xs as bigint[]).reduce((s, x, i) => s + x * (ys[i] as bigint), 0n));
          expect(squares).toBe((xs as bigint[]).reduce((s, x) => s + x * x, 0n));
        } else if (!isFloat) {
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
          const hypot = Math.hypot(...(xs as number[]));
          expect(Math.abs(a.norm!() - hypot)).toBeLessThanOrEqual(1e-13 * hypot);
        }
        for (const form of kind.operandForms) expect([form.label, Object.is(a.dot(form.make(ys)), dot)]).toEqual([form.label, true]);
        expect(a.dot(a)).toBe(squares);
        expect(a.toArray()).toEqual(xs);
      }),
      { numRuns: 50 },
    );
  });

  it('dot with a different length, in any operand form, throws RangeError naming both lengths; nothing changes', () => {
    const items = kind.samples.slice(0, 2);
    const a = build(kind, items);
    for (const form of kind.operandForms) {
      const operand = form.make(kind.samples);
      labelled(form.label, () => {
        expect(() => a.dot(operand)).toThrow(RangeError);
        expect(() => a.dot(operand)).toThrow(lengthMismatch(kind, 'dot', 2, 'the operand', 3));
      });
    }
    expect(a.toArray()).toEqual(items);
  });

  it('dot rejects a scalar and every operand its class does not take with a TypeError saying what it takes', () => {
    const items = kind.samples.slice(0, 2);
    const a = build(kind, items);
    for (const [label, operand] of [['a scalar', kind.samples[0]] as [string, unknown], ...rejectedOperands(kind, 2)]) {
      labelled(label, () => {
        const error = caught(() => a.dot(operand));
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toMatch(operandErrorPattern(kind, 'dot', false));
      });
    }
    expect(a.toArray()).toEqual(items);
  });
});

describe.each(KERNEL_KINDS.filter((kind) => kind.takesArrays))('$name: dot with an array operand', (kind) => {
  it('checks every element of the array, naming the index of the first of the wrong type', () => {
    const a = build(kind, [int(kind, 1), int(kind, 2)]);
    expect(() => a.dot([int(kind, 1), '2'])).toThrow(TypeError);
    expect(() => a.dot([int(kind, 1), '2'])).toThrow(`${kind.name}.dot: expected a ${kind.elementTypeName} at index 1 of the operand, got "2"`);
    expect(a.toArray()).toEqual([int(kind, 1), int(kind, 2)]);
  });
});

// ---------------------------------------------------------------------------------------
// Float specifics
// ---------------------------------------------------------------------------------------

describe.each(FLOAT_KINDS)('$name special values', (kind) => {
  const v = (items: readonly number[]) => from(kind, items);

  it('sum: NaN propagates, +Infinity and -Infinity give NaN, an infinity wins otherwise, overflow is Infinity', () => {
    expect(v([1, NaN, 2]).sum()).toBeNaN();
    expect(v([Infinity, 1, -Infinity]).sum()).toBeNaN();
    expect(v([Infinity, 1, 2]).sum()).toBe(Infinity);
    expect(v([-Infinity, 1]).sum()).toBe(-Infinity);
    expect(v([Number.MAX_VALUE, Number.MAX_VALUE]).sum()).toBe(Infinity);
  });

  it('sum of elements that are all -0 is -0; with any +0 it is +0; the empty sum is +0', () => {
    expect(Object.is(v([-0, -0, -0]).sum(), -0)).toBe(true);
    expect(Object.is(v(new Array(300).fill(-0)).sum(), -0)).toBe(true);
    expect(Object.is(v([-0, 0]).sum(), 0)).toBe(true);
    expect(Object.is(R(kind.make(4)).sum(), 0)).toBe(true);
  });

  it('sums in four lanes added as a tree: (1 + u) + (-1 + 0) is 0, where two lanes, (1 + -1) + (u + 0), give u', () => {
    const u = 2 ** -53;
    expect(v([1, u, -1, 0]).sum()).toBe(0);
    expect(v([1, u, -1, 0, 0, 0, 0, 0]).sum()).toBe(0);
    expect(1 + -1 + (u + 0)).toBe(u);
  });

  it('sums of integers are exact', () => {
    // Integers the type stores exactly: a float16 has 11 significant bits.
    const largest = kind.spec?.id === 'f16' ? 2 ** 11 : 1e6;
    fc.assert(
      fc.property(arrays(fc.integer({ min: -largest, max: largest })), (xs) => {
        expect(v(xs).sum()).toBe(xs.reduce((s, x) => s + x, 0) + 0);
      }),
      { numRuns: 40 },
    );
  });

  it('min/max follow Math.min/max for -0 and NaN; argmin/argmax point at the same element', () => {
    const z = v([0, -0, 3]);
    expect(Object.is(z.min(), -0)).toBe(true);
    expect(z.argmin()).toBe(1);
    const w = v([-0, 0, -1]);
    expect(Object.is(w.max(), 0)).toBe(true);
    expect(w.argmax()).toBe(1);
    const n = v([1, NaN, -5, NaN]);
    expect(n.min()).toBeNaN();
    expect(n.max()).toBeNaN();
    expect([n.argmin(), n.argmax()]).toEqual([1, 1]);
    expect(v([NaN, 1]).argmin()).toBe(0);
    expect([v([-Infinity, Infinity]).argmin(), v([-Infinity, Infinity]).argmax()]).toEqual([0, 1]);
  });

  it('dot: 0 * Infinity is NaN, 0 * -1 is -0; norm of an infinite element is Infinity, of a NaN element NaN', () => {
    expect(v([0, 1]).dot(v([Infinity, 1]))).toBeNaN();
    expect(Object.is(v([0]).dot(v([-1])), -0)).toBe(true);
    expect(v([3, Infinity]).norm!()).toBe(Infinity);
    expect(v([NaN, Infinity]).norm!()).toBeNaN();
    expect(v([3, 4]).norm!()).toBe(5);
  });
});

describe.each(F64_SEMANTICS)('$name float accuracy', (kind) => {
  const u = 2 ** -53;
  const sumOf = (items: readonly number[]) => from(kind, items).sum() as number;

  it('beats the naive loop on an ill-conditioned sum: 1 followed by many 2^-53', () => {
    const items = [1, ...new Array<number>(4000).fill(u)];
    const exact = items.reduce((a, x) => a + scaled(x), 0n);
    const errorOf = (s: number): bigint => abs(scaled(s) - exact);
    const naive = naiveSum(items);
    const ours = sumOf(items);
    expect(naive).toBe(1); // every 1 + u rounds back to 1
    expect(errorOf(ours) * 100n).toBeLessThan(errorOf(naive));
    expect(withinGamma(scaled(ours), exact, exact, pairwiseRoundings(items.length))).toBe(true);
  });

  it('beats the naive loop on 10^5 copies of 0.1, and stays within the bound', () => {
    const items = new Array<number>(100_000).fill(0.1);
    const exact = scaled(0.1) * 100_000n;
    const errorOf = (s: number): bigint => abs(scaled(s) - exact);
    const ours = sumOf(items);
    expect(errorOf(ours) * 100n).toBeLessThan(errorOf(naiveSum(items)));
    expect(withinGamma(scaled(ours), exact, exact, pairwiseRoundings(items.length))).toBe(true);
  });

  it('sums with cancellation are within gamma(h) * sum|x_i| (integers times powers of two)', () => {
    // Values k * 2^e: the exact total is known, and large cancellations stress the rounding.
    const value = fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: -60, max: 60 })).map(([k, e]) => k * 2 ** e);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => {
        const got = sumOf(xs);
        const exact = xs.reduce((a, x) => a + scaled(x), 0n);
        const magnitudes = xs.reduce((a, x) => a + abs(scaled(x)), 0n);
        expect(withinGamma(scaled(got), exact, magnitudes, pairwiseRoundings(xs.length))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('norm does not overflow or underflow where the sum of squares would', () => {
    const norm = (items: readonly number[]) => from(kind, items).norm!();
    expect(Math.abs(norm([3e200, 4e200]) - 5e200) / 5e200).toBeLessThan(1e-15);
    expect(Math.abs(norm([3e-200, 4e-200]) - 5e-200) / 5e-200).toBeLessThan(1e-15);
    expect(norm([Number.MAX_VALUE, Number.MAX_VALUE])).toBeCloseTo(Number.MAX_VALUE * Math.SQRT2, -300);
    expect(norm([5e-324])).toBe(5e-324);
    expect(norm([0, -0])).toBe(0);
  });
});

describe('F32Vec accuracy', () => {
  it('accumulates in double and returns an unrounded double', () => {
    const v = F32Vec.from([0.1, 0.2]);
    expect(v.sum()).toBe(Math.fround(0.1) + Math.fround(0.2));
    expect(v.sum()).not.toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    const many = F32Vec.from(new Array<number>(10_000).fill(0.1));
    // float32 accumulation would drift by about 1e-3 relative; double stays exact to ~1e-13.
    expect(Math.abs(many.sum() - 10_000 * Math.fround(0.1))).toBeLessThan(1e-9);
  });
});

describe('the pairwise scheme', () => {
  it('pairwiseRoundings is 34 + ceil(log2(ceil(n / 128)))', () => {
    expect(pairwiseRoundings(1)).toBe(0);
    expect(pairwiseRoundings(2)).toBe(34);
    expect(pairwiseRoundings(128)).toBe(34);
    expect(pairwiseRoundings(129)).toBe(35);
    expect(pairwiseRoundings(1_000_000)).toBe(47);
  });

  it('a vector of 2^30 + 5 elements takes the long loops: sum, dot and sumOfSquares are still exact', () => {
    // 1 GiB of mostly untouched zero pages; skipped where the engine cannot allocate it.
    const length = 2 ** 30 + 5;
    let memory: ArrayBuffer;
    try {
      memory = new ArrayBuffer(length);
    } catch {
      return;
    }
    const v = U8Vec.assumeInit(memory, 0, length, length);
    const bytes = new Uint8Array(memory);
    const at = [0, 1, 127, 128, 2 ** 29, 2 ** 30 - 1, 2 ** 30, length - 1];
    at.forEach((i, k) => (bytes[i] = k + 1));
    const values = at.map((_, k) => k + 1);
    expect(v.sum()).toBe(values.reduce((s, x) => s + x, 0));
    expect(v.sumOfSquares()).toBe(values.reduce((s, x) => s + x * x, 0));
    expect(v.dot(bytes)).toBe(values.reduce((s, x) => s + x * x, 0));
  });

  // Vectors of 2^30 elements or more (1 GiB or more) run these shared loops instead of their
  // class's own: they must give the class's results bit for bit. Checked here on short
  // vectors, at every leaf boundary, since a vector long enough to take them is too big for a test.
  describe.each([
    ['F64Vec', F64Vec, 'float'],
    ['F32Vec', F32Vec, 'float'],
    ['I32Vec', I32Vec, 'int'],
    ['U32Vec', U32Vec, 'int'],
  ] as const)('the long loops agree with %s bit for bit', (_name, cls, family) => {
    const value = family === 'float'
      ? fc.tuple(fc.constantFrom(1, -1, 3, -3), fc.integer({ min: -56, max: 4 })).map(([k, e]) => k * 2 ** e)
      : fc.integer({ min: 0, max: 1000 });
    const lengths = [1, 2, 3, 4, 5, 127, 128, 129, 131, 255, 256, 257, 384, 385, 1000, 1024, 2049, 3000];
    it.each(lengths)('length %i', (length) => {
      fc.assert(
        fc.property(fc.array(value, { minLength: length, maxLength: length }), fc.array(value, { minLength: length, maxLength: length }), (xs, ys) => {
          type Viewed = Reducible & { view(): ArrayLike<number> };
          const a = cls.from(xs) as unknown as Viewed;
          const b = cls.from(ys) as unknown as Viewed;
          const plus0 = (x: number): number => (family === 'float' ? x : x + 0);
          expect(Object.is(plus0(pairwiseSumLong(a.view(), length)), a.sum())).toBe(true);
          expect(Object.is(plus0(pairwiseSumOfSquaresLong(a.view(), length)), a.sumOfSquares())).toBe(true);
          expect(Object.is(plus0(pairwiseDotLong(a.view(), b.view(), length)), a.dot(b))).toBe(true);
        }),
        { numRuns: 8 },
      );
    });
  });
});

// ---------------------------------------------------------------------------------------
// A class that promises another's semantics
// ---------------------------------------------------------------------------------------

describe.each(KINDS_WITH_A_TWIN)('$name reductions agree with $twin.name bit for bit', (kind: KernelKind) => {
  const both = (items: readonly Elem[]): [Reducible, Reducible] => [build(kind, items), build(kind.twin, items)];

  it('sum, mean, sumOfSquares, norm, min, max, argmin and argmax, for any elements', () => {
    fc.assert(
      fc.property(arrays(anyElement(kind)), (xs) => {
        const [a, b] = both(xs);
        const results = (v: Reducible) => [v.sum(), v.sumOfSquares(), v.norm!(), ...(xs.length > 0 ? [v.mean(), v.min(), v.max(), v.argmin(), v.argmax()] : [])];
        expect(results(a)).toEqual(results(b)); // toEqual compares numbers with Object.is: -0 is not 0, NaN is NaN
        expect(a.toArray()).toEqual(xs);
      }),
      { numRuns: 150 },
    );
  });

  it('dot with every operand form, and with itself, for any elements', () => {
    fc.assert(
      fc.property(pairs(anyElement(kind), 300), ([xs, ys]) => {
        const [a, b] = both(xs);
        const expected = b.dot(build(kind.twin, ys));
        for (const form of kind.operandForms) expect([form.label, a.dot(form.make(ys))]).toEqual([form.label, expected]);
        expect(a.dot(a)).toEqual(b.dot(b));
        expect(a.toArray()).toEqual(xs);
      }),
      { numRuns: 100 },
    );
  });

  it('sum, sumOfSquares and dot with every operand form, where the order of the additions matters', () => {
    // Signed powers of two over a narrow range of exponents: partial sums cancel and round, so
    // any change in the lanes, the lane tree, the leaf size or the merge order shows.
    const value = fc.tuple(fc.constantFrom(1, -1, 3, -3), fc.integer({ min: -56, max: 4 })).map(([k, e]) => k * 2 ** e);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => {
        const [a, b] = both(xs);
        const ys = xs.map((x, i) => x * (i % 3 === 0 ? -1 : 0.5));
        expect([a.sum(), a.sumOfSquares()]).toEqual([b.sum(), b.sumOfSquares()]);
        const expected = b.dot(build(kind.twin, ys));
        for (const form of kind.operandForms) expect([form.label, a.dot(form.make(ys))]).toEqual([form.label, expected]);
      }),
      { numRuns: 100 },
    );
  });

  it('on the hard cases: an ill-conditioned sum, many copies of 0.1, and norms on the scaled path', () => {
    const u = 2 ** -53;
    const cases: number[][] = [
      [1, ...new Array<number>(4000).fill(u)],
      new Array<number>(100_000).fill(0.1),
      [3e200, 4e200],
      [3e-200, 4e-200],
      [Number.MAX_VALUE, Number.MAX_VALUE],
      [5e-324],
      [0, -0],
      [1e300, NaN, 1],
    ];
    for (const xs of cases) {
      const [a, b] = both(xs);
      expect([xs.length, a.sum(), a.sumOfSquares(), a.norm!()]).toEqual([xs.length, b.sum(), b.sumOfSquares(), b.norm!()]);
    }
  });

  it('the same EmptyError messages, but for the class name', () => {
    for (const method of ['min', 'max', 'argmin', 'argmax', 'mean'] as const) {
      const messages = [kind, kind.twin].map((k) => {
        try {
          build(k, [])[method]();
        } catch (error) {
          return (error as Error).message.replace(k.name, 'X');
        }
        return 'no error';
      });
      expect([method, messages[0]]).toEqual([method, messages[1]]);
    }
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

  // An unsigned product is never -0: the signed integer kinds are the ones at risk (and the bigint ones must answer 0n).
  it.each(KERNEL_KINDS.filter((kind) => kind.spec?.signed && kind.family !== 'float').map((kind) => [kind.name, kind] as const))(
    '%s results are never -0, though 0 * -1 is -0 in double',
    (_name, kind) => {
      const zero = int(kind, 0);
      for (const n of [2, 300]) {
        const zeros = build(kind, new Array<Elem>(n).fill(zero));
        const minusOnes = build(kind, new Array<Elem>(n).fill(int(kind, -1)));
        expect([n, Object.is(zeros.dot(minusOnes), zero), Object.is(minusOnes.dot(zeros), zero)]).toEqual([n, true, true]);
      }
    },
  );

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

describe('kernels on a vector whose buffer was detached', () => {
  it('throw the detached error instead of reading nothing as elements', () => {
    const buffer = new ArrayBuffer(8 * 8);
    const v = F64Vec.assumeInit(buffer, 0, 8, 4);
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

// ---------------------------------------------------------------------------------------
// OptionVec<number> only
// ---------------------------------------------------------------------------------------

/** Every reduction, on `v`, with `other` as the operand of dot. */
const REDUCTIONS: KernelCalls = (v, other) => [
  ['sum', () => v.sum()],
  ['mean', () => v.mean()],
  ['min', () => v.min()],
  ['max', () => v.max()],
  ['argmin', () => v.argmin()],
  ['argmax', () => v.argmax()],
  ['dot', () => v.dot(other)],
  ['sumOfSquares', () => v.sumOfSquares()],
  ['norm', () => v.norm()],
];

describe('OptionVec<number> reductions only', () => {
  it('use the pairwise scheme the typed vectors are generated with (4 lanes, leaves of 128)', () => {
    // The lanes are written out by hand in src/option-vec-kernels.ts: if the generator's
    // constants change, that file must change with them (the F64Vec agreement above fails too).
    expect(SUM_LANES).toBe(4);
    expect(SUM_BLOCK).toBe(128);
  });

  it('sum() exists at run time, so the benchmark suite measures it instead of a get loop', () => {
    expect(typeof (optionVecOf([]) as unknown as { sum?: unknown }).sum).toBe('function');
  });

  it.each(NON_NUMBERS)('an element %s (let in by a type cast): every reduction throws a TypeError naming the method and the index', (_name, bad) => {
    expectNonNumberElementRefused(bad, REDUCTIONS);
  });

  it('a non-number in the operand: dot throws naming the operand and the index', () => {
    expectNonNumberOperandRefused((v, bad) => [['dot', () => v.dot(bad)]]);
  });

  it('an element with valueOf is refused, not converted: no user code runs', () => {
    expectValueOfNeverCalled(REDUCTIONS, (v, bad) => [['dot', () => v.dot(bad)]]);
  });
});
