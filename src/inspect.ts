/**
 * The form in which Node's `util.inspect` (and so `console.log`) shows every vector class:
 * `Class(length/capacity) [ ...live elements ]`. Shared so that the format is written once;
 * it reads a vector only through its public `length`, `capacity` and `toArray()`.
 *
 * @internal
 * @module
 */

import type { InspectFunction, InspectOptions } from './internal.js';

/** What {@link inspectVector} reads of a vector. */
export interface InspectedVector {
  /** The number of live elements. */
  readonly length: number;
  /** The number of slots. */
  readonly capacity: number;
  /** A new array of the live elements. */
  toArray(): unknown[];
}

/**
 * The inspect form of a usable vector: `Class(length/capacity) [ ... ]` with the live
 * elements formatted by Node's `inspect` one level deeper, or `[Class(length/capacity)]`
 * once Node's depth is used up (`depth < 0`). Without an `inspect` function (a caller other
 * than Node), the elements are joined with `", "`.
 *
 * @param className - the class name that starts the form.
 * @param vec - the vector.
 * @param depth - the depth Node passes to the hook.
 * @param options - the options Node passes to the hook.
 * @param inspect - the inspect function Node passes to the hook.
 */
export function inspectVector(
  className: string,
  vec: InspectedVector,
  depth: number,
  options: InspectOptions,
  inspect: InspectFunction | undefined,
): string {
  const head = `${className}(${vec.length}/${vec.capacity})`;
  if (depth < 0) return `[${head}]`;
  const items = vec.toArray();
  const body = typeof inspect === 'function' ? inspect(items, { ...options, depth: options.depth == null ? null : options.depth - 1 }) : `[ ${items.join(', ')} ]`;
  return `${head} ${body}`;
}

/**
 * The inspect form of a vector whose storage can no longer be used: `[Class (released)]`
 * after a slab's `reset()`, `[Class (detached)]` after its buffer was detached.
 *
 * @param className - the class name.
 * @param released - true when a slab released the vector, false when its buffer was detached.
 */
export function inspectUnusable(className: string, released: boolean): string {
  return `[${className} (${released ? 'released' : 'detached'})]`;
}
