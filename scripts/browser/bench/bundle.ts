/**
 * Builds the benchmark page for Chromium into `.build/bench-browser/`:
 *
 * - `lib/**.js`: the library, every file of `src/` transformed on its own (as
 *   `scripts/run-ts.cjs` does for Node) and loaded by the page as ES modules, the way an
 *   application imports the package's `dist/esm` build. Bundling would hoist the library's
 *   modules into one scope and turn their top-level `const`s into `var`s, which changes
 *   what the optimizing compiler can assume, so the page would not measure what the Node
 *   columns measure;
 * - `files/engines-page.js`: `page.ts` with the benchmark modules it reaches, tinybench and
 *   mnemonist bundled; imports of the library stay imports of `/lib/...`. The one Node
 *   built-in the benchmark modules reach, `node:perf_hooks`, is `perf-hooks.ts`; `process`
 *   (which the game-loop example reads to see whether it is the program being run) is the
 *   test harness's stand-in (`../shims/node-globals.ts`). Any other built-in is an error.
 *
 * The test harness's server (`../server.ts`) serves the directory: `/run/engines-page` is
 * the page, cross-origin isolated.
 *
 * @module
 */

import { build, transformSync, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../bundle';

/** The page's bundle entry name: the server's `/run/<ENTRY>` loads `/files/<ENTRY>.js`. */
export const PAGE_ENTRY = 'engines-page';

const SRC = join(ROOT, 'src');
const HERE = join(ROOT, 'scripts/browser/bench');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return tsFiles(path);
    return item.name.endsWith('.ts') && !item.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Imports of the library's sources become imports of its transformed modules under `/lib/`. */
const libraryAsModules: Plugin = {
  name: 'library-as-modules',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!(target === SRC || target.startsWith(SRC + sep))) return undefined;
      const file = relative(SRC, target).replace(/\.ts$/, '.js').replace(/^(?!.*\.js$)(.*)$/, '$1.js');
      return { path: `/lib/${file.split(sep).join('/')}`, external: true };
    });
  },
};

const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/** `node:perf_hooks` is the page's own; any other Node built-in is an error naming the importer. */
const pageBuiltins: Plugin = {
  name: 'page-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_:/-]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtins.has(name) && !builtins.has(name.split('/')[0])) return undefined;
      if (name === 'perf_hooks') return { path: join(HERE, 'perf-hooks.ts') };
      return { errors: [{ text: `the benchmark page cannot use the Node built-in '${args.path}' (imported by ${relative(ROOT, args.importer)})` }] };
    });
  },
};

/**
 * Builds the page and the library's modules.
 *
 * @returns the directory to serve.
 */
export async function buildBenchPage(): Promise<string> {
  const outdir = join(ROOT, '.build/bench-browser');
  rmSync(outdir, { recursive: true, force: true });
  for (const file of tsFiles(SRC)) {
    const target = join(outdir, 'lib', relative(SRC, file)).replace(/\.ts$/, '.js');
    const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: relative(ROOT, file) });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  await build({
    entryPoints: [{ in: join(HERE, 'page.ts'), out: PAGE_ENTRY }],
    outdir: join(outdir, 'files'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    inject: [join(ROOT, 'scripts/browser/shims/node-globals.ts')],
    plugins: [libraryAsModules, pageBuiltins],
  });
  return outdir;
}
