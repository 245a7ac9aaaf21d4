#!/usr/bin/env node
// Runs a TypeScript entry point on Node 20 (which cannot run .ts itself). esbuild bundles
// the entry with its relative imports into one ES module, except the library: every file
// of src/ is transformed on its own and imported as a module, as an application imports
// the package's dist/ build. Bundling would hoist the library's modules into one scope and
// turn their top-level `const`s into `var`s, which changes what the optimizing compiler can
// assume (docs/design.md, "Index checks"), so the benchmarks would not measure what users
// run. Packages stay external, so tinybench (ESM only) and mnemonist load as published.
// Each run writes to its own folder under .build/ (runs may overlap) and removes it at exit.
'use strict';
const { build, transformSync } = require('esbuild');
const { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { basename, dirname, join, relative, resolve, sep } = require('node:path');
const { pathToFileURL } = require('node:url');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.cjs <entry.ts> [args...]');
  process.exit(2);
}
const root = resolve(__dirname, '..');
const srcDir = join(root, 'src');
const outDir = join(root, '.build', `run-${process.pid}`);
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

/** Every .ts file under `dir`. */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return tsFiles(path);
    return item.name.endsWith('.ts') && !item.name.endsWith('.d.ts') ? [path] : [];
  });
}

// The library, file by file (its imports already name the .js files they become). A file
// that does not compile becomes a module that throws when imported, so that a broken
// generated class cannot stop the generator that rewrites it (it imports none of them).
const libraryOut = join(outDir, 'src');
for (const file of tsFiles(srcDir)) {
  const target = join(libraryOut, relative(srcDir, file)).replace(/\.ts$/, '.js');
  let code;
  try {
    code = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: file }).code;
  } catch (error) {
    code = `throw new SyntaxError(${JSON.stringify(`${relative(root, file)} does not compile: ${error.message}`)});\n`;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
}
writeFileSync(join(libraryOut, 'package.json'), '{ "type": "module" }\n');

/** Resolves imports of the library's sources to its transformed modules, left unbundled. */
const libraryAsModules = {
  name: 'library-as-modules',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!(target === srcDir || target.startsWith(srcDir + sep))) return undefined;
      const file = relative(srcDir, target).replace(/\.ts$/, '.js').replace(/^(?!.*\.js$)(.*)$/, '$1.js');
      return { path: `./src/${file.split(sep).join('/')}`, external: true };
    });
  },
};

const outfile = join(outDir, basename(entry).replace(/\.[cm]?ts$/, '.mjs'));
mkdirSync(outDir, { recursive: true });
// Plugins need esbuild's asynchronous API.
build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [libraryAsModules],
  sourcemap: 'inline',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __slabvecCreateRequire } from 'node:module'; const require = __slabvecCreateRequire(import.meta.url);" },
})
  .then(() => {
    process.argv = [process.argv[0], outfile, ...args];
    return import(pathToFileURL(outfile).href);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
