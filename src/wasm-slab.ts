/**
 * `WasmSlab`: a {@link Slab} over its own `WebAssembly.Memory`, with the SIMD kernel module
 * bound to that memory. Vectors allocated from it are ordinary typed vectors; their
 * `sum`, `dot`, `sumOfSquares`, `norm`, `min`, `max`, `add`, `sub`, `mul`, `scale` and `axpy`
 * run in WebAssembly when every operand lives in the slab's memory, with the results of the
 * JavaScript kernels bit for bit.
 *
 * @module
 */

import { pinName } from './class-name.js';
import { throwAllocationError, throwNotAnObject, throwWebAssemblyUnavailable } from './errors.js';
import { WASM_KERNELS_BASE64, type WasmKernelExports } from './generated/wasm-kernels.js';
import { checkIntegerInRange } from './internal.js';
import type { WasmMemoryLike } from './memory.js';
import { Slab, presetSlabRegion } from './slab.js';
import { registerWasmKernels } from './wasm-tier.js';

/** Bytes per WebAssembly page. */
const PAGE = 65536;

/**
 * The `WebAssembly.Memory` type where the program's `lib` declares one (`"DOM"`, or
 * `@types/node`), else the structural {@link WasmMemoryLike}.
 */
export type WasmSlabMemory = typeof globalThis extends {
  /** The global `WebAssembly` namespace. */
  readonly WebAssembly: {
    /** Its `Memory` constructor. */
    readonly Memory: {
      /** `WebAssembly.Memory.prototype`, typed as an instance. */
      readonly prototype: infer M;
    };
  };
}
  ? M
  : WasmMemoryLike;

/** Options of {@link WasmSlab.create} and {@link WasmSlab.createSync}. */
export interface WasmSlabOptions {
  /**
   * `false` runs the JavaScript kernels even where the SIMD module would load: for
   * comparisons, and to test the fallback. Default true.
   */
  readonly simd?: boolean;
}

/** The parts of the `WebAssembly` namespace used here, typed without the DOM `lib`. */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemoryLike;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
  compile(bytes: Uint8Array): Promise<object>;
}

/**
 * The compiled kernel module: undefined until first needed, null where it cannot load (no
 * SIMD in the engine, or a Content-Security-Policy without `'wasm-unsafe-eval'`).
 */
let kernelModule: object | null | undefined;

/** The module's bytes, decoded from the embedded base64. */
function kernelBytes(): Uint8Array {
  // atob is in every runtime with WebAssembly SIMD (Node 16+, browsers); the src `lib` lacks it.
  const text = (globalThis as unknown as { atob(data: string): string }).atob(WASM_KERNELS_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * A slab whose buffer is a `WebAssembly.Memory` of its own, fixed in size, with the SIMD
 * kernels bound to it.
 *
 * - Everything {@link Slab} does: `alloc`, `tryAlloc`, alignment, `reset()` releasing every
 *   vector, `Table.alloc`.
 * - A kernel of an `F64Vec` or `F32Vec` runs in wasm when the vector, its operand and `out`
 *   all live in this memory (allocated here, or `F64Vec.over(slab.memory, ...)`), and the
 *   vector has at least 32 elements (16 for an element-wise kernel); otherwise the
 *   JavaScript kernel runs. The results are
 *   the same bit for bit either way (a `NaN` may differ in its payload bits only).
 * - The memory never grows by itself. If code grows `slab.memory`, its old buffer is
 *   detached and every vector over it throws `DetachedError`, as any vector over a grown
 *   memory does.
 *
 * @example
 * ```ts
 * const slab = await WasmSlab.create(1 << 20);
 * const x = slab.alloc(F64Vec, 4096);
 * const y = slab.alloc(F64Vec, 4096);
 * x.extend([1, 2, 3]);
 * y.extend([4, 5, 6]);
 * x.dot(y); // 32, computed in wasm when slab.simd is true
 * ```
 */
export class WasmSlab extends Slab {
  static {
    pinName(this, 'WasmSlab');
  }

  /**
   * The largest `WasmSlab`: 65,535 pages (4 GiB less one page). The kernels compute the
   * end of a region as a 32-bit address, which must not wrap around.
   */
  static readonly MAX_BYTE_LENGTH = 65535 * PAGE;

  readonly #memory: WasmMemoryLike;
  readonly #simd: boolean;

  /** {@link WasmSlab.createSync}, with `where` naming the method called. */
  private constructor(byteLength: number, options: WasmSlabOptions, where: string) {
    checkIntegerInRange(where, 'byteLength', byteLength, WasmSlab.MAX_BYTE_LENGTH);
    if (typeof options !== 'object' || options === null) throwNotAnObject(where, 'options', options, '{ simd: false }');
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (api === undefined) throwWebAssemblyUnavailable(where);
    const pages = Math.ceil(byteLength / PAGE);
    let memory: WasmMemoryLike;
    try {
      memory = new api.Memory({ initial: pages, maximum: pages });
    } catch (error) {
      throwAllocationError(where, byteLength, error);
    }
    const exports = options.simd === false ? null : instantiate(api, memory);
    presetSlabRegion(memory.buffer, 0, byteLength);
    super(byteLength);
    this.#memory = memory;
    this.#simd = exports !== null;
    if (exports !== null) registerWasmKernels(memory.buffer, exports);
  }

  /**
   * A slab of `byteLength` bytes over a new `WebAssembly.Memory` (rounded up to whole 64 KiB
   * pages; the slab hands out the first `byteLength` bytes), with the kernel module
   * compiled asynchronously, as browsers prefer.
   *
   * @param byteLength - an integer from 0 to {@link WasmSlab.MAX_BYTE_LENGTH}.
   * @param options - see {@link WasmSlabOptions}.
   * @throws what {@link WasmSlab.createSync} throws (as a rejected promise).
   */
  static async create(byteLength: number, options: WasmSlabOptions = {}): Promise<WasmSlab> {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (kernelModule === undefined && api !== undefined && options?.simd !== false) {
      try {
        kernelModule = await api.compile(kernelBytes());
      } catch {
        kernelModule = null;
      }
    }
    return new WasmSlab(byteLength, options, 'WasmSlab.create');
  }

  /**
   * {@link WasmSlab.create}, synchronously: the module is small (about 8 KB) and compiles in
   * well under a millisecond.
   *
   * @param byteLength - an integer from 0 to {@link WasmSlab.MAX_BYTE_LENGTH}.
   * @param options - see {@link WasmSlabOptions}.
   * @throws TypeError or RangeError when `byteLength` is not an integer from 0 to
   * {@link WasmSlab.MAX_BYTE_LENGTH}, or `options` is not an object.
   * @throws TypeError where there is no `WebAssembly`.
   * @throws RangeError when the engine cannot allocate the memory.
   */
  static createSync(byteLength: number, options: WasmSlabOptions = {}): WasmSlab {
    return new WasmSlab(byteLength, options, 'WasmSlab.createSync');
  }

  /** The slab's `WebAssembly.Memory`, for the caller's own wasm code (do not grow it). */
  get memory(): WasmSlabMemory {
    return this.#memory as WasmSlabMemory;
  }

  /**
   * Whether the SIMD kernels serve this slab's vectors; false where the module cannot
   * load (an engine without WebAssembly SIMD, a Content-Security-Policy without
   * `'wasm-unsafe-eval'`) or with `simd: false`, and then the JavaScript kernels run.
   */
  get simd(): boolean {
    return this.#simd;
  }
}

/** The kernel module instantiated over `memory`, or null where the module cannot load. */
function instantiate(api: WebAssemblyApi, memory: WasmMemoryLike): WasmKernelExports | null {
  if (kernelModule === undefined) {
    try {
      kernelModule = new api.Module(kernelBytes());
    } catch {
      kernelModule = null;
    }
  }
  if (kernelModule === null) return null;
  return new api.Instance(kernelModule, { env: { memory } }).exports as WasmKernelExports;
}
