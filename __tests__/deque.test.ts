/**
 * F32Deque and its siblings (issue 12 §2), for every element kind this runtime has:
 *
 * - model runs: random sequences of pushBack, pushFront, popBack, popFront, the peeks,
 *   makeContiguous and clear (failing ones included: pushes onto a full deque, pops of an
 *   empty one), over memory poisoned with the kind's sentinel or of its own, against a plain
 *   array; after every step every public read must equal the model, and a failed call must
 *   change nothing;
 * - the full-and-wrapped deque of heapless #676 (make_contiguous / as_slices), pinned;
 * - the bad-input matrix of every method, and over() validation.
 *
 * Imports no Node built-in: runs in Chromium too (`npm run test:browser -- deque`).
 */

import fc from 'fast-check';
import { inspect } from 'node:util';
import { CapacityError, DetachedError, EmptyError, F32Deque, IndexError } from '../src/index';
import { FAMILY_KINDS, MEMORY_KINDS, bufferOfMemory, expectShownAs, makeMemory, poison, same, type AnyDeque, type FamilyKind, type MemoryKind } from './support/families';
import { arrayCtorOf, type Elem } from './support/kinds';
import { WasmMemory } from './support/vec-classes';

jest.setTimeout(60_000);

type Step =
  | { readonly op: 'pushBack' | 'pushFront'; readonly x: Elem }
  | { readonly op: 'popBack' | 'popFront' | 'peekFront' | 'peekBack' | 'makeContiguous' | 'clear' };

function stepArb(fk: FamilyKind): fc.Arbitrary<Step> {
  const push = (op: 'pushBack' | 'pushFront') => fc.record({ op: fc.constant(op), x: fk.kind.element });
  const bare = (op: 'popBack' | 'popFront' | 'peekFront' | 'peekBack' | 'makeContiguous' | 'clear') => fc.constant({ op });
  return fc.oneof(
    { weight: 4, arbitrary: push('pushBack') },
    { weight: 3, arbitrary: push('pushFront') },
    { weight: 2, arbitrary: bare('popBack') },
    { weight: 3, arbitrary: bare('popFront') },
    { weight: 1, arbitrary: bare('peekFront') },
    { weight: 1, arbitrary: bare('peekBack') },
    { weight: 1, arbitrary: bare('makeContiguous') },
    { weight: 1, arbitrary: bare('clear') },
  );
}

type Placement = { readonly memory: 'own' } | { readonly memory: MemoryKind; readonly offsetSlots: number };

const placementArb: fc.Arbitrary<Placement> = fc.oneof(
  fc.constant({ memory: 'own' as const }),
  fc.record({ memory: fc.constantFrom(...MEMORY_KINDS), offsetSlots: fc.integer({ min: 0, max: 3 }) }),
);

function makeDeque(fk: FamilyKind, capacity: number, placement: Placement): AnyDeque {
  if (placement.memory === 'own') return new fk.Deque(capacity);
  const offset = placement.offsetSlots * fk.Deque.BYTES_PER_ELEMENT;
  const memory = makeMemory(placement.memory, offset + fk.Deque.bytesFor(capacity) + 16);
  poison(fk.kind, memory);
  return fk.Deque.over(memory, offset, capacity);
}

/** Checks every public read of `d` against `model` (front first). */
function checkAgainst(d: AnyDeque, model: readonly Elem[]): void {
  const length = model.length;
  expectShownAs(d, d.constructor.name, model);
  expect(d.length).toBe(length);
  expect(d.isEmpty).toBe(length === 0);
  expect(d.isFull).toBe(length === d.capacity);
  expect(d.toArray()).toEqual(model);
  for (let i = 0; i < length; i++) expect(same(d.get(i), model[i])).toBe(true);
  expect(d.at(-1)).toEqual(model[length - 1]);
  expect(d.at(0)).toEqual(model[0]);
  const [first, second] = d.asSlices();
  expect([...Array.from(first), ...Array.from(second)]).toEqual(model);
  if (second.length > 0) expect(first.length).toBeGreaterThan(0);
  if (length > 0) {
    expect(d.peekFront()).toEqual(model[0]);
    expect(d.peekBack()).toEqual(model[length - 1]);
  }
}

describe.each(FAMILY_KINDS)('$name Deque against an array', (fk) => {
  it('agrees with the model after every step (failed calls change nothing), over its own storage and over poisoned memory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.array(stepArb(fk), { maxLength: 60, size: 'max' }), placementArb, (capacity, steps, placement) => {
        const d = makeDeque(fk, capacity, placement);
        let model: Elem[] = [];
        for (const step of steps) {
          const full = model.length === capacity;
          const empty = model.length === 0;
          switch (step.op) {
            case 'pushBack':
            case 'pushFront':
              if (full) {
                expect(() => d[step.op](step.x)).toThrow(CapacityError);
              } else {
                d[step.op](step.x);
                if (step.op === 'pushBack') model.push(fk.kind.convert(step.x));
                else model.unshift(fk.kind.convert(step.x));
              }
              break;
            case 'popBack':
            case 'popFront':
            case 'peekFront':
            case 'peekBack':
              if (empty) {
                expect(() => d[step.op]()).toThrow(EmptyError);
              } else {
                const expected = step.op === 'popBack' ? model.pop() : step.op === 'popFront' ? model.shift() : step.op === 'peekFront' ? model[0] : model[model.length - 1];
                expect(same(d[step.op](), expected)).toBe(true);
              }
              break;
            case 'makeContiguous': {
              expect(Array.from(d.makeContiguous())).toEqual(model);
              expect(d.asSlices()[1].length).toBe(0);
              break;
            }
            case 'clear':
              d.clear();
              model = [];
              break;
          }
          checkAgainst(d, model);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('makeContiguous and asSlices on a full, wrapped deque (heapless #676), at every rotation', () => {
    const ctor = arrayCtorOf(fk.kind);
    const [a, b, c] = fk.kind.samples;
    const items = [a, b, c, a, b];
    for (let rotation = 0; rotation < 5; rotation++) {
      const memory = makeMemory('ArrayBuffer', fk.Deque.bytesFor(5));
      poison(fk.kind, memory);
      const d = fk.Deque.over(memory, 0, 5);
      // Wrap: push and pop `rotation` elements first, so that the front is at slot `rotation`.
      for (let i = 0; i < rotation; i++) d.pushBack(c);
      for (let i = 0; i < rotation; i++) d.popFront();
      for (const x of items) d.pushBack(x);
      expect(d.isFull).toBe(true);
      const [first, second] = d.asSlices();
      expect(first.length).toBe(5 - rotation);
      expect([...Array.from(first), ...Array.from(second)]).toEqual(items);
      const run = d.makeContiguous();
      expect(Array.from(run)).toEqual(items);
      expect(run.length).toBe(5);
      expect(Array.from(d.asSlices()[0])).toEqual(items);
      expect(d.asSlices()[1].length).toBe(0);
      expect(Array.from(new ctor(bufferOfMemory(memory), 0, 5))).toEqual(items);
      // Still a working deque afterwards.
      expect(d.popFront()).toEqual(a);
      d.pushFront(c);
      expect(d.toArray()).toEqual([c, b, c, a, b]);
      expect(() => d.pushBack(a)).toThrow(CapacityError);
    }
  });
});

describe.each(FAMILY_KINDS)('$name Deque: bad input', (fk) => {
  const cls = fk.Deque.name;
  const [a, b] = fk.kind.samples;
  const wrong = fk.kind.wrongType;

  it('the constructor and bytesFor take an integer capacity from 0 to 2^32 - 1', () => {
    for (const bad of [-1, 2 ** 32, 1.5, NaN, Infinity]) {
      expect(() => new fk.Deque(bad)).toThrow(RangeError);
      expect(() => new fk.Deque(bad)).toThrow(`${cls}: capacity must be an integer from 0 to 4294967295`);
    }
    expect(() => new fk.Deque('3' as never)).toThrow(TypeError);
    expect(Object.is(new fk.Deque(-0).capacity, 0)).toBe(true);
    expect(fk.Deque.bytesFor(3)).toBe(3 * fk.Deque.BYTES_PER_ELEMENT);
    expect(() => fk.Deque.bytesFor(-1)).toThrow(`${cls}.bytesFor: capacity must be an integer`);
  });

  it('pushBack and pushFront take an element of its type only; on a full deque a CapacityError carrying the value', () => {
    const d = new fk.Deque(2);
    d.pushBack(a);
    for (const name of ['pushBack', 'pushFront'] as const) {
      for (const bad of [wrong, String(a), undefined, null]) {
        expect(() => d[name](bad as Elem)).toThrow(TypeError);
        expect(() => d[name](bad as Elem)).toThrow(`${cls}.${name}: expected a ${fk.kind.isBigInt ? 'bigint' : 'number'}`);
      }
    }
    d.pushFront(b);
    for (const name of ['pushBack', 'pushFront'] as const) {
      let error: unknown;
      try {
        d[name](a);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CapacityError);
      expect((error as CapacityError).value).toEqual(a);
      expect(String(error)).toContain(`${cls}.${name}:`);
      expect(String(error)).toContain('length 2 of capacity 2, 0 free, 3 needed');
    }
    expect(d.toArray()).toEqual([b, a]);
    expect(() => new fk.Deque(0).pushFront(a)).toThrow(CapacityError);
  });

  it('pops and peeks of an empty deque are EmptyErrors naming the method', () => {
    const d = new fk.Deque(2);
    for (const name of ['popBack', 'popFront', 'peekFront', 'peekBack'] as const) {
      expect(() => d[name]()).toThrow(EmptyError);
      expect(() => d[name]()).toThrow(`${cls}.${name}: the deque is empty`);
    }
  });

  it('get takes an integer in [0, length); at follows Array.prototype.at', () => {
    const d = new fk.Deque(3);
    d.pushBack(a);
    d.pushFront(b);
    for (const bad of [-1, 2, 1.5, NaN, Infinity, 2 ** 32]) {
      expect(() => d.get(bad)).toThrow(IndexError);
      expect(() => d.get(bad)).toThrow(`${cls}.get: index`);
    }
    expect(() => d.get('0' as never)).toThrow(`${cls}.get: index must be a number`);
    expect(d.get(-0)).toEqual(b);
    expect([d.at(-1), d.at(-2), d.at(-3), d.at(2), d.at(0.5)]).toEqual([a, b, undefined, undefined, b]);
    expect(() => d.at('1' as never)).toThrow(`${cls}.at: index must be a number`);
  });
});

describe.each(FAMILY_KINDS)('$name Deque over memory', (fk) => {
  const cls = fk.Deque.name;
  const bpe = fk.Deque.BYTES_PER_ELEMENT;

  it.each(MEMORY_KINDS)('over a %s: shares the memory', (memoryKind) => {
    const memory = makeMemory(memoryKind, 8 * bpe);
    const d = fk.Deque.over(memory, bpe, 3);
    const [a, b, c] = fk.kind.samples;
    d.pushBack(a);
    d.pushBack(b);
    d.popFront();
    d.pushBack(c);
    d.pushBack(a);
    expect(d.toArray()).toEqual([b, c, a]);
    expect(d.asSlices()[0].buffer).toBe(bufferOfMemory(memory));
  });

  it('rejects bad regions, naming the method', () => {
    const buffer = new ArrayBuffer(4 * bpe);
    expect(() => fk.Deque.over(buffer, 0, 5)).toThrow(RangeError);
    expect(() => fk.Deque.over(buffer, 0, 5)).toThrow(`${cls}.over:`);
    expect(() => fk.Deque.over(buffer, -bpe, 1)).toThrow(`${cls}.over: byteOffset must be a non-negative integer`);
    if (bpe > 1) expect(() => fk.Deque.over(buffer, 1, 1)).toThrow(RangeError);
    expect(() => fk.Deque.over({} as never, 0, 1)).toThrow(TypeError);
    expect(fk.Deque.over(buffer, 0, 4).capacity).toBe(4);
  });

  it('a grown WebAssembly.Memory detaches the deque: DetachedError naming the method, nothing changed', () => {
    const memory = new WasmMemory({ initial: 1 });
    const d = fk.Deque.over(memory, 0, 4);
    d.pushBack(fk.kind.samples[0]);
    memory.grow(1);
    for (const call of [() => d.pushBack(fk.kind.samples[1]), () => d.pushFront(fk.kind.samples[1]), () => d.popBack(), () => d.popFront(), () => d.get(0), () => d.asSlices(), () => d.makeContiguous()]) {
      expect(call).toThrow(DetachedError);
    }
    expect(() => d.popFront()).toThrow(`${cls}.popFront: this deque's buffer was detached`);
    expect(d.length).toBe(1);
    expect(() => [...d]).toThrow(`${cls}.iterator: this deque's buffer was detached`);
    expect(() => JSON.stringify(d)).toThrow(`${cls}.toJSON: this deque's buffer was detached`);
    expect(() => String(d)).toThrow(`${cls}.toString: this deque's buffer was detached`);
    expect(inspect(d)).toBe(`[${cls} (detached)]`);
  });

  it('an iteration reads each element as the deque holds it then: what is popped during it is not yielded', () => {
    const d = new fk.Deque(4);
    const [a, b, c] = fk.kind.samples;
    for (const x of [a, b, c]) d.pushBack(x);
    const seen: Elem[] = [];
    for (const x of d) {
      seen.push(x);
      if (seen.length === 1) d.popBack();
    }
    expect(seen).toEqual([a, b].map(fk.kind.convert));
  });
});

describe('deques: documented behaviour', () => {
  it('asSlices gives the part up to the end of the ring, then the wrapped part', () => {
    const d = new F32Deque(4);
    d.pushBack(1);
    d.pushBack(2);
    d.pushFront(0);
    const [first, second] = d.asSlices();
    expect([Array.from(first), Array.from(second)]).toEqual([[0], [1, 2]]);
  });
});
