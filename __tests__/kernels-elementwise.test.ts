/**
 * Element-wise kernels: add, sub, mul, div, scale, axpy, clamp, abs, map, for every class
 * with numeric kernels (the typed classes and OptionVec<number>). Each is checked against a
 * reference that applies the documented semantics element by element, in every form
 * (scalar operand, and every operand form the class takes; in place; into `out`; with `out`
 * aliasing this vector or the operand; the vector as its own operand), and every failing
 * call is checked to change nothing. A class that promises another's semantics
 * (OptionVec<number>: F64Vec's) must give the same elements and the same messages.
 */

import fc from 'fast-check';
import { EmptyError, F32Vec, F64Vec, I32Vec, I64Vec, I8Vec, OptionVec, U64Vec, U8ClampedVec, U8Vec } from '../src/index';
import { caught, labelled, show } from './support/assertions';
import {
  FLOAT_KINDS, KERNEL_KINDS, KINDS_WITH_A_TWIN, // the kinds
  anyElement, foreignTypedArray, foreignVector, int, mixedElements, pairs, vectorOf, // their data
  escapeRegExp, lengthMismatch, operandErrorPattern, rejectedOperands, rejectedOuts, // what their kernels must say
  type KernelKind,
} from './support/kernel-kinds';
import { expectNonNumberElementRefused, expectNonNumberOperandRefused, expectValueOfNeverCalled, NON_NUMBERS, optionVecOf, type KernelCalls } from './support/option-vec-casts';
import { arrayCtorOf, type AnyVec, type Elem, type Kind } from './support/kinds';

type BinaryName = 'add' | 'sub' | 'mul' | 'div';
const BINARY = ['add', 'sub', 'mul', 'div'] as const;

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

const E = (vec: AnyVec | unknown): Elementwise => vec as Elementwise;

/** A vector holding `items` with spare slots holding the sentinel. */
const build = (kind: Kind, items: readonly Elem[], spare = 2): Elementwise => E(vectorOf(kind, items, spare));

/** The elements an operand of any form holds. */
const contentsOf = (operand: unknown): Elem[] =>
  typeof (operand as { toArray?: unknown }).toArray === 'function' ? (operand as Elementwise).toArray() : Array.from(operand as ArrayLike<Elem>);

// ---------------------------------------------------------------------------------------
// Reference semantics
// ---------------------------------------------------------------------------------------

function apply(op: BinaryName, x: number, y: number): number {
  return op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
}

function applyBig(op: BinaryName, x: bigint, y: bigint): bigint {
  return op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
}

/** Whether the kind's integer arithmetic wraps modulo 2^bits (the `wrap` and `wrap32` families). */
const wraps = (kind: KernelKind): boolean => kind.family === 'wrap' || kind.family === 'wrap32';

/**
 * What `x op y` stores: bigint kinds compute exactly and wrap; wrapping integer kinds give
 * the exact result modulo 2^bits for add/sub/mul with an integer operand; everything else
 * is computed in double and converted as the typed array converts.
 */
function reference(kind: KernelKind, op: BinaryName, x: Elem, y: Elem): Elem {
  if (kind.isBigInt) return kind.convert(applyBig(op, x as bigint, y as bigint));
  const a = x as number;
  const b = y as number;
  if (wraps(kind) && op !== 'div' && Number.isInteger(b)) {
    return kind.convert(Number(BigInt.asIntN(32, applyBig(op, BigInt(a), BigInt(b)))));
  }
  return kind.convert(apply(op, a, b));
}

function referenceAxpy(kind: KernelKind, x: Elem, a: Elem, y: Elem): Elem {
  if (kind.isBigInt) return kind.convert((x as bigint) + (a as bigint) * (y as bigint));
  if (wraps(kind) && Number.isInteger(a)) {
    return kind.convert(Number(BigInt.asIntN(32, BigInt(x as number) + BigInt(a as number) * BigInt(y as number))));
  }
  return kind.convert((x as number) + (a as number) * (y as number));
}

/** Scalars: elements, plus (number kinds) any double: fractions, huge, NaN, infinities. */
function scalars(kind: KernelKind): fc.Arbitrary<Elem> {
  if (kind.isBigInt) return fc.oneof(kind.element, fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }));
  return fc.oneof(
    { arbitrary: kind.element, weight: 3 },
    { arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), weight: 1 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.constantFrom<Elem>(0, -0, 0.5, -1.5, 2 ** 60, NaN, Infinity, -Infinity), weight: 1 },
  );
}

const nonZero = (kind: Kind) => (y: Elem) => !kind.isBigInt || y !== 0n;

/** A kernel call with `out` or without it: `(v, ...out) => v.abs(...out)` leaves `out` out when none is given. */
type KernelForm = (v: Elementwise, ...out: [] | [Elementwise]) => Elementwise;

/**
 * Checks a kernel both ways: in place on a vector of `xs` (returning it), and into a fresh
 * `out` (returning out and leaving the input alone). Both must hold `expected`.
 */
function expectInPlaceAndIntoOut(kind: Kind, xs: readonly Elem[], expected: readonly Elem[], kernel: KernelForm): void {
  const a = build(kind, xs);
  expect(kernel(a)).toBe(a);
  expect(a.toArray()).toEqual(expected);
  const b = build(kind, xs);
  const out = build(kind, xs.map(() => kind.samples[0]));
  expect(kernel(b, out)).toBe(out);
  expect(out.toArray()).toEqual(expected);
  expect(b.toArray()).toEqual(xs);
}

// ---------------------------------------------------------------------------------------
// Every class
// ---------------------------------------------------------------------------------------

describe.each(KERNEL_KINDS)('$name element-wise', (kind) => {
  const elements = mixedElements(kind);
  const [one, two] = [int(kind, 1), int(kind, 2)];

  describe.each(BINARY)('%s', (op) => {
    it('with a scalar, in place and into out, matches the reference', () => {
      fc.assert(
        fc.property(fc.array(elements, { maxLength: 24 }), scalars(kind).filter(nonZero(kind)), (xs, k) => {
          expectInPlaceAndIntoOut(kind, xs, xs.map((x) => reference(kind, op, x, k)), (v, ...out) => v[op](k, ...out));
        }),
        { numRuns: 40 },
      );
    });

    it('with every operand form the class takes, in place and into out (also aliasing either input), matches the reference', () => {
      fc.assert(
        fc.property(pairs(elements).filter(([, ys]) => ys.every(nonZero(kind))), ([xs, ys]) => {
          const expected = xs.map((x, i) => reference(kind, op, x, ys[i]));
          for (const form of kind.operandForms) {
            labelled(form.label, () => {
              // In place; the operand is untouched.
              const a = build(kind, xs);
              const operand = form.make(ys);
              expect(a[op](operand)).toBe(a);
              expect(a.toArray()).toEqual(expected);
              expect(contentsOf(operand)).toEqual(ys);
              // Into a separate out: neither input changes.
              const c = build(kind, xs);
              const out = build(kind, xs.map(() => kind.samples[1]));
              expect(c[op](form.make(ys), out)).toBe(out);
              expect(out.toArray()).toEqual(expected);
              expect(c.toArray()).toEqual(xs);
            });
          }
          // out aliasing this vector: a.op(b, a).
          let a = build(kind, xs);
          let b = build(kind, ys);
          expect(a[op](b, a)).toBe(a);
          expect(a.toArray()).toEqual(expected);
          expect(b.toArray()).toEqual(ys);
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
        fc.property(fc.array(elements, { maxLength: 24 }).filter((xs) => xs.every(nonZero(kind))), (xs) => {
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

    it('throws RangeError naming both lengths for a length mismatch (operand of any form, or out), changing nothing', () => {
      const items = kind.samples.slice(0, 2);
      const a = build(kind, items);
      const out = build(kind, kind.samples.slice(0, 1));
      for (const form of kind.operandForms) {
        const operand = form.make(kind.samples);
        labelled(form.label, () => {
          expect(() => a[op](operand)).toThrow(RangeError);
          expect(() => a[op](operand)).toThrow(lengthMismatch(kind, op, 2, 'the operand', 3));
        });
      }
      expect(() => a[op](kind.samples[0], out)).toThrow(RangeError);
      expect(() => a[op](kind.samples[0], out)).toThrow(lengthMismatch(kind, op, 2, 'out', 1));
      expect(() => a[op](build(kind, items), out)).toThrow(/out has length 1/);
      expect(a.toArray()).toEqual(items);
      expect(out.toArray()).toEqual(kind.samples.slice(0, 1));
    });

    it('throws TypeError, saying what it takes, for every operand the class does not take, and for a bad out; changes nothing', () => {
      const items = kind.samples.slice(0, 2);
      const a = build(kind, items);
      for (const [label, bad] of rejectedOperands(kind, 2)) {
        labelled(label, () => {
          const error = caught(() => a[op](bad));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toMatch(operandErrorPattern(kind, op, true));
        });
      }
      for (const [label, badOut] of rejectedOuts(kind, 2)) {
        labelled(`out: ${label}`, () => {
          const error = caught(() => a[op](kind.samples[0], badOut));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toMatch(new RegExp(`^${escapeRegExp(`${kind.name}.${op}`)}: out must be an? ${kind.name} of the same length`));
        });
      }
      expect(a.toArray()).toEqual(items);
    });
  });

  it('scale(k) is mul(k) for every scalar, in place and into out; non-scalars are a TypeError', () => {
    fc.assert(
      fc.property(fc.array(elements, { maxLength: 24 }), scalars(kind), (xs, k) => {
        expectInPlaceAndIntoOut(kind, xs, xs.map((x) => reference(kind, 'mul', x, k)), (v, ...out) => v.scale(k, ...out));
      }),
      { numRuns: 40 },
    );
    const a = build(kind, kind.samples.slice(0, 2));
    for (const bad of [kind.wrongScalar, kind.wrongType, '2', a]) expect(() => a.scale(bad)).toThrow(TypeError);
    expect(() => a.scale(one, build(kind, []))).toThrow(RangeError);
    expect(a.toArray()).toEqual(kind.samples.slice(0, 2));
  });

  it('axpy(a, x) is this + a*x for every operand form, including x = this and out aliasing either input', () => {
    fc.assert(
      fc.property(pairs(elements), scalars(kind), ([xs, ys], s) => {
        const expected = xs.map((x, i) => referenceAxpy(kind, x, s, ys[i]));
        for (const form of kind.operandForms) {
          labelled(form.label, () => {
            const v = build(kind, xs);
            const x = form.make(ys);
            expect(v.axpy(s, x)).toBe(v);
            expect(v.toArray()).toEqual(expected);
            expect(contentsOf(x)).toEqual(ys);
          });
        }
        let v = build(kind, xs);
        let x = build(kind, ys);
        expect(v.axpy(s, x, x)).toBe(x);
        expect(x.toArray()).toEqual(expected);
        expect(v.toArray()).toEqual(xs);
        v = build(kind, xs);
        x = build(kind, ys);
        expect(v.axpy(s, x, v)).toBe(v);
        expect(v.toArray()).toEqual(expected);
        expect(x.toArray()).toEqual(ys);
        v = build(kind, xs);
        const out = build(kind, xs.map(() => kind.samples[0]));
        expect(v.axpy(s, x, out)).toBe(out);
        expect(out.toArray()).toEqual(expected);
        expect(v.toArray()).toEqual(xs);
        v = build(kind, xs);
        v.axpy(s, v);
        expect(v.toArray()).toEqual(xs.map((e) => referenceAxpy(kind, e, s, e)));
      }),
      { numRuns: 40 },
    );
    expect(build(kind, [one, two]).axpy(two, build(kind, [one, two])).toArray()).toEqual([int(kind, 3), int(kind, 6)]);
  });

  it('axpy rejects a wrong-type scalar, a scalar x and mismatched lengths, naming what it expected; changes nothing', () => {
    const items = kind.samples.slice(0, 2);
    const v = build(kind, items);
    expect(() => v.axpy(kind.wrongScalar, v)).toThrow(TypeError);
    expect(() => v.axpy(kind.wrongScalar, v)).toThrow(`${kind.name}.axpy: expected a ${kind.elementTypeName}, got ${show(kind.wrongScalar)}`);
    expect(() => v.axpy('2', v)).toThrow(TypeError);
    expect(() => v.axpy(one, one)).toThrow(TypeError);
    expect(() => v.axpy(one, one)).toThrow(operandErrorPattern(kind, 'axpy', false));
    for (const form of kind.operandForms) {
      const x = form.make(kind.samples);
      labelled(form.label, () => expect(() => v.axpy(one, x)).toThrow(lengthMismatch(kind, 'axpy', 2, 'the operand', 3)));
    }
    expect(() => v.axpy(one, v, build(kind, []))).toThrow(RangeError);
    expect(() => v.axpy(one, v, build(kind, []))).toThrow(lengthMismatch(kind, 'axpy', 2, 'out', 0));
    expect(v.toArray()).toEqual(items);
  });

  it('clamp(lo, hi) limits every element, in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements, { maxLength: 24 }), kind.element, kind.element, (xs, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const expected = xs.map((x) => kind.convert(x < lo ? lo : x > hi ? hi : x));
        expectInPlaceAndIntoOut(kind, xs, expected, (v, ...out) => v.clamp(lo, hi, ...out));
      }),
      { numRuns: 40 },
    );
  });

  it('clamp rejects lo > hi, NaN bounds and wrong types, naming them; changes nothing', () => {
    const items = kind.samples.slice(0, 2);
    const v = build(kind, items);
    expect(() => v.clamp(two, one)).toThrow(RangeError);
    expect(() => v.clamp(two, one)).toThrow(`${kind.name}.clamp: need lo <= hi (and neither NaN), got lo ${show(two)} and hi ${show(one)}`);
    if (!kind.isBigInt) {
      expect(() => v.clamp(NaN, 1)).toThrow(RangeError);
      expect(() => v.clamp(0, NaN)).toThrow(RangeError);
    }
    for (const bad of [kind.wrongScalar, kind.wrongType, null]) {
      expect(() => v.clamp(bad, two)).toThrow(TypeError);
      expect(() => v.clamp(one, bad)).toThrow(TypeError);
    }
    expect(() => v.clamp(one, '2')).toThrow(`${kind.name}.clamp: expected a ${kind.elementTypeName}, got "2"`);
    expect(() => v.clamp(one, two, build(kind, [one]))).toThrow(RangeError);
    expect(v.toArray()).toEqual(items);
  });

  it('abs() matches the reference, in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements, { maxLength: 24 }), (xs) => {
        const expected = xs.map((x) => kind.convert(typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(x)));
        expectInPlaceAndIntoOut(kind, xs, expected, (v, ...out) => v.abs(...out));
      }),
      { numRuns: 40 },
    );
    const v = build(kind, [one]);
    expect(() => v.abs(build(kind, [one, two]))).toThrow(lengthMismatch(kind, 'abs', 1, 'out', 2));
    expect(() => v.abs(foreignVector(kind, 1))).toThrow(TypeError);
    expect(v.toArray()).toEqual([one]);
  });

  it('map(fn) replaces each element by fn(element, index), in place and into out', () => {
    fc.assert(
      fc.property(fc.array(elements, { maxLength: 40 }), (xs) => {
        const fn = kind.isBigInt ? (x: bigint, i: number) => x * 3n - BigInt(i) : (x: number, i: number) => x * 3 - i;
        const expected = xs.map((x, i) => kind.convert((fn as (x: Elem, i: number) => Elem)(x, i)));
        expectInPlaceAndIntoOut(kind, xs, expected, (v, ...out) => v.map(fn, ...out));
      }),
      { numRuns: 40 },
    );
  });

  it('map is all-or-nothing: a throwing callback or a wrong-type result changes nothing, in place or into out', () => {
    const items = kind.samples.slice(0, 3);
    const v = build(kind, items);
    const outItems = [one, two, int(kind, 3)];
    const out = build(kind, outItems);
    const boom = new Error('boom');
    const throwing = (x: Elem, i: number) => {
      if (i === 2) throw boom;
      return x;
    };
    expect(() => v.map(throwing)).toThrow(boom);
    expect(() => v.map(throwing, out)).toThrow(boom);
    expect([v.toArray(), out.toArray()]).toEqual([items, outItems]);
    for (const wrong of [kind.wrongType, kind.wrongScalar, '1']) {
      const fn = (_x: Elem, i: number) => (i === 1 ? wrong : kind.samples[0]);
      expect(() => v.map(fn)).toThrow(TypeError);
      expect(() => v.map(fn, out)).toThrow(`${kind.name}.map: the callback must return a ${kind.elementTypeName}, got ${show(wrong)} for index 1 (nothing was changed)`);
    }
    expect([v.toArray(), out.toArray()]).toEqual([items, outItems]);
    expect(() => v.map('not a function')).toThrow(TypeError);
    expect(() => v.map('not a function')).toThrow(`${kind.name}.map: fn must be a function, got "not a function"`);
    expect(() => v.map((x: Elem) => x, build(kind, []))).toThrow(RangeError);
    expect(() => v.map((x: Elem) => x, [...items])).toThrow(TypeError);
    expect(v.toArray()).toEqual(items);
  });

  it('map sees the original elements, throws when the callback changes a length, and nests', () => {
    const items = [one, two, int(kind, 3)];
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
    ).toThrow(new RegExp(`^${escapeRegExp(kind.name)}\\.map: the callback changed the length from 3 to 4`));
    // The first call that changed the length stopped map; map wrote nothing of its own.
    expect(w.toArray()).toEqual([...items, items[0]]);
    const source = build(kind, items);
    const out = build(kind, items);
    expect(() =>
      source.map((x: Elem) => {
        out.pop();
        return x;
      }, out),
    ).toThrow(/changed the length/);
    expect(source.toArray()).toEqual(items);
    // A nested map (from inside the callback) gets its own scratch buffer.
    const outer = build(kind, items);
    const inner = build(kind, items);
    outer.map((x: Elem) => {
      inner.map((y: Elem) => (typeof y === 'bigint' ? y + 1n : y + 1));
      return typeof x === 'bigint' ? x * 10n : x * 10;
    });
    expect(outer.toArray()).toEqual([10, 20, 30].map((n) => int(kind, n)));
    expect(inner.toArray()).toEqual([4, 5, 6].map((n) => int(kind, n)));
  });

  it('every kernel on an empty vector is a no-op returning the vector (or out), with every operand form', () => {
    const v = build(kind, []);
    const out = build(kind, []);
    expect(v.add(one)).toBe(v);
    expect(v.sub(v)).toBe(v);
    expect(v.mul(one, out)).toBe(out);
    expect(v.div(one)).toBe(v);
    for (const form of kind.operandForms) expect([form.label, v.add(form.make([]))]).toEqual([form.label, v]);
    expect(v.scale(one)).toBe(v);
    expect(v.axpy(one, v)).toBe(v);
    expect(v.clamp(one, one)).toBe(v);
    expect(v.abs()).toBe(v);
    expect(v.map(() => one)).toBe(v);
    expect(v.length + out.length).toBe(0);
    expect(() => (v as unknown as { min(): Elem }).min()).toThrow(EmptyError);
  });
});

describe.each(KERNEL_KINDS.filter((kind) => kind.takesArrays))('$name: array operands', (kind) => {
  it.each(BINARY)('%s checks every element of an array operand, naming the index of the first of the wrong type', (op) => {
    const items = [int(kind, 1), int(kind, 2)];
    const v = build(kind, items);
    expect(() => v[op](['1', int(kind, 2)])).toThrow(`${kind.name}.${op}: expected a ${kind.elementTypeName} at index 0 of the operand, got "1"`);
    expect(v.toArray()).toEqual(items);
  });

  it('an array operand is read once, before anything else; one that changes this vector gives a length mismatch', () => {
    const v = build(kind, [1, 2, 3].map((n) => int(kind, n)));
    let reads = 0;
    const operand = [10, 20, 30].map((n) => int(kind, n));
    Object.defineProperty(operand, 1, {
      get: () => {
        reads++;
        v.pop();
        return int(kind, 20);
      },
    });
    expect(() => v.add(operand)).toThrow(lengthMismatch(kind, 'add', 2, 'the operand', 3));
    expect(reads).toBe(1);
    expect(v.toArray()).toEqual([1, 2].map((n) => int(kind, n)));
    // A getter that leaves the length alone: the element is read exactly once.
    const w = build(kind, [1, 2, 3].map((n) => int(kind, n)));
    let count = 0;
    const counted = [10, 20, 30].map((n) => int(kind, n));
    Object.defineProperty(counted, 2, { get: () => (count++, int(kind, 30)) });
    expect(w.add(counted).toArray()).toEqual([11, 22, 33].map((n) => int(kind, n)));
    expect(count).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------
// The strong exception guarantee, call by call
// ---------------------------------------------------------------------------------------

describe.each(KERNEL_KINDS)('$name: every failing kernel call changes nothing', (kind) => {
  it('on this vector, the operand and out', () => {
    const n = (x: number) => int(kind, x);
    const a = build(kind, kind.family === 'float' ? [1.5, -0, NaN, Infinity].map(kind.convert) : [...kind.samples, kind.samples[0]]);
    const b = build(kind, [2, 3, 4, 5].map(n));
    const out = build(kind, [7, 7, 7, 7].map(n));
    const short = build(kind, [1, 2].map(n));
    const snapshot = (): unknown[][] => [a, b, out, short].map((v) => v.toArray());
    const before = snapshot();
    const boom = (): never => {
      throw new Error('boom');
    };
    const R = a as unknown as { dot(x: unknown): unknown; copyFrom(s: unknown, start?: number): unknown; copyTo(t: unknown, start?: number): unknown };
    const failing: [string, () => unknown][] = [
      ['add(short)', () => a.add(short)],
      ['add(b, short)', () => a.add(b, short)],
      ['add("1", out)', () => a.add('1', out)],
      ['add(wrong scalar)', () => a.add(kind.wrongScalar)],
      ['sub(short array)', () => a.sub([1, 2].map(n))],
      ['sub(array with a string, out)', () => a.sub([n(1), n(2), n(3), '4'], out)],
      ['mul(foreign typed array, out)', () => a.mul(foreignTypedArray(kind, 4), out)],
      ['mul(b, array out)', () => a.mul(b, [0, 0, 0, 0].map(n))],
      ['div(short typed array, out)', () => a.div(arrayCtorOf(kind).from([n(1)]), out)],
      ['div(foreign vector)', () => a.div(foreignVector(kind, 4))],
      ['scale("2", out)', () => a.scale('2', out)],
      ['scale(2, short)', () => a.scale(n(2), short)],
      ['axpy(wrong scalar, b, out)', () => a.axpy(kind.wrongScalar, b, out)],
      ['axpy(1, short, out)', () => a.axpy(n(1), short, out)],
      ['axpy(1, b, short)', () => a.axpy(n(1), b, short)],
      ['clamp(1, 0, out)', () => a.clamp(n(1), n(0), out)],
      ['clamp(wrong scalar, 0)', () => a.clamp(kind.isBigInt ? kind.wrongScalar : NaN, n(0))],
      ['clamp(0, 1, short)', () => a.clamp(n(0), n(1), short)],
      ['abs(short)', () => a.abs(short)],
      ['abs(foreign vector)', () => a.abs(foreignVector(kind, 4))],
      ['map(throws at 3, out)', () => a.map((x: Elem, i: number) => (i === 3 ? boom() : x), out)],
      ['map(returns a string, out)', () => a.map(() => 'x', out)],
      ['map(identity, short)', () => a.map((x: Elem) => x, short)],
      ['dot(short)', () => R.dot(short)],
      ['dot(scalar)', () => R.dot(n(2))],
      ['min() of an empty vector', () => (build(kind, []) as unknown as { min(): unknown }).min()],
      ['copyFrom(7 elements)', () => R.copyFrom([1, 2, 3, 4, 5, 6, 7].map(n))],
      ['copyFrom(2 elements, 3)', () => R.copyFrom([1, 2].map(n), 3)],
      ['copyFrom(array with a string)', () => R.copyFrom([n(1), 'x'])],
      ['copyTo(short, 1)', () => R.copyTo(short, 1)],
      ['copyTo(typed array of 3)', () => R.copyTo(arrayCtorOf(kind).from([1, 2, 3].map(n)))],
      ['copyTo(out, 5)', () => R.copyTo(out, 5)],
    ];
    for (const [label, call] of failing) {
      expect([label, caught(call) instanceof Error]).toEqual([label, true]);
      expect([label, snapshot()]).toEqual([label, before]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Documented examples
// ---------------------------------------------------------------------------------------

describe('documented integer semantics', () => {
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

describe.each(FLOAT_KINDS)('$name follows IEEE', (kind) => {
  const v = (items: readonly number[]) => E(kind.cls.from(items));

  it('division by zero gives ±Infinity or NaN, by a scalar or by a vector', () => {
    expect(v([1, -1, 0]).div(0).toArray()).toEqual([Infinity, -Infinity, NaN]);
    expect(v([1, -1]).div(-0).toArray()).toEqual([-Infinity, Infinity]);
    expect(v([0, 1]).div(v([0, 0])).toArray()).toEqual([NaN, Infinity]);
  });

  it('clamp keeps NaN, and -0 when lo <= 0; abs(-0) is 0', () => {
    expect(v([-0, NaN, 5, -Infinity]).clamp(-1, 1).toArray()).toEqual([-0, NaN, 1, -1]);
    expect(v([-0]).abs().toArray()).toEqual([0]);
  });
});

describe('F32Vec rounding', () => {
  it('rounds each result to float32', () => {
    expect(F32Vec.from([1]).add(1e-8).toArray()).toEqual([1]);
    expect(F32Vec.from([0.1]).add(0.2).toArray()).toEqual([Math.fround(Math.fround(0.1) + 0.2)]);
  });
});

// ---------------------------------------------------------------------------------------
// A class that promises another's semantics
// ---------------------------------------------------------------------------------------

describe.each(KINDS_WITH_A_TWIN)('$name element-wise kernels agree with $twin.name', (kind) => {
  const both = (items: readonly Elem[]): [Elementwise, Elementwise] => [build(kind, items), build(kind.twin, items)];

  it('every kernel gives the same elements, for any elements and scalars', () => {
    fc.assert(
      fc.property(pairs(anyElement(kind), 30), scalars(kind), fc.tuple(kind.element, kind.element), ([xs, ys], k, [p, q]) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const calls: [string, (v: Elementwise, other: Elementwise) => Elementwise][] = [
          ...BINARY.flatMap((op): [string, (v: Elementwise, other: Elementwise) => Elementwise][] => [
            [`${op}(k)`, (v) => v[op](k)],
            [`${op}(vector)`, (v, other) => v[op](other)],
            [`${op}(vector, operand as out)`, (v, other) => v[op](other, other)],
          ]),
          ['scale(k)', (v) => v.scale(k)],
          ['axpy(k, vector)', (v, other) => v.axpy(k, other)],
          ['clamp(lo, hi)', (v) => v.clamp(lo, hi)],
          ['abs()', (v) => v.abs()],
          ['map(x * 3 - i)', (v) => v.map((x: number, i: number) => x * 3 - i)],
        ];
        for (const [label, call] of calls) {
          const [a, b] = both(xs);
          const [c, d] = both(ys);
          expect([label, call(a, c).toArray()]).toEqual([label, call(b, d).toArray()]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('failing calls give the same messages, but for the class name', () => {
    const [one, two] = [int(kind, 1), int(kind, 2)];
    const failing: [string, (v: Elementwise, self: Kind) => unknown][] = [
      ...BINARY.flatMap((op): [string, (v: Elementwise, self: Kind) => unknown][] => [
        [`${op}(longer vector)`, (v, self) => v[op](build(self, [one, two, one]))],
        [`${op}(k, shorter out)`, (v, self) => v[op](one, build(self, [one]))],
        [`${op}(k, array out)`, (v) => v[op](one, [one, two])],
      ]),
      ['axpy(wrong scalar)', (v) => v.axpy(kind.wrongScalar, v)],
      ['clamp(2, 1)', (v) => v.clamp(two, one)],
      ['clamp(NaN, 1)', (v) => v.clamp(NaN, one)],
      ['clamp(1, "2")', (v) => v.clamp(one, '2')],
      ['abs(shorter out)', (v, self) => v.abs(build(self, [one]))],
      ['map("x")', (v) => v.map('x')],
      ['map(returns "1")', (v) => v.map(() => '1')],
    ];
    for (const [label, call] of failing) {
      const messages = ([kind, kind.twin] as const).map((k) => caught(() => call(build(k, [one, two]), k)).message.replaceAll(k.name, 'X'));
      expect([label, messages[0]]).toEqual([label, messages[1]]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Shifted overlap: vectors over one buffer
// ---------------------------------------------------------------------------------------

describe('vectors over one buffer at shifted offsets', () => {
  function slab(): { buffer: ArrayBuffer; raw: Float64Array } {
    const buffer = new ArrayBuffer(8 * 16);
    const raw = new Float64Array(buffer);
    for (let i = 0; i < 16; i++) raw[i] = i;
    return { buffer, raw };
  }

  it('out starting inside this vector, after its start, still reads the original elements', () => {
    const { buffer } = slab();
    const a = F64Vec.assumeInit(buffer, 0, 8, 8); // elements 0..7
    const out = F64Vec.assumeInit(buffer, 16, 8, 8); // elements 2..9
    a.add(1, out);
    expect(out.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('an operand starting before this vector inside the same buffer is read before it is overwritten', () => {
    const { buffer } = slab();
    const b = F64Vec.assumeInit(buffer, 0, 8, 8); // elements 0..7
    const c = F64Vec.assumeInit(buffer, 16, 8, 8); // elements 2..9
    c.add(b);
    expect(c.toArray()).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    const { buffer: buffer2 } = slab();
    const d = F64Vec.assumeInit(buffer2, 16, 8, 8);
    d.axpy(2, new Float64Array(buffer2, 0, 8));
    expect(d.toArray()).toEqual([2, 5, 8, 11, 14, 17, 20, 23]);
  });

  it('out starting before this vector needs no copy and is right too', () => {
    const { buffer } = slab();
    const a = F64Vec.assumeInit(buffer, 16, 8, 8); // elements 2..9
    const out = F64Vec.assumeInit(buffer, 0, 8, 8); // elements 0..7
    a.mul(10, out);
    expect(out.toArray()).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
  });
});

// ---------------------------------------------------------------------------------------
// OptionVec<number> only: what a type cast lets in, and the types
// ---------------------------------------------------------------------------------------

/** Every element-wise kernel, on `v`, with `other` as the operand and `out` where it takes one. */
const ELEMENTWISE: KernelCalls = (v, other, out) => [
  ['add', () => v.add(other)],
  ['sub', () => v.sub(other, out)],
  ['mul', () => v.mul(2)],
  ['div', () => v.div(other, v)],
  ['scale', () => v.scale(2, out)],
  ['axpy', () => v.axpy(2, other, out)],
  ['clamp', () => v.clamp(0, 1)],
  ['abs', () => v.abs(out)],
  ['map', () => v.map((x) => x, out)],
];

describe('OptionVec<number> element-wise kernels only', () => {
  it.each(NON_NUMBERS)('an element %s (let in by a type cast): every kernel throws a TypeError naming the method and the index', (_name, bad) => {
    expectNonNumberElementRefused(bad, ELEMENTWISE);
  });

  it('a non-number in the operand: add, sub, mul, div and axpy throw naming the operand and the index', () => {
    expectNonNumberOperandRefused((v, bad, out) => [
      ['add', () => v.add(bad)],
      ['sub', () => v.sub(bad, out)],
      ['mul', () => v.mul(bad, bad)],
      ['div', () => v.div(bad, v)],
      ['axpy', () => v.axpy(2, bad, out)],
      ['add', () => v.add(bad.toArray())],
    ]);
  });

  it('an element with valueOf is refused, not converted: no user code runs', () => {
    expectValueOfNeverCalled(ELEMENTWISE, (v, bad) => [
      ['add', () => v.add(bad)],
      ['axpy', () => v.axpy(2, bad)],
    ]);
  });
});

describe('types', () => {
  it('a typed kernel with out returns out with its capacity type; without out, this', () => {
    const a = new F64Vec(16);
    const out = new F64Vec(16);
    const r: F64Vec<16> = a.add(1, out);
    const s: F64Vec<16> = a.mul(a);
    const t: I8Vec<4> = I8Vec.from([], 4).abs(new I8Vec(4) as I8Vec<4>).map((x) => x);
    expect([r, s, t].map((v) => v.length)).toEqual([0, 0, 0]);
  });

  it('OptionVec kernels exist only for OptionVec<number>; with out they return out with its capacity type', () => {
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
    expect(optionVecOf([1]).add(1).toArray()).toEqual([2]);
  });
});
