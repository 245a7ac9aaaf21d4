/**
 * The garbage of the wasm kernels: every kernel the WebAssembly tier serves, of `F64Vec`
 * and `F32Vec` in a `WasmSlab`, runs in a steady-state loop of its own in a window of the
 * GC recorder (as the kernels table's garbage loops do); the collections seen and the heap
 * growth per call are its rows.
 *
 * @module
 */

import { F32Vec, F64Vec, WasmSlab } from '../src/index.js';
import { GcRecorder, type GcWindow } from './gc.js';
import { addToSink } from './sink.js';
import type { GarbageResult, WasmVector } from './wasm-results.js';
import { WASM_VECTORS } from './wasm-results.js';
import { exactValues, type KernelVec } from './wasm-state.js';

/** Calls before each window (at most the window's own count), so that every body is optimized when it counts. */
const WARM_CALLS = 200;

/** Every wasm kernel of `vector` at `capacity` as a call that allocates nothing in the harness itself. */
function garbageBodies(vector: WasmVector, capacity: number): [string, () => number][] {
  const Vec = (vector === 'F64Vec' ? F64Vec : F32Vec) as typeof F64Vec;
  const slab = WasmSlab.createSync(3 * Vec.bytesFor(capacity));
  if (!slab.simd) throw new Error('WasmSlab.simd is false: this engine cannot load the SIMD kernels');
  const [v, w, out] = [exactValues(capacity, 97, 0.5), exactValues(capacity, 89, 0.25), new Float64Array(capacity)].map((values) => {
    const vec = slab.alloc(Vec, capacity);
    vec.extend(values);
    return vec as unknown as KernelVec;
  });
  return [
    ['sum()', () => v.sum()],
    ['dot(w)', () => v.dot(w)],
    ['sumOfSquares()', () => v.sumOfSquares()],
    ['norm()', () => v.norm()],
    ['min()', () => v.min()],
    ['max()', () => v.max()],
    ['add(w, out)', () => v.add(w, out).length],
    ['sub(k, out)', () => v.sub(0.5, out).length],
    ['mul(w, out)', () => v.mul(w, out).length],
    ['scale(k, out)', () => v.scale(0.5, out).length],
    ['axpy(a, w, out)', () => v.axpy(0.5, w, out).length],
  ];
}

/**
 * Runs every wasm kernel of both classes at each of `capacities`, `2 * operations / capacity`
 * calls (at least 20) in a GC window each.
 *
 * @param capacities - the vectors' lengths.
 * @param operations - element operations per loop (the mode's `gcLoopOperations`).
 */
export async function measureWasmGarbage(capacities: readonly number[], operations: number): Promise<GarbageResult[]> {
  const recorder = new GcRecorder();
  const runs: { vector: WasmVector; kernel: string; capacity: number; calls: number; window: GcWindow }[] = [];
  for (const capacity of capacities) {
    const calls = Math.max(20, Math.round((2 * operations) / capacity));
    for (const vector of WASM_VECTORS) {
      for (const [kernel, body] of garbageBodies(vector, capacity)) {
        for (let k = 0; k < Math.min(WARM_CALLS, calls); k++) addToSink(body());
        runs.push({ vector, kernel, capacity, calls, window: recorder.window(() => {
          for (let k = 0; k < calls; k++) addToSink(body());
        }) });
      }
    }
  }
  const counts = await recorder.countIn(runs.map((r) => r.window));
  return runs.map(({ vector, kernel, capacity, calls, window }, i) => ({
    vector,
    kernel,
    capacity,
    calls,
    collections: counts[i].collections,
    heapPerCall: counts[i].collections === 0 ? Math.max(0, window.heapGrowth) / calls : null,
  }));
}
