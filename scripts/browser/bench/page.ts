/**
 * The benchmark page: runs one phase of the per-engine report (`benchmarks/engine-phases.ts`)
 * in the browser and sends its result to Node through {@link BENCH_BINDING}. The page's
 * address names the phase and the mode: `/run/engines-page?phase=clean&mode=full`.
 *
 * Garbage collections: a page has no `gc` performance entries, so the garbage-collection
 * phases run in a Chromium started with `--js-flags=--expose-gc --trace-gc`
 * (`launcher.ts`), whose renderer prints one line per collection to its stdout, and this
 * page makes the windows findable in that trace: `gc()` is wrapped so that every forced
 * collection is counted (each prints a `testing` line), every window of the steady-state
 * loop is bracketed by forced collections, and the game loop's own forced collection
 * (just before its measured frames) is followed by one more. The page reports, per window,
 * the numbers of its bracketing forced collections ({@link GcMarks}); Node counts the
 * lines between them (`benchmarks/trace-gc.ts`).
 *
 * @module
 */

import { runGameLoop } from '../../../docs/examples/game-loop.js';
import { MODES, type ModeName } from '../../../benchmarks/config.js';
import { runEnginePhase, type GcHost } from '../../../benchmarks/engine-phases.js';
import { fullGc, type GcCount, type GcCounting, type GcWindow } from '../../../benchmarks/gc.js';
import type { GcMarks } from '../../../benchmarks/trace-gc.js';
import { BENCH_BINDING, type BenchMessage } from './protocol';

const page = globalThis as unknown as {
  gc?: () => void;
  location: { search: string };
  [BENCH_BINDING]?: (message: BenchMessage) => Promise<void>;
};

let forced = 0;
const engineGc = page.gc;
if (engineGc !== undefined) {
  page.gc = () => {
    forced++;
    engineGc();
  };
}

function send(message: BenchMessage): void {
  const binding = page[BENCH_BINDING];
  if (binding === undefined) throw new Error(`the page has no ${BENCH_BINDING} binding: open it through scripts/browser/bench/run.ts`);
  void binding(message);
}

/** Brackets every window with forced collections; the counts come from the trace, in Node. */
class BracketingRecorder implements GcCounting {
  readonly marks: GcMarks[] = [];

  window(body: () => void): GcWindow {
    fullGc(2);
    const start = forced;
    const t0 = performance.now();
    body();
    const t1 = performance.now();
    fullGc(1);
    this.marks.push({ start, end: forced });
    return { t0, t1, heapGrowth: Number.NaN };
  }

  async countIn(windows: readonly GcWindow[]): Promise<GcCount[]> {
    return windows.map(() => ({ collections: Number.NaN, minor: Number.NaN, major: Number.NaN }));
  }
}

function browserGcHost(): GcHost {
  const recorder = new BracketingRecorder();
  return {
    recorder,
    steadyMarks: () => recorder.marks,
    forcedGcs: () => forced,
    async gameLoop(impl, frames, warmup) {
      const before = forced;
      const result = await runGameLoop(impl, frames, warmup);
      if (forced !== before + 1) throw new Error(`the game loop forced ${forced - before} collections; this page expects exactly one, just before its measured frames`);
      fullGc(1);
      return { result, marks: { start: before + 1, end: before + 2, windowMs: result.msPerFrame * result.frames } };
    },
  };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(page.location.search);
  const phase = params.get('phase') ?? '';
  const modeName = (params.get('mode') ?? 'default') as ModeName;
  const mode = MODES[modeName];
  if (mode === undefined) throw new Error(`unknown mode ${modeName}`);
  if (engineGc === undefined) throw new Error('the page has no gc(): start Chromium with --js-flags=--expose-gc');
  // Let the page finish loading before the long synchronous run.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const result = await runEnginePhase(mode, phase, browserGcHost, (message) => send({ type: 'progress', message }));
  send({ type: 'result', result });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
