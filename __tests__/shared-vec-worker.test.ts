/**
 * Vectors across real threads (`worker_threads`), issue 12 §3:
 *
 * - a `SharedVec` writer on the main thread publishing batches while three worker readers
 *   wait for each publish (`changed`, Atomics.wait), sync and sum: every sum must be the sum
 *   of exactly the published prefix, and the memory past it is poisoned with NaN, so a read
 *   past the published length would show in the sum. After the first batch the writer
 *   waits until every reader has synced once, so each sees at least two publishes however
 *   the threads are scheduled;
 * - a vector moved to a worker with `transfer()` and back: nothing copied, the sender's
 *   vector detached each time.
 */

import { Worker } from 'node:worker_threads';
import { DetachedError, F32Vec, F64Vec, SharedVec } from '../src/index';
import { buildWorkerLibrary, type WorkerLibrary } from './support/worker-library';

const READER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { SharedVec, F64Vec } = require(workerData.libPath);
const r = SharedVec.attach(workerData.descriptor, F64Vec);
const synced = new Int32Array(workerData.synced);
// From sequence 0, so that a reader attaching after the first publish still sees it at once.
let last = 0, syncs = 0, bad = 0, length = 0;
while (length < workerData.total) {
  r.changed(last, 5000);
  last = r.sequence;
  length = r.sync();
  syncs++;
  if (syncs === 1) Atomics.add(synced, 0, 1);
  const sum = r.vec.sum();
  if (sum !== (length * (length + 1)) / 2) bad++;
}
parentPort.postMessage({ syncs, bad, length });
`;

const MOVER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { F32Vec } = require(workerData.libPath);
parentPort.on('message', (message) => {
  const v = F32Vec.fromTransfer(message);
  const before = v.sum();
  v.push(100);
  v.scale(2);
  const back = v.transfer();
  parentPort.postMessage({ before, back }, [back.buffer]);
});
`;

/** The first message of `worker`, or its error. */
function firstMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('SharedVec and transfer across worker threads', () => {
  let library: WorkerLibrary;
  beforeAll(() => {
    library = buildWorkerLibrary('slabvec-sharedvec-');
  });
  afterAll(() => library?.remove());

  it('three readers never read past the published length while the writer appends and publishes', async () => {
    const total = 200_000;
    const w = SharedVec.create(F64Vec, total);
    // Poison: every element past the published length reads NaN until it is written.
    new Float64Array(w.descriptor().buffer, 64, total).fill(NaN);
    const synced = new Int32Array(new SharedArrayBuffer(4));
    const readers = Array.from({ length: 3 }, () => new Worker(READER_SOURCE, { eval: true, workerData: { libPath: library.libPath, descriptor: w.descriptor(), total, synced: synced.buffer } }));
    const results = readers.map((reader) => firstMessage<{ syncs: number; bad: number; length: number }>(reader));
    // Give the readers time to start waiting, then write in batches of uneven size.
    await new Promise((resolve) => setTimeout(resolve, 300));
    let next = 1;
    for (let batch = 1; next <= total; batch = (batch * 7 + 3) % 997) {
      const end = Math.min(total, next + batch);
      for (; next <= end; next++) w.vec.push(next);
      w.publish();
      if (w.sequence === 1) {
        // Every reader has seen the first publish before the second one happens.
        const deadline = Date.now() + 10_000;
        while (Atomics.load(synced, 0) < readers.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (w.sequence % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const reports = await Promise.all(results);
    await Promise.all(readers.map((reader) => reader.terminate()));
    for (const report of reports) {
      expect(report).toMatchObject({ bad: 0, length: total });
      expect(report.syncs).toBeGreaterThan(1);
    }
  }, 30_000);

  it('a vector moves to a worker and back with transfer(); each sender is left detached', async () => {
    const worker = new Worker(MOVER_SOURCE, { eval: true, workerData: { libPath: library.libPath } });
    const v = new F32Vec(16);
    v.extend([1, 2, 3]);
    const message = v.transfer();
    const reply = firstMessage<{ before: number; back: ReturnType<F32Vec['transfer']> }>(worker);
    worker.postMessage(message, [message.buffer]);
    const { before, back } = await reply;
    await worker.terminate();
    expect(before).toBe(6);
    expect(() => v.sum()).toThrow(DetachedError);
    const home = F32Vec.fromTransfer(back);
    expect([home.toArray(), home.capacity]).toEqual([[2, 4, 6, 200], 16]);
  }, 20_000);
});
