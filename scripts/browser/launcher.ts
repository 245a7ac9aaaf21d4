/**
 * Starts headless Chromium for the browser run: Debian's `chromium` package (the binary
 * `chromium` on the PATH, or `$CHROMIUM_PATH`), driven by `playwright-core` with
 * `executablePath` (Playwright's own browser downloads are never used: this machine reaches
 * no download host), with a fresh profile directory that is deleted afterwards.
 *
 * @module
 */

import { chromium, type BrowserContext } from 'playwright-core';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The command-line switches. The first eight keep a machine without network access from
 * stalling or phoning home (no sandbox: CI runs as root; no GPU; no QUIC, background
 * networking, component updates or sync; no first-run UI). `--js-flags=--expose-gc` gives
 * the page `gc()`, which the suite's garbage-collection tests call (see shims/v8.ts), and
 * `--enable-precise-memory-info` makes `performance.memory` exact rather than rounded, which
 * is how the suite sees a collection in a page (particles-gc.browser.ts).
 * Playwright adds `--user-data-dir` (the fresh profile) and `--remote-debugging-pipe`.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
] as const;

/** Thrown when no Chromium binary is found; the message says how to install one. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

/** The Chromium binary: `$CHROMIUM_PATH`, else the first `chromium` on the PATH. */
export function findChromium(): string {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw new ChromiumMissingError(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
      : 'chromium is not installed (no `chromium` on the PATH): install Debian\'s package with `apt-get install -y chromium` (run `apt-get update` first if apt finds nothing), or set CHROMIUM_PATH',
  );
}

/** A running browser. */
export interface LaunchedBrowser {
  /** The browser's only context, over the fresh profile. */
  readonly context: BrowserContext;
  /** `chromium --version`, as the browser reports it. */
  readonly version: string;
  /** Closes the browser (killing it if it does not close within 10 s) and deletes the profile. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with {@link CHROMIUM_FLAGS} and a new temporary profile.
 *
 * @param timeoutMs - how long the launch may take.
 */
export async function launchChromium(timeoutMs: number): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'slabvec-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      timeout: timeoutMs,
      // Playwright's defaults: on Ctrl-C, SIGTERM or SIGHUP it kills the browser, then exits.
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const version = context.browser()?.version() ?? (await versionOf(context));
  return {
    context,
    version,
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)));
      const closed = context.close().then(() => 'closed' as const, () => 'closed' as const);
      await Promise.race([closed, timedOut]);
      clearTimeout(timer);
      // If close() hung, the browser process is ended when this process exits (Playwright kills what it launched).
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** The browser's version, from a page's user agent (a persistent context has no Browser object). */
async function versionOf(context: BrowserContext): Promise<string> {
  const page = context.pages()[0] ?? (await context.newPage());
  const agent = await page.evaluate(() => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent);
  return /(?:Headless)?Chrome\/([\d.]+)/.exec(agent)?.[1] ?? agent;
}
