/**
 * A real worker_threads round trip over a SharedArrayBuffer slab. The worker runs slabvec
 * itself (src/index.ts bundled with esbuild into a temporary CommonJS file): it lays out a
 * Slab over the shared buffer, allocates an F64Vec, a U16Vec and an I64Vec, fills them and
 * posts back where each one is and how long it is. The main thread attaches to the same
 * regions with `X.assumeInit(sab, byteOffset, capacity, length)` (the length handed over
 * explicitly in the message) and checks every value, then checks that later writes on
 * either side are seen by the other through the same memory.
 */

import { Worker } from 'node:worker_threads';
import { F64Vec, I64Vec, IndexError, U16Vec } from '../src/index';
import { buildWorkerLibrary, type WorkerLibrary } from './support/worker-library';

/** Where a vector lives in the shared buffer, as the worker reports it. */
interface Placement {
  readonly byteOffset: number;
  readonly capacity: number;
  readonly length: number;
}

interface Report {
  readonly f64: Placement;
  readonly u16: Placement;
  readonly i64: Placement;
  readonly slab: { readonly byteOffset: number; readonly used: number; readonly allocations: number };
  readonly seen?: number;
}

/** The values the worker writes: computed the same way on both sides. */
const f64At = (i: number): number => i * 1.5 - 7 + 1 / (i + 3);
const u16At = (i: number): number => (i * 2731 + 17) % 65536;
const i64At = (i: number): bigint => BigInt(i) * -(2n ** 40n) + 3n;

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { Slab, F64Vec, U16Vec, I64Vec, U8Vec } = require(workerData.libPath);
const f64At = ${f64At.toString()};
const u16At = ${u16At.toString()};
const i64At = ${i64At.toString()};

// A slab over the shared buffer from byte 3 on, so that alignment matters.
const slab = Slab.over(workerData.sab, 3);
slab.alloc(U8Vec, 1); // [3, 4): the next vector must skip to 8
const f64 = slab.alloc(F64Vec, 64);
const u16 = slab.alloc(U16Vec, 33);
const i64 = slab.alloc(I64Vec, 16);
for (let i = 0; i < 50; i++) f64.push(f64At(i));
for (let i = 0; i < 33; i++) u16.push(u16At(i));
for (let i = 0; i < 10; i++) i64.push(i64At(i));

const where = (v) => ({ byteOffset: v.view().byteOffset, capacity: v.capacity, length: v.length });
const report = (extra) => parentPort.postMessage({
  f64: where(f64), u16: where(u16), i64: where(i64),
  slab: { byteOffset: slab.byteOffset, used: slab.used, allocations: slab.allocations },
  ...extra,
});

parentPort.on('message', (message) => {
  if (message === 'more') {
    // In-place changes and appended elements.
    f64.set(0, 1000.25);
    for (let i = 50; i < 55; i++) f64.push(f64At(i));
    u16.set(5, 12345);
    i64.push(i64At(10));
    i64.push(i64At(11));
    report();
  } else if (message === 'read') {
    // What the main thread wrote through its own attached vectors.
    report({ seen: f64.get(1) + u16.get(2) + Number(i64.get(3)) });
  }
});
report();
`;

describe('a SharedArrayBuffer slab shared with a worker thread', () => {
  let library: WorkerLibrary;
  let worker: Worker;
  let sab: SharedArrayBuffer;
  let first: Report;
  let exited = false;

  /** The next message from the worker, or the worker's error. */
  function next(): Promise<Report> {
    return new Promise((resolvePromise, reject) => {
      const onMessage = (message: Report) => {
        worker.off('error', onError);
        resolvePromise(message);
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  }

  beforeAll(async () => {
    library = buildWorkerLibrary('slabvec-worker-');
    sab = new SharedArrayBuffer(4096);
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sab, libPath: library.libPath } });
    worker.on('exit', () => (exited = true));
    first = await next();
  }, 20_000);

  afterAll(async () => {
    if (worker !== undefined) await worker.terminate();
    library?.remove();
  });

  it('the worker laid out its vectors with slabvec: aligned, after the pad byte, in order', () => {
    // U8Vec [3, 4), F64Vec [8, 520), U16Vec [520, 586), I64Vec [592, 720): 717 bytes from byte 3.
    expect(first.slab).toEqual({ byteOffset: 3, used: 717, allocations: 4 });
    expect(first.f64).toEqual({ byteOffset: 8, capacity: 64, length: 50 });
    expect(first.u16).toEqual({ byteOffset: 8 + 64 * 8, capacity: 33, length: 33 });
    // 520 + 66 = 586, aligned up to 592 for 8-byte elements.
    expect(first.i64).toEqual({ byteOffset: 592, capacity: 16, length: 10 });
  });

  it('the main thread attaches with assumeInit and reads every value the worker wrote', () => {
    const f64 = F64Vec.assumeInit(sab, first.f64.byteOffset, first.f64.capacity, first.f64.length);
    const u16 = U16Vec.assumeInit(sab, first.u16.byteOffset, first.u16.capacity, first.u16.length);
    const i64 = I64Vec.assumeInit(sab, first.i64.byteOffset, first.i64.capacity, first.i64.length);
    expect(f64.toArray()).toEqual(Array.from({ length: 50 }, (_x, i) => f64At(i)));
    expect(u16.toArray()).toEqual(Array.from({ length: 33 }, (_x, i) => u16At(i)));
    expect(i64.toArray()).toEqual(Array.from({ length: 10 }, (_x, i) => i64At(i)));
    expect([f64.isFull, u16.isFull, i64.isFull]).toEqual([false, true, false]);
    // Exactly the handed-over length is live: the slot after it is not readable.
    expect(() => f64.get(50)).toThrow(IndexError);
    expect(f64.view().buffer).toBe(sab);
  });

  it('later writes by the worker: in-place changes are seen at once; appended elements once the new length is handed over', async () => {
    const f64 = F64Vec.assumeInit(sab, first.f64.byteOffset, first.f64.capacity, first.f64.length);
    const u16 = U16Vec.assumeInit(sab, first.u16.byteOffset, first.u16.capacity, first.u16.length);
    const i64 = I64Vec.assumeInit(sab, first.i64.byteOffset, first.i64.capacity, first.i64.length);
    worker.postMessage('more');
    const second = await next();
    expect([second.f64.length, second.u16.length, second.i64.length]).toEqual([55, 33, 12]);
    expect([second.f64.byteOffset, second.u16.byteOffset, second.i64.byteOffset]).toEqual([first.f64.byteOffset, first.u16.byteOffset, first.i64.byteOffset]);
    // The existing attachments see the in-place writes through the shared memory ...
    expect(f64.get(0)).toBe(1000.25);
    expect(u16.get(5)).toBe(12345);
    // ... but keep their own length: nothing the worker appended becomes live by itself.
    expect([f64.length, i64.length]).toEqual([50, 10]);
    expect(() => i64.get(10)).toThrow(IndexError);
    // Attaching again with the lengths from the message shows everything.
    const f64Now = F64Vec.assumeInit(sab, second.f64.byteOffset, second.f64.capacity, second.f64.length);
    const i64Now = I64Vec.assumeInit(sab, second.i64.byteOffset, second.i64.capacity, second.i64.length);
    expect(f64Now.toArray()).toEqual([1000.25, ...Array.from({ length: 54 }, (_x, i) => f64At(i + 1))]);
    expect(i64Now.toArray()).toEqual(Array.from({ length: 12 }, (_x, i) => i64At(i)));
  });

  it('writes by the main thread through its attached vectors are seen by the worker', async () => {
    const f64 = F64Vec.assumeInit(sab, first.f64.byteOffset, first.f64.capacity, first.f64.length);
    const u16 = U16Vec.assumeInit(sab, first.u16.byteOffset, first.u16.capacity, first.u16.length);
    const i64 = I64Vec.assumeInit(sab, first.i64.byteOffset, first.i64.capacity, first.i64.length);
    f64.set(1, -0.5);
    u16.set(2, 40000);
    i64.set(3, -123456789n);
    worker.postMessage('read');
    const third = await next();
    expect(third.seen).toBe(-0.5 + 40000 - 123456789);
    expect(exited).toBe(false);
  });
});
