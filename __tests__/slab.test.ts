/**
 * `Slab`: the bump allocator of vectors over one buffer. Construction, `alloc`/`tryAlloc`
 * (alignment for every element type, the counters, failing allocations that change
 * nothing), `Slab.over` (regions of caller memory), `reset()` and the released-vector
 * contract (every method of a released vector throws ReleasedError; `length`, `isEmpty` and
 * `capacity` stay readable), and the stale-data promise: a vector from a reused slab never
 * shows what an earlier owner wrote, through any public path.
 */

import { inspect } from 'node:util';
import { CapacityError, F32Vec, F64Vec, I16Vec, I32Vec, IndexError, OptionVec, ReleasedError, Slab, U16Vec, U8Vec } from '../src/index';
import type { ElementId } from '../scripts/element-types';
import { caught, el, outcome } from './support/assertions';
import { TYPED_KINDS, kindById, type Elem, type Kind, type RawArray } from './support/kinds';
import { MEMBER_CALLS, contextOf, hasMember, memberOf, membersOf } from './support/member-calls';
import { MAX_CAPACITY, allocIn, classOf, detachedBuffer, offsetOf, tryAllocIn, type TypedVec, type VecClass } from './support/vec-classes';

/** A snapshot of a slab's counters. */
const counters = (slab: Slab) => ({ byteLength: slab.byteLength, used: slab.used, remaining: slab.remaining, allocations: slab.allocations });

describe('new Slab(byteLength)', () => {
  it('owns a zeroed ArrayBuffer of byteLength bytes, with nothing allocated', () => {
    for (const byteLength of [0, 1, 7, 4096]) {
      const slab = new Slab(byteLength);
      expect(slab.buffer).toBeInstanceOf(ArrayBuffer);
      expect(slab.buffer.byteLength).toBe(byteLength);
      expect(slab.byteOffset).toBe(0);
      expect(counters(slab)).toEqual({ byteLength, used: 0, remaining: byteLength, allocations: 0 });
      expect(new Uint8Array(slab.buffer).every((b) => b === 0)).toBe(true);
    }
  });

  it('shared: true gives a SharedArrayBuffer', () => {
    const slab = new Slab(64, { shared: true });
    expect(slab.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(slab.byteLength).toBe(64);
    expect(new Slab(64, { shared: false }).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('rejects a byteLength that is not a non-negative integer', () => {
    const cases: Array<[unknown, ErrorConstructor]> = [
      [-1, RangeError],
      [1.5, RangeError],
      [NaN, RangeError],
      [Infinity, RangeError],
      ['64', TypeError],
      [undefined, TypeError],
    ];
    for (const [byteLength, ErrorClass] of cases) {
      const error = caught(() => new Slab(byteLength as number));
      expect([byteLength, error]).toEqual([byteLength, expect.any(ErrorClass)]);
      expect(error.message).toContain('Slab');
      expect(error.message).toContain('byteLength');
    }
  });
});

describe.each(TYPED_KINDS)('Slab.alloc($name)', (kind) => {
  const cls = classOf(kind);
  const bpe = cls.BYTES_PER_ELEMENT;

  it('returns an empty vector of that class over the slab buffer, and counts it', () => {
    const slab = new Slab(256);
    const vec = allocIn(slab, kind, 10);
    expect(vec).toBeInstanceOf(kind.cls as unknown as Function);
    expect([vec.length, vec.capacity, vec.isEmpty]).toEqual([0, 10, true]);
    expect((vec.view() as unknown as RawArray).buffer).toBe(slab.buffer);
    expect(offsetOf(vec)).toBe(0);
    expect(counters(slab)).toEqual({ byteLength: 256, used: 10 * bpe, remaining: 256 - 10 * bpe, allocations: 1 });
    vec.push(kind.samples[0]);
    expect(new cls.Array(slab.buffer, 0, 1)[0]).toEqual(kind.samples[0]);
  });

  it('tryAlloc does the same when it fits', () => {
    const slab = new Slab(256);
    const vec = tryAllocIn(slab, kind, 4)!;
    expect(vec).toBeInstanceOf(kind.cls as unknown as Function);
    expect([vec.length, vec.capacity, offsetOf(vec)]).toEqual([0, 4, 0]);
    expect(counters(slab)).toEqual({ byteLength: 256, used: 4 * bpe, remaining: 256 - 4 * bpe, allocations: 1 });
  });

  it('a vector that fills the slab exactly fits; one more element does not', () => {
    const slab = new Slab(8 * bpe);
    expect(tryAllocIn(slab, kind, 9)).toBeNull();
    const vec = allocIn(slab, kind, 8);
    expect(vec.capacity).toBe(8);
    expect(counters(slab)).toEqual({ byteLength: 8 * bpe, used: 8 * bpe, remaining: 0, allocations: 1 });
    expect(tryAllocIn(slab, kind, 1)).toBeNull();
    // A zero-capacity vector still fits at the end.
    expect(allocIn(slab, kind, 0).capacity).toBe(0);
    expect(slab.allocations).toBe(2);
  });

  it('rejects a capacity that is not an integer from 0 to 2^32 - 1 (alloc and tryAlloc alike), changing nothing', () => {
    const slab = new Slab(64);
    slab.alloc(U8Vec, 3);
    const before = counters(slab);
    const cases: Array<[unknown, ErrorConstructor, string]> = [
      [-1, RangeError, '-1'],
      [1.5, RangeError, '1.5'],
      [NaN, RangeError, 'NaN'],
      [2 ** 32, RangeError, '4294967296'],
      ['1', TypeError, '"1"'],
      [undefined, TypeError, 'undefined'],
    ];
    for (const [capacity, ErrorClass, shown] of cases) {
      for (const method of ['alloc', 'tryAlloc'] as const) {
        const error = caught(() => (method === 'alloc' ? allocIn : tryAllocIn)(slab, kind, capacity as number));
        expect([method, capacity, error]).toEqual([method, capacity, expect.any(ErrorClass)]);
        expect(error.message).toContain(`Slab.${method}`);
        expect(error.message).toContain('capacity');
        expect(error.message).toContain(shown);
        expect(error.message).toContain(String(MAX_CAPACITY));
      }
    }
    expect(counters(slab)).toEqual(before);
  });
});

describe('alignment', () => {
  it('every pair of element types: the second vector starts at the next multiple of its element size', () => {
    for (const first of TYPED_KINDS) {
      for (const second of TYPED_KINDS) {
        const a = classOf(first).BYTES_PER_ELEMENT;
        const b = classOf(second).BYTES_PER_ELEMENT;
        const slab = new Slab(64);
        const x = allocIn(slab, first, 1);
        const y = allocIn(slab, second, 1);
        const expected = Math.ceil(a / b) * b;
        expect([first.name, second.name, offsetOf(x), offsetOf(y), slab.used]).toEqual([first.name, second.name, 0, expected, expected + b]);
      }
    }
  });

  it('a mixed sequence lays out as computed by hand, padding included in used', () => {
    const slab = new Slab(128);
    // Worked out by hand: [element type, capacity, expected byte offset]. The types are
    // examples; every pair of kinds is checked against the alignment rule above.
    const layout: Array<[ElementId, number, number]> = [
      ['u8', 3, 0],
      ['f64', 2, 8],
      ['u16', 1, 24],
      ['i32', 1, 28],
      ['u8', 1, 32],
      ['i64', 1, 40],
      ['f32', 3, 48],
      ['u8c', 1, 60],
      ['i16', 1, 62],
      ['u64', 1, 64],
      ['i8', 5, 72],
      ['u32', 0, 80],
      ['u32', 2, 80],
    ];
    const vectors = layout.map(([id, capacity]) => allocIn(slab, kindById(id), capacity));
    expect(vectors.map(offsetOf)).toEqual(layout.map(([, , offset]) => offset));
    expect(counters(slab)).toEqual({ byteLength: 128, used: 88, remaining: 40, allocations: layout.length });
  });

  it('a vector that would fit in the remaining bytes but not once aligned is refused', () => {
    const slab = new Slab(12);
    slab.alloc(U8Vec, 1);
    expect(slab.remaining).toBe(11);
    expect(slab.tryAlloc(F64Vec, 1)).toBeNull(); // would need bytes [8, 16)
    expect(caught(() => slab.alloc(F64Vec, 1))).toBeInstanceOf(RangeError);
    expect(offsetOf(slab.alloc(I32Vec, 2))).toBe(4); // [4, 12) fits exactly
    expect(slab.remaining).toBe(0);
  });
});

describe('a failing allocation', () => {
  it('throws a CapacityError that says what did not fit and how much is free, and changes nothing', () => {
    const slab = new Slab(100);
    slab.alloc(U8Vec, 3);
    const before = counters(slab);
    const error = caught(() => slab.alloc(F64Vec, 20));
    // One catch covers every overflow: the slab's error is the vectors' CapacityError, in bytes.
    expect(error).toBeInstanceOf(CapacityError);
    expect(error).toBeInstanceOf(RangeError);
    const { value, capacity, length, requiredLength } = error as CapacityError;
    // 3 bytes used, the F64Vec starts at the aligned offset 8 and needs 160 bytes: 168 in use.
    expect({ value, capacity, length, requiredLength }).toEqual({ value: 20, capacity: 100, length: 3, requiredLength: 168 });
    expect(error.message).toContain('Slab.alloc');
    expect(error.message).toContain('20 elements of 8 bytes');
    expect(error.message).toContain('160 bytes');
    expect(error.message).toContain('do not fit');
    expect(error.message).toContain('97 of 100 bytes free');
    expect(counters(slab)).toEqual(before);
    // The next allocation goes exactly where it would have gone without the failure.
    expect(offsetOf(slab.alloc(F64Vec, 2))).toBe(8);
  });

  it('tryAlloc returns null and changes nothing', () => {
    const slab = new Slab(100);
    const first = slab.alloc(I16Vec, 5);
    first.extend([1, 2, 3]);
    const before = counters(slab);
    for (const kind of TYPED_KINDS) expect([kind.name, tryAllocIn(slab, kind, 1000)]).toEqual([kind.name, null]);
    expect(counters(slab)).toEqual(before);
    expect(first.toArray()).toEqual([1, 2, 3]);
    // A failed tryAlloc does not register anything that a reset would release.
    slab.reset();
    expect(slab.allocations).toBe(0);
  });

  it('on an empty zero-length slab, only zero-capacity vectors fit', () => {
    const slab = new Slab(0);
    expect(slab.tryAlloc(U8Vec, 1)).toBeNull();
    expect(slab.alloc(F64Vec, 0).capacity).toBe(0);
    expect(counters(slab)).toEqual({ byteLength: 0, used: 0, remaining: 0, allocations: 1 });
  });
});

describe('Slab.over', () => {
  it('uses the region [byteOffset, byteOffset + byteLength) of the buffer, without copying or clearing it', () => {
    const buffer = new ArrayBuffer(256);
    new Uint8Array(buffer).fill(7);
    const slab = Slab.over(buffer, 32, 64);
    expect(slab.buffer).toBe(buffer);
    expect([slab.byteOffset, slab.byteLength, slab.used, slab.remaining, slab.allocations]).toEqual([32, 64, 0, 64, 0]);
    expect(new Uint8Array(buffer).every((b) => b === 7)).toBe(true);
    const vec = slab.alloc(F64Vec, 8);
    expect(offsetOf(vec)).toBe(32);
    expect((vec.view() as unknown as RawArray).buffer).toBe(buffer);
    expect(slab.remaining).toBe(0);
    expect(slab.tryAlloc(U8Vec, 1)).toBeNull(); // the bytes after the region are not the slab's
  });

  it('byteLength defaults to the rest of the buffer; byteOffset defaults to 0', () => {
    const buffer = new ArrayBuffer(100);
    expect([Slab.over(buffer).byteOffset, Slab.over(buffer).byteLength]).toEqual([0, 100]);
    expect([Slab.over(buffer, 40).byteOffset, Slab.over(buffer, 40).byteLength]).toEqual([40, 60]);
    expect(Slab.over(buffer, 100).byteLength).toBe(0);
  });

  it('an odd byteOffset: vectors are aligned in the buffer, not relative to the region', () => {
    const buffer = new ArrayBuffer(64);
    const slab = Slab.over(buffer, 3, 40);
    const a = slab.alloc(U8Vec, 2); // [3, 5)
    const b = slab.alloc(F64Vec, 1); // [8, 16)
    const c = slab.alloc(U16Vec, 1); // [16, 18)
    const d = slab.alloc(F32Vec, 1); // [20, 24)
    expect([a, b, c, d].map(offsetOf)).toEqual([3, 8, 16, 20]);
    expect(slab.used).toBe(21); // 24 - 3
    expect(slab.remaining).toBe(19);
    expect(slab.tryAlloc(F64Vec, 3)).toBeNull(); // [24, 48) passes 43
    expect(offsetOf(slab.alloc(F64Vec, 2))).toBe(24); // [24, 40)
    expect(slab.remaining).toBe(3);
    slab.reset();
    expect(offsetOf(slab.alloc(U8Vec, 1))).toBe(3);
  });

  it('over a SharedArrayBuffer', () => {
    const buffer = new SharedArrayBuffer(64);
    const slab = Slab.over(buffer, 8);
    const vec = slab.alloc(I32Vec, 4);
    vec.extend([1, -2, 3]);
    expect(Array.from(new Int32Array(buffer, 8, 3))).toEqual([1, -2, 3]);
  });

  it('rejects a region past the end of the buffer', () => {
    const buffer = new ArrayBuffer(64);
    for (const [byteOffset, byteLength] of [
      [0, 65],
      [32, 33],
      [65, 0],
      [65, undefined],
    ] as Array<[number, number | undefined]>) {
      const error = caught(() => Slab.over(buffer, byteOffset, byteLength));
      expect([byteOffset, byteLength, error]).toEqual([byteOffset, byteLength, expect.any(RangeError)]);
      expect(error.message).toContain('Slab.over');
    }
    const error = caught(() => Slab.over(buffer, 32, 33));
    expect(error.message).toContain('[32, 65)');
    expect(error.message).toContain('byteLength 64');
  });

  it('rejects offsets and lengths that are not non-negative integers', () => {
    const buffer = new ArrayBuffer(64);
    const cases: Array<[unknown, unknown, ErrorConstructor, string]> = [
      [-1, 8, RangeError, 'byteOffset'],
      [1.5, 8, RangeError, 'byteOffset'],
      [NaN, 8, RangeError, 'byteOffset'],
      ['0', 8, TypeError, 'byteOffset'],
      [0, -1, RangeError, 'byteLength'],
      [0, 2.5, RangeError, 'byteLength'],
      [0, NaN, RangeError, 'byteLength'],
      [0, '8', TypeError, 'byteLength'],
    ];
    for (const [byteOffset, byteLength, ErrorClass, name] of cases) {
      const error = caught(() => Slab.over(buffer, byteOffset as number, byteLength as number));
      expect([byteOffset, byteLength, error]).toEqual([byteOffset, byteLength, expect.any(ErrorClass)]);
      expect(error.message).toContain('Slab.over');
      expect(error.message).toContain(name);
    }
  });

  it('rejects non-buffers, a detached buffer and resizable or growable buffers', () => {
    const resizable = new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(64, { maxByteLength: 128 });
    const growable = new (SharedArrayBuffer as unknown as new (n: number, o: object) => SharedArrayBuffer)(64, { maxByteLength: 128 });
    const cases: Array<[unknown, RegExp]> = [
      [null, /expected an ArrayBuffer/],
      [new Uint8Array(64), /expected an ArrayBuffer/],
      [{ byteLength: 64 }, /expected an ArrayBuffer/],
      [detachedBuffer(64), /detached/],
      [resizable, /resizable/],
      [growable, /growable/],
    ];
    for (const [memory, pattern] of cases) {
      const error = caught(() => Slab.over(memory as ArrayBuffer));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain('Slab.over');
      expect(error.message).toMatch(pattern);
    }
  });

  it('two slabs over the two halves of one buffer are independent: resetting one releases only its own vectors', () => {
    const buffer = new ArrayBuffer(128);
    const left = Slab.over(buffer, 0, 64);
    const right = Slab.over(buffer, 64, 64);
    const a = left.alloc(F64Vec, 8);
    const b = right.alloc(F64Vec, 8);
    a.push(1);
    b.push(2);
    expect([offsetOf(a), offsetOf(b)]).toEqual([0, 64]);
    left.reset();
    expect(caught(() => a.get(0))).toBeInstanceOf(ReleasedError);
    expect(b.get(0)).toBe(2);
    expect(right.allocations).toBe(1);
  });
});

describe('reset', () => {
  it('frees the whole slab: counters back to zero, and allocation starts over at the same offsets', () => {
    const slab = new Slab(256);
    const first = [slab.alloc(U8Vec, 3), slab.alloc(F64Vec, 4), slab.alloc(U16Vec, 5)];
    const offsets = first.map(offsetOf);
    slab.reset();
    expect(counters(slab)).toEqual({ byteLength: 256, used: 0, remaining: 256, allocations: 0 });
    const second = [slab.alloc(U8Vec, 3), slab.alloc(F64Vec, 4), slab.alloc(U16Vec, 5)];
    expect(second.map(offsetOf)).toEqual(offsets);
    expect(slab.allocations).toBe(3);
  });

  it('releases only the vectors handed out since the previous reset', () => {
    const slab = new Slab(64);
    const old = slab.alloc(F64Vec, 2);
    slab.reset();
    const current = slab.alloc(F64Vec, 2);
    current.push(1.5);
    expect(current.get(0)).toBe(1.5);
    expect(caught(() => old.get(0))).toBeInstanceOf(ReleasedError);
    slab.reset();
    expect(caught(() => current.get(0))).toBeInstanceOf(ReleasedError);
    slab.reset(); // resetting an empty slab, or twice, is harmless
    expect(caught(() => old.push(1))).toBeInstanceOf(ReleasedError);
  });

  it('does not touch vectors built with X.over on the same buffer: the slab did not hand them out', () => {
    const slab = new Slab(64);
    const own = F64Vec.over(slab.buffer, 0, 8);
    own.push(1);
    slab.reset();
    expect(own.get(0)).toBe(1);
  });

  it('a non-vector class passed to alloc (from JavaScript, or through a cast) cannot leave later vectors unreleased', () => {
    // TypedVecClass rejects this in TypeScript, but alloc() accepts it at run time.
    const foreign = { BYTES_PER_ELEMENT: 4, over: (memory: ArrayBuffer, byteOffset: number, capacity: number) => new Float32Array(memory, byteOffset, capacity) };
    const slab = new Slab(256);
    const before = slab.alloc(F64Vec, 2);
    try {
      slab.alloc(foreign as never, 4);
    } catch {
      // rejecting a foreign class is one way to keep the promise
    }
    const after = slab.alloc(F64Vec, 2);
    after.push(1);
    try {
      slab.reset();
    } catch {
      // so is a reset that throws, as long as it released everything first
    }
    expect([slab.used, slab.allocations]).toEqual([0, 0]);
    expect(outcome(() => before.get(0))).toBe('ReleasedError');
    expect(outcome(() => after.get(0))).toBe('ReleasedError');
    // Otherwise `after` is a live handle into memory the slab hands out again.
    const next = slab.alloc(F64Vec, 8);
    next.extend([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(outcome(() => after.toArray())).toBe('ReleasedError');
  });

  it('does not clear the memory (raw reads of slab.buffer are outside the promise)', () => {
    const slab = new Slab(16);
    slab.alloc(U8Vec, 4).extend([1, 2, 3, 4]);
    slab.reset();
    expect(Array.from(new Uint8Array(slab.buffer, 0, 4))).toEqual([1, 2, 3, 4]);
    expect(slab.alloc(U8Vec, 4).toArray()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// The released-vector matrix.
// ---------------------------------------------------------------------------------------

/** Members a released vector keeps answering: the three readable getters, and metadata. */
const STILL_READABLE = ['constructor', 'length', 'isEmpty', 'capacity', 'Symbol(Symbol.toStringTag)', 'Symbol(nodejs.util.inspect.custom)', 'Symbol(slabvec.release)'];

/** A vector of `kind` from a slab, holding 3 elements of capacity 8, after the slab was reset. */
function releasedVector(kind: Kind): { vec: TypedVec; slab: Slab; byteOffset: number } {
  const slab = new Slab(256);
  slab.alloc(U8Vec, 1); // not at offset 0
  const vec = allocIn(slab, kind, 8);
  const byteOffset = offsetOf(vec);
  vec.extend([kind.samples[0], kind.samples[1], el(kind, 1)]);
  slab.reset();
  return { vec, slab, byteOffset };
}

/** The context of the calls on a released vector of `kind`. */
const releasedContext = (kind: Kind) => contextOf(kind, kind.samples[0]);

describe('a released vector', () => {
  it('the matrix below covers every member of every class', () => {
    for (const kind of TYPED_KINDS) {
      const members = membersOf(kind);
      const missing = members.filter((m) => !(m in MEMBER_CALLS) && !STILL_READABLE.includes(m));
      expect([kind.name, missing]).toEqual([kind.name, []]);
      const extra = Object.keys(MEMBER_CALLS).filter((m) => !members.includes(memberOf(m)) && !(m === 'norm' && kind.isBigInt));
      expect([kind.name, extra]).toEqual([kind.name, []]);
    }
  });

  it.each(Object.keys(MEMBER_CALLS))('%s throws ReleasedError for every class', (method) => {
    const results = TYPED_KINDS.filter((kind) => hasMember(kind, method)).map((kind) => {
      const { vec } = releasedVector(kind);
      let result: string;
      try {
        const value = MEMBER_CALLS[method].call(vec, releasedContext(kind));
        result = `returned ${inspect(value)}`;
      } catch (error) {
        const e = error as Error;
        result = e instanceof ReleasedError && e.message.includes(`${kind.name}.`) && e.message.includes('Slab.reset()') ? 'ReleasedError' : `${e.name}: ${e.message}`;
      }
      return [kind.name, result];
    });
    expect(results.length).toBeGreaterThan(0);
    expect(results).toEqual(results.map(([name]) => [name, 'ReleasedError']));
  });

  it('every ReleasedError message names the class and the method that was called', () => {
    const wrong: string[] = [];
    for (const kind of TYPED_KINDS) {
      for (const [method, { call, iteration }] of Object.entries(MEMBER_CALLS)) {
        if (!hasMember(kind, method) || iteration) continue;
        const { vec } = releasedVector(kind);
        let message: string | undefined;
        try {
          call(vec, releasedContext(kind));
        } catch (error) {
          message = (error as Error).message;
        }
        // A call that does not throw at all is reported by the matrix above.
        if (message !== undefined && !message.startsWith(`${kind.name}.${memberOf(method)}:`)) wrong.push(`${kind.name}.${method} -> ${message.split(':')[0]}`);
      }
    }
    // Only one line per method, for a short failure report.
    const byMethod = [...new Set(wrong.map((w) => w.replace(/^\w+\./, '').replace(/ -> \w+\./, ' -> X.')))];
    expect(byMethod).toEqual([]);
  });

  it.each(TYPED_KINDS.map((k) => [k.name, k] as const))('%s: length, isEmpty and capacity stay readable (0, true, capacity)', (_name, kind) => {
    const { vec } = releasedVector(kind);
    expect([vec.length, vec.isEmpty, vec.capacity]).toEqual([0, true, 8]);
    expect(Object.prototype.toString.call(vec)).toBe(`[object ${kind.name}]`);
  });

  it.each(TYPED_KINDS.map((k) => [k.name, k] as const))('%s: util.inspect shows (released)', (_name, kind) => {
    const { vec } = releasedVector(kind);
    expect(inspect(vec)).toBe(`[${kind.name} (released)]`);
    expect(inspect({ vec })).toContain('(released)');
  });

  it('ReleasedError is an Error named ReleasedError whose message says what to do', () => {
    const error = caught(() => releasedVector(kindById('f64')).vec.get(0));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ReleasedError);
    expect(error.name).toBe('ReleasedError');
    expect(error.message).toBe('F64Vec.get: this vector was released by Slab.reset(); allocate a new one from the slab');
  });

  it('hands the next owner nothing: after every call on a stale handle, the new vector and its bytes are unchanged', () => {
    for (const kind of TYPED_KINDS) {
      const { vec: stale, slab, byteOffset } = releasedVector(kind);
      slab.alloc(U8Vec, 1);
      const owner = allocIn(slab, kind, 8);
      const values = [kind.samples[2], el(kind, 4), el(kind, 5), kind.samples[1]];
      owner.extend(values);
      expect(offsetOf(owner)).toBe(byteOffset); // the region the stale vector had
      const bytes = () => Array.from(new Uint8Array(slab.buffer));
      const before = bytes();
      for (const { call } of Object.values(MEMBER_CALLS)) {
        try {
          call(stale, releasedContext(kind));
        } catch {
          // the outcome is checked in the matrix above; here only the effect matters
        }
      }
      expect([kind.name, owner.toArray(), bytes()]).toEqual([kind.name, values, before]);
    }
  });

});

// ---------------------------------------------------------------------------------------
// Stale data: a vector from a reused slab never shows an earlier owner's bytes.
// ---------------------------------------------------------------------------------------

describe('stale data after reset', () => {
  const BYTE = 0xab;
  const SLAB_BYTES = 1024;

  /** The element a slot of `cls` holds when all its bytes are BYTE: what a leak would show. */
  function poisonOf(cls: VecClass): Elem {
    const bytes = new Uint8Array(8).fill(BYTE);
    return new cls.Array(bytes.buffer, 0, 1)[0];
  }

  /** Descending element size, so that the first generation leaves no padding. */
  const BY_SIZE_DESC = [...TYPED_KINDS].sort((a, b) => classOf(b).BYTES_PER_ELEMENT - classOf(a).BYTES_PER_ELEMENT);

  /** Fills every byte of the slab with BYTE through vectors only, then resets it. */
  function poisonSlab(slab: Slab): void {
    for (const kind of BY_SIZE_DESC) {
      const vec = allocIn(slab, kind, 16);
      const poison = poisonOf(classOf(kind));
      while (!vec.isFull) vec.push(poison);
    }
    const rest = slab.alloc(U8Vec, slab.remaining);
    while (!rest.isFull) rest.push(BYTE);
    expect(new Uint8Array(slab.buffer).every((b) => b === BYTE)).toBe(true);
    expect(slab.remaining).toBe(0);
    slab.reset();
  }

  /**
   * The second generation: every kind by ascending size, then every kind in table order, at
   * capacities that are mostly odd, so that regions straddle the old ones.
   */
  const BY_SIZE_ASC = [...BY_SIZE_DESC].reverse();
  const CAPACITIES = [5, 3, 7, 1, 9, 2, 11, 6, 13];
  const LAYOUT: Array<[Kind, number]> = [...BY_SIZE_ASC, ...TYPED_KINDS].map((kind, i) => [kind, CAPACITIES[i % CAPACITIES.length]]);

  /** Legitimate elements of `kind` for the paths below (never the kind's poison). */
  function valuesOf(kind: Kind): [Elem, Elem, Elem] {
    return [kind.samples[0], kind.samples[1], el(kind, 3)];
  }

  /** Every reader of `vec` shows exactly `model`, and the poison appears nowhere. */
  function expectClean(kind: Kind, vec: TypedVec, model: readonly Elem[], label: string): void {
    const poison = poisonOf(classOf(kind));
    const show = (x: unknown) => inspect(x, { depth: 5, maxArrayLength: 1000 });
    expect([label, model.some((x) => Object.is(x, poison))]).toEqual([label, false]);
    const seen: Record<string, unknown> = {
      toArray: vec.toArray(),
      get: Array.from({ length: vec.length }, (_x, i) => vec.get(i)),
      spread: [...vec],
      values: [...vec.values()],
      entries: [...vec.entries()].map(([, x]) => x),
      view: Array.from(vec.view() as unknown as RawArray),
      typedArray: Array.from(vec.toTypedArray() as RawArray),
      clone: vec.clone().toArray(),
      forEach: (() => {
        const out: Elem[] = [];
        vec.forEach((x: Elem) => out.push(x));
        return out;
      })(),
    };
    for (const [path, items] of Object.entries(seen)) expect([label, path, items]).toEqual([label, path, model]);
    const at: Elem[] = [];
    for (let i = -vec.capacity - 1; i <= vec.capacity + 1; i++) {
      const x = vec.at(i);
      if (x !== undefined) at.push(x);
    }
    expect([label, 'at', at.some((x) => Object.is(x, poison))]).toEqual([label, 'at', false]);
    expect([label, JSON.stringify(vec)]).toEqual([label, JSON.stringify(model.map((x) => (typeof x === 'bigint' ? String(x) : x)))]);
    expect([label, show(vec).includes(String(poison))]).toEqual([label, false]);
    expect([label, vec.includes(poison), vec.indexOf(poison)]).toEqual([label, false, -1]);
    if (vec.length > 0) {
      const expectedSum = model.reduce((a: any, b: any) => a + b, kind.isBigInt ? 0n : 0);
      if (model.length === 1) expect([label, 'sum', vec.sum()]).toEqual([label, 'sum', expectedSum]);
      expect([label, 'min/max', [vec.min(), vec.max()].some((x) => Object.is(x, poison))]).toEqual([label, 'min/max', false]);
    }
  }

  /** One way of bringing a fresh vector over stale memory to a state; returns the expected contents. */
  type Path = (vec: TypedVec, kind: Kind) => Elem[];
  const PATHS: Record<string, Path> = {
    'nothing (a fresh vector)': () => [],
    push: (v, k) => {
      v.push(valuesOf(k)[0]);
      return [valuesOf(k)[0]];
    },
    'resize growth to capacity with a fill value': (v, k) => {
      v.resize(v.capacity, valuesOf(k)[1]);
      return Array(v.capacity).fill(valuesOf(k)[1]);
    },
    'resize growth by one, twice': (v, k) => {
      v.resize(1, valuesOf(k)[0]);
      if (v.capacity > 1) v.resize(2, valuesOf(k)[1]);
      return [valuesOf(k)[0], valuesOf(k)[1]].slice(0, Math.min(2, v.capacity));
    },
    'extend from an array': (v, k) => {
      const items = valuesOf(k).slice(0, v.capacity);
      v.extend(items);
      return items;
    },
    'extend from a typed array': (v, k) => {
      v.extend(new (classOf(k).Array)([valuesOf(k)[2]]));
      return [valuesOf(k)[2]];
    },
    'tryExtend, tryPush, tryInsert': (v, k) => {
      const [a, b, c] = valuesOf(k);
      expect(v.tryExtend([a])).toBe(true);
      const model = [a];
      if (v.tryPush(b)) model.push(b);
      if (v.tryInsert(0, c)) model.unshift(c);
      return model;
    },
    insert: (v, k) => {
      v.insert(0, valuesOf(k)[2]);
      return [valuesOf(k)[2]];
    },
    'splice inserting into an empty vector': (v, k) => {
      const removed = v.splice(0, 0, [valuesOf(k)[1]]);
      expect(Array.from(removed as RawArray)).toEqual([]);
      return [valuesOf(k)[1]];
    },
    'drain and splice return only live elements': (v, k) => {
      const [a, b] = valuesOf(k);
      v.push(a);
      expect(Array.from(v.drain() as RawArray)).toEqual([a]);
      v.push(b);
      expect(Array.from(v.splice(0, 1) as RawArray)).toEqual([b]);
      return [];
    },
    'truncate, then grow by resize': (v, k) => {
      const [a, b, c] = valuesOf(k);
      v.extend([a, b, c].slice(0, v.capacity));
      v.truncate(0);
      v.resize(Math.min(3, v.capacity), c);
      return Array(Math.min(3, v.capacity)).fill(c);
    },
    'truncate, then grow by extend of fewer elements': (v, k) => {
      const [a, b, c] = valuesOf(k);
      v.extend([a, b, c].slice(0, v.capacity));
      v.truncate(0);
      v.extend([b]);
      return [b];
    },
    'pop, clear, then push': (v, k) => {
      const [a, b] = valuesOf(k);
      v.push(a);
      v.pop();
      v.clear();
      v.push(b);
      return [b];
    },
    'copyFrom a shorter source': (v, k) => {
      v.copyFrom([valuesOf(k)[0]]);
      return [valuesOf(k)[0]];
    },
    'map and kernels over one element': (v, k) => {
      const x = valuesOf(k)[2]; // positive, so abs() keeps it
      v.push(x);
      v.map((y: Elem) => y);
      v.abs();
      v.clamp(x, x);
      return [x];
    },
    'sort, reverse, dedup, retain on one element': (v, k) => {
      v.push(valuesOf(k)[1]);
      v.sort().reverse();
      v.dedup();
      v.retain(() => true);
      return [valuesOf(k)[1]];
    },
  };

  it('the poison values are what the first generation wrote, and differ from every legitimate value', () => {
    for (const kind of TYPED_KINDS) {
      const poison = poisonOf(classOf(kind));
      expect([kind.name, valuesOf(kind).some((x) => Object.is(x, poison))]).toEqual([kind.name, false]);
    }
  });

  it.each(Object.keys(PATHS))('through %s, no vector of the next generation shows the sentinel', (pathName) => {
    const slab = new Slab(SLAB_BYTES);
    poisonSlab(slab);
    const vectors = LAYOUT.map(([kind, capacity]) => ({ kind, vec: allocIn(slab, kind, capacity) }));
    // The last vector takes what is left, so the whole slab is in use again.
    const u16 = kindById('u16');
    vectors.push({ kind: u16, vec: allocIn(slab, u16, Math.floor((slab.remaining - (slab.used % 2)) / 2)) });
    for (const { kind, vec } of vectors) {
      const label = `${kind.name}(${vec.capacity}) at ${offsetOf(vec)} via ${pathName}`;
      const model = PATHS[pathName](vec, kind);
      expectClean(kind, vec, model, label);
    }
  });

  it('the sentinel check can fail: assumeInit over the same stale memory does show it', () => {
    const slab = new Slab(SLAB_BYTES);
    poisonSlab(slab);
    const vec = (F64Vec as unknown as { assumeInit(m: ArrayBufferLike, o: number, c: number, l: number): TypedVec }).assumeInit(slab.buffer, 0, 4, 2);
    expect(vec.toArray()).toEqual([poisonOf(F64Vec as unknown as VecClass), poisonOf(F64Vec as unknown as VecClass)]);
  });

  it('a released vector cannot be used to read the next owner’s data either', () => {
    const slab = new Slab(64);
    const stale = slab.alloc(F64Vec, 4);
    stale.extend([1, 2]);
    slab.reset();
    const owner = slab.alloc(F64Vec, 4);
    owner.extend([3, 4, 5]);
    expect(caught(() => stale.get(0))).toBeInstanceOf(ReleasedError);
    expect(caught(() => stale.toArray())).toBeInstanceOf(ReleasedError);
    expect(caught(() => stale.view())).toBeInstanceOf(ReleasedError);
    expect(stale.at).toBeInstanceOf(Function);
    expect(caught(() => stale.at(0))).toBeInstanceOf(ReleasedError);
    expect(caught(() => stale.push(9))).toBeInstanceOf(ReleasedError);
    expect(caught(() => stale.set(0, 9))).toBeInstanceOf(ReleasedError);
    expect(owner.toArray()).toEqual([3, 4, 5]);
  });
});

describe('errors on a live vector from a slab are the ordinary ones', () => {
  it('IndexError and CapacityError, not ReleasedError', () => {
    const slab = new Slab(64);
    const vec = slab.alloc(F64Vec, 2);
    expect(caught(() => vec.get(0))).toBeInstanceOf(IndexError);
    vec.extend([1, 2]);
    expect(caught(() => vec.push(3))).toBeInstanceOf(CapacityError);
    expect(outcome(() => vec.pop())).toBe('returned');
  });
});

describe('arguments that are not what the slab takes get errors naming the method', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['OptionVec', OptionVec],
    ['an object', {}],
    ['a plain function', () => 1],
    ['a class without over()', class {}],
  ])('alloc and tryAlloc of %s: a TypeError, and the slab is unchanged', (_label, cls) => {
    const slab = new Slab(64);
    for (const method of ['alloc', 'tryAlloc'] as const) {
      const error = caught(() => slab[method](cls as never, 2));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(new RegExp(`^Slab\\.${method}: expected one of slabvec's typed vector classes`));
    }
    expect([slab.used, slab.allocations]).toEqual([0, 0]);
  });

  it('new Slab(n, options) needs an object for options', () => {
    for (const options of [null, 5, 'shared']) {
      const error = caught(() => new Slab(8, options as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`Slab: options must be an object such as { shared: true }, got ${options === null ? 'null' : typeof options === 'string' ? '"shared"' : options}`);
    }
  });

  it('a size the engine cannot allocate is a RangeError naming Slab and the size', () => {
    const error = caught(() => new Slab(2 ** 53));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toMatch(/^Slab: could not allocate 9007199254740992 bytes \(.+\)$/);
  });

  it('Slab.over takes null for byteLength as an error, not as "the rest of the buffer"', () => {
    const error = caught(() => Slab.over(new ArrayBuffer(16), 4, null as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('Slab.over: byteLength must be a non-negative integer, got null');
    expect(Slab.over(new ArrayBuffer(16), 4).byteLength).toBe(12);
  });

  it('shared: true where SharedArrayBuffer does not exist says what the page needs', () => {
    const saved = globalThis.SharedArrayBuffer;
    // As in a browser page that is not cross-origin isolated.
    delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
    try {
      const error = caught(() => new Slab(8, { shared: true }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^Slab: SharedArrayBuffer is not available here; .*Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp$/);
      expect(new Slab(8).byteLength).toBe(8);
    } finally {
      globalThis.SharedArrayBuffer = saved;
    }
  });
});

describe('copyTo into a vector a slab released', () => {
  // A target of another class is written through its public methods; its length reads 0
  // once released, so without a check first the error would be about targetStart.
  test.each([
    ['F64Vec', () => F64Vec.of(1, 2)],
    ['F32Vec', () => F32Vec.of(1, 2)],
    ['OptionVec', () => OptionVec.of(1, 2)],
  ] as const)('from %s: a ReleasedError naming copyTo and the target, whatever targetStart', (name, source) => {
    const slab = new Slab(256);
    const target = slab.alloc(F64Vec, 8);
    target.extend([5, 6, 7]);
    slab.reset();
    for (const targetStart of [0, 2]) {
      expect(() => source().copyTo(target, targetStart)).toThrow(ReleasedError);
      expect(() => source().copyTo(target, targetStart)).toThrow(new RegExp(`^${name}\\.copyTo: the target vector was released by Slab\\.reset\\(\\)`));
    }
  });
});
