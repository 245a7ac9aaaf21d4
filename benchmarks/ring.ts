/**
 * Scenario table "ring": 128-frame blocks through an `F32Ring` against ringbuf.js 0.4.0's
 * `RingBuffer` (the JavaScript SPSC ring audio code uses), on one thread: each call pushes
 * a block and pops it, `reps` times, through a ring of 1024 slots (the indices run around
 * the ring, so the copies wrap as they would in a stream). Two slabvec forms: `push` +
 * `popInto` (the same copies ringbuf.js makes), and `writeChunk` + `readChunk` (the block
 * written and read in place: no copy in or out). The target: at most 0.5x ringbuf.js's
 * time. Then the garbage collections in a steady-state streaming loop of both forms, which
 * must be 0. Run it alone with `npm run bench -- --only ring`.
 *
 * @module
 */

import { RingBuffer } from 'ringbuf.js';
import { F32Ring, type RingConsumer, type RingProducer } from '../src/index.js';
import type { Mode } from './config.js';
import { formatDuration, formatRatio } from './format.js';
import { GcRecorder } from './gc.js';
import { PRIME_CAPACITY, contender, runCases, timerOverheadMs, type Case, type Progress } from './runner.js';
import { median, pairedRatios } from './stats.js';
import type { TimedState } from './state.js';
import { textTable, type Table } from './tables.js';

/** Frames per block: one render quantum of Web Audio. */
const BLOCK = 128;

/** Slots of every ring. */
const CAPACITY = 1024;

/** At most this ratio of slabvec's time to ringbuf.js's. */
const TARGET = 0.5;

/** What a ring loop works on: one ring of each library, a block and an output. */
interface RingState extends TimedState {
  readonly tx: RingProducer<Float32Array>;
  readonly rx: RingConsumer<Float32Array>;
  readonly rb: RingBuffer;
  readonly block: Float32Array;
  readonly out: Float32Array;
  readonly reps: number;
}

// Every loop returns the sum of the first and last frame of every block it read.

function ringbufLoop(s: RingState): number {
  const { rb, block, out } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    block[0] = r;
    rb.push(block);
    rb.pop(out);
    acc += out[0] + out[127];
  }
  return acc;
}

function slabvecCopyLoop(s: RingState): number {
  const { tx, rx, block, out } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    block[0] = r;
    tx.push(block);
    rx.popInto(out);
    acc += out[0] + out[127];
  }
  return acc;
}

function slabvecChunkLoop(s: RingState): number {
  const { tx, rx, block } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    const w = tx.writeChunk(128)!;
    block[0] = r;
    w.first.set(block);
    w.commit();
    const c = rx.readChunk(128)!;
    acc += c.first[0] + c.first[127];
    c.release();
  }
  return acc;
}

/** A fresh state: rings of their own, so that contenders share nothing they write. */
function ringState(reps: number): RingState {
  const ring = F32Ring.create(CAPACITY);
  // ringbuf.js keeps one slot empty: CAPACITY + 1 slots hold CAPACITY elements, the same room.
  const rb = new RingBuffer(RingBuffer.getStorageForCapacity(CAPACITY + 1, Float32Array), Float32Array);
  const block = Float32Array.from({ length: BLOCK }, (_, i) => i / BLOCK);
  return { tx: ring.producer(), rx: ring.consumer(), rb, block, out: new Float32Array(BLOCK), reps, overhead: timerOverheadMs(), elapsed: 0 };
}

function ringCases(mode: Mode): Case[] {
  const reps = Math.max(1, Math.floor(mode.elementsPerCall / BLOCK));
  const make = (id: string, loop: (s: RingState) => number, baseline?: string) =>
    contender({ id, loop, state: ringState(reps), primer: ringState(PRIME_CAPACITY), baseline });
  return [
    {
      id: 'ring_block',
      label: `push + pop of ${BLOCK} frames`,
      selfTimed: false,
      contenders: [make('ringbuf', ringbufLoop), make('copy', slabvecCopyLoop, 'ringbuf'), make('chunk', slabvecChunkLoop, 'ringbuf')],
    },
  ];
}

/** Garbage collections while `blocks` blocks stream through each slabvec form (after warming). */
async function countGcs(blocks: number): Promise<{ copy: number; chunk: number; heapGrowth: number }> {
  const state = ringState(blocks);
  // Called often enough to be optimized at entry (a loop only ever entered once runs its
  // first calls in unoptimized code, which boxes the double accumulator: garbage of the
  // harness, not of the ring).
  const warm = ringState(200);
  for (let k = 0; k < 500; k++) {
    slabvecCopyLoop(warm);
    slabvecChunkLoop(warm);
  }
  const recorder = new GcRecorder();
  const windows = [recorder.window(() => void slabvecCopyLoop(state)), recorder.window(() => void slabvecChunkLoop(state))];
  const [copy, chunk] = await recorder.countIn(windows);
  return { copy: copy.collections, chunk: chunk.collections, heapGrowth: Math.max(windows[0].heapGrowth, windows[1].heapGrowth) };
}

/**
 * Runs the table.
 *
 * @param mode - the run mode (timing, elements per call, GC loop length).
 * @param progress - receives a line per case and round.
 * @returns the table as text, for the console.
 */
export async function runRingTable(mode: Mode, progress: Progress): Promise<string> {
  const text: Table = { head: ['form', 'time/block', 'ringbuf.js', 'ratio', 'rounds (min-max)', 'IQR', 'target', 'met'], rows: [] };
  const reps = Math.max(1, Math.floor(mode.elementsPerCall / BLOCK));
  const [result] = runCases(ringCases(mode), mode, progress, `ring, ${BLOCK}-frame blocks`);
  const ringbuf = result.latencies.get('ringbuf')!;
  const perBlock = (ms: readonly number[]): string => formatDuration(median(ms) / reps);
  for (const [id, label] of [['copy', 'push + popInto'], ['chunk', 'writeChunk + readChunk']] as const) {
    const own = result.latencies.get(id)!;
    const ratio = pairedRatios(own, ringbuf);
    text.rows.push([
      label, perBlock(own), perBlock(ringbuf), formatRatio(ratio.median), `${formatRatio(ratio.low)}-${formatRatio(ratio.high)}`,
      `${formatRatio(ratio.q1)}-${formatRatio(ratio.q3)}`, `<= ${formatRatio(TARGET)}`, ratio.median <= TARGET ? 'yes' : 'NO',
    ]);
  }
  progress('ring: counting garbage collections while streaming');
  const blocks = Math.max(10_000, Math.floor(mode.gcLoopOperations / 10));
  const gcs = await countGcs(blocks);
  return [
    `ring: ${BLOCK}-frame blocks through an F32Ring of ${CAPACITY} slots against ringbuf.js 0.4.0 (same room), push + pop per block;`,
    `median over ${mode.rounds} paired rounds of slabvec's time / ringbuf.js's, with the range and interquartile range over rounds.`,
    textTable(text),
    `garbage collections streaming ${blocks} blocks: push + popInto ${gcs.copy}, writeChunk + readChunk ${gcs.chunk} (target 0); ` +
      `heap growth at most ${gcs.heapGrowth} bytes`,
  ].join('\n');
}
