/**
 * Browser only (run by `npm run test:browser`, never by Jest: the name does not end in
 * `.test.ts`). A dedicated Worker and the page share a `SharedArrayBuffer`; the worker lays
 * out a `Slab` over it and writes three vectors (`F64Vec`, `I32Vec`, `U64Vec`) through
 * slabvec, publishes their places and lengths with `Atomics.store`/`Atomics.notify`, and
 * the page, woken by `Atomics.waitAsync`, attaches its own vectors with `assumeInit` and
 * reads the same values. Then the other direction: the page writes in place, the worker
 * (blocked in `Atomics.wait`) wakes, reads the writes through its vectors and appends; the
 * page re-attaches with the new lengths. This is docs/slabs.md's "Handing a block to a
 * worker", in a cross-origin isolated page, with the handshake in the shared memory.
 */

import { F64Vec, I32Vec, U64Vec } from '../../src/index';
import { assetUrl } from '../../scripts/browser/page/assets';
import { page, waitAsync, type WorkerLike } from '../../scripts/browser/page/web';
import { APPENDED, BUFFER_BYTES, FIRST, Phase, SLAB_OFFSET, Slot, f64At, i32At, u64At } from './shared-memory';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Waits, without blocking the page, until the control block's state reaches `phase`. */
async function waitForPhase(control: Int32Array, phase: Phase, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const state = Atomics.load(control, Slot.State);
    if (state >= phase) return;
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`the worker did not reach phase ${phase} within ${timeoutMs} ms (state ${state})`);
    const result = waitAsync!(control, Slot.State, state, left);
    if (result.async) await result.value;
  }
}

interface WorkerReply {
  readonly ok: boolean;
  readonly error?: string;
  readonly seen?: number;
  readonly slab?: { used: number; allocations: number; byteOffset: number };
}

describe('the page is cross-origin isolated', () => {
  it('crossOriginIsolated is true, so SharedArrayBuffer, shared WebAssembly.Memory and Atomics.waitAsync are there', () => {
    expect(page.crossOriginIsolated).toBe(true);
    expect(typeof SharedArrayBuffer).toBe('function');
    const memory = new page.WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(typeof waitAsync).toBe('function');
  });

  it('Atomics.wait throws on the main thread: the page may not block, only a worker may', () => {
    const control = new Int32Array(new SharedArrayBuffer(4));
    expect(() => Atomics.wait(control, 0, 0, 1)).toThrow(TypeError);
  });
});

describe('a SharedArrayBuffer slab written by a Worker through slabvec vectors', () => {
  let worker: WorkerLike;
  let buffer: SharedArrayBuffer;
  let control: Int32Array;
  let replies: Promise<WorkerReply>;

  beforeAll(async () => {
    buffer = new SharedArrayBuffer(BUFFER_BYTES);
    control = new Int32Array(buffer, 0, Slot.Count);
    worker = new page.Worker(assetUrl('shared-memory.worker'), { name: 'slabvec shared-memory worker' });
    replies = new Promise<WorkerReply>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data as WorkerReply);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`the worker failed: ${event.message}`));
      };
    });
    worker.postMessage(buffer);
    await Promise.race([waitForPhase(control, Phase.WorkerWrote, 10_000), replies.then((r) => Promise.reject(new Error(r.error ?? 'the worker replied too early')))]);
  }, 15_000);

  afterAll(() => worker?.terminate());

  it('the worker laid its vectors out with a Slab: aligned in the buffer, in allocation order', () => {
    // U8Vec [65, 68), F64Vec [72, 584), U64Vec [584, 712), I32Vec [712, 840).
    expect([control[Slot.F64Offset], control[Slot.F64Capacity], control[Slot.F64Length]]).toEqual([72, 64, FIRST.f64]);
    expect([control[Slot.U64Offset], control[Slot.U64Capacity], control[Slot.U64Length]]).toEqual([584, 16, FIRST.u64]);
    expect([control[Slot.I32Offset], control[Slot.I32Capacity], control[Slot.I32Length]]).toEqual([712, 32, FIRST.i32]);
    expect(SLAB_OFFSET).toBe(65);
  });

  it('the page attaches with assumeInit and reads exactly what the worker wrote', () => {
    const f64 = F64Vec.assumeInit(buffer, control[Slot.F64Offset], control[Slot.F64Capacity], control[Slot.F64Length]);
    const i32 = I32Vec.assumeInit(buffer, control[Slot.I32Offset], control[Slot.I32Capacity], control[Slot.I32Length]);
    const u64 = U64Vec.assumeInit(buffer, control[Slot.U64Offset], control[Slot.U64Capacity], control[Slot.U64Length]);
    expect(f64.toArray()).toEqual(range(0, FIRST.f64).map(f64At));
    expect(i32.toArray()).toEqual(range(0, FIRST.i32).map(i32At));
    expect(u64.toArray()).toEqual(range(0, FIRST.u64).map(u64At));
    expect(f64.view().buffer).toBe(buffer);
    expect(f64.sum()).toBeCloseTo(range(0, FIRST.f64).map(f64At).reduce((a, b) => a + b, 0), 6);
  });

  it("the page's in-place writes are read by the worker's vectors once Atomics.notify wakes it", async () => {
    const f64 = F64Vec.assumeInit(buffer, control[Slot.F64Offset], control[Slot.F64Capacity], control[Slot.F64Length]);
    const i32 = I32Vec.assumeInit(buffer, control[Slot.I32Offset], control[Slot.I32Capacity], control[Slot.I32Length]);
    const u64 = U64Vec.assumeInit(buffer, control[Slot.U64Offset], control[Slot.U64Capacity], control[Slot.U64Length]);
    f64.scale(0.5); // a kernel, in place, over the shared bytes
    f64.set(0, 1234.5);
    i32.set(1, -77);
    u64.set(2, 2n ** 63n + 456n);
    const expected = f64.get(0) + i32.get(1) + Number(u64.get(2) % 1000n) + f64.sum();
    Atomics.store(control, Slot.State, Phase.PageWrote);
    Atomics.notify(control, Slot.State);
    await waitForPhase(control, Phase.WorkerAppended, 10_000);
    const reply = await replies;
    expect(reply).toMatchObject({ ok: true });
    expect(reply.seen).toBe(expected);
    expect(Atomics.load(control, Slot.Seen)).toBe(Math.round(expected * 1000) | 0);
    expect(reply.slab).toEqual({ used: 840 - 65, allocations: 4, byteOffset: 65 });
  });

  it('elements the worker appended become live on the page only when it attaches with the new length', () => {
    const stale = F64Vec.assumeInit(buffer, 72, 64, FIRST.f64);
    expect(stale.length).toBe(FIRST.f64); // the length is not in the shared memory
    const f64 = F64Vec.assumeInit(buffer, control[Slot.F64Offset], control[Slot.F64Capacity], control[Slot.F64Length]);
    const i32 = I32Vec.assumeInit(buffer, control[Slot.I32Offset], control[Slot.I32Capacity], control[Slot.I32Length]);
    const u64 = U64Vec.assumeInit(buffer, control[Slot.U64Offset], control[Slot.U64Capacity], control[Slot.U64Length]);
    expect(f64.length).toBe(FIRST.f64 + APPENDED.f64);
    expect(f64.toArray().slice(FIRST.f64)).toEqual(range(FIRST.f64, FIRST.f64 + APPENDED.f64).map(f64At));
    expect(f64.get(0)).toBe(1234.5);
    expect(f64.get(1)).toBe(f64At(1) * 0.5);
    expect(i32.toArray()).toEqual([i32At(0), -77, ...range(2, FIRST.i32 + APPENDED.i32).map(i32At)]);
    expect(u64.toArray()).toEqual([u64At(0), u64At(1), 2n ** 63n + 456n, ...range(3, FIRST.u64 + APPENDED.u64).map(u64At)]);
  });
});
