/**
 * F32History and its siblings (issue 12 §2), for every element kind this runtime has:
 *
 * - model runs: random sequences of push, pushBlock (a typed array, a vector, a window of the
 *   history itself, blocks longer than the capacity), clear, over memory poisoned with the
 *   kind's sentinel (an ArrayBuffer, a SharedArrayBuffer, a WebAssembly.Memory) or of its own;
 *   after every step the whole observable state must equal a plain array window (the last
 *   `capacity` values pushed), and the window kernels must equal the vector kernels over a
 *   vector holding the window, bit for bit. The sentinel can then never come out;
 * - the bad-input matrix of every method, with the exact error class and message;
 * - over() validation and a detached buffer.
 *
 * Imports no Node built-in: runs in Chromium too (`npm run test:browser -- history`).
 */

import fc from 'fast-check';
import { inspect } from 'node:util';
import { CapacityError, DetachedError, EmptyError, F32History, F32Vec, F64History, I64History, IndexError, U8History } from '../src/index';
import { withArticle } from '../src/errors';
import {
  FAMILY_KINDS,
  MEMORY_KINDS,
  bufferOfMemory,
  makeMemory,
  expectShownAs,
  poison,
  same,
  type AnyHistory,
  type FamilyKind,
  type MemoryKind,
} from './support/families';
import { arrayCtorOf, type Elem } from './support/kinds';
import { WasmMemory } from './support/vec-classes';

jest.setTimeout(60_000);

/** One step of a model run; `n` picks a window length (modulo length + 1) for the checks. */
type Step =
  | { readonly op: 'push'; readonly x: Elem; readonly n: number }
  | { readonly op: 'block'; readonly xs: readonly Elem[]; readonly asVec: boolean; readonly n: number }
  | { readonly op: 'self'; readonly k: number; readonly n: number }
  | { readonly op: 'clear'; readonly n: number };

function stepArb(fk: FamilyKind, capacity: number): fc.Arbitrary<Step> {
  const n = fc.nat();
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('push' as const), x: fk.kind.element, n }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('block' as const), xs: fc.array(fk.kind.element, { maxLength: 2 * capacity + 2, size: 'max' }), asVec: fc.boolean(), n }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('self' as const), k: fc.nat(), n }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('clear' as const), n }) },
  );
}

/** Where a run's history lives: its own storage, or poisoned memory of a kind at an offset. */
type Placement = { readonly memory: 'own' } | { readonly memory: MemoryKind; readonly offsetSlots: number };

const placementArb: fc.Arbitrary<Placement> = fc.oneof(
  fc.constant({ memory: 'own' as const }),
  fc.record({ memory: fc.constantFrom(...MEMORY_KINDS), offsetSlots: fc.integer({ min: 0, max: 3 }) }),
);

function makeHistory(fk: FamilyKind, capacity: number, placement: Placement): AnyHistory {
  if (placement.memory === 'own') return new fk.History(capacity);
  const offset = placement.offsetSlots * fk.History.BYTES_PER_ELEMENT;
  const memory = makeMemory(placement.memory, offset + fk.History.bytesFor(capacity) + 16);
  poison(fk.kind, memory);
  return fk.History.over(memory, offset, capacity);
}

/** Checks every public read of `h` against `model` (the live samples, oldest first). */
function checkAgainst(fk: FamilyKind, h: AnyHistory, model: readonly Elem[], pick: number): void {
  const length = model.length;
  expect(h.length).toBe(length);
  expect(h.isEmpty).toBe(length === 0);
  expect(h.isFull).toBe(length === h.capacity);
  expect(h.toArray()).toEqual(model);
  expectShownAs(h, `${fk.name}History`, model);
  expect(Array.from(h.window())).toEqual(model);
  for (let i = 0; i < length; i++) expect(same(h.get(i), model[i])).toBe(true);
  expect(h.at(-1)).toEqual(model[length - 1]);
  expect(h.at(0)).toEqual(model[0]);
  const n = pick % (length + 1);
  const tail = model.slice(length - n);
  expect(Array.from(h.window(n))).toEqual(tail);
  // The kernels against the vector kernels over a vector holding the window, bit for bit.
  const vec = fk.vecOf(tail);
  expect(h.sum(n)).toEqual(vec.sum());
  expect(h.sumOfSquares(n)).toEqual(vec.sumOfSquares());
  const taps = (h.window(n) as unknown as Float64Array).slice();
  expect(h.dot(taps, n)).toEqual(vec.dot(taps));
  if (n === 0) {
    expect(() => h.mean(n)).toThrow(EmptyError);
    expect(() => h.min(n)).toThrow(EmptyError);
    expect(() => h.max(n)).toThrow(EmptyError);
  } else {
    expect(h.mean(n)).toEqual(vec.mean());
    expect(h.min(n)).toEqual(vec.min());
    expect(h.max(n)).toEqual(vec.max());
  }
  if (length > 0) expect(h.sum()).toEqual(fk.vecOf(model).sum());
}

describe.each(FAMILY_KINDS)('$name History against an array window', (fk) => {
  const capacityArb = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 120, max: 300 }));

  it('gives the newest n samples from window(n) while its window cache grows (2,048 samples, small blocks)', () => {
    // The cache starts with 64 slots and may grow to 128: hundreds of small blocks, each
    // followed by windows of random lengths, make it grow mid-sequence.
    fc.assert(
      fc.property(
        fc.array(fc.record({ xs: fc.array(fk.kind.element, { minLength: 1, maxLength: 40 }), n: fc.nat(), m: fc.nat() }), { minLength: 300, maxLength: 500 }),
        (steps) => {
          const h = new fk.History(2048);
          const model: Elem[] = [];
          for (const step of steps) {
            const block = arrayCtorOf(fk.kind).from(step.xs);
            h.pushBlock(block);
            model.push(...Array.from(block));
            if (model.length > 2048) model.splice(0, model.length - 2048);
            for (const k of [step.n, step.m, step.n]) {
              const n = k % (model.length + 1);
              const w = h.window(n);
              expect(w.length).toBe(n);
              // Element by element (toEqual on thousands of windows is slow); the first
              // disagreement is reported with its index.
              for (let i = 0; i < n; i++) {
                if (!Object.is(w[i], model[model.length - n + i])) expect({ i, got: w[i] }).toEqual({ i, got: model[model.length - n + i] });
              }
            }
          }
        },
      ),
      { numRuns: 5 },
    );
  });

  it('agrees with the model after every step, over its own storage and over poisoned memory', () => {
    fc.assert(
      fc.property(
        capacityArb.chain((capacity) => fc.tuple(fc.constant(capacity), fc.array(stepArb(fk, capacity), { maxLength: 25, size: 'max' }))),
        placementArb,
        ([capacity, steps], placement) => {
          const h = makeHistory(fk, capacity, placement);
          let model: Elem[] = [];
          const keep = (): void => {
            model = model.slice(Math.max(0, model.length - capacity));
          };
          checkAgainst(fk, h, model, 0);
          for (const step of steps) {
            switch (step.op) {
              case 'push':
                h.push(step.x);
                model.push(fk.kind.convert(step.x));
                break;
              case 'block': {
                const block = arrayCtorOf(fk.kind).from(step.xs);
                h.pushBlock(step.asVec ? fk.kind.cls.from(block) : block);
                model.push(...Array.from(block));
                break;
              }
              case 'self': {
                // A block that is a view of the history's own buffer.
                const k = step.k % (h.length + 1);
                h.pushBlock(h.window(k));
                model.push(...model.slice(model.length - k));
                break;
              }
              case 'clear':
                h.clear();
                model = [];
                break;
            }
            keep();
            checkAgainst(fk, h, model, step.n);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never shows the sentinel of its memory, wrapped many times over', () => {
    for (const memory of MEMORY_KINDS) {
      const h = makeHistory(fk, 5, { memory, offsetSlots: 1 });
      const [a, b, c] = fk.kind.samples;
      for (let i = 0; i < 23; i++) {
        h.push([a, b, c][i % 3]);
        for (const x of [...h.toArray(), ...Array.from(h.window()), h.min(), h.max(), h.at(-1)]) expect(x).not.toEqual(fk.kind.sentinel);
      }
    }
  });
});

describe.each(FAMILY_KINDS)('$name History: bad input', (fk) => {
  const cls = fk.History.name;
  const [a, b] = fk.kind.samples;
  const wrong = fk.kind.wrongType;
  const otherArray = fk.kind.isBigInt ? new Float64Array(2) : new BigInt64Array(2);

  it('the constructor and bytesFor take an integer capacity from 1 to 2^29', () => {
    for (const bad of [0, -0, -1, 2 ** 29 + 1, Infinity]) {
      expect(() => new fk.History(bad)).toThrow(RangeError);
      expect(() => new fk.History(bad)).toThrow(`${cls}: capacity must be an integer from 1 to 536870912`);
      expect(() => fk.History.bytesFor(bad)).toThrow(`${cls}.bytesFor: capacity must be an integer from 1 to 536870912`);
    }
    for (const bad of [1.5, NaN]) expect(() => new fk.History(bad)).toThrow(RangeError);
    for (const bad of ['3', undefined, null, 3n]) expect(() => new fk.History(bad as never)).toThrow(TypeError);
    expect(fk.History.bytesFor(3)).toBe(6 * fk.History.BYTES_PER_ELEMENT);
  });

  it('push takes an element of its type only, and changes nothing when it throws', () => {
    const h = new fk.History(2);
    h.push(a);
    for (const bad of [wrong, String(a), undefined, null, {}]) {
      expect(() => h.push(bad as Elem)).toThrow(TypeError);
      expect(() => h.push(bad as Elem)).toThrow(`${cls}.push: expected a ${fk.kind.isBigInt ? 'bigint' : 'number'}`);
    }
    expect(h.toArray()).toEqual([a]);
  });

  it('pushBlock takes a typed array or a vector of its kind only, and changes nothing when it throws', () => {
    const h = new fk.History(2);
    h.push(a);
    for (const bad of [[a, b], otherArray, new DataView(new ArrayBuffer(8)), a, null, { view: () => [a] }]) {
      expect(() => h.pushBlock(bad)).toThrow(TypeError);
      expect(() => h.pushBlock(bad)).toThrow(`${cls}.pushBlock: expected block as ${withArticle(fk.kind.spec!.arrayName)} or ${withArticle(fk.kind.name)}`);
    }
    expect(h.toArray()).toEqual([a]);
  });

  it('get takes an integer in [0, length): IndexError outside, TypeError for a non-number', () => {
    const h = new fk.History(3);
    h.push(a);
    h.push(b);
    for (const bad of [-1, 2, 3, 1.5, NaN, Infinity, -Infinity, 2 ** 32]) {
      expect(() => h.get(bad)).toThrow(IndexError);
      expect(() => h.get(bad)).toThrow(`${cls}.get: index`);
    }
    expect(() => h.get(2)).toThrow('index 2 is out of bounds for length 2');
    expect(() => h.get('0' as never)).toThrow(TypeError);
    expect(() => h.get('0' as never)).toThrow(`${cls}.get: index must be a number`);
    expect(h.get(-0)).toEqual(a);
    expect(() => new fk.History(1).get(0)).toThrow(IndexError);
  });

  it('at follows Array.prototype.at and rejects a non-number', () => {
    const h = new fk.History(3);
    h.push(a);
    h.push(b);
    expect([h.at(-1), h.at(-2), h.at(-3), h.at(2), h.at(1.7), h.at(NaN)]).toEqual([b, a, undefined, undefined, b, a]);
    expect(() => h.at('1' as never)).toThrow(TypeError);
    expect(() => h.at('1' as never)).toThrow(`${cls}.at: index must be a number`);
  });

  it('window and the kernels take n as an integer in [0, length]', () => {
    const h = new fk.History(4);
    h.push(a);
    h.push(b);
    const methods = ['window', 'sum', 'mean', 'min', 'max', 'sumOfSquares'] as const;
    for (const name of methods) {
      for (const bad of [-1, 3, 1.5, NaN, Infinity]) {
        expect(() => h[name](bad)).toThrow(RangeError);
        expect(() => h[name](bad)).toThrow(`${cls}.${name}: n must be an integer from 0 to 2, got`);
      }
      expect(() => h[name]('1' as never)).toThrow(TypeError);
      expect(() => h[name]('1' as never)).toThrow(`${cls}.${name}: n must be an integer from 0 to 2`);
    }
    expect(Array.from(h.window(-0))).toEqual([]);
    expect(Object.is(h.window(-0).length, 0)).toBe(true);
  });

  it('mean, min and max of an empty window are EmptyErrors naming the method', () => {
    const h = new fk.History(2);
    for (const name of ['mean', 'min', 'max'] as const) {
      expect(() => h[name]()).toThrow(EmptyError);
      expect(() => h[name]()).toThrow(`${cls}.${name}: the window is empty`);
    }
    h.push(a);
    expect(() => h.min(0)).toThrow(`${cls}.min: the window is empty`);
    expect(h.sum(0)).toEqual(fk.kind.isBigInt ? 0n : 0);
  });

  it('dot takes taps of its kind, as long as the window', () => {
    const h = new fk.History(4);
    h.push(a);
    h.push(b);
    const ctor = arrayCtorOf(fk.kind);
    expect(() => h.dot(ctor.from([a]))).toThrow(RangeError);
    expect(() => h.dot(ctor.from([a]))).toThrow(`${cls}.dot: taps has length 1 but the window has length 2`);
    expect(() => h.dot(ctor.from([a, b]), 1)).toThrow('taps has length 2 but the window has length 1');
    expect(() => h.dot(otherArray)).toThrow(TypeError);
    expect(() => h.dot([a, b])).toThrow(`${cls}.dot: expected taps as`);
    expect(() => h.dot(ctor.from([a]), 3)).toThrow(`${cls}.dot: n must be an integer from 0 to 2`);
    expect(h.dot(fk.kind.cls.from([a]), 1)).toEqual(fk.vecOf([b]).dot(ctor.from([a])));
  });
});

describe.each(FAMILY_KINDS)('$name History over memory', (fk) => {
  const cls = fk.History.name;
  const bpe = fk.History.BYTES_PER_ELEMENT;

  it.each(MEMORY_KINDS)('over a %s: shares the memory, mirrored', (memoryKind) => {
    const memory = makeMemory(memoryKind, 8 * bpe + 64);
    const h = fk.History.over(memory, bpe, 3);
    const [a, b, c] = fk.kind.samples;
    h.push(a);
    h.push(b);
    h.push(c);
    h.push(a);
    const raw = new (arrayCtorOf(fk.kind))(bufferOfMemory(memory), bpe, 6);
    expect(h.toArray()).toEqual([b, c, a]);
    expect(Array.from(raw).slice(0, 3)).toEqual(Array.from(raw).slice(3, 6));
    expect(h.window().buffer).toBe(bufferOfMemory(memory));
  });

  it('rejects bad regions, naming the method', () => {
    const buffer = new ArrayBuffer(8 * bpe);
    expect(() => fk.History.over(buffer, 0, 5)).toThrow(RangeError);
    expect(() => fk.History.over(buffer, 0, 5)).toThrow(`${cls}.over:`);
    expect(() => fk.History.over(buffer, 0, 0)).toThrow(`${cls}.over: capacity must be an integer from 1`);
    expect(() => fk.History.over(buffer, -bpe, 1)).toThrow(`${cls}.over: byteOffset must be a non-negative integer`);
    if (bpe > 1) expect(() => fk.History.over(buffer, 1, 1)).toThrow(RangeError);
    expect(() => fk.History.over({} as never, 0, 1)).toThrow(TypeError);
    expect(() => fk.History.over(new Uint8Array(64) as never, 0, 1)).toThrow(`${cls}.over:`);
    expect(fk.History.over(buffer, 0, 4).capacity).toBe(4);
  });

  it('a grown WebAssembly.Memory detaches the history: DetachedError naming the method, nothing written', () => {
    const memory = new WasmMemory({ initial: 1 });
    const h = fk.History.over(memory, 0, 4);
    h.push(fk.kind.samples[0]);
    memory.grow(1);
    for (const call of [() => h.push(fk.kind.samples[1]), () => h.get(0), () => h.window(), () => h.sum(), () => h.min(), () => h.clear()]) {
      expect(call).toThrow(DetachedError);
    }
    expect(() => h.push(fk.kind.samples[1])).toThrow(`${cls}.push: this history's buffer was detached`);
    expect(h.length).toBe(1);
    expect(() => [...h]).toThrow(`${cls}.iterator: this history's buffer was detached`);
    expect(() => JSON.stringify(h)).toThrow(`${cls}.toJSON: this history's buffer was detached`);
    expect(() => String(h)).toThrow(`${cls}.toString: this history's buffer was detached`);
    expect(inspect(h)).toBe(`[${cls} (detached)]`);
  });

  it('an iteration reads each sample as the history holds it then: a detach between steps is an error at the next', () => {
    const memory = new WasmMemory({ initial: 1 });
    const h = fk.History.over(memory, 0, 4);
    const [a, b, c] = fk.kind.samples;
    for (const x of [a, b, c]) h.push(x);
    const seen: Elem[] = [];
    expect(() => {
      for (const x of h) {
        seen.push(x);
        if (seen.length === 2) memory.grow(1);
      }
    }).toThrow(`${cls}.iterator: this history's buffer was detached`);
    expect(seen).toEqual([a, b].map(fk.kind.convert));
  });
});

describe('histories: documented behaviour', () => {
  it('a block longer than the capacity keeps its newest part', () => {
    const h = new F32History(3);
    h.push(9);
    h.pushBlock(Float32Array.of(1, 2, 3, 4, 5));
    expect(h.toArray()).toEqual([3, 4, 5]);
  });

  it('window() is the same view while nothing was pushed, and a view of the history memory', () => {
    const h = new F64History(4);
    h.pushBlock(Float64Array.of(1, 2, 3));
    const w = h.window();
    expect(h.window()).toBe(w);
    h.push(4);
    expect(h.window()).not.toBe(w);
    expect(Array.from(h.window())).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [1024, 128, [256]],
    [1024, 16, [1024]],
    [128, 2, [64]],
    [1000, 100, [100, 800]],
    [8192, 128, [4096]],
    [480, 96, [480, 128]],
    [1025, 25, [1000]],
    [48000, 128, [1024]],
    [4800, 64, [256]],
    [2 ** 18, 64, [128]],
    // More heads than the first size of the cache: it grows.
    [8192, 16, [512]],
    [48000, 32, [1024]],
    [2 ** 20, 128, [256]],
    // Two or three window lengths in turn, each in a cache of its own: in one shared cache
    // these displaced each other at every head, so every window() made a view.
    [1024, 64, [64, 1024]],
    [1024, 64, [512, 1024, 128]],
    [4096, 256, [256, 4096]],
    [16384, 64, [256, 16384]],
    [1024, 16, [16, 32]],
  ])('capacity %i, blocks of %i: once round, every window(n) after a block is a cached view, and shows the newest n', (capacity, block, lengths) => {
    const h = new F32History(capacity);
    const samples = new Float32Array(block);
    let next = 0;
    const pushBlock = (): void => {
      for (let i = 0; i < block; i++) samples[i] = next++;
      h.pushBlock(samples);
    };
    const newest = (n: number): number[] => Array.from({ length: n }, (_, i) => next - n + i);
    const laps = Math.ceil(capacity / block) + 1;
    // Six laps: enough for the cache to grow to its size for the stream (each doubling takes
    // at most a lap) and then fill.
    for (let k = 0; k < 6 * laps; k++) {
      pushBlock();
      for (const n of lengths) if (n <= h.length) h.window(n);
    }
    const seen = new Map<number, Set<Float32Array>>(lengths.map((n) => [n, new Set()]));
    for (let k = 0; k < 2 * laps; k++) {
      pushBlock();
      for (const n of lengths) {
        const w = h.window(n);
        expect(w[0]).toBe(next - n);
        expect(w[n - 1]).toBe(next - 1);
        seen.get(n)!.add(w);
      }
    }
    expect(Array.from(h.window(lengths[0]))).toEqual(newest(lengths[0]));
    // One view per head position the stream visits, and no more: each came from the cache after the first lap.
    const positions = capacity / gcd(capacity, block);
    for (const n of lengths) expect(seen.get(n)!.size).toBe(positions);
  });

  it('the float sum follows the pairwise scheme of the vectors (bit for bit, 1000 samples)', () => {
    const h = new F32History(1000);
    for (let i = 0; i < 2500; i++) h.push(Math.sin(i) * 1000);
    expect(Object.is(h.sum(), F32Vec.from(h.window()).sum())).toBe(true);
    expect(Object.is(h.dot(h.window().slice(), 1000), F32Vec.from(h.window()).dot(h.window().slice()))).toBe(true);
  });

  it('integer kinds never answer -0, and bigint kinds answer exact bigints', () => {
    const u = new U8History(2);
    u.push(0);
    expect(Object.is(u.sum(), 0)).toBe(true);
    const big = new I64History(2);
    big.pushBlock(BigInt64Array.of(2n ** 62n, 2n ** 62n));
    expect(big.sum()).toBe(2n ** 63n);
    expect(big.sumOfSquares()).toBe(2n ** 125n);
    expect(big.mean()).toBe(2 ** 62);
  });

  it('a push onto a history never throws CapacityError: it drops the oldest', () => {
    const h = new F64History(1);
    h.push(1);
    expect(() => h.push(2)).not.toThrow(CapacityError);
    expect(h.toArray()).toEqual([2]);
  });
});

/** The greatest common divisor of two positive integers. */
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
