/**
 * The result tables, on the console and as docs/benchmarks.md.
 *
 * @module
 */

import { ELEMENT_SPECS } from '../scripts/element-types.js';
import { MEASURED_SPECS, RUNNABLE_SPECS } from './classes.js';
import { type Cell } from './cells.js';
import { COMPARISON_WARMUP, cellOf, type SpeedResults } from './comparison.js';
import type { Mode } from './config.js';
import type { Environment } from './environment.js';
import { formatBytes, formatCapacity, formatRate, formatRatio, listOf } from './format.js';
import type { GoalResult } from './goals.js';
import { IMPLEMENTATIONS, implementation } from './implementations.js';
import { GC_LOOP_CAPACITY, GC_STEPS_PER_CALL, GC_WARMUP_CALLS, type GcResult, type MemoryResult } from './memory.js';
import { FRONT_OPS_CAP, FRONT_OPS_FULL_UP_TO, HOT_OPERATIONS, OPERATIONS, type OpId } from './operations.js';
import { PRIME_CALLS, PRIME_CAPACITY } from './runner.js';
import { markdownTable, textTable, type Table } from './tables.js';
import { legendLines, verdictLines } from './verdict.js';
import { COMMON_METHODS } from './warm.js';

/** Everything one run produced. */
export interface RunResults {
  /** The mode it ran in. */
  readonly mode: Mode;
  /** Where and how. */
  readonly env: Environment;
  /** Speed comparison. */
  readonly speed: SpeedResults;
  /** Bytes per element. */
  readonly memory: readonly MemoryResult[];
  /** Collections in the steady-state loop. */
  readonly gcs: readonly GcResult[];
  /** Goals, checked. */
  readonly goals: readonly GoalResult[];
  /** Wall time of the whole run in seconds (after the esbuild step). */
  readonly seconds: number;
  /** 1-minute load average when the run ended. */
  readonly loadAtEnd: number;
}

/** Numbers each distinct note, so table cells can carry a short marker. */
class Notes {
  readonly list: string[] = [];
  marker(impl: string, note: string | undefined): string {
    if (note === undefined) return '';
    const text = `${impl}: ${note}`;
    let i = this.list.indexOf(text);
    if (i < 0) i = this.list.push(text) - 1;
    return `[${i + 1}]`;
  }
}

/**
 * A speed table at `capacity`: a row per operation, a column per implementation of `impls`
 * headed `head`, each cell `text(cell)`, or n/a where the implementation was not measured.
 */
function speedTable(results: RunResults, capacity: number, impls: readonly string[], head: readonly string[], text: (cell: Cell, id: string) => string): Table {
  const rows = OPERATIONS.map((op) => {
    const count = op.count(capacity);
    const label = count !== capacity ? `${op.label} (${count} ops)` : op.label;
    return [
      label,
      ...impls.map((id) => {
        const cell = cellOf(results.speed.cells, id, op.id, capacity);
        return cell === undefined ? 'n/a' : text(cell, id);
      }),
    ];
  });
  return { head: ['operation', ...head], rows };
}

/** The report's speed table at `capacity`: every implementation, ratio and rate per cell, the baselines' rates. */
function reportSpeedTable(results: RunResults, capacity: number, notes: Notes): Table {
  const impls = IMPLEMENTATIONS.map((i) => i.id);
  const isBaseline = (id: string): boolean => implementation(id).role === 'baseline';
  return speedTable(results, capacity, impls, impls.map((id) => (isBaseline(id) ? `${id} ops/s` : id)), (cell, id) =>
    isBaseline(id) ? formatRate(cell.opsPerSec) : `${formatRatio(cell.ratio)} ${formatRate(cell.opsPerSec)}${notes.marker(id, cell.note)}`,
  );
}

function memoryTable(results: RunResults): Table {
  const caps = results.speed.capacities;
  return {
    head: ['implementation', ...caps.map((c) => `B/element at ${formatCapacity(c)}`)],
    rows: IMPLEMENTATIONS.map((impl) => [
      impl.id,
      ...caps.map((c) => {
        const m = results.memory.find((r) => r.impl === impl.id && r.capacity === c);
        return m === undefined ? 'n/a' : formatBytes(m.bytesPerElement);
      }),
    ]),
  };
}

function gcTable(results: RunResults): Table {
  return {
    head: ['implementation', 'GCs', 'minor', 'major', 'ns/op'],
    rows: results.gcs.map((g) => [g.impl, String(g.collections), String(g.minor), String(g.major), g.nsPerOp.toFixed(2)]),
  };
}

function goalTable(goals: readonly GoalResult[]): Table {
  return {
    head: ['goal', 'measured', 'result'],
    rows: goals.map((g) => [g.goal, g.measured, g.pass === null ? 'not measured' : g.pass ? 'pass' : 'MISS']),
  };
}

/** F64Vec against the field-counter reference: what its checks and calls cost on top of an object-held length. */
function overFieldTable(results: RunResults): Table {
  const caps = results.speed.capacities;
  const ratio = (impl: string, op: OpId, capacity: number): number => cellOf(results.speed.cells, impl, op, capacity)?.ratio ?? Number.NaN;
  return {
    head: ['operation', ...caps.map((c) => `field ${formatCapacity(c)}`), ...caps.map((c) => `F64Vec ${formatCapacity(c)}`)],
    rows: HOT_OPERATIONS.map((op) => [
      op.label,
      ...caps.map((c) => formatRatio(ratio('field f64', op.id, c))),
      ...caps.map((c) => formatRatio(ratio('F64Vec', op.id, c) / ratio('field f64', op.id, c))),
    ]),
  };
}

/** The width the console report keeps to. */
export const CONSOLE_WIDTH = 100;

/**
 * A ratio cell for the console: the median of the per-round ratios, how far the farthest
 * round was from it (in percent of it), and `tie` when the rounds' range holds 1.0x (this
 * run does not tell the two apart).
 */
export function ratioCell(ratio: number, low: number, high: number): string {
  const spread = Math.round((100 * Math.max(high - ratio, ratio - low)) / ratio);
  const tie = low <= 1 && high >= 1 ? ' tie' : '';
  return `${formatRatio(ratio)} ±${spread}%${tie}`;
}

/**
 * The console's speed tables at `capacity`: one of the slabvec classes and the object-held
 * length reference, one of the alternatives beside F64Vec, each cell a {@link ratioCell}, so
 * that each fits {@link CONSOLE_WIDTH} columns. The raw baselines are the 1.00x every ratio
 * is taken against (the legend says so); their rates are in the markdown report.
 */
function consoleSpeedTables(results: RunResults, capacity: number, notes: Notes): Table[] {
  const byRole = (...roles: string[]): string[] => IMPLEMENTATIONS.filter((i) => roles.includes(i.role)).map((i) => i.id);
  const groups = [byRole('reference', 'typed vector'), ['F64Vec', ...byRole('alternative')]];
  return groups.map((impls) =>
    speedTable(results, capacity, impls, impls, (cell, id) => `${ratioCell(cell.ratio, cell.ratioLow, cell.ratioHigh)}${notes.marker(id, cell.note)}`),
  );
}

/** `text` broken into lines of at most `width` characters at spaces, each continuation indented by `indent`. */
export function wrapLine(text: string, width = CONSOLE_WIDTH, indent = '    '): string[] {
  const lines: string[] = [];
  let rest = text;
  let prefix = '';
  while (prefix.length + rest.length > width) {
    const room = width - prefix.length;
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = rest.indexOf(' ', room);
    if (cut <= 0) break;
    lines.push(prefix + rest.slice(0, cut));
    rest = rest.slice(cut + 1);
    prefix = indent;
  }
  lines.push(prefix + rest);
  return lines;
}

/** Prints the tables to the console, each line at most {@link CONSOLE_WIDTH} wide where a table allows. */
/** `" this runtime has (not F16Vec: no Float16Array)"` when the run left classes out, else `""`. */
function unrunnableNote(): string {
  const left = ELEMENT_SPECS.filter((spec) => !RUNNABLE_SPECS.includes(spec));
  return left.length === 0 ? '' : ` this runtime has (not ${left.map((spec) => `${spec.className}: no ${spec.arrayName}`).join('; ')})`;
}

export function printConsole(results: RunResults): void {
  const notes = new Notes();
  const out: string[] = ['', ...legendLines().flatMap((line) => wrapLine(line))];
  out.push(...wrapLine(`each cell: the median over ${results.mode.rounds} rounds of the time / the raw typed array's time in the same round (lower is better), ± how far the farthest round was from it, and "tie" when the rounds' range holds 1.00x`, CONSOLE_WIDTH, ''));
  for (const capacity of results.speed.capacities) {
    const [vectors, alternatives] = consoleSpeedTables(results, capacity, notes);
    out.push('', `capacity ${formatCapacity(capacity)}, slabvec's typed vectors (and an object-held length alone)`, textTable(vectors));
    out.push('', `capacity ${formatCapacity(capacity)}, the alternatives beside F64Vec`, textTable(alternatives));
  }
  if (notes.list.length > 0) out.push('', 'notes:', ...notes.list.map((n, i) => `  [${i + 1}] ${n}`));
  out.push('', ...wrapLine('the price of an object-held length (field N: field f64 / raw f64 at capacity N) and of F64Vec on top of it (F64Vec N: F64Vec / field f64 at N)', CONSOLE_WIDTH, ''), textTable(overFieldTable(results)));
  out.push('', 'memory: bytes per element (heapUsed + external growth / elements stored)', textTable(memoryTable(results)));
  out.push('', `garbage collections during ${results.gcs[0]?.operations.toLocaleString('en-US') ?? 0} mixed push/get/pop operations (steady state)`, textTable(gcTable(results)));
  const quick = results.mode.name === 'quick' ? ' (quick mode: timings are not meaningful, this only proves the suite runs)' : '';
  out.push('', `goals${quick}`, ...results.goals.flatMap((g) => wrapLine(`  ${g.pass === null ? 'not measured' : g.pass ? 'met ' : 'MISS'}  ${g.goal}: ${g.measured}`, CONSOLE_WIDTH, '        ')));
  out.push('', ...verdictLines(results).flatMap((line) => wrapLine(line)));
  out.push(...wrapLine(`${results.env.node}, V8 ${results.env.v8}, ${results.env.cpu}, ${results.env.cores} cores, load ${results.env.loadAtStart.toFixed(1)} -> ${results.loadAtEnd.toFixed(1)}; mode ${results.mode.name}; ${results.seconds.toFixed(1)} s`));
  console.log(out.join('\n'));
}

function methodSection(results: RunResults): string {
  const m = results.mode;
  const [f64, ...others] = MEASURED_SPECS;
  const ops = OPERATIONS.map((op) => `- **${op.label}**: ${op.description}.`).join('\n');
  const impls = IMPLEMENTATIONS.map((i) => `- **${i.id}**: ${i.description}.`).join('\n');
  return `## Method

**Implementations.**

${impls}

A missing implementation of an operation is shown as n/a; where an implementation lacks a
method and the loop composes it from others, the cell carries a numbered note.

**Operations** (capacities ${listOf(results.speed.capacities.map(formatCapacity))}${m.blockSize === null ? '' : `, ${formatCapacity(m.blockSize)} being an audio block, to which no goal applies`}; every vector is full between operations):

${ops}

Values are \`index + 0.5\` for floating-point kinds (so no small-integer shortcut applies) and
\`index\` for i32. Insert and remove at the front are O(length) each, so filling or draining a
vector of 1e6 through index 0 is O(n^2): above ${FRONT_OPS_FULL_UP_TO} elements those rows do
only ${FRONT_OPS_CAP} operations per call, on a vector holding about capacity elements.

**Timing.** [tinybench](https://github.com/tinylibs/tinybench) ${results.env.packages.tinybench}, \`runSync\`,
${m.taskTimeMs} ms and at least ${m.taskIterations} calls per task per round; tinybench's own warm-up
(${m.warmupTimeMs} ms, at least ${m.warmupIterations} call) runs ${m.warmupEveryRound ? 'in every round' : 'in the first round'}, after
the validation call described below. One call repeats the operation so that it does about
${m.elementsPerCall.toLocaleString('en-US')} element operations (at least one full pass). The latency of a task in a round is the
median of its calls. Pop and the front operations must start from a full (or prepared)
vector: their loops time only the operation with \`performance.now()\` (its cost, ${results.speed.timerOverheadNs.toFixed(0)} ns
by tinybench's \`calibrateTimerOverhead\`, subtracted) and hand that to tinybench as \`overriddenDuration\`, so the refill
is not counted.

**Rounds and ratios.** ${m.warmupRounds > 0 ? `${m.warmupRounds} warm-up round(s) are thrown away, then ` : ''}${m.rounds} rounds are kept. In a
round, each operation is one tinybench run holding every implementation, in an order rotated
every round, after a full GC. A ratio is *this latency / the raw typed array's latency in the
same round* for the same operation and capacity; the table shows the median over rounds of
these paired ratios, so slow drifts of a shared machine cancel. ${others.map((s) => s.className).join(' and ')} are compared
with a raw ${others.map((s) => s.arrayName).join(' and ')}; everything else with a raw ${f64.arrayName}. Ops/s is
element operations per second at the median latency. The raw baseline keeps its length in a
local variable and checks nothing: it is the limit, not a competitor. Its for...of row is its
index loop (the fastest way to visit every element), and for view it keeps a subarray cached by hand.

**The field column.** \`field f64\` is the raw baseline with its length counter kept in an
object field instead of a local variable, still with no checks. A loop that changes an
object's field every iteration stores it to memory and loads it back (V8 keeps a local, not a
field, in a register), so every vector object (slabvec's, OptionVec, mnemonist's) pays at
least this much on loops that change the length each iteration. The distance from the raw column to this one is the price of an
object-held length; the distance from this one to a vector is the price of its checks and calls.

**No shared call sites.** V8 keeps type feedback per function literal, and a loop shared by
several classes becomes megamorphic and slower for all of them (docs/design.md). Every
loop here is a template compiled separately for each implementation and capacity with
\`new Function\` from its own source text (\`benchmarks/clone.ts\`), so every loop, and the
consumer that \`view()\` is handed to, only ever sees one class. This is benchmark code only.

**Every loop primed.** V8 allocates a function's feedback vector only after its first calls,
so a loop called a few times (one pass over a million elements per call) would never record
feedback for the statements it runs once per call, deoptimize at entry, and be measured mostly
in on-stack-replacement code. Each loop is therefore first called ${PRIME_CALLS} times on a ${PRIME_CAPACITY}-element
container of the same class.

**Nothing optimized away.** Every loop returns a number that depends on all its work and
every call adds it to a sink that is printed at the end (${results.speed.sink}). Before timing,
every loop is run once and its result compared with the raw baseline's: a loop that computes
something else stops the run.

**An application's process.** Before anything is measured, all ${RUNNABLE_SPECS.length} typed vector classes${unrunnableNote()}
(${RUNNABLE_SPECS[0].className} to ${RUNNABLE_SPECS[RUNNABLE_SPECS.length - 1].className}) are constructed and exercised (${COMMON_METHODS}) ${COMPARISON_WARMUP.cycles} times each, so any code they share carries feedback
from every element type, as in an application that uses several.

**Memory.** With \`--expose-gc\`: two full GCs, \`process.memoryUsage()\` heapUsed + external,
then build full vectors (about ${m.memoryElements.toLocaleString('en-US')} elements in all, at least one vector) with
push, kept alive, two full GCs, measure again; the growth divided by the elements stored.
It includes each implementation's spare capacity and object headers.

**Garbage collections.** A vector of capacity ${GC_LOOP_CAPACITY} holding ${GC_LOOP_CAPACITY / 2} elements runs
${(results.gcs[0]?.operations ?? m.gcLoopOperations).toLocaleString('en-US')} operations (push, get, pop, repeated), as calls of ${GC_STEPS_PER_CALL.toLocaleString('en-US')} steps
like an application's per-frame code, after ${GC_WARMUP_CALLS} warm-up calls and a forced full GC; a
\`PerformanceObserver\` on \`gc\` entries counts the collections that started inside that window.
(One long call would be measured in on-stack-replacement code, which on this V8 keeps the
loop's double accumulator boxed and allocates on every iteration whatever the container.)

**Noise.** The machine is shared and has ${results.env.cores} cores: absolute rates move between runs by
tens of percent; ratios measured side by side are steadier. The memory-bound rows at 1e6 are
the most sensitive to other processes sharing the cache and the memory bus: a ratio far from its
neighbours there (one implementation's row only) should be re-measured on a quiet machine
before it is believed. The spread of each ratio over
rounds (lowest to highest) is the whisker of each marker of the chart, and in its tooltip. The load average
in the environment table shows how busy the machine was.
`;
}

/**
 * Renders docs/benchmarks.md.
 *
 * @param results - the run.
 * @param chartFile - the chart's file name, relative to the markdown file.
 * @param sections - markdown sections of the other tables run (the wasm table's), placed before the environment.
 */
export function renderMarkdown(results: RunResults, chartFile: string, sections: readonly string[] = []): string {
  const notes = new Notes();
  const env = results.env;
  const speedSections = results.speed.capacities
    .map((capacity) => `### Capacity ${formatCapacity(capacity)}\n\n${markdownTable(reportSpeedTable(results, capacity, notes))}`)
    .join('\n\n');
  const noteList = notes.list.map((n, i) => `${i + 1}. ${n}`).join('\n');
  const passed = results.goals.filter((g) => g.pass === true).length;
  const missed = results.goals.filter((g) => g.pass === false).length;
  const unmeasured = results.goals.filter((g) => g.pass === null).length;
  return `# Benchmarks

<!-- Generated by benchmarks/main.ts (\`npm start\` or \`npm run bench\`); do not edit by hand. -->

How slabvec's typed vectors compare with a raw typed array (the limit: no checks), OptionVec
(the \`[Option<T>; N]\` approach), a plain \`Array\`, and mnemonist's \`Float64Vector\`.

Reproduce: \`npm start\` (short run, about a minute of CPU time, longer when other processes share the cores) or \`npm run bench\` (full run)
write \`.build/benchmarks.md\`; add \`--write-docs\` to rewrite this file. \`npm run bench -- --quick\`
is a seconds-long smoke run that writes nothing. This file came from the **${results.mode.name}** mode
on ${env.date.slice(0, 10)}, on Node ${env.node} (V8 ${env.v8}). The core of it on every engine found (the machine's Node,
the pinned Node 22, 24 and 26, and Chromium), also after errors, with the garbage collections of a natural game loop:
[benchmarks-engines.md](benchmarks-engines.md) (\`npm run bench -- --engines\`).

![Speed against the raw typed array, memory and garbage collections of every implementation](${chartFile})

## Goals

${passed} passed, ${missed} missed${unmeasured > 0 ? `, ${unmeasured} not measured` : ''}.

${markdownTable(goalTable(results.goals))}

Reading the speed misses: the raw baseline keeps its length in a local variable, which V8 holds
in a register. Any vector object keeps it in a field, which a loop that pushes or pops stores
to memory and loads back every iteration: a store-to-load round trip each time. The \`field f64\` column measures that floor directly (a
raw Float64Array with its counter in an object field and no checks at all); the rest of F64Vec's
ratio is its own checks and calls (\`field N\`: field f64 / raw f64 at capacity N; \`F64Vec N\`:
F64Vec / field f64 at N):

${markdownTable(overFieldTable(results))}

Reading the memory goal: F64Vec stores exactly what a raw Float64Array stores (compare the
\`raw f64\` row under Memory). An OptionVec slot holding a double is an 8-byte pointer to a
16-byte heap number, 24 bytes, so "3x less" is the whole distance between the two designs, and
any per-vector header (the typed array's own included) leaves the measured factor just under 3.

## Speed

Each cell: time relative to the raw typed array of the same element type (lower is better;
1.00x is as fast as unchecked code), then element operations per second. The raw columns give
the baselines' own rates.

${speedSections}

${noteList === '' ? '' : `Notes:\n\n${noteList}\n`}
## Memory

Bytes per element, all full.

${markdownTable(memoryTable(results))}

## Garbage collections

${markdownTable(gcTable(results))}

${sections.map((section) => `${section}\n`).join('')}## Environment

| | |
|---|---|
| command | \`${env.command}\` |
| Node | ${env.node} |
| V8 | ${env.v8} |
| CPU | ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB |
| OS | ${env.os} |
| packages | ${Object.entries(env.packages).map(([k, v]) => `${k} ${v}`).join(', ')} |
| commit | ${env.commit} |
| date | ${env.date} |
| load average | ${env.loadAtStart.toFixed(1)} at the start, ${results.loadAtEnd.toFixed(1)} at the end (1-minute, ${env.cores} cores) |
| run time | ${results.seconds.toFixed(1)} s (plus the esbuild step) |

${methodSection(results)}`;
}
