/**
 * The player of the browser audio pipeline (docs/examples/audio-browser.ts): an
 * `AudioWorkletProcessor` that attaches to the `F32Ring` the synth worker fills (its
 * descriptor arrives in `processorOptions`) and, for each 128-frame render quantum, reads a
 * block in place with `readChunk` and copies it to its output. A quantum whose block is not
 * there yet is an underrun: it plays silence, and is counted. It never waits: an
 * AudioWorkletGlobalScope refuses `Atomics.wait`, and the audio thread must not block.
 *
 * Every `reportEvery` quanta, and when `blocks` quanta have played, it posts a
 * {@link PlayerStatus} on its port. Nothing here allocates per quantum.
 *
 * Bundle it with slabvec as one module (a worklet cannot import from the page), e.g.
 * `esbuild docs/examples/audio-player.worklet.ts --bundle --format=esm --outfile=public/player.worklet.js`.
 */

import { F32Ring, type RingConsumer } from '../../src/index.js';
import { PLAYER_NAME, type PlayerOptions, type PlayerStatus } from './audio-pipeline.js';

/** The AudioWorkletGlobalScope, as far as this module uses it. */
interface WorkletScope {
  readonly AudioWorkletProcessor: new (options?: unknown) => { readonly port: { postMessage(message: PlayerStatus): void } };
  registerProcessor(name: string, processor: unknown): void;
}

const scope = globalThis as unknown as WorkletScope;

class PlayerProcessor extends scope.AudioWorkletProcessor {
  readonly #rx: RingConsumer<Float32Array>;
  readonly #blocks: number;
  readonly #reportEvery: number;
  #played = 0;
  #underruns = 0;

  constructor(init: { processorOptions: PlayerOptions }) {
    super(init);
    this.#rx = F32Ring.attach(init.processorOptions.ring).consumer();
    this.#blocks = init.processorOptions.blocks;
    this.#reportEvery = init.processorOptions.reportEvery;
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0][0];
    const chunk = this.#rx.readChunk(out.length);
    if (chunk === null) {
      out.fill(0);
      this.#underruns++;
    } else {
      // first, then second (the part past the ring's end, empty when the block does not wrap).
      out.set(chunk.first);
      out.set(chunk.second, chunk.first.length);
      chunk.release();
    }
    this.#played++;
    const done = this.#played >= this.#blocks;
    if (done || this.#played % this.#reportEvery === 0) this.port.postMessage({ played: this.#played, underruns: this.#underruns, done });
    return !done;
  }
}

scope.registerProcessor(PLAYER_NAME, PlayerProcessor);
