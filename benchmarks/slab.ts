/**
 * Scenario table "slab": does handing vectors out of a `Slab`, and the release/detach
 * machinery behind `Slab.reset()` and `WebAssembly.Memory.grow()`, slow the hot methods?
 * Run it alone with `npm run bench -- --only slab`.
 *
 * The comparison's push / get / set / pop loops, side by side at each capacity:
 *
 * - `F64Vec`: an `F64Vec` with its own buffer (`new F64Vec(n)`);
 * - `slab F64Vec`: an `F64Vec` from a `Slab` that has been reset several times (so its
 *   memory is reused and the vectors before it were released), at a non-zero offset;
 * - `raw f64`: a `Float64Array` with a hand-kept length and no checks (the baseline).
 *
 * Before anything is measured, every class of the element table is exercised in every
 * storage (own buffers, plain and shared slabs, `over`, `assumeInit`). Three phases, each
 * in a fresh process (V8's feedback cannot be reset in-process), which is this same runner
 * started with `--slab-phase <phase>`:
 *
 * - `clean`: the warm-up makes no failing call, the steady state of a correct program;
 * - `released`: the warm-up also calls get/push/pop/set on released vectors (200
 *   ReleasedErrors each);
 * - `detached`: the warm-up also reads one F64Vec over a grown WebAssembly.Memory (one
 *   DetachedError from get, one from pop), as a wasm application that recovers from a grow would.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { DetachedError, F64Vec, ReleasedError, Slab, U8Vec, type Memory } from '../src/index.js';
import { operationCases, type OperationCase } from './comparison.js';
import { modeFlags, type Mode } from './config.js';
import { formatCapacity, formatRatio } from './format.js';
import { baselineOf, entry, implementation } from './implementations.js';
import { VEC_FAMILY } from './loops-vec.js';
import { HOT_OPERATIONS } from './operations.js';
import { runCases, type CaseResult, type Progress } from './runner.js';
import { addToSink, sinkTotal } from './sink.js';
import type { VecLike } from './state.js';
import { median, pairedRatios, type RatioStats } from './stats.js';
import { textTable } from './tables.js';
import { EVERY_STORAGE, expectThrow, warmEveryClass } from './warm.js';

declare const WebAssembly: { Memory: new (d: { initial: number; maximum?: number }) => Memory & { grow(pages: number): number } };

/** The phases, each run in a fresh process. */
const SLAB_PHASES = ['clean', 'released', 'detached'] as const;

/** One phase. */
type SlabPhase = (typeof SLAB_PHASES)[number];

/** Rounds over every class and storage in each phase's warm-up. */
const WARMUP_CYCLES = 400;

/** An F64Vec from a slab that was filled and reset several times, at a non-zero offset. */
function slabVector(capacity: number): F64Vec {
  const slab = new Slab(F64Vec.bytesFor(capacity) + 64);
  for (let k = 0; k < 3; k++) {
    slab.alloc(U8Vec, 3);
    slab.alloc(F64Vec, capacity).resize(capacity, k);
    slab.reset();
  }
  slab.alloc(U8Vec, 3);
  return slab.alloc(F64Vec, capacity);
}

const OWN = implementation('F64Vec');
const RAW = baselineOf('f64');
const FROM_SLAB = entry<VecLike>({ id: 'slab F64Vec', description: 'an F64Vec from a reused Slab', kind: 'f64', role: 'typed vector', family: VEC_FAMILY, create: slabVector });
/** The ratios of each row: numerator and denominator ids. */
const RATIOS = [
  ['slab / own', FROM_SLAB.id, OWN.id],
  ['own / raw', OWN.id, RAW.id],
  ['slab / raw', FROM_SLAB.id, RAW.id],
] as const;

/** One row of a phase: an operation at a capacity. */
interface SlabRow {
  readonly op: string;
  readonly capacity: number;
  /** Median ns per element operation, by implementation id. */
  readonly nsPerOp: Readonly<Record<string, number>>;
  /** By ratio name ({@link RATIOS}). */
  readonly ratios: Readonly<Record<string, RatioStats>>;
}

/** What a phase's process prints as its last line. */
interface PhaseOutput {
  readonly phase: SlabPhase;
  readonly rows: readonly SlabRow[];
  readonly sink: number;
}

/** 200 ReleasedErrors from each of F64Vec's get, push, pop and set. */
function releasedErrors(): number {
  let acc = 0;
  const slab = new Slab(1024);
  for (let k = 0; k < 200; k++) {
    const v = slab.alloc(F64Vec, 8);
    v.push(1);
    slab.reset();
    acc += expectThrow(() => v.get(0), ReleasedError) + expectThrow(() => v.push(2), ReleasedError);
    acc += expectThrow(() => v.pop(), ReleasedError) + expectThrow(() => v.set(0, 2), ReleasedError);
  }
  return acc;
}

/** One DetachedError from F64Vec.get and one from F64Vec.pop, on an F64Vec over a grown WebAssembly.Memory. */
function detachedErrors(): number {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const v = F64Vec.over(memory, 0, 8);
  v.push(1);
  v.push(2);
  memory.grow(1);
  return expectThrow(() => v.get(0), DetachedError) + expectThrow(() => v.pop(), DetachedError);
}

function rowOf({ case: kase, latencies }: CaseResult<OperationCase>): SlabRow {
  const nsPerOp = Object.fromEntries([...latencies].map(([id, ms]) => [id, (median(ms) * 1e6) / kase.elementOps]));
  const ratios = Object.fromEntries(RATIOS.map(([name, own, base]) => [name, pairedRatios(latencies.get(own)!, latencies.get(base)!)]));
  return { op: kase.op.label, capacity: kase.capacity, nsPerOp, ratios };
}

/**
 * Runs one phase in this process (a child started by {@link runSlabTable}) and prints its
 * rows as JSON on the last line of stdout.
 *
 * @throws Error on an unknown phase.
 */
export function printSlabPhase(mode: Mode, phase: string, progress: Progress): void {
  if (!(SLAB_PHASES as readonly string[]).includes(phase)) throw new Error(`unknown slab phase ${phase} (${SLAB_PHASES.join(', ')})`);
  addToSink(warmEveryClass({ cycles: WARMUP_CYCLES, storages: EVERY_STORAGE, kernels: false }));
  if (phase === 'released') addToSink(releasedErrors());
  if (phase === 'detached') addToSink(detachedErrors());
  const rows: SlabRow[] = [];
  for (const capacity of mode.capacities) {
    const cases = operationCases(mode, capacity, [RAW, OWN, FROM_SLAB], HOT_OPERATIONS).map((kase) => ({ ...kase, id: `slab_${kase.id}` }));
    rows.push(...runCases(cases, mode, progress, `slab ${phase}, capacity ${capacity}`).map(rowOf));
  }
  const output: PhaseOutput = { phase: phase as SlabPhase, rows, sink: sinkTotal() };
  console.log(JSON.stringify(output));
}

function phaseTable(output: PhaseOutput): string {
  const cell = (r: RatioStats): string => `${formatRatio(r.median)} (${formatRatio(r.low)}-${formatRatio(r.high)})`;
  const ids = [OWN.id, FROM_SLAB.id, RAW.id];
  const rows = output.rows.map((row) => [row.op, formatCapacity(row.capacity), ...ids.map((id) => row.nsPerOp[id].toFixed(2)), ...RATIOS.map(([name]) => cell(row.ratios[name]))]);
  return textTable({ head: ['op', 'capacity', ...ids.map((id) => `${id} ns/op`), ...RATIOS.map(([name]) => name)], rows });
}

/**
 * Runs every phase in a fresh process of this runner and returns the tables as text.
 *
 * @throws Error when a phase's process fails.
 */
export function runSlabTable(mode: Mode, progress: Progress): string {
  const out = [`slab: median ns per element operation, and median (lowest-highest) over ${mode.rounds} paired rounds of the ratios; own = new F64Vec(n), slab = an F64Vec from a reused Slab, raw = Float64Array + length`];
  for (const phase of SLAB_PHASES) {
    progress(`slab: phase ${phase} in a fresh process`);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...modeFlags(mode), '--slab-phase', phase], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`slab phase ${phase} failed with exit status ${child.status}`);
    const output = JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseOutput;
    addToSink(output.sink);
    out.push('', `phase ${phase}`, phaseTable(output));
  }
  return out.join('\n');
}
