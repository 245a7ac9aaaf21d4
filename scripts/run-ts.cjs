#!/usr/bin/env node
// Runs a TypeScript entry point on Node 20 (which cannot run .ts itself): esbuild bundles
// it, with its relative imports, into one ES module under .build/, then Node runs that.
// Packages stay external, so tinybench (ESM only) and mnemonist load as published.
'use strict';
const { buildSync } = require('esbuild');
const { join, resolve, basename } = require('node:path');
const { pathToFileURL } = require('node:url');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.cjs <entry.ts> [args...]');
  process.exit(2);
}
const root = resolve(__dirname, '..');
const outfile = join(root, '.build', basename(entry).replace(/\.[cm]?ts$/, '.mjs'));
buildSync({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __slabvecCreateRequire } from 'node:module'; const require = __slabvecCreateRequire(import.meta.url);" },
});
process.argv = [process.argv[0], outfile, ...args];
import(pathToFileURL(outfile).href).catch((error) => {
  console.error(error);
  process.exit(1);
});
