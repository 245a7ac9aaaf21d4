/**
 * The audio worklet module of `audio-worklet.browser.ts`, bundled with slabvec (and the
 * pipeline of docs/examples/dsp.ts) into `/assets/audio-dsp.worklet.js`. The processor
 * renders docs/examples/dsp.ts's pipeline, one 128-frame render quantum per `process`
 * call: two oscillators into `F32Vec` blocks from one `Slab`, the `scale` kernel for the
 * gains, the biquad low-pass, and the mix written by `scale(0.5, out).axpy(0.5, b)` straight
 * into the output buffer, through an `F32Vec` attached over it with `assumeInit`. The RMS
 * of each block goes into an `F64Vec`, posted to the page after the last block.
 *
 * @module
 */

import { F32Vec, F64Vec, Slab } from '../../src/index';
import { BLOCK, Biquad, SineOscillator, lowPass, rms } from '../../docs/examples/dsp';
import type { AudioWorkletGlobals, PortLike } from '../../scripts/browser/page/web';

const scope = globalThis as unknown as AudioWorkletGlobals;

/** What the page passes as `processorOptions`. */
export interface DspProcessorOptions {
  readonly blocks: number;
  readonly frequencyA: number;
  readonly frequencyB: number;
  readonly gain: number;
  readonly cutoff: number;
  readonly q: number;
}

/** Whether `Atomics.wait` throws here, as it must in an AudioWorkletGlobalScope. */
function atomicsWaitThrows(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 0);
    return false;
  } catch {
    return true;
  }
}

class SlabvecDspProcessor extends scope.AudioWorkletProcessor {
  readonly #options: DspProcessorOptions;
  readonly #a: F32Vec<typeof BLOCK>;
  readonly #b: F32Vec<typeof BLOCK>;
  readonly #oscA: SineOscillator;
  readonly #oscB: SineOscillator;
  readonly #filter: Biquad;
  readonly #rms: F64Vec;
  #attachedOverOutput = 0;
  #error: string | undefined;

  constructor(init: { processorOptions?: unknown }) {
    super(init);
    const options = init.processorOptions as DspProcessorOptions;
    this.#options = options;
    const slab = new Slab(2 * F32Vec.bytesFor(BLOCK));
    this.#a = slab.alloc(F32Vec, BLOCK);
    this.#b = slab.alloc(F32Vec, BLOCK);
    this.#a.resize(BLOCK, 0);
    this.#b.resize(BLOCK, 0);
    this.#oscA = new SineOscillator(options.frequencyA, scope.sampleRate);
    this.#oscB = new SineOscillator(options.frequencyB, scope.sampleRate);
    this.#filter = new Biquad(lowPass(options.cutoff, options.q, scope.sampleRate));
    this.#rms = new F64Vec(options.blocks);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const channel = outputs[0][0];
    try {
      // The output quantum, as a full F32Vec over its own bytes: the mix is written in place.
      if (channel.length !== BLOCK) throw new Error(`a render quantum of ${channel.length} frames, not ${BLOCK}`);
      const out = F32Vec.assumeInit(channel.buffer, channel.byteOffset, BLOCK, BLOCK);
      if (out.view().buffer === channel.buffer && out.view().byteOffset === channel.byteOffset) this.#attachedOverOutput++;
      const gain = this.#options.gain;
      this.#oscA.process(this.#a);
      this.#a.scale(gain);
      this.#oscB.process(this.#b);
      this.#b.scale(gain);
      this.#filter.process(this.#b);
      this.#a.scale(0.5, out).axpy(0.5, this.#b);
      if (!this.#rms.isFull) this.#rms.push(rms(out));
    } catch (error) {
      this.#error ??= String((error as Error)?.stack ?? error);
    }
    if (this.#rms.length === this.#options.blocks || this.#error !== undefined) {
      (this.port as PortLike).postMessage({
        rms: this.#rms.toArray(),
        quantumFrames: channel.length,
        attachedOverOutput: this.#attachedOverOutput,
        currentFrame: scope.currentFrame,
        sampleRate: scope.sampleRate,
        atomicsWaitThrows: atomicsWaitThrows(),
        error: this.#error,
      });
      this.#error = undefined;
      return this.#rms.length < this.#options.blocks;
    }
    return true;
  }
}

scope.registerProcessor('slabvec-dsp', SlabvecDspProcessor);
