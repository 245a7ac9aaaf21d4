/**
 * `node:vm` for the browser bundle: only `runInNewContext('gc')`, the suite's way of
 * fetching the garbage collector after `v8.setFlagsFromString('--expose-gc')`. It returns
 * the page's own `gc` (Chromium runs with `--js-flags=--expose-gc`); any other code throws.
 *
 * @module
 */

/** Returns the page's `gc` for the code `'gc'`; throws for any other code. */
export function runInNewContext(code: string): unknown {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (code.trim() === 'gc' && typeof gc === 'function') return gc;
  throw new Error(`vm.runInNewContext(${JSON.stringify(code)}) is not available in the browser (only 'gc')`);
}

export default { runInNewContext };
