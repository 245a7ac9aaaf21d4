#!/usr/bin/env node
// `npm run size`: what slabvec costs in an app bundle, and whether tree-shaking works.
// Bundles two entries against the built ES modules (dist/esm; run `npm run build` first)
// with esbuild (bundle, minify, format esm, platform neutral), gzips them with node:zlib, and
// prints both sizes. Fails (exit 1) when the F64Vec-only bundle contains code of any other
// class, or when its gzipped size exceeds F64VEC_GZIP_BUDGET.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Budget for `import { F64Vec } from 'slabvec'`, minified + gzipped, in bytes. Set from the
 * measurement (11,180 bytes with esbuild 0.28.2, zlib's default level 6, after the
 * WebAssembly-tier dispatch of the kernels, 382 bytes, and transfer()/fromTransfer() with
 * their checks in src/transfer.ts, 606 bytes; 9,880 after the row
 * operations every class carries for `Table`, 322 bytes; 10,192 since, with the messages
 * about another copy of slabvec and the copyTo target check; 8,867 before the re-checks around
 * user code, the keys/entries iterator class, clamp's bounds and the cached byte ranges;
 * 7,689 before them, 6,569 before the hot-path guards) plus ~10%, rounded up to a
 * multiple of 100.
 * Raise it deliberately, in the same change that makes F64Vec bigger.
 */
const F64VEC_GZIP_BUDGET = 12_300;

/** Modules that must not reach an F64Vec-only bundle (paths relative to the repository). */
const FOREIGN_MODULE = /^dist\/esm\/(slab|option-vec|table|table-columns|row-values|generated\/(?!f64-vec\.js$)[\w-]+-vec)\.js$/;
/** Strings only the other classes' code contains (their error messages name them). */
const FOREIGN_TEXT = ['F32Vec', 'F16Vec', 'Float16Array', 'I64Vec', 'U64Vec', 'U8ClampedVec', 'OptionVec', 'Slab.alloc'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/esm/index.js'))) {
  console.error('size: dist/esm/index.js is missing: run `npm run build` first');
  process.exit(1);
}

/** Bundles `contents` as it would sit in an app; returns its sizes and the modules it kept. */
async function measure(contents, options = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'error',
    ...options,
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { text: result.outputFiles[0].text, min: code.length, gzip: gzipSync(code).length, modules };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
const row = (label, { min, gzip }, note = '') => console.log(`${label.padEnd(34)}${kb(min)}${kb(gzip)} ${`(${gzip} B)`.padStart(10)}  ${note}`);
const only = await measure(`export { F64Vec } from './dist/esm/index.js';`);
const all = await measure(`export * from './dist/esm/index.js';`);
// The same F64Vec-only entry with the "sideEffects" fields and /* @__PURE__ */ comments
// ignored: what esbuild's own analysis can drop. Informational, not checked (see
// docs/packaging.md: the computed keys [INSPECT_CUSTOM] and [RELEASE] keep every class).
const bare = await measure(`export { F64Vec } from './dist/esm/index.js';`, { ignoreAnnotations: true });

console.log(`${'bundle'.padEnd(34)}${'minified'.padStart(10)}${'min+gzip'.padStart(10)}`);
row('import { F64Vec }', only, `budget ${F64VEC_GZIP_BUDGET} B gzipped`);
row('import * (everything)', all);
row('import { F64Vec }, hints ignored', bare, `info only: ${bare.modules.length} modules kept`);
console.log(`F64Vec-only bundle: ${only.modules.join(', ')}`);

const problems = [];
const foreignModules = only.modules.filter((path) => FOREIGN_MODULE.test(path));
if (foreignModules.length > 0) problems.push(`the F64Vec-only bundle keeps ${foreignModules.join(', ')}`);
const foreignText = FOREIGN_TEXT.filter((name) => only.text.includes(name));
if (foreignText.length > 0) problems.push(`the F64Vec-only bundle contains ${foreignText.map((s) => `"${s}"`).join(', ')}`);
if (only.gzip > F64VEC_GZIP_BUDGET) {
  problems.push(`the F64Vec-only bundle is ${only.gzip} B gzipped, over the budget of ${F64VEC_GZIP_BUDGET} B`);
}
for (const problem of problems) console.error(`size: FAIL: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log('size: OK (tree-shaking keeps only F64Vec and its helpers; within budget)');
