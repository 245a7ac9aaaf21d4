/**
 * Entry point of the benchmark suite.
 *
 * ```sh
 * npm start                  # default: short comparison, prints the table, rewrites docs/benchmarks.*
 * npm run bench              # full suite, same outputs
 * npm run bench -- --quick   # seconds-long smoke run: prints, writes nothing, asserts no timings
 * ```
 *
 * Run through `node --expose-gc scripts/run-ts.cjs benchmarks/main.ts [--full|--quick]`.
 *
 * @module
 */

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { renderChart } from './chart.js';
import { modeFromArgs } from './config.js';
import { describeEnvironment } from './environment.js';
import { exerciseAllElementTypes } from './exercise.js';
import { checkGoals } from './goals.js';
import { IMPLEMENTATIONS } from './implementations.js';
import { measureGcs, measureMemory, memorySink } from './memory.js';
import { printConsole, renderMarkdown, type RunResults } from './report.js';
import { runSpeed } from './runner.js';

const DOCS = join(process.cwd(), 'docs');
const CHART_FILE = 'benchmarks.svg';

/** Writes progress on one rewritten line on a terminal, as plain lines elsewhere. */
function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
  else process.stderr.write(`${message}\n`);
}

function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode = modeFromArgs(args);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    throw new Error('run with node --expose-gc (npm start / npm run bench do)');
  }
  const started = performance.now();
  const env = describeEnvironment('benchmarks/main.ts', args);
  progress(`mode ${mode.name}: exercising all eleven typed vector classes`);
  const exercised = exerciseAllElementTypes();
  progress('measuring memory per element');
  const memory = measureMemory(mode);
  progress('counting garbage collections in the steady-state loop');
  const gcs = await measureGcs(mode);
  const speed = runSpeed(mode, progress);
  endProgress();
  const goals = checkGoals({ speed, memory, gcs, capacities: mode.capacities });
  const results: RunResults = { mode, env, speed, memory, gcs, goals, seconds: (performance.now() - started) / 1000, loadAtEnd: os.loadavg()[0] };
  printConsole(results);
  console.log(`checksums: exercise ${exercised}, memory ${memorySink()}`);
  if (mode.writesDocs) {
    const plotted = IMPLEMENTATIONS.filter((i) => !i.baseline).map((i) => i.id);
    const subtitle = `${mode.name} run, ${env.date.slice(0, 10)}: ${env.node}, ${env.cpu}, ${env.cores} cores. Median of ${mode.rounds} paired rounds.`;
    writeFileSync(join(DOCS, CHART_FILE), renderChart(speed.cells, plotted, mode.capacities, subtitle));
    writeFileSync(join(DOCS, 'benchmarks.md'), renderMarkdown(results, CHART_FILE));
    console.log(`wrote docs/benchmarks.md and docs/${CHART_FILE}`);
  }
}

main().catch((error: unknown) => {
  endProgress();
  console.error(error);
  process.exit(1);
});
