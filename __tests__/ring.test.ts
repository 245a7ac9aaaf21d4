/**
 * Model-based tests of the rings: random sequences of push, tryPush, pushSome, writeChunk,
 * popInto and readChunk (failing ones included) run against every ring class and against
 * a plain-array queue; after every step the ring's observable state (what comes out,
 * `space`, `available`, the statistics) must equal the model's. The rings are laid out in
 * memory poisoned with the kind's sentinel, and their free-running indices start at 0 or
 * near 2^31, so that the sequences cross the wrap-around of the 31-bit indices as well as
 * the end of the data, some with the waiting flags (bit 31 of both index words) left set, as
 * a waiter that returned without waiting leaves them; the sentinel must never come out.
 */

import fc from 'fast-check';
import { inspect } from 'node:util';
import { ELEMENT_SPECS } from '../scripts/element-types';
import * as library from '../src/index';
import { CapacityError } from '../src/index';
import { HEADER_BYTES, HEADER_WORDS, INDEX_MASK, READ, RING_KIND_IDS, WRITE } from '../src/ring-layout';
import type { Elem } from './support/kinds';
import { RING_KINDS, arrayOf, type AnyRing, type RingKind } from './support/ring-kinds';

jest.setTimeout(60_000);

const NUM_RUNS = 150;

/** One step of a sequence: what to call and with which sizes. */
type Step =
  | { readonly op: 'push' | 'tryPush' | 'pushSome' | 'popInto'; readonly n: number }
  | { readonly op: 'writeChunk' | 'readChunk'; readonly n: number; readonly keep: number };

/** Steps of up to `maxN` elements (by default: up to the capacity, and one more for the blocks). */
const stepArb = (capacity: number, maxN = capacity): fc.Arbitrary<Step> => {
  const n = fc.integer({ min: 0, max: maxN === capacity ? capacity + 1 : maxN });
  return fc.oneof(
    fc.record({ op: fc.constantFrom('push' as const, 'tryPush' as const, 'pushSome' as const, 'popInto' as const), n }),
    fc.record({ op: fc.constantFrom('writeChunk' as const, 'readChunk' as const), n: fc.integer({ min: 0, max: maxN }), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
};

/** A poisoned shared buffer with a ring laid out at `byteOffset`, its indices set to `start`. */
function poisonedRing(ring: RingKind, capacity: number, start: number): { r: AnyRing; data: { [i: number]: Elem; length: number } } {
  const byteOffset = 64;
  const sab = new SharedArrayBuffer(byteOffset + ring.cls.bytesFor(capacity));
  const data = new ring.Array(sab, byteOffset + HEADER_BYTES, capacity);
  for (let i = 0; i < capacity; i++) data[i] = ring.kind.sentinel;
  const r = ring.cls.over(sab, byteOffset, capacity);
  // White box: an empty ring whose indices have run up to `start` (as after 2^31 - 16
  // elements); a negative start also sets both waiting flags.
  const header = new Int32Array(sab, byteOffset, HEADER_WORDS);
  header[WRITE] = start;
  header[READ] = start;
  return { r, data };
}

/** Runs one sequence against the ring and the model; throws at the first disagreement. */
function run(ring: RingKind, capacity: number, start: number, steps: readonly Step[], elements: readonly Elem[]): void {
  const { r } = poisonedRing(ring, capacity, start);
  const tx = r.producer();
  const rx = r.consumer();
  const model: Elem[] = [];
  let next = 0;
  let overruns = 0;
  let underruns = 0;
  const fresh = (n: number): Elem[] => Array.from({ length: n }, () => elements[next++ % elements.length]);
  const sentinel = ring.kind.sentinel;
  for (const [index, step] of steps.entries()) {
    const at = `step ${index} ${JSON.stringify(step)}`;
    const space = capacity - model.length;
    switch (step.op) {
      case 'push': {
        const items = fresh(step.n);
        if (step.n > space) {
          expect(() => tx.push(arrayOf(ring, items))).toThrow(CapacityError);
        } else {
          tx.push(arrayOf(ring, items));
          model.push(...items);
        }
        break;
      }
      case 'tryPush': {
        const items = fresh(step.n);
        if (step.n > capacity) expect(() => tx.tryPush(arrayOf(ring, items))).toThrow(CapacityError);
        else if (step.n > space) {
          expect(tx.tryPush(arrayOf(ring, items))).toBe(false);
          overruns++;
        } else {
          expect(tx.tryPush(arrayOf(ring, items))).toBe(true);
          model.push(...items);
        }
        break;
      }
      case 'pushSome': {
        const items = fresh(step.n);
        const written = Math.min(step.n, space);
        expect(tx.pushSome(arrayOf(ring, items))).toBe(written);
        model.push(...items.slice(0, written));
        if (written < step.n) overruns++;
        break;
      }
      case 'writeChunk': {
        const chunk = tx.writeChunk(step.n);
        if (step.n > space) {
          expect(chunk).toBeNull();
          overruns++;
          break;
        }
        expect(chunk).not.toBeNull();
        const { first, second } = chunk!;
        expect(first.length + second.length).toBe(step.n);
        expect(chunk!.length).toBe(step.n);
        const items = fresh(step.n);
        items.forEach((item, i) => {
          if (i < first.length) first[i] = item;
          else second[i - first.length] = item;
        });
        const keep = Math.floor(step.keep * step.n);
        chunk!.commit(keep);
        model.push(...items.slice(0, keep));
        break;
      }
      case 'popInto': {
        const out = new ring.Array(step.n);
        const read = Math.min(step.n, model.length);
        // Slots the call must not write hold a value no element has.
        for (let i = 0; i < step.n; i++) out[i] = sentinel;
        expect(rx.popInto(out)).toBe(read);
        expect(Array.from(out).slice(0, read)).toEqual(model.splice(0, read));
        for (let i = read; i < step.n; i++) expect(out[i]).toBe(sentinel);
        if (read < step.n) underruns++;
        break;
      }
      case 'readChunk': {
        const chunk = rx.readChunk(step.n);
        if (step.n > model.length) {
          expect(chunk).toBeNull();
          underruns++;
          break;
        }
        const seen = [...Array.from(chunk!.first), ...Array.from(chunk!.second)];
        expect(seen).toEqual(model.slice(0, step.n));
        const keep = Math.floor(step.keep * step.n);
        chunk!.release(keep);
        model.splice(0, keep);
        break;
      }
    }
    const stats = r.stats();
    const state = { available: rx.available, space: tx.space, stats: { ...stats, written: undefined, read: undefined } };
    const expected = { available: model.length, space: capacity - model.length, stats: { capacity, available: model.length, overruns, underruns, written: undefined, read: undefined } };
    if (JSON.stringify(state) !== JSON.stringify(expected)) throw new Error(`${at}: ${JSON.stringify(state)} !== ${JSON.stringify(expected)}`);
    expect((stats.written - stats.read) & INDEX_MASK).toBe(model.length);
  }
  // Drain: what is left comes out in order, and no slot ever yields the sentinel.
  const rest = new ring.Array(capacity);
  const n = rx.popInto(rest);
  expect(Array.from(rest).slice(0, n)).toEqual(model);
}

describe('the ring classes', () => {
  it('are one per row of the element table, exported, with the row\'s typed array and id', () => {
    const exported = Object.keys(library).filter((name) => name.endsWith('Ring'));
    expect(exported.sort()).toEqual(ELEMENT_SPECS.map((row) => row.className.replace(/Vec$/, 'Ring')).sort());
    for (const row of ELEMENT_SPECS) {
      const cls = (library as unknown as Record<string, { elementType: string; BYTES_PER_ELEMENT: number }>)[row.className.replace(/Vec$/, 'Ring')];
      expect([cls.elementType, cls.BYTES_PER_ELEMENT]).toEqual([row.id, row.bytes]);
    }
  });

  it('show their counters, never their slots, in util.inspect', () => {
    for (const ring of RING_KINDS) {
      const r = ring.cls.create(8);
      const [a, b] = ring.kind.samples;
      r.producer().push(arrayOf(ring, [a, b]));
      expect(inspect(r)).toBe(`${ring.name} ${inspect(r.stats())}`);
      expect(inspect(r)).toContain('available: 2');
      expect(inspect({ r }, { depth: 0 })).toBe(`{ r: [${ring.name}(8)] }`);
    }
  });

  it('have a header kind code for every element type, never reused', () => {
    expect([...RING_KIND_IDS].sort()).toEqual(ELEMENT_SPECS.map((row) => row.id).sort());
  });
});

describe.each(RING_KINDS)('$name against an array queue', (ring) => {
  it('agrees with the model over random sequences that wrap the data and the 31-bit indices', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 8, 16),
        fc.constantFrom(0, 2 ** 31 - 5, -5, -(2 ** 31)),
        fc.array(ring.kind.element, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (capacity, start, elements, seed) => {
          const steps = fc.sample(fc.array(stepArb(capacity), { maxLength: 40 }), { numRuns: 1, seed })[0];
          run(ring, capacity, start, steps, elements.map(ring.kind.convert));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the model in a ring large enough for its view cache to grow (many small regions)', () => {
    // 2,048 slots: the cache of each end starts with 64 slots and may grow to 128; hundreds
    // of blocks of 1 to 40 elements at changing offsets make it grow mid-sequence.
    fc.assert(
      fc.property(fc.array(ring.kind.element, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2 ** 31 }), (elements, seed) => {
        const steps = fc.sample(fc.array(stepArb(2048, 40), { minLength: 300, maxLength: 400 }), { numRuns: 1, seed })[0];
        run(ring, 2048, 0, steps, elements.map(ring.kind.convert));
      }),
      { numRuns: 8 },
    );
  });

  it('streams 128-element blocks through a 1024-slot ring with every method, in order', () => {
    const { r } = poisonedRing(ring, 1024, -300);
    const tx = r.producer();
    const rx = r.consumer();
    const [a, b, c] = ring.kind.samples;
    const values = [a, b, c];
    const block = arrayOf(ring, Array.from({ length: 128 }, (_, i) => values[i % 3]));
    const out = new ring.Array(128);
    for (let round = 0; round < 40; round++) {
      if (round % 2 === 0) tx.push(block);
      else {
        const w = tx.writeChunk(128)!;
        w.first.set(block.subarray(0, w.first.length));
        w.second.set(block.subarray(w.first.length));
        w.commit();
      }
      expect(rx.available).toBe(128);
      if (round % 3 === 0) {
        const chunk = rx.readChunk(128)!;
        expect([...Array.from(chunk.first), ...Array.from(chunk.second)]).toEqual(Array.from(block));
        chunk.release();
      } else {
        expect(rx.popInto(out)).toBe(128);
        expect(Array.from(out)).toEqual(Array.from(block));
      }
    }
    expect(r.stats()).toMatchObject({ written: (-300 + 40 * 128) & INDEX_MASK, read: (-300 + 40 * 128) & INDEX_MASK, overruns: 0, underruns: 0 });
  });

  it('hands out the same chunk object and views again where the region repeats (nothing allocated per call)', () => {
    const r = ring.cls.create(64);
    const tx = r.producer();
    const rx = r.consumer();
    const writes = new Set<unknown>();
    const reads = new Set<unknown>();
    const views = new Set<unknown>();
    for (let k = 0; k < 32; k++) {
      const w = tx.writeChunk(16)!;
      writes.add(w);
      views.add(w.first);
      w.commit();
      const chunk = rx.readChunk(16)!;
      reads.add(chunk);
      views.add(chunk.first);
      chunk.release();
    }
    expect(writes.size).toBe(1);
    expect(reads.size).toBe(1);
    // Four regions of 16 in 64 slots, a view each per end.
    expect(views.size).toBe(8);
  });

  it.each([
    [2 ** 16, 128],
    [4096, 16],
  ])('in a ring of %i slots, chunks of %i get cached views after a few laps, however many regions (the cache grows)', (capacity, n) => {
    const r = ring.cls.create(capacity);
    const tx = r.producer();
    const rx = r.consumer();
    const regions = capacity / n;
    const lap = (record?: Set<unknown>): void => {
      for (let k = 0; k < regions; k++) {
        const w = tx.writeChunk(n)!;
        w.first[0] = ring.kind.samples[k % 3] as never;
        w.commit();
        const chunk = rx.readChunk(n)!;
        expect(chunk.first[0]).toBe(ring.kind.samples[k % 3]);
        record?.add(w.first);
        record?.add(chunk.first);
        chunk.release();
      }
    };
    for (let k = 0; k < 6; k++) lap();
    const views = new Set<unknown>();
    lap(views);
    lap(views);
    // One view per region and end over two laps: the second lap made none.
    expect(views.size).toBe(2 * regions);
  });

  it('never lets a poisoned slot out of popInto or readChunk, however the chunks are cut', () => {
    const { r } = poisonedRing(ring, 8, 0);
    const tx = r.producer();
    const rx = r.consumer();
    const [a] = ring.kind.samples;
    expect(rx.readChunk(1)).toBeNull();
    const out = new ring.Array(8);
    expect(rx.popInto(out)).toBe(0);
    tx.push(arrayOf(ring, [a, a, a]));
    const w = tx.writeChunk(4)!;
    w.first[0] = a;
    w.commit(1); // three slots of the chunk stay unwritten: poisoned
    expect(rx.available).toBe(4);
    expect(rx.readChunk(5)).toBeNull();
    const chunk = rx.readChunk(4)!;
    expect([...Array.from(chunk.first), ...Array.from(chunk.second)]).toEqual([a, a, a, a]);
    chunk.release(0);
    expect(rx.popInto(out)).toBe(4);
    expect(Array.from(out.subarray(0, 4))).toEqual([a, a, a, a]);
    expect(Array.from(out).includes(ring.kind.sentinel)).toBe(false);
  });

  it('survives a structuredClone of its descriptor: the clone attaches to the same memory', () => {
    const r = ring.cls.create(16);
    const descriptor = structuredClone(r.descriptor());
    expect({ ...descriptor, buffer: Object.prototype.toString.call(descriptor.buffer) }).toEqual({
      buffer: '[object SharedArrayBuffer]', byteOffset: 0, capacity: 16, kind: ring.cls.elementType,
    });
    const same = ring.cls.attach(descriptor);
    const [a, b] = ring.kind.samples;
    r.producer().push(arrayOf(ring, [a, b]));
    const out = new ring.Array(2);
    expect(same.consumer().popInto(out)).toBe(2);
    expect(Array.from(out)).toEqual([a, b]);
    expect(r.stats()).toEqual(same.stats());
  });

  it('lays out at an offset in caller memory, bytesFor apart, without touching the neighbours', () => {
    const bytes = ring.cls.bytesFor(8);
    expect(bytes).toBe(HEADER_BYTES + 8 * ring.cls.BYTES_PER_ELEMENT);
    const sab = new SharedArrayBuffer(8 + 2 * bytes + 8);
    const guard = new Uint8Array(sab).fill(0xa5);
    const first = ring.cls.over(sab, 8, 8);
    const second = ring.cls.over(sab, 8 + bytes, 8);
    const [a, b] = ring.kind.samples;
    first.producer().push(arrayOf(ring, [a]));
    second.producer().push(arrayOf(ring, [b]));
    const out = new ring.Array(1);
    first.consumer().popInto(out);
    expect(out[0]).toBe(a);
    second.consumer().popInto(out);
    expect(out[0]).toBe(b);
    expect(Array.from(guard.subarray(0, 8))).toEqual(Array(8).fill(0xa5));
    expect(Array.from(guard.subarray(8 + 2 * bytes))).toEqual(Array(8).fill(0xa5));
  });

  it('waits asynchronously for data and for space, and times out', async () => {
    const r = ring.cls.create(4);
    const tx = r.producer();
    const rx = r.consumer();
    const [a] = ring.kind.samples;
    await expect(rx.waitForDataAsync(1, 10)).resolves.toBe(false);
    const waiting = rx.waitForDataAsync(2, 5_000);
    setTimeout(() => tx.push(arrayOf(ring, [a, a])), 5);
    await expect(waiting).resolves.toBe(true);
    tx.push(arrayOf(ring, [a, a]));
    await expect(tx.waitForSpaceAsync(1, 10)).resolves.toBe(false);
    const space = tx.waitForSpaceAsync(3, 5_000);
    setTimeout(() => rx.popInto(new ring.Array(3)), 5);
    await expect(space).resolves.toBe(true);
    await expect(rx.waitForDataAsync(0)).resolves.toBe(true);
  });
});
