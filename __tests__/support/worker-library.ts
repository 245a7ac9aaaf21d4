/**
 * slabvec for a worker thread: src/index.ts bundled with esbuild into a CommonJS file in a
 * fresh temporary folder, which a worker's source `require`s (slab-worker.test.ts,
 * table-worker.test.ts).
 */

import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The bundled library: `libPath` to require, `remove()` to delete its folder. */
export interface WorkerLibrary {
  readonly libPath: string;
  remove(): void;
}

/** Bundles the library into a new temporary folder named after `prefix`. */
export function buildWorkerLibrary(prefix: string): WorkerLibrary {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const libPath = join(dir, 'slabvec.cjs');
  buildSync({
    entryPoints: [resolve(__dirname, '../../src/index.ts')],
    outfile: libPath,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return { libPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
