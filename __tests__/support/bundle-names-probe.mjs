/**
 * Run by `__tests__/class-names.test.ts`: bundles the root entry and one subpath with
 * esbuild, the way an application's bundler does (the vector modules rewritten as
 * `npm run build` rewrites dist/esm), plain and minified, imports each bundle and prints,
 * as JSON, every exported function whose `name` is not its export name. Usage:
 * `node bundle-names-probe.mjs <dir>`.
 */

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { scopedGuardsPlugin } = createRequire(import.meta.url)('../../scripts/guard-scope.cjs');
const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node bundle-names-probe.mjs <dir>');

const entries = { root: join(here, '../../src/index.ts'), f32: join(here, '../../src/generated/f32.ts') };
const renamed = {};
for (const minify of [false, true]) {
  for (const [entry, path] of Object.entries(entries)) {
    const outfile = join(dir, `${entry}${minify ? '.min' : ''}.mjs`);
    await build({ entryPoints: [path], bundle: true, format: 'esm', platform: 'node', target: 'es2022', minify, outfile, logLevel: 'warning', plugins: [scopedGuardsPlugin()] });
    const exports = await import(pathToFileURL(outfile).href);
    const functions = Object.entries(exports).filter(([, value]) => typeof value === 'function');
    renamed[`${entry}${minify ? ' minified' : ''}`] = {
      functions: functions.length,
      renamed: functions.filter(([name, value]) => value.name !== name).map(([name, value]) => `${name} -> ${value.name}`),
    };
  }
}
console.log(JSON.stringify(renamed));
