/**
 * A `Table` over a SharedArrayBuffer, shared with a worker thread: the worker (slabvec
 * bundled by support/worker-library.ts, as for slab-worker.test.ts) lays a
 * particle table out over the buffer, pushes rows and posts how many; the main thread
 * attaches with `Table.assumeInit` (the length handed over in the message) and reads every
 * row, and what it writes the worker then reads through its own table.
 */

import { Worker } from 'node:worker_threads';
import { F32Vec, I64Vec, Table, U8Vec } from '../src/index';
import { buildWorkerLibrary, type WorkerLibrary } from './support/worker-library';

const SCHEMA = { x: F32Vec, y: F32Vec, kind: U8Vec, id: I64Vec } as const;
const CAPACITY = 256;
const OFFSET = 16;

/** Row `i`'s values, computed the same way on both sides. */
const rowAt = (i: number): { x: number; y: number; kind: number; id: bigint } => ({ x: i * 0.5, y: -i - 0.25, kind: i % 7, id: BigInt(i) * 1000n + 1n });

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { Table, F32Vec, U8Vec, I64Vec } = require(workerData.libPath);
const rowAt = ${rowAt.toString()};
const table = Table.over(workerData.sab, ${OFFSET}, ${CAPACITY}, { x: F32Vec, y: F32Vec, kind: U8Vec, id: I64Vec });
for (let i = 0; i < 100; i++) table.pushRow(rowAt(i));
table.swapRemove(10); // row 99 moves into row 10
parentPort.on('message', () => parentPort.postMessage({ length: table.length, seen: table.getRow(3) }));
parentPort.postMessage({ length: table.length });
`;

describe('a Table over a SharedArrayBuffer, shared with a worker thread', () => {
  let library: WorkerLibrary;
  let worker: Worker;
  const sab = new SharedArrayBuffer(OFFSET + Table.bytesFor(CAPACITY, SCHEMA));
  const next = (): Promise<{ length: number; seen?: unknown }> =>
    new Promise((resolvePromise, reject) => {
      worker.once('message', resolvePromise);
      worker.once('error', reject);
    });
  let first: { length: number };

  beforeAll(async () => {
    library = buildWorkerLibrary('slabvec-table-worker-');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sab, libPath: library.libPath } });
    first = await next();
  }, 20_000);

  afterAll(async () => {
    if (worker !== undefined) await worker.terminate();
    library?.remove();
  });

  it('the main thread attaches with assumeInit and reads every row the worker wrote', () => {
    expect(first.length).toBe(99);
    const table = Table.assumeInit(sab, OFFSET, CAPACITY, SCHEMA, first.length);
    expect(table.length).toBe(99);
    const expected = Array.from({ length: 100 }, (_, i) => rowAt(i));
    expected[10] = expected.pop()!;
    for (let i = 0; i < 99; i++) expect({ ...table.getRow(i) }).toEqual({ ...expected[i], x: Math.fround(expected[i].x), y: Math.fround(expected[i].y) });
  });

  it('what the main thread writes, the worker reads through its own table', async () => {
    const table = Table.assumeInit(sab, OFFSET, CAPACITY, SCHEMA, first.length);
    table.setRow(3, { x: 42.5, id: -5n });
    worker.postMessage('read');
    const reply = await next();
    expect(reply.length).toBe(99);
    expect(reply.seen).toEqual({ ...rowAt(3), x: 42.5, y: Math.fround(rowAt(3).y), id: -5n });
  });

  it('assumeInit checks the length against the capacity', () => {
    expect(() => Table.assumeInit(sab, OFFSET, CAPACITY, SCHEMA, CAPACITY + 1)).toThrow(/^Table\.assumeInit: length must be an integer from 0 to 256/);
    expect(() => Table.assumeInit(sab, OFFSET + 1, CAPACITY, SCHEMA, 1)).toThrow(/^Table\.assumeInit: /);
  });
});
