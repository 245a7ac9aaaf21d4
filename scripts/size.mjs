#!/usr/bin/env node
// `npm run size`: what slabvec costs in an app bundle, and whether tree-shaking works.
// Bundles two entries against the built ES modules (dist/esm; run `npm run build` first)
// with esbuild (bundle, minify, format esm, platform neutral), gzips them with node:zlib, and
// prints both sizes. Then times loading the whole package (import and require) and one
// element type's subpath (`slabvec/f32`) in fresh Node processes, and sizes the tarball
// `npm pack` would write. Fails (exit 1) when the F64Vec-only bundle contains code of any
// other class, or when a size or a load time exceeds its budget (F64VEC_GZIP_BUDGET, LOADS,
// PACKED_BUDGET).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { npmCommand } from './npm-command.mjs';

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

/** Fresh processes per load-time figure. */
const LOAD_RUNS = 9;

/**
 * What is timed, each with its budget in ms (median on the running Node). The ES module
 * figures were set from the measurements on Node 20.20 on 2026-12-03, 2 cores, after the
 * build began to bundle dist/esm into its entries and their chunks (17 modules for the whole
 * package instead of 78; medians of 11 interleaved with the per-module build: the whole
 * package 50-64 ms against 98-104 ms, the f32 subpath 10-15 ms against 22), the CommonJS one
 * on 2026-12-02 (56-59 ms), each plus about 70% for a busier machine: a budget catches a
 * change that makes loading markedly slower, such as a return to one module per source
 * file, not noise (docs/packaging.md, "Size and load time").
 */
const LOADS = [
  { label: "import('slabvec')", file: 'dist/esm/index.js', budget: 105 },
  { label: "require('slabvec')", file: 'dist/cjs/index.js', require: true, budget: 105 },
  { label: "import('slabvec/f32')", file: 'dist/esm/generated/f32.js', budget: 30 },
];

/**
 * Budget of the tarball `npm pack` writes, in bytes. Set from the measurement on 2026-12-03
 * (848,055 B packed: the ES module build's 1.7 MB of JavaScript with the comments the
 * declarations do not carry, the CommonJS build's 1.4 MB without any, the declarations'
 * 1.1 MB once, docs) plus about 8%.
 */
const PACKED_BUDGET = 916_000;

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

// What loading slabvec costs in Node, and what installing it downloads.
const loads = measureLoads();
console.log(`\nload time on Node ${process.versions.node}, median of ${LOAD_RUNS} fresh processes (range in brackets):`);
for (const load of loads) {
  console.log(`${load.label.padEnd(34)}${`${load.median.toFixed(1)} ms`.padStart(10)} [${load.low.toFixed(1)}-${load.high.toFixed(1)}]  budget ${load.budget} ms`);
  if (load.median > load.budget) problems.push(`${load.label} takes ${load.median.toFixed(1)} ms (median), over the budget of ${load.budget} ms`);
}
const tarball = packedSize();
console.log(`${'npm pack'.padEnd(34)}${kb(tarball.size)} packed, ${(tarball.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${tarball.files} files  budget ${PACKED_BUDGET} B packed`);
if (tarball.size > PACKED_BUDGET) problems.push(`the tarball is ${tarball.size} B packed, over the budget of ${PACKED_BUDGET} B`);

for (const problem of problems) console.error(`size: FAIL: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log('size: OK (tree-shaking keeps only F64Vec and its helpers; sizes and load times within budget)');

/**
 * Loads each entry of {@link LOADS} in `LOAD_RUNS` fresh Node processes, interleaved, and
 * returns the median time of the `import()`/`require()` call itself (not the process's
 * start), with the range.
 */
function measureLoads() {
  const times = LOADS.map(() => []);
  for (let run = 0; run < LOAD_RUNS; run++) {
    LOADS.forEach((load, i) => {
      const path = join(root, load.file);
      const call = load.require ? `require(${JSON.stringify(path)})` : `await import(${JSON.stringify(pathToFileURL(path).href)})`;
      const code = `const t = performance.now(); ${call}; console.log(performance.now() - t);`;
      const args = load.require ? ['-e', code] : ['--input-type=module', '-e', code];
      const output = execFileSync(process.execPath, args, { encoding: 'utf8' });
      times[i].push(Number(output.trim()));
    });
  }
  return LOADS.map((load, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    return { ...load, median: sorted[Math.floor(sorted.length / 2)], low: sorted[0], high: sorted[sorted.length - 1] };
  });
}

/** `npm pack --dry-run` of the repository: the tarball's packed and unpacked bytes and its file count. */
function packedSize() {
  const { file, prefix, env } = npmCommand();
  const output = execFileSync(file, [...prefix, 'pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [packed] = JSON.parse(output);
  return { size: packed.size, unpackedSize: packed.unpackedSize, files: packed.entryCount };
}
