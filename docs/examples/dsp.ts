/**
 * A block-based audio pipeline on slabvec, the way an audio callback (an AudioWorklet's
 * `process`, a native host's buffer callback) works: fixed blocks of 128 frames, every block
 * processed in place, nothing allocated per block (measured: no garbage collection in
 * 100,000 blocks once the code was warm; the first runs, before V8 optimizes the loop, do
 * allocate).
 *
 *   sine 220 Hz -> gain 0.8 ----------------------------.
 *                                                        +-- mix 0.5 / 0.5 -> out
 *   sine 5 kHz  -> gain 0.8 -> biquad low-pass 1 kHz ---'
 *
 * Each signal is an `F32Vec<128>` kept full (length 128) for the whole run, allocated
 * once from one `Slab`. Stages:
 * - oscillator: writes through `view()`, the zero-copy window onto the live elements (the
 *   length never changes, so `view()` returns the same cached typed array every block);
 * - gain: the `scale` kernel, in place;
 * - biquad: a recursive filter, which no element-wise kernel can express; a hand-written
 *   loop over `view()`, with its state (two inputs, two outputs) kept across blocks;
 * - mix: `a.scale(0.5, out).axpy(0.5, b)`, writing into `out` (`scale` with an `out`
 *   argument leaves `a` unchanged and returns `out`, so the calls chain);
 * - meter: RMS of a block, `Math.sqrt(block.sumOfSquares() / 128)`.
 *
 * Run: `node scripts/run-ts.cjs docs/examples/dsp.ts [--blocks N] [out.wav]`: prints the RMS
 * of each block; with a path, also writes the output as a 16-bit mono WAV file.
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { writeFileSync } from 'node:fs';
import { F32Vec, F64Vec, Slab } from '../../src/index.js';

/** Frames per block, as in the Web Audio API's render quantum. */
export const BLOCK = 128;

/** A block of audio: an `F32Vec` of capacity 128, kept full. */
export type Block = F32Vec<typeof BLOCK>;

/** A sine oscillator whose phase carries over from one block to the next. */
export class SineOscillator {
  #phase = 0;
  readonly #step: number;

  constructor(frequency: number, sampleRate: number) {
    this.#step = (2 * Math.PI * frequency) / sampleRate;
  }

  /** Overwrites every sample of `out` with the next samples of the sine. */
  process(out: Block): void {
    const samples = out.view(); // Float32Array over exactly the 128 live elements
    let phase = this.#phase;
    for (let i = 0; i < samples.length; i++) {
      samples[i] = Math.sin(phase);
      phase += this.#step;
    }
    // Keep the phase small, so that it loses no precision over a long run.
    this.#phase = phase % (2 * Math.PI);
  }
}

/** Normalized biquad coefficients: `y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]`. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/**
 * A low-pass filter's coefficients from Robert Bristow-Johnson's "Cookbook formulae for
 * audio EQ biquad filter coefficients": `w0 = 2 pi f0 / Fs`, `alpha = sin(w0) / (2 Q)`,
 * `b0 = b2 = (1 - cos w0) / 2`, `b1 = 1 - cos w0`, `a0 = 1 + alpha`, `a1 = -2 cos w0`,
 * `a2 = 1 - alpha`, all divided by `a0`.
 */
export function lowPass(cutoff: number, q: number, sampleRate: number): BiquadCoefficients {
  const w0 = (2 * Math.PI * cutoff) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  return {
    b0: (1 - cos) / 2 / a0,
    b1: (1 - cos) / a0,
    b2: (1 - cos) / 2 / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}

/**
 * A biquad in direct form I. The state (the last two inputs and outputs) lives in the
 * object, in doubles, so that a block boundary changes nothing: processing 4 blocks of 128
 * gives the same samples as one block of 512 would.
 */
export class Biquad {
  readonly #c: BiquadCoefficients;
  #x1 = 0;
  #x2 = 0;
  #y1 = 0;
  #y2 = 0;

  constructor(coefficients: BiquadCoefficients) {
    this.#c = coefficients;
  }

  /** Filters `block` in place. */
  process(block: Block): void {
    const { b0, b1, b2, a1, a2 } = this.#c;
    const samples = block.view();
    let x1 = this.#x1, x2 = this.#x2, y1 = this.#y1, y2 = this.#y2;
    for (let i = 0; i < samples.length; i++) {
      const x0 = samples[i];
      const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      samples[i] = y0; // rounded to float32 on store; the state keeps the double
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
    }
    this.#x1 = x1;
    this.#x2 = x2;
    this.#y1 = y1;
    this.#y2 = y2;
  }
}

/** Root mean square of a block: `sqrt(sum of squares / 128)`, summed pairwise in double. */
export function rms(block: Block): number {
  return Math.sqrt(block.sumOfSquares() / block.length);
}

/** The pipeline's settings. Every field has a default. */
export interface DspOptions {
  /** Blocks to render. Default 8. */
  readonly blocks?: number;
  /** Default 48,000 Hz. */
  readonly sampleRate?: number;
  /** Source A, left unfiltered. Default 220 Hz. */
  readonly frequencyA?: number;
  /** Source B, low-passed. Default 5,000 Hz. */
  readonly frequencyB?: number;
  /** Gain of both sources. Default 0.8. */
  readonly gain?: number;
  /** Low-pass cutoff for source B. Default 1,000 Hz. */
  readonly cutoff?: number;
  /** Low-pass Q. Default `Math.SQRT1_2` (Butterworth). */
  readonly q?: number;
  /** Also return every output sample (for the WAV file). Default false. */
  readonly keepOutput?: boolean;
}

/** What {@link runDsp} rendered. */
export interface DspResult {
  readonly sampleRate: number;
  /** RMS of each output block. */
  readonly rms: number[];
  /** RMS of each block of source B after the low-pass, before the mix. */
  readonly filteredRms: number[];
  /** Every output sample, when `keepOutput` was set. */
  readonly output?: Float32Array;
}

/** Renders `blocks` blocks of the pipeline and meters each one. */
export function runDsp(options: DspOptions = {}): DspResult {
  const blocks = options.blocks ?? 8;
  const sampleRate = options.sampleRate ?? 48_000;
  const gain = options.gain ?? 0.8;

  // Three blocks from one slab: source A, source B, the mix. Same element type, so the
  // slab needs exactly 3 * bytesFor(128) bytes (no alignment padding).
  const slab = new Slab(3 * F32Vec.bytesFor(BLOCK));
  const a = slab.alloc(F32Vec, BLOCK);
  const b = slab.alloc(F32Vec, BLOCK);
  const out = slab.alloc(F32Vec, BLOCK);
  // A vector from a slab starts empty; an audio block is always full: set the length once.
  a.resize(BLOCK, 0);
  b.resize(BLOCK, 0);
  out.resize(BLOCK, 0);

  const oscA = new SineOscillator(options.frequencyA ?? 220, sampleRate);
  const oscB = new SineOscillator(options.frequencyB ?? 5000, sampleRate);
  const filter = new Biquad(lowPass(options.cutoff ?? 1000, options.q ?? Math.SQRT1_2, sampleRate));

  // The meters' readings go into vectors sized up front, so the loop allocates nothing.
  const outRms = new F64Vec(blocks);
  const filteredRms = new F64Vec(blocks);
  const output = options.keepOutput === true ? new Float32Array(blocks * BLOCK) : undefined;
  for (let k = 0; k < blocks; k++) {
    oscA.process(a);
    a.scale(gain);
    oscB.process(b);
    b.scale(gain);
    filter.process(b);
    a.scale(0.5, out).axpy(0.5, b); // out = 0.5 a + 0.5 b; a is unchanged
    outRms.push(rms(out));
    filteredRms.push(rms(b));
    if (output !== undefined) out.copyTo(output, k * BLOCK); // one TypedArray.prototype.set
  }
  return { sampleRate, rms: outRms.toArray(), filteredRms: filteredRms.toArray(), output };
}

/** A 16-bit PCM mono WAV file holding `samples` (clipped to [-1, 1]). */
export function wavFile(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    view.setInt16(44 + i * 2, Math.round(s * 32767), true);
  }
  return bytes;
}

/** Whether this file is the program being run (directly, or bundled by scripts/run-ts.cjs). */
function isMain(): boolean {
  return /[\\/]dsp\.(?:ts|mjs|cjs|js)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--blocks');
  const blocks = at >= 0 ? Number(args[at + 1]) : 8;
  const path = args.find((arg, i) => !arg.startsWith('--') && (at < 0 || i !== at + 1));
  const result = runDsp({ blocks, keepOutput: path !== undefined });
  console.log(`dsp: ${blocks} blocks of ${BLOCK} frames at ${result.sampleRate} Hz`);
  console.log('block  output RMS  source B after the low-pass');
  const shown = Math.min(blocks, 8);
  for (let k = 0; k < shown; k++) {
    console.log(`${String(k).padStart(5)}  ${result.rms[k].toFixed(6).padStart(10)}  ${result.filteredRms[k].toFixed(6).padStart(10)}`);
  }
  if (blocks > shown) console.log(`  ... (${blocks - shown} more blocks)`);
  if (path !== undefined && result.output !== undefined) {
    writeFileSync(path, wavFile(result.output, result.sampleRate));
    console.log(`wrote ${path} (${result.output.length} samples, 16-bit mono)`);
  }
}
