/**
 * Contracts at the edges of the API, over every class they apply to: element-wise kernels
 * over aliased shared memory, `clamp` bounds the element type cannot hold, what `equals`
 * accepts, errors that name the method called (a released vector as an argument, `of`,
 * revoked Proxies, detached typed array sources), and a release hook that no reflection
 * reaches (docs/design.md, "User code inside a call" and "Aliased shared memory").
 */

import fc from 'fast-check';
import { DetachedError, OptionVec, ReleasedError, Slab } from '../src/index';
import { arrayCtorOf, KINDS, TYPED_KINDS, type AnyVec, type Elem, type Kind, type RawArray } from './support/kinds';

/** A class of the typed kinds, with the statics these tests use. */
type TypedClass = {
  new (capacity: number): AnyVec;
  assumeInit(memory: unknown, byteOffset: number, capacity: number, length: number): AnyVec;
  over(memory: unknown, byteOffset: number, capacity: number): AnyVec;
  of(...items: Elem[]): AnyVec;
  readonly BYTES_PER_ELEMENT: number;
};

const classOf = (kind: Kind): TypedClass => kind.cls as unknown as TypedClass;

/** `n` as an element of `kind` (a bigint for the 64-bit kinds). */
const el = (kind: Kind, n: number): Elem => (kind.isBigInt ? BigInt(n) : n);

/** A vector of `kind` released by its slab. */
function releasedVector(kind: Kind): AnyVec {
  const slab = new Slab(64);
  const vec = slab.alloc(classOf(kind) as never, 4) as AnyVec;
  vec.push(el(kind, 1));
  slab.reset();
  return vec;
}

/** A Proxy over `[1, 2]`, already revoked. */
function revokedProxy(): never {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy as never;
}

describe.each(TYPED_KINDS)('$name over aliased shared memory', (kind) => {
  const cls = classOf(kind);
  const bytes = cls.BYTES_PER_ELEMENT;
  // The element-wise kernels with `out`: out[i] = f(this[i], operand[i]).
  const kernels: [string, (a: AnyVec, b: AnyVec, out: AnyVec) => unknown, (x: Elem, y: Elem) => Elem][] = [
    ['add', (a, b, out) => (a as any).add(b, out), (x, y) => (x as any) + (y as any)],
    ['sub', (a, b, out) => (a as any).sub(b, out), (x, y) => (x as any) - (y as any)],
    ['mul', (a, b, out) => (a as any).mul(b, out), (x, y) => (x as any) * (y as any)],
    ['scale', (a, _b, out) => (a as any).scale(el(kind, 2), out), (x) => (x as any) * (el(kind, 2) as any)],
  ];

  it.each(kernels)('%s with out shifted by one element in another SharedArrayBuffer object over the same memory reads every operand first', (_name, run, f) => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (ints, forward) => {
        const n = ints.length;
        const sab = new SharedArrayBuffer((n + 2) * bytes);
        const clone = structuredClone(sab);
        const items = ints.map((i) => el(kind, i));
        const a = cls.assumeInit(sab, forward ? 0 : bytes, n, 0);
        a.extend(items);
        const b = cls.of(...items);
        // `out` starts one element after (or before) `a` in the same memory, through another object.
        const out = cls.assumeInit(clone, forward ? bytes : 0, n, n);
        const expected = items.map((x, i) => kind.convert(f(x, (b.toArray() as Elem[])[i])));
        run(a, b, out);
        expect(out.toArray()).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('splice from a view of another SharedArrayBuffer object over the same memory inserts the elements as they were', () => {
    const sab = new SharedArrayBuffer(8 * bytes);
    const clone = structuredClone(sab);
    const vec = cls.assumeInit(sab, 0, 8, 0);
    vec.extend([1, 2, 3, 4].map((i) => el(kind, i)));
    const Ctor = arrayCtorOf(kind);
    const items = new Ctor(clone, bytes, 2); // the elements 2 and 3, through the clone
    vec.splice(0, 0, items as never);
    expect(vec.toArray()).toEqual([2, 3, 1, 2, 3, 4].map((i) => el(kind, i)));
  });
});

describe.each(TYPED_KINDS)('$name: element-wise kernels over one buffer at any offsets', (kind) => {
  const cls = classOf(kind);
  const bytes = cls.BYTES_PER_ELEMENT;
  const Ctor = arrayCtorOf(kind);
  const ops: [string, (a: any, b: unknown, out: AnyVec) => unknown, (x: any, y: any) => Elem][] = [
    ['add', (a, b, out) => a.add(b, out), (x, y) => x + y],
    ['sub', (a, b, out) => a.sub(b, out), (x, y) => x - y],
    ['mul', (a, b, out) => a.mul(b, out), (x, y) => x * y],
    ['axpy', (a, b, out) => a.axpy(el(kind, 3), b, out), (x, y) => x + (el(kind, 3) as any) * y],
  ];

  it.each(ops)('%s reads every operand before it writes, wherever this, the operand and out lie', (_name, run, f) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)),
        fc.boolean(),
        (n, [ao, bo, oo], typedOperand) => {
          const buffer = new ArrayBuffer(16 * bytes);
          const raw = new Ctor(buffer);
          for (let i = 0; i < 16; i++) raw[i] = el(kind, (i * 7) % 11);
          const before = Array.from(raw as ArrayLike<Elem>);
          // this, the operand and out over the same memory at element offsets ao, bo, oo.
          const a = cls.assumeInit(buffer, ao * bytes, n, n);
          const b = typedOperand ? new Ctor(buffer, bo * bytes, n) : cls.assumeInit(buffer, bo * bytes, n, n);
          const out = cls.assumeInit(buffer, oo * bytes, n, n);
          const expected = before.slice(ao, ao + n).map((x, i) => kind.convert(f(x, before[bo + i])));
          run(a, b, out);
          expect(out.toArray()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe.each(TYPED_KINDS.filter((kind) => kind.spec?.family !== 'float'))('$name: clamp with bounds the type cannot hold', (kind) => {
  const cls = classOf(kind);
  const [min, max] = (kind.spec!.range as readonly string[]).map((source) => Function(`return (${source})`)() as Elem);
  const big = (x: Elem, k: number): Elem => (kind.isBigInt ? (x as bigint) + BigInt(k) : (x as number) + k);

  it('rejects bounds between which the type holds no element, naming the method and changing nothing', () => {
    const vec = cls.of(el(kind, 5));
    for (const [lo, hi] of [
      [big(max, 1), big(max, 10)],
      [big(min, -10), big(min, -1)],
    ]) {
      expect(() => (vec as any).clamp(lo, hi)).toThrow(new RegExp(`^${kind.name}\\.clamp: no element of this type lies between`));
      expect(() => (vec as any).clamp(lo, hi)).toThrow(RangeError);
    }
    expect(vec.toArray()).toEqual([el(kind, 5)]);
  });

  it('clamps to the part of [lo, hi] the type holds, so every result lies within the bounds', () => {
    fc.assert(
      fc.property(fc.array(kind.element, { minLength: 1, maxLength: 8 }), fc.integer({ min: -300, max: 300 }), fc.integer({ min: 0, max: 600 }), (items, lo, width) => {
        const vec = cls.of(...items);
        const loBound = el(kind, lo);
        const hiBound = el(kind, lo + width);
        let result: Elem[];
        try {
          result = (vec as any).clamp(loBound, hiBound).toArray();
        } catch (error) {
          // Only when no element of the type lies in [lo, hi].
          expect(error).toBeInstanceOf(RangeError);
          expect(hiBound < min || loBound > max).toBe(true);
          return;
        }
        for (const x of result) {
          expect(x >= loBound && x <= hiBound).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  if (!kind.isBigInt) {
    it('fractional bounds clamp to the integers between them', () => {
      expect((cls.of(1, 2, 5) as any).clamp(1.5, 3.5).toArray()).toEqual([2, 2, 3]);
      expect(() => (cls.of(1) as any).clamp(1.2, 1.8)).toThrow(RangeError);
    });
  }
});

describe.each(KINDS)('$name.equals', (kind) => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 5],
    ['a string', 'ab'],
    ['an object without a length', {}],
    ['a DataView', new DataView(new ArrayBuffer(8))],
  ])('rejects %s with a TypeError naming equals', (_label, other) => {
    const vec = kind.make(2);
    expect(() => vec.equals(other as never)).toThrow(new RegExp(`^${kind.name}\\.equals: `));
    expect(() => vec.equals(other as never)).toThrow(TypeError);
  });

  it('still compares with arrays, array-likes, typed arrays and vectors', () => {
    const vec = kind.cls.of(...kind.samples);
    expect(vec.equals([...kind.samples])).toBe(true);
    expect(vec.equals({ length: 3, 0: kind.samples[0], 1: kind.samples[1], 2: kind.samples[2] } as never)).toBe(true);
    expect(vec.equals(kind.cls.of(...kind.samples))).toBe(true);
    expect(vec.equals([])).toBe(false);
  });
});

describe.each(KINDS)('$name: errors name the method called', (kind) => {
  const released = TYPED_KINDS.filter((other) => other.isBigInt === kind.isBigInt);

  it.each(released.map((other) => [other.name, other] as const))('a released %s as an argument is a ReleasedError naming the method', (_name, other) => {
    const calls: [string, (vec: AnyVec, arg: AnyVec) => unknown][] = [
      ['extend', (vec, arg) => vec.extend(arg as never)],
      ['tryExtend', (vec, arg) => vec.tryExtend(arg as never)],
      ['splice', (vec, arg) => vec.splice(0, 0, arg as never)],
      ['copyFrom', (vec, arg) => (vec as any).copyFrom(arg)],
      ['equals', (vec, arg) => vec.equals(arg as never)],
    ];
    for (const [method, call] of calls) {
      const vec = kind.make(4);
      const error = (() => {
        try {
          call(vec, releasedVector(other));
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ReleasedError);
      expect(error?.message).toMatch(new RegExp(`^${kind.name}\\.${method}: the (source|other) vector was released`));
      expect(vec.length).toBe(0);
    }
    expect(() => kind.cls.from(releasedVector(other) as never)).toThrow(new RegExp(`^${kind.name}\\.from: the source vector was released`));
  });

  it('of reports its own name', () => {
    expect(() => kind.cls.of(kind.wrongType as Elem)).toThrow(new RegExp(`^${kind.name}\\.of: `));
  });

  it('a revoked Proxy as a source, target or other is a TypeError naming the method', () => {
    const vec = kind.cls.of(kind.samples[0]);
    expect(() => vec.extend(revokedProxy())).toThrow(new RegExp(`^${kind.name}\\.extend: source is a revoked Proxy`));
    expect(() => vec.splice(0, 0, revokedProxy())).toThrow(new RegExp(`^${kind.name}\\.splice: source is a revoked Proxy`));
    expect(() => vec.equals(revokedProxy())).toThrow(new RegExp(`^${kind.name}\\.equals: other is a revoked Proxy`));
    expect(() => (vec as any).copyTo(revokedProxy())).toThrow(new RegExp(`^${kind.name}\\.copyTo: target is a revoked Proxy`));
    expect(() => kind.cls.from(revokedProxy())).toThrow(new RegExp(`^${kind.name}\\.from: source is a revoked Proxy`));
    expect(vec.toArray()).toEqual([kind.samples[0]]);
  });
});

describe.each(TYPED_KINDS)('$name: typed array sources over a detached buffer', (kind) => {
  const Ctor = arrayCtorOf(kind);

  /** A typed array of `kind` whose buffer was transferred away. */
  function detachedArray(): RawArray {
    const array = new Ctor(4);
    structuredClone(array.buffer, { transfer: [array.buffer as ArrayBuffer] });
    return array;
  }

  it.each([
    ['extend', (vec: AnyVec, src: RawArray) => vec.extend(src as never)],
    ['tryExtend', (vec: AnyVec, src: RawArray) => vec.tryExtend(src as never)],
    ['splice', (vec: AnyVec, src: RawArray) => vec.splice(0, 0, src as never)],
    ['copyFrom', (vec: AnyVec, src: RawArray) => (vec as any).copyFrom(src)],
  ])('%s throws DetachedError naming the method and changes nothing', (method, call) => {
    const vec = kind.cls.of(kind.samples[0], kind.samples[1]);
    expect(() => call(vec, detachedArray())).toThrow(DetachedError);
    expect(() => call(vec, detachedArray())).toThrow(new RegExp(`^${kind.name}\\.${method}: the source's buffer is detached`));
    expect(vec.toArray()).toEqual([kind.samples[0], kind.samples[1]]);
  });
});

describe('the release hook', () => {
  it.each(TYPED_KINDS.map((kind) => [kind.name, kind] as const))('of %s is reachable by no reflection', (_name, kind) => {
    const cls = classOf(kind);
    const vec = new cls(2);
    vec.push(el(kind, 1));
    // Every function reachable by reflection on the class, its prototype and an instance:
    // methods, getters and setters, called on the vector with no arguments.
    const functions = [cls.prototype, vec, cls].flatMap((o) =>
      Reflect.ownKeys(o)
        // transfer() detaches the vector on purpose (it moves the buffer): not a release.
        .filter((key) => key !== 'constructor' && key !== 'prototype' && key !== 'transfer')
        .flatMap((key) => {
          const d = Object.getOwnPropertyDescriptor(o, key)!;
          return [d.value, d.get, d.set].filter((f): f is (...args: unknown[]) => unknown => typeof f === 'function');
        }),
    );
    expect(functions.length).toBeGreaterThan(40);
    for (const f of functions) {
      try {
        f.call(vec);
      } catch {
        // Methods that need arguments throw; what matters is that none releases the vector.
      }
      if (vec.length === 0) vec.push(el(kind, 1));
    }
    expect(() => vec.toArray()).not.toThrow();
  });

  it('is not a symbol-keyed method of any class', () => {
    for (const kind of TYPED_KINDS) {
      const symbols = Object.getOwnPropertySymbols(classOf(kind).prototype).map(String);
      expect(symbols.filter((s) => !/Symbol\.(iterator|toStringTag)|nodejs\.util\.inspect\.custom/.test(s))).toEqual([]);
    }
  });

  it('slabs still release their vectors, of every class', () => {
    const slab = new Slab(1024);
    const vecs = TYPED_KINDS.map((kind) => slab.alloc(classOf(kind) as never, 2) as AnyVec);
    slab.reset();
    for (const vec of vecs) expect(() => vec.toArray()).toThrow(ReleasedError);
    expect(() => slab.alloc(OptionVec as never, 2)).toThrow(TypeError);
  });
});
