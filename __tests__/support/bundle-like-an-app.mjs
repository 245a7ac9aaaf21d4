/**
 * How the tests bundle the library the way an application's bundler does: esbuild, one ES
 * module with every module hoisted into one scope (top-level `const`s rewritten to `var`s),
 * the vector modules rewritten by `scripts/guard-scope.cjs` as `npm run build` rewrites
 * dist/esm. For `bundle-shape-probe.mjs` and `bundle-names-probe.mjs`.
 */

import { build } from 'esbuild';
import { createRequire } from 'node:module';

const { scopedGuardsPlugin } = createRequire(import.meta.url)('../../scripts/guard-scope.cjs');

/**
 * Bundles `entryPoint` into `outfile`, minified or not.
 *
 * @param {string} entryPoint
 * @param {string} outfile
 * @param {{ minify?: boolean }} [options]
 */
export async function bundleLikeAnApp(entryPoint, outfile, { minify = false } = {}) {
  await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    minify,
    outfile,
    logLevel: 'warning',
    plugins: [scopedGuardsPlugin()],
  });
}
