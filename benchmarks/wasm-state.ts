/**
 * The memory the "wasm" table measures: three vectors `x`, `y`, `out` of one slab for each
 * tier (the raw baseline over a plain `Slab`, the JS kernels over a `WasmSlab` with
 * `simd: false`, the wasm kernels over a `WasmSlab`), and the kernel module's exports bound
 * to a memory of the table's own, for the lengths the library does not dispatch.
 *
 * @module
 */

import { F32Vec, F64Vec, Slab, WasmSlab } from '../src/index.js';
import { WASM_KERNELS_BASE64, type WasmKernelExports } from '../src/generated/wasm-kernels.js';
import { wasmKernelsOf } from '../src/wasm-tier.js';
import { timerOverheadMs } from './runner.js';
import type { TimedState } from './state.js';
import type { WasmVector } from './wasm-results.js';

/**
 * Where a contender's vectors live and which code runs: `raw`, typed arrays over a plain
 * `Slab` (the naive loops run on them); `js`, a `WasmSlab` with `simd: false` (the JS
 * kernels over the same kind of memory); `wasm`, a `WasmSlab` (the SIMD kernels).
 */
export type Tier = 'raw' | 'js' | 'wasm';

/** The typed array of a {@link WasmVector}. */
export type RawArray = Float64Array | Float32Array;

/** The kernels the table calls, as `F64Vec` and `F32Vec` both declare them (see their TSDoc). */
export interface KernelVec {
  /** The element count. */
  readonly length: number;
  /** The element at `index`. */
  get(index: number): number;
  /** The pairwise sum. */
  sum(): number;
  /** The pairwise sum of the products with `other`'s elements. */
  dot(other: KernelVec): number;
  /** The pairwise sum of the squares. */
  sumOfSquares(): number;
  /** The Euclidean norm. */
  norm(): number;
  /** The smallest element. */
  min(): number;
  /** The largest element. */
  max(): number;
  /** `out[i] = this[i] + operand[i]` (or `+ operand`, a number). */
  add(operand: KernelVec | number, out: KernelVec): KernelVec;
  /** `out[i] = this[i] - operand[i]` (or `- operand`). */
  sub(operand: KernelVec | number, out: KernelVec): KernelVec;
  /** `out[i] = this[i] * operand[i]` (or `* operand`). */
  mul(operand: KernelVec | number, out: KernelVec): KernelVec;
  /** `out[i] = this[i] * k`. */
  scale(k: number, out: KernelVec): KernelVec;
  /** `out[i] = this[i] + a * x[i]`. */
  axpy(a: number, x: KernelVec, out: KernelVec): KernelVec;
  /** A typed array over the elements, in the vector's memory. */
  view(): RawArray;
}

/** What every loop of the table works on: one tier's vectors, their raw views, and the exports. */
export interface WasmState extends TimedState {
  /** Operands and result: three full vectors of one slab. */
  readonly x: KernelVec;
  readonly y: KernelVec;
  readonly out: KernelVec;
  /** The same three as typed arrays over the same memory. */
  readonly rawX: RawArray;
  readonly rawY: RawArray;
  readonly rawOut: RawArray;
  /** The module's exports over this state's memory (a `wasm` state's only; null otherwise). */
  readonly exports: WasmKernelExports | null;
  /** Byte offsets of `x`, `y`, `out` in that memory. */
  readonly px: number;
  readonly py: number;
  readonly pout: number;
  /** The element count. */
  readonly n: number;
  /** Repetitions per call. */
  readonly reps: number;
}

/** The structural type of a `WebAssembly.Memory` and the API used to bind the exports (no DOM `lib` here). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

let kernelModule: object | undefined;

/**
 * The kernel module (the bytes the library embeds) instantiated over `memory`: the same code
 * a `WasmSlab`'s vectors call, here called directly, without the library's dispatch.
 */
export function kernelExports(memory: object): WasmKernelExports {
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  kernelModule ??= new api.Module(Uint8Array.from(Buffer.from(WASM_KERNELS_BASE64, 'base64')));
  return new api.Instance(kernelModule, { env: { memory } }).exports as WasmKernelExports;
}

/** `n` elements, multiples of 1/8 (`scale` 0.5 or 0.25) so that every sum of them and of their products is exact, in f32 too. */
export function exactValues(n: number, period: number, scale: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (i % period) * scale;
  return out;
}

/** The class of a {@link WasmVector}. */
function classOf(vector: WasmVector): typeof F64Vec | typeof F32Vec {
  return vector === 'F64Vec' ? F64Vec : F32Vec;
}

/** A slab of `bytes` for `tier`. @throws Error when a `wasm` slab runs no SIMD kernels (the table would measure nothing). */
function slabFor(tier: Tier, bytes: number): Slab {
  if (tier === 'raw') return new Slab(bytes);
  const slab = WasmSlab.createSync(bytes, { simd: tier === 'wasm' });
  if (tier === 'wasm' && !slab.simd) throw new Error('WasmSlab.simd is false: this engine cannot load the SIMD kernels');
  return slab;
}

/**
 * A fresh state: `x`, `y` and `out` of `n` elements (`out` starts as zeros) in one slab of
 * `tier`, `reps` repetitions per call.
 *
 * @throws Error when a `wasm` state's vectors would not take the wasm kernels.
 */
export function wasmState(vector: WasmVector, tier: Tier, n: number, reps: number): WasmState {
  const Vec = classOf(vector);
  const slab = slabFor(tier, 3 * Vec.bytesFor(n));
  const [x, y, out] = [exactValues(n, 1000, 0.5), exactValues(n, 89, 0.25), new Float64Array(n)].map((values) => {
    const vec = slab.alloc(Vec as typeof F64Vec, n);
    vec.extend(values);
    return vec as unknown as KernelVec;
  });
  const [rawX, rawY, rawOut] = [x.view(), y.view(), out.view()];
  const memory = slab instanceof WasmSlab && tier === 'wasm' ? slab.memory : null;
  if (memory !== null && wasmKernelsOf(rawX.buffer, vector === 'F64Vec' ? 'f64' : 'f32') === null) {
    throw new Error(`${vector} over a WasmSlab's memory is not served by the wasm kernels`);
  }
  return {
    x, y, out, rawX, rawY, rawOut,
    exports: memory === null ? null : kernelExports(memory),
    px: rawX.byteOffset, py: rawY.byteOffset, pout: rawOut.byteOffset,
    n, reps, overhead: timerOverheadMs(), elapsed: 0,
  };
}
