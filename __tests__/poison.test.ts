/**
 * Poison tests: the TypeScript analogue of running heapless/arrayvec/smallvec under Miri.
 *
 * Every spare slot of the vector is filled with the kind's sentinel (pushed until full,
 * then truncated away), random operation sequences run, the spare slots are re-poisoned
 * in the middle of them, and after every step the sentinel must not come out of any
 * public path: get, at, iteration, forEach, view(), toArray, toTypedArray, JSON, inspect,
 * own properties, structuredClone, clone(), and the values returned by or passed to
 * callbacks of pop/remove/swapRemove/drain/splice/retain/sort. No generated value ever
 * converts to the sentinel, so any appearance of it is a read of a slot that is not live.
 * `undefined` is never an element either (OptionVec's empty slots hold it), so it counts
 * as a leak wherever an element is expected.
 */

import { inspect } from 'node:util';
import fc from 'fast-check';
import {
  capacityArb,
  commandArbs,
  customCommand,
  fmt,
  initialArb,
  reentrantCommandArbs,
  setupRun,
  type CommandOptions,
  type VecCommand,
} from './support/commands';
import { KINDS, poisonSpare, type AnyVec, type Elem, type Kind } from './support/kinds';

// A few seconds per class on an idle machine; leave room for a busy one.
jest.setTimeout(60_000);

const NUM_RUNS = 100;
const MAX_COMMANDS = 40;

/** Throws if `value` is, or (deeply) contains, the sentinel; strings are searched for it as a number token. */
function scanForPoison(value: unknown, poison: Elem, where: string, seen: Set<object> = new Set(), depth = 0): void {
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (value === poison) throw new Error(`the sentinel ${fmt(poison)} leaked through ${where}`);
    return;
  }
  if (typeof value === 'string') {
    for (const token of value.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi) ?? []) {
      const hit = typeof poison === 'bigint' ? /^-?\d+$/.test(token) && BigInt(token) === poison : Number(token) === poison;
      if (hit) throw new Error(`the sentinel ${fmt(poison)} leaked through ${where}: ${JSON.stringify(value)}`);
    }
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > 6) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (!(value instanceof DataView)) {
      Array.from(value as unknown as ArrayLike<unknown>).forEach((x, i) => scanForPoison(x, poison, `${where}[${i}]`, seen, depth + 1));
    }
    return;
  }
  if (value instanceof Map || value instanceof Set) {
    for (const entry of value) scanForPoison(entry, poison, `${where} entry`, seen, depth + 1);
    return;
  }
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) scanForPoison(descriptor.value, poison, `${where}.${String(key)}`, seen, depth + 1);
  }
}

/** Throws if an element handed out is the sentinel or `undefined` (an empty OptionVec slot). */
function checkElement(value: unknown, poison: Elem, where: string): void {
  if (value === undefined) throw new Error(`an empty slot (undefined) came out of ${where}`);
  scanForPoison(value, poison, where);
}

function checkElements(values: ArrayLike<unknown>, length: number, poison: Elem, where: string): void {
  if (values.length !== length) throw new Error(`${where} has length ${values.length}, expected ${length}`);
  for (let i = 0; i < values.length; i++) checkElement(values[i], poison, `${where}[${i}]`);
}

/**
 * Every public path of `vec` shows exactly `length` elements, none of them the sentinel
 * (or undefined); `at` is undefined outside `[-length, length)`.
 */
function assertNoLeak(kind: Kind, vec: AnyVec, poison: Elem, cloneDepth = 0): void {
  const length = vec.length;
  const capacity = vec.capacity;
  for (let i = 0; i < length; i++) checkElement(vec.get(i), poison, `get(${i})`);
  for (let i = -capacity - 2; i <= capacity + 2; i++) {
    const value = vec.at(i);
    if (i >= -length && i < length) checkElement(value, poison, `at(${i})`);
    else if (value !== undefined) throw new Error(`at(${i}) returned ${fmt(value)} for length ${length}: a spare slot`);
  }
  const forOf: unknown[] = [];
  for (const x of vec) forOf.push(x);
  checkElements(forOf, length, poison, 'for...of');
  checkElements([...vec.values()], length, poison, 'values()');
  const keys = [...vec.keys()];
  if (keys.length !== length || keys.some((k, i) => k !== i)) throw new Error(`keys() gave ${fmt(keys)} for length ${length}`);
  const entries = [...vec.entries()];
  if (entries.length !== length || entries.some((e, i) => e[0] !== i)) throw new Error(`entries() gave indexes ${fmt(entries.map((e) => e[0]))} for length ${length}`);
  checkElements(entries.map((e) => e[1]), length, poison, 'entries() values');
  const each: unknown[] = [];
  vec.forEach((x) => each.push(x));
  checkElements(each, length, poison, 'forEach');
  checkElements(vec.view(), length, poison, 'view()');
  checkElements(vec.toArray(), length, poison, 'toArray()');
  const toTypedArray = (vec as unknown as { toTypedArray?: () => ArrayLike<unknown> }).toTypedArray;
  if (kind.isTyped || typeof toTypedArray === 'function') checkElements(toTypedArray!.call(vec), length, poison, 'toTypedArray()');

  const json = JSON.stringify(vec);
  scanForPoison(json, poison, 'JSON.stringify');
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || parsed.length !== length) throw new Error(`JSON.stringify gave ${json} for length ${length}`);
  scanForPoison(inspect(vec, { maxArrayLength: Infinity }), poison, 'util.inspect');
  if (cloneDepth > 0) return;

  scanForPoison(String(vec), poison, 'String(vec)');
  scanForPoison(inspect(vec, { customInspect: false, showHidden: true, maxArrayLength: Infinity, getters: true }), poison, 'util.inspect (no custom inspect, hidden, getters)');
  scanForPoison(Object.keys(vec), poison, 'Object.keys');
  scanForPoison(Object.entries(vec), poison, 'Object.entries');
  scanForPoison(vec, poison, 'own properties');
  scanForPoison(structuredClone(vec), poison, 'structuredClone');

  const copy = vec.clone();
  if (copy.length !== length || copy.capacity !== capacity) {
    throw new Error(`clone() has length ${copy.length} and capacity ${copy.capacity}, expected ${length} and ${capacity}`);
  }
  assertNoLeak(kind, copy, poison, 1);
}

/** The poison-specific settings for the shared command set. */
function poisonOptions(kind: Kind, poison: Elem): CommandOptions {
  return {
    avoid: poison,
    observe: (what, value, mayBeUndefined) => {
      if (value === undefined && mayBeUndefined) return;
      if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
        const items = Array.from(value as ArrayLike<unknown>);
        // entries() pairs are [index, element]
        if (what.includes('entries')) checkElement(items[1], poison, what);
        else items.forEach((x, i) => checkElement(x, poison, `${what}[${i}]`));
        return;
      }
      checkElement(value, poison, what);
    },
    afterEach: (_m, r) => assertNoLeak(kind, r.vec, poison),
  };
}

describe.each(KINDS)('$name: spare slots never come out', (kind) => {
  const poison = kind.convert(kind.sentinel);
  const opts = poisonOptions(kind, poison);
  const repoison = (vec: AnyVec) => void poisonSpare(kind, vec);
  const repoisonCmd: fc.Arbitrary<VecCommand> = fc.constant(null).map(() =>
    customCommand(kind, opts, 'poison the spare slots (push the sentinel until full, truncate back)', (_m, r) => repoison(r.vec)),
  );
  const standard = [...commandArbs(kind, opts), repoisonCmd, repoisonCmd, repoisonCmd];

  it('the sentinel is outside the generated values and the poisoning reaches every spare slot', () => {
    const vec = kind.make(6);
    vec.extend(kind.samples);
    repoison(vec);
    expect(vec.length).toBe(3);
    expect(kind.samples.some((x) => x === poison)).toBe(false);
    if (kind.isTyped) {
      // Through the documented escape hatch (view().buffer is the whole backing buffer),
      // the spare slots hold the sentinel, and the detector sees it there.
      const view = vec.view() as unknown as Uint8Array & { constructor: new (b: ArrayBufferLike, offset: number, length: number) => ArrayLike<Elem> };
      const raw = Array.from(new view.constructor(view.buffer, view.byteOffset, vec.capacity));
      expect(raw.slice(3)).toEqual([poison, poison, poison]);
      expect(() => checkElements(raw, 6, poison, 'the raw buffer')).toThrow(/sentinel/);
      expect(() => scanForPoison(`[ ${raw.map(String).join(', ')} ]`, poison, 'a string')).toThrow(/sentinel/);
    }
    assertNoLeak(kind, vec, poison);
  });

  it('through no public path, after every command of random sequences', () => {
    fc.assert(
      fc.property(capacityArb, initialArb(kind, poison), fc.commands(standard, { maxCommands: MAX_COMMANDS, size: 'max' }), (capacity, initial, cmds) => {
        fc.modelRun(() => setupRun(kind, capacity, initial, repoison), cmds);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('when callbacks and sources change the vector while a method runs', () => {
    const reentrant = reentrantCommandArbs(kind, opts, repoison);
    fc.assert(
      fc.property(
        capacityArb,
        initialArb(kind, poison),
        fc.commands([...standard, ...reentrant, ...reentrant], { maxCommands: MAX_COMMANDS, size: 'max' }),
        (capacity, initial, cmds) => {
          fc.modelRun(() => setupRun(kind, capacity, initial, repoison), cmds);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

/**
 * The shrunk counterexample of the re-entrant property, replayed deterministically: a
 * `splice` source that changes the vector while it is read (a generator, or an array-like
 * with a `length` getter) must not make `splice` work from the length it read before.
 */
describe.each(KINDS)('$name: splice with a source that changes the vector', (kind) => {
  const poison = kind.convert(kind.sentinel);
  const [a, b, c] = kind.samples;

  it('exposes no spare slot (counterexample: [x], splice(0, 0, iterable [] that truncates to 0 and re-poisons))', () => {
    const vec = kind.make(1);
    vec.push(a);
    const source = (function* () {
      vec.truncate(0);
      poisonSpare(kind, vec);
    })();
    try {
      vec.splice(0, 0, source as Iterable<Elem>);
    } catch {
      // Refusing the re-entrant source is fine; exposing the slot is not.
    }
    assertNoLeak(kind, vec, poison);
  });

  it('does not bring back elements the source cleared ([x, y, z], splice(0, 1, iterable that clears))', () => {
    const vec = kind.make(4);
    vec.extend([a, b, c]);
    const source = (function* () {
      vec.clear();
    })();
    try {
      vec.splice(0, 1, source as Iterable<Elem>);
    } catch {
      // Refusing the re-entrant source is fine.
    }
    expect(vec.length).toBe(0);
  });

  it('checks the capacity against the length the source left (capacity 2, [x], splice(1, 0, iterable that pushes y and yields z))', () => {
    const vec = kind.make(2);
    vec.push(a);
    const source = (function* () {
      vec.push(b);
      yield c;
    })();
    // Three elements for two slots: the splice must throw (a CapacityError, or an error
    // refusing the re-entrant source) and keep what the source did; it cannot succeed
    // without losing an element.
    expect(() => vec.splice(1, 0, source as Iterable<Elem>)).toThrow();
    expect(vec.toArray()).toEqual([a, b]);
  });

  it('reads the length after an array-like source\'s length getter ran ([x], splice(0, 0, { get length() { pop(); return 0 } }))', () => {
    const vec = kind.make(2);
    vec.push(a);
    const source = {
      get length() {
        vec.pop();
        return 0;
      },
    };
    try {
      vec.splice(0, 0, source as ArrayLike<Elem>);
    } catch {
      // Refusing the re-entrant source is fine.
    }
    expect(vec.length).toBe(0);
  });
});
