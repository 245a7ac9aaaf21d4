/**
 * `node:fs` (and `graceful-fs`) for the browser bundle. Jest's message formatter reads
 * source files to print code frames; in the page there is no file system, so every call
 * fails as a missing file would, and callers fall back to printing no frame.
 *
 * @module
 */

function missing(path?: unknown): never {
  const error = new Error(`ENOENT: no file system in the browser, open '${String(path)}'`) as Error & { code: string };
  error.code = 'ENOENT';
  throw error;
}

/** Always throws ENOENT. */
export const readFileSync = (path: unknown): never => missing(path);
/** Always false. */
export const existsSync = (): boolean => false;
/** Always throws ENOENT. */
export const statSync = (path: unknown): never => missing(path);
/** Always throws ENOENT. */
export const realpathSync = Object.assign((path: unknown): never => missing(path), { native: (path: unknown): never => missing(path) });
/** Always throws ENOENT (docs/examples/dsp.ts imports it for its command-line use only). */
export const writeFileSync = (path: unknown): never => missing(path);
export default { readFileSync, writeFileSync, existsSync, statSync, realpathSync };
