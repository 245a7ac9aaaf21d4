/**
 * The per-engine report: one column per engine, rendered for the console and as
 * docs/benchmarks-engines.md from the phases' JSON results (`engines.ts` collects them).
 * Pure: nothing here measures, reads or writes anything.
 *
 * @module
 */

import type { ModeName } from './config.js';
import type { CorePhaseResult, CoreRowResult } from './core.js';
import { CORE_ROWS, ERRORS_PER_KIND, RAW_ID, coreRowsOf, type CoreState } from './core-rows.js';
import type { EnginePhase, GcPhaseResult, GcRowResult, PhaseResult } from './engine-phases.js';
import type { Environment } from './environment.js';
import type { Timing } from './runner.js';
import { formatCapacity, formatRatio } from './format.js';
import { markdownTable, textTable, type Table } from './tables.js';

/** One engine's column: what ran it and what each of its phases produced. */
export interface EngineColumn {
  /** The name `--engines=` takes: `node` (the Node running the suite), `node22`, `chromium`. */
  readonly name: string;
  readonly runtime: 'node' | 'chromium';
  /** `v20.20.2`, `156.0.8078.114`. */
  readonly version: string;
  readonly v8: string;
  /** The binary that ran it. */
  readonly binary: string;
  /** The result of each phase that ran. */
  readonly phases: Partial<Record<EnginePhase, PhaseResult>>;
  /** Wall time of all its phases, process starts included. */
  readonly seconds: number;
  /** 1-minute load average before its first phase and after its last. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
  /** Anything the reader of its column should know. */
  readonly notes: readonly string[];
}

/** An engine that was looked for and not run. */
export interface SkippedEngine {
  readonly name: string;
  readonly reason: string;
}

/** The timing every engine ran with: the runner's {@link Timing} (but its warm-up call count), with the core table's sizes. */
export interface EnginesTiming extends Omit<Timing, 'warmupIterations'> {
  readonly elementsPerCall: number;
  readonly capacities: readonly number[];
}

/** Everything the report shows. JSON-safe (`.build/benchmarks-engines.json` holds it). */
export interface EnginesReport {
  readonly mode: ModeName;
  /** The machine and the run, described by the Node that ran the suite. */
  readonly env: Environment;
  readonly timing: EnginesTiming;
  readonly engines: readonly EngineColumn[];
  readonly skipped: readonly SkippedEngine[];
  /** Chromium's switches, when it ran. */
  readonly chromium?: { readonly timingFlags: readonly string[]; readonly gcFlags: readonly string[] };
  /** Wall time of the whole run, in s. */
  readonly seconds: number;
  /** 1-minute load average when the run ended. */
  readonly loadAtEnd: number;
}

/** The column heading of an engine: `node v22.23.5 / V8 12.4.254.21-node.33`, `Chromium 156.0.8078.114 / V8 15.6.75.63`. */
export function engineLabel(engine: Pick<EngineColumn, 'runtime' | 'version' | 'v8'>): string {
  return `${engine.runtime === 'node' ? 'node' : 'Chromium'} ${engine.version} / V8 ${engine.v8}`;
}

/** How the ratio column names the implementations. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  'raw f64': 'raw',
  'field f64': 'raw field',
  F64Vec: 'F64Vec',
  'Float64Array for...of': 'Float64Array for...of',
};

const short = (id: string): string => SHORT_NAMES[id] ?? id;

/** A ratio's number without the `x`, with the decimals {@link formatRatio} would give. */
function bare(ratio: number): string {
  return formatRatio(ratio).replace(/x$/, '');
}

/** `1.77x (1.74-1.80)`: the median ratio, then its interquartile range. */
export function ratioCell(row: CoreRowResult | undefined): string {
  if (row === undefined) return 'n/a';
  const { median, q1, q3 } = row.ratio;
  return `${formatRatio(median)} (${bare(q1)}-${bare(q3)})`;
}

function coreOf(engine: EngineColumn, state: CoreState): CorePhaseResult | undefined {
  const result = engine.phases[state === 'clean' ? 'clean' : 'after-errors'];
  return result?.kind === 'core' ? result : undefined;
}

/** The garbage-collection phases of an engine that ran. */
function gcPhasesOf(engine: EngineColumn): GcPhaseResult[] {
  return Object.values(engine.phases).filter((result): result is GcPhaseResult => result?.kind === 'gc');
}

/** The game loop's rows in report order (`engine-phases.ts` names them). */
const GAME_LOOP_ORDER = ['game loop slabvec', 'game loop raw', 'game loop raw second'];

/** Every garbage-collection row of an engine: the steady-state loop's, then the game loop's. */
function gcRowsOf(engine: EngineColumn): GcRowResult[] {
  const rows = gcPhasesOf(engine).flatMap((phase) => phase.rows);
  const rank = (row: GcRowResult): number => (row.group === 'game loop' ? 1000 + (GAME_LOOP_ORDER.indexOf(row.id) + 1 || GAME_LOOP_ORDER.length + 1) : 0);
  return rows.map((row, i) => ({ row, i })).sort((a, b) => rank(a.row) - rank(b.row) || a.i - b.i).map(({ row }) => row);
}

/** The core table of one state: a row per measured ratio, a column per engine. */
export function coreTable(report: EnginesReport, state: CoreState): Table {
  const rows: string[][] = [];
  for (const spec of coreRowsOf(state)) {
    const cells = report.engines.map((engine) => coreOf(engine, state)?.rows.find((r) => r.id === spec.id));
    const any = cells.find((c) => c !== undefined);
    if (any === undefined) continue;
    rows.push([spec.label, formatCapacity(any.capacity), `${short(spec.impl)} / ${short(spec.over)}`, ...cells.map(ratioCell)]);
  }
  return { head: ['operation', 'capacity', 'ratio', ...report.engines.map(engineLabel)], rows };
}

/** The raw baseline's own speed on each engine: ns per element operation of the raw loop, one row per operation and capacity. */
export function baselineTable(report: EnginesReport): Table {
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const spec of CORE_ROWS) {
    if (spec.over !== RAW_ID) continue;
    const key = `${spec.op}/${spec.size}`;
    if (seen.has(key)) continue;
    const cells = report.engines.map((engine) => coreOf(engine, 'clean')?.rows.find((r) => r.id === spec.id));
    const any = cells.find((c) => c !== undefined);
    if (any === undefined) continue;
    seen.add(key);
    rows.push([spec.label, formatCapacity(any.capacity), ...cells.map((c) => (c === undefined ? 'n/a' : c.overNs.toFixed(2)))]);
  }
  return { head: ['raw loop', 'capacity', ...report.engines.map(engineLabel)], rows };
}

/** `0`, `3`, `21 (2 major)`; `n/a` when not counted. */
export function gcCell(row: GcRowResult | undefined): string {
  const count = row?.count;
  if (count === undefined) return 'n/a';
  return count.major !== undefined && count.major > 0 ? `${count.collections} (${count.major} major)` : String(count.collections);
}

/** The rows of the garbage-collection phases, in the order the first engine that ran it reports them. */
function gcRowIds(report: EnginesReport): GcRowResult[] {
  const out: GcRowResult[] = [];
  for (const engine of report.engines) {
    for (const row of gcRowsOf(engine)) if (!out.some((r) => r.id === row.id)) out.push(row);
  }
  return out;
}

/** Collections per window, a column per engine. */
export function gcTable(report: EnginesReport): Table {
  const rows = gcRowIds(report).map((first) => {
    const work = first.group === 'game loop' ? `${first.work.toLocaleString('en-US')} frames` : `${first.work.toLocaleString('en-US')} ops`;
    return [first.group, first.label, work, ...report.engines.map((engine) => gcCell(gcRowsOf(engine).find((r) => r.id === first.id)))];
  });
  return { head: ['loop', 'implementation', 'measured', ...report.engines.map(engineLabel)], rows };
}

/** The game loop's time per frame on each engine, in ms. */
export function gameLoopTimeTable(report: EnginesReport): Table {
  const rows = gcRowIds(report)
    .filter((row) => row.group === 'game loop')
    .map((first) => [
      first.label,
      ...report.engines.map((engine) => {
        const row = gcRowsOf(engine).find((r) => r.id === first.id);
        return row === undefined ? 'n/a' : `${(row.nsPerUnit / 1e6).toFixed(3)} ms`;
      }),
    ]);
  return { head: ['game loop form', ...report.engines.map(engineLabel)], rows };
}

/** One row per engine: what ran it, how long, how loaded the machine was. */
export function enginesTable(report: EnginesReport): Table {
  return {
    head: ['engine', 'name', 'binary', 'phases', 'time', 'load average (start, end)'],
    rows: report.engines.map((engine) => [
      engineLabel(engine),
      `\`${engine.name}\``,
      `\`${engine.binary}\``,
      Object.keys(engine.phases).join(', ') || 'none',
      `${engine.seconds.toFixed(0)} s`,
      `${engine.loadAtStart.toFixed(1)}, ${engine.loadAtEnd.toFixed(1)}`,
    ]),
  };
}

function notesOf(report: EnginesReport): string[] {
  const out: string[] = [];
  for (const engine of report.engines) for (const note of engine.notes) out.push(`${engineLabel(engine)}: ${note}`);
  for (const { name, reason } of report.skipped) out.push(`\`${name}\` not run: ${reason}`);
  return out;
}

/** The report as console text. */
export function renderEnginesText(report: EnginesReport): string {
  const out: string[] = [];
  const spread = `median over ${report.timing.rounds} paired rounds (interquartile range)`;
  out.push('', `core table, clean process: time / time of the baseline, ${spread}`, textTable(coreTable(report, 'clean')));
  out.push('', `core table after ${4 * ERRORS_PER_KIND} errors were thrown and caught, fresh process: ${spread}`, textTable(coreTable(report, 'after errors')));
  out.push('', 'raw loop, ns per element operation (clean process)', textTable(baselineTable(report)));
  out.push('', 'garbage collections in the measured window', textTable(gcTable(report)));
  out.push('', 'game loop, time per frame', textTable(gameLoopTimeTable(report)));
  out.push('', 'engines', textTable(enginesTable(report)));
  const notes = notesOf(report);
  if (notes.length > 0) out.push('', 'notes:', ...notes.map((n) => `  - ${n}`));
  const quick = report.mode === 'quick' ? ' (quick mode: a smoke run, the timings mean nothing)' : '';
  out.push('', `mode ${report.mode}${quick}; ${report.env.cpu}, ${report.env.cores} cores, load ${report.env.loadAtStart.toFixed(1)} -> ${report.loadAtEnd.toFixed(1)}; ${report.seconds.toFixed(0)} s`);
  return out.join('\n');
}

function list(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** The report as docs/benchmarks-engines.md. */
export function renderEnginesMarkdown(report: EnginesReport): string {
  const { env, timing } = report;
  const day = env.date.slice(0, 10);
  const notes = notesOf(report);
  const engines = report.engines.map(engineLabel);
  const chromium = report.chromium;
  return `# Benchmarks across engines

<!-- Generated by benchmarks/main.ts (\`npm run bench -- --engines\`); do not edit by hand. -->

The core of [the comparison](benchmarks.md) on every engine found: each Node the suite can
run (the Node that runs it, and the pinned Node 22, 24 and 26 that \`node scripts/engines.mjs
install\` fetches) and headless Chromium, one column per engine. Every figure of an engine
was measured on that engine, in processes of its own.

Reproduce: \`npm run bench -- --engines\` (full timing) or \`npm start -- --engines\` (default
timing) write \`.build/benchmarks-engines.md\`; add \`--write-docs\` to rewrite this file.
\`npm run bench -- --quick --engines\` is a smoke run of the same plumbing, and
\`--engines=<name>,...\` (names: \`node\`, \`node22\`, \`node24\`, \`node26\`, \`chromium\`) runs
only those; both write to \`.build/\` only. This file
came from the **${report.mode}** mode on ${day}, on ${engines.length} engine${engines.length === 1 ? '' : 's'}: ${engines.join('; ')}.

## Core table

Each cell: time / time of the baseline on that engine (lower is better; 1.00x is as fast as
the raw loop), the median over ${timing.rounds} paired rounds, then in parentheses the
interquartile range of the per-round ratios. \`raw\` is a \`Float64Array\` with its length in a
local variable and no checks (for \`for...of\`, its index loop); \`raw field\` is the same loop
with the length in an object field (the floor of any object-held length);
\`Float64Array for...of\` is the language's own iteration of a typed array.

### Clean process

${markdownTable(coreTable(report, 'clean'))}

### After errors

A fresh process of each engine, in which F64Vec threw and the program caught
${ERRORS_PER_KIND} \`IndexError\`s from \`get\`, ${ERRORS_PER_KIND} from \`set\`, ${ERRORS_PER_KIND} \`CapacityError\`s from
\`push\` and ${ERRORS_PER_KIND} \`EmptyError\`s from \`pop\`, after the warm-up and before any loop was compiled or
timed. Ratios from different processes are not paired: compare a row here with the same row
above only beyond the spreads.

${markdownTable(coreTable(report, 'after errors'))}

### The raw loop's own speed

Nanoseconds per element operation of the baseline (clean process, median over rounds): the
denominators above. Absolute rates on a shared machine move by tens of percent between runs.

${markdownTable(baselineTable(report))}

## Garbage collections

Collections that started inside each measured window. The suite's steady-state loop
(${steadyText(report)}), for every implementation of the comparison, in a process that first
ran the comparison's warm-up. The natural game loop of
[docs/examples/game-loop.ts](examples/game-loop.ts) through its own \`runGameLoop\`
(${gcFramesText(report)}), in processes that ran nothing else, in both its forms (\`slabvec\`:
F32Vec columns from one Slab; \`raw\`: Float32Arrays with a hand-kept count): the slabvec form
first in a fresh process, then the raw form after it in the same process (the order of the
example's program and of its test), and the raw form alone in another fresh process.

${markdownTable(gcTable(report))}

${markdownTable(gameLoopTimeTable(report))}

How they were counted. Node: a \`PerformanceObserver\` on \`gc\` entries, as the suite and the
example do. Chromium has no \`gc\` entries, so its garbage-collection phases run in a browser started with
\`--js-flags=--expose-gc --trace-gc\`, whose renderer prints one line per collection to its
stdout (read line-buffered, through \`stdbuf -oL\`); the page counts every \`gc()\` it forces
(each prints a \`testing\` line), brackets each steady-state window with forced collections,
and follows the game loop's own forced collection (just before its measured frames) with
one more; the collections of a window are the other lines of the page's isolate between its
two bracketing lines, for the game loop only those that started within its measured
frames (the trace gives whole milliseconds).

## Engines

${markdownTable(enginesTable(report))}
${notes.length > 0 ? `\n${list(notes)}\n` : ''}
## Environment

| | |
|---|---|
| command | \`${env.command}\` |
| mode | ${report.mode} |
| CPU | ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB |
| OS | ${env.os} |
| packages | ${Object.entries(env.packages).map(([k, v]) => `${k} ${v}`).join(', ')} |
| commit | ${env.commit} |
| date | ${env.date} |
| load average | ${env.loadAtStart.toFixed(1)} at the start, ${report.loadAtEnd.toFixed(1)} at the end (1-minute, ${env.cores} cores; per engine above) |
| run time | ${report.seconds.toFixed(0)} s |
${chromium === undefined ? '' : `| Chromium switches | \`${chromium.timingFlags.join(' ')}\`; in the garbage-collection phases ${chromium.gcFlags.filter((f) => f.startsWith('--js-flags=')).map((f) => `\`${f}\``).join(' ')} instead of its \`--js-flags\` |\n`}
## Method

- **One runner.** The suite's own (\`benchmarks/runner.ts\`): tinybench ${env.packages.tinybench}, \`runSync\`,
  ${timing.taskTimeMs} ms and at least ${timing.taskIterations} calls per task per round, ${timing.warmupRounds > 0 ? `${timing.warmupRounds} warm-up round(s) thrown away, ` : ''}${timing.rounds} rounds kept;
  in a round every operation is one bench holding its contenders (the baseline among them), in
  an order rotated every round, after a full GC; a ratio is this latency over the baseline's
  in the same round, and the table shows the median and the quartiles of these paired ratios.
  One call does about ${timing.elementsPerCall.toLocaleString('en-US')} element operations; pop times only the drains
  (\`performance.now()\` around each, as in the comparison). Every loop is compiled separately
  per implementation, primed, and validated against the baseline's result before it is timed.
  Capacities ${timing.capacities.map(formatCapacity).join(' and ')} (\`sum()\` and \`dot(b)\` at both; \`b\` is a \`Float64Array\`).
- **Fresh processes.** Every phase (\`clean\`, \`after-errors\`, \`gc\`, \`game-loop\`, \`game-raw\`) runs in
  a process of its own: a child process of each Node (\`<node> --expose-gc scripts/run-ts.cjs
  benchmarks/main.ts --engine-phase <phase>\`), a freshly launched headless Chromium. The
  core-table and steady-state phases first exercise all eleven typed vector classes, as the
  comparison does (an application's process); the game-loop phases run the example alone.
- **Chromium.** The page is served by the test harness's loopback server with the
  cross-origin isolation headers (\`crossOriginIsolated\` is checked), which gives it a
  \`performance.now()\` of 5 µs resolution (measured: see the notes); the library is loaded
  as ES modules, one file per module as in the package's \`dist/esm\`, not bundled, so that
  its top-level constants stay constants as in Node; the benchmark code, tinybench and
  mnemonist are one bundle. Results come back through a binding exposed on the page.
- **Noise.** The machine is shared and has ${env.cores} cores; the engines ran one after another,
  never two at once. The load averages above say how busy it was.
`;
}

function steadyText(report: EnginesReport): string {
  const loop = report.engines.flatMap(gcPhasesOf).find((g) => g.steady !== undefined)?.steady;
  if (loop === undefined) return 'not run';
  const n = (x: number): string => x.toLocaleString('en-US');
  return `a vector of capacity ${n(loop.capacity)} holding ${n(loop.capacity / 2)} elements, push, get, pop repeated, as calls of ${n(loop.stepsPerCall)} steps after ${n(loop.warmupCalls)} warm-up calls, more than the comparison's own, so that every engine has finished optimizing the loop, and a full GC`;
}

function gcFramesText(report: EnginesReport): string {
  const gc = report.engines.flatMap(gcPhasesOf).find((g) => g.frames !== undefined && g.warmupFrames !== undefined);
  return gc === undefined ? 'not run' : `${gc.warmupFrames!.toLocaleString('en-US')} warm-up frames, then ${gc.frames!.toLocaleString('en-US')} measured`;
}
