/**
 * What the numbers were measured on, recorded with every report.
 *
 * @module
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** The machine, runtime and command of one run. */
export interface Environment {
  /** The command line as run: node flags, script, arguments. */
  readonly command: string;
  /** `process.version`. */
  readonly node: string;
  /** `process.versions.v8`. */
  readonly v8: string;
  /** `os.cpus()[0].model`. */
  readonly cpu: string;
  /** Logical cores. */
  readonly cores: number;
  /** Total memory in GiB. */
  readonly memoryGiB: number;
  /** `os.platform()` `os.release()` `os.arch()`. */
  readonly os: string;
  /** Versions of the benchmark's dependencies. */
  readonly packages: Readonly<Record<string, string>>;
  /** The commit of the working tree, with `+changes` when it has uncommitted changes. */
  readonly commit: string;
  /** ISO date of the run. */
  readonly date: string;
  /** 1-minute load average when the run started (other processes competing for the cores). */
  readonly loadAtStart: number;
}

function packageVersion(name: string): string {
  try {
    const path = join(process.cwd(), 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty === '' ? commit : `${commit}+changes`;
  } catch {
    return 'unknown';
  }
}

/**
 * Describes this run. `script` and `args` are the entry point and arguments as the user
 * gave them (run-ts.cjs replaces `process.argv` with the bundled file).
 */
export function describeEnvironment(script: string, args: readonly string[]): Environment {
  const cpus = os.cpus();
  return {
    command: ['node', ...process.execArgv, 'scripts/run-ts.cjs', script, ...args].join(' '),
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus.length > 0 ? cpus[0].model : 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    packages: { tinybench: packageVersion('tinybench'), mnemonist: packageVersion('mnemonist'), typescript: packageVersion('typescript'), esbuild: packageVersion('esbuild') },
    commit: gitCommit(),
    date: new Date().toISOString(),
    loadAtStart: os.loadavg()[0],
  };
}
