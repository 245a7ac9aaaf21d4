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

/** The element kinds that have wasm kernels. */
export type WasmKind = 'f64' | 'f32';

/** The kernels of one element kind, under kind-neutral names (`sum`, not `sum_f64`). */
export type WasmKernels = {
  readonly [K in keyof WasmKernelExports as K extends `${infer Name}_f64` ? Name : never]: WasmKernelExports[K];
};

/**
 * The shortest vector a kernel hands to wasm: below it the JavaScript loop is as fast or
 * faster, the wasm call's fixed cost not being repaid (docs/design.md, "The WebAssembly
 * tier", where the crossover was measured).
 */
export const WASM_MIN_LENGTH = 16;

/** The kernels per registered buffer. A WeakMap: a buffer nobody holds frees its entry. */
const KERNELS = new WeakMap<ArrayBufferLike, Readonly<Record<WasmKind, WasmKernels>>>();

/** The kernels of `kind` for vectors over `buffer`, or null when no `WasmSlab` serves it. */
export function wasmKernelsOf(buffer: ArrayBufferLike, kind: WasmKind): WasmKernels | null {
  const kernels = KERNELS.get(buffer);
  return kernels === undefined ? null : kernels[kind];
}

/** Serves vectors over `buffer` with the kernel module instance's `exports`. */
export function registerWasmKernels(buffer: ArrayBufferLike, exports: WasmKernelExports): void {
  KERNELS.set(buffer, { f64: kernelsOfKind(exports, 'f64'), f32: kernelsOfKind(exports, 'f32') });
}

/** The exports of `kind`, renamed: one plain object per kind keeps each class's call sites monomorphic. */
function kernelsOfKind(exports: WasmKernelExports, kind: WasmKind): WasmKernels {
  const kernels: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(exports)) {
    const suffix = `_${kind}`;
    if (name.endsWith(suffix)) kernels[name.slice(0, -suffix.length)] = fn;
  }
  return kernels as WasmKernels;
}
