#!/usr/bin/env node
// `npm run build`: cleans dist/, compiles src/ twice with tsc (the two builds run in parallel),
// gives the CommonJS build the ES module build's declarations, and marks dist/esm as ES modules.
//   dist/esm  ES modules + .d.ts, comments kept   (tsconfig.build.esm.json)
//   dist/cjs  CommonJS without comments           (tsconfig.build.cjs.json)
//             + the .d.ts of dist/esm, copied (the same files tsc emits for it, with the TSDoc)
// The declarations come from the source: nothing in dist/ is written by hand except
// dist/esm/package.json, which only sets the module format.
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
// Both run to the end (no orphaned tsc when one fails), and every failure is reported.
const results = await Promise.allSettled([compile('tsconfig.build.esm.json'), compile('tsconfig.build.cjs.json')]);
const failures = results.filter((result) => result.status === 'rejected');
for (const { reason } of failures) console.error(`build: ${reason.message}`);
if (failures.length > 0) process.exit(1);
// The CommonJS build emits no declarations (tsconfig.build.cjs.json): it takes these, which
// tsc emitted byte for byte the same for both builds while both emitted them.
await cp(join(root, 'dist/esm'), join(root, 'dist/cjs'), { recursive: true, filter: (path) => !path.endsWith('.js') && !path.endsWith('package.json') });
// Without "type": "module" Node would read dist/esm/*.js as CommonJS (the root package.json
// says "type": "commonjs"), and TypeScript's node16 resolution would type them as CommonJS.
// Bundlers (esbuild, webpack) take "sideEffects" from the nearest package.json, which for
// these files is this one, not the root's: without it here, an app importing only F64Vec
// gets all twelve vector classes and OptionVec (scripts/size.mjs checks this).
await mkdir(join(root, 'dist/esm'), { recursive: true });
const esmPackage = { type: 'module', sideEffects: false };
await writeFile(join(root, 'dist/esm/package.json'), JSON.stringify(esmPackage, null, 2) + '\n');
console.log(`build: dist/esm and dist/cjs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
