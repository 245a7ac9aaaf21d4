#!/usr/bin/env node
// `npm run build`: cleans dist/, compiles src/ with tsc, bundles the ES modules, converts them
// to CommonJS, writes the declaration stubs that package.json names, and marks dist/esm as ES
// modules.
//   dist/esm    ES modules, with the comments the declarations do not carry (tsconfig.build.esm.json)
//   dist/cjs    the same modules as CommonJS, without comments
//   dist/types  the .d.ts of every module, with the TSDoc, once for both builds
// Each `types` path of package.json (dist/esm/index.d.ts, dist/cjs/generated/f32.d.ts, ...)
// is a one-line stub that re-exports the same module of dist/types: a stub beside the ES
// modules is an ES module, one beside the CommonJS files is CommonJS, and both may re-export
// dist/types, which the root package.json makes CommonJS (TypeScript lets an ES module
// re-export CommonJS declarations, not the reverse: TS1479).
// A TSDoc block of dist/esm that dist/types carries too (a public member's) is dropped from
// the JavaScript, so each doc ships once; the SAFETY notes, the private members' and internal
// helpers' docs and every `//` comment stay. esbuild's reading of each file, comments aside,
// must be the same before and after, or the build fails.
// Each vector module of dist/esm then has its class and index guards moved into a function
// scope of their own (scripts/guard-scope.cjs), so that a bundler's rewrite of top-level
// `const`s to `var`s cannot slow `get` and `set`. Then esbuild bundles dist/esm into one
// module per entry of package.json's `exports` and the chunks those share (dist/esm/chunks/):
// loading the whole package is then 17 modules instead of 78, which halves its import time
// (docs/packaging.md, "Size and load time"), and every entry shares the same classes. Each of
// those modules, converted to CommonJS and printed without comments, is dist/cjs.
// The declarations come from the source: nothing in dist/ is written by hand except
// dist/esm/package.json, which only sets the module format, and the stubs.
import { spawn } from 'node:child_process';
import { access, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `tsc -p <project>` from the repository root; rejects with the project name on failure. */
function compile(project) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`tsc -p ${project} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const started = performance.now();
await rm(join(root, 'dist'), { recursive: true, force: true });
await compile('tsconfig.build.esm.json').catch((error) => {
  console.error(`build: ${error.message}`);
  process.exit(1);
});
await dropDocsTheDeclarationsCarry();
await scopeTheClasses();
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await bundleTheEntries(manifest);
await writeTheCommonJsBuild();
await writeDeclarationStubs(manifest);
// Without "type": "module" Node would read dist/esm/*.js as CommonJS (the root package.json
// says "type": "commonjs"), and TypeScript's node16 resolution would type them as CommonJS.
// Bundlers (esbuild, webpack) take "sideEffects" from the nearest package.json, which for
// these files is this one, not the root's: without it here, an app importing only F64Vec
// gets all twelve vector classes and OptionVec (scripts/size.mjs checks this).
await mkdir(join(root, 'dist/esm'), { recursive: true });
const esmPackage = { type: 'module', sideEffects: false };
await writeFile(join(root, 'dist/esm/package.json'), JSON.stringify(esmPackage, null, 2) + '\n');
console.log(`build: dist/esm, dist/cjs and dist/types in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** The JavaScript modules under `dir`, as paths relative to it (`index.js`, `chunks/f64.js`). */
async function modulesIn(dir) {
  return (await readdir(dir, { recursive: true })).filter((path) => path.endsWith('.js'));
}

/**
 * What esbuild reads in `source`, comments and layout aside: its code with whitespace
 * minified, for the checks that a rewrite which should only drop comments changed nothing else.
 */
async function codeOf(source) {
  const { transformSync } = await import('esbuild');
  return transformSync(source, { target: 'es2022', minifyWhitespace: true, legalComments: 'none' }).code;
}

/** Every path under a condition named `condition` in `value` (package.json's `exports`, or a string named `key`). */
function conditionPaths(value, condition, key) {
  if (typeof value === 'string') return key === condition ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => conditionPaths(v, condition, k));
}

/**
 * Writes, for each declaration path package.json names under dist/esm or dist/cjs, a stub
 * that re-exports the same module of dist/types.
 */
async function writeDeclarationStubs(manifest) {
  const paths = new Set([...conditionPaths(manifest.exports, 'types'), ...conditionPaths(manifest.types, 'types', 'types')]);
  for (const path of paths) {
    const match = /^\.\/dist\/(esm|cjs)\/(.+)\.d\.ts$/.exec(path);
    if (match === null) throw new Error(`build: package.json names ${path}, which is not a .d.ts under dist/esm or dist/cjs`);
    const stub = join(root, path);
    const target = join(root, 'dist/types', `${match[2]}.js`);
    await access(join(root, 'dist/types', `${match[2]}.d.ts`)).catch(() => {
      throw new Error(`build: package.json names ${path}, but tsc emitted no dist/types/${match[2]}.d.ts`);
    });
    // A stub is in dist/esm or dist/cjs, so the path always starts with '../'.
    const specifier = relative(dirname(stub), target).split('\\').join('/');
    await mkdir(dirname(stub), { recursive: true });
    await writeFile(stub, `// The declarations are in dist/types, one copy for both builds (scripts/build.mjs).\nexport * from '${specifier}';\n`);
  }
}

/**
 * Rewrites each vector module of dist/esm (`generated/<id>-vec.js`) with `scopeIndexGuards`
 * (which throws, naming the file, for a module without the guards to scope) and every other
 * module that exports classes with `scopeExportedClasses`, and fails unless esbuild parses
 * each result.
 */
async function scopeTheClasses() {
  const { transformSync } = await import('esbuild');
  const { scopeExportedClasses, scopeIndexGuards } = createRequire(import.meta.url)('./guard-scope.cjs');
  const esm = join(root, 'dist/esm');
  let scoped = 0;
  for (const module of await modulesIn(esm)) {
    const file = join(esm, module);
    const source = await readFile(file, 'utf8');
    const isVector = /^generated[\\/][a-z0-9-]+-vec\.js$/.test(module);
    const rewritten = isVector ? scopeIndexGuards(source, `dist/esm/${module}`) : scopeExportedClasses(source, `dist/esm/${module}`);
    if (rewritten === source) continue;
    transformSync(rewritten, { format: 'esm', target: 'es2022', sourcefile: module });
    await writeFile(file, rewritten);
    if (isVector) scoped++;
  }
  if (scoped === 0) throw new Error('build: no vector module in dist/esm/generated');
}

/**
 * Replaces tsc's modules in dist/esm by esbuild's bundle of them: one module per ES module
 * entry of package.json's `exports` (`dist/esm/index.js`, `dist/esm/generated/f32.js`, ...),
 * at the same path, and the chunks the entries share in dist/esm/chunks/ (each class is in
 * one chunk, so the root entry and a subpath give the same classes). Not minified: the
 * shipped code stays readable, and its stack traces name the methods.
 */
async function bundleTheEntries(manifest) {
  const { build } = await import('esbuild');
  const esm = join(root, 'dist/esm');
  const entries = conditionPaths(manifest.exports, 'default').flatMap((path) => /^\.\/dist\/esm\/(.+)\.js$/.exec(path)?.[1] ?? []);
  if (entries.length === 0) throw new Error('build: package.json names no ES module entry under dist/esm');
  const staging = join(root, 'dist/esm-bundle');
  const { metafile } = await build({
    entryPoints: entries.map((entry) => ({ in: join(esm, `${entry}.js`), out: entry })),
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    metafile: true,
  });
  const names = chunkNames(metafile);
  const named = (text) => text.replace(/\bchunk-[A-Z0-9]+\.js\b/g, (file) => names.get(file) ?? file);
  for (const module of await modulesIn(esm)) await rm(join(esm, module));
  for (const module of await modulesIn(staging)) {
    const target = join(esm, named(module));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, named(await readFile(join(staging, module), 'utf8')));
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * Writes dist/cjs from the bundled dist/esm: each of its modules (entries and chunks) at the
 * same path, converted to CommonJS by esbuild (each `import` a `require` of the same
 * relative path) and printed without comments by TypeScript's printer, since dist/esm is
 * the commented copy. So `require` loads the same code in the same 17 modules as `import`,
 * and `require('slabvec/f32')` the classes of `require('slabvec')`. Fails unless esbuild
 * reads each printed module, comments aside, as it read the converted one.
 */
async function writeTheCommonJsBuild() {
  const { transformSync } = await import('esbuild');
  const ts = createRequire(import.meta.url)('typescript');
  const printer = ts.createPrinter({ removeComments: true });
  const esm = join(root, 'dist/esm');
  for (const module of await modulesIn(esm)) {
    const source = await readFile(join(esm, module), 'utf8');
    const converted = transformSync(source, { format: 'cjs', target: 'es2022', legalComments: 'none', sourcefile: module, logLevel: 'warning' }).code;
    const printed = printer.printFile(ts.createSourceFile(module, converted, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS));
    if ((await codeOf(printed)) !== (await codeOf(converted))) throw new Error(`build: printing dist/cjs/${module} without comments changed its code`);
    const target = join(root, 'dist/cjs', module);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, printed);
  }
}

/**
 * A readable file name for each chunk of esbuild's bundle (which names them all
 * `chunk-<hash>.js`), so that a stack trace or a reader of dist/esm/chunks/ sees what a chunk
 * holds: `f64.js` for a chunk of one element type's classes (`generated/f64-vec.js`,
 * `f64-ring.js`, ...), the name of its module for a chunk that is (almost: 80% of its bytes)
 * one module (`errors.js`), else `common.js` (`common-2.js`, ... by size). Keyed by esbuild's
 * file name.
 */
function chunkNames(metafile) {
  const names = new Map();
  const taken = new Set();
  const chunks = Object.entries(metafile.outputs).filter(([output, { entryPoint }]) => entryPoint === undefined && output.endsWith('.js'));
  for (const [output, { inputs, bytes }] of chunks.sort(([, a], [, b]) => b.bytes - a.bytes)) {
    const modules = Object.entries(inputs).sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
    if (modules.length === 0) throw new Error(`build: esbuild's chunk ${output} has no modules`);
    const elementIds = new Set(modules.map(([path]) => /generated\/([a-z0-9-]+?)-(?:vec|ring|history|deque)\.js$/.exec(path)?.[1]));
    let name = 'common';
    if (elementIds.size === 1 && !elementIds.has(undefined)) name = [...elementIds][0];
    else if (modules[0][1].bytesInOutput >= 0.8 * bytes) name = basename(modules[0][0], '.js');
    let file = `${name}.js`;
    for (let n = 2; taken.has(file); n++) file = `${name}-${n}.js`;
    taken.add(file);
    names.set(basename(output), file);
  }
  return names;
}

/**
 * Removes from each module of dist/esm every TSDoc block (on lines of its own) that the same
 * module's declarations in dist/types hold too, and checks with esbuild that the code is
 * unchanged.
 */
async function dropDocsTheDeclarationsCarry() {
  const normalized = (block) => block.split('\n').map((line) => line.trim()).join('\n');
  const esm = join(root, 'dist/esm');
  for (const module of await modulesIn(esm)) {
    const file = join(esm, module);
    const declarations = await readFile(join(root, 'dist/types', module.replace(/\.js$/, '.d.ts')), 'utf8').catch(() => '');
    const carried = new Set((declarations.match(/\/\*\*[\s\S]*?\*\//g) ?? []).map(normalized));
    const source = await readFile(file, 'utf8');
    const kept = source.replace(/^[ \t]*(\/\*\*[\s\S]*?\*\/)[ \t]*\n/gm, (line, block) => (carried.has(normalized(block)) ? '' : line));
    if (kept === source) continue;
    if ((await codeOf(kept)) !== (await codeOf(source))) throw new Error(`build: dropping the declarations' docs from dist/esm/${module} changed its code`);
    await writeFile(file, kept);
  }
}
