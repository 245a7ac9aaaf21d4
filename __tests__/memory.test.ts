/**
 * Vectors over caller memory: `X.over(memory, byteOffset, capacity)`, `X.assumeInit(...)`
 * and `X.bytesFor(capacity)` for every typed class, over an `ArrayBuffer`, a
 * `SharedArrayBuffer`, a `WebAssembly.Memory` and its buffer. Covers the validation matrix
 * (each error's class and message), that a vector over memory starts empty whatever the
 * memory holds, that writes land exactly at the region's bytes, and (ringbuf.js style)
 * that no operation, failing ones included, writes a byte outside the region.
 */

import { inspect } from 'node:util';
import { CapacityError, DetachedError, EmptyError, F64Vec, IndexError, Slab, type Memory } from '../src/index';
import { caught } from './support/assertions';
import { TYPED_KINDS, type AnyVec, type Elem, type RawArray } from './support/kinds';
import { MAX_CAPACITY, WasmMemory, classOf, detachedBuffer, offsetOf } from './support/vec-classes';


describe.each(TYPED_KINDS)('$name over caller memory', (kind) => {
  const cls = classOf(kind);
  const bpe = cls.BYTES_PER_ELEMENT;
  const name = kind.name;
  const [s0, s1, s2] = kind.samples;
  const el = (n: number): Elem => (kind.isBigInt ? BigInt(n) : n);

  describe('bytesFor', () => {
    it('is capacity * BYTES_PER_ELEMENT, up to capacity 2^32 - 1', () => {
      expect(bpe).toBe((cls.Array as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT);
      for (const capacity of [0, 1, 3, 1000, MAX_CAPACITY]) expect([capacity, cls.bytesFor(capacity)]).toEqual([capacity, capacity * bpe]);
    });

    it('rejects a capacity that is not an integer from 0 to 2^32 - 1, naming the method, the value and the bound', () => {
      const cases: Array<[unknown, ErrorConstructor, string]> = [
        [-1, RangeError, '-1'],
        [1.5, RangeError, '1.5'],
        [NaN, RangeError, 'NaN'],
        [Infinity, RangeError, 'Infinity'],
        [2 ** 32, RangeError, '4294967296'],
        ['4', TypeError, '"4"'],
        [4n, TypeError, '4n'],
        [undefined, TypeError, 'undefined'],
      ];
      for (const [capacity, ErrorClass, shown] of cases) {
        const error = caught(() => cls.bytesFor(capacity));
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error.message).toContain(`${name}.bytesFor`);
        expect(error.message).toContain('capacity');
        expect(error.message).toContain(shown);
        expect(error.message).toContain(String(MAX_CAPACITY));
      }
    });

    it('sizes a buffer that over() accepts exactly: one byte less is past the end', () => {
      const buffer = new ArrayBuffer(cls.bytesFor(5));
      expect(cls.over(buffer, 0, 5).capacity).toBe(5);
      const short = new ArrayBuffer(cls.bytesFor(5) - 1);
      expect(caught(() => cls.over(short, 0, 5))).toBeInstanceOf(RangeError);
    });
  });

  describe('over: every kind of memory', () => {
    /** Checks a fresh vector over `buffer` at `byteOffset`, then that it shares the bytes both ways. */
    function checkShared(vec: AnyVec, buffer: ArrayBufferLike, byteOffset: number, capacity: number): void {
      expect(vec).toBeInstanceOf(kind.cls as unknown as Function);
      expect(vec.capacity).toBe(capacity);
      expect(vec.length).toBe(0);
      expect(vec.isEmpty).toBe(true);
      expect(vec.remaining).toBe(capacity);
      const view = vec.view() as unknown as RawArray;
      expect(view.buffer).toBe(buffer);
      expect(view.byteOffset).toBe(byteOffset);
      expect(view.length).toBe(0);
      vec.push(s0);
      vec.push(s1);
      const raw = new cls.Array(buffer, byteOffset, capacity);
      expect([raw[0], raw[1]]).toEqual([s0, s1]);
      raw[1] = s2; // a write through the buffer is seen by the vector: it is the same memory
      expect(vec.get(1)).toEqual(s2);
      expect(vec.toArray()).toEqual([s0, s2]);
    }

    it('ArrayBuffer, at offsets 0, one element and several elements in', () => {
      for (const elements of [0, 1, 3]) {
        const buffer = new ArrayBuffer(bpe * 16);
        checkShared(cls.over(buffer, elements * bpe, 8), buffer, elements * bpe, 8);
      }
    });

    it('SharedArrayBuffer', () => {
      const buffer = new SharedArrayBuffer(bpe * 16);
      checkShared(cls.over(buffer, 2 * bpe, 10), buffer, 2 * bpe, 10);
    });

    it('a WebAssembly.Memory object (its current buffer)', () => {
      const memory = new WasmMemory({ initial: 1, maximum: 2 });
      checkShared(cls.over(memory, 64, 100), memory.buffer, 64, 100);
    });

    it("a WebAssembly.Memory's buffer", () => {
      const memory = new WasmMemory({ initial: 1, maximum: 2 });
      checkShared(cls.over(memory.buffer, 65536 - 8 * bpe, 8), memory.buffer, 65536 - 8 * bpe, 8);
    });

    it('a shared WebAssembly.Memory (its buffer is a SharedArrayBuffer)', () => {
      const memory = new WasmMemory({ initial: 1, maximum: 2, shared: true });
      checkShared(cls.over(memory, 128, 16), memory.buffer, 128, 16);
    });

    it('capacity 0 at the very end of a buffer, and over an empty buffer', () => {
      const buffer = new ArrayBuffer(4 * bpe);
      const atEnd = cls.over(buffer, 4 * bpe, 0);
      expect([atEnd.capacity, atEnd.length, offsetOf(atEnd)]).toEqual([0, 0, 4 * bpe]);
      expect(caught(() => atEnd.push(s0))).toBeInstanceOf(CapacityError);
      const empty = cls.over(new ArrayBuffer(0), 0, 0);
      expect([empty.capacity, empty.length, empty.toArray()]).toEqual([0, 0, []]);
    });

    it('accepts -0 as byte offset 0', () => {
      const buffer = new ArrayBuffer(4 * bpe);
      expect(offsetOf(cls.over(buffer, -0, 4))).toBe(0);
    });
  });

  describe('over: validation', () => {
    const buffer = () => new ArrayBuffer(8 * bpe);

    it('rejects every misaligned byteOffset with a RangeError naming the offset and the element size', () => {
      const misaligned = bpe === 1 ? [] : [1, bpe - 1, bpe + 1, 2 * bpe - 1, ...(bpe > 2 ? [2, bpe + 2] : [])];
      for (const byteOffset of misaligned) {
        const error = caught(() => cls.over(buffer(), byteOffset, 1));
        expect(error).toBeInstanceOf(RangeError);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toContain(`byteOffset ${byteOffset}`);
        expect(error.message).toContain('misaligned');
        expect(error.message).toContain(`multiple of ${bpe}`);
      }
      // Every multiple of the element size is accepted; for 1-byte elements, every offset.
      for (let byteOffset = 0; byteOffset <= 4 * bpe; byteOffset += bpe) expect(offsetOf(cls.over(buffer(), byteOffset, 4))).toBe(byteOffset);
    });

    it('rejects a region past the end of the buffer, naming the region and the byteLength', () => {
      const cases: Array<[number, number]> = [
        [0, 9], // one element too many
        [bpe, 8], // shifted by one element
        [8 * bpe, 1], // starts at the end
        [9 * bpe, 0], // empty, but starts past the end
        [0, MAX_CAPACITY], // the largest capacity: checked, never allocated
        [2 ** 40, 0], // a huge aligned offset
      ];
      for (const [byteOffset, capacity] of cases) {
        const error = caught(() => cls.over(buffer(), byteOffset, capacity));
        expect(error).toBeInstanceOf(RangeError);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toContain(`[${byteOffset}, ${byteOffset + capacity * bpe})`);
        expect(error.message).toContain('past the end');
        expect(error.message).toContain(`byteLength ${8 * bpe}`);
      }
    });

    it('rejects a byteOffset that is not a non-negative integer', () => {
      const cases: Array<[unknown, ErrorConstructor, string]> = [
        [-bpe, RangeError, String(-bpe)],
        [-1, RangeError, '-1'],
        [0.5, RangeError, '0.5'],
        [bpe + 0.5, RangeError, String(bpe + 0.5)],
        [NaN, RangeError, 'NaN'],
        [Infinity, RangeError, 'Infinity'],
        [-Infinity, RangeError, '-Infinity'],
        ['0', TypeError, '"0"'],
        [0n, TypeError, '0n'],
        [null, TypeError, 'null'],
        [undefined, TypeError, 'undefined'],
      ];
      for (const [byteOffset, ErrorClass, shown] of cases) {
        const error = caught(() => cls.over(buffer(), byteOffset, 1));
        expect([byteOffset, error]).toEqual([byteOffset, expect.any(ErrorClass)]);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toContain('byteOffset');
        expect(error.message).toContain(`got ${shown}`);
        expect(error.message).toContain('non-negative integer');
      }
    });

    it('rejects a capacity that is not an integer from 0 to 2^32 - 1, 2^32 included', () => {
      const cases: Array<[unknown, ErrorConstructor, string]> = [
        [-1, RangeError, '-1'],
        [1.5, RangeError, '1.5'],
        [NaN, RangeError, 'NaN'],
        [Infinity, RangeError, 'Infinity'],
        [2 ** 32, RangeError, '4294967296'],
        [2 ** 53, RangeError, String(2 ** 53)],
        ['1', TypeError, '"1"'],
        [1n, TypeError, '1n'],
        [undefined, TypeError, 'undefined'],
      ];
      for (const [capacity, ErrorClass, shown] of cases) {
        const error = caught(() => cls.over(buffer(), 0, capacity));
        expect([capacity, error]).toEqual([capacity, expect.any(ErrorClass)]);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toContain('capacity');
        expect(error.message).toContain(`got ${shown}`);
        expect(error.message).toContain(`from 0 to ${MAX_CAPACITY}`);
      }
    });

    it('rejects a detached ArrayBuffer with a DetachedError (a TypeError) that says so', () => {
      for (const byteLength of [0, 8 * bpe]) {
        const error = caught(() => cls.over(detachedBuffer(byteLength), 0, 0));
        expect(error).toBeInstanceOf(DetachedError);
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toMatch(/detached/);
      }
    });

    it("rejects a WebAssembly.Memory's old buffer after grow()", () => {
      const memory = new WasmMemory({ initial: 1, maximum: 2 });
      const old = memory.buffer;
      memory.grow(1);
      const error = caught(() => cls.over(old, 0, 1));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/detached/);
    });

    it('rejects a resizable ArrayBuffer, explaining why', () => {
      const resizable = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(8 * bpe, { maxByteLength: 16 * bpe });
      expect((resizable as unknown as { resizable: boolean }).resizable).toBe(true);
      const error = caught(() => cls.over(resizable, 0, 1));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(`${name}.over`);
      expect(error.message).toMatch(/resizable/);
      expect(error.message).toMatch(/slower/);
      expect(error.message).toMatch(/fixed-length/);
    });

    it('rejects a growable SharedArrayBuffer (Node 20 supports them), explaining why', () => {
      const growable = new (SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => SharedArrayBuffer)(8 * bpe, { maxByteLength: 16 * bpe });
      expect((growable as unknown as { growable: boolean }).growable).toBe(true);
      const error = caught(() => cls.over(growable, 0, 1));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/growable/);
      expect(error.message).toMatch(/slower/);
    });

    it('rejects anything that is not a buffer or a WebAssembly.Memory, typed arrays and DataViews included', () => {
      const ab = new ArrayBuffer(8 * bpe);
      const notMemory: unknown[] = [
        undefined,
        null,
        8 * bpe,
        'buffer',
        {},
        [],
        new Uint8Array(ab),
        new cls.Array(ab, 0, 8),
        new DataView(ab),
        { byteLength: 8 * bpe },
        { buffer: ab }, // no grow(): not a WebAssembly.Memory
        { buffer: new Uint8Array(ab), grow: () => 0 }, // a memory look-alike whose buffer is a view
        Buffer.alloc(8 * bpe),
      ];
      for (const memory of notMemory) {
        const error = caught(() => cls.over(memory, 0, 1));
        expect([memory, error]).toEqual([memory, expect.any(TypeError)]);
        expect(error.message).toContain(`${name}.over`);
        expect(error.message).toContain('expected an ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory');
      }
    });
  });

  describe('a vector over memory starts empty', () => {
    it('whatever the memory holds, and no reader shows those bytes', () => {
      for (const byte of [0xff, 0xab, 0x01]) {
        const buffer = new ArrayBuffer(8 * bpe);
        new Uint8Array(buffer).fill(byte);
        const stale = new cls.Array(buffer, 0, 1)[0];
        const vec = cls.over(buffer, 0, 8);
        expect([vec.length, vec.isEmpty, vec.isFull, vec.remaining]).toEqual([0, true, false, 8]);
        expect(vec.toArray()).toEqual([]);
        expect([...vec]).toEqual([]);
        expect([...vec.entries()]).toEqual([]);
        expect(Array.from(vec.view() as unknown as RawArray)).toEqual([]);
        expect(JSON.stringify(vec)).toBe('[]');
        expect(vec.at(0)).toBeUndefined();
        expect(vec.at(-1)).toBeUndefined();
        expect(caught(() => vec.get(0))).toBeInstanceOf(IndexError);
        expect(caught(() => vec.pop())).toBeInstanceOf(EmptyError);
        expect(vec.indexOf(stale)).toBe(-1);
        expect(vec.includes(stale)).toBe(false);
        expect(vec.clone().toArray()).toEqual([]);
        expect(inspect(vec)).toBe(`${name}(0/8) []`);
        // Growing by resize writes its fill value, never the old bytes.
        vec.resize(3, s1);
        expect(vec.toArray()).toEqual([s1, s1, s1]);
      }
    });
  });

  describe('writes stay inside the region', () => {
    const PAD = 16; // bytes of canary before and after; a multiple of every element size
    const CANARY = 0xa5;
    const CAPACITY = 6;

    function setup() {
      const buffer = new ArrayBuffer(PAD + CAPACITY * bpe + PAD);
      const bytes = new Uint8Array(buffer);
      bytes.fill(CANARY);
      const vec = cls.over(buffer, PAD, CAPACITY);
      const raw = () => Array.from(new cls.Array(buffer, PAD, vec.length));
      const canariesIntact = () =>
        bytes.subarray(0, PAD).every((b) => b === CANARY) && bytes.subarray(PAD + CAPACITY * bpe).every((b) => b === CANARY);
      return { buffer, bytes, vec, raw, canariesIntact };
    }

    it('every operation, failing ones included, leaves the canaries intact and the region equal to the contents', () => {
      const { vec, raw, canariesIntact } = setup();
      const full = Array.from({ length: CAPACITY }, (_x, i) => el(i + 1));
      // [label, operation, whether it must throw]
      const steps: Array<[string, () => unknown, boolean]> = [
        ['push', () => vec.push(s0), false],
        ['push', () => vec.push(s1), false],
        ['extend', () => vec.extend([s2, el(4)]), false],
        ['set', () => vec.set(1, s2), false],
        ['insert', () => vec.insert(0, el(5)), false],
        ['tryPush', () => vec.tryPush(el(6)), false],
        ['push when full', () => vec.push(s0), true],
        ['tryPush when full', () => expect(vec.tryPush(s0)).toBe(false), false],
        ['extend past capacity', () => vec.extend([s0]), true],
        ['tryExtend past capacity', () => expect(vec.tryExtend([s0, s1])).toBe(false), false],
        ['insert when full', () => vec.insert(CAPACITY, s0), true],
        ['tryInsert when full', () => expect(vec.tryInsert(0, s0)).toBe(false), false],
        ['resize past capacity', () => vec.resize(CAPACITY + 1, s0), true],
        ['splice past capacity', () => vec.splice(CAPACITY, 0, [s0]), true],
        ['copyFrom past capacity', () => vec.copyFrom([...full, s0]), true],
        ['set at length', () => vec.set(CAPACITY, s0), true],
        ['set at -1', () => vec.set(-1, s0), true],
        ['set at 2^32 - 1', () => vec.set(MAX_CAPACITY, s0), true],
        ['set with a wrong type', () => vec.set(0, kind.wrongType as Elem), true],
        ['fill past length', () => vec.fill(s0, 0, CAPACITY + 1), true],
        ['get at length', () => vec.get(CAPACITY), true],
        ['remove', () => vec.remove(0), false],
        ['swapRemove', () => vec.swapRemove(0), false],
        ['pop', () => vec.pop(), false],
        ['drain', () => vec.drain(0, 1), false],
        ['splice', () => vec.splice(0, 1, [s1, s2, s0]), false],
        ['reverse', () => vec.reverse(), false],
        ['sort', () => vec.sort(), false],
        ['dedup', () => vec.dedup(), false],
        ['retain', () => vec.retain((_x, i) => i !== 1), false],
        ['fill', () => vec.fill(s1, 1), false],
        ['resize to capacity', () => vec.resize(CAPACITY, s2), false],
        ['truncate', () => vec.truncate(2), false],
        ['map', () => vec.map((x: Elem) => x), false],
        ['abs', () => vec.abs(), false],
        ['copyFrom', () => vec.copyFrom(full), false],
        ['copyFrom itself, shifted', () => vec.copyFrom(vec, 1), false],
        ['copyTo a plain array', () => vec.copyTo([]), false],
        ['clear', () => vec.clear(), false],
        ['pop when empty', () => vec.pop(), true],
        ['extend to full', () => vec.extend(full), false],
      ];
      for (const [label, step, throws] of steps) {
        let threw = false;
        try {
          step();
        } catch {
          threw = true;
        }
        expect([label, threw, canariesIntact()]).toEqual([label, throws, true]);
        expect([label, raw()]).toEqual([label, vec.toArray()]);
      }
      expect(vec.toArray()).toEqual(full);
    });

    it('a typed-array write next to the region does not reach into the vector, and vice versa', () => {
      const { buffer, vec, canariesIntact } = setup();
      vec.extend([s0, s1]);
      const before = new cls.Array(buffer, PAD - bpe, 1);
      const after = new cls.Array(buffer, PAD + CAPACITY * bpe, 1);
      before[0] = s2;
      after[0] = s2;
      expect(vec.toArray()).toEqual([s0, s1]);
      before[0] = kind.convert(kind.sentinel);
      expect(vec.toArray()).toEqual([s0, s1]);
      expect(canariesIntact()).toBe(false); // the canary check itself can fail
    });

    it('two vectors over adjacent regions of one buffer do not disturb each other', () => {
      const buffer = new ArrayBuffer(2 * CAPACITY * bpe);
      const a = cls.over(buffer, 0, CAPACITY);
      const b = cls.over(buffer, CAPACITY * bpe, CAPACITY);
      const fa = Array.from({ length: CAPACITY }, (_x, i) => el(i + 1));
      const fb = Array.from({ length: CAPACITY }, (_x, i) => el(i + 10));
      a.extend(fa);
      b.extend(fb);
      expect(caught(() => a.push(s0))).toBeInstanceOf(CapacityError);
      a.resize(CAPACITY, s0);
      a.reverse();
      b.sort();
      expect(a.toArray()).toEqual([...fa].reverse());
      expect(b.toArray()).toEqual(fb);
    });
  });

  describe('assumeInit', () => {
    function prepared(values: readonly Elem[], capacity = 8) {
      const buffer = new SharedArrayBuffer(bpe * (capacity + 2));
      const raw = new cls.Array(buffer, bpe, capacity);
      // Everything after the adopted prefix is someone's old data.
      for (let i = 0; i < capacity; i++) raw[i] = kind.convert(kind.sentinel);
      values.forEach((value, i) => (raw[i] = value));
      return { buffer, raw };
    }

    it('adopts exactly the first `length` elements, as they are', () => {
      const values = [s0, s1, s2];
      for (let length = 0; length <= 3; length++) {
        const { buffer } = prepared(values);
        const vec = cls.assumeInit(buffer, bpe, 8, length);
        expect([vec.length, vec.capacity]).toEqual([length, 8]);
        expect(vec.toArray()).toEqual(values.slice(0, length));
        expect([...vec]).toEqual(values.slice(0, length));
        expect(caught(() => vec.get(length))).toBeInstanceOf(IndexError);
        expect(vec.at(length)).toBeUndefined();
        expect(offsetOf(vec)).toBe(bpe);
        vec.push(el(9)); // the next push lands right after the adopted elements
        expect(vec.get(length)).toEqual(el(9));
      }
    });

    it('length === capacity adopts the whole region, and the vector is full', () => {
      const values = [s0, s1, s2, el(4)];
      const { buffer } = prepared(values, 4);
      const vec = cls.assumeInit(buffer, bpe, 4, 4);
      expect(vec.isFull).toBe(true);
      expect(vec.toArray()).toEqual(values);
      expect(caught(() => vec.push(s0))).toBeInstanceOf(CapacityError);
    });

    it('rejects a length that is not an integer from 0 to capacity, naming the method, the value and the bound', () => {
      const { buffer } = prepared([s0]);
      const cases: Array<[unknown, ErrorConstructor, string]> = [
        [9, RangeError, '9'],
        [-1, RangeError, '-1'],
        [1.5, RangeError, '1.5'],
        [NaN, RangeError, 'NaN'],
        [2 ** 32, RangeError, '4294967296'],
        ['1', TypeError, '"1"'],
        [undefined, TypeError, 'undefined'],
        [1n, TypeError, '1n'],
      ];
      for (const [length, ErrorClass, shown] of cases) {
        const error = caught(() => cls.assumeInit(buffer, bpe, 8, length));
        expect([length, error]).toEqual([length, expect.any(ErrorClass)]);
        expect(error.message).toContain(`${name}.assumeInit`);
        expect(error.message).toContain('length');
        expect(error.message).toContain(`got ${shown}`);
        expect(error.message).toContain('from 0 to 8');
      }
    });

    it('validates the memory and the region like over()', () => {
      const { buffer } = prepared([s0]);
      expect(caught(() => cls.assumeInit(buffer, bpe, 100, 0))).toBeInstanceOf(RangeError);
      expect(caught(() => cls.assumeInit(buffer, -bpe, 1, 0))).toBeInstanceOf(RangeError);
      expect(caught(() => cls.assumeInit(detachedBuffer(8 * bpe), 0, 1, 0))).toBeInstanceOf(TypeError);
      expect(caught(() => cls.assumeInit(new Uint8Array(8 * bpe), 0, 1, 0))).toBeInstanceOf(TypeError);
      if (bpe > 1) expect(caught(() => cls.assumeInit(buffer, 1, 1, 0))).toBeInstanceOf(RangeError);
    });

  });
});

describe('assumeInit error messages', () => {
  it('an error about the memory or the region names assumeInit, the method the caller called, for every class', () => {
    const wrong: string[] = [];
    for (const kind of TYPED_KINDS) {
      const cls = classOf(kind);
      const bpe = cls.BYTES_PER_ELEMENT;
      const buffer = new ArrayBuffer(8 * bpe);
      const calls = [() => cls.assumeInit(buffer, 0, 100, 0), () => cls.assumeInit(detachedBuffer(8), 0, 1, 0), () => cls.assumeInit(buffer, -bpe, 1, 0)];
      if (bpe > 1) calls.push(() => cls.assumeInit(buffer, 1, 1, 0));
      for (const call of calls) {
        const message: string = caught(call).message;
        if (!message.includes(`${kind.name}.assumeInit`)) wrong.push(message);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('buffers from another realm (Jest gives the test and the library different ArrayBuffer constructors)', () => {
  // Under Jest's node environment the global `ArrayBuffer` is the outer realm's, but
  // WebAssembly.Memory and the typed array constructors other than Uint8Array allocate
  // buffers in the test's own realm. The same split happens with vm contexts, iframes and
  // worker messages. The buffers are ordinary: only `instanceof ArrayBuffer` fails.
  it('the buffer of a fresh Float64Array is a valid buffer for every class', () => {
    const buffer = new Float64Array(16).buffer;
    for (const kind of TYPED_KINDS) {
      const vec = classOf(kind).over(buffer, 0, 2);
      vec.push(kind.samples[0]);
      expect([kind.name, vec.get(0)]).toEqual([kind.name, kind.samples[0]]);
    }
  });

  it('a WebAssembly.Memory and its buffer are valid memory for every class and for Slab.over', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 2 });
    for (const kind of TYPED_KINDS) {
      const cls = classOf(kind);
      expect(cls.over(memory, 0, 4).capacity).toBe(4);
      expect(cls.over(memory.buffer, 8, 4).capacity).toBe(4);
    }
    expect(Slab.over(memory).byteLength).toBe(65536);
  });
});

describe('Memory type', () => {
  it('accepts the three kinds of memory in TypeScript', () => {
    const memories: Memory[] = [new ArrayBuffer(8), new SharedArrayBuffer(8), new WasmMemory({ initial: 1 })];
    expect(memories.map((m) => F64Vec.over(m, 0, 1).capacity)).toEqual([1, 1, 1]);
  });
});
