/**
 * A regression guard that does not depend on timing: the machine code V8's optimizing
 * compiler makes of a summing `get` loop and a filling `set` loop over an F64Vec must have
 * the shape of the same loops over a raw Float64Array (docs/design.md, "Index checks"):
 * as many element loads or stores, which is the signature of a loop that V8 peeled, and
 * unrolled where it unrolls the raw loop (a failure path left in the loop, a call or a
 * deoptimization exit, blocks both). A new engine release that breaks the guard design
 * fails here, in the engine matrix, instead of silently slowing users down. Calls are not
 * compared: the stack checks and allocations outside the loop vary with the environment.
 *
 * It reads V8's own output (`--print-opt-code`), which needs the disassembler that Node's
 * release builds include; where that output is missing the test says so and fails. V8 11.3
 * (Node 20) compiles the F64Vec loops with an extra bounds-check path and is not held to
 * the raw shape: there the test only checks that the loops were optimized.
 *
 * The same loops are checked twice: with the library loaded as its modules, and bundled
 * with it into one file by esbuild (`support/bundle-shape-probe.mjs`), which rewrites every
 * module's top-level `const` to `var`. The build moves each vector class and its guards
 * into a function scope so that the guard stays a constant there too
 * (`scripts/guard-scope.cjs`); without that, the bundled loops had 2 element accesses
 * against the raw loops' 5 on Node 24.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const V8_MAJOR = Number(process.versions.v8.split('.')[0]);

/** What one optimized function's machine code holds. */
interface Shape {
  /** Loads or stores of a double at an indexed address: the element accesses. */
  readonly elementLoads: number;
  readonly elementStores: number;
}

/** How the probe loads the library: its modules from src/, or one esbuild bundle of probe and library. */
type Loading = 'modules' | 'bundled';

/** Runs the probe under V8's code printer and parses the code of every `shape_*` function. */
function probe(loading: Loading): Map<string, Shape> {
  // V8 writes the code to a file of its own: on a pipe it interleaves with the program's
  // output and loses parts of it.
  const dir = mkdtempSync(join(tmpdir(), 'slabvec-shape-'));
  const traces = join(dir, 'code.asm');
  let entry = ['scripts/run-ts.cjs', '__tests__/support/shape-probe.ts'];
  if (loading === 'bundled') {
    const bundle = join(dir, 'probe.mjs');
    const bundling = spawnSync(process.execPath, ['__tests__/support/bundle-shape-probe.mjs', bundle], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(bundling.stderr).toBe('');
    expect(bundling.status).toBe(0);
    entry = [bundle];
  }
  const run = spawnSync(
    process.execPath,
    [
      '--allow-natives-syntax',
      // No on-stack replacement and no background compilation: one compilation per loop.
      '--no-use-osr',
      '--no-concurrent-recompilation',
      '--print-opt-code',
      '--print-opt-code-filter=shape_*',
      '--redirect-code-traces',
      `--redirect-code-traces-to=${traces}`,
      ...entry,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('SHAPE-PROBE');
  const code = readFileSync(traces, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const shapes = new Map<string, Shape>();
  // The last compilation of a function wins (there is one per loop, see the flags).
  for (const block of code.split('--- Optimized code ---').slice(1)) {
    const name = /\nname = (shape_\w+)/.exec(block)?.[1];
    if (name === undefined || !/\nkind = TURBOFAN/.test(block)) continue;
    const body = (block.split('Instructions')[1] ?? '').split('Safepoints')[0] ?? '';
    const instructions = body
      .split('\n')
      .filter((l) => /^0x[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+/.test(l))
      .map((l) => l.replace(/^0x[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+/, ''));
    // An indexed address, [base+index*scale], the form of a typed-array element access; a
    // load may be folded into the arithmetic that uses it (vaddsd xmm0,xmm0,[...]).
    const indexed = '\\[[a-z0-9]+\\+[a-z0-9]+\\*[18](?:[+-]0x[0-9a-f]+)?\\]';
    const load = new RegExp(`^v?[a-z]+sd xmm\\d+,(?:xmm\\d+,)?${indexed}`);
    const store = new RegExp(`^v?movsd ${indexed},xmm\\d+`);
    shapes.set(name, {
      elementLoads: instructions.filter((i) => load.test(i)).length,
      elementStores: instructions.filter((i) => store.test(i)).length,
    });
  }
  return shapes;
}

describe.each<Loading>(['modules', 'bundled'])(`optimized code of F64Vec loops on V8 ${process.versions.v8}, the library loaded as %s`, (loading) => {
  const shapes = probe(loading);
  const shape = (name: string): Shape => {
    const found = shapes.get(name);
    if (found === undefined) throw new Error(`no TurboFan code printed for ${name}: not optimized, or no --print-opt-code in this build`);
    return found;
  };

  it('the raw loops were optimized and printed', () => {
    expect(shape('shape_get_raw').elementLoads).toBeGreaterThan(0);
    expect(shape('shape_set_raw').elementStores).toBeGreaterThan(0);
  });

  const heldToRaw = V8_MAJOR >= 12 ? it : it.skip;

  heldToRaw('a get loop over an F64Vec makes as many element loads as the raw loop (peeled and unrolled alike)', () => {
    expect(shape('shape_get_vec').elementLoads).toBe(shape('shape_get_raw').elementLoads);
  });

  heldToRaw('a set loop over an F64Vec makes as many element stores as the raw loop (peeled and unrolled alike)', () => {
    expect(shape('shape_set_vec').elementStores).toBe(shape('shape_set_raw').elementStores);
  });
});
