/**
 * Property tests of the slab allocator: random sequences of allocations (mixed element
 * types, capacities that fit and capacities that do not, `alloc` and `tryAlloc`) and
 * resets, over a random region of a random buffer, checked against a model bump allocator
 * after every step.
 *
 * Invariants: live vectors' regions (from `view().byteOffset` and capacity *
 * BYTES_PER_ELEMENT) are pairwise disjoint, aligned for their type and inside the slab's
 * region; `used + remaining === byteLength`; `allocations` counts the live vectors; every
 * live vector keeps its contents and works; every vector from before the last reset throws
 * ReleasedError on get/push/toArray.
 */

import fc from 'fast-check';
import { ReleasedError, Slab } from '../src/index';
import { el } from './support/assertions';
import { TYPED_KINDS, kindById, type AnyVec, type Elem, type Kind } from './support/kinds';
import { allocIn, classOf, offsetOf, tryAllocIn } from './support/vec-classes';

type Action =
  | { readonly type: 'alloc'; readonly kind: number; readonly capacity: number; readonly viaTry: boolean; readonly fill: number }
  | { readonly type: 'reset' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('alloc' as const),
      kind: fc.integer({ min: 0, max: TYPED_KINDS.length - 1 }),
      // Mostly small; some larger than any slab here, to exercise refusals.
      capacity: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 24 }) }, { weight: 1, arbitrary: fc.integer({ min: 25, max: 600 }) }),
      viaTry: fc.boolean(),
      fill: fc.integer({ min: 0, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'reset' as const }) },
);

const setupArb = fc.record({
  byteOffset: fc.integer({ min: 0, max: 17 }),
  byteLength: fc.integer({ min: 0, max: 512 }),
  tail: fc.integer({ min: 0, max: 9 }),
  shared: fc.boolean(),
});

interface Live {
  readonly vec: AnyVec;
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
  readonly contents: Elem[];
}

/** The model: a bump pointer over [start, end). */
class Model {
  used = 0;
  live: Live[] = [];
  released: Array<{ vec: AnyVec; kind: Kind }> = [];
  constructor(readonly start: number, readonly end: number) {}

  /** Where a vector of `bpe`-byte elements and `capacity` would go, or null when it does not fit. */
  place(bpe: number, capacity: number): { start: number; end: number } | null {
    const free = this.start + this.used;
    const start = Math.ceil(free / bpe) * bpe;
    const end = start + capacity * bpe;
    return end <= this.end ? { start, end } : null;
  }
}

/** Throws (failing the property, which fast-check then shrinks) when `ok` is false. */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

const same = (a: readonly Elem[], b: readonly Elem[]): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Whether `fn` throws a ReleasedError. */
function throwsReleased(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (error) {
    return error instanceof ReleasedError;
  }
}

/**
 * Checks every invariant of `slab` against `model`. Plain checks instead of `expect`: the
 * property runs thousands of steps, and `expect` would dominate the run time.
 */
function checkInvariants(slab: Slab, model: Model, step: number): void {
  const at = `step ${step}`;
  check(slab.byteOffset === model.start && slab.byteLength === model.end - model.start, () => `${at}: region ${slab.byteOffset}+${slab.byteLength}`);
  check(slab.used === model.used, () => `${at}: used ${slab.used}, model ${model.used}`);
  check(slab.remaining === model.end - model.start - model.used, () => `${at}: remaining ${slab.remaining}`);
  check(slab.used + slab.remaining === slab.byteLength, () => `${at}: used + remaining !== byteLength`);
  check(slab.allocations === model.live.length, () => `${at}: allocations ${slab.allocations}, model ${model.live.length}`);

  const regions: Array<[number, number]> = [];
  for (const live of model.live) {
    const bpe = classOf(live.kind).BYTES_PER_ELEMENT;
    const start = offsetOf(live.vec);
    const end = start + live.vec.capacity * bpe;
    const name = `${at}: ${live.kind.name}(${live.vec.capacity}) at ${start}`;
    check(start === live.start && end === live.end, () => `${name}: region [${start}, ${end}), model [${live.start}, ${live.end})`);
    check(start % bpe === 0, () => `${name}: misaligned`);
    check(start >= model.start && end <= model.end, () => `${name}: outside the slab [${model.start}, ${model.end})`);
    check(end <= model.start + model.used, () => `${name}: past the used part`);
    check(same(live.vec.toArray(), live.contents), () => `${name}: contents ${live.vec.toArray()} expected ${live.contents}`);
    regions.push([start, end]);
  }

  // Pairwise disjoint (an empty region overlaps nothing).
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const [a0, a1] = regions[i];
      const [b0, b1] = regions[j];
      check(!(a0 < b1 && b0 < a1), () => `${at}: regions [${a0}, ${a1}) and [${b0}, ${b1}) overlap`);
    }
  }

  // Every live vector works: a push is read back and popped again (contents unchanged after).
  for (const live of model.live) {
    const probe = el(live.kind, 77);
    if (!live.vec.isFull) {
      live.vec.push(probe);
      check(Object.is(live.vec.get(live.contents.length), probe), () => `${at}: ${live.kind.name} push/get`);
      check(Object.is(live.vec.pop(), probe), () => `${at}: ${live.kind.name} pop`);
    }
    if (live.contents.length > 0) check(Object.is(live.vec.get(0), live.contents[0]), () => `${at}: ${live.kind.name} get(0)`);
  }

  // Every vector from before the last reset is released.
  for (const { vec, kind } of model.released) {
    check(throwsReleased(() => vec.get(0)), () => `${at}: released ${kind.name}.get did not throw ReleasedError`);
    check(throwsReleased(() => vec.push(el(kind, 1))), () => `${at}: released ${kind.name}.push did not throw ReleasedError`);
    check(throwsReleased(() => vec.toArray()), () => `${at}: released ${kind.name}.toArray did not throw ReleasedError`);
    check(vec.length === 0 && vec.isEmpty, () => `${at}: released ${kind.name} length ${vec.length}`);
  }
}

describe('Slab allocator properties', () => {
  // Jest raises Error.stackTraceLimit to 100, which makes each of the many expected
  // ReleasedErrors below costly to construct; the failures this suite reports carry their
  // own messages.
  let limit: number;
  beforeAll(() => {
    limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
  });
  afterAll(() => {
    Error.stackTraceLimit = limit;
  });

  it('random allocations and resets keep every invariant', () => {
    fc.assert(
      fc.property(setupArb, fc.array(actionArb, { maxLength: 60 }), ({ byteOffset, byteLength, tail, shared }, actions) => {
        const total = byteOffset + byteLength + tail;
        const buffer = shared ? new SharedArrayBuffer(total) : new ArrayBuffer(total);
        const slab = Slab.over(buffer, byteOffset, byteLength);
        const model = new Model(byteOffset, byteOffset + byteLength);
        let serial = 0;
        checkInvariants(slab, model, 0);
        actions.forEach((action, index) => {
          if (action.type === 'reset') {
            slab.reset();
            model.released.push(...model.live.map(({ vec, kind }) => ({ vec, kind })));
            model.live = [];
            model.used = 0;
          } else {
            const kind = TYPED_KINDS[action.kind];
            const cls = classOf(kind);
            const place = model.place(cls.BYTES_PER_ELEMENT, action.capacity);
            let vec: AnyVec | null;
            if (action.viaTry) {
              vec = tryAllocIn(slab, kind, action.capacity);
              check((vec === null) === (place === null), () => `step ${index + 1}: tryAlloc gave ${vec === null ? 'null' : 'a vector'}`);
            } else if (place === null) {
              let error: unknown;
              try {
                allocIn(slab, kind, action.capacity);
              } catch (e) {
                error = e;
              }
              check(error instanceof RangeError, () => `step ${index + 1}: alloc that does not fit gave ${String(error)}`);
              vec = null;
            } else {
              vec = allocIn(slab, kind, action.capacity);
            }
            if (vec !== null && place !== null) {
              check(vec.length === 0 && vec.capacity === action.capacity, () => `step ${index + 1}: new vector ${vec!.length}/${vec!.capacity}`);
              const contents: Elem[] = [];
              for (let i = 0; i < Math.min(action.fill, action.capacity); i++) {
                const x = el(kind, ((serial * 7 + i) % 90) + 1);
                vec.push(x);
                contents.push(x);
              }
              serial++;
              model.live.push({ vec, kind, start: place.start, end: place.end, contents });
              model.used = place.end - model.start;
            }
          }
          checkInvariants(slab, model, index + 1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the model itself is not trivially satisfied: a region of an allocated vector is where the model puts it', () => {
    // A deliberately unaligned region: the first F64Vec must start at the next multiple of 8.
    const buffer = new ArrayBuffer(64);
    const slab = Slab.over(buffer, 5, 50);
    const model = new Model(5, 55);
    const f64 = kindById('f64');
    const place = model.place(8, 2)!;
    const vec = allocIn(slab, f64, 2);
    expect(place).toEqual({ start: 8, end: 24 });
    expect(offsetOf(vec)).toBe(place.start);
    expect(slab.used).toBe(place.end - 5);
  });
});
