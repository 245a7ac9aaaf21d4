/**
 * The consumer that `view()` is handed to: it copies the view into a typed array of the
 * same element type, as an upload (`bufferSubData`, `postMessage` of a copy, a write to
 * shared memory) does.
 *
 * A template like the loops: each implementation gets its own compiled copy.
 *
 * @module
 */

import type { NumericArray } from './classes.js';

/** Copies `view` into `dst` and returns a number that depends on the copy. */
export function consumeView(view: ArrayLike<number>, dst: NumericArray): number {
  dst.set(view);
  return dst[view.length - 1] + view.length;
}
