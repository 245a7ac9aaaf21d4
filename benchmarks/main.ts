/**
 * Entry point of the benchmark suite: one runner (tinybench, `runner.ts`) for the
 * scenario tables: `operations` (the comparison in docs/benchmarks.md, with memory per
 * element and GC counts), `kernels` (`kernels.ts`), `table` (`table-rows.ts`), `slab` (`slab.ts`, each phase in a
 * fresh process of this same runner) and `wasm` (`wasm.ts`, the WebAssembly SIMD tier).
 *
 * ```sh
 * npm start                             # default: the operations and wasm tables; prints them, writes .build/benchmarks.*
 * npm run bench                         # full: every table, longer; writes .build/benchmarks.* too
 * npm run bench -- --write-docs         # the same, refreshing the committed docs/benchmarks.* instead
 * npm start -- --help                   # usage
 * npm run bench -- --quick              # seconds-long smoke run of every table: prints, writes nothing, asserts no timings
 * npm run bench -- --only kernels       # one table (or several: --only kernels,slab), full timing; writes nothing
 * npm start -- --only slab              # the same with the default mode's shorter timing
 * npm run bench -- --engines            # the core and GC tables on every Node found and in Chromium; writes .build/benchmarks-engines.md
 * npm run bench -- --engines --write-docs  # the same, refreshing docs/benchmarks-engines.md
 * npm run bench -- --quick --engines    # smoke run of that plumbing on every engine found: prints, writes .build/benchmarks-engines.md
 * npm run bench -- --engines=node,chromium  # only those engines (node, node22, node24, node26, chromium): writes .build/ only
 * ```
 *
 * Run through `node --expose-gc scripts/run-ts.cjs benchmarks/main.ts [--full|--quick] [--only <tables> | --engines[=<engines>]]`.
 * `--engines` is `engines.ts`: each engine's phases run in fresh processes of that engine,
 * which are this runner started with `--engine-phase <phase>` (internal), as the slab
 * table's phases are with `--slab-phase`.
 *
 * @module
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { renderChart } from './chart.js';
import { COMPARISON_WARMUP, runComparison } from './comparison.js';
import { HELP, optionsFromArgs, type Mode } from './config.js';
import { nodeGcHost, runEnginePhase } from './engine-phases.js';
import { runEngines } from './engines.js';
import { describeEnvironment, type Environment } from './environment.js';
import { fullGc } from './gc.js';
import { checkGoals } from './goals.js';
import { IMPLEMENTATIONS } from './implementations.js';
import { runHistoryTable } from './history.js';
import { runKernelTable } from './kernels.js';
import { measureGcs, measureMemory } from './memory.js';
import { printConsole, renderMarkdown, type RunResults } from './report.js';
import { addToSink, sinkTotal } from './sink.js';
import { printSlabPhase, runSlabTable } from './slab.js';
import { runRingTable } from './ring.js';
import { runRowTable } from './table-rows.js';
import { runWasmTable } from './wasm.js';
import { warmEveryClass } from './warm.js';

const CHART_FILE = 'benchmarks.svg';

/**
 * Writes progress on one rewritten line on a terminal, a message that starts with its
 * percentage (`[ 42%] ...`) drawn as a bar, cut to the terminal's width; as plain lines elsewhere.
 */
function progress(message: string): void {
  if (!process.stderr.isTTY) {
    process.stderr.write(`${message}\n`);
    return;
  }
  const done = /^\[\s*(\d+)%\] /.exec(message);
  const line = done === null ? message : `${progressBar(Number(done[1]))} ${message.slice(done[0].length)}`;
  process.stderr.write(`\r\x1b[K${line.slice(0, Math.max(20, (process.stderr.columns ?? 100) - 1))}`);
}

/** `[#####-----]  50%`: a bar of 20 cells for a percentage. */
export function progressBar(percent: number): string {
  const cells = Math.max(0, Math.min(20, Math.round(percent / 5)));
  return `[${'#'.repeat(cells)}${'-'.repeat(20 - cells)}] ${String(percent).padStart(3)}%`;
}

function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

/**
 * The operations table: warm-up, memory, GC counts, speed, goals; printed.
 *
 * @returns the run's results, for the written report.
 */
async function runOperationsTable(mode: Mode, env: Environment): Promise<RunResults> {
  const started = performance.now();
  progress(`mode ${mode.name}: exercising every typed vector class`);
  addToSink(warmEveryClass(COMPARISON_WARMUP));
  progress('measuring memory per element');
  const memory = measureMemory(mode);
  progress('counting garbage collections in the steady-state loop');
  const gcs = await measureGcs(mode);
  const speed = runComparison(mode, progress);
  endProgress();
  const goals = checkGoals({ speed, memory, gcs, capacities: mode.capacities });
  const results: RunResults = { mode, env, speed, memory, gcs, goals, seconds: (performance.now() - started) / 1000, loadAtEnd: os.loadavg()[0] };
  printConsole(results);
  return results;
}

/**
 * Writes the report: the operations table's markdown and chart, with the sections of the
 * other tables that have one (the wasm table's), to docs/ when `writesDocs`, to .build/
 * otherwise.
 */
function writeReport(results: RunResults, sections: readonly string[], writesDocs: boolean): void {
  const folder = writesDocs ? 'docs' : '.build';
  mkdirSync(join(process.cwd(), folder), { recursive: true });
  const series = IMPLEMENTATIONS.filter((i) => i.role !== 'baseline').map(({ id, role }) => ({ id, role }));
  const { env, mode } = results;
  const subtitle = `${mode.name} run, ${env.date.slice(0, 10)}: Node ${env.node}, ${env.cpu}, ${env.cores} cores.`;
  const { cells, capacities } = results.speed;
  const chart = renderChart({ cells, capacities, series, memory: results.memory, gcs: results.gcs, rounds: mode.rounds, subtitle });
  writeFileSync(join(process.cwd(), folder, CHART_FILE), chart);
  writeFileSync(join(process.cwd(), folder, 'benchmarks.md'), renderMarkdown(results, CHART_FILE, sections));
  const hint = writesDocs ? '' : ' (docs/ is left as it is; --write-docs refreshes it)';
  console.log(`wrote ${folder}/benchmarks.md and ${folder}/${CHART_FILE}${hint}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = optionsFromArgs(args);
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const { mode } = options;
  fullGc();
  if (options.slabPhase !== undefined) {
    printSlabPhase(mode, options.slabPhase, progress);
    endProgress();
    return;
  }
  if (options.enginePhase !== undefined) {
    const result = await runEnginePhase(mode, options.enginePhase, nodeGcHost, progress);
    endProgress();
    console.log(JSON.stringify({ engine: { version: process.version, v8: process.versions.v8 }, result }));
    return;
  }
  const started = performance.now();
  const env = describeEnvironment('benchmarks/main.ts', args);
  if (options.engines !== undefined) {
    if (!(await runEngines(options, env, progress, endProgress))) process.exitCode = 1;
    return;
  }
  const operations = options.tables.includes('operations') ? await runOperationsTable(mode, env) : null;
  const sections: string[] = [];
  if (options.tables.includes('kernels')) {
    const text = await runKernelTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
  }
  if (options.tables.includes('slab')) {
    const text = runSlabTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
  }
  if (options.tables.includes('table')) {
    const text = runRowTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
  }
  if (options.tables.includes('wasm')) {
    const { text, markdown } = await runWasmTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
    sections.push(markdown);
  }
  if (options.tables.includes('ring')) {
    const text = await runRingTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
  }
  if (options.tables.includes('history')) {
    const text = runHistoryTable(mode, progress);
    endProgress();
    console.log(`\n${text}`);
  }
  // Never in quick mode, whose timings mean nothing.
  if (operations !== null && mode.writesDocs) writeReport(operations, sections, options.writesDocs);
  const quick = mode.name === 'quick' ? ' (quick mode: a smoke run, the timings mean nothing)' : '';
  console.log(`\ntables ${options.tables.join(', ')} in mode ${mode.name}${quick}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`sink ${sinkTotal()} (printed so that no benchmark loop can be optimized away)`);
}

main().catch((error: unknown) => {
  endProgress();
  console.error(error);
  process.exit(1);
});
