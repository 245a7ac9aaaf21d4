/**
 * `SharedTable` (issue 13 §1 with the threads issue's publishing): a `Table` in a
 * `SharedArrayBuffer` with a published length, in one thread (also run in Chromium):
 * publish and sync, a reader never showing a row past the published length; every writing
 * method of a reader's table and of its columns refused with a TypeError naming it, nothing
 * changed, every other method of `Table` changing nothing; the checks of `attach`; the
 * waits. Two threads: `shared-table-worker.test.ts`.
 */

import { F32Vec, F64Vec, I64Vec, IndexError, Publication, SharedTable, SharedVec, Table, U32Vec, U8Vec } from '../src/index';
import { ELEMENT_WRITING, LENGTH_CHANGING } from '../src/restricted';
import { TABLE_WRITING } from '../src/shared-table';

const SCHEMA = { x: F32Vec, y: F32Vec, id: U32Vec, kind: U8Vec, big: I64Vec } as const;

/** What `fn` threw, as `{ type, message }`. */
function thrown(fn: () => unknown): { type: string; message: string } {
  try {
    fn();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
  throw new Error('expected a throw');
}

/** A writer with `rows` rows (x = i, y = -i, id = i, kind = i % 3, big = i) published, and a reader of it. */
function pair(rows: number, capacity = 16) {
  const w = SharedTable.create(capacity, SCHEMA);
  for (let i = 0; i < rows; i++) w.table.pushRow({ x: i, y: -i, id: i, kind: i % 3, big: BigInt(i) });
  w.publish();
  const r = SharedTable.attach(w.descriptor(), SCHEMA);
  return { w, r };
}

describe('SharedTable: publishing', () => {
  it('a reader starts at the published length and sees new rows only after publish and sync', () => {
    const { w, r } = pair(3);
    expect([r.isWriter, w.isWriter, r.table.length, r.publishedLength, r.sequence]).toEqual([false, true, 3, 3, 1]);
    expect(r.table.getRow(2)).toEqual({ x: 2, y: -2, id: 2, kind: 2, big: 2n });
    w.table.pushRow({ x: 3, id: 3 });
    expect(r.table.length).toBe(3);
    expect(() => r.table.cols.x.get(3)).toThrow(IndexError);
    expect(r.sync()).toBe(3); // not published yet
    w.publish();
    expect([r.sync(), r.sequence]).toEqual([4, 2]);
    for (const column of Object.values(r.table.cols)) expect(column.length).toBe(4);
    expect(r.table.cols.x.toArray()).toEqual([0, 1, 2, 3]);
    w.table.swapRemove(0);
    w.table.clear();
    w.publish();
    expect([r.sync(), r.table.cols.id.toArray()]).toEqual([0, []]);
  });

  it('the descriptor is a plain cloneable object, and a second reader attaches from a reader\'s descriptor', () => {
    const { r } = pair(2);
    const d = structuredClone(r.descriptor());
    expect(Object.prototype.toString.call(d.buffer)).toBe('[object SharedArrayBuffer]');
    expect({ ...d, buffer: null }).toEqual({ buffer: null, byteOffset: 0, capacity: 16, columns: [['x', 'f32'], ['y', 'f32'], ['id', 'u32'], ['kind', 'u8'], ['big', 'i64']] });
    const r2 = SharedTable.attach(d, SCHEMA);
    expect(r2.table.cols.big.toArray()).toEqual([0n, 1n]);
  });

  it('SharedTable and SharedVec are Publications: one loop waits on and syncs either', async () => {
    const table = pair(2);
    const vec = SharedVec.create(F64Vec, 8);
    const vecReader = SharedVec.attach(vec.descriptor());
    const ends: Publication[] = [table.r, vecReader];
    expect(ends.every((end) => end instanceof Publication)).toBe(true);
    expect(ends.map((end) => [end.capacity, end.isWriter])).toEqual([[16, false], [8, false]]);
    const lasts = ends.map((end) => end.sequence);
    table.w.table.pushRow({ x: 5 });
    table.w.publish();
    vec.vec.extend([1, 2]);
    vec.publish();
    const synced: number[] = [];
    for (const [k, end] of ends.entries()) {
      await expect(end.changedAsync(lasts[k], 1000)).resolves.toBe(true);
      synced.push(end.sync());
    }
    expect(synced).toEqual([3, 2]);
    expect([table.r.table.cols.x.get(2), vecReader.vec.sum()]).toEqual([5, 3]);
  });

  it('publish is the writer\'s and sync the reader\'s', () => {
    const { w, r } = pair(1);
    expect(thrown(() => r.publish())).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedTable.publish: this must be the writer') });
    expect(thrown(() => w.sync())).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedTable.sync: this must be a reader') });
  });
});

describe('SharedTable: a reader writes nothing', () => {
  it.each(TABLE_WRITING.map((name) => [name]))('table.%s throws a TypeError naming it, and nothing changes', (name) => {
    const { r } = pair(3);
    const before = JSON.stringify(Object.values(r.table.cols).map((c) => c.toJSON()));
    const method = (r.table as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    expect(thrown(() => method.call(r.table, 0, { x: 9 }))).toMatchObject({
      type: 'TypeError',
      message: `Table.${name}: this table is a SharedTable reader, which only reads what the writer publishes; write through the writer's table`,
    });
    expect(JSON.stringify(Object.values(r.table.cols).map((c) => c.toJSON()))).toBe(before);
    expect(r.table.length).toBe(3);
  });

  it('every other method of Table is one TABLE_WRITING need not list: it changes nothing', () => {
    const others = Object.getOwnPropertyNames(Table.prototype).filter((name) => name !== 'constructor' && !(TABLE_WRITING as readonly string[]).includes(name));
    expect(others.sort()).toEqual(['capacity', 'columnNames', 'getRow', 'isEmpty', 'isFull', 'length', 'newRow', 'remaining']);
    const { r } = pair(3);
    const before = JSON.stringify(Object.values(r.table.cols).map((c) => c.toJSON()));
    r.table.getRow(1);
    r.table.newRow();
    expect([r.table.length, r.table.capacity, r.table.remaining, r.table.isEmpty, r.table.isFull]).toEqual([3, 16, 13, false, false]);
    expect(JSON.stringify(Object.values(r.table.cols).map((c) => c.toJSON()))).toBe(before);
  });

  it.each([...LENGTH_CHANGING, ...ELEMENT_WRITING].map((name) => [name]))('a column\'s %s throws a TypeError naming the column, and nothing changes', (name) => {
    const { r } = pair(3);
    const x = r.table.cols.x as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(thrown(() => x[name].call(x, 0, 1))).toMatchObject({
      type: 'TypeError',
      message: `F32Vec.${name}: this vector is column "x" of a SharedTable reader, which only reads what the writer publishes; write through the writer's table`,
    });
    expect([r.table.cols.x.toArray(), r.table.length]).toEqual([[0, 1, 2], 3]);
  });

  it('kernels that write their vector need `out` on a reader\'s column; with it they run, and reads work', () => {
    const { r } = pair(3);
    expect(thrown(() => r.table.cols.x.add(1))).toMatchObject({ message: expect.stringContaining('F32Vec.add: this vector is column "x" of a SharedTable reader') });
    expect(thrown(() => r.table.cols.x.add(1))).toMatchObject({ message: expect.stringContaining('or pass `out` to write the results elsewhere') });
    const out = F32Vec.of(9, 9, 9);
    r.table.cols.x.add(r.table.cols.y, out);
    expect(out.toArray()).toEqual([0, 0, 0]);
    expect([r.table.cols.x.sum(), r.table.cols.x.dot(r.table.cols.y), r.table.cols.big.sum()]).toEqual([3, -5, 3n]);
    expect(r.table.cols.x.toArray()).toEqual([0, 1, 2]);
  });

  it('the writer, and every other table and vector, are unchanged', () => {
    const { w } = pair(2);
    w.table.cols.x.set(0, 5);
    w.table.cols.x.add(1);
    w.table.pushRow({ x: 7 });
    expect(w.table.cols.x.toArray()).toEqual([6, 2, 7]);
    const plain = new Table(4, SCHEMA);
    plain.pushRow({ x: 1 });
    plain.cols.x.fill(2);
    expect(plain.cols.x.toArray()).toEqual([2]);
  });
});

describe('SharedTable.attach checks what it is given', () => {
  it('rejects what is not a SharedTable of this schema, naming the method and what differs', () => {
    const { w } = pair(2);
    const d = w.descriptor();
    const bad = (descriptor: unknown, schema: object = SCHEMA) => thrown(() => SharedTable.attach(descriptor as never, schema as never));
    expect(bad(null)).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedTable.attach: descriptor must be an object') });
    expect(bad({ ...d, buffer: new ArrayBuffer(64) })).toMatchObject({ message: expect.stringContaining('descriptor.buffer must be a SharedArrayBuffer') });
    expect(bad({ ...d, buffer: new SharedArrayBuffer(8) })).toMatchObject({ message: expect.stringContaining('the buffer of a SharedTable (it is shorter than the header)') });
    expect(bad(SharedVec.create(F64Vec, 4).descriptor())).toMatchObject({ message: expect.stringContaining('the header must be the SharedTable magic') });
    expect(bad(d, { y: F32Vec, x: F32Vec, id: U32Vec, kind: U8Vec, big: I64Vec })).toMatchObject({ message: expect.stringContaining("descriptor.columns must be the schema's columns") });
    expect(bad(d, { ...SCHEMA, x: F64Vec })).toMatchObject({ message: expect.stringContaining('[["x","f64"]') });
    expect(bad({ ...d, columns: [['x', 'f64'], ['y', 'f32'], ['id', 'u32'], ['kind', 'u8'], ['big', 'i64']] }, { ...SCHEMA, x: F64Vec })).toMatchObject({
      message: expect.stringContaining('SharedTable.attach: the header must be a table of the columns'),
    });
    expect(bad({ ...d, capacity: 17 })).toMatchObject({ message: expect.stringContaining('descriptor.capacity must be the capacity in the header, 16') });
    expect(bad(d, {})).toMatchObject({ message: expect.stringContaining('SharedTable.attach') });
  });

  it('create checks its capacity and schema, naming itself', () => {
    expect(thrown(() => SharedTable.create(-1, SCHEMA))).toMatchObject({ message: expect.stringContaining('SharedTable.create') });
    expect(thrown(() => SharedTable.create(4, { x: Array } as never))).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedTable.create') });
  });
});

describe('SharedTable: waiting for a publish', () => {
  it('changed and changedAsync return true once the sequence moved, false on timeout, and check their arguments', async () => {
    const { w, r } = pair(1);
    const last = r.sequence;
    await expect(r.changedAsync(last, 1)).resolves.toBe(false);
    // Blocking: Node's main thread may (a 0 ms wait times out); a browser page's may not.
    let outcome: unknown;
    try {
      outcome = r.changed(last, 0);
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof TypeError) expect(outcome.message).toContain('SharedTable.changed: this thread cannot block (Atomics.wait is not allowed here');
    else expect(outcome).toBe(false);
    const pending = r.changedAsync(last, 5000);
    w.publish();
    await expect(pending).resolves.toBe(true);
    expect(r.changed(last, 0)).toBe(true); // the sequence moved: no wait
    await expect(r.changedAsync(last)).resolves.toBe(true);
    expect(thrown(() => r.changed(1.5))).toMatchObject({ message: expect.stringContaining('SharedTable.changed: last must be a sequence number') });
    await expect(r.changedAsync(0, -1)).rejects.toThrow('SharedTable.changedAsync: timeoutMs must be a number of milliseconds');
  });
});
