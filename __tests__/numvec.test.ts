/**
 * `NumVec`, the numeric interface: one generic function, typed against `NumVec` only, runs
 * every kernel on every number kind (the number rows of the element table and
 * `OptionVec<number>`) and must give what the same steps give on plain arrays. The data
 * stays small non-negative integers, so no kind wraps, clamps or rounds and one model serves
 * all. The type-level half (unions, the bigint classes refused) is
 * `__tests__/types/numvec.types.ts`.
 */

import { F32Vec, F64Vec, I32Vec, OptionVec, type NumVec } from '../src/index';
import { KERNEL_KINDS, vectorOf, type KernelKind } from './support/kernel-kinds';

/** Every kind whose elements are numbers: what implements `NumVec`. */
const NUMBER_KINDS: readonly KernelKind[] = KERNEL_KINDS.filter((kind) => !kind.isBigInt);

/** A vector of `kind` holding `items`, as a `NumVec` (the kinds' helpers type it as a FixedVec). */
function numVecOf(kind: KernelKind, items: readonly number[]): NumVec {
  return vectorOf(kind, items) as unknown as NumVec;
}

/** What {@link steps} reports. */
interface Results {
  readonly v: number[];
  readonly out: number[];
  readonly sum: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly argmin: number;
  readonly argmax: number;
  readonly dot: number;
  readonly sumOfSquares: number;
  readonly norm: number;
  readonly copied: number[];
}

/** Every kernel once, through the interface only: the generic code a user would write. */
function steps(v: NumVec, w: NumVec, out: NumVec): Results {
  v.add(1).mul(w).sub(1).scale(2).axpy(1, w).clamp(0, 28).abs().map((x, i) => x + i);
  v.mul(2, out);
  out.div(2).add(w, out);
  out.sub(w, out).scale(1, out).axpy(0, w, out).clamp(0, 1000, out).abs(out).map((x) => x, out);
  out.add(v.view().length);
  const copied: number[] = [];
  v.copyTo(copied);
  return {
    v: v.toArray(),
    out: out.toArray(),
    sum: v.sum(),
    mean: v.mean(),
    min: v.min(),
    max: v.max(),
    argmin: v.argmin(),
    argmax: v.argmax(),
    dot: v.dot(w),
    sumOfSquares: v.sumOfSquares(),
    norm: v.norm(),
    copied,
  };
}

/** {@link steps} on plain arrays. */
function model(a: readonly number[], b: readonly number[]): Results {
  const v = a.map((x, i) => Math.abs(Math.min(28, Math.max(0, ((x + 1) * b[i] - 1) * 2 + b[i]))) + i);
  const out = v.map((x) => x + v.length);
  const sum = v.reduce((s, x) => s + x, 0);
  const squares = v.reduce((s, x) => s + x * x, 0);
  return {
    v,
    out,
    sum,
    mean: sum / v.length,
    min: Math.min(...v),
    max: Math.max(...v),
    argmin: v.indexOf(Math.min(...v)),
    argmax: v.indexOf(Math.max(...v)),
    dot: v.reduce((s, x, i) => s + x * b[i], 0),
    sumOfSquares: squares,
    norm: Math.sqrt(squares),
    copied: v,
  };
}

const A = [3, 1, 4, 1, 5, 9, 2, 6];
const B = [2, 7, 1, 8, 2, 1, 8, 2];

describe('NumVec', () => {
  it('covers every number kind and OptionVec<number>', () => {
    expect(NUMBER_KINDS.map((kind) => kind.name)).toEqual(expect.arrayContaining(['F64Vec', 'F32Vec', 'I32Vec', 'U8ClampedVec', 'OptionVec']));
    expect(NUMBER_KINDS.some((kind) => kind.name === 'I64Vec' || kind.name === 'U64Vec')).toBe(false);
  });

  describe.each(NUMBER_KINDS)('$name', (kind) => {
    it('runs one generic function over the interface as the plain-array model does', () => {
      const v = numVecOf(kind, A);
      const w = numVecOf(kind, B);
      const out = numVecOf(kind, A.map(() => 0));
      expect(steps(v, w, out)).toEqual(model(A, B));
      expect(w.toArray()).toEqual(B);
    });

    it('throws a TypeError, and changes nothing, for an operand of another class', () => {
      const v = numVecOf(kind, A);
      const other = NUMBER_KINDS.find((k) => k.name !== kind.name && !kind.operandClasses.includes(k.name))!;
      const foreign = numVecOf(other, B);
      expect(() => v.add(foreign)).toThrow(TypeError);
      expect(() => v.dot(foreign)).toThrow(TypeError);
      expect(() => v.scale(2, foreign)).toThrow(TypeError);
      expect(v.toArray()).toEqual(A);
      expect(foreign.toArray()).toEqual(B);
    });
  });

  it('is callable on a union of classes', () => {
    const vectors: (F64Vec | F32Vec | I32Vec | OptionVec<number>)[] = [F64Vec.of(1, 2), F32Vec.of(1, 2), I32Vec.of(1, 2), OptionVec.from<number>([1, 2])];
    for (const u of vectors) {
      expect(u.add(1).scale(2, u).sum()).toBe(10);
      expect(u.dot(u)).toBe(52);
      expect(u.axpy(1, u).toArray()).toEqual([8, 12]);
    }
  });
});
