/**
 * The audio worklet module of `audio-ring.browser.ts`, bundled with slabvec into
 * `/assets/ring-player.worklet.js`. The processor attaches to an `F32Ring` the page made
 * (its descriptor arrives in `processorOptions`: the SharedArrayBuffer is shared, not
 * copied) and pops each 128-frame render quantum straight into its output with `popInto`.
 * A short pop is an underrun: the rest of the quantum is silence, and it is counted. After
 * the last block it posts what it saw, including what `waitForData` (Atomics.wait, which an
 * AudioWorkletGlobalScope refuses) threw there.
 *
 * @module
 */

import { F32Ring, type RingConsumer, type RingDescriptor } from '../../src/index';
import type { AudioWorkletGlobals, PortLike } from '../../scripts/browser/page/web';

const scope = globalThis as unknown as AudioWorkletGlobals;

/** What the page passes as `processorOptions`. */
export interface RingPlayerOptions {
  readonly descriptor: RingDescriptor;
  readonly blocks: number;
}

/** What the processor posts after its last block. */
export interface RingPlayerReport {
  readonly blocks: number;
  readonly popped: number;
  readonly underruns: number;
  readonly waitError: string;
  readonly error?: string;
}

class RingPlayerProcessor extends scope.AudioWorkletProcessor {
  readonly #rx: RingConsumer<Float32Array>;
  readonly #blocks: number;
  #done = 0;
  #popped = 0;
  #underruns = 0;
  #error: string | undefined;

  constructor(init: { processorOptions?: unknown }) {
    super(init);
    const options = init.processorOptions as RingPlayerOptions;
    this.#blocks = options.blocks;
    this.#rx = F32Ring.attach(options.descriptor).consumer();
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const channel = outputs[0][0];
    try {
      const n = this.#rx.popInto(channel);
      this.#popped += n;
      if (n < channel.length) {
        channel.fill(0, n);
        this.#underruns++;
      }
    } catch (error) {
      this.#error ??= String((error as Error)?.stack ?? error);
    }
    if (++this.#done === this.#blocks) {
      let waitError = 'nothing thrown';
      try {
        this.#rx.waitForData(1, 0);
      } catch (error) {
        waitError = `${(error as Error).name}: ${(error as Error).message}`;
      }
      const report: RingPlayerReport = { blocks: this.#done, popped: this.#popped, underruns: this.#underruns, waitError, error: this.#error };
      (this.port as PortLike).postMessage(report);
      return false;
    }
    return true;
  }
}

scope.registerProcessor('slabvec-ring-player', RingPlayerProcessor);
