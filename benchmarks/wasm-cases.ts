/**
 * The cases of the "wasm" table for the runner: each kernel of each class at each length
 * in the three tiers (the raw loop the baseline), and the crossover cases (the JS tier the
 * baseline of the exports called directly and of the library's call).
 *
 * States are built once per class, tier and length and shared by the cases of that length
 * (each case's contenders are of different tiers, so no two contenders of one case share
 * what they write); the cases of one length are run together, then dropped.
 *
 * @module
 */

import { WASM_MIN_ELEMENTWISE, WASM_MIN_REDUCE } from '../src/wasm-tier.js';
import { PRIME_CAPACITY, contender, type Case } from './runner.js';
import type { Loop } from './state.js';
import { exportsAdd, exportsSum, naiveDot, naiveSum, rawAdd, rawAxpy, rawScale, vecAdd, vecAxpy, vecDot, vecScale, vecSum } from './wasm-loops.js';
import { ELEMENT_WISE, REDUCTIONS, WASM_VECTORS, type CrossoverKernel, type KernelId, type WasmVector } from './wasm-results.js';
import { wasmState, type Tier, type WasmState } from './wasm-state.js';

/** The lengths of the speed table. */
export const WASM_SIZES: readonly number[] = [128, 1024, 1_000_000];

/** The lengths of the crossover measurement. */
export const CROSSOVER_LENGTHS: readonly number[] = [4, 8, 12, 16, 24, 32, 64];

/** Repetitions per call of a primer. */
const PRIMER_REPS = 4;

/** A kernel's two loops: the raw loop a user writes, and the vector's call. */
const LOOPS: Readonly<Record<KernelId, { readonly raw: Loop<WasmState>; readonly vec: Loop<WasmState> }>> = {
  sum: { raw: naiveSum, vec: vecSum },
  dot: { raw: naiveDot, vec: vecDot },
  add: { raw: rawAdd, vec: vecAdd },
  axpy: { raw: rawAxpy, vec: vecAxpy },
  scale: { raw: rawScale, vec: vecScale },
};

/** The crossover kernels' loops: the vector's call and the export's. */
const CROSSOVER_LOOPS: Readonly<Record<CrossoverKernel, { readonly vec: Loop<WasmState>; readonly exports: Loop<WasmState> }>> = {
  sum: { vec: vecSum, exports: exportsSum },
  add: { vec: vecAdd, exports: exportsAdd },
};

/** Builds each state once: `get(vector, tier, n, reps)`. */
export class StateCache {
  readonly #states = new Map<string, WasmState>();

  /** The state of `vector` in `tier` at `n` with `reps` repetitions per call, built on first use. */
  get(vector: WasmVector, tier: Tier, n: number, reps: number, copy = 0): WasmState {
    const key = `${vector}/${tier}/${n}/${reps}/${copy}`;
    let state = this.#states.get(key);
    if (state === undefined) {
      state = wasmState(vector, tier, n, reps);
      this.#states.set(key, state);
    }
    return state;
  }

  /** The primer of `vector` in `tier`: {@link PRIME_CAPACITY} elements, a few repetitions. */
  primer(vector: WasmVector, tier: Tier): WasmState {
    return this.get(vector, tier, PRIME_CAPACITY, PRIMER_REPS);
  }
}

/** Repetitions per call at `n`: about `elementsPerCall` elements, at least one pass. */
export function repsAt(elementsPerCall: number, n: number): number {
  return Math.max(1, Math.floor(elementsPerCall / n));
}

/** A case of the speed table: one kernel of one class at one length. */
export interface KernelCase extends Case {
  readonly kernel: KernelId;
  readonly vector: WasmVector;
  readonly n: number;
  /** Repetitions per call, to report the time of one. */
  readonly reps: number;
}

/** The speed table's cases at `n`: contenders `raw` (the baseline), `js` and `wasm`. */
export function kernelCases(n: number, elementsPerCall: number, states: StateCache, primers: StateCache): KernelCase[] {
  const reps = repsAt(elementsPerCall, n);
  return WASM_VECTORS.flatMap((vector) =>
    [...REDUCTIONS, ...ELEMENT_WISE].map((kernel) => {
      const make = (tier: Tier, loop: Loop<WasmState>) =>
        contender({ id: tier, loop, state: states.get(vector, tier, n, reps), primer: primers.primer(vector, tier), baseline: tier === 'raw' ? undefined : 'raw' });
      return {
        id: `wasm_${kernel}_${vector}_${n}`,
        label: `${vector} ${kernel}`,
        selfTimed: false,
        kernel,
        vector,
        n,
        reps,
        contenders: [make('raw', LOOPS[kernel].raw), make('js', LOOPS[kernel].vec), make('wasm', LOOPS[kernel].vec)],
      };
    }),
  );
}

/** A case of the crossover: one kernel of F64Vec at one length. */
export interface CrossoverCase extends Case {
  readonly kernel: CrossoverKernel;
  readonly length: number;
  /** Repetitions per call, to report the time of one. */
  readonly reps: number;
}

/**
 * The crossover cases: contenders `js` (the baseline: the JS tier's call), `exports` (the
 * export called directly over a WasmSlab's memory) and, from the length the library
 * dispatches at, `library` (the call in a WasmSlab). Each of the three has its own state.
 */
export function crossoverCases(elementsPerCall: number, states: StateCache, primers: StateCache): CrossoverCase[] {
  return (['sum', 'add'] as const).flatMap((kernel) =>
    CROSSOVER_LENGTHS.map((length) => {
      const reps = repsAt(elementsPerCall, length);
      const make = (id: string, tier: Tier, copy: number, loop: Loop<WasmState>) =>
        contender({ id, loop, state: states.get('F64Vec', tier, length, reps, copy), primer: primers.primer('F64Vec', tier), baseline: id === 'js' ? undefined : 'js' });
      const loops = CROSSOVER_LOOPS[kernel];
      const contenders = [make('js', 'js', 0, loops.vec), make('exports', 'wasm', 0, loops.exports)];
      if (length >= (kernel === 'sum' ? WASM_MIN_REDUCE : WASM_MIN_ELEMENTWISE)) contenders.push(make('library', 'wasm', 1, loops.vec));
      return { id: `wasm_crossover_${kernel}_${length}`, label: `crossover ${kernel}`, selfTimed: false, kernel, length, reps, contenders };
    }),
  );
}
