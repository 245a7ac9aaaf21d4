/**
 * An audio pipeline in a browser: a dedicated Worker synthesizes 128-frame blocks into an
 * `F32Ring` (docs/examples/audio-synth.worker.ts), and an AudioWorklet plays them, one block
 * per render quantum, reading each in place (docs/examples/audio-player.worklet.ts). The
 * page only wires them up: it makes the ring, hands its descriptor to both, and reports.
 *
 *   Worker: synth ── writeChunk/commit ──> F32Ring ──> readChunk/release ── AudioWorklet: player
 *
 * Threading rules: the worker may block (`waitForSpace`, Atomics.wait); the page's main
 * thread and the worklet may not (`Atomics.wait` throws there), so the page waits with
 * `waitForDataAsync` and the player never waits: a quantum whose block is missing plays as
 * silence and counts as an underrun. A `SharedArrayBuffer` needs a cross-origin isolated
 * page (COOP/COEP headers, docs/browsers.md).
 *
 * Run: `node scripts/run-ts.cjs docs/examples/audio-serve.ts [port]`, then open the printed
 * address and press Play. The browser suite runs the same pipeline in an
 * OfflineAudioContext and checks every rendered block (`__tests__/browser/audio-example.browser.ts`).
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { F32Ring } from '../../src/index.js';
import { BLOCK, PLAYER_NAME, RING_FRAMES, type PlayerOptions, type PlayerStatus, type SynthReport, type SynthRequest } from './audio-pipeline.js';

/** A dedicated `Worker`, as far as the page uses it. */
interface WorkerLike {
  postMessage(message: SynthRequest): void;
  terminate(): void;
  onmessage: ((event: { data: SynthReport | { error: string } }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
}

/** An `AudioWorkletNode`, as far as the page uses it. */
interface PlayerNode {
  readonly port: { onmessage: ((event: { data: PlayerStatus }) => void) | null };
  onprocessorerror: ((event: unknown) => void) | null;
  connect(destination: unknown): unknown;
  disconnect(): void;
}

/** An `AudioContext` or `OfflineAudioContext`: what the pipeline needs of it. */
export interface AudioContextLike {
  readonly destination: unknown;
  readonly sampleRate: number;
  readonly audioWorklet: { addModule(url: string): Promise<void> };
}

/** The page's globals the pipeline uses. */
interface PageGlobals {
  readonly Worker: new (url: string) => WorkerLike;
  readonly AudioWorkletNode: new (context: AudioContextLike, name: string, options: object) => PlayerNode;
}

/** Where the two bundled scripts are served. */
export interface PipelineScripts {
  /** The synth worker's script (docs/examples/audio-synth.worker.ts, bundled). */
  readonly worker: string;
  /** The player's worklet module (docs/examples/audio-player.worklet.ts, bundled). */
  readonly worklet: string;
}

/** A running pipeline. */
export interface AudioPipeline {
  /** Resolves with the synth's report when it stops (after its blocks, or `stop()`). */
  readonly synthDone: Promise<SynthReport>;
  /** Resolves with the player's last status, after `blocks` quanta. */
  readonly playerDone: Promise<PlayerStatus>;
  /**
   * Resolves with true once at least `blocks` blocks wait in the ring, false after
   * `timeoutMs`. Waits without blocking (`waitForDataAsync`); an OfflineAudioContext, which
   * renders faster than real time, can be paced with it between suspensions.
   */
  buffered(blocks: number, timeoutMs?: number): Promise<boolean>;
  /** Stops the synth (within 100 ms) and disconnects the player. */
  stop(): void;
}

/**
 * Starts the pipeline on `context`: makes the ring, starts the synth worker, waits until it
 * has filled half the ring (so that playback starts with a cushion), then adds the player to
 * the context and connects it. `blocks` bounds both sides; `onStatus` receives the player's
 * status every `reportEvery` quanta.
 */
export async function startAudioPipeline(
  context: AudioContextLike,
  scripts: PipelineScripts,
  blocks: number,
  onStatus: (status: PlayerStatus) => void = () => {},
  reportEvery = 64,
): Promise<AudioPipeline> {
  const page = globalThis as unknown as PageGlobals;
  // Throws slabvec's TypeError, saying which headers to set, on a page without SharedArrayBuffer.
  const ring = F32Ring.create(RING_FRAMES);
  const stopFlag = new SharedArrayBuffer(4);
  const worker = new page.Worker(scripts.worker);
  const synthDone = new Promise<SynthReport>((resolve, reject) => {
    worker.onmessage = (event) => ('error' in event.data ? reject(new Error(`synth worker: ${event.data.error}`)) : resolve(event.data));
    worker.onerror = (event) => reject(new Error(`synth worker: ${event.message}`));
  });
  worker.postMessage({ ring: ring.descriptor(), blocks, stop: stopFlag });
  // The page never reads the ring: it only waits, without blocking, for data (here the cushion).
  const waiter = ring.consumer();
  await waiter.waitForDataAsync(Math.min(RING_FRAMES / 2, blocks * BLOCK), 5_000);
  await context.audioWorklet.addModule(scripts.worklet);
  const options: PlayerOptions = { ring: ring.descriptor(), blocks, reportEvery };
  const node = new page.AudioWorkletNode(context, PLAYER_NAME, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [1], processorOptions: options });
  const playerDone = new Promise<PlayerStatus>((resolve, reject) => {
    node.port.onmessage = (event) => {
      onStatus(event.data);
      if (event.data.done) resolve(event.data);
    };
    node.onprocessorerror = () => reject(new Error('the player threw (onprocessorerror)'));
  });
  node.connect(context.destination);
  return {
    synthDone,
    playerDone,
    buffered: (count, timeoutMs = 5_000) => waiter.waitForDataAsync(count * BLOCK, timeoutMs),
    stop() {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      node.disconnect();
    },
  };
}
