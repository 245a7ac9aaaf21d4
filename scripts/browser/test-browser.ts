/**
 * `npm run test:browser`: the behaviour suite in headless Chromium.
 *
 * ## Running it
 *
 *     npm run test:browser                          # every suite file that can run in a browser
 *     npm run test:browser -- model poison          # only files whose path contains "model" or "poison"
 *     npm run test:browser -- --outputFile=out.json # the Jest-like JSON result (default .build/browser-results.json)
 *     npm run test:browser -- --inject-failure      # add one failing test: the run must report it and exit 1
 *     npm run test:browser -- --verbose             # also forward the pages' console.log output
 *
 * It needs Debian's Chromium (`apt-get install -y chromium`; the binary `chromium` on the
 * PATH, or set CHROMIUM_PATH) and `playwright-core` (a devDependency); no browser is ever
 * downloaded. The exit code is 0 only when at least one test ran and none failed, no page
 * threw, and every file finished in time.
 *
 * ## What it does
 *
 * 1. Checks the `node:util` shim against Node's own (`check-util-shim.ts`).
 * 2. Bundles the suite with esbuild (`bundle.ts`): every `__tests__/**\/*.test.ts` whose
 *    imports reach no Node built-in other than `util`, `v8` and `vm` (shimmed in
 *    `shims/`), plus the browser-only tests in `__tests__/browser/*.browser.ts` and their
 *    workers and worklets. Files that need Node (fs, child_process, worker_threads, ...)
 *    or Jest's module registry (`jest.isolateModules`) are listed as excluded, with the
 *    reason; today that is examples, generated, optimized-shape, wasm-module and the
 *    worker_threads tests (slab-, table-, ring-, shared-vec-, shared-table-worker: Node APIs), and
 *    hot-path-forms, float16-missing and wasm-fallback (`jest.isolateModules`).
 * 3. Serves the bundles from a loopback server with the cross-origin isolation headers
 *    (`server.ts`), so pages have `SharedArrayBuffer` and `crossOriginIsolated === true`.
 * 4. Launches headless Chromium (`launcher.ts`) with `--headless --no-sandbox --disable-gpu
 *    --disable-quic --no-first-run --disable-background-networking
 *    --disable-component-update --disable-sync --js-flags=--expose-gc` and a fresh profile.
 * 5. Runs each file in a page of its own (a fresh realm, as Jest isolates files), with Jest's
 *    globals and Jest's own `expect` and `jest-each` (`page/runner.ts`); results stream back
 *    through an exposed binding, failures are printed as they arrive.
 * 6. Prints `browser: N passed, N failed` (`, N skipped` when some were) and writes the
 *    Jest-like JSON (`results.ts`).
 *
 * What it covers beyond the Node run: the same model-based, poison, kernel and behaviour
 * tests on Chromium's V8 and its typed arrays, `SharedArrayBuffer` and shared
 * `WebAssembly.Memory` in a cross-origin isolated page, a Worker writing through slabvec
 * vectors over a shared slab (`__tests__/browser/shared-memory-worker.browser.ts`) and an
 * `AudioWorkletProcessor` rendering with slabvec in an `OfflineAudioContext`
 * (`__tests__/browser/audio-worklet.browser.ts`).
 *
 * Time limits, so that it cannot hang CI: launching 60 s, each file 120 s, the whole run
 * 240 s (then the remaining files fail as not run), and a watchdog that ends the process
 * 30 s after that whatever is stuck.
 *
 * @module
 */

import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { ROOT, buildBrowserSuite, type BrowserBuild, type SuiteFile } from './bundle';
import { compareWithNode } from './check-util-shim';
import { CHROMIUM_FLAGS, ChromiumMissingError, findChromium, launchChromium, type LaunchedBrowser } from './launcher';
import { REPORT_BINDING, type PageMessage } from './protocol';
import { RunResults, fullTitle } from './results';
import { startServer, type SuiteServer } from './server';

const LAUNCH_TIMEOUT_MS = 60_000;
const FILE_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 240_000;
const WATCHDOG_GRACE_MS = 30_000;
/** Lines of a failure message printed to the console; the JSON has all of it. */
const CONSOLE_MESSAGE_LINES = 30;

interface Options {
  readonly outputFile: string;
  readonly injectFailure: boolean;
  readonly verbose: boolean;
  readonly filters: string[];
}

function parseArgs(argv: string[]): Options {
  let outputFile = '.build/browser-results.json';
  let injectFailure = process.env.SLABVEC_BROWSER_INJECT_FAILURE === '1';
  let verbose = false;
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--outputFile=')) outputFile = arg.slice('--outputFile='.length);
    else if (arg === '--outputFile') outputFile = argv[++i] ?? outputFile;
    else if (arg === '--inject-failure') injectFailure = true;
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run test:browser -- [--outputFile=PATH] [--inject-failure] [--verbose] [FILTER...]');
      process.exit(0);
    } else if (arg.startsWith('--')) {
      console.error(`test:browser: unknown option ${arg} (see --help)`);
      process.exit(2);
    } else filters.push(arg);
  }
  return { outputFile: resolve(ROOT, outputFile), injectFailure, verbose, filters };
}

function indent(text: string, lines = CONSOLE_MESSAGE_LINES): string {
  const all = text.split('\n');
  const shown = all.slice(0, lines).map((line) => `      ${line}`);
  if (all.length > lines) shown.push(`      ... (${all.length - lines} more lines in the JSON result)`);
  return shown.join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Routes the batches from every page to the results, printing failures as they come. */
function makeReceiver(results: RunResults, done: Map<string, () => void>, started: Set<string>) {
  return (_source: unknown, batch: PageMessage[]) => {
    for (const message of batch) {
      if (message.type === 'file-start') {
        started.add(message.file);
      } else if (message.type === 'test') {
        results.addTest(message);
        if (message.status === 'failed') {
          console.log(`  ✕ ${message.file} › ${fullTitle(message)}\n${indent(message.failureMessages.join('\n\n'))}`);
        }
      } else {
        if (message.fileError !== undefined) {
          results.addFileError(message.file, message.fileError);
          console.log(`  ✕ ${message.file}: error outside the tests\n${indent(message.fileError)}`);
        }
        done.get(message.file)?.();
      }
    }
  };
}

/** Runs one suite file in a new page; resolves when it reported `file-done`, crashed or ran out of time. */
async function runInPage(
  browser: LaunchedBrowser,
  origin: string,
  suite: SuiteFile,
  results: RunResults,
  channels: { done: Map<string, () => void>; started: Set<string> },
  timeoutMs: number,
  verbose: boolean,
): Promise<void> {
  const { done, started } = channels;
  results.startFile(suite.file);
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    page = await browser.context.newPage();
    const finished = new Promise<void>((resolveFinished) => {
      done.set(suite.file, resolveFinished);
      timer = setTimeout(() => {
        results.addFileError(suite.file, `did not finish within ${seconds(timeoutMs)}: stopped (the tests reported until then are kept)`);
        console.log(`  ✕ ${suite.file}: did not finish within ${seconds(timeoutMs)}`);
        resolveFinished();
      }, timeoutMs);
      page!.on('crash', () => {
        results.addFileError(suite.file, 'the page crashed');
        console.log(`  ✕ ${suite.file}: the page crashed`);
        resolveFinished();
      });
    });
    page.on('pageerror', (error) => {
      const message = `uncaught in the page: ${error.stack ?? error.message}`;
      results.addFileError(suite.file, message);
      console.log(`  ✕ ${suite.file}: page error\n${indent(message)}`);
      // Before the runner started, nothing will report file-done: the bundle itself failed.
      if (!started.has(suite.file)) done.get(suite.file)?.();
    });
    page.on('console', (message) => {
      const type = message.type();
      if (verbose || type === 'error' || type === 'warning') console.log(`    [${suite.file} console.${type}] ${message.text()}`);
    });
    await page.goto(`${origin}/run/${encodeURIComponent(suite.entry)}`, { waitUntil: 'commit', timeout: timeoutMs });
    await finished;
  } catch (error) {
    results.addFileError(suite.file, `the harness could not run the file: ${(error as Error).stack ?? String(error)}`);
    console.log(`  ✕ ${suite.file}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    done.delete(suite.file);
    results.endFile(suite.file);
    if (page !== undefined) {
      await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    }
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + RUN_TIMEOUT_MS;
  const options = parseArgs(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    console.error(`test:browser: still running ${seconds(RUN_TIMEOUT_MS + WATCHDOG_GRACE_MS)} after the start: giving up`);
    process.exit(1);
  }, RUN_TIMEOUT_MS + WATCHDOG_GRACE_MS);
  watchdog.unref();

  let executable: string;
  try {
    executable = findChromium();
  } catch (error) {
    if (error instanceof ChromiumMissingError) {
      console.error(`test:browser: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const results = new RunResults();
  const shim = compareWithNode();
  if (shim.differences.length > 0) {
    const message = `the node:util shim differs from Node's in ${shim.differences.length} of ${shim.checks} checks:\n${shim.differences.join('\n')}`;
    results.addFileError('scripts/browser/shims/util.ts', message);
    results.endFile('scripts/browser/shims/util.ts');
    console.log(`  ✕ scripts/browser/shims/util.ts\n${indent(message)}`);
  }

  let build: BrowserBuild;
  try {
    build = await buildBrowserSuite({ filters: options.filters, injectFailure: options.injectFailure });
  } catch (error) {
    console.error(`test:browser: the bundle failed to build\n${(error as Error).message}`);
    return 1;
  }
  console.log(`test:browser: ${build.files.length} files bundled in ${seconds(Date.now() - started)}; ${build.excluded.length} excluded`);
  for (const { file, reason } of build.excluded) console.log(`  - ${file}: ${reason}`);

  let server: SuiteServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    server = await startServer(build.outdir);
    browser = await launchChromium(LAUNCH_TIMEOUT_MS);
    console.log(`test:browser: Chromium ${browser.version} (${executable}), pages from ${server.origin}`);
    const channels = { done: new Map<string, () => void>(), started: new Set<string>() };
    await browser.context.exposeBinding(REPORT_BINDING, makeReceiver(results, channels.done, channels.started));
    for (const suite of build.files) {
      const left = deadline - Date.now();
      if (left <= 0) {
        results.addFileError(suite.file, `not run: the whole run's ${seconds(RUN_TIMEOUT_MS)} were used up`);
        continue;
      }
      await runInPage(browser, server.origin, suite, results, channels, Math.min(FILE_TIMEOUT_MS, left), options.verbose);
      const summary = results.fileSummaries().find((s) => s.file === suite.file)!;
      console.log(`${summary.failed > 0 ? 'FAIL' : 'PASS'} ${suite.file} (${summary.tests} tests, ${seconds(summary.ms)})`);
    }
  } catch (error) {
    results.addFileError('scripts/browser/test-browser.ts', `the run failed: ${(error as Error).stack ?? String(error)}`);
    console.error(`test:browser: ${(error as Error).message}`);
  } finally {
    await browser?.close();
    await server?.close();
  }

  const c = results.counts();
  results.write(options.outputFile, ROOT, {
    browser: { executable, version: browser?.version, flags: [...CHROMIUM_FLAGS] },
    excluded: build.excluded,
  });
  const failures = results.failures();
  if (failures.length > 0) {
    console.log(`\nFailures (${failures.length}):`);
    for (const failure of failures.slice(0, 50)) console.log(`  ✕ ${failure.file} › ${failure.title}`);
    if (failures.length > 50) console.log(`  ... and ${failures.length - 50} more in ${options.outputFile}`);
  }
  console.log(`\ntest:browser: ${c.total} tests in ${build.files.length} files, ${seconds(Date.now() - started)}; results in ${options.outputFile}`);
  if (c.total === 0) console.log('test:browser: no test ran');
  console.log(`browser: ${c.passed} passed, ${c.failed} failed${c.pending + c.todo > 0 ? `, ${c.pending + c.todo} skipped` : ''}`);
  clearTimeout(watchdog);
  return c.failed === 0 && c.total > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
