/**
 * The numeric kernels of every typed vector class (reductions, element-wise operations,
 * bulk copies), spliced into the class body by `typed-vec.ts`.
 *
 * @module
 */

import type { ElementSpec } from '../element-types';

/** Renders the kernel methods of one class (indented class-body text, or an empty string). */
export function renderKernels(spec: ElementSpec): string {
  void spec;
  return '';
}
