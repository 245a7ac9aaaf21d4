/**
 * Where the kernel module cannot load, `WasmSlab` still works, with `simd === false` and the
 * JavaScript kernels: an engine without WebAssembly SIMD, or a page whose
 * Content-Security-Policy lacks `'wasm-unsafe-eval'` (then compiling any module throws,
 * while creating a `WebAssembly.Memory` still works). Both are simulated by making the
 * compile functions throw while a fresh copy of the library loads and runs. Where the
 * runtime has no `WebAssembly` at all, `WasmSlab` throws a TypeError that says so.
 */

import type * as Library from '../src/index';
import { WebAssemblyApi } from './support/vec-classes';

type WasmGlobal = { Module: unknown; compile: unknown };

/** A fresh copy of the library (its module cache empty), run while `patch` is applied to the global `WebAssembly`. */
function withPatchedWebAssembly<T>(patch: (api: WasmGlobal) => void, run: (lib: typeof Library) => T): T {
  const api = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
  const saved = { Module: api.Module, compile: api.compile };
  patch(api);
  try {
    let lib: typeof Library | undefined;
    jest.isolateModules(() => {
      lib = require('../src/index') as typeof Library;
    });
    return run(lib!);
  } finally {
    Object.assign(api, saved);
  }
}

/** What a CSP without 'wasm-unsafe-eval' makes every compile do. */
function refuseCompiling(api: WasmGlobal): void {
  const refused = () => new WebAssemblyApi.CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script");
  api.Module = function Module() {
    throw refused();
  };
  api.compile = () => Promise.reject(refused());
}

describe('WasmSlab where the kernel module cannot load', () => {
  it('createSync: simd is false and every kernel still computes, in JavaScript', () => {
    withPatchedWebAssembly(refuseCompiling, ({ WasmSlab, F64Vec, F32Vec }) => {
      const slab = WasmSlab.createSync(1 << 16);
      expect(slab.simd).toBe(false);
      const x = slab.alloc(F64Vec, 64);
      const y = slab.alloc(F32Vec, 64);
      x.extend(Array.from({ length: 64 }, (_, i) => i));
      y.extend(Array.from({ length: 64 }, () => 0.5));
      expect([x.sum(), x.dot(x), x.min(), x.max(), y.sum()]).toEqual([2016, 85344, 0, 63, 32]);
      x.axpy(2, x).add(1).scale(0.5);
      expect(x.get(10)).toBe(15.5);
    });
  });

  it('create: the same, and the refusal is not an error of the call', async () => {
    const slab = await withPatchedWebAssembly(refuseCompiling, ({ WasmSlab }) => WasmSlab.create(1 << 16));
    expect(slab.simd).toBe(false);
  });

  it('an engine without SIMD (the module does not validate) falls back the same way', () => {
    const noSimd = (api: WasmGlobal) => {
      api.Module = function Module() {
        throw new WebAssemblyApi.CompileError('WebAssembly.Module(): invalid simd opcode');
      };
    };
    withPatchedWebAssembly(noSimd, ({ WasmSlab, F64Vec }) => {
      const slab = WasmSlab.createSync(1 << 16);
      expect(slab.simd).toBe(false);
      const v = slab.alloc(F64Vec, 32);
      v.extend(Array.from({ length: 32 }, () => 2));
      expect(v.sum()).toBe(64);
    });
  });

  it('without WebAssembly at all: a TypeError naming the method and what to use instead', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly')!;
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    try {
      let lib: typeof Library | undefined;
      jest.isolateModules(() => {
        lib = require('../src/index') as typeof Library;
      });
      expect(() => lib!.WasmSlab.createSync(1024)).toThrow(
        new TypeError('WasmSlab.createSync: WebAssembly is not available here, so there is no WebAssembly.Memory to lay the slab over; use a Slab'),
      );
      // The rest of the library is unaffected.
      const v = new lib!.F64Vec(32);
      v.extend(Array.from({ length: 32 }, () => 1));
      expect(v.sum()).toBe(32);
    } finally {
      Object.defineProperty(globalThis, 'WebAssembly', descriptor);
    }
  });
});
