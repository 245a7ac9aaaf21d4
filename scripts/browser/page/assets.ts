/**
 * Where the harness serves the separately bundled scripts of the browser tests (workers,
 * audio worklet modules): `NAME.worker.ts` and `NAME.worklet.ts` of `__tests__/browser/` and
 * `docs/examples/` are each bundled, slabvec included, to `/assets/NAME.worker.js` and
 * `/assets/NAME.worklet.js`.
 *
 * @module
 */

/**
 * The absolute URL of the bundle built from `<file>.ts` (in `__tests__/browser/` or `docs/examples/`).
 *
 * @param file - the source's file name without `.ts`, such as `shared-memory.worker`.
 */
export function assetUrl(file: string): string {
  const { location } = globalThis as unknown as { location: { href: string } };
  return new URL(`/assets/${file}.js`, location.href).href;
}
