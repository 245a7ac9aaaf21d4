/**
 * F16Vec on a runtime without `Float16Array` (Node 20 and 22, Chromium before 135, Firefox
 * before 129, Safari before 18.2): the package still loads and every other class works, and
 * every way to make an F16Vec throws a TypeError that names the method, says what is missing
 * and which runtimes have it. Where the runtime has `Float16Array`, the global is taken away
 * while a fresh copy of the library loads, so these tests run on every Node.
 */

import { FLOAT16_RUNTIMES } from '../src/errors';
import type * as Library from '../src/index';

/** Whether this runtime has `Float16Array` (it is removed for the fresh copy either way). */
const RUNTIME_HAS_FLOAT16 = typeof (globalThis as { Float16Array?: unknown }).Float16Array === 'function';

/** A fresh copy of the library, loaded while `globalThis.Float16Array` does not exist. */
function libraryWithoutFloat16(): typeof Library {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Float16Array');
  if (descriptor !== undefined) delete (globalThis as { Float16Array?: unknown }).Float16Array;
  try {
    let lib: typeof Library | undefined;
    jest.isolateModules(() => {
      lib = require('../src/index') as typeof Library;
    });
    return lib!;
  } finally {
    if (descriptor !== undefined) Object.defineProperty(globalThis, 'Float16Array', descriptor);
  }
}

/** The message of the error for `where`. */
const missing = (where: string): string =>
  `${where}: this runtime has no Float16Array, which F16Vec stores its elements in; it is built into ${FLOAT16_RUNTIMES} (not Node 20 or 22). Use F32Vec where it is missing`;

/** What `call` threw: its class and message. */
function thrown(call: () => unknown): { type: string; message: string } | 'nothing' {
  try {
    call();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
  return 'nothing';
}

describe(`F16Vec without Float16Array (${RUNTIME_HAS_FLOAT16 ? 'taken away for a fresh copy of the library' : 'as this runtime is'})`, () => {
  const lib = libraryWithoutFloat16();
  const { F16Vec, F32Vec, Slab } = lib;

  it('leaves the package loadable: F16Vec exported with its statics, every other class working', () => {
    expect([F16Vec.name, F16Vec.elementType, F16Vec.BYTES_PER_ELEMENT, F16Vec.bytesFor(5)]).toEqual(['F16Vec', 'f16', 2, 10]);
    expect(F16Vec.Array.name).toBe('Float16Array');
    const v = F32Vec.of(1.5, 2);
    expect([v.sum(), new lib.F64Vec(3).capacity]).toEqual([3.5, 3]);
  });

  it.each([
    ['new F16Vec(4)', 'F16Vec', () => new F16Vec(4)],
    ['new F16Vec(-1) (the missing array before the capacity)', 'F16Vec', () => new F16Vec(-1)],
    ['F16Vec.over', 'F16Vec.over', () => F16Vec.over(new ArrayBuffer(8), 0, 4)],
    ['F16Vec.assumeInit', 'F16Vec.assumeInit', () => F16Vec.assumeInit(new ArrayBuffer(8), 0, 4, 2)],
    ['F16Vec.from', 'F16Vec.from', () => F16Vec.from([1, 2])],
    ['F16Vec.from with a capacity', 'F16Vec.from', () => F16Vec.from([1, 2], 8)],
    ['F16Vec.of', 'F16Vec.of', () => F16Vec.of(1, 2)],
    ['new F16Vec.Array(4) (the stand-in)', 'F16Vec.Array', () => new (F16Vec.Array as unknown as new (n: number) => unknown)(4)],
  ] as const)('%s throws a TypeError that says so', (_label, where, call) => {
    expect(thrown(call)).toEqual({ type: 'TypeError', message: missing(where) });
  });

  it.each(['alloc', 'tryAlloc'] as const)('Slab.%s(F16Vec, n) throws under its own name and hands out nothing', (method) => {
    const slab = new Slab(64);
    expect(thrown(() => slab[method](F16Vec, 4))).toEqual({ type: 'TypeError', message: missing(`Slab.${method}`) });
    expect([slab.used, slab.allocations]).toEqual([0, 0]);
    expect(slab.alloc(F32Vec, 4).capacity).toBe(4);
  });

  it('the stand-in is no typed array: nothing is an instance of it', () => {
    expect([new Float32Array(2) instanceof F16Vec.Array, ({}) instanceof F16Vec.Array]).toEqual([false, false]);
  });
});
