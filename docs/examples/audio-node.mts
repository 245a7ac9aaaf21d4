/**
 * An audio pipeline across two threads in Node: a `worker_threads` worker synthesizes
 * 128-frame blocks into an `F32Ring` (docs/examples/audio-pipeline.ts), and the main thread
 * plays them the way an audio callback does, one block per render quantum, reading each in
 * place with `readChunk`. The browser version of the same pipeline, with an AudioWorklet as
 * the player, is docs/examples/audio-browser.ts.
 *
 *   worker: runSynth ── writeChunk/commit ──> F32Ring ──> readChunk/release ── main: player
 *
 * The player checks every sample against the signal's formula, so a lost, repeated or torn
 * block shows as a mismatch. By default it plays as fast as the synth delivers, waiting for
 * a block with `waitForData` whenever the ring is empty; with `--realtime` it keeps the audio
 * clock instead (a block every 2.67 ms, after prebuffering half the ring), so the worker
 * runs ahead and waits for space, and it counts underruns (a quantum whose block was not
 * there yet, which a device would play as silence).
 *
 * Run: `node scripts/run-ts.cjs docs/examples/audio-node.mts [--blocks N] [--realtime] [out.wav]`.
 * Prints what each side saw; exits with 1 if any sample was wrong or missing.
 *
 * This file is both the main program and the worker's script (`isMainThread` tells which),
 * so that it runs as one file. In an application, import from 'slabvec'.
 */

import { writeFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { F32Ring, type RingStats } from '../../src/index.js';
import { BLOCK, RING_FRAMES, SAMPLE_RATE, sampleAt, serveSynth, type SynthReport, type SynthRequest } from './audio-pipeline.js';
import { wavFile } from './dsp.js';

/** What the player saw. */
export interface PlayerReport {
  readonly blocks: number;
  /** Blocks the player had to wait for (the ring was empty when it wanted one). */
  readonly waits: number;
  /** At the audio clock only: blocks that were not there when their quantum was due (silence on a device). */
  readonly underruns: number;
  /** Samples that differ from the signal's formula: 0 unless a block was lost, repeated or torn. */
  readonly mismatches: number;
  readonly rms: number;
}

/** What a run of the pipeline returns. */
export interface PipelineReport {
  readonly synth: SynthReport;
  readonly player: PlayerReport;
  /** The ring's counters at the end: both ends wait before they ask, so no overrun or underrun. */
  readonly ring: RingStats;
  /** The played signal, when asked for (`keep`). */
  readonly output?: Float32Array;
}

/** Sleeps the calling thread for `ms` (Node's main thread may block, unlike a page's). */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(SLEEPER, 0, 0, ms);
}

/** A word nothing writes, for {@link sleep} to wait on (made once: the player allocates nothing per block). */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs the pipeline for `blocks` blocks: starts the synth worker on `script` (this file),
 * plays on the calling thread, then waits for the worker's report.
 */
export async function runPipeline(script: URL, blocks: number, options: { realtime?: boolean; keep?: boolean } = {}): Promise<PipelineReport> {
  const ring = F32Ring.create(RING_FRAMES);
  const request: SynthRequest = { ring: ring.descriptor(), blocks };
  const worker = new Worker(script, { workerData: request });
  const synthDone = new Promise<SynthReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const rx = ring.consumer();
  const output = options.keep ? new Float32Array(blocks * BLOCK) : null;
  const quantumMs = (1000 * BLOCK) / SAMPLE_RATE;
  // At the audio clock, start playing once half the ring is full, as an audio app prebuffers:
  // the worker takes a few milliseconds to start.
  if (options.realtime && !rx.waitForData(Math.min(RING_FRAMES / 2, blocks * BLOCK), 5_000)) throw new Error('the synth delivered nothing for 5 s');
  const started = performance.now();
  let played = 0;
  let waits = 0;
  let underruns = 0;
  let mismatches = 0;
  let energy = 0;
  while (played < blocks) {
    if (options.realtime) sleep(started + played * quantumMs - performance.now());
    if (rx.available < BLOCK) {
      // At the audio clock, the quantum is due and its block is not there: a device would
      // play silence. Either way, wait for the block (asking readChunk first would count
      // an underrun in the ring's stats() each time).
      if (options.realtime) underruns++;
      waits++;
      if (!rx.waitForData(BLOCK, 5_000)) throw new Error(`the synth delivered nothing for 5 s (block ${played})`);
    }
    // The block is there: only this thread reads, and the synth only adds more.
    const chunk = rx.readChunk(BLOCK)!;
    const start = played * BLOCK;
    // first, then second (the part past the ring's end, empty when the block does not wrap).
    const { first, second } = chunk;
    for (let k = 0; k < BLOCK; k++) {
      const sample = k < first.length ? first[k] : second[k - first.length];
      if (sample !== sampleAt(start + k)) mismatches++;
      energy += sample * sample;
      if (output !== null) output[start + k] = sample;
    }
    chunk.release();
    played++;
  }
  const synth = await synthDone;
  await worker.terminate();
  const player: PlayerReport = { blocks: played, waits, underruns, mismatches, rms: Math.sqrt(energy / (played * BLOCK)) };
  const stats = ring.stats();
  return output === null ? { synth, player, ring: stats } : { synth, player, ring: stats, output };
}

async function main(args: readonly string[]): Promise<void> {
  const at = args.indexOf('--blocks');
  const blocks = at >= 0 ? Number(args[at + 1]) : Math.round((10 * SAMPLE_RATE) / BLOCK);
  if (!Number.isInteger(blocks) || blocks < 1) throw new RangeError(`--blocks: expected a positive integer, got ${args[at + 1]}`);
  const realtime = args.includes('--realtime');
  const wav = args.find((arg, i) => arg.endsWith('.wav') && args[i - 1] !== '--blocks');
  const started = performance.now();
  const { synth, player, ring, output } = await runPipeline(new URL(import.meta.url), blocks, { realtime, keep: wav !== undefined });
  const seconds = (blocks * BLOCK) / SAMPLE_RATE;
  console.log(`audio-node: ${blocks} blocks (${seconds.toFixed(1)} s of audio at ${SAMPLE_RATE / 1000} kHz) through an F32Ring of ${RING_FRAMES} frames, ${realtime ? 'at the audio clock' : 'as fast as the synth delivers'}, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  console.log(`synth (worker): ${synth.blocks} blocks, waited for space ${synth.waits} times`);
  const late = realtime ? `${player.underruns} underruns` : `waited for data ${player.waits} times`;
  console.log(`player (main thread): ${player.blocks} blocks, ${late}, ${player.mismatches} mismatched samples, RMS ${player.rms.toFixed(4)}`);
  console.log(`ring: ${ring.written} elements written, ${ring.read} read, ${ring.overruns} overruns, ${ring.underruns} underruns`);
  if (wav !== undefined && output !== undefined) {
    writeFileSync(wav, wavFile(output, SAMPLE_RATE));
    console.log(`wrote ${wav}`);
  }
  if (player.mismatches > 0 || synth.blocks !== blocks || player.blocks !== blocks) process.exitCode = 1;
}

if (!isMainThread) {
  // The worker: synthesize into the ring the main thread made, then report.
  parentPort!.postMessage(serveSynth(workerData as SynthRequest));
} else if (/[\\/]audio-node\.(?:mts|mjs|js)$/.test(process.argv[1] ?? '')) {
  await main(process.argv.slice(2));
}
