/**
 * `SharedTable` across real threads (`worker_threads`): a physics worker appends rows in
 * uneven batches and publishes after each while the main thread waits (`changedAsync`),
 * syncs and sums two columns, which must be the sums over exactly the published rows every
 * time (a row read past the published length, or a published row not yet visible, would
 * change them). After its first batch the worker waits at a gate until the main thread has
 * synced once, so the main thread sees at least two publishes however the threads are
 * scheduled; the rest runs freely.
 */

import { Worker } from 'node:worker_threads';
import { F32Vec, SharedTable, U32Vec } from '../src/index';
import { buildWorkerLibrary, type WorkerLibrary } from './support/worker-library';

const PHYSICS_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { SharedTable, F32Vec, U32Vec } = require(workerData.libPath);
const gate = new Int32Array(workerData.gate);
const w = SharedTable.create(workerData.total, { x: F32Vec, vx: F32Vec, id: U32Vec });
parentPort.postMessage(w.descriptor());
const row = w.table.newRow();
row.vx = 0.5;
let id = 0;
for (let batch = 1; id < workerData.total; batch = (batch * 7 + 3) % 97) {
  for (let k = 0; k < batch && id < workerData.total; k++, id++) {
    row.x = id;
    row.id = id;
    w.table.pushRow(row);
  }
  w.publish();
  Atomics.wait(gate, 0, 0); // returns at once when the gate is open
}
`;

describe('SharedTable across worker threads', () => {
  let library: WorkerLibrary;
  beforeAll(() => {
    library = buildWorkerLibrary('slabvec-sharedtable-');
  });
  afterAll(() => library?.remove());

  it('a physics worker appends and publishes; the main thread never reads a row past the published length', async () => {
    const total = 50_000;
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(PHYSICS_SOURCE, { eval: true, workerData: { libPath: library.libPath, total, gate: gate.buffer } });
    const descriptor = await new Promise<never>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const r = SharedTable.attach(descriptor, { x: F32Vec, vx: F32Vec, id: U32Vec });
    let last = 0;
    let syncs = 0;
    let bad = 0;
    let length = 0;
    while (length < total) {
      if (!(await r.changedAsync(last, 5000))) throw new Error('no publish within 5 s');
      last = r.sequence;
      length = r.sync();
      syncs++;
      if (syncs === 1) {
        Atomics.store(gate, 0, 1);
        Atomics.notify(gate, 0);
      }
      const { x, vx, id } = r.table.cols;
      if (x.sum() !== (length * (length - 1)) / 2 || id.length !== length || vx.sum() !== length * 0.5) bad++;
    }
    await worker.terminate();
    expect([bad, length]).toEqual([0, total]);
    expect(syncs).toBeGreaterThan(1);
  }, 30_000);
});
