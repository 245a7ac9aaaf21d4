/**
 * Browser only (run by `npm run test:browser`, never by Jest). The audio pipeline example of
 * docs/examples/audio-browser.ts, as the page runs it but in an `OfflineAudioContext`: its
 * synth Worker fills an `F32Ring` and its AudioWorklet player plays one block per render
 * quantum. The offline context renders faster than real time, so the test paces it as an
 * audio clock would: it suspends the rendering every few quanta and resumes once the
 * worker has buffered the next ones. Then no quantum may underrun, and quantum q must be
 * block q of the signal, sample for sample (no block lost, repeated, torn or out of order).
 */

import { assetUrl } from '../../scripts/browser/page/assets';
import { page, type AudioBufferLike } from '../../scripts/browser/page/web';
import { startAudioPipeline, type AudioContextLike } from '../../docs/examples/audio-browser';
import { BLOCK, sampleAt, type PlayerStatus, type SynthReport } from '../../docs/examples/audio-pipeline';

const SAMPLE_RATE = 48_000;
const QUANTA = 400;
/** Quanta between suspensions of the rendering: at most the blocks the ring holds. */
const STEP = 8;

describe('the browser audio pipeline example (worker -> F32Ring -> AudioWorklet) in an OfflineAudioContext', () => {
  let rendered: AudioBufferLike;
  let status: PlayerStatus;
  let synth: SynthReport;
  const updates: PlayerStatus[] = [];

  beforeAll(async () => {
    expect(page.crossOriginIsolated).toBe(true);
    const context = new page.OfflineAudioContext(1, QUANTA * BLOCK, SAMPLE_RATE);
    const scripts = { worker: assetUrl('audio-synth.worker'), worklet: assetUrl('audio-player.worklet') };
    const pipeline = await startAudioPipeline(context as unknown as AudioContextLike, scripts, QUANTA, (s) => updates.push(s), 100);
    const paced: Promise<void>[] = [];
    for (let q = STEP; q < QUANTA; q += STEP) {
      const due = Math.min(STEP, QUANTA - q);
      paced.push(context.suspend((q * BLOCK) / SAMPLE_RATE).then(async () => {
        if (!(await pipeline.buffered(due))) throw new Error(`the synth did not buffer ${due} blocks for quantum ${q} within 5 s`);
        await context.resume();
      }));
    }
    rendered = await context.startRendering();
    await Promise.all(paced);
    const timeout = (what: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within 5 s`)), 5_000));
    status = await Promise.race([pipeline.playerDone, timeout("player's last status")]);
    synth = await Promise.race([pipeline.synthDone, timeout('synth report')]);
  }, 30_000);

  it('the player played every quantum, with no underrun, and reported along the way', () => {
    expect(status).toEqual({ played: QUANTA, underruns: 0, done: true });
    expect(updates.map((u) => u.played)).toEqual([100, 200, 300, 400]);
    expect(synth.blocks).toBe(QUANTA);
  });

  it('quantum q is block q of the signal, sample for sample', () => {
    expect(rendered.length).toBe(QUANTA * BLOCK);
    const samples = rendered.getChannelData(0);
    const problems: string[] = [];
    for (let i = 0; i < samples.length && problems.length < 5; i++) {
      if (!Object.is(samples[i], sampleAt(i))) problems.push(`quantum ${Math.floor(i / BLOCK)}, sample ${i % BLOCK}: ${samples[i]}, expected ${sampleAt(i)}`);
    }
    expect(problems).toEqual([]);
  });
});
