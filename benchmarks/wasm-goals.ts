/**
 * The goals of the WebAssembly SIMD tier (issue 15), checked against the "wasm" table's
 * results. The thresholds are the goals as stated; nothing here is tuned to the results.
 * The speed goals were stated for Node 24; they are checked, and reported, on every engine.
 *
 * @module
 */

import { formatCapacity, formatRatio } from './format.js';
import type { GoalResult } from './goals.js';
import { ELEMENT_WISE, KERNEL_LABELS, REDUCTIONS, WASM_VECTORS, kernelResult, type KernelId, type KernelResult, type WasmResults } from './wasm-results.js';

/** The reductions' goal: at most this ratio to the naive raw loop, at {@link REDUCTION_LENGTHS}. */
export const REDUCTION_TARGET = 0.4;
/** Where the reductions' ratio goal applies. */
export const REDUCTION_LENGTHS: readonly number[] = [1024, 1_000_000];
/** The length at which the reductions must beat the JS tier. */
export const SHORT_LENGTH = 128;
/** The element-wise kernels' goal: at most this ratio to the raw loop, at {@link ELEMENT_WISE_LENGTH}. */
export const ELEMENT_WISE_TARGET = 0.5;
/** Where the element-wise goal applies. */
export const ELEMENT_WISE_LENGTH = 1024;

/**
 * A goal over both classes at `lengths`: `ratio` picks the figure, which must be at most
 * `limit` (or below it, when `strict`); not measured when any row is missing.
 */
function overRows(
  results: WasmResults,
  goal: string,
  kernel: KernelId,
  lengths: readonly number[],
  ratio: (row: KernelResult) => number,
  limit: number,
  strict: boolean,
): GoalResult {
  const parts: string[] = [];
  let pass = true;
  for (const vector of WASM_VECTORS) {
    const cells: string[] = [];
    for (const n of lengths) {
      const row = kernelResult(results, kernel, vector, n);
      if (row === undefined) return { goal, measured: 'not measured', pass: null };
      const value = ratio(row);
      cells.push(lengths.length === 1 ? formatRatio(value) : `${formatCapacity(n)} ${formatRatio(value)}`);
      if (!(strict ? value < limit : value <= limit)) pass = false;
    }
    parts.push(`${vector} ${cells.join(', ')}`);
  }
  return { goal, measured: parts.join('; '), pass };
}

function zeroGcs(results: WasmResults): GoalResult {
  const goal = 'zero garbage collections in the steady-state loops of the wasm kernels';
  if (results.garbage.length === 0) return { goal, measured: 'not measured', pass: null };
  const collected = results.garbage.filter((g) => g.collections > 0);
  const loops = `${results.garbage.length} loops (every wasm kernel of F64Vec and F32Vec, at ${[...new Set(results.garbage.map((g) => formatCapacity(g.capacity)))].join(' and ')})`;
  return {
    goal,
    measured: collected.length === 0 ? `0 in ${loops}` : `${collected.map((g) => `${g.vector}.${g.kernel} at ${formatCapacity(g.capacity)}: ${g.collections}`).join('; ')} (of ${loops})`,
    pass: collected.length === 0,
  };
}

/** Checks every goal of the table. */
export function checkWasmGoals(results: WasmResults): GoalResult[] {
  const lengths = REDUCTION_LENGTHS.map(formatCapacity).join(' and ');
  return [
    ...REDUCTIONS.map((kernel) =>
      overRows(results, `${KERNEL_LABELS[kernel]} in a WasmSlab at most ${formatRatio(REDUCTION_TARGET)} the naive raw loop at ${lengths} (stated for Node 24)`, kernel, REDUCTION_LENGTHS, (row) => row.wasm.median, REDUCTION_TARGET, false),
    ),
    ...REDUCTIONS.map((kernel) =>
      overRows(results, `${KERNEL_LABELS[kernel]} in a WasmSlab faster than the JS tier at ${SHORT_LENGTH} (wasm/JS below 1.00x)`, kernel, [SHORT_LENGTH], (row) => row.wasmOverJs.median, 1, true),
    ),
    ...ELEMENT_WISE.map((kernel) =>
      overRows(results, `${KERNEL_LABELS[kernel]} in a WasmSlab at most ${formatRatio(ELEMENT_WISE_TARGET)} the raw loop at ${formatCapacity(ELEMENT_WISE_LENGTH)}`, kernel, [ELEMENT_WISE_LENGTH], (row) => row.wasm.median, ELEMENT_WISE_TARGET, false),
    ),
    zeroGcs(results),
  ];
}

/** The target a row of the speed table is held to, as the table shows it, and whether it met it; `none` for rows without one. */
export function rowTarget(row: KernelResult): { readonly text: string; readonly met: boolean | null } {
  if (REDUCTIONS.includes(row.kernel)) {
    if (REDUCTION_LENGTHS.includes(row.n)) return { text: `<= ${formatRatio(REDUCTION_TARGET)}`, met: row.wasm.median <= REDUCTION_TARGET };
    if (row.n === SHORT_LENGTH) return { text: 'wasm < JS', met: row.wasmOverJs.median < 1 };
  } else if (row.n === ELEMENT_WISE_LENGTH) {
    return { text: `<= ${formatRatio(ELEMENT_WISE_TARGET)}`, met: row.wasm.median <= ELEMENT_WISE_TARGET };
  }
  return { text: 'none', met: null };
}
