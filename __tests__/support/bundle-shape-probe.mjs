/**
 * Run by `__tests__/optimized-shape.test.ts`: bundles `shape-probe.ts` and the library into
 * one ES module with esbuild, the way an application's bundler does (every module hoisted
 * into one scope, top-level `const`s rewritten to `var`s), after rewriting each vector
 * module with `scripts/guard-scope.cjs` as `npm run build` rewrites dist/esm. Usage:
 * `node bundle-shape-probe.mjs <outfile>`.
 */

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { scopedGuardsPlugin } = createRequire(import.meta.url)('../../scripts/guard-scope.cjs');
const outfile = process.argv[2];
if (outfile === undefined) throw new Error('usage: node bundle-shape-probe.mjs <outfile>');

await build({
  entryPoints: [join(here, 'shape-probe.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  outfile,
  logLevel: 'warning',
  plugins: [scopedGuardsPlugin()],
});
