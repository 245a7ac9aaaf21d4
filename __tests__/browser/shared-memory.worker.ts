/**
 * The worker of `shared-memory-worker.browser.ts`, bundled with slabvec into
 * `/assets/shared-memory.worker.js`. It receives the `SharedArrayBuffer`, lays out three
 * vectors with a `Slab` over it, writes them, publishes their places and lengths in the
 * control block (`Atomics.store` + `Atomics.notify`), then blocks in `Atomics.wait` (allowed
 * in a worker, unlike the page) until the page has written through its own vectors; it
 * reads those writes back through its vectors, appends more elements and publishes the new
 * lengths.
 *
 * @module
 */

import { F64Vec, I32Vec, Slab, U64Vec, U8Vec } from '../../src/index';
import type { MessageEventLike, WorkerGlobals } from '../../scripts/browser/page/web';
import { APPENDED, FIRST, Phase, SLAB_OFFSET, Slot, f64At, i32At, u64At } from './shared-memory';

const scope = globalThis as unknown as WorkerGlobals;

function publish(control: Int32Array, vec: { view(): { byteOffset: number }; capacity: number; length: number }, at: Slot): void {
  Atomics.store(control, at, vec.view().byteOffset);
  Atomics.store(control, at + 1, vec.capacity);
  Atomics.store(control, at + 2, vec.length);
}

scope.onmessage = (event: MessageEventLike) => {
  const buffer = event.data as SharedArrayBuffer;
  try {
    const control = new Int32Array(buffer, 0, Slot.Count);
    const slab = Slab.over(buffer, SLAB_OFFSET);
    slab.alloc(U8Vec, 3); // three bytes of padding material: the next vectors must realign
    const f64 = slab.alloc(F64Vec, 64);
    const u64 = slab.alloc(U64Vec, 16);
    const i32 = slab.alloc(I32Vec, 32);
    for (let i = 0; i < FIRST.f64; i++) f64.push(f64At(i));
    for (let i = 0; i < FIRST.i32; i++) i32.push(i32At(i));
    for (let i = 0; i < FIRST.u64; i++) u64.push(u64At(i));
    publish(control, f64, Slot.F64Offset);
    publish(control, i32, Slot.I32Offset);
    publish(control, u64, Slot.U64Offset);
    Atomics.store(control, Slot.State, Phase.WorkerWrote);
    Atomics.notify(control, Slot.State);

    // Block until the page has written (a worker may wait; the page may not).
    const waited = Atomics.wait(control, Slot.State, Phase.WorkerWrote, 10_000);
    if (waited === 'timed-out') throw new Error('the page did not write within 10 s');

    // The page's in-place writes, read through this side's vectors.
    const seen = f64.get(0) + i32.get(1) + Number(u64.get(2) % 1000n) + f64.sum();
    // Report the sum in the control block as an integer of known precision: rounded to 1e-3.
    Atomics.store(control, Slot.Seen, Math.round(seen * 1000) | 0);
    for (let i = FIRST.f64; i < FIRST.f64 + APPENDED.f64; i++) f64.push(f64At(i));
    for (let i = FIRST.i32; i < FIRST.i32 + APPENDED.i32; i++) i32.push(i32At(i));
    for (let i = FIRST.u64; i < FIRST.u64 + APPENDED.u64; i++) u64.push(u64At(i));
    publish(control, f64, Slot.F64Offset);
    publish(control, i32, Slot.I32Offset);
    publish(control, u64, Slot.U64Offset);
    Atomics.store(control, Slot.State, Phase.WorkerAppended);
    Atomics.notify(control, Slot.State);
    scope.postMessage({ ok: true, seen, slab: { used: slab.used, allocations: slab.allocations, byteOffset: slab.byteOffset } });
  } catch (error) {
    scope.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) });
  }
};
