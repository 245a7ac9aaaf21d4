/**
 * Which buffers the WebAssembly kernels serve: a `WasmSlab` registers its memory's buffer
 * here, and a typed vector built over that buffer (by the slab, or by `F64Vec.over` on
 * `slab.memory`) takes the kernels of its element kind when it is made. This module holds
 * no wasm bytes, so a program that never creates a `WasmSlab` carries none.
 *
 * @internal
 * @module
 */

import type { WasmKernelExports } from './generated/wasm-kernels.js';

/** The element kinds that have wasm kernels: every number kind but f16. */
export type WasmKind = 'f64' | 'f32' | 'i32' | 'u32' | 'i16' | 'u16' | 'i8' | 'u8' | 'u8c';

/**
 * The kernels of one element kind, under kind-neutral names (`sum`, not `sum_i16`). A kind
 * has the kernels its row in `scripts/wasm/kernels-wat.ts` lists (8-bit kinds have no `mul`,
 * for example); the template calls only those, under the `wasm-NAME` conditions.
 */
export type WasmKernels = {
  readonly [K in keyof WasmKernelExports as K extends `${infer Name}_f64` ? Name : never]: WasmKernelExports[K];
};

/**
 * The shortest vector a reduction (`sum`, `dot`, `sumOfSquares`, `min`, `max`) hands to
 * wasm. Below it the JavaScript loop is as fast or faster: the call into wasm (15-20 ns)
 * is not repaid. Measured on Node 20-26, F64Vec `sum()`: wasm 1.02-1.31x the JS tier at 16
 * elements, 0.96-1.18x at 24, 0.89-0.98x at 32 (docs/design.md, "The WebAssembly tier").
 */
export const WASM_MIN_REDUCE = 32;

/**
 * The shortest vector an element-wise kernel (`add`, `sub`, `mul`, `scale`, `axpy`) hands to
 * wasm: `add(y, out)` through wasm measured 0.47-1.06x the JS tier at 16 elements and won
 * from 24 on Node 20-26.
 */
export const WASM_MIN_ELEMENTWISE = 16;

/** The kernels per registered buffer, by kind. A WeakMap: a buffer nobody holds frees its entry. */
const KERNELS = new WeakMap<ArrayBufferLike, ReadonlyMap<string, WasmKernels>>();

/** The kernels of `kind` for vectors over `buffer`, or null when no `WasmSlab` serves it. */
export function wasmKernelsOf(buffer: ArrayBufferLike, kind: WasmKind): WasmKernels | null {
  return KERNELS.get(buffer)?.get(kind) ?? null;
}

/**
 * Serves vectors over `buffer` with the kernel module instance's `exports`, grouped by the
 * kind their names end in (`sum_i16` is `sum` of `i16`): one plain object per kind keeps
 * each class's call sites monomorphic.
 */
export function registerWasmKernels(buffer: ArrayBufferLike, exports: WasmKernelExports): void {
  const byKind = new Map<string, Record<string, unknown>>();
  for (const [name, fn] of Object.entries(exports)) {
    const split = name.lastIndexOf('_');
    const kind = name.slice(split + 1);
    let kernels = byKind.get(kind);
    if (kernels === undefined) byKind.set(kind, (kernels = {}));
    kernels[name.slice(0, split)] = fn;
  }
  KERNELS.set(buffer, byKind as unknown as ReadonlyMap<string, WasmKernels>);
}
