/**
 * Headless Chromium whose V8 traces its garbage collections, for the benchmark's
 * garbage-collection phase: the test harness's binary and switches (`../launcher.ts`),
 * with `--js-flags=--expose-gc --trace-gc` in place of `--js-flags=--expose-gc`.
 *
 * V8 prints the trace to the renderer's stdout, which Chromium's renderers inherit from
 * the browser process; Playwright keeps the stdout of a browser it launches to itself, so
 * this module starts the browser itself (`--remote-debugging-port=0`, a fresh profile that
 * is deleted afterwards) and attaches Playwright with `connectOverCDP`. The browser runs
 * under `stdbuf -oL` where that exists, so each trace line is written when it is printed
 * instead of when a pipe buffer fills.
 *
 * @module
 */

import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CHROMIUM_FLAGS, findChromium } from '../launcher';

/** The V8 flags of the traced browser. */
export const TRACED_JS_FLAGS = '--js-flags=--expose-gc --trace-gc';

/** The harness's switches with {@link TRACED_JS_FLAGS} for its `--js-flags`. */
export const TRACED_FLAGS: readonly string[] = [...CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--js-flags=')), TRACED_JS_FLAGS];

/** A running traced browser. */
export interface TracedBrowser {
  readonly browser: Browser;
  /** The default context (over the fresh profile). */
  readonly context: BrowserContext;
  /** `chromium --version`, as the browser reports it. */
  readonly version: string;
  /** Every line the browser's processes wrote to stdout so far. */
  readonly stdout: readonly string[];
  /** Whether the lines come through `stdbuf -oL` (else they may arrive late, a pipe buffer at a time). */
  readonly lineBuffered: boolean;
  /** Resolves once `predicate` holds for the lines so far, checked as lines arrive; rejects after `timeoutMs`. */
  waitFor(predicate: (lines: readonly string[]) => boolean, timeoutMs: number): Promise<void>;
  /** Disconnects, ends the browser's processes, deletes the profile. */
  close(): Promise<void>;
}

function hasStdbuf(): boolean {
  return spawnSync('stdbuf', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Ends the browser's process group (it was started as the leader of its own). */
function endGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts headless Chromium with {@link TRACED_FLAGS} and attaches Playwright to it.
 *
 * @param timeoutMs - how long the start and the attach may take.
 */
export async function launchTracedChromium(timeoutMs: number): Promise<TracedBrowser> {
  const executable = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'slabvec-bench-chromium-'));
  const lineBuffered = hasStdbuf();
  const args = [...TRACED_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'];
  const child = lineBuffered
    ? spawn('stdbuf', ['-oL', executable, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const onExit = () => endGroup(child, 'SIGKILL');
  process.on('exit', onExit);
  const stdout: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    stdout.push(line);
    for (const check of waiters) check();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async () => {
    endGroup(child, 'SIGTERM');
    const timer = setTimeout(() => endGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    process.off('exit', onExit);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  let browser: Browser;
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools endpoint within ${timeoutMs} ms`)), timeoutMs);
      createInterface({ input: child.stderr! }).on('line', (line) => {
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(line);
        if (m !== null) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code, signal) => reject(new Error(`Chromium exited before it opened its DevTools endpoint (${code ?? signal})`)));
    });
    browser = await chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const context = browser.contexts()[0];
  return {
    browser,
    context,
    version: browser.version(),
    stdout,
    lineBuffered,
    waitFor(predicate, waitMs) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(stdout)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the trace did not show what was waited for within ${waitMs} ms (${stdout.length} lines so far)`));
        }, waitMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
      await cleanUp();
    },
  };
}
