#!/usr/bin/env node
// `npm run test:pack`: installs the package the way a user gets it and uses it.
//   1. `npm run build` (skip with --no-build to test the dist/ already there)
//   2. `npm pack` into a temporary directory; checks the tarball's file list
//   3. a fresh project in os.tmpdir() installs the tarball (offline: it has no dependencies)
//   4. every path package.json points at (exports, main, module, types) and every source a
//      source map names exists in the installed package
//   5. Node runs an ES module (`import`) and a CommonJS file (`require`) that use slabvec
//   6. the repository's tsc type-checks a consumer twice: node16 (.mts and .cts) and bundler;
//      then the oldest TypeScript the package supports (MIN_TYPESCRIPT, a devDependency
//      alias) checks it both ways too, without skipLibCheck
// Any failure prints what failed and exits 1. Temporary files are removed (--keep keeps them).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { npmCommand } from './npm-command.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/**
 * The oldest TypeScript the declarations support (docs/packaging.md): 5.0, the first with
 * `const` type parameters, which the classes' `from`/`of`/`over` use. Installed as the
 * devDependency alias `typescript-5.0`.
 */
const MIN_TYPESCRIPT = { version: '5.0.4', tsc: createRequire(import.meta.url).resolve('typescript-5.0/bin/tsc') };
const args = new Set(process.argv.slice(2));
const started = performance.now();

/** Files the tarball must hold; a missing one fails the test. */
const REQUIRED_FILES = [
  'package.json', 'README.md', 'LICENSE',
  'dist/esm/package.json', 'dist/esm/index.js', 'dist/esm/index.d.ts',
  'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/types/index.d.ts',
];
/** Paths that must stay out of the tarball. */
const FORBIDDEN_FILE = /^(node_modules|__tests__|benchmarks|scripts|\.build|\.ci|docs\/api|coverage)\/|^tsconfig|\.tgz$/;

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };

/** Runs `npm <npmArgs>` in `cwd` (scripts/npm-command.mjs says which npm, with what environment). */
function npm(npmArgs, cwd) {
  const { file, prefix, env } = npmCommand();
  return run(file, [...prefix, ...npmArgs], cwd, env);
}

/** Runs a command; on failure, throws with its output. */
function run(file, fileArgs, cwd, env = process.env) {
  try {
    return execFileSync(file, fileArgs, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return commandFailed(file, fileArgs, cwd, error);
  }
}
/** `run`, without blocking, so that the two tsc checks share the CPUs. */
async function runAsync(file, fileArgs, cwd) {
  try {
    return (await promisify(execFile)(file, fileArgs, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    return commandFailed(file, fileArgs, cwd, error);
  }
}
function commandFailed(file, fileArgs, cwd, error) {
  const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
  const command = [file === process.execPath ? 'node' : file, ...fileArgs].join(' ');
  return fail(`\`${command}\` in ${cwd} failed (exit ${error.status ?? error.code})\n${output}`);
}

/** Runs one step (sync or async), printing its name and duration. */
async function step(name, action) {
  const t0 = performance.now();
  try {
    const result = await action();
    console.log(`pack-test: ok    ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    console.error(`pack-test: FAIL  ${name}\n${error instanceof Failure ? error.message : error.stack}`);
    throw new Failure(name);
  }
}

const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name));

// The consumers. Each one exercises push/get/view and a Slab, and checks that it was given
// the build its module system asks for.
/**
 * The consumers' checks of every vector class of the module object `exports` (an expression
 * of the consumer), which the build rewrites (function scopes, scripts/guard-scope.cjs):
 * `get` and `set`, a failure (which replaces get and set with their branch forms) whose stack
 * names the class as declared (bundled, a class shadowing a top-level name was renamed: at
 * F64Vec2.get), and both forms afterwards.
 */
function vectorClassChecks(exports) {
  return `let vectorClasses = 0;
for (const [name, Vec] of Object.entries(${exports})) {
  if (!name.endsWith('Vec') || typeof Vec.elementType !== 'string') continue;
  if (name === 'F16Vec' && typeof globalThis.Float16Array !== 'function') continue;
  const one = /^[iu]64$/.test(Vec.elementType) ? 1n : 1;
  const vec = new Vec(2);
  vec.push(one);
  assert.equal(vec.get(0), one);
  assert.throws(() => vec.get(1), (error) => error instanceof IndexError && error.stack.includes('    at ' + name + '.get ('), name + '.get(1), first');
  assert.throws(() => vec.get(1), IndexError, name + '.get(1)');
  assert.throws(() => vec.set(-1, one), IndexError, name + '.set(-1)');
  vec.set(0, one + one);
  assert.equal(vec.get(0), one + one, name + ' after a failed check');
  vectorClasses++;
}
assert.ok(vectorClasses >= 11, 'vector classes checked: ' + vectorClasses);`;
}

const ESM_CONSUMER = `
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { F64Vec, F16Vec, Slab, CapacityError, IndexError } from 'slabvec';
import * as everything from 'slabvec';
import { F64Vec as F64VecAlone, F64Ring } from 'slabvec/f64';
import { CapacityError as CapacityErrorAlone } from 'slabvec/errors';
import pkg from 'slabvec/package.json' with { type: 'json' };
assert.match(import.meta.resolve('slabvec'), /\\/dist\\/esm\\/index\\.js$/, "import 'slabvec' loaded " + import.meta.resolve('slabvec') + ', not dist/esm/index.js');
const v = new F64Vec(4);
v.push(1.5);
v.extend([-2, 0.25]);
assert.equal(v.get(1), -2);
assert.deepEqual(Array.from(v.view()), [1.5, -2, 0.25]);
assert.throws(() => v.extend([1, 2]), CapacityError);
const slab = new Slab(1024);
const w = slab.alloc(F64Vec, 8);
w.push(3);
assert.ok(w.view() instanceof Float64Array && w.view()[0] === 3);
// F16Vec needs Float16Array (Node 24+); without it the package still loads and making one throws.
if (typeof globalThis.Float16Array === 'function') {
  assert.deepEqual(Array.from(F16Vec.of(0.1, 70000).view()), [0.0999755859375, Infinity]);
  assert.ok(slab.alloc(F16Vec, 2).view() instanceof Float16Array);
} else {
  assert.throws(() => new F16Vec(2), { name: 'TypeError', message: /^F16Vec: this runtime has no Float16Array/ });
  assert.throws(() => slab.alloc(F16Vec, 2), { name: 'TypeError', message: /^Slab\.alloc: this runtime has no Float16Array/ });
}
assert.equal(pkg.name, 'slabvec');
// Every vector class as the build rewrote it (vectorClassChecks).
${vectorClassChecks('everything')}
// The subpath exports hold the root export's classes themselves, not copies.
assert.match(import.meta.resolve('slabvec/f64'), /\\/dist\\/esm\\/generated\\/f64\\.js$/);
assert.equal(F64VecAlone, F64Vec);
assert.equal(CapacityErrorAlone, CapacityError);
assert.equal(F64Ring.create(8).capacity, 8);
// The dual-package hazard: require() in an ES module loads the CommonJS build, another copy of
// every class. Mixing them fails, with a message that says why and what to do.
const required = createRequire(import.meta.url)('slabvec');
assert.notEqual(required.F64Vec, F64Vec);
const foreign = /from another copy of slabvec: its ES module and CommonJS builds .* load slabvec one way/;
assert.throws(() => v.add(required.F64Vec.of(1, 2, 3)), { name: 'TypeError', message: foreign });
assert.throws(() => v.add(1, new required.F64Vec(3)), { name: 'TypeError', message: foreign });
assert.throws(() => slab.alloc(required.F64Vec, 2), { name: 'TypeError', message: foreign });
console.log('esm ok');
`;
const CJS_CONSUMER = `
const assert = require('node:assert/strict');
const { F64Vec, F16Vec, Slab, IndexError } = require('slabvec');
assert.match(require.resolve('slabvec'), /[\\\\/]dist[\\\\/]cjs[\\\\/]index\\.js$/, "require('slabvec') loaded " + require.resolve('slabvec') + ', not dist/cjs/index.js');
// dist/cjs is dist/esm converted (scripts/build.mjs): the same checks, first (before a
// failed check of F64Vec below replaces its get).
${vectorClassChecks("require('slabvec')")}
const v = new F64Vec(2);
v.push(7);
assert.equal(v.get(0), 7);
assert.throws(() => v.get(1), IndexError);
assert.deepEqual(Array.from(v.view()), [7]);
const slab = new Slab(64);
assert.equal(slab.alloc(F64Vec, 2).capacity, 2);
if (typeof globalThis.Float16Array === 'function') assert.equal(F16Vec.from([1.5, 2]).sum(), 3.5);
else assert.throws(() => F16Vec.from([1.5, 2]), { name: 'TypeError', message: /^F16Vec\.from: this runtime has no Float16Array/ });
assert.equal(require('slabvec/package.json').name, 'slabvec');
assert.equal(require('slabvec/f64').F64Vec, F64Vec);
assert.equal(require('slabvec/errors').IndexError, IndexError);
assert.match(require.resolve('slabvec/f64'), /[\\\\/]dist[\\\\/]cjs[\\\\/]generated[\\\\/]f64\\.js$/);
assert.throws(() => require('slabvec/dist/cjs/index.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
console.log('cjs ok');
`;
const TS_CONSUMER = `
import { F64Vec, F32Vec, F16Vec, I64Vec, U8Vec, OptionVec, Slab, Table, CapacityError, type FixedVec, type NumVec } from 'slabvec';
import { F32Ring, F32Vec as F32VecAlone } from 'slabvec/f32';
import { RingHeaderError } from 'slabvec/errors';
const v: F64Vec<4> = new F64Vec(4);
const capacity: 4 = v.capacity;
v.push(1.5);
const first: number = v.get(0);
const view: Float64Array = v.view();
const asInterface: FixedVec<number, 4, Float64Array> = v;
// @ts-expect-error an F64Vec<4> is not an F64Vec<8>
const wrong: F64Vec<8> = v;
const big: FixedVec<bigint, 2, BigInt64Array> = I64Vec.of(1n, 2n);
const fromSlab: F64Vec = new Slab(1024).alloc(F64Vec, 16);
const isError: boolean = new Error() instanceof CapacityError;
// Whatever the lib, an F16Vec holds numbers and its view is indexable.
const half: F16Vec<2> = F16Vec.of(0.5, 2);
const halfFirst: number = half.get(0) + half.view()[1] + half.view().length;
const halfSlab: F16Vec<8> = new Slab(64).alloc(F16Vec, 8);
// A Table's columns are vectors of their classes; generic code takes any number vector.
const table = new Table(8, { x: F32Vec, kind: U8Vec });
const row: number = table.pushRow({ x: 1, kind: 2 });
const column: F32Vec<8> = table.cols.x;
const numeric: NumVec = column;
const options: OptionVec<number, 4> = new OptionVec(4);
const either = (w: F64Vec | F32Vec): number => w.add(1).sum();
// A subpath's classes are the root's: one type, assignable both ways.
const alone: F32Vec<8> = new F32VecAlone(8);
const ringSpace: number = F32Ring.create(16).producer().space;
const headerError: boolean = new Error() instanceof RingHeaderError;
export const used = [capacity, first, view, asInterface, wrong, big, fromSlab, isError, halfFirst, halfSlab, row, numeric, options, either, alone, ringSpace, headerError];
`;
/** Only where the lib declares Float16Array: F16Vec's views are the lib's own type. */
const TS_FLOAT16_CONSUMER = `
import { F16Vec, type FixedVec } from 'slabvec';
const real: Float16Array = F16Vec.of(1).view();
const ctor: Float16ArrayConstructor = F16Vec.Array;
const asInterface: FixedVec<number, 1, Float16Array> = F16Vec.of(1);
export const float16 = [real, ctor, asInterface];
`;
const TS_OPTIONS = { strict: true, noEmit: true, types: [], lib: ['ES2023'], target: 'ES2022', skipLibCheck: false, skipDefaultLibCheck: true };

let temp;
try {
  if (!args.has('--no-build')) await step('npm run build', () => npm(['run', '--silent', 'build'], root));
  temp = mkdtempSync(join(tmpdir(), 'slabvec-pack-'));

  const tarball = await step('npm pack', () => {
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', temp], root));
    const paths = packed.files.map((file) => file.path);
    const missing = REQUIRED_FILES.filter((path) => !paths.includes(path));
    if (missing.length > 0) fail(`the tarball lacks ${missing.join(', ')} (is dist/ built?)`);
    const forbidden = paths.filter((path) => FORBIDDEN_FILE.test(path));
    if (forbidden.length > 0) fail(`the tarball holds files it should not: ${forbidden.join(', ')}`);
    // The declarations ship once, in dist/types, with their TSDoc; dist/esm and dist/cjs hold
    // only the stubs package.json names (docs/packaging.md, "One copy of the declarations",
    // "Each comment ships once").
    const declarations = paths.filter((path) => path.endsWith('.d.ts'));
    const copies = declarations.filter((path) => !path.startsWith('dist/types/') && !/^export \* from '[./]+types\/[\w/-]+\.js';$/m.test(readFileSync(join(root, path), 'utf8')));
    if (copies.length > 0) fail(`declarations outside dist/types that are not stubs: ${copies.join(', ')}`);
    if (!readFileSync(join(root, 'dist/types/generated/f64-vec.d.ts'), 'utf8').includes('@throws')) fail('dist/types/generated/f64-vec.d.ts has lost its TSDoc');
    // The ES module build is bundled into one module per entry and the chunks they share, not
    // minified: the code stays readable and its stack traces name the methods (docs/packaging.md).
    const f64Chunk = paths.find((path) => path.startsWith('dist/esm/chunks/') && readFileSync(join(root, path), 'utf8').includes('pinName(this, "F64Vec")'));
    if (f64Chunk === undefined) fail('no chunk of dist/esm/chunks/ defines F64Vec');
    else if (f64Chunk !== 'dist/esm/chunks/f64.js') fail(`F64Vec is in ${f64Chunk}: the build names each element type's chunk after it (dist/esm/chunks/f64.js)`);
    else if (!/^ {4}push\(value\) \{$/m.test(readFileSync(join(root, f64Chunk), 'utf8'))) fail(`${f64Chunk} (F64Vec) is not readable code: no method push(value) on a line of its own`);
    const esmModules = paths.filter((path) => path.startsWith('dist/esm/') && path.endsWith('.js'));
    if (esmModules.length > 45) fail(`dist/esm has ${esmModules.length} modules: the build bundles it into its entries and their chunks`);
    const cjsModules = paths.filter((path) => path.startsWith('dist/cjs/') && path.endsWith('.js'));
    if (cjsModules.length !== esmModules.length) fail(`dist/cjs has ${cjsModules.length} modules, dist/esm ${esmModules.length}: the build converts each module of dist/esm`);
    const hashNamed = esmModules.filter((path) => /\/chunk-[A-Z0-9]+\.js$/.test(path));
    if (hashNamed.length > 0) fail(`chunks still named by esbuild's hash: ${hashNamed.join(', ')}`);
    // Every file the README links to ships, so that its links resolve on the registry's page;
    // the examples too, to be read (they import the repository's ../../src, not 'slabvec').
    for (const [, link] of readFileSync(join(root, 'README.md'), 'utf8').matchAll(/\]\(((?:docs|src)\/[^)#\s]+)/g)) {
      if (!paths.includes(link)) fail(`README.md links to ${link}, which is not in the tarball`);
    }
    console.log(`pack-test:       ${packed.filename}: ${paths.length} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`);
    return join(temp, packed.filename);
  });

  const project = join(temp, 'project');
  const installed = join(project, 'node_modules/slabvec');
  await step('npm install <tarball> in a fresh project', () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '0.0.0', private: true }));
    const install = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
    try {
      npm([...install, '--offline'], project);
    } catch {
      console.log('pack-test:       offline install failed; retrying with the registry');
      npm(install, project);
    }
    if (!existsSync(join(installed, 'package.json'))) fail('node_modules/slabvec/package.json is missing after the install');
  });

  await step('every path package.json names (and any source map) resolves in the package', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    if (Object.keys(pkg.dependencies ?? {}).length > 0) fail(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
    const targets = [];
    const collect = (value, where) => {
      if (typeof value === 'string') targets.push([where, value]);
      else for (const [key, inner] of Object.entries(value ?? {})) collect(inner, `${where}[${JSON.stringify(key)}]`);
    };
    collect(pkg.exports, 'exports');
    for (const field of ['main', 'module', 'types']) collect(pkg[field], field);
    if (!targets.some(([where]) => where.endsWith('["import"]["types"]')) || !targets.some(([where]) => where.endsWith('["require"]["types"]'))) {
      fail('exports["."] needs a "types" condition under both "import" and "require"');
    }
    for (const [where, target] of targets) {
      if (!existsSync(join(installed, target))) fail(`package.json ${where} -> ${target}: no such file in the package`);
    }
    for (const map of files(join(installed, 'dist')).filter((file) => file.endsWith('.map'))) {
      for (const source of JSON.parse(readFileSync(map, 'utf8')).sources) {
        if (!existsSync(resolve(dirname(map), source))) fail(`${relative(installed, map)} names ${source}, which is not in the package`);
      }
    }
  });

  await step('node: ES module imports slabvec', () => {
    writeFileSync(join(project, 'esm.mjs'), ESM_CONSUMER);
    run(process.execPath, ['esm.mjs'], project);
  });
  await step('node: CommonJS requires slabvec', () => {
    writeFileSync(join(project, 'cjs.cjs'), CJS_CONSUMER);
    run(process.execPath, ['cjs.cjs'], project);
  });

  /** Type-checks `files` with `options`; checks that tsc read the declarations in `expected`. */
  const typecheck = async (name, options, sources, expected, compiler = tsc) => {
    for (const [file, text] of Object.entries(sources)) writeFileSync(join(project, file), text);
    const config = `tsconfig.${name}.json`;
    writeFileSync(join(project, config), JSON.stringify({ compilerOptions: { ...TS_OPTIONS, ...options }, files: Object.keys(sources) }));
    const listed = await runAsync(process.execPath, [compiler, '-p', config, '--listFiles'], project).catch((error) => {
      // Keep tsc's diagnostics, drop the --listFiles lines (absolute paths) around them.
      throw new Failure(error.message.split('\n').filter((line) => !line.startsWith('/')).join('\n'));
    });
    for (const declaration of expected) {
      if (!listed.includes(join(installed, declaration))) {
        const read = listed.split('\n').filter((line) => line.startsWith(installed)).map((line) => relative(installed, line));
        fail(`tsc did not read ${declaration}; of slabvec it read: ${read.join(', ') || 'nothing'}`);
      }
    }
  };
  // The two checks run in parallel; each reads ~0.8 MB of declarations without skipLibCheck.
  const checks = await Promise.allSettled([
    step('tsc: module/moduleResolution node16 (.mts imports, .cts requires)', () =>
      typecheck('node16', { module: 'node16', moduleResolution: 'node16' },
        { 'consumer.mts': TS_CONSUMER, 'consumer.cts': TS_CONSUMER },
        ['dist/esm/index.d.ts', 'dist/cjs/index.d.ts', 'dist/esm/generated/f32.d.ts', 'dist/cjs/generated/f32.d.ts', 'dist/types/index.d.ts'])),
    // With the float16 lib, so that both sides of Float16ArrayType (docs/packaging.md) are checked.
    step('tsc: module esnext + moduleResolution bundler, lib ES2023 + es2025.float16 (and slabvec/package.json)', () =>
      typecheck('bundler', { module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, lib: ['ES2023', 'es2025.float16'] },
        { 'consumer.ts': `${TS_CONSUMER}\nimport pkg from 'slabvec/package.json';\nexport const name: string = pkg.name;\n`, 'float16.ts': TS_FLOAT16_CONSUMER },
        ['dist/esm/index.d.ts', 'dist/esm/generated/f32.d.ts', 'package.json'])),
  ]);
  for (const check of checks) if (check.status === 'rejected') throw check.reason;
  // The oldest supported TypeScript: no float16 lib (it predates it), so F16Vec's types take
  // their stand-in (docs/packaging.md).
  const installedVersion = JSON.parse(readFileSync(join(dirname(dirname(MIN_TYPESCRIPT.tsc)), 'package.json'), 'utf8')).version;
  if (installedVersion !== MIN_TYPESCRIPT.version) fail(`typescript-5.0 is ${installedVersion}, expected ${MIN_TYPESCRIPT.version}`);
  const oldest = await Promise.allSettled([
    step(`tsc ${MIN_TYPESCRIPT.version}: module/moduleResolution node16`, () =>
      typecheck('min-node16', { module: 'node16', moduleResolution: 'node16' },
        { 'consumer.mts': TS_CONSUMER, 'consumer.cts': TS_CONSUMER },
        ['dist/esm/index.d.ts', 'dist/cjs/index.d.ts'], MIN_TYPESCRIPT.tsc)),
    step(`tsc ${MIN_TYPESCRIPT.version}: module esnext + moduleResolution bundler`, () =>
      typecheck('min-bundler', { module: 'esnext', moduleResolution: 'bundler' },
        { 'consumer.ts': TS_CONSUMER },
        ['dist/esm/index.d.ts'], MIN_TYPESCRIPT.tsc)),
  ]);
  for (const check of oldest) if (check.status === 'rejected') throw check.reason;
} catch (error) {
  if (!(error instanceof Failure)) console.error(error);
  process.exitCode = 1;
} finally {
  if (temp && args.has('--keep')) console.log(`pack-test: kept ${temp}`);
  else if (temp) rmSync(temp, { recursive: true, force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(process.exitCode ? `pack-test: FAILED after ${seconds} s` : `pack-test: OK in ${seconds} s`);
