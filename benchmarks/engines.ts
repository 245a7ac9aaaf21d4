/**
 * `--engines`: the core table (`core.ts`) and the garbage-collection table
 * (`engine-phases.ts`) on every engine found, one column each, in docs/benchmarks-engines.md.
 *
 * - `node`: the Node running the suite;
 * - `node22`, `node24`, `node26`: the pinned binaries of `scripts/engines.mjs`, when
 *   `node scripts/engines.mjs install` has put them in `.cache/engines/` (skipped with a note
 *   otherwise, and when one is the Node running the suite);
 * - `chromium`: headless Chromium, when `chromium` is on the PATH (or CHROMIUM_PATH names
 *   it), driven by `scripts/browser/bench/run.ts`.
 *
 * Every phase runs in a fresh process: each Node runs `scripts/run-ts.cjs
 * benchmarks/main.ts --engine-phase <phase>` as a child, which prints its result as JSON on
 * its last line; the Chromium runner launches a fresh browser per phase and prints all of
 * them. The engines run one after another. With `--write-docs`, in a mode that writes the
 * docs (default, full) and with every engine, the report goes to docs/benchmarks-engines.md;
 * otherwise to .build/benchmarks-engines.md. The collected results always go to
 * .build/benchmarks-engines.json.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { modeFlags, type RunOptions } from './config.js';
import { CORE_TIMING } from './core.js';
import { ENGINE_PHASES, phaseOf, type EnginePhase, type PhaseResult } from './engine-phases.js';
import { renderEnginesMarkdown, renderEnginesText, type EngineColumn, type EnginesReport, type SkippedEngine } from './engines-report.js';
import type { Environment } from './environment.js';
import type { Progress } from './runner.js';

const ROOT = process.cwd();
const REPORT = 'benchmarks-engines.md';
/** The longest one Node phase may take, per mode (then it is ended and the engine fails). */
const NODE_PHASE_TIMEOUT_MS: Readonly<Record<RunOptions['mode']['name'], number>> = { quick: 120_000, default: 600_000, full: 1_200_000 };
/** The longest the Chromium runner may take for all its phases. */
const CHROMIUM_TIMEOUT_MS: Readonly<Record<RunOptions['mode']['name'], number>> = { quick: 300_000, default: 1_800_000, full: 3_600_000 };

/** An engine to run. */
interface PlannedEngine {
  readonly name: string;
  readonly runtime: 'node' | 'chromium';
  /** The Node binary (for Chromium: the Node that drives it). */
  readonly binary: string;
}

/** The part of scripts/engines.mjs used here. */
interface EnginesModule {
  readonly ENGINES: readonly { readonly name: string; readonly version: string }[];
  binaryOf(engine: { readonly name: string }): string;
}

/** The names `--engines=` accepts, in column order. */
async function knownEngines(): Promise<{ pinned: EnginesModule['ENGINES']; module: EnginesModule }> {
  // A runtime path, so that the bundler leaves the module to Node (it locates .cache/ from its own URL).
  const module = (await import(pathToFileURL(join(ROOT, 'scripts', 'engines.mjs')).href)) as EnginesModule;
  return { pinned: module.ENGINES, module };
}

function versionOf(binary: string): string | undefined {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** The engines to run and the ones skipped, in column order. */
async function plan(names: readonly string[] | undefined): Promise<{ engines: PlannedEngine[]; skipped: SkippedEngine[] }> {
  const { pinned, module } = await knownEngines();
  const known = ['node', ...pinned.map((e) => e.name), 'chromium'];
  for (const name of names ?? []) if (!known.includes(name)) throw new Error(`unknown engine ${JSON.stringify(name)} (known: ${known.join(', ')})`);
  const wanted = (name: string): boolean => names === undefined || names.includes(name);
  const engines: PlannedEngine[] = [];
  const skipped: SkippedEngine[] = [];
  if (wanted('node')) engines.push({ name: 'node', runtime: 'node', binary: process.execPath });
  for (const engine of pinned) {
    if (!wanted(engine.name)) continue;
    const binary = module.binaryOf(engine);
    const version = existsSync(binary) ? versionOf(binary) : undefined;
    if (version !== `v${engine.version}`) skipped.push({ name: engine.name, reason: `Node ${engine.version} is not installed (\`node scripts/engines.mjs install\`)` });
    else if (version === process.version && engines.some((e) => e.name === 'node')) skipped.push({ name: engine.name, reason: `it is the Node running the suite (${version}), the \`node\` column` });
    else engines.push({ name: engine.name, runtime: 'node', binary });
  }
  if (wanted('chromium')) engines.push({ name: 'chromium', runtime: 'chromium', binary: process.execPath });
  return { engines, skipped };
}

/** The last line of a child's stdout, as JSON. */
function lastJsonLine<T>(stdout: string, what: string): T {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${what} printed no JSON result (last line: ${JSON.stringify(line.slice(0, 200))})`);
  }
}

/** What a Node engine's phase process prints. */
interface NodePhaseOutput {
  readonly engine: { readonly version: string; readonly v8: string };
  readonly result: PhaseResult;
}

/** Runs every phase of one Node engine, each in a child process of it. */
function runNode(engine: PlannedEngine, options: RunOptions, progress: Progress): EngineColumn {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const phases: Partial<Record<EnginePhase, PhaseResult>> = {};
  let version = '';
  let v8 = '';
  for (const phase of ENGINE_PHASES) {
    progress(`${engine.name}: phase ${phase} in a fresh process`);
    const child = spawnSync(engine.binary, ['--expose-gc', 'scripts/run-ts.cjs', 'benchmarks/main.ts', ...modeFlags(options.mode), '--engine-phase', phase], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
      timeout: NODE_PHASE_TIMEOUT_MS[options.mode.name],
    });
    if (child.status !== 0) throw new Error(`${engine.name}, phase ${phase}: ${child.error?.message ?? `exit status ${child.status ?? child.signal}`}`);
    const output = lastJsonLine<NodePhaseOutput>(child.stdout, `${engine.name}, phase ${phase}`);
    phases[phase] = output.result;
    version = output.engine.version;
    v8 = output.engine.v8;
  }
  return { name: engine.name, runtime: 'node', version, v8, binary: engine.binary, phases, seconds: (performance.now() - started) / 1000, loadAtStart, loadAtEnd: os.loadavg()[0], notes: [] };
}

/** What scripts/browser/bench/run.ts prints (its `ChromiumOutput`, as far as it is read here). */
interface ChromiumOutput {
  readonly skipped?: string;
  readonly engine?: { readonly version: string; readonly v8: string; readonly executable: string; readonly flags: { readonly timing: readonly string[]; readonly gc: readonly string[] }; readonly traceLineBuffered?: boolean };
  readonly results?: readonly PhaseResult[];
}

/** Runs every phase in Chromium through its runner; undefined (and a skip) when there is no Chromium. */
function runChromium(options: RunOptions, progress: Progress, skipped: SkippedEngine[]): { column: EngineColumn; flags: { timing: readonly string[]; gc: readonly string[] } } | undefined {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  progress('chromium: every phase, each in a freshly launched browser');
  const child = spawnSync(process.execPath, ['scripts/run-ts.cjs', 'scripts/browser/bench/run.ts', ...modeFlags(options.mode)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
    timeout: CHROMIUM_TIMEOUT_MS[options.mode.name],
  });
  if (child.status !== 0) throw new Error(`chromium: the runner ended: ${child.error?.message ?? `exit status ${child.status ?? child.signal}`}`);
  const output = lastJsonLine<ChromiumOutput>(child.stdout, 'chromium');
  if (output.skipped !== undefined || output.engine === undefined) {
    skipped.push({ name: 'chromium', reason: output.skipped ?? 'the runner reported no engine' });
    return undefined;
  }
  const phases: Partial<Record<EnginePhase, PhaseResult>> = {};
  for (const result of output.results ?? []) phases[phaseOf(result)] = result;
  const notes: string[] = [];
  const clean = phases.clean;
  if (clean?.kind === 'core') notes.push(`\`performance.now()\` resolution in the cross-origin isolated page: ${clean.clockResolutionUs.toFixed(1)} µs (tinybench calibrated one call at ${clean.timerOverheadNs.toFixed(0)} ns)`);
  if (output.engine.traceLineBuffered === false) notes.push('`stdbuf` was not found: the trace was read as Chromium flushed it');
  const { version, v8, executable } = output.engine;
  const column: EngineColumn = { name: 'chromium', runtime: 'chromium', version, v8, binary: executable, phases, seconds: (performance.now() - started) / 1000, loadAtStart, loadAtEnd: os.loadavg()[0], notes };
  return { column, flags: output.engine.flags };
}

/**
 * Runs `--engines`: every phase on every engine, then prints the report and writes it.
 *
 * @param options - the command line (mode, engine names, where to write).
 * @param env - the run's environment, as the Node running the suite sees it.
 * @param progress - receives progress lines.
 * @returns false when some engine failed (the report then has no column for it).
 */
export async function runEngines(options: RunOptions, env: Environment, progress: Progress, endProgress: () => void): Promise<boolean> {
  const started = performance.now();
  const { engines, skipped } = await plan(options.engines?.names);
  const columns: EngineColumn[] = [];
  let chromium: EnginesReport['chromium'];
  let ok = true;
  for (const engine of engines) {
    try {
      if (engine.runtime === 'node') columns.push(runNode(engine, options, progress));
      else {
        const ran = runChromium(options, progress, skipped);
        if (ran !== undefined) {
          columns.push(ran.column);
          chromium = { timingFlags: ran.flags.timing, gcFlags: ran.flags.gc };
        }
      }
    } catch (error) {
      ok = false;
      endProgress();
      console.error(error);
      skipped.push({ name: engine.name, reason: `failed: ${(error as Error).message}` });
    }
  }
  endProgress();
  const { mode } = options;
  const core = CORE_TIMING[mode.name];
  const report: EnginesReport = {
    mode: mode.name,
    env,
    timing: { rounds: core.rounds, warmupRounds: mode.warmupRounds, taskTimeMs: mode.taskTimeMs, taskIterations: mode.taskIterations, warmupTimeMs: mode.warmupTimeMs, warmupEveryRound: mode.warmupEveryRound, elementsPerCall: core.elementsPerCall, capacities: mode.capacities },
    engines: columns,
    skipped,
    chromium,
    seconds: (performance.now() - started) / 1000,
    loadAtEnd: os.loadavg()[0],
  };
  console.log(renderEnginesText(report));
  const build = join(ROOT, '.build');
  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, 'benchmarks-engines.json'), `${JSON.stringify(report, null, 2)}\n`);
  const target = options.enginesWriteDocs && ok ? join('docs', REPORT) : join('.build', REPORT);
  writeFileSync(join(ROOT, target), renderEnginesMarkdown(report));
  const reason = !mode.writesDocs ? `${mode.name} mode` : options.engines?.names !== undefined ? 'only some engines' : 'no --write-docs';
  const why = options.enginesWriteDocs ? (ok ? '' : ' (not docs/: an engine failed)') : ` (${reason}: docs/${REPORT} is left as it is)`;
  console.log(`\nwrote ${target}${why}; the results as JSON in .build/benchmarks-engines.json`);
  return ok;
}
