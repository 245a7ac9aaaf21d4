/**
 * Browser only (run by `npm run test:browser`, never by Jest). An `AudioWorkletProcessor`
 * that imports slabvec (bundled into the worklet module, `audio-dsp.worklet.ts`) renders
 * docs/examples/dsp.ts's pipeline in an `OfflineAudioContext`, 128 frames per `process`
 * call, writing each output quantum through an `F32Vec` attached over the output buffer.
 * The rendered buffer must equal, sample for sample, what `runDsp` computes in the page
 * with the same settings, and the processor's per-block RMS (an `F64Vec`) must equal
 * `runDsp`'s.
 */

import { BLOCK, runDsp } from '../../docs/examples/dsp';
import { assetUrl } from '../../scripts/browser/page/assets';
import { page, type AudioBufferLike } from '../../scripts/browser/page/web';
import type { DspProcessorOptions } from './audio-dsp.worklet';

const SAMPLE_RATE = 48_000;
const OPTIONS: DspProcessorOptions = { blocks: 16, frequencyA: 220, frequencyB: 5000, gain: 0.8, cutoff: 1000, q: Math.SQRT1_2 };

interface ProcessorReport {
  readonly rms: number[];
  readonly quantumFrames: number;
  readonly attachedOverOutput: number;
  readonly currentFrame: number;
  readonly sampleRate: number;
  readonly atomicsWaitThrows: boolean;
  readonly error?: string;
}

describe('an AudioWorkletProcessor rendering with slabvec in an OfflineAudioContext', () => {
  let rendered: AudioBufferLike;
  let report: ProcessorReport;
  const expected = runDsp({ ...OPTIONS, sampleRate: SAMPLE_RATE, keepOutput: true });

  beforeAll(async () => {
    const context = new page.OfflineAudioContext(1, OPTIONS.blocks * BLOCK, SAMPLE_RATE);
    await context.audioWorklet.addModule(assetUrl('audio-dsp.worklet'));
    const node = new page.AudioWorkletNode(context, 'slabvec-dsp', {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      processorOptions: OPTIONS,
    });
    const reported = new Promise<ProcessorReport>((resolve, reject) => {
      node.port.onmessage = (event) => resolve(event.data as ProcessorReport);
      node.onprocessorerror = () => reject(new Error('the processor threw (onprocessorerror)'));
    });
    node.connect(context.destination);
    rendered = await context.startRendering();
    report = await Promise.race([reported, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no report from the processor within 5 s')), 5_000))]);
  }, 20_000);

  it('the processor ran slabvec without an error, one 128-frame quantum per block, writing through an F32Vec over the output', () => {
    expect(report.error).toBeUndefined();
    expect(report.quantumFrames).toBe(BLOCK);
    expect(report.sampleRate).toBe(SAMPLE_RATE);
    expect(report.attachedOverOutput).toBe(OPTIONS.blocks);
    expect(report.currentFrame).toBe((OPTIONS.blocks - 1) * BLOCK);
  });

  it('renders the known signal: every sample equals runDsp in the page, exactly', () => {
    expect(rendered.numberOfChannels).toBe(1);
    expect(rendered.sampleRate).toBe(SAMPLE_RATE);
    expect(rendered.length).toBe(OPTIONS.blocks * BLOCK);
    const samples = rendered.getChannelData(0);
    const mismatches: string[] = [];
    for (let i = 0; i < samples.length && mismatches.length < 10; i++) {
      if (!Object.is(samples[i], expected.output![i])) mismatches.push(`sample ${i}: rendered ${samples[i]}, runDsp ${expected.output![i]}`);
    }
    expect(mismatches).toEqual([]);
    expect(Array.from(samples)).toEqual(Array.from(expected.output!));
  });

  it("the processor's per-block RMS (an F64Vec in the worklet) equals runDsp's, and the signal is not silence", () => {
    expect(report.rms).toEqual(expected.rms);
    expect(Math.min(...expected.rms)).toBeGreaterThan(0.1);
  });

  it('Atomics.wait throws in the AudioWorkletGlobalScope too (audio threads must never block)', () => {
    expect(report.atomicsWaitThrows).toBe(true);
  });
});
