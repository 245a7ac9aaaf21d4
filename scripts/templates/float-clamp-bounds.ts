/**
 * How the float classes' `clamp` takes its bounds, spliced into `kernels.ts` in place of
 * the plain `const low = lo; const high = hi;` of the other classes (a file of its own, so
 * that the type checker does not see two declarations of `low` and `high`).
 *
 * @module
 */

import { CLAMP_BOUNDS } from '../../src/kernels-support.js';

/** Scaffolding: the part below as a function, so that it type-checks. */
export function clampBounds(lo: number, hi: number): number {
  //@part
    // The bounds pass through a Float64Array so that the compiler sees doubles: with small-integer
    // bounds the select below was boxed per element once both call forms had run (about
    // 250 KB of garbage per call at 1e6, in the kernel benchmark).
    const bounds = CLAMP_BOUNDS;
    bounds[0] = lo;
    bounds[1] = hi;
    const low = bounds[0];
    const high = bounds[1];
  //@endpart
  return low + high;
}
