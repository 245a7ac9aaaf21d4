/**
 * The declarations of `scripts/guard-scope.cjs` (see there): the build step that moves a
 * vector class of dist/esm and its index guards into a function scope, and every other
 * exported class into one of its own.
 *
 * @module
 */

/**
 * Rewrites the source of a vector module (`generated/<id>-vec`): its exported class, tsc's
 * alias of it and the `const PASS` / `var FAIL_INDEX` declarations before it become one pure function call whose
 * result is exported under the class's name. Throws, naming the file, unless the module has
 * exactly that form.
 */
export declare function scopeIndexGuards(source: string, fileName: string): string;

/**
 * Rewrites every exported class of any other module (with tsc's alias of it) into a pure
 * function call exported under the class's name, so that a bundler can drop an unused class
 * inside one file; returns `source` unchanged when it exports no class.
 */
export declare function scopeExportedClasses(source: string, fileName: string): string;

/**
 * An esbuild plugin that loads each vector module of the sources (`src/generated/<id>-vec.ts`)
 * rewritten by {@link scopeIndexGuards}, as `npm run build` ships it in dist/esm.
 */
export declare function scopedGuardsPlugin(): import('esbuild').Plugin;
