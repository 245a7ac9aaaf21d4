/**
 * Vectors across threads, in one thread (issue 12 §3): `SharedVec` (a writer, readers with a
 * published length, readers that refuse every write, the header checks, waiting) and
 * `transfer()`/`fromTransfer()` (moving a vector's buffer; the vectors that cannot be
 * moved). The two-thread runs are in shared-vec-worker.test.ts. No Node built-ins here, so
 * the browser suite runs this file too.
 */

import { inspect } from 'node:util';
import { DetachedError, F32Vec, F64Vec, I16Vec, I64Vec, SharedVec, Slab, U8Vec, WasmSlab, type SharedVecDescriptor } from '../src/index';
import { TYPED_KINDS } from './support/kinds';
import { WasmMemory, classOf } from './support/vec-classes';

/** What `call` threw: its class and message, or 'nothing'. */
function thrown(call: () => unknown): { type: string; message: string } | 'nothing' {
  try {
    call();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
  return 'nothing';
}

/** A descriptor as another thread receives it: cloned (the SharedArrayBuffer still shared). */
const posted = <D>(descriptor: D): D => structuredClone(descriptor);

describe('SharedVec: one writer, readers with a published length', () => {
  it('a reader sees exactly what was published, never past the published length', () => {
    const w = SharedVec.create(F32Vec, 64);
    expect(w.isWriter).toBe(true);
    w.vec.extend([1, 2, 3]);
    const r = SharedVec.attach(posted(w.descriptor()));
    expect(r.isWriter).toBe(false);
    expect([r.vec.length, r.sequence]).toEqual([0, 0]); // nothing published yet
    expect(w.publish()).toBe(1);
    expect(r.vec.length).toBe(0); // until it syncs
    expect(r.sync()).toBe(3);
    expect(r.vec.toArray()).toEqual([1, 2, 3]);
    w.vec.extend([4, 5]); // written, not published
    expect(r.sync()).toBe(3);
    expect(() => r.vec.get(3)).toThrow(/index/i);
    w.publish();
    expect([r.sync(), r.vec.sum(), r.sequence, r.publishedLength]).toEqual([5, 15, 2, 5]);
    w.vec.clear();
    w.publish();
    expect([r.sync(), r.vec.length]).toEqual([0, 0]);
  });

  it('a reader attached after a publish starts with that length', () => {
    const w = SharedVec.create(I64Vec, 8);
    w.vec.extend([1n, -2n]);
    w.publish();
    const r = SharedVec.attach(posted(w.descriptor()), I64Vec);
    expect(r.vec.toArray()).toEqual([1n, -2n]);
    expect(r.vec).toBeInstanceOf(I64Vec);
  });

  it.each(TYPED_KINDS.map((kind) => [kind.name, kind] as const))('%s: the elements past the published length never come out (poisoned memory)', (_name, kind) => {
    const Cls = classOf(kind) as unknown as typeof F64Vec;
    const w = SharedVec.create(Cls, 16);
    const raw = new (Cls.Array as unknown as new (buffer: ArrayBufferLike, offset: number, length: number) => { fill(v: unknown): void })(
      w.descriptor().buffer,
      64,
      16,
    );
    raw.fill(kind.sentinel);
    const values = kind.samples.slice(0, 3);
    (w.vec as { extend(v: readonly unknown[]): void }).extend(values);
    w.publish();
    (w.vec as { extend(v: readonly unknown[]): void }).extend([kind.sentinel]);
    const r = SharedVec.attach(posted(w.descriptor()));
    r.sync();
    const out = (r.vec as { toArray(): unknown[] }).toArray();
    expect(out).toEqual(values);
    expect(out).not.toContainEqual(kind.sentinel);
  });

  it("a reader's vector refuses every call that would write it, and changes nothing", () => {
    const w = SharedVec.create(F64Vec, 32);
    w.vec.extend(Array.from({ length: 20 }, (_, i) => i));
    w.publish();
    const r = SharedVec.attach(posted(w.descriptor()));
    const v = r.vec;
    const before = v.toArray();
    const writes: [string, () => unknown][] = [
      ['push', () => v.push(1)],
      ['pop', () => v.pop()],
      ['set', () => v.set(0, 9)],
      ['swap', () => v.swap(0, 1)],
      ['fill', () => v.fill(7)],
      ['sort', () => v.sort()],
      ['reverse', () => v.reverse()],
      ['copyWithin', () => v.copyWithin(0, 1)],
      ['extend', () => v.extend([1])],
      ['clear', () => v.clear()],
      ['truncate', () => v.truncate(1)],
      ['retain', () => v.retain(() => false)],
      ['copyFrom', () => v.copyFrom([1, 2])],
      ['add', () => v.add(1)],
      ['scale', () => v.scale(2)],
      ['axpy', () => v.axpy(2, v)],
      ['clamp', () => v.clamp(0, 1)],
      ['abs', () => v.abs()],
      ['map', () => v.map((x) => x + 1)],
      ['spare', () => v.spare(1)],
    ];
    for (const [name, call] of writes) {
      expect([name, thrown(call)]).toEqual([name, { type: 'TypeError', message: expect.stringMatching(new RegExp(`^F64Vec\\.${name}: this vector is a SharedVec reader`)) }]);
    }
    expect(v.toArray()).toEqual(before);
    expect(w.vec.toArray()).toEqual(before);
    // Reads, and kernels that write elsewhere, work.
    const out = new F64Vec(32);
    out.resize(20, 0);
    expect(v.add(1, out).get(19)).toBe(20);
    expect(v.scale(2, out).sum()).toBe(380);
    expect([v.sum(), v.max(), v.indexOf(7), v.slice(0, 2).toArray()]).toEqual([190, 19, 7, [0, 1]]);
    expect(thrown(() => v.add(1))).toMatchObject({ message: expect.stringContaining('pass `out`') });
  });

  it('the writer cannot sync and a reader cannot publish', () => {
    const w = SharedVec.create(U8Vec, 4);
    const r = SharedVec.attach(posted(w.descriptor()));
    expect(thrown(() => w.sync())).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedVec.sync: this must be a reader') });
    expect(thrown(() => r.publish())).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedVec.publish: this must be the writer') });
  });

  it('changed: true at once when the sequence moved, false on a timeout', async () => {
    const w = SharedVec.create(F32Vec, 4);
    const r = SharedVec.attach(posted(w.descriptor()));
    const last = r.sequence;
    expect(await r.changedAsync(last, 0)).toBe(false);
    const pending = r.changedAsync(last, 5000);
    w.vec.push(1);
    w.publish();
    expect(await pending).toBe(true);
    expect(await r.changedAsync(last, 0)).toBe(true);
    expect(r.changed(last, 0)).toBe(true); // the sequence moved: no wait
    // Blocking: Node's main thread may (a 0 ms wait times out); a browser page's may not.
    let outcome: unknown;
    try {
      outcome = r.changed(r.sequence, 0);
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof TypeError) expect(outcome.message).toContain('this thread cannot block (Atomics.wait is not allowed here');
    else expect(outcome).toBe(false);
    expect(thrown(() => r.changed(1.5))).toMatchObject({ message: expect.stringContaining('SharedVec.changed: last must be a sequence number') });
    expect(thrown(() => r.changed(0, -1))).toMatchObject({ message: expect.stringContaining('timeoutMs must be a number of milliseconds') });
  });

  it('attach checks the descriptor and the header: kind, capacity, magic, version, buffer', () => {
    const w = SharedVec.create(I16Vec, 8);
    const d = w.descriptor();
    const bad = (descriptor: unknown, cls?: typeof F32Vec) => thrown(() => SharedVec.attach(descriptor as SharedVecDescriptor, cls));
    expect(bad(null)).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedVec.attach: descriptor must be an object') });
    expect(bad({ ...d, kind: 'f32' })).toMatchObject({ message: expect.stringContaining("descriptor.kind must be the kind in the header, 'i16'") });
    expect(bad(d, F32Vec)).toMatchObject({ message: 'SharedVec.attach: cls must be the class of the vector in the header, I16Vec, got "F32Vec"' });
    // The names come from the vectors' tag, which bundlers leave alone, not from the class's name.
    const named = (cls: object, name: string) => Object.defineProperty(cls, 'name', { value: name, configurable: true });
    named(F32Vec, 'F32Vec2');
    named(I16Vec, '_I16Vec');
    try {
      expect(bad(d, F32Vec)).toMatchObject({ message: 'SharedVec.attach: cls must be the class of the vector in the header, I16Vec, got "F32Vec"' });
    } finally {
      named(F32Vec, 'F32Vec');
      named(I16Vec, 'I16Vec');
    }
    expect(bad({ ...d, capacity: 9 })).toMatchObject({ message: expect.stringContaining('descriptor.capacity must be the capacity in the header, 8') });
    expect(bad({ ...d, buffer: new ArrayBuffer(128) })).toMatchObject({ message: expect.stringContaining('descriptor.buffer must be a SharedArrayBuffer') });
    expect(bad({ ...d, buffer: new SharedArrayBuffer(16) })).toMatchObject({ message: expect.stringContaining('shorter than the header') });
    const corrupt = new SharedArrayBuffer(128);
    expect(bad({ ...d, buffer: corrupt })).toMatchObject({ message: expect.stringContaining('SharedVec.attach: the header must be the SharedVec magic') });
    new Int32Array(corrupt).set(new Int32Array(d.buffer, 0, 16));
    new Int32Array(corrupt)[1] = 2;
    expect(bad({ ...d, buffer: corrupt })).toMatchObject({ message: expect.stringContaining('the header version must be 1, got 2') });
  });

  it('create checks its class and capacity', () => {
    expect(thrown(() => SharedVec.create(Slab as never, 4))).toMatchObject({ type: 'TypeError', message: expect.stringContaining('SharedVec.create: cls must be a typed vector class') });
    expect(thrown(() => SharedVec.create(F32Vec, -1))).toMatchObject({ message: expect.stringContaining('SharedVec.create') });
  });
});

describe('transfer() and fromTransfer(): moving a vector', () => {
  it.each(TYPED_KINDS.map((kind) => [kind.name, kind] as const))('%s: the buffer moves, the old vector is detached, the new one has everything', (_name, kind) => {
    const Cls = classOf(kind) as unknown as typeof F64Vec;
    const v = new Cls(8);
    const values = kind.samples.slice(0, 3);
    (v as { extend(x: readonly unknown[]): void }).extend(values);
    const message = (v as unknown as { transfer(): { buffer: ArrayBuffer; kind: string; capacity: number; length: number; byteOffset: number } }).transfer();
    expect([message.kind, message.capacity, message.length, message.byteOffset]).toEqual([Cls.elementType, 8, 3, 0]);
    expect(() => (v as { get(i: number): unknown }).get(0)).toThrow(DetachedError);
    const arrived = structuredClone(message, { transfer: [message.buffer] });
    const w = (Cls as unknown as { fromTransfer(m: unknown): { toArray(): unknown[]; capacity: number } }).fromTransfer(arrived);
    expect([w.toArray(), w.capacity]).toEqual([values, 8]);
  });

  it.each(TYPED_KINDS.map((kind) => [kind.name, kind] as const))('%s: a capacity-0 vector is unusable once transferred, although no length changed', (_name, kind) => {
    const Cls = classOf(kind) as unknown as typeof F64Vec;
    const v = new Cls(0);
    const message = v.transfer();
    expect([message.capacity, message.length]).toEqual([0, 0]);
    for (const call of [() => v.transfer(), () => v.toArray(), () => v.view(), () => v.push(kind.samples[0] as never), () => v.pop()]) {
      expect(thrown(call)).toMatchObject({ type: 'DetachedError', message: expect.stringContaining('detached') });
    }
    expect(inspect(v)).toContain('detached');
    const w = (Cls as unknown as { fromTransfer(m: unknown): { capacity: number; length: number } }).fromTransfer(structuredClone(message, { transfer: [message.buffer] }));
    expect([w.capacity, w.length]).toEqual([0, 0]);
  });

  it('a released capacity-0 vector still says it was released', () => {
    const slab = new Slab(64);
    const v = slab.alloc(F32Vec, 0);
    slab.reset();
    expect(thrown(() => v.toArray())).toMatchObject({ type: 'ReleasedError' });
  });

  it('refuses, with what to do instead, a vector that does not own its whole buffer; nothing changes', () => {
    const slabbed = new Slab(64).alloc(F32Vec, 4);
    const part = F32Vec.over(new ArrayBuffer(64), 16, 4);
    const shared = F32Vec.over(new SharedArrayBuffer(16), 0, 4);
    const wasm = WasmSlab.createSync(65536).alloc(F64Vec, 8192);
    for (const v of [slabbed, part, shared]) v.push(1);
    wasm.push(1);
    expect(thrown(() => slabbed.transfer())).toMatchObject({ type: 'TypeError', message: expect.stringContaining("F32Vec.transfer: this vector cannot be moved to another thread: it is a region of a Slab's buffer") });
    expect(thrown(() => part.transfer())).toMatchObject({ message: expect.stringContaining('it covers bytes [16, 32) of a buffer of 64: copy it into a vector of its own (`F32Vec.from(v.view())`)') });
    expect(thrown(() => shared.transfer())).toMatchObject({ message: expect.stringContaining('SharedArrayBuffer, which is shared, not moved') });
    expect(thrown(() => wasm.transfer())).toMatchObject({ message: expect.stringContaining("a Slab's buffer") });
    expect([slabbed.get(0), part.get(0), shared.get(0), wasm.get(0)]).toEqual([1, 1, 1, 1]);
  });

  it("refuses a WebAssembly.Memory's buffer (which cannot be detached), and the vector keeps it", () => {
    const memory = new WasmMemory({ initial: 1 });
    const v = F64Vec.over(memory, 0, 8192);
    v.push(3);
    expect(thrown(() => v.transfer())).toMatchObject({ message: expect.stringContaining('cannot be detached') });
    expect(v.get(0)).toBe(3);
    expect(memory.buffer.byteLength).toBe(65536);
  });

  it('fromTransfer checks the message', () => {
    const m = new F32Vec(4).transfer();
    const bad = (message: unknown) => thrown(() => F32Vec.fromTransfer(message as never));
    expect(bad(null)).toMatchObject({ type: 'TypeError', message: expect.stringContaining('F32Vec.fromTransfer: the message must be an object') });
    expect(bad({ ...m, kind: 'f64' })).toMatchObject({ message: expect.stringContaining("kind must be 'f32'") });
    expect(bad({ ...m, buffer: new SharedArrayBuffer(16) })).toMatchObject({ message: expect.stringContaining('buffer must be an ArrayBuffer') });
    expect(bad({ ...m, length: 5 })).toMatchObject({ type: 'RangeError', message: expect.stringContaining('length must be an integer from 0 to the capacity, 4, got 5') });
    expect(bad({ ...m, capacity: 5, length: 0 })).toMatchObject({ type: 'RangeError', message: expect.stringContaining('F32Vec.fromTransfer') });
    expect(bad({ ...m, byteOffset: 2 })).toMatchObject({ message: expect.stringContaining('F32Vec.fromTransfer') });
    F32Vec.fromTransfer(m); // the valid message still works
    expect(() => F32Vec.fromTransfer(structuredClone(m, { transfer: [m.buffer] }))).not.toThrow();
  });
});
