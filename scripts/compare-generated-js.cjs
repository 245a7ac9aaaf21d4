#!/usr/bin/env node
// Whether a template change altered the JavaScript of the generated classes:
//
//   node scripts/compare-generated-js.cjs [REV]      (REV defaults to HEAD)
//
// compares, file by file, what esbuild emits (whitespace and comments dropped, nothing
// renamed) for src/generated/ at git revision REV and in the working tree. Use it for a
// change meant to touch only documentation or types: it exits 1 and shows the first
// difference of each file whose code changed.
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('esbuild');

const rev = process.argv[2] ?? 'HEAD';
const root = join(__dirname, '..');
const dir = 'src/generated';
const emit = (source) =>
  transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022', minifyWhitespace: true, legalComments: 'none' }).code;

let changed = 0;
for (const file of readdirSync(join(root, dir)).filter((name) => name.endsWith('.ts')).sort()) {
  const after = emit(readFileSync(join(root, dir, file), 'utf8'));
  let source;
  try {
    source = execFileSync('git', ['show', `${rev}:${dir}/${file}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // A class added since REV (a new element-table row) has nothing to compare with.
    console.log(`new file         ${file} (${after.length} bytes), not at ${rev}`);
    continue;
  }
  const before = emit(source);
  if (before === after) {
    console.log(`same JavaScript  ${file} (${after.length} bytes)`);
    continue;
  }
  changed++;
  const a = before.split(';');
  const b = after.split(';');
  let i = 0;
  while (a[i] === b[i]) i++;
  console.log(`CHANGED          ${file}, first at statement ${i + 1}:\n  ${rev}: ${a[i]}\n  now: ${b[i]}`);
}
process.exitCode = changed === 0 ? 0 : 1;
