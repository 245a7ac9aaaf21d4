/**
 * Where F64Vec's time goes on the loops the goals name (push, get, set, pop): the suite's
 * method (separately compiled loops, tinybench, paired interleaved rounds, medians) applied
 * to the raw baselines, the library's F64Vec and the prototype variants of `variants.ts`.
 *
 * ```sh
 * node --expose-gc scripts/run-ts.cjs benchmarks/investigate.ts [capacity ...]
 * ```
 *
 * Prints one table of median ratios to the raw Float64Array; writes nothing.
 *
 * @module
 */

import type { Mode } from './config.js';
import { exerciseAllElementTypes } from './exercise.js';
import { formatCapacity, formatRatio } from './format.js';
import { IMPLEMENTATIONS, type Implementation } from './implementations.js';
import { VEC_FAMILY } from './loops-vec.js';
import { OPERATIONS } from './operations.js';
import { runSpeed } from './runner.js';
import type { VecLike } from './state.js';
import { LibraryCopy, PlainFields, StoreFirst, Unchecked } from './variants.js';

/** A variant class as an implementation of the slabvec-interface family (it has the methods those loops call). */
function variant(id: string, description: string, create: (capacity: number) => unknown): Implementation {
  return { id, description, kind: 'f64', baseline: false, family: VEC_FAMILY as never, create: create as (capacity: number) => VecLike };
}

const capacities = process.argv.slice(2).map(Number);
const mode: Mode = {
  name: 'full',
  capacities: capacities.length > 0 ? capacities : [1024, 1_000_000],
  rounds: 9,
  warmupRounds: 1,
  taskTimeMs: 30,
  taskIterations: 3,
  warmupTimeMs: 10,
  warmupEveryRound: false,
  warmupIterations: 1,
  elementsPerCall: 1 << 16,
  memoryElements: 0,
  gcLoopOperations: 0,
  writesDocs: false,
};
const pick = (id: string): Implementation => IMPLEMENTATIONS.find((i) => i.id === id)!;
const impls = [
  pick('raw f64'),
  pick('field f64'),
  pick('F64Vec'),
  variant('LibraryCopy', 'the library hot paths, copied', (c) => new LibraryCopy(c)),
  variant('PlainFields', 'LibraryCopy with ordinary fields', (c) => new PlainFields(c)),
  variant('StoreFirst', 'LibraryCopy with push writing before its capacity check', (c) => new StoreFirst(c)),
  variant('Unchecked', 'no checks', (c) => new Unchecked(c)),
];
const ops = OPERATIONS.filter((op) => ['push', 'get', 'set', 'pop'].includes(op.id));

exerciseAllElementTypes();
const speed = runSpeed(mode, (line) => process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`), impls, ops);
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const head = ['implementation', ...mode.capacities.flatMap((c) => ops.map((op) => `${op.id} ${formatCapacity(c)}`))];
const rows = impls.map((impl) => [
  impl.id,
  ...mode.capacities.flatMap((c) => ops.map((op) => formatRatio(speed.cells.find((x) => x.impl === impl.id && x.op === op.id && x.capacity === c)?.ratio ?? Number.NaN))),
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
console.log(`median of ${mode.rounds} paired rounds, ratio to raw f64; sink ${speed.sink}`);
