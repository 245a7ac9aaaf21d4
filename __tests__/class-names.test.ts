/**
 * Every exported class keeps its source name in an application's bundle. esbuild renames a
 * class whose name another scope of the bundle declares too (the vector classes inside the
 * build's function scopes became `F64Vec2`, classes with static blocks `_Slab`), and a
 * minifier renames every class; each exported class pins its `name` (src/class-name.ts).
 * `support/bundle-names-probe.mjs` bundles the root entry and a subpath, plain and
 * minified, and lists the exported functions whose `name` is not their export name, and
 * (unminified) the objects of internal classes (a ring's producer, a vector's iterator)
 * named otherwise: those are not pinned (a static block would keep an unused class in a
 * bundle), so each has a name of its own in the package, which a bundler has no cause to change.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as slabvec from '../src/index.js';

interface Probe {
  readonly functions: number;
  readonly renamed: readonly string[];
  /** Unminified: how many objects of internal classes were made, and those whose class is named otherwise. */
  readonly checked?: number;
  readonly internal?: readonly string[];
}

describe('class names in bundles', () => {
  let probes: Record<string, Probe>;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'slabvec-names-'));
    try {
      const run = spawnSync(process.execPath, ['__tests__/support/bundle-names-probe.mjs', dir], { encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      probes = JSON.parse(run.stdout) as Record<string, Probe>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  const exportedFunctions = Object.entries(slabvec).filter(([, value]) => typeof value === 'function');

  it('names every exported class by its export name in the sources', () => {
    expect(exportedFunctions.length).toBeGreaterThan(50);
    expect(exportedFunctions.filter(([name, value]) => (value as { name: string }).name !== name)).toEqual([]);
  });

  it.each(['root', 'root minified', 'f32', 'f32 minified'])('keeps every name in the %s bundle', (entry) => {
    const probe = probes[entry]!;
    expect(probe.renamed).toEqual([]);
    expect(probe.functions).toBe(entry.startsWith('root') ? exportedFunctions.length : 4);
  });

  // 12 rings x 4 objects and 12 vectors x 2 iterators (11 of each without Float16Array),
  // an OptionVec iterator and a table's row object; for slabvec/f32: 4 + 2.
  const internalObjects = { root: typeof globalThis.Float16Array === 'function' ? 74 : 68, f32: 6 };

  it.each(['root', 'f32'] as const)('names the classes of the objects users get in the %s bundle', (entry) => {
    const probe = probes[entry]!;
    expect(probe.internal).toEqual([]);
    expect(probe.checked).toBe(internalObjects[entry]);
  });
});
