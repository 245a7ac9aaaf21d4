/**
 * The declarations of `scripts/guard-scope.cjs` (see there): the build step that moves a
 * vector class of dist/esm and its index guards into a function scope.
 *
 * @module
 */

/**
 * Rewrites the source of a vector module (`generated/<id>-vec`): its exported class and the
 * `const PASS` / `var FAIL_INDEX` declarations before it become one pure function call whose
 * result is exported under the class's name. Throws, naming the file, unless the module has
 * exactly that form.
 */
export declare function scopeIndexGuards(source: string, fileName: string): string;

/** Whether a module of the build is a vector module that {@link scopeIndexGuards} rewrites. */
export declare function hasIndexGuards(source: string): boolean;

/**
 * An esbuild plugin that loads each vector module of the sources (`src/generated/<id>-vec.ts`)
 * rewritten by {@link scopeIndexGuards}, as `npm run build` ships it in dist/esm.
 */
export declare function scopedGuardsPlugin(): import('esbuild').Plugin;
