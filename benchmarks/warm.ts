/**
 * The warm-up every scenario table starts with: all the typed vector classes of the element
 * table are constructed and exercised before anything is measured, as in an application
 * that uses several element types, so that any code the classes share carries feedback
 * from every one of them, and a measurement shows what that costs.
 *
 * @module
 */

import type { ElementSpec } from '../scripts/element-types.js';
import { Slab, type FixedVec } from '../src/index.js';
import { RUNNABLE_SPECS, classOf } from './classes.js';

/** Where a warmed vector lives. */
export type Storage = 'own buffer' | 'slab' | 'shared slab' | 'over a buffer';

/** Every storage, for the slab table. */
export const EVERY_STORAGE: readonly Storage[] = ['own buffer', 'slab', 'shared slab', 'over a buffer'];

/** The common methods each cycle calls, for the docs. */
export const COMMON_METHODS = 'push, get, set, insert, extend, remove, swapRemove, pop, for...of, view, at, indexOf, sum';

/** What to warm up. */
export interface WarmUp {
  /** Rounds over every class. */
  readonly cycles: number;
  /** Where the exercised vectors live (each cycle exercises one vector per class and storage). */
  readonly storages: readonly Storage[];
  /** Whether each cycle also runs every kernel of every class at several lengths. */
  readonly kernels: boolean;
}

type Element = number | bigint;
type AnyVec = FixedVec<Element>;

/** A typed vector class, as far as the warm-up uses it. */
interface VecClass {
  new (capacity: number): AnyVec;
  from(source: readonly Element[], capacity: number): AnyVec;
  over(memory: ArrayBuffer, byteOffset: number, capacity: number): AnyVec;
  assumeInit(memory: ArrayBuffer, byteOffset: number, capacity: number, length: number): AnyVec;
  readonly BYTES_PER_ELEMENT: number;
}

/** The kernels every class has, loosely typed: the warm-up only needs them called. */
interface KernelVec {
  sum(): Element;
  mean(): number;
  min(): Element;
  max(): Element;
  argmin(): number;
  argmax(): number;
  dot(other: KernelVec): Element;
  sumOfSquares(): Element;
  add(operand: unknown, out?: KernelVec): KernelVec;
  sub(operand: unknown): KernelVec;
  mul(operand: unknown): KernelVec;
  div(operand: unknown): KernelVec;
  scale(k: unknown): KernelVec;
  axpy(a: unknown, x: KernelVec): KernelVec;
  clamp(lo: unknown, hi: unknown): KernelVec;
  abs(): KernelVec;
  map(fn: (x: unknown) => unknown): KernelVec;
  fill(x: unknown): KernelVec;
  copyFrom(source: KernelVec): KernelVec;
}

/** The number-only kernels. */
interface NumberKernelVec {
  norm(): number;
  copyTo(target: Float64Array): Float64Array;
}

/** Lengths for the kernels: every branch of the pairwise loops (partial leaves, leaf counts that are not powers of two) gets feedback. */
const KERNEL_LENGTHS = [5, 256, 1000, 3000];
/** Capacity of the vectors the common methods run on. */
const CYCLE_CAPACITY = 16;

/** One round of every common method on `v` (capacity {@link CYCLE_CAPACITY}) with elements made by `make`. */
function commonMethods(v: AnyVec, make: (i: number) => Element): number {
  v.clear();
  for (let i = 0; i < 8; i++) v.push(make(i));
  v.set(0, v.get(7));
  v.insert(0, make(3));
  v.extend([make(1), make(2)]);
  let acc = Number(v.remove(1)) + Number(v.swapRemove(2)) + Number(v.pop());
  for (const x of v) acc += Number(x);
  acc += v.view().length + (v.at(-1) === undefined ? 0 : 1) + v.indexOf(make(2));
  return acc + Number((v as unknown as KernelVec).sum());
}

/** Every kernel of one class at length `n`. */
function kernelMethods(Vec: VecClass, spec: ElementSpec, n: number, make: (i: number) => Element): number {
  const source = Array.from({ length: n }, (_, i) => make((i * 7) % 100));
  const v = Vec.from(source, n) as unknown as KernelVec & AnyVec;
  const b = Vec.from(source, n) as unknown as KernelVec & AnyVec;
  const one = make(1);
  let acc = Number(v.sum()) + v.mean() + Number(v.min()) + Number(v.max()) + v.argmin() + v.argmax() + Number(v.dot(b)) + Number(v.sumOfSquares());
  v.add(b).sub(b).mul(one).div(one).scale(one).axpy(one, b).clamp(make(0), make(50)).abs();
  v.add(b, b);
  v.map((x) => x);
  v.fill(make(3));
  v.copyFrom(b);
  if (spec.elementType === 'number') {
    const numbers = v as unknown as NumberKernelVec & FixedVec<number>;
    acc += numbers.norm() + numbers.copyTo(new Float64Array(n)).length;
    numbers.clear();
    numbers.extend(new Float64Array(n));
  }
  v.clear();
  for (let i = 0; i < n; i++) v.push(make(i & 63));
  for (let i = 0; i < n; i++) acc += Number(v.get(i));
  return acc;
}

/**
 * 1 when `fn` throws an instance of `cls`: how the phases that measure "after errors" throw
 * and catch theirs (the slab table, the engines' core table).
 *
 * @throws the error when it is of another class, Error when nothing is thrown.
 */
export function expectThrow(fn: () => unknown, cls: new (...args: never[]) => Error): number {
  try {
    fn();
  } catch (error) {
    if (error instanceof cls) return 1;
    throw error;
  }
  throw new Error(`expected a ${cls.name}`);
}

/** The slabs the warm-up allocates from, reset after every cycle. */
interface Slabs {
  readonly plain: Slab;
  readonly shared: Slab;
}

/** A vector of one class in one storage; `over a buffer` also builds an `assumeInit` view. */
function vectorIn(storage: Storage, Vec: VecClass, slabs: Slabs): AnyVec {
  const bytes = Vec.BYTES_PER_ELEMENT;
  switch (storage) {
    case 'own buffer':
      return new Vec(CYCLE_CAPACITY);
    case 'slab':
      return slabs.plain.alloc(Vec as never, CYCLE_CAPACITY) as unknown as AnyVec;
    case 'shared slab':
      return slabs.shared.alloc(Vec as never, CYCLE_CAPACITY) as unknown as AnyVec;
    case 'over a buffer': {
      const buffer = new ArrayBuffer(bytes * 2 * CYCLE_CAPACITY);
      Vec.assumeInit(buffer, bytes * CYCLE_CAPACITY, CYCLE_CAPACITY, 4);
      return Vec.over(buffer, bytes * (CYCLE_CAPACITY / 2), CYCLE_CAPACITY);
    }
  }
}

/**
 * Constructs every class of the element table in every storage of `plan` and runs the
 * common methods (and the kernels) on it, `plan.cycles` times. Makes no failing call.
 *
 * @returns a checksum of the work, for the sink.
 */
export function warmEveryClass(plan: WarmUp): number {
  const slabs: Slabs = { plain: new Slab(64 * 1024), shared: new Slab(64 * 1024, { shared: true }) };
  const classes = RUNNABLE_SPECS.map((spec) => {
    const make = spec.elementType === 'bigint' ? (i: number): Element => BigInt(i + 1) : (i: number): Element => i + 1;
    return { spec, Vec: classOf(spec) as unknown as VecClass, make };
  });
  let acc = 0;
  for (let k = 0; k < plan.cycles; k++) {
    for (const { spec, Vec, make } of classes) {
      for (const storage of plan.storages) acc += commonMethods(vectorIn(storage, Vec, slabs), make);
      if (plan.kernels) for (const n of KERNEL_LENGTHS) acc += kernelMethods(Vec, spec, n, make);
    }
    slabs.plain.reset();
    slabs.shared.reset();
  }
  return acc;
}
