/**
 * `WasmSlab` (issue 15): a Slab over its own `WebAssembly.Memory` whose F64Vec and F32Vec
 * kernels run in SIMD wasm. What is checked:
 *
 * - the slab: sizes, the memory, Slab's allocation, reset and release, `Table.alloc`,
 *   `simd: false`, a grown memory (DetachedError), and the bad-input matrix;
 * - dispatch: with the slab's kernels wrapped in counters, each kernel runs in wasm exactly
 *   when every operand is in the slab's memory, the vector has at least 16 elements and `out`
 *   does not start inside a source after its start; otherwise the JS loop runs;
 * - same results: every kernel in both tiers (this slab, and one with `simd: false`),
 *   compared bit for bit over the whole memory region they touch (a NaN may differ in its
 *   payload only), at lengths 0, 1, odd, 15-17, 127-129, 1000 and random ones, with NaN, -0,
 *   infinities, subnormals and huge values, in place, into an operand, and with `out`
 *   shifted forward and backward over either source.
 */

import fc from 'fast-check';
import { DetachedError, EmptyError, F32Vec, F64Vec, I16Vec, I32Vec, I8Vec, ReleasedError, Slab, Table, U16Vec, U32Vec, U8ClampedVec, U8Vec, WasmSlab } from '../src/index';
import { KERNEL_KINDS } from '../scripts/wasm/kernels-wat';
import type { WasmKernelExports } from '../src/generated/wasm-kernels';
import { WASM_MIN_ELEMENTWISE, WASM_MIN_REDUCE, registerWasmKernels, wasmKernelsOf, type WasmKind } from '../src/wasm-tier';
import { WebAssemblyApi } from './support/vec-classes';

const PAGE = 65536;

/** What `call` threw: its class and message, or 'nothing'. */
function thrown(call: () => unknown): { type: string; message: string } | 'nothing' {
  try {
    call();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
  return 'nothing';
}

describe('WasmSlab: the slab', () => {
  it('createSync: a Slab over a fixed WebAssembly.Memory of whole pages, SIMD kernels on', () => {
    const slab = WasmSlab.createSync(100_000);
    expect(slab).toBeInstanceOf(Slab);
    expect(slab.simd).toBe(true);
    expect(slab.memory).toBeInstanceOf(WebAssemblyApi.Memory);
    expect(slab.memory.buffer.byteLength).toBe(2 * PAGE);
    expect(slab.buffer).toBe(slab.memory.buffer);
    expect([slab.byteOffset, slab.byteLength, slab.used, slab.remaining]).toEqual([0, 100_000, 0, 100_000]);
    // Fixed size: the memory cannot grow past its first size.
    expect(() => slab.memory.grow(1)).toThrow(RangeError);
    expect(wasmKernelsOf(slab.buffer, 'f64')).not.toBeNull();
  });

  it('create: the same, with the module compiled asynchronously', async () => {
    const slab = await WasmSlab.create(PAGE);
    expect(slab.simd).toBe(true);
    const x = slab.alloc(F64Vec, 64);
    x.extend(Array.from({ length: 64 }, (_, i) => i));
    expect(x.sum()).toBe(2016);
  });

  it('allocates, aligns and releases as Slab does; reset releases every vector', () => {
    const slab = WasmSlab.createSync(4096);
    const bytes = slab.alloc(U8Vec, 3);
    const f = slab.alloc(F64Vec, 16);
    expect(f.view().byteOffset).toBe(8);
    expect(slab.used).toBe(8 + 128);
    expect(slab.tryAlloc(F64Vec, 1000)).toBeNull();
    expect(thrown(() => slab.alloc(F64Vec, 1000))).toMatchObject({ type: 'CapacityError' });
    slab.reset();
    expect(slab.used).toBe(0);
    expect(() => f.sum()).toThrow(ReleasedError);
    expect(() => bytes.push(1)).toThrow(ReleasedError);
  });

  it('Table.alloc takes its columns from a WasmSlab, and their kernels run there', () => {
    const slab = WasmSlab.createSync(PAGE);
    const t = Table.alloc(slab, 100, { x: F32Vec, y: F32Vec, id: I32Vec });
    for (let i = 0; i < 40; i++) t.pushRow({ x: i, y: 2 * i, id: i });
    t.cols.x.axpy(0.5, t.cols.y);
    expect(t.cols.x.sum()).toBe(2 * (39 * 40) / 2);
    expect(t.cols.x.dot(t.cols.y)).toBe(Array.from({ length: 40 }, (_, i) => 2 * i * 2 * i).reduce((a, b) => a + b));
  });

  it('simd: false runs the JavaScript kernels over the same memory', () => {
    const slab = WasmSlab.createSync(PAGE, { simd: false });
    expect(slab.simd).toBe(false);
    expect(wasmKernelsOf(slab.buffer, 'f64')).toBeNull();
    const v = slab.alloc(F64Vec, 32);
    v.extend(Array.from({ length: 32 }, (_, i) => i));
    expect(v.sum()).toBe(496);
  });

  it('a grown memory detaches the vectors: DetachedError, never a read of the new buffer', () => {
    const slab = WasmSlab.createSync(PAGE);
    const v = slab.alloc(F64Vec, 64);
    const w = slab.alloc(F32Vec, 64);
    v.extend(Array.from({ length: 64 }, () => 1));
    w.extend(Array.from({ length: 64 }, () => 1));
    expect(slab.memory.grow(0)).toBe(1); // grow(0) still installs a new buffer
    for (const call of [() => v.sum(), () => v.dot(v), () => v.add(1), () => v.axpy(2, v), () => w.min(), () => w.scale(2)]) {
      expect(call).toThrow(DetachedError);
    }
    expect(thrown(() => slab.alloc(F64Vec, 1))).toMatchObject({ type: 'DetachedError', message: expect.stringContaining('Slab.alloc') });
  });

  it('rejects a bad size or options with an error naming the method, the argument and the bound', () => {
    const max = WasmSlab.MAX_BYTE_LENGTH;
    expect(max).toBe(65535 * PAGE);
    for (const bad of [-1, 1.5, NaN, max + 1, '64']) {
      expect(thrown(() => WasmSlab.createSync(bad as number))).toMatchObject({
        message: expect.stringMatching(new RegExp(`^WasmSlab\\.createSync: byteLength .*an integer from 0 to ${max}`)),
      });
    }
    expect(thrown(() => WasmSlab.createSync(64, null as never))).toMatchObject({ type: 'TypeError', message: expect.stringContaining('WasmSlab.createSync: options') });
  });

  it('create rejects (it does not throw synchronously) with the same errors, naming create', async () => {
    const pending = WasmSlab.create(-1);
    await expect(pending).rejects.toThrow(/^WasmSlab\.create: byteLength/);
  });

  it('a zero-byte slab works and allocates only empty vectors', () => {
    const slab = WasmSlab.createSync(0);
    expect(slab.byteLength).toBe(0);
    expect(slab.alloc(F64Vec, 0).sum()).toBe(0);
    expect(slab.tryAlloc(F64Vec, 1)).toBeNull();
  });
});

/** The slab's kernels wrapped in counters: vectors made after this call count their wasm calls. */
function countCalls(slab: WasmSlab): Map<string, number> {
  const counts = new Map<string, number>();
  const exports: Record<string, (...args: number[]) => unknown> = {};
  for (const { id: kind } of KERNEL_KINDS) {
    const kernels = wasmKernelsOf(slab.buffer, kind) as unknown as Record<string, (...args: number[]) => unknown>;
    for (const [name, fn] of Object.entries(kernels)) {
      exports[`${name}_${kind}`] = (...args) => {
        counts.set(`${name}_${kind}`, (counts.get(`${name}_${kind}`) ?? 0) + 1);
        return fn(...args);
      };
    }
  }
  registerWasmKernels(slab.buffer, exports as unknown as WasmKernelExports);
  return counts;
}

describe.each([
  ['F64Vec', F64Vec, 'f64'],
  ['F32Vec', F32Vec, 'f32'],
] as const)('WasmSlab dispatch: %s', (_name, Cls, kind: WasmKind) => {
  const N = 40;
  /** A fresh slab with counting kernels and three full vectors in it. */
  function setup(length = N) {
    const slab = WasmSlab.createSync(PAGE);
    const counts = countCalls(slab);
    const make = (f: (i: number) => number) => {
      const v = slab.alloc(Cls as typeof F64Vec, length);
      v.extend(Array.from({ length }, (_, i) => f(i)));
      return v;
    };
    return { slab, counts, a: make((i) => i + 1), b: make((i) => 2 - i / 4), out: make(() => 0) };
  }
  const calls = (counts: Map<string, number>) => Object.fromEntries(counts);

  it.each([
    ['sum', ({ a }: ReturnType<typeof setup>) => a.sum()],
    ['sumsq', ({ a }: ReturnType<typeof setup>) => a.sumOfSquares()],
    ['sumsq', ({ a }: ReturnType<typeof setup>) => a.norm()],
    ['dot', ({ a, b }: ReturnType<typeof setup>) => a.dot(b)],
    ['dot', ({ a, b }: ReturnType<typeof setup>) => a.dot(b.view())],
    ['min', ({ a }: ReturnType<typeof setup>) => a.min()],
    ['max', ({ a }: ReturnType<typeof setup>) => a.max()],
    ['add', ({ a, b }: ReturnType<typeof setup>) => a.add(b)],
    ['add', ({ a, b, out }: ReturnType<typeof setup>) => a.add(b.view(), out)],
    ['adds', ({ a, out }: ReturnType<typeof setup>) => a.add(0.1, out)],
    ['sub', ({ a, b }: ReturnType<typeof setup>) => a.sub(b, b)],
    ['subs', ({ a }: ReturnType<typeof setup>) => a.sub(3)],
    ['mul', ({ a, b, out }: ReturnType<typeof setup>) => a.mul(b, out)],
    ['muls', ({ a }: ReturnType<typeof setup>) => a.mul(1.5)],
    ['muls', ({ a, out }: ReturnType<typeof setup>) => a.scale(0.25, out)],
    ['axpy', ({ a, b }: ReturnType<typeof setup>) => a.axpy(0.5, b)],
    ['axpy', ({ a, b, out }: ReturnType<typeof setup>) => a.axpy(0.5, b, out)],
  ])('runs %s in wasm when every operand is in the slab', (kernel, call) => {
    const s = setup();
    call(s);
    expect(calls(s.counts)).toEqual({ [`${kernel}_${kind}`]: 1 });
  });

  it(`runs the JS loop below ${WASM_MIN_REDUCE} elements (reductions) and ${WASM_MIN_ELEMENTWISE} (element-wise)`, () => {
    const s = setup(WASM_MIN_ELEMENTWISE - 1);
    s.a.sum();
    s.a.add(s.b, s.out);
    s.a.axpy(2, s.b);
    expect(calls(s.counts)).toEqual({});
    const t = setup(WASM_MIN_REDUCE - 1);
    t.a.sum();
    t.a.dot(t.b);
    t.a.add(t.b, t.out);
    expect(calls(t.counts)).toEqual({ [`add_${kind}`]: 1 });
    const u = setup(WASM_MIN_REDUCE);
    u.a.sum();
    u.a.min();
    expect(calls(u.counts)).toEqual({ [`sum_${kind}`]: 1, [`min_${kind}`]: 1 });
  });

  it('runs the JS loop, with the same result, when an operand or out lives elsewhere', () => {
    const s = setup();
    const elsewhere = new Slab(PAGE).alloc(Cls as typeof F64Vec, N);
    elsewhere.extend(s.b.view());
    const own = new (Cls as typeof F64Vec)(N);
    own.extend(s.a.view());
    expect(s.a.dot(elsewhere)).toBe(own.dot(elsewhere));
    expect(s.a.dot(new (Cls.Array as Float64ArrayConstructor)(s.b.view()))).toBe(own.dot(elsewhere));
    s.a.add(s.b, elsewhere);
    expect(elsewhere.toArray()).toEqual(own.add(s.b.view()).toArray());
    s.a.axpy(2, elsewhere, s.out);
    expect(calls(s.counts)).toEqual({});
  });

  it('runs the JS loop when out starts inside a source after its start, and wasm when it starts before', () => {
    const s = setup();
    const bytes = Cls.BYTES_PER_ELEMENT;
    const base = s.slab.alloc(Cls as typeof F64Vec, 2 * N).view().byteOffset;
    const raw = new (Cls.Array as Float64ArrayConstructor)(s.slab.buffer, base, 2 * N);
    raw.set(Array.from({ length: 2 * N }, (_, i) => i));
    const src = Cls.assumeInit(s.slab.memory, base + 4 * bytes, N, N);
    const ahead = Cls.assumeInit(s.slab.memory, base + 5 * bytes, N, N);
    const behind = Cls.assumeInit(s.slab.memory, base + 3 * bytes, N, N);
    src.add(1, ahead);
    expect(calls(s.counts)).toEqual({});
    src.add(1, behind);
    expect(calls(s.counts)).toEqual({ [`adds_${kind}`]: 1 });
  });

  it('lets the JS path report bad operands, with nothing changed', () => {
    const s = setup();
    const short = s.slab.alloc(Cls as typeof F64Vec, N);
    short.extend([1, 2, 3]);
    const before = s.a.toArray();
    expect(thrown(() => s.a.add(short))).toMatchObject({ type: 'RangeError', message: expect.stringContaining(`${Cls.name}.add`) });
    expect(thrown(() => s.a.dot(short.view()))).toMatchObject({ type: 'RangeError' });
    expect(thrown(() => s.a.add(s.b, short))).toMatchObject({ type: 'RangeError' });
    s.slab.reset();
    const fresh = s.slab.alloc(Cls as typeof F64Vec, N);
    fresh.extend(before);
    expect(thrown(() => fresh.add(s.b))).toMatchObject({ type: 'ReleasedError' });
    expect(fresh.toArray()).toEqual(before);
    expect(calls(s.counts)).toEqual({});
  });
});

describe('WasmSlab dispatch: integer kinds', () => {
  /** A slab with counting kernels, and two full vectors of `Cls` in it. */
  function pair<C extends typeof I32Vec | typeof I8Vec | typeof U8ClampedVec>(Cls: C) {
    const slab = WasmSlab.createSync(PAGE);
    const counts = countCalls(slab);
    const a = slab.alloc(Cls as typeof I32Vec, 32);
    const b = slab.alloc(Cls as typeof I32Vec, 32);
    a.extend(Array.from({ length: 32 }, (_, i) => i));
    b.extend(Array.from({ length: 32 }, () => 3));
    return { a, b, counts: () => Object.fromEntries(counts) };
  }

  it('an integer scalar runs in wasm, a fractional one in the JS loop (its double arithmetic)', () => {
    const { a, counts } = pair(I32Vec);
    a.add(5).mul(-3).scale(2 ** 33 + 1);
    expect(counts()).toEqual({ adds_i32: 1, muls_i32: 2 });
    a.add(0.5).scale(1.5).axpy(0.25, a);
    expect(counts()).toEqual({ adds_i32: 1, muls_i32: 2 });
  });

  it('an integer dot, sum or sum of squares is never -0 (0 * -3 is -0 in double), in wasm as in JS', () => {
    const { a, b, counts } = pair(I32Vec);
    a.fill(0);
    b.fill(-3);
    expect([a.dot(b), b.mul(0).sum(), a.sumOfSquares()].map((x) => Object.is(x, 0))).toEqual([true, true, true]);
    expect(counts()).toEqual({ dot_i32: 1, muls_i32: 1, sum_i32: 1, sumsq_i32: 1 });
  });

  it('8-bit kinds multiply in the JS loop; the clamped kind adds vectors in wasm (saturating) and scalars in JS', () => {
    const i8 = pair(I8Vec);
    i8.a.mul(i8.b).add(i8.b).axpy(2, i8.b);
    expect(i8.counts()).toEqual({ add_i8: 1 });
    const c = pair(U8ClampedVec);
    c.a.add(c.b).add(300).sub(c.b).mul(c.b);
    expect(c.counts()).toEqual({ add_u8c: 1, sub_u8c: 1 });
    expect(c.a.get(31)).toBe(255); // ((31 + 3 + 300 -> 255) - 3) * 3, clamped
  });
});

// ---------------------------------------------------------------------------------
// Same results in both tiers, over the whole region a kernel can touch.
// ---------------------------------------------------------------------------------

type Vec = F64Vec;

/** The classes with wasm kernels, as one type (their calls are typed as F64Vec's below). */
type VecClass = typeof F64Vec | typeof F32Vec | typeof I32Vec | typeof U32Vec | typeof I16Vec | typeof U16Vec | typeof I8Vec | typeof U8Vec | typeof U8ClampedVec;

/** A kernel call and the vectors it may write: `a` (this), `b` (the operand), `o` (out); `k` is a scalar. */
type KernelCall = (a: Vec, b: Vec, o: Vec, k: number) => unknown;

/** Every kernel form with a wasm path, by name. */
const CALLS: Record<string, KernelCall> = {
  sum: (a) => a.sum(),
  dot: (a, b) => a.dot(b),
  'dot(view)': (a, b) => a.dot(b.view()),
  sumOfSquares: (a) => a.sumOfSquares(),
  norm: (a) => a.norm(),
  mean: (a) => a.mean(),
  min: (a) => a.min(),
  max: (a) => a.max(),
  'add(v)': (a, b) => a.add(b),
  'add(v, out)': (a, b, o) => a.add(b, o),
  'add(view, out)': (a, b, o) => a.add(b.view(), o),
  'add(k)': (a, _b, _o, k) => a.add(k),
  'add(k, out)': (a, _b, o, k) => a.add(k, o),
  'sub(v, out)': (a, b, o) => a.sub(b, o),
  'sub(k, out)': (a, _b, o, k) => a.sub(k, o),
  'mul(v)': (a, b) => a.mul(b),
  'mul(v, out)': (a, b, o) => a.mul(b, o),
  'mul(k, out)': (a, _b, o, k) => a.mul(k, o),
  'scale(k)': (a, _b, _o, k) => a.scale(k),
  'scale(k, out)': (a, _b, o, k) => a.scale(k, o),
  'axpy(k, v)': (a, b, _o, k) => a.axpy(k, b),
  'axpy(k, v, out)': (a, b, o, k) => a.axpy(k, b, o),
  'axpy(k, a, a)': (a, _b, _o, k) => a.axpy(k, a, a),
};

/**
 * Where `out` sits, in elements from the start of the region: `a` is at 8 and `b` at
 * `n + 24`; `separate` puts out after both, the others on top of a source, shifted.
 */
const LAYOUTS = ['separate', 'a-3', 'a-1', 'a', 'a+1', 'a+2', 'a+5', 'b-2', 'b', 'b+1', 'b+3'] as const;
type Layout = (typeof LAYOUTS)[number];

function outStart(layout: Layout, n: number): number {
  if (layout === 'separate') return 2 * n + 40;
  const base = layout.startsWith('a') ? 8 : n + 24;
  const shift = layout.length > 1 ? Number(layout.slice(1)) : 0;
  return base + shift;
}

/** Runs `call` on vectors over `slab`'s memory holding `values`; returns what it returned (or threw) and the region after. */
function runIn(slab: WasmSlab, Cls: VecClass, call: KernelCall, layout: Layout, values: readonly number[], n: number, k: number) {
  const Arr = Cls.Array as Float64ArrayConstructor;
  const region = new Arr(slab.buffer, 0, values.length);
  region.set(values);
  const at = (element: number) => element * Cls.BYTES_PER_ELEMENT;
  const a = Cls.assumeInit(slab.memory, at(8), n, n) as unknown as Vec;
  const b = Cls.assumeInit(slab.memory, at(n + 24), n, n) as unknown as Vec;
  const o = Cls.assumeInit(slab.memory, at(outStart(layout, n)), n, n) as unknown as Vec;
  let result: unknown;
  try {
    const r = call(a, b, o, k);
    result = r === a ? 'a' : r === b ? 'b' : r === o ? 'o' : r;
  } catch (error) {
    result = `${(error as Error).name}: ${(error as Error).message}`;
  }
  return { result, region: Array.from(region) };
}

/** Bit-for-bit equality, except that any NaN equals any NaN. */
const same = (x: unknown, y: unknown): boolean => Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));

function expectSameRun(Cls: VecClass, name: string, layout: Layout, values: readonly number[], n: number, k: number) {
  const wasm = runIn(WASM, Cls, CALLS[name], layout, values, n, k);
  const js = runIn(JS_TIER, Cls, CALLS[name], layout, values, n, k);
  const where = `${Cls.name} ${name}, n = ${n}, out at ${layout}, k = ${k}`;
  if (!same(wasm.result, js.result)) throw new Error(`${where}: returned ${String(wasm.result)} in wasm, ${String(js.result)} in JS`);
  for (let i = 0; i < values.length; i++) {
    if (!same(wasm.region[i], js.region[i])) throw new Error(`${where}: element ${i} of the region is ${wasm.region[i]} in wasm, ${js.region[i]} in JS`);
  }
}

const WASM = WasmSlab.createSync(8 * PAGE);
const JS_TIER = WasmSlab.createSync(8 * PAGE, { simd: false });
const WASM_CALLS = countCalls(WASM);

/** A vector class with wasm kernels, and the values and scalars its runs use. */
interface TierKind {
  readonly Cls: VecClass;
  /** Values that exercise the type's corners. */
  readonly special: readonly number[];
  /** An ordinary value of the type from 32 random bits. */
  readonly ordinary: (bits: number) => number;
  /** Scalars: for an integer kind, integers (wasm) and fractions (the JS loop). */
  readonly scalars: readonly number[];
}

/** Integer corners of a type from `min` to `max`. */
const integerCorners = (min: number, max: number): number[] => [min, max, 0, 1, min + 1, max - 1, -1, 2 ** 15, -(2 ** 15), 255, 256];
const integerScalars = [3, -7, 0, 2 ** 31 + 5, -(2 ** 40) - 3, 0.5, -2.75, 1e300, NaN];
const integerKind = (Cls: VecClass, min: number, max: number): TierKind => ({
  Cls,
  special: integerCorners(min, max),
  ordinary: (bits) => min + (bits % (max - min + 1)),
  scalars: integerScalars,
});

/** Values that exercise IEEE corners. */
const FLOAT_SPECIAL = [NaN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, 1e308, -1e308, 2 ** -1030, 1.5, -2.25];
const floatKind = (Cls: VecClass): TierKind => ({
  Cls,
  special: FLOAT_SPECIAL,
  ordinary: (bits) => (bits / 2 ** 32 - 0.3) * 10 ** ((bits % 7) - 3),
  scalars: [0.3, -0, Infinity, NaN, 1e300, -3],
});

/** Every class with wasm kernels. */
const TIER_KINDS: readonly TierKind[] = [
  floatKind(F64Vec),
  floatKind(F32Vec),
  integerKind(I32Vec, -(2 ** 31), 2 ** 31 - 1),
  integerKind(U32Vec, 0, 2 ** 32 - 1),
  integerKind(I16Vec, -(2 ** 15), 2 ** 15 - 1),
  integerKind(U16Vec, 0, 2 ** 16 - 1),
  integerKind(I8Vec, -128, 127),
  integerKind(U8Vec, 0, 255),
  integerKind(U8ClampedVec, 0, 255),
];

/** A deterministic stream of values (a linear congruential generator), with the kind's corners mixed in. */
function valuesFor(kind: TierKind, count: number, seed: number, specials: boolean): number[] {
  let x = seed >>> 0 || 1;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    if (specials && x % 37 === 0) return kind.special[x % kind.special.length];
    return kind.ordinary(x);
  });
}

describe.each(TIER_KINDS.map((kind) => [kind.Cls.name, kind] as const))("WasmSlab: %s kernels give the JS tier's results bit for bit", (_name, kind) => {
  const { Cls } = kind;
  /**
   * Lengths around 0, the dispatch thresholds (16 and 32), a leaf (128), two leaves (256,
   * summed side by side) and four, each in every layout.
   */
  const SHORT = [0, 1, 3, 15, 16, 17, 31, 32, 33, 127, 128, 129, 255, 256, 257, 512, 513];
  /**
   * Longer vectors, in two layouts: several tree levels, full trees (4096: 32 leaves, whose
   * halves the wasm tier walks side by side, down to neighbouring leaves), a partial last
   * leaf, and a tree of 128 leaves beside smaller ones (16,517).
   */
  const LONG = [1000, 4096, 4100, 16_517];

  it.each(Object.keys(CALLS))('%s at every length and layout, ordinary values', (name) => {
    for (const n of SHORT) {
      const values = valuesFor(kind, 3 * n + 64, n + 7, false);
      for (const layout of LAYOUTS) expectSameRun(Cls, name, layout, values, n, kind.scalars[0]);
    }
    for (const n of LONG) {
      const values = valuesFor(kind, 3 * n + 64, n + 7, false);
      for (const layout of ['separate', 'a+1'] as const) expectSameRun(Cls, name, layout, values, n, kind.scalars[0]);
    }
  });

  it.each(Object.keys(CALLS))("%s with the type's corner values and every scalar", (name) => {
    for (const n of [1, 33, 256, 1000]) {
      const values = valuesFor(kind, 3 * n + 64, 3 * n + 1, true);
      for (const k of kind.scalars) {
        for (const layout of ['separate', 'a-1'] as const) expectSameRun(Cls, name, layout, values, n, k);
      }
    }
  });

  it('random kernels, lengths, layouts, values and scalars (fast-check)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(kind.ordinary), fc.constantFrom(...kind.special));
    const scalar = fc.oneof(fc.constantFrom(...kind.scalars), fc.double(), fc.integer());
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(CALLS)),
        fc.constantFrom(...LAYOUTS),
        fc.integer({ min: 0, max: 400 }),
        fc.array(value, { minLength: 1, maxLength: 64 }),
        scalar,
        (name, layout, n, pattern, k) => {
          // The region repeats the generated pattern, so long vectors get generated values too.
          const values = Array.from({ length: 3 * n + 64 }, (_, i) => pattern[(i * 7) % pattern.length]);
          expectSameRun(Cls, name, layout, values, n, k);
        },
      ),
      { numRuns: Number(process.env.WASM_RUNS ?? 80) },
    );
  });

  it('the runs above went through wasm (each kernel of this kind was called)', () => {
    const row = KERNEL_KINDS.find((r) => r.id === Cls.elementType)!;
    expect(row.kernels.length).toBeGreaterThan(6);
    const calls = row.kernels.map((kernel) => [kernel, WASM_CALLS.get(`${kernel}_${row.id}`) ?? 0] as const);
    expect(calls.filter(([, count]) => count < 10)).toEqual([]);
  });

  it('min and max of an empty vector throw EmptyError in both tiers', () => {
    for (const slab of [WASM, JS_TIER]) {
      const v = Cls.over(slab.memory, 0, 4);
      expect(() => v.min()).toThrow(EmptyError);
      expect(() => v.max()).toThrow(EmptyError);
    }
  });
});
