/**
 * The synth worker of the browser audio pipeline (docs/examples/audio-browser.ts): a
 * dedicated Worker that receives a {@link SynthRequest} (the ring's descriptor: the
 * SharedArrayBuffer is shared with the page, not copied), synthesizes into the ring, and
 * posts its {@link SynthReport} when it stops. A worker may block in `Atomics.wait`, so the
 * synth waits for space there, not on the page or in the worklet.
 *
 * Bundle it with slabvec as the worker's script, e.g.
 * `esbuild docs/examples/audio-synth.worker.ts --bundle --outfile=public/synth.worker.js`.
 */

import { serveSynth, type SynthReport, type SynthRequest } from './audio-pipeline.js';

/** The dedicated worker's global scope, as far as this script uses it. */
interface WorkerScope {
  onmessage: ((event: { data: SynthRequest }) => void) | null;
  postMessage(message: SynthReport | { error: string }): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    scope.postMessage(serveSynth(event.data));
  } catch (error) {
    scope.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
};
