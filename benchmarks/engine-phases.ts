/**
 * The phases of the per-engine report (`engines.ts`), each run in a fresh process of its
 * engine (a child Node process, or a freshly launched Chromium):
 *
 * - `clean`, `after-errors`: the core table (`core.ts`);
 * - `gc`: the suite's steady-state loop (`memory.ts`) for every implementation, after the
 *   comparison's warm-up;
 * - `game-loop`: docs/examples/game-loop.ts as its program runs it: the slabvec form, then
 *   the raw form, in one process, nothing else before;
 * - `game-raw`: the raw form alone, so that each form is also measured as the only world
 *   of a fresh process (the slabvec form is, in `game-loop`).
 *
 * Engine-neutral: how collections are counted is the host's business ({@link GcHost}).
 *
 * @module
 */

import { runGameLoop, type GameLoopImpl, type GameLoopResult } from '../docs/examples/game-loop.js';
import { COMPARISON_WARMUP } from './comparison.js';
import type { Mode, ModeName } from './config.js';
import { runCorePhase, type CorePhaseResult } from './core.js';
import { GcRecorder, type GcCounting } from './gc.js';
import { IMPLEMENTATIONS } from './implementations.js';
import { GC_LOOP_CAPACITY, GC_STEPS_PER_CALL, measureGcs } from './memory.js';
import type { Progress } from './runner.js';
import { addToSink, sinkTotal } from './sink.js';
import type { GcMarks } from './trace-gc.js';
import { warmEveryClass } from './warm.js';

/** The phases, in run order; each needs a fresh process. */
export const ENGINE_PHASES = ['clean', 'after-errors', 'gc', 'game-loop', 'game-raw'] as const;

/** One phase. */
export type EnginePhase = (typeof ENGINE_PHASES)[number];

/** The phases that count garbage collections (in a browser: the ones that need V8's trace). */
export const GC_PHASES: readonly EnginePhase[] = ['gc', 'game-loop', 'game-raw'];

/** Whether `phase` counts garbage collections. */
export function countsGcs(phase: string): boolean {
  return (GC_PHASES as readonly string[]).includes(phase);
}

/** Collections seen in one window; `minor` and `major` are absent where the counter cannot tell them apart. */
export interface GcTally {
  readonly collections: number;
  readonly minor?: number;
  readonly major?: number;
  /** Browser, game loop: collections after the measured frames and before the closing forced one (not counted). */
  readonly afterWindow?: number;
}

/** One row of the garbage-collection table. JSON-safe. */
export interface GcRowResult {
  /** Unique, stable across engines: `steady F64Vec`, `game loop slabvec`. */
  readonly id: string;
  /** Which loop. */
  readonly group: 'steady-state loop' | 'game loop';
  /** The implementation (steady-state loop) or the form of the program (game loop). */
  readonly label: string;
  /** Operations (steady-state loop) or frames (game loop) in the window. */
  readonly work: number;
  /** Wall time per operation or per frame, in ns. */
  readonly nsPerUnit: number;
  /** The collections, once counted (in a browser, from V8's trace after the page is done). */
  count?: GcTally;
  /** In a browser: the forced collections that bracket the window in V8's trace. */
  readonly marks?: GcMarks;
  /** Game loop: particles alive after the last frame (the same in both forms when they compute the same thing). */
  readonly alive?: number;
}

/** What a garbage-collection phase produced. */
export interface GcPhaseResult {
  readonly kind: 'gc';
  readonly phase: EnginePhase;
  readonly rows: GcRowResult[];
  /** Game loop: measured frames and warm-up frames. */
  readonly frames?: number;
  readonly warmupFrames?: number;
  /** Steady-state loop: the vector's capacity (it holds half), steps per call, warm-up calls. */
  readonly steady?: { readonly capacity: number; readonly stepsPerCall: number; readonly warmupCalls: number };
  /** In a browser: how many times the page forced a collection (each one is a `testing` line in the trace). */
  readonly forcedGcs?: number;
  readonly sink: number;
}

/** What any phase produced. */
export type PhaseResult = CorePhaseResult | GcPhaseResult;

/** The phase a result came from. */
export function phaseOf(result: PhaseResult): EnginePhase {
  if (result.kind === 'gc') return result.phase;
  return result.state === 'clean' ? 'clean' : 'after-errors';
}

/** The game loop's measured and warm-up frames per mode (default and full: the example's own defaults). */
export const GAME_LOOP_FRAMES: Readonly<Record<ModeName, { readonly frames: number; readonly warmup: number }>> = {
  quick: { frames: 400, warmup: 100 },
  default: { frames: 20_000, warmup: 2_000 },
  full: { frames: 20_000, warmup: 2_000 },
};

/**
 * Calls of the steady-state loop before its window, per mode: ten times the comparison's
 * (`GC_WARMUP_CALLS`) outside the quick mode. Chromium's V8 was seen to be still tiering
 * the loop up after 30 calls, and the collections of that transient (a raw typed array's
 * loop had them too) are not the steady state.
 */
export const GC_PHASE_WARMUP_CALLS: Readonly<Record<ModeName, number>> = { quick: 30, default: 300, full: 300 };

/** How an engine counts collections. */
export interface GcHost {
  /** Counts the collections in each window of the steady-state loop. */
  readonly recorder: GcCounting;
  /** The markers of each steady-state window, in order, where the host brackets windows (a browser). */
  steadyMarks?(): readonly GcMarks[];
  /** Runs the game loop and says how its collections are known. */
  gameLoop(impl: GameLoopImpl, frames: number, warmup: number): Promise<{ result: GameLoopResult; count?: GcTally; marks?: GcMarks }>;
  /** How many collections the host forced in all (a browser). */
  forcedGcs?(): number;
}

/** Node's host: `gc` performance entries, for the steady-state loop as for the game loop (which counts its own). */
export function nodeGcHost(): GcHost {
  return {
    recorder: new GcRecorder(),
    async gameLoop(impl, frames, warmup) {
      const result = await runGameLoop(impl, frames, warmup);
      return { result, count: { collections: result.gcCount } };
    },
  };
}

/** The game loop's rows: which form, run how. */
const GAME_LOOP_ROWS: Readonly<Record<'slabvec' | 'raw' | 'raw second', { readonly impl: GameLoopImpl; readonly label: string }>> = {
  slabvec: { impl: 'slabvec', label: 'slabvec, first in a fresh process' },
  raw: { impl: 'raw', label: 'raw, alone in a fresh process' },
  'raw second': { impl: 'raw', label: 'raw, after slabvec in the same process' },
};

/** The steady-state loop of every implementation, after the comparison's warm-up. */
export async function runGcPhase(mode: Mode, host: GcHost, progress: Progress): Promise<GcPhaseResult> {
  progress('gc: exercising every typed vector class');
  addToSink(warmEveryClass(COMPARISON_WARMUP));
  progress('gc: the steady-state loop');
  const warmupCalls = GC_PHASE_WARMUP_CALLS[mode.name];
  const steady = await measureGcs(mode, host.recorder, warmupCalls);
  const marks = host.steadyMarks?.();
  const rows: GcRowResult[] = steady.map((g, i) => ({
    id: `steady ${g.impl}`,
    group: 'steady-state loop',
    label: g.impl,
    work: g.operations,
    nsPerUnit: g.nsPerOp,
    count: Number.isNaN(g.collections) ? undefined : { collections: g.collections, minor: g.minor, major: g.major },
    marks: marks?.[i],
  }));
  if (rows.length !== IMPLEMENTATIONS.length) throw new Error('gc: the steady-state loop measured an unexpected set of implementations');
  const loop = { capacity: GC_LOOP_CAPACITY, stepsPerCall: GC_STEPS_PER_CALL, warmupCalls };
  return { kind: 'gc', phase: 'gc', rows, steady: loop, forcedGcs: host.forcedGcs?.(), sink: sinkTotal() };
}

/**
 * The game loop of docs/examples/game-loop.ts through its own `runGameLoop`, in a process
 * that ran nothing else: the given rows, in order.
 */
export async function runGameLoopPhase(mode: Mode, phase: EnginePhase, keys: readonly (keyof typeof GAME_LOOP_ROWS)[], host: GcHost, progress: Progress): Promise<GcPhaseResult> {
  const { frames, warmup } = GAME_LOOP_FRAMES[mode.name];
  const rows: GcRowResult[] = [];
  for (const key of keys) {
    const { impl, label } = GAME_LOOP_ROWS[key];
    progress(`${phase}: the game loop, ${impl} form, ${warmup} + ${frames} frames`);
    const { result, count, marks } = await host.gameLoop(impl, frames, warmup);
    addToSink(result.checksum);
    rows.push({ id: `game loop ${key}`, group: 'game loop', label, work: result.frames, nsPerUnit: result.msPerFrame * 1e6, count, marks, alive: result.alive });
  }
  return { kind: 'gc', phase, rows, frames, warmupFrames: warmup, forcedGcs: host.forcedGcs?.(), sink: sinkTotal() };
}

/**
 * Runs one phase in this process.
 *
 * @throws Error on an unknown phase.
 */
export async function runEnginePhase(mode: Mode, phase: string, host: () => GcHost, progress: Progress): Promise<PhaseResult> {
  if (phase === 'clean') return runCorePhase(mode, 'clean', progress);
  if (phase === 'after-errors') return runCorePhase(mode, 'after errors', progress);
  if (phase === 'gc') return runGcPhase(mode, host(), progress);
  if (phase === 'game-loop') return runGameLoopPhase(mode, phase, ['slabvec', 'raw second'], host(), progress);
  if (phase === 'game-raw') return runGameLoopPhase(mode, phase, ['raw'], host(), progress);
  throw new Error(`unknown engine phase ${JSON.stringify(phase)} (${ENGINE_PHASES.join(', ')})`);
}
