/**
 * What the "wasm" table measured, and the figures derived from it without measuring: the
 * crossover length, the bytes a kernel streams and its GB/s. Pure, so the report and the
 * goals can be tested from made-up numbers.
 *
 * @module
 */

import type { RatioStats } from './stats.js';

/** The two classes with wasm kernels. */
export type WasmVector = 'F64Vec' | 'F32Vec';

/** Both, in the order the table shows them. */
export const WASM_VECTORS: readonly WasmVector[] = ['F64Vec', 'F32Vec'];

/** The kernels of the speed table. */
export type KernelId = 'sum' | 'dot' | 'add' | 'axpy' | 'scale';

/** The reductions, whose baseline is the naive left-to-right loop. */
export const REDUCTIONS: readonly KernelId[] = ['sum', 'dot'];

/** The element-wise kernels with `out`, three vectors of one slab. */
export const ELEMENT_WISE: readonly KernelId[] = ['axpy', 'add', 'scale'];

/** How the table names each kernel. */
export const KERNEL_LABELS: Readonly<Record<KernelId, string>> = {
  sum: 'sum()',
  dot: 'dot(y)',
  add: 'add(y, out)',
  axpy: 'axpy(a, y, out)',
  scale: 'scale(k, out)',
};

/** Arrays of `n` elements each kernel reads or writes once per call. */
const STREAMS: Readonly<Record<KernelId, number>> = { sum: 1, dot: 2, add: 3, axpy: 3, scale: 2 };

/** Bytes one call of `kernel` reads plus writes over `n` elements of `vector`. */
export function bytesPerCall(kernel: KernelId, vector: WasmVector, n: number): number {
  return STREAMS[kernel] * n * (vector === 'F64Vec' ? 8 : 4);
}

/** `bytes` moved in `ms` milliseconds, in GB/s (10^9 bytes per second). */
export function gigabytesPerSecond(bytes: number, ms: number): number {
  return bytes / 1e9 / (ms / 1000);
}

/** One row of the speed table: a kernel of one class at one length, in the three tiers. */
export interface KernelResult {
  readonly kernel: KernelId;
  readonly vector: WasmVector;
  /** The element count. */
  readonly n: number;
  /** Median time of one call (one kernel call, or one pass of the raw loop) in ms, per tier. */
  readonly ms: { readonly raw: number; readonly js: number; readonly wasm: number };
  /** The JS tier's time / the raw loop's, paired by round. */
  readonly js: RatioStats;
  /** The wasm tier's time / the raw loop's, paired by round. */
  readonly wasm: RatioStats;
  /** The wasm tier's time / the JS tier's, paired by round. */
  readonly wasmOverJs: RatioStats;
}

/** The kernels of the crossover measurement (F64Vec). */
export type CrossoverKernel = 'sum' | 'add';

/** One length of the crossover measurement of one kernel. */
export interface CrossoverPoint {
  readonly kernel: CrossoverKernel;
  /** The element count. */
  readonly length: number;
  /** Median time of one call of the JS tier, in ms. */
  readonly jsMs: number;
  /** The export called directly / the JS tier, paired by round. */
  readonly exports: RatioStats;
  /** The library's call in a WasmSlab / the JS tier; null below the length it dispatches at. */
  readonly library: RatioStats | null;
}

/** A memory-bandwidth probe's rate: a streaming read of one region. */
export interface BandwidthProbe {
  /** The region's size in bytes. */
  readonly bytes: number;
  /** Its rate, in GB/s. */
  readonly gbPerSec: number;
}

/** The garbage of one wasm kernel's steady-state loop. */
export interface GarbageResult {
  readonly vector: WasmVector;
  /** The call, as the table shows it (`add(vec, out)`). */
  readonly kernel: string;
  /** The vectors' length. */
  readonly capacity: number;
  /** Calls in the window. */
  readonly calls: number;
  /** Collections that started inside the window. */
  readonly collections: number;
  /** Heap growth per call in bytes, or null when a collection ran (the growth means nothing then). */
  readonly heapPerCall: number | null;
}

/** Everything one run of the table measured. */
export interface WasmResults {
  /** The mode's name and its kept rounds. */
  readonly mode: { readonly name: string; readonly rounds: number };
  /** `process.version`. */
  readonly engine: string;
  /** The speed table's rows. */
  readonly kernels: readonly KernelResult[];
  /** The crossover measurement. */
  readonly crossover: readonly CrossoverPoint[];
  /** The lengths the library dispatches at: reductions (`WASM_MIN_REDUCE`), element-wise kernels (`WASM_MIN_ELEMENTWISE`). */
  readonly minLength: { readonly sum: number; readonly add: number };
  /** The bandwidth probes. */
  readonly bandwidth: readonly BandwidthProbe[];
  /** The garbage loops. */
  readonly garbage: readonly GarbageResult[];
}

/**
 * The crossover: the smallest length measured from which on wasm beats the JS tier, that is,
 * the median ratio is below 1.00x there and at every longer length measured; null when it
 * does not at the longest. `which` picks the exports called directly or the library's call
 * (only the lengths it was measured at count).
 */
export function crossoverLength(points: readonly CrossoverPoint[], kernel: CrossoverKernel, which: 'exports' | 'library'): number | null {
  const measured = points
    .filter((p) => p.kernel === kernel && p[which] !== null)
    .sort((a, b) => a.length - b.length);
  let from: number | null = null;
  for (let i = measured.length - 1; i >= 0; i--) {
    if (!(measured[i][which]!.median < 1)) break;
    from = measured[i].length;
  }
  return from;
}

/**
 * The probe a kernel touching `bytes` per call is read against: the smallest region at
 * least that large (the same level of the cache hierarchy, or a larger one), else the largest.
 */
export function probeFor(probes: readonly BandwidthProbe[], bytes: number): BandwidthProbe | undefined {
  const sorted = [...probes].sort((a, b) => a.bytes - b.bytes);
  return sorted.find((p) => p.bytes >= bytes) ?? sorted[sorted.length - 1];
}

/** The result of `kernel` for `vector` at `n`, if measured. */
export function kernelResult(results: WasmResults, kernel: KernelId, vector: WasmVector, n: number): KernelResult | undefined {
  return results.kernels.find((k) => k.kernel === kernel && k.vector === vector && k.n === n);
}
