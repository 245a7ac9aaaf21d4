/**
 * What the threads of the audio pipeline examples share (docs/examples/audio-browser.ts for
 * a page with an AudioWorklet, audio-node.mts for Node with worker_threads): the signal, the
 * ring's size, the synth's loop and the messages. A worker thread synthesizes 128-frame
 * blocks straight into an `F32Ring` with `writeChunk`, and blocks in `waitForSpace` while
 * the ring is full; a player on the audio thread reads them in place. Nothing here
 * allocates per block.
 *
 *   synth worker ── writeChunk(128) / commit() ──> F32Ring (SharedArrayBuffer) ──> player
 *
 * The signal is a fixed chord with a slow tremolo, so that a consumer can recompute any
 * sample from its index ({@link sampleAt}) and check what it received.
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { F32Ring, type RingDescriptor, type RingProducer } from '../../src/index.js';

/** Frames per block: one Web Audio render quantum. */
export const BLOCK = 128;

/** The sample rate the examples run at. */
export const SAMPLE_RATE = 48_000;

/** Ring slots: 16 blocks, 43 ms at 48 kHz, room for the worker to run ahead of the player. */
export const RING_FRAMES = 16 * BLOCK;

/** The chord: A3, C#4 and E4, each at 0.1 of full scale, under a 3 Hz tremolo between 0.5 and 1. */
const PARTIALS = [220, 277.1826, 329.6276];
const TREMOLO_HZ = 3;

/**
 * Sample `i` of the signal, as the ring stores it (rounded to float32). Deterministic, so
 * that the player (or a test) can tell a lost, repeated or corrupted block from a good one.
 */
export function sampleAt(i: number): number {
  const t = i / SAMPLE_RATE;
  let chord = 0;
  for (const hz of PARTIALS) chord += Math.sin(2 * Math.PI * hz * t);
  const tremolo = 0.75 + 0.25 * Math.sin(2 * Math.PI * TREMOLO_HZ * t);
  return Math.fround((0.3 * chord * tremolo) / PARTIALS.length);
}

/** Writes samples `start, start + 1, ...` into `out`. */
function render(out: Float32Array, start: number): void {
  for (let k = 0; k < out.length; k++) out[k] = sampleAt(start + k);
}

/** What the synth reports when it stops. */
export interface SynthReport {
  /** Blocks written and committed. */
  readonly blocks: number;
  /** How often the ring was full, so that the synth had to wait for the player. */
  readonly waits: number;
}

/**
 * The synth's loop, run on a worker thread (it blocks in `Atomics.wait`, which a page's
 * main thread and an AudioWorklet refuse): `blocks` blocks, in place, each committed with
 * one atomic exchange. `stop()` is polled between blocks, to end an open-ended stream.
 */
export function runSynth(tx: RingProducer<Float32Array>, blocks: number, stop: () => boolean = () => false): SynthReport {
  let waits = 0;
  let written = 0;
  while (written < blocks && !stop()) {
    if (tx.space < BLOCK) {
      // Wait before asking for a chunk: a writeChunk that finds no room counts as an
      // overrun in the ring's stats(), and this is flow control, not loss. Wakes when the
      // player frees a block; the timeout only bounds how long stop() goes unseen.
      waits++;
      tx.waitForSpace(BLOCK, 100);
      continue;
    }
    // The room is there: only this thread writes, and the player only frees more.
    const chunk = tx.writeChunk(BLOCK)!;
    // `first` and `second` (the part past the ring's end, empty here since 128 divides the
    // ring) are views of the ring's memory, valid until commit().
    render(chunk.first, written * BLOCK);
    render(chunk.second, written * BLOCK + chunk.first.length);
    chunk.commit();
    written++;
  }
  return { blocks: written, waits };
}

/** What the page or the main thread sends the synth worker. */
export interface SynthRequest {
  /** The ring, from `ring.descriptor()`: cloneable, and its SharedArrayBuffer is shared, not copied. */
  readonly ring: RingDescriptor;
  /** How many blocks to synthesize; `Infinity` until stopped. */
  readonly blocks: number;
  /** Optional: an Int32Array's buffer whose element 0 becomes non-zero to stop the synth. */
  readonly stop?: SharedArrayBuffer;
}

/** Runs a request on the worker that received it: attaches to the ring and synthesizes. */
export function serveSynth(request: SynthRequest): SynthReport {
  const tx = F32Ring.attach(request.ring).producer();
  const flag = request.stop === undefined ? null : new Int32Array(request.stop);
  return runSynth(tx, request.blocks, () => flag !== null && Atomics.load(flag, 0) !== 0);
}

/** The name of the player's AudioWorkletProcessor (docs/examples/audio-player.worklet.ts). */
export const PLAYER_NAME = 'slabvec-example-player';

/** What the page passes the player as `processorOptions`. */
export interface PlayerOptions {
  readonly ring: RingDescriptor;
  /** Quanta to play before stopping (`Infinity`: until the node is disconnected). */
  readonly blocks: number;
  /** Quanta between status messages. */
  readonly reportEvery: number;
}

/** What the player posts on its port. */
export interface PlayerStatus {
  readonly played: number;
  /** Quanta whose block was not in the ring yet: they played as silence. */
  readonly underruns: number;
  /** Whether this is the last message (the player stopped after `blocks` quanta). */
  readonly done: boolean;
}
