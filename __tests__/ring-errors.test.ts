/**
 * The bad-input matrix of the rings: every method, every way to call it wrongly, the exact
 * error class and the message fragments that name the method and say what is wrong; and
 * after each refused call the ring is exactly as it was (its statistics, what it holds).
 */

import { CapacityError, F16Ring, I16Ring, RingHeaderError } from '../src/index';
import { CAPACITY, HEADER_WORDS, MAGIC, VERSION } from '../src/ring-layout';
import { RING_KINDS, arrayOf, type AnyRing, type RingArray, type RingKind } from './support/ring-kinds';
import { WasmMemory } from './support/vec-classes';

/** Runs `call`, expects it to throw `type` with every fragment in its message, and the ring to be unchanged. */
function refuses(ring: AnyRing, call: () => unknown, type: new (...args: never[]) => Error, ...fragments: (string | RegExp)[]): void {
  const before = JSON.stringify(ring.stats());
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(type);
  for (const fragment of fragments) expect((thrown as Error).message).toMatch(fragment);
  expect(JSON.stringify(ring.stats())).toBe(before);
}

/** A ring holding two elements, its ends taken. */
function filled(ring: RingKind, capacity = 4) {
  const r = ring.cls.create(capacity);
  const tx = r.producer();
  const rx = r.consumer();
  const [a, b] = ring.kind.samples;
  tx.push(arrayOf(ring, [a, b]));
  return { r, tx, rx, a, b };
}

describe.each(RING_KINDS)('$name refuses bad input', (ring) => {
  const name = ring.name;
  const other = ring.name === 'I16Ring' ? RING_KINDS.find((k) => k.name === 'F32Ring')! : RING_KINDS.find((k) => k.name === 'I16Ring')!;

  it.each([3, 0, -4, 1.5, 2 ** 31, NaN, Infinity])('create(%p): RangeError, a power of two', (capacity) => {
    expect(() => ring.cls.create(capacity)).toThrow(RangeError);
    expect(() => ring.cls.create(capacity)).toThrow(`${name}.create: capacity must be a power of two from 1 to 2^30`);
    expect(() => ring.cls.bytesFor(capacity)).toThrow(`${name}.bytesFor: capacity must be a power of two`);
  });

  it('create("4"): TypeError', () => {
    expect(() => ring.cls.create('4' as never)).toThrow(TypeError);
    expect(() => ring.cls.over(new SharedArrayBuffer(4096), 0, '4' as never)).toThrow(`${name}.over: capacity must be a power of two`);
  });

  it('over: non-shared memory, a misaligned or negative offset, a region past the end', () => {
    expect(() => ring.cls.over(new ArrayBuffer(4096), 0, 4)).toThrow(TypeError);
    expect(() => ring.cls.over(new ArrayBuffer(4096), 0, 4)).toThrow(`${name}.over: a ring needs shared memory (a SharedArrayBuffer, or a WebAssembly.Memory made with shared: true), got an object ([object ArrayBuffer])`);
    expect(() => ring.cls.over(new WasmMemory({ initial: 1 }), 0, 4)).toThrow(`${name}.over: a ring needs shared memory`);
    expect(() => ring.cls.over({} as never, 0, 4)).toThrow(TypeError);
    expect(() => ring.cls.over(new SharedArrayBuffer(4096), 4, 4)).toThrow(`${name}.over: byteOffset 4 is misaligned: elements of 8 bytes need a multiple of 8`);
    expect(() => ring.cls.over(new SharedArrayBuffer(4096), -8, 4)).toThrow(`${name}.over: byteOffset must be a non-negative integer, got -8`);
    const bytes = ring.cls.bytesFor(4);
    expect(() => ring.cls.over(new SharedArrayBuffer(bytes - 1), 0, 4)).toThrow(RangeError);
    expect(() => ring.cls.over(new SharedArrayBuffer(bytes + 8), 16, 4)).toThrow(`${name}.over: the region [16, ${bytes + 16}) for a ring of 4 elements`);
    expect(() => ring.cls.over(new SharedArrayBuffer(bytes), 0, 4)).not.toThrow();
  });

  it('over: shared WebAssembly.Memory is taken', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 1, shared: true });
    const r = ring.cls.over(memory, 1024, 4);
    expect(r.descriptor().buffer).toBe(memory.buffer);
  });

  it('attach: the header of another kind is a RingHeaderError naming both kinds', () => {
    const foreign = other.cls.create(4);
    const descriptor = foreign.descriptor();
    const theirs = other.name;
    const article = (n: string) => (/^[AEFHILMNORSX]/.test(n) ? 'an' : 'a');
    expect(() => ring.cls.attach(descriptor)).toThrow(RingHeaderError);
    expect(() => ring.cls.attach(descriptor)).toThrow(`${name}.attach: the descriptor is of ${article(theirs)} ${theirs}, not ${article(name)} ${name}`);
    // The kind of the descriptor rewritten: the header still says which ring it is.
    const relabelled = { ...descriptor, kind: ring.cls.elementType };
    expect(() => ring.cls.attach(relabelled)).toThrow(`${name}.attach: the header is of ${article(theirs)} ${theirs}, not ${article(name)} ${name}`);
    try {
      ring.cls.attach(relabelled);
    } catch (error) {
      expect(error).toMatchObject({ name: 'RingHeaderError', field: 'kind' });
    }
  });

  it('attach: a corrupt header (magic, version, capacity) is a RingHeaderError; nothing is written', () => {
    const r = ring.cls.create(8);
    const descriptor = r.descriptor();
    const header = new Int32Array(descriptor.buffer, 0, HEADER_WORDS);
    const saved = header.slice();
    header[MAGIC] = 0;
    expect(() => ring.cls.attach(descriptor)).toThrow(RingHeaderError);
    expect(() => ring.cls.attach(descriptor)).toThrow(`${name}.attach: no ring was laid out at byteOffset 0`);
    header.set(saved);
    header[VERSION] = 99;
    expect(() => ring.cls.attach(descriptor)).toThrow('the ring was laid out by another version of slabvec (header version 99, expected 2); nothing was attached');
    header.set(saved);
    expect(() => ring.cls.attach({ ...descriptor, capacity: 4 })).toThrow(`${name}.attach: the header and the descriptor disagree on the capacity (header capacity 8, expected 4)`);
    header[CAPACITY] = 16;
    expect(() => ring.cls.attach(descriptor)).toThrow(RingHeaderError);
    header.set(saved);
    expect(Array.from(header)).toEqual(Array.from(saved));
    expect(() => ring.cls.attach(descriptor)).not.toThrow();
  });

  it('attach: a descriptor of the wrong shape, or over memory that is not shared', () => {
    expect(() => ring.cls.attach(null as never)).toThrow(`${name}.attach: expected a ring descriptor { buffer, byteOffset, capacity, kind } from ring.descriptor(); it must be an object, got null`);
    const descriptor = ring.cls.create(4).descriptor();
    expect(() => ring.cls.attach({ ...descriptor, buffer: new ArrayBuffer(1024) as never })).toThrow(`${name}.attach: a ring needs shared memory`);
    expect(() => ring.cls.attach({ ...descriptor, capacity: 3 })).toThrow(`${name}.attach: capacity must be a power of two`);
    expect(() => ring.cls.attach({ ...descriptor, byteOffset: 1024 })).toThrow(RangeError);
    expect(() => ring.cls.attach({ ...descriptor, byteOffset: 4 })).toThrow(`${name}.attach: byteOffset 4 is misaligned`);
  });

  it('producer() and consumer() are taken once per ring object', () => {
    const r = ring.cls.create(4);
    r.producer();
    r.consumer();
    refuses(r, () => r.producer(), TypeError, `${name}.producer: this ring object's producer was taken already`);
    refuses(r, () => r.consumer(), TypeError, `${name}.consumer: this ring object's consumer was taken already`);
    // Another ring object on the same memory has ends of its own.
    expect(() => ring.cls.attach(r.descriptor()).producer()).not.toThrow();
  });

  it('push, tryPush, pushSome: a block of the wrong kind is a TypeError', () => {
    const { r, tx } = filled(ring);
    const array = ring.kind.arrayName;
    for (const method of ['push', 'tryPush', 'pushSome'] as const) {
      refuses(r, () => tx[method](ring.wrongArray as RingArray), TypeError, `${name}.${method}: block must be`, array, /got an? (Float32|Float64)Array of length 2/);
      refuses(r, () => tx[method]([1, 2] as never), TypeError, `${name}.${method}: block must be`);
      refuses(r, () => tx[method](undefined as never), TypeError, `${name}.${method}: block must be`, 'got undefined');
    }
  });

  it('push: a block that does not fit now, or ever, is a CapacityError; nothing is written', () => {
    const { r, tx, a } = filled(ring);
    refuses(r, () => tx.push(arrayOf(ring, [a, a, a])), CapacityError, `${name}.push: the block's 3 elements do not fit now: 2 of 4 slots are in use, 2 free; nothing was written`);
    refuses(r, () => tx.push(arrayOf(ring, [a, a, a, a, a])), CapacityError, `${name}.push: the block's 5 elements can never fit: the capacity is 4`);
    refuses(r, () => tx.tryPush(arrayOf(ring, [a, a, a, a, a])), CapacityError, `${name}.tryPush: the block's 5 elements can never fit`);
    try {
      tx.push(arrayOf(ring, [a, a, a]));
    } catch (error) {
      expect(error).toMatchObject({ capacity: 4, length: 2, requiredLength: 5 });
    }
  });

  it('writeChunk, readChunk: a bad n; a chunk open; commit or release twice or too much', () => {
    const { r, tx, rx } = filled(ring);
    for (const bad of [-1, 5, 1.5, NaN]) {
      refuses(r, () => tx.writeChunk(bad), RangeError, `${name}.writeChunk: n must be an integer from 0 to 4 (the capacity)`);
      refuses(r, () => rx.readChunk(bad), RangeError, `${name}.readChunk: n must be an integer from 0 to 4 (the capacity)`);
    }
    refuses(r, () => tx.writeChunk('1' as never), TypeError, `${name}.writeChunk: n must be an integer`);
    const w = tx.writeChunk(1)!;
    refuses(r, () => tx.writeChunk(1), TypeError, `${name}.writeChunk: a chunk from writeChunk() is open: commit() it first; nothing was changed`);
    refuses(r, () => tx.push(arrayOf(ring, [])), TypeError, `${name}.push: a chunk from writeChunk() is open`);
    refuses(r, () => tx.pushSome(arrayOf(ring, [])), TypeError, `${name}.pushSome: a chunk from writeChunk() is open`);
    refuses(r, () => w.commit(2), RangeError, `${name}.commit: count must be an integer from 0 to 1 (the chunk's length)`);
    refuses(r, () => w.commit(-1), RangeError, `${name}.commit: count must be`);
    w.commit(0);
    refuses(r, () => w.commit(), TypeError, `${name}.commit: this chunk was committed already; take a new one with writeChunk(n)`);
    const chunk = rx.readChunk(2)!;
    refuses(r, () => rx.readChunk(1), TypeError, `${name}.readChunk: a chunk from readChunk() is open: release() it first`);
    refuses(r, () => rx.popInto(new ring.Array(1)), TypeError, `${name}.popInto: a chunk from readChunk() is open`);
    refuses(r, () => chunk.release(3), RangeError, `${name}.release: count must be an integer from 0 to 2 (the chunk's length)`);
    chunk.release(1);
    refuses(r, () => chunk.release(), TypeError, `${name}.release: this chunk was released already; take a new one with readChunk(n)`);
    expect(rx.available).toBe(1);
  });

  it('popInto: an output of the wrong kind is a TypeError', () => {
    const { r, rx } = filled(ring);
    refuses(r, () => rx.popInto(ring.wrongArray as RingArray), TypeError, `${name}.popInto: out must be`, ring.kind.arrayName);
    refuses(r, () => rx.popInto([] as never), TypeError, `${name}.popInto: out must be`);
    expect(rx.available).toBe(2);
  });

  it('waits: a bad n or timeout is refused before anything else', async () => {
    const { r, tx, rx } = filled(ring);
    refuses(r, () => rx.waitForData(5), RangeError, `${name}.waitForData: n must be an integer from 0 to 4 (the capacity)`);
    refuses(r, () => tx.waitForSpace(-1), RangeError, `${name}.waitForSpace: n must be`);
    refuses(r, () => rx.waitForData(1, NaN), RangeError, `${name}.waitForData: timeoutMs must be a number of milliseconds from 0 to Infinity, got NaN`);
    refuses(r, () => rx.waitForData(1, -1), RangeError, `${name}.waitForData: timeoutMs must be`);
    await expect(rx.waitForDataAsync(5)).rejects.toThrow(`${name}.waitForDataAsync: n must be an integer from 0 to 4`);
    await expect(tx.waitForSpaceAsync(1, '1' as never)).rejects.toThrow(TypeError);
  });

  it('waitForData / waitForSpace where the thread may not block: a TypeError that says to use the async wait', () => {
    const { r, tx, rx } = filled(ring);
    const real = Atomics.wait;
    // What Atomics.wait does on a browser main thread and in an AudioWorkletGlobalScope.
    Atomics.wait = () => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    };
    try {
      refuses(r, () => rx.waitForData(1, 0), TypeError, `${name}.waitForData: this thread may not block (Atomics.wait throws on a browser main thread and in an AudioWorkletGlobalScope); use await waitForDataAsync(...) here, or wait in a worker`);
      refuses(r, () => tx.waitForSpace(1, 0), TypeError, `${name}.waitForSpace: this thread may not block`, 'use await waitForSpaceAsync(...)');
    } finally {
      Atomics.wait = real;
    }
  });

  it('waitForDataAsync / waitForSpaceAsync where Atomics.waitAsync is missing: a rejected TypeError', async () => {
    const { rx, tx } = filled(ring);
    const atomics = Atomics as unknown as { waitAsync?: unknown };
    const real = atomics.waitAsync;
    atomics.waitAsync = undefined;
    try {
      await expect(rx.waitForDataAsync(1, 0)).rejects.toThrow(`${name}.waitForDataAsync: this runtime has no Atomics.waitAsync; poll instead, or wait in a worker with waitForData(...)`);
      await expect(tx.waitForSpaceAsync(1, 0)).rejects.toThrow(TypeError);
    } finally {
      atomics.waitAsync = real;
    }
  });
});

describe('waiting where the thread may block', () => {
  const blocking = (() => {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      return true;
    } catch {
      return false;
    }
  })();

  (blocking ? it : it.skip)('waitForData and waitForSpace return at once when satisfied, false after the timeout', () => {
    const r = I16Ring.create(4);
    const tx = r.producer();
    const rx = r.consumer();
    expect(rx.waitForData(0)).toBe(true);
    const t0 = Date.now();
    expect(rx.waitForData(1, 20)).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15);
    tx.push(Int16Array.of(1, 2, 3, 4));
    expect(rx.waitForData(4, 0)).toBe(true);
    expect(tx.waitForSpace(1, 5)).toBe(false);
    expect(tx.waitForSpace(0, 5)).toBe(true);
  });

  (blocking ? it.skip : it)('on this thread (a browser main thread) the real Atomics.wait refuses, and the ring says so', () => {
    const rx = I16Ring.create(4).consumer();
    expect(() => rx.waitForData(1, 0)).toThrow('I16Ring.waitForData: this thread may not block');
  });
});

describe('F16Ring where the runtime has no Float16Array', () => {
  const missing = typeof (globalThis as { Float16Array?: unknown }).Float16Array !== 'function';

  (missing ? it : it.skip)('loads, and create, over and attach throw a TypeError that says so', () => {
    const sab = new SharedArrayBuffer(1024);
    expect(() => F16Ring.create(4)).toThrow(TypeError);
    expect(() => F16Ring.create(4)).toThrow('F16Ring.create: this runtime has no Float16Array, which F16Ring stores its elements in;');
    expect(() => F16Ring.create(4)).toThrow(/Use F32Ring where it is missing$/);
    expect(() => F16Ring.over(sab, 0, 4)).toThrow('F16Ring.over: this runtime has no Float16Array');
    expect(() => F16Ring.attach({ buffer: sab, byteOffset: 0, capacity: 4, kind: 'f16' })).toThrow('F16Ring.attach: this runtime has no Float16Array');
    expect(F16Ring.bytesFor(4)).toBe(192 + 8);
  });
});
