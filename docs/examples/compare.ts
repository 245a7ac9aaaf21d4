/**
 * The same code on `F64Vec` (a `Float64Array` and a length) and on `OptionVec<number>`
 * (`[Option<f64>; N]`: a JS array of slots, `undefined` when empty): a workload of pushes,
 * reads, writes, swap-removes, a sort, a binary search and pops, timed on both, with a check
 * that both computed the same thing.
 *
 * Two monomorphic copies, not one generic function. The workload is written twice below,
 * identical except for the parameter's type. A single `workload(v: FixedVec<number>)` would
 * compile, and is fine for cold code (see `sameContents` at the end), but V8 keeps type
 * feedback per function: called with both classes, every `v.push`, `v.get`, ... site in it
 * would see two classes and be optimized for both, so the timing would measure that mix
 * rather than each container. (With all eleven typed classes through one site, the library's
 * own measurements found push 29-33x slower: docs/design.md.) Hot code should see one class.
 *
 * Run: `node scripts/run-ts.cjs docs/examples/compare.ts [--capacity N] [--rounds N]`
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { performance } from 'node:perf_hooks';
import { F64Vec, OptionVec, type FixedVec } from '../../src/index.js';

/** The workload on an `F64Vec`. Keep it identical to {@link workloadOption}. */
function workloadF64(v: F64Vec, capacity: number): number {
  let check = 0;
  v.clear();
  for (let i = 0; i < capacity; i++) v.push(i * 0.5 + 0.25); // fill
  for (let i = 0; i < v.length; i++) v.set(i, v.get(i) * 1.5 - 1); // update in place
  for (let i = 0; i < v.length; i++) check += v.get(i); // read
  for (let k = 0; k < capacity / 2; k++) {
    // churn, as in a particle system: remove anywhere in O(1), append a new element
    check += v.swapRemove((k * 7919) % v.length);
    v.push(k + 0.75);
  }
  v.sort();
  check += v.binarySearch(v.get(v.length >> 1));
  while (v.length > capacity / 2) check += v.pop() * 0.5; // drain half
  return check;
}

/** The workload on an `OptionVec<number>`. Keep it identical to {@link workloadF64}. */
function workloadOption(v: OptionVec<number>, capacity: number): number {
  let check = 0;
  v.clear();
  for (let i = 0; i < capacity; i++) v.push(i * 0.5 + 0.25); // fill
  for (let i = 0; i < v.length; i++) v.set(i, v.get(i) * 1.5 - 1); // update in place
  for (let i = 0; i < v.length; i++) check += v.get(i); // read
  for (let k = 0; k < capacity / 2; k++) {
    // churn, as in a particle system: remove anywhere in O(1), append a new element
    check += v.swapRemove((k * 7919) % v.length);
    v.push(k + 0.75);
  }
  v.sort();
  check += v.binarySearch(v.get(v.length >> 1));
  while (v.length > capacity / 2) check += v.pop() * 0.5; // drain half
  return check;
}

/**
 * Whether two vectors hold the same elements, through the shared interface: generic, and
 * fine here because it runs once, outside any hot loop.
 */
function sameContents(a: FixedVec<number>, b: FixedVec<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a.get(i), b.get(i))) return false;
  return true;
}

/** How {@link runCompare} runs. */
export interface CompareOptions {
  /** Capacity of both vectors, and the number of elements pushed per run. Default 100,000. */
  readonly capacity?: number;
  /** Timed rounds; each runs both workloads once, alternating which goes first. Default 9. */
  readonly rounds?: number;
}

/** One implementation's result. */
export interface CompareSide {
  /** What the workload returned (the same number for both when they agree). */
  readonly check: number;
  /** The median over rounds of one workload's time, in milliseconds. */
  readonly medianMs: number;
}

/** What {@link runCompare} measured. */
export interface CompareResult {
  readonly capacity: number;
  readonly rounds: number;
  readonly f64: CompareSide;
  readonly option: CompareSide;
  /** `option.medianMs / f64.medianMs`: how many times longer OptionVec took. */
  readonly ratio: number;
  /** Both workloads returned the same number in every round and left the same elements. */
  readonly same: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs both workloads `rounds` times (after one untimed warm-up run each) and compares them. */
export function runCompare(options: CompareOptions = {}): CompareResult {
  const capacity = options.capacity ?? 100_000;
  const rounds = options.rounds ?? 9;
  const f64 = new F64Vec(capacity);
  const option = new OptionVec<number>(capacity);

  let same = workloadF64(f64, capacity) === workloadOption(option, capacity); // warm-up
  const f64Ms: number[] = [];
  const optionMs: number[] = [];
  let f64Check = 0;
  let optionCheck = 0;
  for (let r = 0; r < rounds; r++) {
    // Alternate the order, so that neither always runs right after the other's garbage.
    for (const which of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      if (which === 0) f64Check = workloadF64(f64, capacity);
      else optionCheck = workloadOption(option, capacity);
      (which === 0 ? f64Ms : optionMs).push(performance.now() - t0);
    }
    same &&= f64Check === optionCheck;
  }
  same &&= sameContents(f64, option) && f64.equals(option);
  const f64Median = median(f64Ms);
  const optionMedian = median(optionMs);
  return {
    capacity,
    rounds,
    f64: { check: f64Check, medianMs: f64Median },
    option: { check: optionCheck, medianMs: optionMedian },
    ratio: optionMedian / f64Median,
    same,
  };
}

/** Whether this file is the program being run (directly, or bundled by scripts/run-ts.cjs). */
function isMain(): boolean {
  return /[\\/]compare\.(?:ts|mjs|cjs|js)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  const arg = (name: string): number | undefined => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : undefined;
  };
  const r = runCompare({ capacity: arg('--capacity'), rounds: arg('--rounds') });
  console.log(`compare: the same workload on F64Vec and OptionVec<number>, capacity ${r.capacity}, median of ${r.rounds} rounds`);
  console.log(`  F64Vec     ${r.f64.medianMs.toFixed(2).padStart(8)} ms   result ${r.f64.check}`);
  console.log(`  OptionVec  ${r.option.medianMs.toFixed(2).padStart(8)} ms   result ${r.option.check}`);
  console.log(`  OptionVec took ${r.ratio.toFixed(2)}x as long (${(r.option.medianMs - r.f64.medianMs).toFixed(2)} ms more)`);
  console.log(`  same results and same final elements: ${r.same ? 'yes' : 'NO'}`);
  if (!r.same) process.exitCode = 1;
}
