/**
 * The numeric kernels of `OptionVec<number>`: every kernel checked against (a) a
 * straightforward reference and (b) `F64Vec` on the same data. The pairwise sums (`sum`,
 * `mean`, `dot`, `sumOfSquares`, `norm`) must agree with F64Vec bit for bit, since both use
 * the same scheme, and stay within the documented bound of the exact result; everything
 * else must agree exactly. Then the edge cases (empty, length 1, NaN, ±Infinity, -0), every
 * aliasing form, every failing call (mismatched lengths, wrong types, non-number elements
 * let in by a type cast, a throwing `map` callback) with the strong exception guarantee,
 * and the types.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { CapacityError, EmptyError, F32Vec, F64Vec, I32Vec, I64Vec, OptionVec } from '../src/index';
import { SUM_BLOCK, SUM_LANES, pairwiseRoundings } from '../src/kernels-support';

type Num = OptionVec<number>;

/** An OptionVec<number> holding `items`, with `spare` free slots. */
function opt(items: readonly number[], spare = 2): Num {
  return OptionVec.from<number, number>(items, items.length + spare);
}

/** An F64Vec holding `items`, with `spare` free slots. */
function f64(items: readonly number[], spare = 2): F64Vec {
  return F64Vec.from(items, items.length + spare);
}

/** An OptionVec<number> whose elements are not all numbers: what a type cast lets in. */
function cast(items: readonly unknown[], spare = 2): Num {
  return OptionVec.from<{} | null, number>(items as ({} | null)[], items.length + spare) as unknown as Num;
}

/** Object.is on every element, with a readable failure. */
function expectSame(actual: readonly unknown[], expected: readonly unknown[]): void {
  expect(actual).toEqual(expected); // toEqual compares numbers with Object.is: -0 is not 0, NaN is NaN
}

// ---------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------

const SPECIALS = [NaN, -0, 0, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1022];

/** Any double, the special values often. */
const anyDouble = fc.oneof({ arbitrary: fc.double(), weight: 6 }, { arbitrary: fc.constantFrom(...SPECIALS), weight: 2 });

/** Moderate finite doubles, for comparisons with an exact reference. */
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** Arrays, now and then long enough to span several pairwise leaves (128 elements). */
function arrays<T>(element: fc.Arbitrary<T>, minLength = 0): fc.Arbitrary<T[]> {
  return fc.oneof(
    { arbitrary: fc.array(element, { minLength, maxLength: 40 }), weight: 3 },
    { arbitrary: fc.array(element, { minLength: Math.max(minLength, 100), maxLength: 1100 }), weight: 1 },
  );
}

/** Pairs of equal-length arrays. */
function pairs(element: fc.Arbitrary<number>, maxLength = 30): fc.Arbitrary<[number[], number[]]> {
  return fc.array(fc.tuple(element, element), { maxLength }).map((ts) => [ts.map((t) => t[0]), ts.map((t) => t[1])]);
}

// ---------------------------------------------------------------------------------------
// Exact arithmetic on doubles (the reference for the pairwise sums)
// ---------------------------------------------------------------------------------------

const bits = new DataView(new ArrayBuffer(8));

/** `x * 2^1074` as an exact BigInt, for finite `x`. */
function scaled(x: number): bigint {
  bits.setFloat64(0, x);
  const word = bits.getBigUint64(0);
  const exponent = Number((word >> 52n) & 0x7ffn);
  const fraction = word & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return word >> 63n ? -magnitude : magnitude;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** `|computed - exact| <= gamma(h) * magnitudes + slack`, exactly: `gamma(h) = h*u / (1 - h*u)`, `u = 2^-53`. */
function withinGamma(computed: bigint, exact: bigint, magnitudes: bigint, h: number, slack = 0n): boolean {
  const denominator = (1n << 53n) - BigInt(h);
  return abs(computed - exact) * denominator <= BigInt(h) * magnitudes + slack * denominator;
}

// ---------------------------------------------------------------------------------------
// Reductions
// ---------------------------------------------------------------------------------------

describe('OptionVec<number> reductions', () => {
  it('uses the pairwise scheme the typed vectors are generated with (8 lanes, leaves of 128)', () => {
    // The lanes are written out by hand in src/option-vec-kernels.ts: if the generator's
    // constants change, that file must change with them (the F64Vec agreement below fails too).
    expect(SUM_LANES).toBe(8);
    expect(SUM_BLOCK).toBe(128);
  });

  it('sum, mean, sumOfSquares and norm agree with F64Vec bit for bit, for any doubles', () => {
    fc.assert(
      fc.property(arrays(anyDouble), (xs) => {
        const a = opt(xs);
        const b = f64(xs);
        expect(Object.is(a.sum(), b.sum())).toBe(true);
        expect(Object.is(a.sumOfSquares(), b.sumOfSquares())).toBe(true);
        expect(Object.is(a.norm(), b.norm())).toBe(true);
        if (xs.length > 0) expect(Object.is(a.mean(), b.mean())).toBe(true);
        expectSame(a.toArray(), xs);
      }),
      { numRuns: 150 },
    );
  });

  it('sum, dot and sumOfSquares agree with F64Vec bit for bit where the order of the additions matters', () => {
    // Signed powers of two over a narrow range of exponents: partial sums cancel and round, so
    // any change in the lanes, the lane tree, the leaf size or the merge order shows.
    const value = fc.tuple(fc.constantFrom(1, -1, 3, -3), fc.integer({ min: -56, max: 4 })).map(([k, e]) => k * 2 ** e);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => {
        const a = opt(xs);
        const b = f64(xs);
        const ys = xs.map((x, i) => x * (i % 3 === 0 ? -1 : 0.5));
        expect(Object.is(a.sum(), b.sum())).toBe(true);
        expect(Object.is(a.sumOfSquares(), b.sumOfSquares())).toBe(true);
        expect(Object.is(a.dot(ys), b.dot(new Float64Array(ys)))).toBe(true);
        expect(Object.is(a.dot(opt(ys)), b.dot(new Float64Array(ys)))).toBe(true);
      }),
      { numRuns: 100 },
    );
    // Eight lanes: (1 + u) + (-1 + 0) is 0, while (1 + -1) + (u + 0) would be u.
    const u = 2 ** -53;
    const lanes = [1, u, -1, 0, 0, 0, 0, 0];
    expect(opt(lanes).sum()).toBe(f64(lanes).sum());
    expect(opt(lanes).sum()).toBe(0);
  });

  it('sum is within gamma(h) * sum|x_i| of the exact sum (h = pairwiseRoundings(n)); exact for small integers', () => {
    fc.assert(
      fc.property(arrays(finite), (xs) => {
        const got = opt(xs).sum();
        const exact = xs.reduce((s, x) => s + scaled(x), 0n);
        const magnitudes = xs.reduce((s, x) => s + abs(scaled(x)), 0n);
        expect(withinGamma(scaled(got), exact, magnitudes, pairwiseRoundings(xs.length))).toBe(true);
      }),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(arrays(fc.integer({ min: -1e6, max: 1e6 })), (xs) => {
        expect(opt(xs).sum()).toBe(xs.reduce((s, x) => s + x, 0) + 0);
      }),
      { numRuns: 40 },
    );
  });

  it('mean is sum / length', () => {
    fc.assert(
      fc.property(arrays(anyDouble, 1), (xs) => {
        const v = opt(xs);
        expect(Object.is(v.mean(), v.sum() / xs.length)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('min, max, argmin, argmax match Math.min/max and the first index, and agree with F64Vec', () => {
    fc.assert(
      fc.property(arrays(anyDouble, 1), (xs) => {
        const a = opt(xs);
        const b = f64(xs);
        const min = xs.reduce((p, x) => Math.min(p, x));
        const max = xs.reduce((p, x) => Math.max(p, x));
        expect(Object.is(a.min(), min)).toBe(true);
        expect(Object.is(a.max(), max)).toBe(true);
        expect(a.argmin()).toBe(xs.findIndex((x) => Object.is(x, min)));
        expect(a.argmax()).toBe(xs.findIndex((x) => Object.is(x, max)));
        expect([a.min(), a.max(), a.argmin(), a.argmax()]).toEqual([b.min(), b.max(), b.argmin(), b.argmax()]);
      }),
      { numRuns: 120 },
    );
  });

  it('dot gives the same result for every operand form, bit-identical to F64Vec.dot', () => {
    fc.assert(
      fc.property(pairs(anyDouble, 300), ([xs, ys]) => {
        const a = opt(xs);
        const expected = f64(xs).dot(f64(ys));
        for (const other of [opt(ys), f64(ys), new Float64Array(ys), ys, opt(ys).toArray()]) {
          expect(Object.is(a.dot(other), expected)).toBe(true);
        }
        expect(Object.is(a.dot(a), f64(xs).dot(f64(xs)))).toBe(true);
        expectSame(a.toArray(), xs);
      }),
      { numRuns: 100 },
    );
  });

  it('dot and sumOfSquares are within gamma(h + 1) of the exact result; norm is close to Math.hypot', () => {
    fc.assert(
      fc.property(pairs(finite, 300), ([xs, ys]) => {
        const a = opt(xs);
        const h = pairwiseRoundings(xs.length) + 1;
        // Products may underflow: allow 2^-1075 per product (2^1073 at the scale 2^2148).
        const slack = BigInt(xs.length) << 1073n;
        const products = xs.map((x, i) => scaled(x) * scaled(ys[i]));
        const exactDot = products.reduce((s, p) => s + p, 0n);
        const magnitudes = products.reduce((s, p) => s + abs(p), 0n);
        expect(withinGamma(scaled(a.dot(opt(ys))) << 1074n, exactDot, magnitudes, h, slack)).toBe(true);
        const squares = xs.map((x) => scaled(x) * scaled(x));
        const exactSquares = squares.reduce((s, p) => s + p, 0n);
        expect(withinGamma(scaled(a.sumOfSquares()) << 1074n, exactSquares, exactSquares, h, slack)).toBe(true);
        const hypot = Math.hypot(...xs);
        expect(Math.abs(a.norm() - hypot)).toBeLessThanOrEqual(1e-13 * hypot);
      }),
      { numRuns: 60 },
    );
  });

  describe('on an empty vector', () => {
    it('sum, dot and sumOfSquares are +0, norm is 0', () => {
      const v = opt([]);
      expect(Object.is(v.sum(), 0)).toBe(true);
      expect(Object.is(v.dot(opt([])), 0)).toBe(true);
      expect(Object.is(v.dot([]), 0)).toBe(true);
      expect(Object.is(v.sumOfSquares(), 0)).toBe(true);
      expect(Object.is(v.norm(), 0)).toBe(true);
    });

    it.each(['min', 'max', 'argmin', 'argmax', 'mean'] as const)('%s throws EmptyError naming the method, like F64Vec', (method) => {
      const v = opt([]);
      expect(() => v[method]()).toThrow(EmptyError);
      expect(() => v[method]()).toThrow(`OptionVec.${method}: the vector is empty`);
      expect(() => f64([])[method]()).toThrow(`F64Vec.${method}: the vector is empty`);
    });
  });

  it('length 1: every reduction is the element itself (or its index 0)', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const v = opt([x]);
        for (const r of [v.sum(), v.min(), v.max(), v.mean()]) expect(Object.is(r, x)).toBe(true);
        expect([v.argmin(), v.argmax()]).toEqual([0, 0]);
        expect(Object.is(v.norm(), Math.abs(x))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('special values: NaN, ±Infinity, -0 as in F64Vec', () => {
    expect(opt([1, NaN, 2]).sum()).toBeNaN();
    expect(opt([Infinity, 1, -Infinity]).sum()).toBeNaN();
    expect(opt([Infinity, 1, 2]).sum()).toBe(Infinity);
    expect(opt([-Infinity, 1]).sum()).toBe(-Infinity);
    expect(opt([Number.MAX_VALUE, Number.MAX_VALUE]).sum()).toBe(Infinity);
    expect(Object.is(opt([-0, -0, -0]).sum(), -0)).toBe(true);
    expect(Object.is(opt(new Array<number>(300).fill(-0)).sum(), -0)).toBe(true);
    expect(Object.is(opt([-0, 0]).sum(), 0)).toBe(true);
    const z = opt([0, -0, 3]);
    expect(Object.is(z.min(), -0)).toBe(true);
    expect(z.argmin()).toBe(1);
    const w = opt([-0, 0, -1]);
    expect(Object.is(w.max(), 0)).toBe(true);
    expect(w.argmax()).toBe(1);
    const n = opt([1, NaN, -5, NaN]);
    expect(n.min()).toBeNaN();
    expect(n.max()).toBeNaN();
    expect([n.argmin(), n.argmax()]).toEqual([1, 1]);
    expect(opt([NaN, 1]).argmin()).toBe(0);
    expect([opt([-Infinity, Infinity]).argmin(), opt([-Infinity, Infinity]).argmax()]).toEqual([0, 1]);
    expect(opt([0, 1]).dot([Infinity, 1])).toBeNaN();
    expect(Object.is(opt([0]).dot([-1]), -0)).toBe(true);
    expect(opt([3, Infinity]).norm()).toBe(Infinity);
    expect(opt([NaN, Infinity]).norm()).toBeNaN();
    expect(opt([3, 4]).norm()).toBe(5);
  });

  it('norm takes the scaled path where the squares overflow or underflow, exactly as F64Vec does', () => {
    for (const xs of [[3e200, 4e200], [3e-200, 4e-200], [Number.MAX_VALUE, Number.MAX_VALUE], [5e-324], [0, -0], [1e300, NaN, 1]]) {
      expect(Object.is(opt(xs).norm(), f64(xs).norm())).toBe(true);
    }
    expect(Math.abs(opt([3e200, 4e200]).norm() - 5e200) / 5e200).toBeLessThan(1e-15);
    expect(opt([5e-324]).norm()).toBe(5e-324);
  });

  it('beats the naive loop on an ill-conditioned sum, like F64Vec', () => {
    const u = 2 ** -53;
    const items = [1, ...new Array<number>(4000).fill(u)];
    const exact = items.reduce((s, x) => s + scaled(x), 0n);
    let naive = 0;
    for (const x of items) naive += x;
    expect(naive).toBe(1);
    const ours = opt(items).sum();
    expect(abs(scaled(ours) - exact) * 100n).toBeLessThan(abs(scaled(naive) - exact));
    expect(ours).toBe(f64(items).sum());
  });

  it('dot rejects a length mismatch (RangeError naming both lengths) and non-vectors (TypeError); nothing changes', () => {
    const a = opt([1, 2]);
    for (const other of [opt([1, 2, 3]), f64([1, 2, 3]), new Float64Array(3), [1, 2, 3]]) {
      expect(() => a.dot(other)).toThrow(RangeError);
      expect(() => a.dot(other)).toThrow(/OptionVec\.dot: length mismatch: this vector has length 2 but the operand has length 3/);
    }
    for (const bad of [1, '1', null, undefined, {}, new Float32Array(2), I32Vec.from([1, 2]), new BigInt64Array(2)]) {
      expect(() => a.dot(bad as unknown as Num)).toThrow(TypeError);
      expect(() => a.dot(bad as unknown as Num)).toThrow(/^OptionVec\.dot: expected an OptionVec<number>, an F64Vec, a Float64Array or an array of numbers of the same length/);
    }
    expect(() => a.dot([1, '2'] as unknown as number[])).toThrow('OptionVec.dot: expected a number at index 1 of the operand, got "2"');
    expect(a.toArray()).toEqual([1, 2]);
  });
});

// ---------------------------------------------------------------------------------------
// Element-wise operations
// ---------------------------------------------------------------------------------------

type BinaryName = 'add' | 'sub' | 'mul' | 'div';
type Operand = number | Num | F64Vec | Float64Array | readonly number[];

/** The element-wise API with `out`, as the tests call it. */
type Binary = (operand: Operand, out?: Num) => Num;
const binary = (v: Num, op: BinaryName): Binary => (v[op] as unknown as Binary).bind(v);
const binaryF64 = (v: F64Vec, op: BinaryName) => (v[op] as unknown as (operand: unknown, out?: F64Vec) => F64Vec).bind(v);

function apply(op: BinaryName, x: number, y: number): number {
  return op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
}

/** Every vector-operand form holding `ys`, each built fresh. */
const OPERAND_FORMS: readonly [string, (ys: number[]) => Operand][] = [
  ['OptionVec', (ys) => opt(ys)],
  ['F64Vec', (ys) => f64(ys)],
  ['Float64Array', (ys) => new Float64Array(ys)],
  ['array', (ys) => [...ys]],
  ['view() of another OptionVec', (ys) => opt(ys).view()],
];

const scalars = fc.oneof({ arbitrary: anyDouble, weight: 3 }, { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 1 });

describe.each(['add', 'sub', 'mul', 'div'] as const)('OptionVec<number>.%s', (op) => {
  it('with a scalar, in place and into out, matches the reference and F64Vec', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 30 }), scalars, (xs, k) => {
        const expected = xs.map((x) => apply(op, x, k));
        const a = opt(xs);
        expect(binary(a, op)(k)).toBe(a);
        expectSame(a.toArray(), expected);
        expectSame(a.toArray(), Array.from(binaryF64(f64(xs), op)(k).view()));
        const b = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(binary(b, op)(k, out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(b.toArray(), xs);
      }),
      { numRuns: 60 },
    );
  });

  it.each(OPERAND_FORMS)('with a vector operand (%s), in place and into a separate out, matches the reference and F64Vec', (_form, make) => {
    fc.assert(
      fc.property(pairs(anyDouble), ([xs, ys]) => {
        const expected = xs.map((x, i) => apply(op, x, ys[i]));
        const a = opt(xs);
        const operand = make(ys);
        expect(binary(a, op)(operand)).toBe(a);
        expectSame(a.toArray(), expected);
        expectSame(Array.from(binaryF64(f64(xs), op)(new Float64Array(ys)).view()), expected);
        // The operand is untouched.
        expectSame(Array.from(operand instanceof OptionVec || operand instanceof F64Vec ? operand.toArray() : (operand as ArrayLike<number>)), ys);
        const c = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(binary(c, op)(make(ys), out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(c.toArray(), xs);
      }),
      { numRuns: 30 },
    );
  });

  it('aliasing: v.op(v), v.op(v, out), a.op(b, a), a.op(b, b)', () => {
    fc.assert(
      fc.property(pairs(anyDouble), ([xs, ys]) => {
        const selfExpected = xs.map((x) => apply(op, x, x));
        const v = opt(xs);
        expectSame(binary(v, op)(v).toArray(), selfExpected);
        const u = opt(xs);
        const out = opt(xs.map(() => 7));
        expectSame(binary(u, op)(u, out).toArray(), selfExpected);
        expectSame(u.toArray(), xs);
        const w = opt(xs);
        expectSame(binary(w, op)(w.view()).toArray(), selfExpected);

        const expected = xs.map((x, i) => apply(op, x, ys[i]));
        let a = opt(xs);
        let b = opt(ys);
        expect(binary(a, op)(b, a)).toBe(a);
        expectSame(a.toArray(), expected);
        expectSame(b.toArray(), ys);
        a = opt(xs);
        b = opt(ys);
        expect(binary(a, op)(b, b)).toBe(b);
        expectSame(b.toArray(), expected);
        expectSame(a.toArray(), xs);
        // The same forms on F64Vec give the same elements.
        const fa = f64(xs);
        const fb = f64(ys);
        binaryF64(fa, op)(fb, fb);
        expectSame(Array.from(fb.view()), expected);
      }),
      { numRuns: 50 },
    );
  });

  it('a length mismatch (operand of any form, or out) is a RangeError naming both lengths; nothing changes', () => {
    const a = opt([1, 2]);
    const out = opt([9]);
    for (const [, make] of OPERAND_FORMS) {
      const operand = make([4, 5, 6]);
      expect(() => binary(a, op)(operand)).toThrow(RangeError);
      expect(() => binary(a, op)(operand)).toThrow(`OptionVec.${op}: length mismatch: this vector has length 2 but the operand has length 3`);
    }
    expect(() => binary(a, op)(1, out)).toThrow(RangeError);
    expect(() => binary(a, op)(1, out)).toThrow(`OptionVec.${op}: length mismatch: this vector has length 2 but out has length 1`);
    expect(() => binary(a, op)(opt([1, 2]), out)).toThrow(/out has length 1/);
    // The same messages as F64Vec, with the class name.
    expect(() => binaryF64(f64([1, 2]), op)(f64([4, 5, 6]))).toThrow(`F64Vec.${op}: length mismatch: this vector has length 2 but the operand has length 3`);
    expect(a.toArray()).toEqual([1, 2]);
    expect(out.toArray()).toEqual([9]);
  });

  it('a wrong-type operand or out is a TypeError; nothing changes', () => {
    const a = opt([1, 2]);
    const out = opt([8, 9]);
    for (const bad of [1n, '1', null, undefined, {}, true, new Float32Array(2), new Int32Array(2), I32Vec.from([1, 2]), F32Vec.from([1, 2]), new BigInt64Array(2), new DataView(new ArrayBuffer(16))]) {
      expect(() => binary(a, op)(bad as unknown as Operand)).toThrow(TypeError);
      expect(() => binary(a, op)(bad as unknown as Operand, out)).toThrow(
        /^OptionVec\.\w+: expected a number, an OptionVec<number>, an F64Vec, a Float64Array or an array of numbers of the same length, got /,
      );
    }
    expect(() => binary(a, op)(['1', 2] as unknown as number[])).toThrow(`OptionVec.${op}: expected a number at index 0 of the operand, got "1"`);
    for (const badOut of [[0, 0], f64([0, 0]), new Float64Array(2), {}, null]) {
      expect(() => binary(a, op)(1, badOut as unknown as Num)).toThrow(TypeError);
      expect(() => binary(a, op)(1, badOut as unknown as Num)).toThrow(`OptionVec.${op}: out must be an OptionVec of the same length`);
    }
    expect(a.toArray()).toEqual([1, 2]);
    expect(out.toArray()).toEqual([8, 9]);
  });
});

describe('OptionVec<number>.scale, axpy, clamp, abs', () => {
  it('scale(k) is mul(k), in place and into out, and agrees with F64Vec', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 30 }), scalars, (xs, k) => {
        const expected = xs.map((x) => x * k);
        const a = opt(xs);
        expect(a.scale(k)).toBe(a);
        expectSame(a.toArray(), expected);
        expectSame(a.toArray(), Array.from(f64(xs).scale(k).view()));
        const b = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(b.scale(k, out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(b.toArray(), xs);
        expectSame(opt(xs).scale(k, opt(xs)).toArray(), expected);
      }),
      { numRuns: 60 },
    );
  });

  it('axpy(a, x) is this + a*x for every operand form, with x = this and out aliasing either input', () => {
    fc.assert(
      fc.property(pairs(anyDouble), scalars, ([xs, ys], s) => {
        const expected = xs.map((x, i) => x + s * ys[i]);
        expectSame(Array.from(f64(xs).axpy(s, f64(ys)).view()), expected);
        for (const [, make] of OPERAND_FORMS) {
          const v = opt(xs);
          expect(v.axpy(s, make(ys) as Num)).toBe(v);
          expectSame(v.toArray(), expected);
        }
        let v = opt(xs);
        let x = opt(ys);
        expect(v.axpy(s, x, x)).toBe(x);
        expectSame(x.toArray(), expected);
        expectSame(v.toArray(), xs);
        v = opt(xs);
        x = opt(ys);
        expect(v.axpy(s, x, v)).toBe(v);
        expectSame(v.toArray(), expected);
        expectSame(x.toArray(), ys);
        v = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(v.axpy(s, x, out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(v.toArray(), xs);
        v = opt(xs);
        v.axpy(s, v);
        expectSame(v.toArray(), xs.map((e) => e + s * e));
      }),
      { numRuns: 40 },
    );
    expect(opt([1, 2]).axpy(2, opt([1, 2])).toArray()).toEqual([3, 6]);
  });

  it('axpy rejects a wrong-type scalar, a scalar x, and mismatched lengths, changing nothing', () => {
    const v = opt([1, 2]);
    expect(() => v.axpy(1n as unknown as number, v)).toThrow('OptionVec.axpy: expected a number, got 1n');
    expect(() => v.axpy('2' as unknown as number, v)).toThrow(TypeError);
    expect(() => v.axpy(1, 1 as unknown as Num)).toThrow(TypeError);
    expect(() => v.axpy(1, 1 as unknown as Num)).toThrow(/^OptionVec\.axpy: expected an OptionVec<number>, an F64Vec/);
    expect(() => v.axpy(1, opt([1, 2, 3]))).toThrow(/length 2 but the operand has length 3/);
    expect(() => v.axpy(1, [1, 2, 3])).toThrow(RangeError);
    expect(() => v.axpy(1, v, opt([]))).toThrow(/length 2 but out has length 0/);
    expect(v.toArray()).toEqual([1, 2]);
  });

  it('clamp(lo, hi) limits every element, in place and into out, as F64Vec does (NaN stays, -0 stays when lo <= 0)', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 30 }), finite, finite, (xs, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const expected = xs.map((x) => (x < lo ? lo : x > hi ? hi : x));
        const v = opt(xs);
        expect(v.clamp(lo, hi)).toBe(v);
        expectSame(v.toArray(), expected);
        expectSame(v.toArray(), Array.from(f64(xs).clamp(lo, hi).view()));
        const w = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(w.clamp(lo, hi, out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(w.toArray(), xs);
      }),
      { numRuns: 60 },
    );
    expectSame(opt([-0, NaN, 5, -Infinity]).clamp(-1, 1).toArray(), [-0, NaN, 1, -1]);
  });

  it('clamp rejects lo > hi, NaN bounds and wrong types with the F64Vec errors, changing nothing', () => {
    const v = opt([1, 2]);
    expect(() => v.clamp(2, 1)).toThrow(RangeError);
    expect(() => v.clamp(2, 1)).toThrow('OptionVec.clamp: need lo <= hi (and neither NaN), got lo 2 and hi 1');
    expect(() => f64([1, 2]).clamp(2, 1)).toThrow('F64Vec.clamp: need lo <= hi (and neither NaN), got lo 2 and hi 1');
    expect(() => v.clamp(NaN, 1)).toThrow(RangeError);
    expect(() => v.clamp(0, NaN)).toThrow(RangeError);
    expect(() => v.clamp(1n as unknown as number, 2)).toThrow(TypeError);
    expect(() => v.clamp(1, '2' as unknown as number)).toThrow('OptionVec.clamp: expected a number, got "2"');
    expect(() => v.clamp(0, 1, opt([1]))).toThrow(RangeError);
    expect(v.toArray()).toEqual([1, 2]);
  });

  it('abs() matches Math.abs, in place and into out (abs(-0) is 0)', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 30 }), (xs) => {
        const expected = xs.map((x) => Math.abs(x));
        const v = opt(xs);
        expect(v.abs()).toBe(v);
        expectSame(v.toArray(), expected);
        expectSame(v.toArray(), Array.from(f64(xs).abs().view()));
        const w = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(w.abs(out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(w.toArray(), xs);
      }),
      { numRuns: 50 },
    );
    expectSame(opt([-0]).abs().toArray(), [0]);
    expect(() => opt([1]).abs(opt([1, 2]))).toThrow('OptionVec.abs: length mismatch: this vector has length 1 but out has length 2');
  });

  it('IEEE division: by zero gives ±Infinity or NaN', () => {
    expectSame(opt([1, -1, 0]).div(0).toArray(), [Infinity, -Infinity, NaN]);
    expectSame(opt([1, -1]).div(-0).toArray(), [-Infinity, Infinity]);
    expectSame(opt([0, 1]).div([0, 0]).toArray(), [NaN, Infinity]);
  });
});

describe('OptionVec<number>.map', () => {
  it('replaces each element by fn(element, index), in place and into out, like F64Vec.map', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 40 }), (xs) => {
        const fn = (x: number, i: number): number => x * 3 - i;
        const expected = xs.map(fn);
        const v = opt(xs);
        expect(v.map(fn)).toBe(v);
        expectSame(v.toArray(), expected);
        expectSame(v.toArray(), Array.from(f64(xs).map(fn).view()));
        const w = opt(xs);
        const out = opt(xs.map(() => 7));
        expect(w.map(fn, out)).toBe(out);
        expectSame(out.toArray(), expected);
        expectSame(w.toArray(), xs);
      }),
      { numRuns: 50 },
    );
  });

  it('is all-or-nothing: a throwing callback or a non-number result changes nothing', () => {
    const items = [1.5, -2.25, 1e300];
    const v = opt(items);
    const out = opt([7, 8, 9]);
    const boom = new Error('boom');
    const throwing = (x: number, i: number): number => {
      if (i === 2) throw boom;
      return x * 2;
    };
    expect(() => v.map(throwing)).toThrow(boom);
    expect(() => v.map(throwing, out)).toThrow(boom);
    expect(v.toArray()).toEqual(items);
    expect(out.toArray()).toEqual([7, 8, 9]);
    const wrong = (_x: number, i: number): number => (i === 1 ? ('1' as unknown as number) : 0);
    expect(() => v.map(wrong)).toThrow(TypeError);
    expect(() => v.map(wrong)).toThrow('OptionVec.map: the callback must return a number, got "1" for index 1 (nothing was changed)');
    expect(() => v.map('not a function' as unknown as (x: number) => number)).toThrow('OptionVec.map: fn must be a function, got "not a function"');
    expect(() => v.map((x) => x, opt([1]))).toThrow(RangeError);
    expect(() => v.map((x) => x, [0, 0, 0] as unknown as Num)).toThrow(TypeError);
    expect(v.toArray()).toEqual(items);
  });

  it('sees the original elements, throws when the callback changes a length, and nests', () => {
    const items = [1, 2, 3];
    const v = opt(items, 4);
    const seen: number[] = [];
    v.map((x) => {
      seen.push(x);
      return 0;
    });
    expect(seen).toEqual(items);
    const w = opt(items, 4);
    expect(() =>
      w.map((x) => {
        w.push(x);
        return x;
      }),
    ).toThrow(/^OptionVec\.map: the callback changed the length from 3 to 6/);
    const source = opt(items);
    const out = opt(items, 2);
    expect(() =>
      source.map((x) => {
        out.pop();
        return x;
      }, out),
    ).toThrow(/changed the length/);
    expect(source.toArray()).toEqual(items);
    const outer = opt(items);
    const inner = opt(items);
    outer.map((x) => {
      inner.map((y) => y + 1);
      return x * 10;
    });
    expect(outer.toArray()).toEqual([10, 20, 30]);
    expect(inner.toArray()).toEqual([4, 5, 6]);
  });
});

describe('element-wise operations on an empty vector', () => {
  it('are no-ops returning the vector (or out)', () => {
    const v = opt([]);
    const out = opt([]);
    expect(v.add(1)).toBe(v);
    expect(v.sub(v)).toBe(v);
    expect(v.mul(1, out)).toBe(out);
    expect(v.div([])).toBe(v);
    expect(v.add(new Float64Array(0))).toBe(v);
    expect(v.add(new F64Vec(2))).toBe(v);
    expect(v.scale(2)).toBe(v);
    expect(v.axpy(2, v)).toBe(v);
    expect(v.clamp(1, 1)).toBe(v);
    expect(v.abs()).toBe(v);
    expect(v.map(() => 1)).toBe(v);
    expect(v.length + out.length).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// Bulk copies
// ---------------------------------------------------------------------------------------

/** A source, its start and count, all valid. */
const ranges = fc
  .array(anyDouble, { maxLength: 30 })
  .chain((items) => fc.integer({ min: 0, max: items.length }).chain((start) => fc.integer({ min: 0, max: items.length - start }).map((count) => ({ items, start, count }))));

describe('OptionVec<number>.copyFrom', () => {
  it('replaces the contents with source[srcStart, srcStart + count) from every kind of source, like F64Vec.copyFrom', () => {
    fc.assert(
      fc.property(ranges, fc.array(anyDouble, { maxLength: 10 }), ({ items, start, count }, before) => {
        const expected = items.slice(start, start + count);
        const iterable = {
          *[Symbol.iterator]() {
            yield* items;
          },
        };
        for (const source of [items, new Float64Array(items), opt(items), f64(items), iterable]) {
          const v = opt(before, 32 - before.length);
          expect(v.copyFrom(source, start, count)).toBe(v);
          expect(v.length).toBe(count);
          expectSame(v.toArray(), expected);
          expectSame(v.toArray(), Array.from(F64Vec.from(before, 32).copyFrom(source, start, count).view()));
        }
        const w = opt(before, 32 - before.length);
        expectSame(w.copyFrom(items).toArray(), items);
        expectSame(w.copyFrom(items, start).toArray(), items.slice(start));
      }),
      { numRuns: 40 },
    );
  });

  it('from the vector itself behaves like copyWithin; typed arrays of other number types are read as numbers', () => {
    fc.assert(
      fc.property(ranges, ({ items, start, count }) => {
        const v = opt(items, 4);
        v.copyFrom(v, start, count);
        expectSame(v.toArray(), items.slice(start, start + count));
      }),
      { numRuns: 40 },
    );
    expect(opt([], 4).copyFrom(new Int8Array([-1, 2])).toArray()).toEqual([-1, 2]);
    expect(opt([], 4).copyFrom(new Float32Array([0.1])).toArray()).toEqual([Math.fround(0.1)]);
  });

  it('is all-or-nothing: too many elements, a bad range or a bad element change nothing', () => {
    const v = opt([1, 2], 1);
    const four = [1.5, -2.25, 1e300, 4];
    expect(() => v.copyFrom(four)).toThrow(CapacityError);
    expect(() => v.copyFrom(four)).toThrow('OptionVec.copyFrom: the copy needs length 4 but the capacity is 3 (nothing was changed)');
    expect(() => v.copyFrom(new Float64Array(four))).toThrow(CapacityError);
    expect(() => v.copyFrom(opt(four))).toThrow(CapacityError);
    expect(() => v.copyFrom(four, 5)).toThrow(RangeError);
    expect(() => v.copyFrom(four, -1)).toThrow(RangeError);
    expect(() => v.copyFrom(four, 1.5)).toThrow(RangeError);
    expect(() => v.copyFrom(four, 1, 4)).toThrow(RangeError);
    expect(() => v.copyFrom(four, '1' as unknown as number)).toThrow(TypeError);
    expect(() => v.copyFrom([1, '2'] as unknown as number[])).toThrow('OptionVec.copyFrom: expected a number, got "2"');
    expect(() => v.copyFrom(I64Vec.from([1n]) as unknown as number[])).toThrow(TypeError);
    expect(() => v.copyFrom(new BigInt64Array(1) as unknown as number[])).toThrow(TypeError);
    expect(() => v.copyFrom(new DataView(new ArrayBuffer(8)) as unknown as number[])).toThrow(TypeError);
    expect(() => v.copyFrom(42 as unknown as number[])).toThrow(TypeError);
    expect(() => v.copyFrom('12' as unknown as number[])).toThrow(TypeError);
    expect(() => v.copyFrom(cast([1, 'x']))).toThrow('OptionVec.copyFrom: expected a number at index 1 of the source, got "x"');
    expect(v.toArray()).toEqual([1, 2]);
    // Exactly the capacity fits.
    v.copyFrom(four, 1);
    expect(v.toArray()).toEqual(four.slice(1));
  });
});

describe('OptionVec<number>.copyTo', () => {
  it('writes into a typed array, an array, an OptionVec or an F64Vec at targetStart, like F64Vec.copyTo', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 20 }), fc.array(anyDouble, { maxLength: 10 }), fc.nat(), (items, existing, seed) => {
        const start = seed % (existing.length + 1);
        const expected = [...existing];
        items.forEach((x, i) => (expected[start + i] = x));
        const v = opt(items);
        // Typed array (of the right size), array, OptionVec, F64Vec.
        const typed = new Float64Array(start + items.length + 2).fill(7);
        expect(v.copyTo(typed, start)).toBe(typed);
        expectSame(Array.from(typed), [...new Array<number>(start).fill(7), ...items, 7, 7]);
        const array = [...existing];
        expect(v.copyTo(array, start)).toBe(array);
        expectSame(array, expected);
        const target = opt(existing, 30);
        expect(v.copyTo(target, start)).toBe(target);
        expectSame(target.toArray(), expected);
        const f = F64Vec.from(existing, 30);
        expect(v.copyTo(f, start)).toBe(f);
        expectSame(Array.from(f.view()), expected);
        const g = F64Vec.from(existing, 30);
        f64(items).copyTo(g, start);
        expectSame(Array.from(g.view()), expected);
        expectSame(v.toArray(), items);
      }),
      { numRuns: 50 },
    );
  });

  it('into itself behaves like copyWithin; into a typed array of another number type converts', () => {
    const v = opt([1, 2, 3], 3);
    v.copyTo(v, 1);
    expect(v.toArray()).toEqual([1, 1, 2, 3]);
    v.copyTo(v, 0);
    expect(v.toArray()).toEqual([1, 1, 2, 3]);
    const bytes = new Int8Array(3);
    opt([1.9, 300]).copyTo(bytes, 1);
    expect(Array.from(bytes)).toEqual([0, 1, 44]);
  });

  it('is all-or-nothing: a bad start, a short target or a wrong kind throws and writes nothing', () => {
    const v = opt([1, 2]);
    const typed = new Float64Array([7, 7, 7]);
    expect(() => v.copyTo(typed, 2)).toThrow(RangeError);
    expect(() => v.copyTo(typed, 2)).toThrow('OptionVec.copyTo: targetStart must be an integer from 0 to 1 so that 2 elements fit in a target of length 3, got 2');
    expect(() => v.copyTo(typed, -1)).toThrow(RangeError);
    expect(() => v.copyTo(typed, 0.5)).toThrow(RangeError);
    expect(() => v.copyTo(typed, '0' as unknown as number)).toThrow(TypeError);
    expect(() => v.copyTo(new BigInt64Array(4) as unknown as Float64Array)).toThrow(TypeError);
    expect(() => v.copyTo(new DataView(new ArrayBuffer(64)) as unknown as Float64Array)).toThrow(TypeError);
    expect(() => v.copyTo('abc' as unknown as number[])).toThrow('OptionVec.copyTo: target must be an array, a typed array of numbers or a vector, got "abc"');
    const array: number[] = [];
    expect(() => v.copyTo(array, 1)).toThrow(RangeError);
    const small = opt([9], 0);
    expect(() => v.copyTo(small)).toThrow(CapacityError);
    expect(() => v.copyTo(small, 2)).toThrow(RangeError);
    const f = F64Vec.from([9], 2);
    expect(() => v.copyTo(f, 1)).toThrow(CapacityError);
    expect(Array.from(typed)).toEqual([7, 7, 7]);
    expect(array).toEqual([]);
    expect(small.toArray()).toEqual([9]);
    expect(f.toArray()).toEqual([9]);
    expect(v.toArray()).toEqual([1, 2]);
  });
});

// ---------------------------------------------------------------------------------------
// Non-number elements let in by a type cast, and operands that run code
// ---------------------------------------------------------------------------------------

/** Every kernel, called on `v` (and, for the binary ones, with `other` as operand), with `out` where it takes one. */
function everyKernel(v: Num, other: Operand, out: Num): [string, () => unknown][] {
  return [
    ['sum', () => v.sum()],
    ['mean', () => v.mean()],
    ['min', () => v.min()],
    ['max', () => v.max()],
    ['argmin', () => v.argmin()],
    ['argmax', () => v.argmax()],
    ['dot', () => v.dot(other as Num)],
    ['sumOfSquares', () => v.sumOfSquares()],
    ['norm', () => v.norm()],
    ['add', () => v.add(other)],
    ['sub', () => v.sub(other, out)],
    ['mul', () => v.mul(2)],
    ['div', () => v.div(other, v)],
    ['scale', () => v.scale(2, out)],
    ['axpy', () => v.axpy(2, other as Num, out)],
    ['clamp', () => v.clamp(0, 1)],
    ['abs', () => v.abs(out)],
    ['map', () => v.map((x) => x, out)],
    ['copyTo', () => v.copyTo(new Float64Array(v.length))],
  ];
}

describe('non-number elements (possible only through a type cast)', () => {
  // Every element except the offending one is a number; the bad one comes late so that the
  // writing kernels would already have written if they checked inside their loops.
  const BAD_VALUES: readonly [string, unknown][] = [
    ['a string', '7'],
    ['null', null],
    ['an object', {}],
    ['a bigint', 1n],
    ['a boolean', true],
    ['a symbol', Symbol('s')],
    ['an array', [1]],
  ];

  it.each(BAD_VALUES)(
    'an element %s: every kernel throws a TypeError naming the method and the index; nothing changes',
    (_name, bad) => {
      for (const length of [10, 300]) {
        const at = length - 2;
        const items: unknown[] = Array.from({ length }, (_, i) => (i === at ? bad : i + 0.5));
        const v = cast(items);
        const other = opt(Array.from({ length }, (_, i) => i * 2));
        const out = opt(Array.from({ length }, () => 7));
        for (const [method, call] of everyKernel(v, other, out)) {
          expect(call).toThrow(TypeError);
          expect(call).toThrow(`OptionVec.${method}: expected a number at index ${at}, got `);
        }
        expect(v.toArray()).toEqual(items);
        expect(other.toArray()).toEqual(Array.from({ length }, (_, i) => i * 2));
        expect(out.toArray()).toEqual(Array.from({ length }, () => 7));
      }
    },
  );

  it('in the operand: dot, add, sub, mul, div and axpy throw naming the operand; nothing changes', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const bad = cast([1, 2, 3, 4, 5, 6, 7, 8, 'x', 10]);
    const v = opt(items);
    const out = opt(items.map(() => 7));
    const calls: [string, () => unknown][] = [
      ['dot', () => v.dot(bad)],
      ['add', () => v.add(bad)],
      ['sub', () => v.sub(bad, out)],
      ['mul', () => v.mul(bad, bad)],
      ['div', () => v.div(bad, v)],
      ['axpy', () => v.axpy(2, bad, out)],
      ['add', () => v.add(bad.toArray() as number[])],
    ];
    for (const [method, call] of calls) expect(call).toThrow(`OptionVec.${method}: expected a number at index 8 of the operand, got "x"`);
    expect(v.toArray()).toEqual(items);
    expect(out.toArray()).toEqual(items.map(() => 7));
    expect(bad.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 'x', 10]);
  });

  it('an element with valueOf is refused, not converted: no user code runs', () => {
    let called = 0;
    const tricky = { valueOf: () => (called++, 1) };
    const v = cast([1, tricky]);
    for (const [, call] of everyKernel(v, opt([1, 2]), opt([0, 0]))) expect(call).toThrow(TypeError);
    expect(() => opt([1, 2]).dot(cast([1, tricky]))).toThrow(TypeError);
    expect(called).toBe(0);
  });

  it('an array operand is read once, before anything else; one that changes this vector gives a length mismatch', () => {
    const v = opt([1, 2, 3]);
    let reads = 0;
    const operand = [10, 20, 30];
    Object.defineProperty(operand, 1, {
      get: () => {
        reads++;
        v.pop();
        return 20;
      },
    });
    expect(() => v.add(operand)).toThrow('OptionVec.add: length mismatch: this vector has length 2 but the operand has length 3');
    expect(reads).toBe(1);
    expect(v.toArray()).toEqual([1, 2]);
    // A getter that leaves the length alone: the element is read exactly once.
    const w = opt([1, 2, 3]);
    let count = 0;
    const counted = [10, 20, 30];
    Object.defineProperty(counted, 2, { get: () => (count++, 30) });
    expect(w.add(counted).toArray()).toEqual([11, 22, 33]);
    expect(count).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------
// The strong exception guarantee, call by call
// ---------------------------------------------------------------------------------------

describe('every failing call changes nothing', () => {
  it('holds for each failing kernel call, on this vector, the operand and out', () => {
    const a = opt([1.5, -0, NaN, Infinity]);
    const b = opt([2, 3, 4, 5]);
    const out = opt([7, 7, 7, 7]);
    const short = opt([1, 2]);
    const snapshot = (): unknown[][] => [a, b, out, short].map((v) => v.toArray());
    const before = snapshot();
    const failing: (() => unknown)[] = [
      () => a.add(short),
      () => a.add(b, short),
      () => a.add('1' as unknown as number, out),
      () => a.add(1n as unknown as number),
      () => a.sub([1, 2]),
      () => a.sub([1, 2, 3, '4'] as unknown as number[], out),
      () => a.mul(new Float32Array(4) as unknown as Float64Array, out),
      () => a.mul(b, [0, 0, 0, 0] as unknown as Num),
      () => a.div(f64([1]), out),
      () => a.div(F32Vec.from([1, 2, 3, 4]) as unknown as F64Vec),
      () => a.scale('2' as unknown as number, out),
      () => a.scale(2, short),
      () => a.axpy(1n as unknown as number, b, out),
      () => a.axpy(1, short, out),
      () => a.axpy(1, b, short),
      () => a.clamp(1, 0, out),
      () => a.clamp(NaN, 0),
      () => a.clamp(0, 1, short),
      () => a.abs(short),
      () => a.abs(f64([1, 2, 3, 4]) as unknown as Num),
      () => a.map((x, i) => (i === 3 ? boom() : x), out),
      () => a.map(() => 'x' as unknown as number, out),
      () => a.map((x) => x, short),
      () => a.dot(short),
      () => a.dot(2 as unknown as Num),
      () => short.min.call(opt([])),
      () => a.copyFrom([1, 2, 3, 4, 5, 6, 7]),
      () => a.copyFrom([1, 2], 3),
      () => a.copyFrom([1, 'x'] as unknown as number[]),
      () => a.copyTo(short, 1),
      () => a.copyTo(new Float64Array(3)),
      () => a.copyTo(out, 5),
    ];
    for (const [index, call] of failing.entries()) {
      let threw = false;
      try {
        call();
      } catch {
        threw = true;
      }
      expect({ index, threw }).toEqual({ index, threw: true });
      expect(snapshot()).toEqual(before);
    }
  });
});

function boom(): never {
  throw new Error('boom');
}

// ---------------------------------------------------------------------------------------
// OptionVec's own design: freed slots hold undefined
// ---------------------------------------------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A vector of six objects (cast to numbers) and a weak reference to the one at `index`. */
function tracked(index: number): { vec: Num; ref: WeakRef<object> } {
  const objects = Array.from({ length: 6 }, (_, i) => ({ id: i }));
  return { vec: cast(objects, 0), ref: new WeakRef(objects[index]) };
}

describe('kernels keep the Option design', () => {
  it('copyFrom that shrinks the vector sets the freed slots back to undefined (the old values can be collected)', async () => {
    const { vec, ref } = tracked(4);
    vec.copyFrom([1, 2]);
    expect(vec.toArray()).toEqual([1, 2]);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(ref.deref()).toBeUndefined();
  });

  it('no kernel makes a spare slot observable or changes a length it should not', () => {
    const v = opt([1, 2, 3], 3);
    const out = opt([0, 0, 0], 3);
    v.add(1, out).mul(v).abs().map((x) => x + 1);
    v.copyFrom([5]);
    expect([v.length, v.at(1), v.capacity]).toEqual([1, undefined, 6]);
    v.copyTo(out, 3);
    expect([out.length, out.at(-1), out.at(4)]).toEqual([4, 5, undefined]);
    out.truncate(1);
    expect(out.toArray()).toEqual([3]);
  });
});

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

describe('types', () => {
  it('kernels exist only for OptionVec<number>; with out they return out with its capacity type', () => {
    const a = new OptionVec<number, 4>(4);
    const out = new OptionVec<number, 8>(8);
    const r: OptionVec<number, 4> = a.add(1);
    const s: OptionVec<number, 8> = a.mul(a, out);
    const t: OptionVec<number, 4> = a.copyFrom([]).clamp(0, 1).map((x) => x);
    const n: number = a.sum() + a.dot([]) + a.norm();
    expect([r.length, s.length, t.length, n]).toEqual([0, 0, 0, 0]);

    function neverCalled(strings: OptionVec<string, 4>, objects: OptionVec<object>): void {
      // @ts-expect-error -- sum needs OptionVec<number>
      strings.sum();
      // @ts-expect-error -- add needs OptionVec<number>
      objects.add(1);
      // @ts-expect-error -- the out of a number vector is an OptionVec<number>
      a.add(1, strings);
      // @ts-expect-error -- no other typed array is an operand
      a.add(new Float32Array(4));
      // @ts-expect-error -- map must return a number
      a.map(() => 'x');
    }
    expect(typeof neverCalled).toBe('function');
  });

  it('sum() exists at run time, so the benchmark suite measures it instead of a get loop', () => {
    expect(typeof (new OptionVec<number>(1) as unknown as { sum?: unknown }).sum).toBe('function');
  });
});
