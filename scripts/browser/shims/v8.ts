/**
 * `node:v8` for the browser bundle: only `setFlagsFromString('--expose-gc')`, which the
 * suite calls to reach the garbage collector. The launcher starts Chromium with
 * `--js-flags=--expose-gc`, so the page already has `gc()`: the call checks that and does
 * nothing else. Any other flag throws, so no test silently runs without it.
 *
 * @module
 */

/** Accepts `--expose-gc` when the page has `gc`; throws for anything else. */
export function setFlagsFromString(flags: string): void {
  if (flags.trim() === '--expose-gc' && typeof (globalThis as { gc?: unknown }).gc === 'function') return;
  throw new Error(`v8.setFlagsFromString(${JSON.stringify(flags)}) is not available in the browser (only --expose-gc, via --js-flags)`);
}

export default { setFlagsFromString };
