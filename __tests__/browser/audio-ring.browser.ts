/**
 * Browser only (run by `npm run test:browser`, never by Jest). The page (cross-origin
 * isolated, so it has SharedArrayBuffer) synthesizes a known signal and feeds it into an
 * `F32Ring` in 128-frame blocks; an `AudioWorkletProcessor` in an `OfflineAudioContext`
 * (`ring-player.worklet.ts`) attaches to the same ring from its descriptor and pops one
 * block per render quantum into its output. The rendered buffer must equal the signal,
 * sample for sample, with no underrun; and waiting with `Atomics.wait` inside the worklet
 * must be refused with the ring's TypeError.
 */

import { F32Ring } from '../../src/index';
import { assetUrl } from '../../scripts/browser/page/assets';
import { page, type AudioBufferLike } from '../../scripts/browser/page/web';
import type { RingPlayerOptions, RingPlayerReport } from './ring-player.worklet';

const SAMPLE_RATE = 48_000;
const BLOCK = 128;
const BLOCKS = 32;

/** The signal: two sines and a ramp, rounded to float32 as the ring stores them. */
const signal = Float32Array.from({ length: BLOCKS * BLOCK }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) + 0.25 * Math.sin((2 * Math.PI * 97 * i) / SAMPLE_RATE) + (i % 64) / 640);

describe('an AudioWorkletProcessor playing an F32Ring that the page feeds', () => {
  let rendered: AudioBufferLike;
  let report: RingPlayerReport;

  beforeAll(async () => {
    expect(page.crossOriginIsolated).toBe(true);
    const ring = F32Ring.create(BLOCKS * BLOCK);
    const tx = ring.producer();
    for (let b = 0; b < BLOCKS; b++) tx.push(signal.subarray(b * BLOCK, (b + 1) * BLOCK));
    const context = new page.OfflineAudioContext(1, BLOCKS * BLOCK, SAMPLE_RATE);
    await context.audioWorklet.addModule(assetUrl('ring-player.worklet'));
    const options: RingPlayerOptions = { descriptor: ring.descriptor(), blocks: BLOCKS };
    const node = new page.AudioWorkletNode(context, 'slabvec-ring-player', { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [1], processorOptions: options });
    const reported = new Promise<RingPlayerReport>((resolve, reject) => {
      node.port.onmessage = (event) => resolve(event.data as RingPlayerReport);
      node.onprocessorerror = () => reject(new Error('the processor threw (onprocessorerror)'));
    });
    node.connect(context.destination);
    rendered = await context.startRendering();
    report = await Promise.race([reported, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no report from the processor within 5 s')), 5_000))]);
  }, 20_000);

  it('the processor popped every block from the ring, with no underrun and no error', () => {
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ blocks: BLOCKS, popped: BLOCKS * BLOCK, underruns: 0 });
  });

  it('the rendered buffer equals the signal the page pushed, sample for sample', () => {
    expect(rendered.length).toBe(BLOCKS * BLOCK);
    const samples = rendered.getChannelData(0);
    const mismatches: string[] = [];
    for (let i = 0; i < samples.length && mismatches.length < 10; i++) {
      if (!Object.is(samples[i], signal[i])) mismatches.push(`sample ${i}: rendered ${samples[i]}, pushed ${signal[i]}`);
    }
    expect(mismatches).toEqual([]);
    expect(Math.max(...Array.from(samples, Math.abs))).toBeGreaterThan(0.5);
  });

  it('waiting with Atomics.wait in the worklet is refused with a TypeError that names the async wait', () => {
    expect(report.waitError).toMatch(/^TypeError: F32Ring\.waitForData: /);
    expect(report.waitError).toContain('waitForDataAsync');
  });
});
