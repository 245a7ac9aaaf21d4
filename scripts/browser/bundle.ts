/**
 * Builds the browser bundles of the test suite with esbuild, into `.build/browser/`:
 *
 * - `files/NAME.js`: one entry per suite file (`__tests__/**\/*.test.ts` that can run in a
 *   browser, and `__tests__/browser/*.browser.ts`), which loads the in-page runner and then
 *   the file; code shared by the entries (slabvec, fast-check, `expect`, the support
 *   modules) is split into common chunks, so each page loads the same few files;
 * - `assets/NAME.js`: each `*.worker.ts` and `*.worklet.ts` of `__tests__/browser/` and of
 *   `docs/examples/` (the audio pipeline example's, which a browser test runs), bundled whole
 *   (slabvec included) as one classic script, for `new Worker(url)` and
 *   `audioWorklet.addModule(url)`.
 *
 * The vector modules are bundled as `npm run build` ships them in dist/esm (rewritten by
 * `scripts/guard-scope.cjs`), so the suite runs in Chromium the code an application bundles.
 *
 * Which suite files run is decided from the files themselves, so that a new or rewritten
 * test file is picked up without a list to maintain: a first esbuild pass (no output)
 * lists the Node built-in modules each file reaches, directly or through what it imports.
 * A file reaching only `node:util`, `node:v8` or `node:vm` runs, with the shims in
 * `shims/`; a file reaching any other built-in (fs, child_process, worker_threads, os,
 * path, ...) is excluded, and the report names the modules. So is a file that calls Jest's
 * module registry (`jest.isolateModules`, `jest.mock`, ...), which a bundle cannot provide.
 * Node built-ins reached by Jest's own packages (`expect` reads path, url, process, fs...)
 * are shimmed for the runner only: a suite file importing `node:path` is still excluded.
 *
 * @module
 */

import { build, type Plugin } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { scopedGuardsPlugin } from '../guard-scope.cjs';

/** The repository root: the nearest directory up from the working directory whose package.json names slabvec. */
function findRoot(): string {
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'slabvec') return dir;
    if (dirname(dir) === dir) throw new Error('run from inside the slabvec repository (no package.json named slabvec found)');
  }
}

/** The repository root. */
export const ROOT = findRoot();
const SCRIPTS = join(ROOT, 'scripts/browser');
const SHIMS = join(SCRIPTS, 'shims');
const TESTS = join(ROOT, '__tests__');
const BROWSER_TESTS = join(TESTS, 'browser');
const EXAMPLES = join(ROOT, 'docs/examples');

/**
 * Jest features a bundle cannot provide: a module registry that can load a fresh copy of a
 * module (or a mock) at run time. A suite file using one is excluded, naming it.
 */
const MODULE_REGISTRY_APIS = /\bjest\.(isolateModules|isolateModulesAsync|resetModules|mock|doMock|unmock|requireActual|requireMock|createMockFromModule)\b/g;

/** Built-ins a suite file may reach: their shims do what the suite needs of them. */
const TEST_SHIMS = new Set(['util', 'util/types', 'v8', 'vm']);

/** Each shimmed built-in (and `graceful-fs`, which Jest's packages use for fs) and its shim. */
const SHIM_FILES: Record<string, string> = {
  util: 'util.ts',
  'util/types': 'util-types.ts',
  v8: 'v8.ts',
  vm: 'vm.ts',
  path: 'path.ts',
  url: 'url.ts',
  fs: 'fs.ts',
  'graceful-fs': 'fs.ts',
  process: 'process.ts',
  assert: 'assert.ts',
  module: 'module.ts',
};

/** One page of the run: a suite file and its bundle entry. */
export interface SuiteFile {
  /** The file, relative to the repository: `__tests__/model.test.ts`. */
  readonly file: string;
  /** The entry's name: the page loads `/files/<entry>.js`. */
  readonly entry: string;
}

/** A suite file that does not run in the browser, and why. */
export interface ExcludedFile {
  readonly file: string;
  readonly reason: string;
}

/** What {@link buildBrowserSuite} produced. */
export interface BrowserBuild {
  /** The directory the server serves (`.build/browser`). */
  readonly outdir: string;
  readonly files: SuiteFile[];
  readonly excluded: ExcludedFile[];
}

/** The options of {@link buildBrowserSuite}. */
export interface BuildOptions {
  /** Only suite files whose path contains one of these (all when empty). */
  readonly filters: readonly string[];
  /** Also build a file with one failing test, to see the harness report a failure. */
  readonly injectFailure: boolean;
}

const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/** `node:fs/promises` → `fs/promises`; null for a specifier that is not a Node built-in. */
function builtinName(specifier: string): string | null {
  const name = specifier.replace(/^node:/, '');
  return builtins.has(name) || builtins.has(name.split('/')[0]) ? name : null;
}

function listFiles(dir: string, suffix: string, recurse: boolean): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recurse && path !== BROWSER_TESTS && entry.name !== 'types' && entry.name !== 'support') out.push(...listFiles(path, suffix, recurse));
    } else if (entry.name.endsWith(suffix)) {
      out.push(path);
    }
  }
  return out.sort();
}

/** Marks every Node built-in external, so that the first pass can list them per file. */
const externalBuiltins: Plugin = {
  name: 'external-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_:/-]+$/ }, (args) => {
      const name = builtinName(args.path);
      return name === null ? undefined : { path: `node:${name}`, external: true };
    });
  },
};

/** Sends each shimmed built-in to its shim; any other built-in is an error naming the importer. */
const shimBuiltins: Plugin = {
  name: 'shim-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_:/-]+$/ }, (args) => {
      const name = args.path === 'graceful-fs' ? 'graceful-fs' : builtinName(args.path);
      if (name === null) return undefined;
      const shim = SHIM_FILES[name];
      if (shim === undefined) return { errors: [{ text: `the Node built-in '${args.path}' has no browser shim (imported by ${relative(ROOT, args.importer)})` }] };
      return { path: join(SHIMS, shim) };
    });
  },
};

/** The vector modules as the ES module build ships them (`scripts/guard-scope.cjs`). */
const shippedVectorModules = scopedGuardsPlugin();

/** The entry modules, generated: the runner first, then the suite file through a dynamic import. */
function entryPlugin(entries: Map<string, string>): Plugin {
  return {
    name: 'suite-entries',
    setup(b) {
      b.onResolve({ filter: /^suite-entry:/ }, (args) => ({ path: args.path.slice('suite-entry:'.length), namespace: 'suite-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'suite-entry' }, (args) => {
        const source = entries.get(args.path)!;
        const runner = join(SCRIPTS, 'page/runner.ts');
        return {
          contents: `import { runFile } from ${JSON.stringify(runner)};\nrunFile(${JSON.stringify(relative(ROOT, source))}, () => import(${JSON.stringify(source)}));\n`,
          loader: 'js',
          resolveDir: ROOT,
        };
      });
    },
  };
}

/** The Node built-ins a suite file imports itself, and those its bundle reaches in all. */
interface Reached {
  readonly direct: string[];
  readonly all: string[];
}

/** Lists, per suite file, the Node built-ins it imports and those its bundle reaches. */
async function builtinsPerFile(files: string[]): Promise<Map<string, Reached>> {
  const result = await build({
    entryPoints: files,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    outdir: join(ROOT, '.build/browser-analysis'),
    logLevel: 'silent',
    plugins: [externalBuiltins],
  });
  const names = (imports: { path: string; external?: boolean }[]) =>
    [...new Set(imports.filter((i) => i.external && i.path.startsWith('node:')).map((i) => i.path.slice('node:'.length)))].sort();
  const perFile = new Map<string, Reached>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const input = result.metafile.inputs[output.entryPoint];
    perFile.set(resolve(ROOT, output.entryPoint), { direct: names(input?.imports ?? []), all: names(output.imports) });
  }
  return perFile;
}

const common = {
  bundle: true,
  platform: 'browser' as const,
  target: 'es2022',
  sourcemap: true,
  // Class names as written (`F64Vec`, not the `_F64Vec` esbuild's renaming would give):
  // the suite checks them, and the library's own builds keep them.
  keepNames: true,
  logLevel: 'warning' as const,
  inject: [join(SHIMS, 'node-globals.ts')],
  // Jest's packages read process.env.NODE_ENV and friends through the injected `process`.
  // jest-message-util reads __dirname at load.
  define: { 'process.env.NODE_ENV': '"test"', __dirname: '"/"', __filename: '"/index.js"' },
};

/**
 * Chooses the suite files, bundles them, the browser tests and their workers and worklets.
 *
 * @param options - which files, and whether to add the injected failure.
 */
export async function buildBrowserSuite(options: BuildOptions): Promise<BrowserBuild> {
  const outdir = join(ROOT, '.build/browser');
  rmSync(outdir, { recursive: true, force: true });

  const wanted = (file: string) => options.filters.length === 0 || options.filters.some((f) => relative(ROOT, file).includes(f));
  const suiteFiles = listFiles(TESTS, '.test.ts', true).filter(wanted);
  const browserFiles = listFiles(BROWSER_TESTS, '.browser.ts', false).filter(wanted);
  if (options.injectFailure) browserFiles.push(join(SCRIPTS, 'page/injected-failure.ts'));

  const excluded: ExcludedFile[] = [];
  const included: string[] = [];
  const reached = suiteFiles.length > 0 ? await builtinsPerFile(suiteFiles) : new Map<string, Reached>();
  const list = (names: string[]) => names.map((n) => `node:${n}`).join(', ');
  for (const file of suiteFiles) {
    const { direct, all } = reached.get(file) ?? { direct: [], all: [] };
    const nodeOnly = all.filter((name) => !TEST_SHIMS.has(name));
    const directNodeOnly = direct.filter((name) => !TEST_SHIMS.has(name));
    const registry = [...new Set([...readFileSync(file, 'utf8').matchAll(MODULE_REGISTRY_APIS)].map((m) => `jest.${m[1]}`))];
    if (nodeOnly.length > 0) {
      const reason = directNodeOnly.length > 0 ? `needs Node: imports ${list(directNodeOnly)}` : `needs Node: reaches ${list(nodeOnly)} through its imports`;
      excluded.push({ file: relative(ROOT, file), reason });
    }
    else if (registry.length > 0) excluded.push({ file: relative(ROOT, file), reason: `needs Jest's module registry (${registry.join(', ')}), which a bundle has not` });
    else included.push(file);
  }

  const entries = new Map<string, string>();
  const files: SuiteFile[] = [];
  const used = new Set<string>();
  for (const file of [...included, ...browserFiles]) {
    let entry = basename(file).replace(/\.ts$/, '');
    while (used.has(entry)) entry = `${entry}_`;
    used.add(entry);
    entries.set(entry, file);
    files.push({ file: relative(ROOT, file), entry });
  }

  await build({
    ...common,
    entryPoints: [...entries.keys()].map((entry) => ({ in: `suite-entry:${entry}`, out: entry })),
    outdir: join(outdir, 'files'),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [entryPlugin(entries), shimBuiltins, shippedVectorModules],
  });

  const assets = [BROWSER_TESTS, EXAMPLES].flatMap((dir) => [...listFiles(dir, '.worker.ts', false), ...listFiles(dir, '.worklet.ts', false)]);
  if (assets.length > 0) {
    await build({
      ...common,
      entryPoints: assets.map((file) => ({ in: file, out: basename(file).replace(/\.ts$/, '') })),
      outdir: join(outdir, 'assets'),
      format: 'iife',
      plugins: [shimBuiltins, shippedVectorModules],
    });
  }
  return { outdir, files, excluded };
}
