/**
 * The Chromium column of the per-engine benchmark report (`benchmarks/engines.ts` runs
 * this as a child process, as it runs each Node engine):
 *
 *     node scripts/run-ts.cjs scripts/browser/bench/run.ts [--quick|--full] [--phases clean,after-errors,gc]
 *
 * Bundles the benchmark page (`bundle.ts`), serves it from the test harness's loopback
 * server with the cross-origin isolation headers (`../server.ts`), and runs each phase in
 * a freshly launched headless Chromium, so that each starts from a fresh renderer process
 * as each Node phase starts from a fresh process: the two core-table phases in the test
 * harness's browser (`../launcher.ts`), the garbage-collection phases in one whose V8
 * traces its collections (`launcher.ts`). Results come back through a binding exposed on
 * the page's context, as the test harness's do; the garbage-collection counts are then
 * read from the trace (`benchmarks/trace-gc.ts`).
 *
 * Progress goes to stderr; the last line of stdout is the JSON {@link ChromiumOutput}. The
 * browser's stdout during each garbage-collection phase (the trace) is kept in
 * `.build/bench-browser/trace-gc-<phase>.txt`.
 * Without Chromium (no `chromium` on the PATH, no CHROMIUM_PATH) that JSON says why and
 * the exit code is still 0: the report skips the column with that note.
 *
 * @module
 */

import type { BrowserContext, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, type Mode } from '../../../benchmarks/config.js';
import { ENGINE_PHASES, countsGcs, type EnginePhase, type GcPhaseResult, type PhaseResult } from '../../../benchmarks/engine-phases.js';
import { countWindow, pageCollections, parseTraceGc } from '../../../benchmarks/trace-gc.js';
import { CHROMIUM_FLAGS, ChromiumMissingError, findChromium, launchChromium } from '../launcher';
import { startServer } from '../server';
import { PAGE_ENTRY, buildBenchPage } from './bundle';
import { TRACED_FLAGS, launchTracedChromium, type TracedBrowser } from './launcher';
import { BENCH_BINDING, type BenchMessage } from './protocol';

/** What this program prints as its last line. */
export interface ChromiumOutput {
  /** Set when Chromium could not be run at all: why. */
  readonly skipped?: string;
  readonly engine?: {
    readonly runtime: 'chromium';
    /** `156.0.8078.114`. */
    readonly version: string;
    /** V8's version, from the DevTools protocol's `Browser.getVersion`. */
    readonly v8: string;
    readonly executable: string;
    /** The switches of the core-table phases and of the garbage-collection phase. */
    readonly flags: { readonly timing: readonly string[]; readonly gc: readonly string[] };
    /** Whether the benchmark page was cross-origin isolated (it must be). */
    readonly crossOriginIsolated: boolean;
    /** Whether the trace came line-buffered (`stdbuf -oL`). */
    readonly traceLineBuffered?: boolean;
  };
  readonly results?: readonly PhaseResult[];
}

const LAUNCH_TIMEOUT_MS = 60_000;
/** The longest one phase may take, per mode. */
const PHASE_TIMEOUT_MS: Readonly<Record<Mode['name'], number>> = { quick: 120_000, default: 600_000, full: 1_200_000 };
/** How long the trace may lag behind the page's last forced collection. */
const TRACE_WAIT_MS = 20_000;
/** Where the garbage-collection phases' traces are kept, for a reader who wants to check the counts. */
let TRACE_DIR = '';
/** Warnings the page is expected to log: observing `gc` entries, which a page does not have. */
const EXPECTED_WARNING = /entry ?type.*gc|gc.*entry ?type/i;

function progress(message: string): void {
  process.stderr.write(`chromium: ${message}\n`);
}

function parseArgs(argv: readonly string[]): { mode: Mode; phases: EnginePhase[] } {
  let phases: EnginePhase[] = [...ENGINE_PHASES];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick' || arg === '--full') continue;
    if (arg === '--phases' && i + 1 < argv.length) {
      phases = argv[++i].split(',').map((name) => {
        if (!(ENGINE_PHASES as readonly string[]).includes(name)) throw new Error(`unknown phase ${name} (${ENGINE_PHASES.join(', ')})`);
        return name as EnginePhase;
      });
      continue;
    }
    throw new Error(`unknown argument ${arg} (expected --quick, --full, --phases <phase>[,<phase>])`);
  }
  return { mode: argv.includes('--quick') ? MODES.quick : argv.includes('--full') ? MODES.full : MODES.default, phases };
}

/** Opens the page of one phase in `context` and resolves with its result. */
async function runPage(context: BrowserContext, origin: string, mode: Mode, phase: EnginePhase): Promise<{ result: PhaseResult; isolated: boolean }> {
  let settle: (outcome: { result?: PhaseResult; error?: string }) => void = () => undefined;
  const outcome = new Promise<{ result?: PhaseResult; error?: string }>((resolve) => (settle = resolve));
  await context.exposeBinding(BENCH_BINDING, (_source, message: BenchMessage) => {
    if (message.type === 'progress') progress(`${phase}: ${message.message}`);
    else if (message.type === 'result') settle({ result: message.result });
    else settle({ error: message.message });
  });
  let page: Page | undefined;
  const timeoutMs = PHASE_TIMEOUT_MS[mode.name];
  const timer = setTimeout(() => settle({ error: `phase ${phase} did not finish within ${timeoutMs / 1000} s` }), timeoutMs);
  try {
    page = await context.newPage();
    page.on('pageerror', (error) => settle({ error: `uncaught in the page: ${error.stack ?? error.message}` }));
    page.on('crash', () => settle({ error: 'the page crashed' }));
    page.on('console', (message) => {
      const type = message.type();
      if ((type === 'error' || type === 'warning') && !EXPECTED_WARNING.test(message.text())) progress(`[page console.${type}] ${message.text()}`);
    });
    await page.goto(`${origin}/run/${PAGE_ENTRY}?phase=${phase}&mode=${mode.name}`, { waitUntil: 'commit', timeout: LAUNCH_TIMEOUT_MS });
    const { result, error } = await outcome;
    if (result === undefined) throw new Error(`Chromium, phase ${phase}: ${error ?? 'no result'}`);
    const isolated = await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated);
    return { result, isolated };
  } finally {
    clearTimeout(timer);
    if (page !== undefined) await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  }
}

/** V8's version in the browser of `context`, from the DevTools protocol. */
async function v8Of(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    return ((await session.send('Browser.getVersion')) as { jsVersion: string }).jsVersion;
  } finally {
    await page.close();
  }
}

/** Fills in the garbage-collection counts of a phase's rows from the browser's trace. */
async function countFromTrace(traced: TracedBrowser, result: GcPhaseResult): Promise<void> {
  const forced = result.forcedGcs ?? 0;
  await traced.waitFor((lines) => parseTraceGc(lines).filter((e) => e.forced).length >= forced, TRACE_WAIT_MS);
  writeFileSync(join(TRACE_DIR, `trace-gc-${result.phase}.txt`), `${traced.stdout.join('\n')}\n`);
  const events = pageCollections(parseTraceGc(traced.stdout), forced);
  for (const row of result.rows) {
    if (row.marks === undefined) throw new Error(`gc row ${row.id} has no markers`);
    const { collections, minor, major, after } = countWindow(events, row.marks);
    row.count = { collections, minor, major, afterWindow: after };
  }
}

async function main(): Promise<ChromiumOutput> {
  const { mode, phases } = parseArgs(process.argv.slice(2));
  let executable: string;
  try {
    executable = findChromium();
  } catch (error) {
    if (error instanceof ChromiumMissingError) return { skipped: error.message };
    throw error;
  }
  progress(`bundling the benchmark page (mode ${mode.name})`);
  const outdir = await buildBenchPage();
  TRACE_DIR = outdir;
  const server = await startServer(outdir);
  const results: PhaseResult[] = [];
  let version = '';
  let v8 = '';
  let isolatedEverywhere = true;
  let traceLineBuffered: boolean | undefined;
  try {
    for (const phase of phases) {
      progress(`phase ${phase}: launching a fresh browser`);
      if (countsGcs(phase)) {
        const traced = await launchTracedChromium(LAUNCH_TIMEOUT_MS);
        try {
          traceLineBuffered = traced.lineBuffered;
          v8 ||= await v8Of(traced.context);
          const { result, isolated } = await runPage(traced.context, server.origin, mode, phase);
          isolatedEverywhere &&= isolated;
          if (result.kind !== 'gc') throw new Error(`phase ${phase} returned another phase\u2019s result`);
          await countFromTrace(traced, result);
          results.push(result);
          version ||= traced.version;
        } finally {
          await traced.close();
        }
      } else {
        const browser = await launchChromium(LAUNCH_TIMEOUT_MS);
        try {
          v8 ||= await v8Of(browser.context);
          const { result, isolated } = await runPage(browser.context, server.origin, mode, phase);
          isolatedEverywhere &&= isolated;
          results.push(result);
          version ||= browser.version;
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  if (!isolatedEverywhere) throw new Error('the benchmark page was not cross-origin isolated');
  return {
    engine: { runtime: 'chromium', version, v8, executable, flags: { timing: [...CHROMIUM_FLAGS], gc: [...TRACED_FLAGS] }, crossOriginIsolated: isolatedEverywhere, traceLineBuffered },
    results,
  };
}

// Ended from outside (the report's timeout, Ctrl-C): exit, so that the traced browser's exit hook ends it.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => process.exit(1));

main().then(
  (output) => {
    console.log(JSON.stringify(output));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
