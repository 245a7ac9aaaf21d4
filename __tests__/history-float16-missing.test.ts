/**
 * F16History and F16Deque on a runtime without `Float16Array`, as float16-missing.test.ts
 * does for F16Vec: the classes load with their statics, every way to make one throws a
 * TypeError that names the method and the class, and the other histories and deques work.
 * Where the runtime has `Float16Array`, the global is taken away while a fresh copy of the
 * library loads, so these tests run on every Node.
 */

import { FLOAT16_RUNTIMES } from '../src/errors';
import type * as Library from '../src/index';

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

const missing = (where: string, className: string, instead: string): string =>
  `${where}: this runtime has no Float16Array, which ${className} stores its elements in; it is built into ${FLOAT16_RUNTIMES} (not Node 20 or 22). Use ${instead} where it is missing`;

describe('F16History and F16Deque without Float16Array', () => {
  const lib = libraryWithoutFloat16();
  const { F16History, F16Deque, F32History, F32Deque } = lib;

  it('load with their statics', () => {
    expect([F16History.name, F16History.elementType, F16History.BYTES_PER_ELEMENT, F16History.bytesFor(5)]).toEqual(['F16History', 'f16', 2, 20]);
    expect([F16Deque.name, F16Deque.elementType, F16Deque.BYTES_PER_ELEMENT, F16Deque.bytesFor(5)]).toEqual(['F16Deque', 'f16', 2, 10]);
    expect(F16History.Array.name).toBe('Float16Array');
  });

  it('throw a TypeError naming the method and the class from new and over', () => {
    const buffer = new ArrayBuffer(64);
    expect(() => new F16History(4)).toThrow(new TypeError(missing('F16History', 'F16History', 'F32History')));
    expect(() => F16History.over(buffer, 0, 4)).toThrow(new TypeError(missing('F16History.over', 'F16History', 'F32History')));
    expect(() => new F16Deque(4)).toThrow(new TypeError(missing('F16Deque', 'F16Deque', 'F32Deque')));
    expect(() => F16Deque.over(buffer, 0, 4)).toThrow(new TypeError(missing('F16Deque.over', 'F16Deque', 'F32Deque')));
    expect(() => new F16History.Array(2)).toThrow(new TypeError(missing('F16History.Array', 'F16History', 'F32History')));
  });

  it('leave the other histories and deques working', () => {
    const h = new F32History(2);
    h.push(1.5);
    expect(h.toArray()).toEqual([1.5]);
    const d = new F32Deque(2);
    d.pushFront(2);
    expect(d.popBack()).toBe(2);
  });
});
