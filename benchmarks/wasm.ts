/**
 * Scenario table "wasm": the WebAssembly SIMD tier of issue 15. Run it alone with
 * `npm start -- --only wasm` (the default mode's timing) or `npm run bench -- --only wasm`.
 *
 * - Speed: `sum`, `dot` of `F64Vec` and `F32Vec` against the naive left-to-right loop over
 *   the same kind of typed array, and `axpy`, `add`, `scale` with `out` (three vectors of
 *   one slab) against the raw loop, at 128, 1024 and 1e6 elements, in three tiers measured
 *   side by side in paired rounds: the raw loop (the baseline), the JS kernels (vectors in
 *   a `WasmSlab` with `simd: false`, the "Slab" column) and the wasm kernels (vectors in a
 *   `WasmSlab`, the "WasmSlab" column), with wasm's time / JS's in the same round.
 * - Crossover: `F64Vec` `sum()` and `add(y, out)` at 4 to 64 elements, the JS tier against
 *   the module's export called directly (below `WASM_MIN_REDUCE` / `WASM_MIN_ELEMENTWISE` the library does not
 *   dispatch) and against the library's call.
 * - Bandwidth: a streaming read of 4 to 64 MB in the same run, and each kernel's GB/s at
 *   1e6 elements against the read of its working set (`wasm-bandwidth.ts`).
 * - Garbage: every wasm kernel in a steady-state loop of its own (`wasm-garbage.ts`).
 * - Goals: `wasm-goals.ts`, printed met or missed.
 *
 * Every class of the element table runs every kernel first, as in the kernels table. The
 * values are multiples of 1/8, so every summation order gives the same exact result and
 * each tier is validated against the raw loop.
 *
 * @module
 */

import { WASM_MIN_ELEMENTWISE, WASM_MIN_REDUCE } from '../src/wasm-tier.js';
import type { Mode } from './config.js';
import { runCases, type Progress } from './runner.js';
import { addToSink } from './sink.js';
import { median, pairedRatios } from './stats.js';
import { bandwidthCase, bandwidthOf, type BandwidthCase } from './wasm-bandwidth.js';
import { StateCache, WASM_SIZES, crossoverCases, kernelCases } from './wasm-cases.js';
import { measureWasmGarbage } from './wasm-garbage.js';
import { checkWasmGoals } from './wasm-goals.js';
import { renderWasmMarkdown, renderWasmTable } from './wasm-report.js';
import type { BandwidthProbe, CrossoverPoint, KernelResult, WasmResults } from './wasm-results.js';
import { warmEveryClass } from './warm.js';

/** Rounds over every class in the warm-up (each runs every kernel at four lengths), as in the kernels table. */
const WARMUP_CYCLES = 10;

/** The lengths of the garbage loops: a block and the largest of the speed table. */
const GARBAGE_LENGTHS: readonly number[] = [1024, 1_000_000];

/** The speed table's rows, one length at a time (the states of a length are dropped after it). */
function measureKernels(mode: Mode, progress: Progress, primers: StateCache): KernelResult[] {
  const rows: KernelResult[] = [];
  for (const n of WASM_SIZES) {
    for (const { case: kase, latencies } of runCases(kernelCases(n, mode.elementsPerCall, new StateCache(), primers), mode, progress, `wasm, n ${n}`)) {
      const [raw, js, wasm] = ['raw', 'js', 'wasm'].map((id) => latencies.get(id)!);
      const perCall = (ms: readonly number[]): number => median(ms) / kase.reps;
      rows.push({
        kernel: kase.kernel,
        vector: kase.vector,
        n,
        ms: { raw: perCall(raw), js: perCall(js), wasm: perCall(wasm) },
        js: pairedRatios(js, raw),
        wasm: pairedRatios(wasm, raw),
        wasmOverJs: pairedRatios(wasm, js),
      });
    }
  }
  return rows;
}

/** The crossover points: every length of the crossover cases, for `sum` and `add`. */
function measureCrossover(mode: Mode, progress: Progress, primers: StateCache): CrossoverPoint[] {
  const results = runCases(crossoverCases(mode.elementsPerCall, new StateCache(), primers), mode, progress, 'wasm, crossover');
  return results.map(({ case: kase, latencies }) => {
    const js = latencies.get('js')!;
    const library = latencies.get('library');
    return {
      kernel: kase.kernel,
      length: kase.length,
      jsMs: median(js) / kase.reps,
      exports: pairedRatios(latencies.get('exports')!, js),
      library: library === undefined ? null : pairedRatios(library, js),
    };
  });
}

/** The bandwidth probes, timed by the runner like any case. */
function measureBandwidth(kase: BandwidthCase, mode: Mode, progress: Progress): BandwidthProbe[] {
  const [{ latencies }] = runCases([kase], mode, progress, 'wasm, bandwidth');
  return bandwidthOf(kase, (id) => median(latencies.get(id)!));
}

/**
 * Runs the table: the warm-up, the speed table, the crossover, the bandwidth probes, the
 * garbage loops, then the goals.
 *
 * @param mode - the run mode (timing, elements per call, the garbage loops' length).
 * @param progress - receives a line per case and round.
 * @returns the table as text, for the console, and as a markdown section of the report.
 */
export async function runWasmTable(mode: Mode, progress: Progress): Promise<{ readonly text: string; readonly markdown: string }> {
  // Assembled first, so that a probe that does not assemble stops the table before it measures.
  const probes = await bandwidthCase();
  progress('wasm: every class runs every kernel');
  addToSink(warmEveryClass({ cycles: WARMUP_CYCLES, storages: ['own buffer'], kernels: true }));
  const primers = new StateCache();
  const kernels = measureKernels(mode, progress, primers);
  const crossover = measureCrossover(mode, progress, primers);
  const bandwidth = measureBandwidth(probes, mode, progress);
  progress('wasm: counting garbage in the wasm kernels');
  const garbage = await measureWasmGarbage(GARBAGE_LENGTHS, mode.gcLoopOperations);
  const results: WasmResults = {
    mode: { name: mode.name, rounds: mode.rounds },
    engine: process.version,
    kernels,
    crossover,
    minLength: { sum: WASM_MIN_REDUCE, add: WASM_MIN_ELEMENTWISE },
    bandwidth,
    garbage,
  };
  const goals = checkWasmGoals(results);
  return { text: renderWasmTable(results, goals), markdown: renderWasmMarkdown(results, goals) };
}
