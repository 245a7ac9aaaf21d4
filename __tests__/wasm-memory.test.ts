/**
 * Vectors over a real `WebAssembly.Memory`. `memory.grow()` detaches the old buffer and
 * installs a larger one; a vector over the old buffer must never silently return
 * `undefined` or wrong data: every read, every growing operation and every other non-hot
 * method throws DetachedError. The one documented gap is `set()`, whose write the engine
 * drops without a trace (typed arrays ignore writes to a detached buffer); the next read
 * reports the detach. A new vector over `memory.buffer` at the same offset, attached with
 * `assumeInit`, sees the old contents: grow preserves them. Also: a Slab over the memory's
 * buffer, and a shared memory, whose grow() detaches nothing.
 */

import { inspect } from 'node:util';
import { DetachedError, F64Vec, ReleasedError, Slab, U8Vec } from '../src/index';
import { el } from './support/assertions';
import { TYPED_KINDS, type Elem, type Kind } from './support/kinds';
import { MEMBER_CALLS, contextOf, hasMember, membersOf, type CallContext, type MemberCall } from './support/member-calls';
import { WasmMemory, classOf, type TypedVec } from './support/vec-classes';

/** What a call did: `DetachedError` (with the class named), or what else happened. */
function outcomeOf(kindName: string, fn: () => unknown): string {
  try {
    return `returned ${inspect(fn())}`;
  } catch (error) {
    const e = error as Error;
    if (e instanceof DetachedError && e.message.includes(`${kindName}.`) && /detached/.test(e.message)) return 'DetachedError';
    return `${e.name}: ${e.message}`;
  }
}

const PAGE = 65536;
const REGION = 256; // bytes per vector region in the memory
const CAPACITY = 8;

/** Every class over one memory, each holding 3 elements, then the memory grown. */
function grownMemory(): { memory: WasmMemory; old: ArrayBuffer; vectors: Array<{ kind: Kind; vec: TypedVec; byteOffset: number; values: Elem[] }> } {
  const memory = new WasmMemory({ initial: 1, maximum: 4 });
  const vectors = TYPED_KINDS.map((kind, i) => {
    const byteOffset = i * REGION;
    const vec = classOf(kind).over(memory, byteOffset, CAPACITY);
    const values = [kind.samples[0], kind.samples[1], el(kind, 3)];
    vec.extend(values);
    return { kind, vec, byteOffset, values };
  });
  const old = memory.buffer as ArrayBuffer;
  expect(memory.grow(1)).toBe(1);
  return { memory, old, vectors };
}

/** Every call of the matrix except `set` (the documented gap, above). */
const CALLS: Record<string, MemberCall> = Object.fromEntries(Object.entries(MEMBER_CALLS).filter(([key]) => key !== 'set'));

/** Members not called: the three getters that stay readable, `set`, and metadata. */
const NOT_CALLED = ['constructor', 'length', 'isEmpty', 'capacity', 'set', 'Symbol(Symbol.toStringTag)', 'Symbol(nodejs.util.inspect.custom)', 'Symbol(slabvec.release)'];

const ctxOf = (kind: Kind): CallContext => contextOf(kind, kind.samples[2]);

describe('WebAssembly.Memory.grow() under vectors', () => {
  it('grow detaches the old buffer and keeps the contents in the new one', () => {
    const { memory, old, vectors } = grownMemory();
    expect(old.byteLength).toBe(0);
    expect(memory.buffer.byteLength).toBe(2 * PAGE);
    for (const { kind, byteOffset, values } of vectors) {
      expect([kind.name, Array.from(new (classOf(kind).Array)(memory.buffer, byteOffset, 3))]).toEqual([kind.name, values]);
    }
  });

  it('the matrix below covers every member of every class', () => {
    for (const kind of TYPED_KINDS) {
      const members = membersOf(kind);
      const missing = members.filter((m) => !(m in CALLS) && !NOT_CALLED.includes(m));
      expect([kind.name, missing]).toEqual([kind.name, []]);
    }
  });

  it.each(Object.keys(CALLS))('%s on a vector over the old buffer throws DetachedError, for every class', (method) => {
    const { vectors } = grownMemory();
    const results = vectors.filter(({ kind }) => hasMember(kind, method)).map(({ kind, vec }) => [kind.name, outcomeOf(kind.name, () => CALLS[method].call(vec, ctxOf(kind)))]);
    expect(results.length).toBeGreaterThan(0);
    expect(results).toEqual(results.map(([name]) => [name, 'DetachedError']));
  });

  it('no read ever returns undefined or a value: get at every live index throws, and so does every at()', () => {
    const { vectors } = grownMemory();
    for (const { kind, vec } of vectors) {
      for (let i = 0; i < 3; i++) expect([kind.name, i, outcomeOf(kind.name, () => vec.get(i))]).toEqual([kind.name, i, 'DetachedError']);
      for (let i = -4; i <= 4; i++) expect([kind.name, i, outcomeOf(kind.name, () => vec.at(i))]).toEqual([kind.name, i, 'DetachedError']);
      expect([kind.name, outcomeOf(kind.name, () => vec.get(3))]).toEqual([kind.name, 'DetachedError']); // an index error reports the detach first
    }
  });

  it('a hot loop that read the vector before the grow throws at the first read after it', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 2 });
    const vec = F64Vec.over(memory, 0, 1024);
    for (let i = 0; i < 1024; i++) vec.push(i);
    let sum = 0;
    for (let round = 0; round < 50; round++) for (let i = 0; i < vec.length; i++) sum += vec.get(i);
    expect(sum).toBe(50 * ((1023 * 1024) / 2));
    memory.grow(1);
    let reads = 0;
    const error = (() => {
      try {
        for (let i = 0; i < vec.length; i++) {
          sum += vec.get(i);
          reads++;
        }
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DetachedError);
    expect(reads).toBe(0);
    expect(Number.isNaN(sum)).toBe(false);
  });

  it('length, isEmpty and capacity stay readable; inspect says (detached); the vector is unchanged by the failed calls', () => {
    const { vectors } = grownMemory();
    for (const { kind, vec } of vectors) {
      for (const { call } of Object.values(CALLS)) {
        try {
          call(vec, ctxOf(kind));
        } catch {
          // checked in the matrix above
        }
      }
      expect([kind.name, vec.length, vec.isEmpty, vec.capacity]).toEqual([kind.name, 3, false, CAPACITY]);
      expect(inspect(vec)).toBe(`[${kind.name} (detached)]`);
    }
  });

  it('DetachedError is a TypeError named DetachedError that says what to do', () => {
    const { vectors } = grownMemory();
    let error: unknown;
    try {
      vectors[0].vec.get(0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(DetachedError);
    expect((error as Error).name).toBe('DetachedError');
    expect((error as Error).message).toBe(
      "F64Vec.get: the vector's buffer was detached (WebAssembly.Memory.grow() or a transfer); build a new vector over the new buffer",
    );
  });

  it('the documented gap: set() into the old buffer is dropped silently, and the next read reports the detach', () => {
    const { memory, vectors } = grownMemory();
    for (const { kind, vec, byteOffset, values } of vectors) {
      expect(() => vec.set(0, kind.samples[2])).not.toThrow();
      expect([kind.name, outcomeOf(kind.name, () => vec.get(0))]).toEqual([kind.name, 'DetachedError']);
      // The write went nowhere: the new buffer still holds the old value.
      expect(new (classOf(kind).Array)(memory.buffer, byteOffset, 1)[0]).toEqual(values[0]);
    }
  });

  it('set() still validates its arguments on a detached vector', () => {
    const { vectors } = grownMemory();
    for (const { kind, vec } of vectors) {
      expect(() => vec.set(0, kind.wrongType as Elem)).toThrow(TypeError);
      expect([kind.name, outcomeOf(kind.name, () => vec.set(CAPACITY, kind.samples[0]))]).toEqual([kind.name, 'DetachedError']);
    }
  });

  it('a new vector over memory.buffer at the same offset, attached with assumeInit, sees the old contents and works', () => {
    const { memory, vectors } = grownMemory();
    for (const { kind, byteOffset, values } of vectors) {
      const again = classOf(kind).assumeInit(memory, byteOffset, CAPACITY, 3);
      expect([kind.name, again.toArray()]).toEqual([kind.name, values]);
      again.push(el(kind, 7));
      expect(again.pop()).toEqual(el(kind, 7));
      const viaBuffer = classOf(kind).assumeInit(memory.buffer, byteOffset, CAPACITY, 3);
      expect(viaBuffer.toArray()).toEqual(values);
    }
  });

  it('building over the old buffer fails with a TypeError that says it is detached', () => {
    const { old } = grownMemory();
    expect(() => F64Vec.over(old, 0, 1)).toThrow(/detached/);
    expect(() => F64Vec.over(old, 0, 1)).toThrow(TypeError);
  });

  it('an empty vector over the old buffer: growing operations and reads throw DetachedError too', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 2 });
    const empties = TYPED_KINDS.map((kind, i) => ({ kind, vec: classOf(kind).over(memory, i * REGION, CAPACITY) }));
    memory.grow(1);
    const calls: Record<string, (v: TypedVec, c: CallContext) => unknown> = {
      push: (v, c) => v.push(c.x),
      tryPush: (v, c) => v.tryPush(c.x),
      extend: (v, c) => v.extend([c.x]),
      tryExtend: (v, c) => v.tryExtend([c.x]),
      insert: (v, c) => v.insert(0, c.x),
      resize: (v, c) => v.resize(2, c.x),
      splice: (v, c) => v.splice(0, 0, [c.x]),
      copyFrom: (v, c) => v.copyFrom([c.x]),
      get: (v) => v.get(0),
      at: (v) => v.at(0),
      pop: (v) => v.pop(),
      toArray: (v) => v.toArray(),
      view: (v) => v.view(),
      indexOf: (v, c) => v.indexOf(c.x),
      lastIndexOf: (v, c) => v.lastIndexOf(c.x),
      includes: (v, c) => v.includes(c.x),
      sum: (v) => v.sum(),
    };
    const wrong: string[] = [];
    for (const { kind, vec } of empties) {
      for (const [method, call] of Object.entries(calls)) {
        const result = outcomeOf(kind.name, () => call(vec, ctxOf(kind)));
        if (result !== 'DetachedError') wrong.push(`${method} -> ${result.replace(kind.name, 'X').replace(/\w+Array\(0\)/, 'TypedArray(0)')}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe('a Slab over a WebAssembly.Memory', () => {
  it('hands out vectors in the memory; after grow they throw DetachedError and allocation fails without changing the slab', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 2 });
    const slab = Slab.over(memory, 1024, 4096);
    expect(slab.buffer).toBe(memory.buffer);
    const a = slab.alloc(U8Vec, 3);
    const b = slab.alloc(F64Vec, 4);
    a.extend([1, 2, 3]);
    b.extend([0.5, 1.5]);
    expect(Array.from(new Float64Array(memory.buffer, 1032, 2))).toEqual([0.5, 1.5]);
    memory.grow(1);
    expect(() => a.toArray()).toThrow(DetachedError);
    expect(() => b.get(0)).toThrow(DetachedError);
    expect(() => b.push(2.5)).toThrow(DetachedError);
    const before = [slab.used, slab.remaining, slab.allocations];
    expect(() => slab.alloc(F64Vec, 1)).toThrow(/detached/);
    expect(() => slab.tryAlloc(F64Vec, 1)).toThrow(/detached/);
    expect([slab.used, slab.remaining, slab.allocations]).toEqual(before);
    // The data survived the grow: a slab over the new buffer, and vectors attached with assumeInit.
    const again = Slab.over(memory, 1024, 4096);
    expect(again.buffer).toBe(memory.buffer);
    expect(F64Vec.assumeInit(memory, 1032, 4, 2).toArray()).toEqual([0.5, 1.5]);
    expect(again.alloc(U8Vec, 3).toArray()).toEqual([]);
  });

  it('reset after grow releases the old vectors: ReleasedError wins over DetachedError', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 2 });
    const slab = Slab.over(memory);
    const vec = slab.alloc(F64Vec, 4);
    vec.push(1);
    memory.grow(1);
    expect(() => vec.get(0)).toThrow(DetachedError);
    slab.reset();
    expect(() => vec.get(0)).toThrow(ReleasedError);
    expect([vec.length, vec.capacity]).toEqual([0, 4]);
  });
});

describe('a shared WebAssembly.Memory', () => {
  it('grow() detaches nothing: old vectors keep working and see writes made through the new buffer', () => {
    const memory = new WasmMemory({ initial: 1, maximum: 4, shared: true });
    const vec = F64Vec.over(memory, 64, 8);
    vec.extend([1, 2, 3]);
    memory.grow(1);
    expect(memory.buffer.byteLength).toBe(2 * PAGE);
    expect(vec.toArray()).toEqual([1, 2, 3]);
    new Float64Array(memory.buffer, 64, 3)[1] = 20;
    expect(vec.get(1)).toBe(20);
    vec.push(4);
    expect(F64Vec.assumeInit(memory, 64, 8, 4).toArray()).toEqual([1, 20, 3, 4]);
  });
});
