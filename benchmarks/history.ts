/**
 * Scenario table "history": F32History's window kernels against the loop a user would write
 * over the same storage (`h.window()`), at 128 and 1024 samples, and the measurement that
 * chose the history's storage (docs/design.md, "Histories"). Run it alone with
 * `npm run bench -- --only history`.
 *
 * - kernels: `sum`, `min`, `max`, `sumOfSquares` and `dot(taps)` over a full history,
 *   against a left-to-right loop over the window view (target: at most 1.25x the loop's
 *   time: the kernel adds the argument checks and the window arithmetic of a call, and its
 *   pairwise lanes should win back the rest at 1024 samples). `min` and `max` give
 *   `Math.min`'s and `Math.max`'s results (`NaN` wins, `-0 < 0`), so their target is
 *   against a loop with the same tests; the `<` / `>` loop that skips them (and misses a
 *   `NaN`) is a row for reading, without a target.
 * - storage: `push` one sample at a time and `pushBlock` of 128-sample blocks, F32History
 *   (a mirrored buffer: every sample stored twice, no copy ever) against the alternative,
 *   `capacity + K` slots with a `copyWithin` of the window every K pushes (here K =
 *   capacity, the same memory as the mirror). No target: the table records the choice.
 *
 * The samples are multiples of 1/8 below 64, so that every summation order gives the same
 * exact result and each kernel is validated against its loop.
 *
 * @module
 */

import { F32History } from '../src/index.js';
import type { Mode } from './config.js';
import { formatCapacity, formatDuration, formatRatio } from './format.js';
import { PRIME_CAPACITY, contender, runCases, timerOverheadMs, type Case, type Progress } from './runner.js';
import { median, pairedRatios } from './stats.js';
import type { TimedState } from './state.js';
import { textTable, type Table } from './tables.js';

/**
 * The storage the history did not choose: `capacity + slack` slots, written from left to
 * right; when the end is reached, the newest `capacity - 1` samples are moved to the start
 * with one `copyWithin`. The live window is `[end - length, end)`.
 */
export class SlackHistory {
  /** The slots. */
  readonly data: Float32Array;
  /** The number of samples kept. */
  readonly capacity: number;
  /** One past the newest sample. */
  end = 0;
  /** The live samples, at most `capacity`. */
  length = 0;

  constructor(capacity: number, slack: number) {
    this.data = new Float32Array(capacity + slack);
    this.capacity = capacity;
  }

  /** Appends one sample, moving the window to the start when the slack is used up. */
  push(x: number): void {
    const data = this.data;
    let end = this.end;
    if (end === data.length) {
      data.copyWithin(0, end - this.capacity + 1, end);
      end = this.capacity - 1;
    }
    data[end] = x;
    this.end = end + 1;
    if (this.length < this.capacity) this.length++;
  }

  /** Appends a block no longer than the capacity. */
  pushBlock(block: Float32Array): void {
    const data = this.data;
    const n = block.length;
    let end = this.end;
    if (end + n > data.length) {
      const keep = Math.min(this.length, this.capacity - n);
      data.copyWithin(0, end - keep, end);
      end = keep;
    }
    data.set(block, end);
    this.end = end + n;
    this.length = Math.min(this.capacity, this.length + n);
  }

  /** The newest sample. */
  newest(): number {
    return this.data[this.end - 1];
  }
}

/** What the loops work on. */
interface HistoryState extends TimedState {
  /** A full history of `capacity` samples. */
  readonly h: F32History;
  /** Its window view (nothing is pushed while the kernels run). */
  readonly w: Float32Array;
  /** Taps as long as the window. */
  readonly taps: Float32Array;
  /** The unchosen storage, full, for the storage rows. */
  readonly slack: SlackHistory;
  /** A 128-sample block for the block rows (shorter in a primer). */
  readonly block: Float32Array;
  /** Repetitions (kernel calls, or samples pushed) per call. */
  readonly reps: number;
}

function kernelSum(s: HistoryState): number {
  const h = s.h;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += h.sum();
  return acc;
}

function loopSum(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i];
    acc += sum;
  }
  return acc;
}

function kernelMin(s: HistoryState): number {
  const h = s.h;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += h.min();
  return acc;
}

function loopMin(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let best = w[0];
    for (let i = 1; i < n; i++) if (w[i] < best) best = w[i];
    acc += best;
  }
  return acc;
}

function exactLoopMin(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let best = w[0];
    for (let i = 1; i < n; i++) {
      const x = w[i];
      if (x < best) best = x;
      else if (x !== x) {
        best = x;
        break;
      } else if (x === 0 && best === 0 && 1 / x < 0) best = x;
    }
    acc += best;
  }
  return acc;
}

function kernelMax(s: HistoryState): number {
  const h = s.h;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += h.max();
  return acc;
}

function loopMax(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let best = w[0];
    for (let i = 1; i < n; i++) if (w[i] > best) best = w[i];
    acc += best;
  }
  return acc;
}

function exactLoopMax(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let best = w[0];
    for (let i = 1; i < n; i++) {
      const x = w[i];
      if (x > best) best = x;
      else if (x !== x) {
        best = x;
        break;
      } else if (x === 0 && best === 0 && 1 / x > 0) best = x;
    }
    acc += best;
  }
  return acc;
}

function kernelSumOfSquares(s: HistoryState): number {
  const h = s.h;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += h.sumOfSquares();
  return acc;
}

function loopSumOfSquares(s: HistoryState): number {
  const w = s.w;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i] * w[i];
    acc += sum;
  }
  return acc;
}

function kernelDot(s: HistoryState): number {
  const h = s.h;
  const taps = s.taps;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += h.dot(taps);
  return acc;
}

function loopDot(s: HistoryState): number {
  const w = s.w;
  const taps = s.taps;
  const n = w.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i] * taps[i];
    acc += sum;
  }
  return acc;
}

function mirrorPush(s: HistoryState): number {
  const h = s.h;
  for (let r = 0; r < s.reps; r++) h.push((r & 63) * 0.125);
  return h.length + h.get(h.length - 1);
}

function slackPush(s: HistoryState): number {
  const h = s.slack;
  for (let r = 0; r < s.reps; r++) h.push((r & 63) * 0.125);
  return h.length + h.newest();
}

function mirrorBlock(s: HistoryState): number {
  const h = s.h;
  const block = s.block;
  for (let r = 0; r < s.reps; r += 128) h.pushBlock(block);
  return h.length + h.get(h.length - 1);
}

function slackBlock(s: HistoryState): number {
  const h = s.slack;
  const block = s.block;
  for (let r = 0; r < s.reps; r += 128) h.pushBlock(block);
  return h.length + h.newest();
}

/** One row: a kernel or storage operation and the loop it is measured against. */
interface HistoryPair {
  readonly id: string;
  readonly label: string;
  readonly loop: (s: HistoryState) => number;
  readonly baseline: string;
  readonly baselineLoop: (s: HistoryState) => number;
  /** At most this ratio; absent for the storage rows, which record a choice. */
  readonly target?: number;
  /** A storage row: `reps` counts pushed samples, and the time is given per sample or per 128-sample block. */
  readonly storage?: 'sample' | 'block';
}

const PAIRS: readonly HistoryPair[] = [
  { id: 'sum', label: 'h.sum()', loop: kernelSum, baseline: 'loop over h.window()', baselineLoop: loopSum, target: 1.25 },
  { id: 'min', label: 'h.min()', loop: kernelMin, baseline: 'exact loop over h.window()', baselineLoop: exactLoopMin, target: 1.25 },
  { id: 'min_lt', label: 'h.min()', loop: kernelMin, baseline: '`<` loop (NaN-blind)', baselineLoop: loopMin },
  { id: 'max', label: 'h.max()', loop: kernelMax, baseline: 'exact loop over h.window()', baselineLoop: exactLoopMax, target: 1.25 },
  { id: 'max_gt', label: 'h.max()', loop: kernelMax, baseline: '`>` loop (NaN-blind)', baselineLoop: loopMax },
  { id: 'sumsq', label: 'h.sumOfSquares()', loop: kernelSumOfSquares, baseline: 'loop over h.window()', baselineLoop: loopSumOfSquares, target: 1.25 },
  { id: 'dot', label: 'h.dot(taps)', loop: kernelDot, baseline: 'loop over h.window()', baselineLoop: loopDot, target: 1.25 },
  { id: 'push', label: 'push (mirror)', loop: mirrorPush, baseline: 'push (C + C slots, copyWithin)', baselineLoop: slackPush, storage: 'sample' },
  { id: 'block', label: 'pushBlock 128 (mirror)', loop: mirrorBlock, baseline: 'pushBlock 128 (C + C slots)', baselineLoop: slackBlock, storage: 'block' },
];

/** The window lengths of the table: a 128-frame audio block, and 1024 samples. */
const CAPACITIES = [128, 1024];

function historyState(capacity: number, reps: number): HistoryState {
  const samples = new Float32Array(capacity);
  for (let i = 0; i < capacity; i++) samples[i] = (i % 500) * 0.125;
  const taps = new Float32Array(capacity);
  for (let i = 0; i < capacity; i++) taps[i] = (i % 7) * 0.25;
  const h = new F32History(capacity);
  h.pushBlock(samples);
  const slack = new SlackHistory(capacity, capacity);
  slack.pushBlock(samples);
  // 128 samples, or the capacity of a primer's tiny history (SlackHistory takes no longer block).
  const block = new Float32Array(Math.min(128, capacity));
  for (let i = 0; i < block.length; i++) block[i] = (i & 63) * 0.125;
  return { h, w: h.window(), taps, slack, block, reps, overhead: timerOverheadMs(), elapsed: 0 };
}

interface HistoryCase extends Case {
  readonly pair: HistoryPair;
  readonly capacity: number;
  readonly reps: number;
}

function historyCases(mode: Mode, capacity: number): HistoryCase[] {
  return PAIRS.map((pair) => {
    // Kernel rows: `reps` calls of `capacity` samples; storage rows: `reps` samples pushed.
    const reps = pair.storage ? mode.elementsPerCall : Math.max(1, Math.floor(mode.elementsPerCall / capacity));
    const primerReps = pair.storage ? 256 : 4;
    return {
      id: `history_${pair.id}_${capacity}`,
      label: pair.label,
      selfTimed: false,
      pair,
      capacity,
      reps,
      contenders: [
        contender({ id: 'baseline', loop: pair.baselineLoop, state: historyState(capacity, reps), primer: historyState(PRIME_CAPACITY, primerReps) }),
        contender({ id: 'history', loop: pair.loop, state: historyState(capacity, reps), primer: historyState(PRIME_CAPACITY, primerReps), baseline: 'baseline' }),
      ],
    };
  });
}

/**
 * Runs the history table.
 *
 * @param mode - the run mode (timing, elements per call).
 * @param progress - receives a line per case and round.
 * @returns the table as text, for the console.
 */
export function runHistoryTable(mode: Mode, progress: Progress): string {
  const table: Table = { head: ['samples', 'F32History', 'time', 'baseline', 'time', 'ratio', 'rounds', 'target', 'met'], rows: [] };
  for (const capacity of CAPACITIES) {
    for (const { case: kase, latencies } of runCases(historyCases(mode, capacity), mode, progress, `history, ${capacity} samples`)) {
      const mine = latencies.get('history')!;
      const baseline = latencies.get('baseline')!;
      const ratio = pairedRatios(mine, baseline);
      const { pair } = kase;
      // Kernel rows: the time of one call; storage rows: the time per sample or block pushed.
      const calls = pair.storage === 'block' ? kase.reps / 128 : kase.reps;
      const per = (ms: readonly number[]): string => `${formatDuration(median(ms) / calls)}${pair.storage ? `/${pair.storage}` : ''}`;
      const met = pair.target === undefined ? '-' : ratio.median <= pair.target ? 'yes' : 'NO';
      table.rows.push([
        formatCapacity(capacity), pair.label, per(mine), pair.baseline, per(baseline), formatRatio(ratio.median),
        `${formatRatio(ratio.low)}-${formatRatio(ratio.high)}`, pair.target === undefined ? 'none' : `<= ${formatRatio(pair.target)}`, met,
      ]);
    }
  }
  return [
    `history: median over ${mode.rounds} paired rounds of F32History time / baseline time (${process.version})`,
    textTable(table),
  ].join('\n');
}
