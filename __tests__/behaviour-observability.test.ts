/**
 * Shared behaviour, the core safety promise: a spare slot (at or past `length`) is never
 * observable. Every spare slot is first filled with the kind's sentinel through public
 * methods (`poisonSpare`), then every public way of reading a vector is checked, for
 * several lengths from empty to full, after growing operations, and after failing
 * operations of every kind. Runs for every class in `KINDS`.
 */

import { format, inspect } from 'node:util';
import { CapacityError, EmptyError, IndexError } from '../src/errors';
import { KINDS, type AnyVec, type Elem } from './support/kinds';
import {
  arrayCtorOf,
  caught,
  containsDeep,
  el,
  expectContents,
  expectNoPoison,
  labelled,
  poisonOf,
  poisoned,
  typed,
} from './support/assertions';

const CAPACITY = 5;
const LENGTHS = [0, 1, 3, CAPACITY];

describe.each(KINDS)('$name: spare slots are never observable', (kind) => {
  const poison = poisonOf(kind);
  const poisonText = String(poison);
  const items = [kind.samples[0], kind.samples[1], kind.samples[2], el(kind, 4), el(kind, 5)];
  /** The vectors under test: each length in LENGTHS, spare slots poisoned. */
  const cases = () => LENGTHS.map((length) => ({ length, model: items.slice(0, length), v: poisoned(kind, CAPACITY, items.slice(0, length)) }));

  it('the samples and small elements used here are distinct from the sentinel, which is in stored form', () => {
    expect(items).not.toContainEqual(poison);
    expect(items.map(String).some((text) => text.includes(poisonText))).toBe(false);
    // The sentinel, as pushed by poisonSpare, reads back as `poison` while it is live.
    const v = kind.make(1);
    v.push(kind.sentinel);
    expect(v.get(0)).toEqual(poison);
  });

  it('get: every valid index gives its element, every spare index throws', () => {
    for (const { length, model, v } of cases()) {
      expect(model.map((_x, i) => v.get(i))).toEqual(model);
      const spare = Array.from({ length: CAPACITY + 2 - length }, (_, k) => length + k);
      expect(spare.map((i) => [i, caught(() => v.get(i)) instanceof IndexError])).toEqual(spare.map((i) => [i, true]));
    }
  });

  it('at: every index from -capacity-2 to capacity+2 gives Array.prototype.at of the live elements', () => {
    for (const { model, v } of cases()) {
      const indexes = Array.from({ length: 2 * CAPACITY + 5 }, (_, k) => k - CAPACITY - 2);
      expect(indexes.map((i) => [i, v.at(i)])).toEqual(indexes.map((i) => [i, model.at(i)]));
    }
  });

  it('spread, Array.from, values(), keys() and entries() give only live elements', () => {
    for (const { length, model, v } of cases()) {
      expect([...v]).toEqual(model);
      expect(Array.from(v)).toEqual(model);
      expect([...v.values()]).toEqual(model);
      expect([...v.keys()]).toEqual(model.map((_x, i) => i));
      expect([...v.entries()]).toEqual(model.map((x, i) => [i, x]));
      expect(length).toBe(model.length);
    }
  });

  it('forEach visits only live elements', () => {
    for (const { model, v } of cases()) {
      const seen: Elem[] = [];
      v.forEach((x) => seen.push(x));
      expect(seen).toEqual(model);
    }
  });

  it('view(): its length is the vector length and its contents the live elements', () => {
    for (const { length, model, v } of cases()) {
      const view = v.view();
      expect(view.length).toBe(length);
      expect(Array.from(view)).toEqual(model);
      expect(view[length]).toBeUndefined();
    }
  });

  it('view() of a typed kind covers no spare slot: its byteLength is length times the element size (typed kinds)', () => {
    if (!kind.isTyped) return;
    for (const { length, v } of cases()) {
      const view = typed(v).view();
      expect(view.byteLength).toBe(length * arrayCtorOf(kind).BYTES_PER_ELEMENT);
    }
  });

  it('toArray, toJSON and JSON.stringify give only live elements', () => {
    for (const { model, v } of cases()) {
      expect(v.toArray()).toEqual(model);
      const json = model.map((x) => (typeof x === 'bigint' ? String(x) : x));
      expect(v.toJSON()).toEqual(json);
      expect(JSON.stringify(v)).toBe(JSON.stringify(json));
      expect(JSON.stringify([v, { v }])).not.toContain(poisonText);
    }
  });

  it('toTypedArray gives only live elements (typed kinds)', () => {
    if (!kind.isTyped) return;
    for (const { model, v } of cases()) {
      const t = typed(v).toTypedArray();
      expect(Array.from(t)).toEqual(model);
      expect(t.byteLength).toBe(model.length * arrayCtorOf(kind).BYTES_PER_ELEMENT);
    }
  });

  it('util.inspect and util.format, in every form, show the live elements and never the sentinel', () => {
    for (const { model, v } of cases()) {
      const outputs = [
        inspect(v),
        inspect(v, { depth: -1 }),
        inspect(v, { depth: 0 }),
        inspect(v, { depth: Infinity }),
        inspect(v, { showHidden: true }),
        inspect(v, { maxArrayLength: 0 }),
        inspect({ outer: { inner: v } }),
        inspect({ outer: { inner: { deeper: v } } }, { depth: 5 }),
        inspect([v, v]),
        inspect(new Map([[1, v]])),
        inspect(v, { customInspect: false, showHidden: true }),
        format('%o | %O | %j | %s', v, v, v, v),
      ];
      expect(outputs.filter((text) => text.includes(poisonText))).toEqual([]);
      const full = inspect(v);
      expect(model.filter((x) => !full.includes(inspect(x)))).toEqual([]);
    }
  });

  it('own properties, for...in, spread {...v} and numeric property access reveal no spare slot', () => {
    for (const { v } of cases()) {
      const record = v as unknown as Record<PropertyKey, unknown>;
      const keysIn: string[] = [];
      for (const key in v) keysIn.push(key);
      const seen = {
        keys: Object.keys(v),
        entries: Object.entries(v),
        names: Object.getOwnPropertyNames(v),
        symbols: Object.getOwnPropertySymbols(v).map((s) => record[s]),
        ownKeys: Reflect.ownKeys(v).map((k) => record[k]),
        forIn: keysIn.map((k) => record[k]),
        spread: { ...v },
        indexed: Array.from({ length: CAPACITY + 2 }, (_, i) => record[i]),
        assigned: Object.assign({}, v),
        arraySlice: Array.prototype.slice.call(v),
      };
      expect(containsDeep(seen, poison)).toBe(false);
    }
  });

  it('structuredClone(v) contains no sentinel', () => {
    for (const { v } of cases()) {
      // A typed vector keeps everything in #private fields, which structured cloning does
      // not copy: the result is a plain empty object `{}`, neither a vector nor its
      // elements. It cannot carry a spare slot (nor a live one).
      const copy = structuredClone(v);
      expect(containsDeep(copy, poison)).toBe(false);
      if (kind.isTyped) expect(copy).toEqual({});
    }
  });

  it('String(v) and template literals show the live elements, as for an array, and no spare slot', () => {
    for (const { model, v } of cases()) {
      expect(String(v)).not.toContain(poisonText);
      expect(`${v}`).not.toContain(poisonText);
      expect(String(v)).toBe(model.join(','));
      expect(Object.prototype.toString.call(v)).toBe(`[object ${kind.name}]`);
    }
  });

  it('clone() copies only live elements, and its own growth shows only the fill', () => {
    for (const { model, v } of cases()) {
      const c = v.clone();
      expectNoPoison(kind, c, model);
      c.resize(CAPACITY, el(kind, 9));
      expectNoPoison(kind, c, [...model, ...Array(CAPACITY - model.length).fill(el(kind, 9))]);
    }
  });

  it('drain and splice return only elements that were live', () => {
    for (const { model, v } of cases()) {
      const c = v.clone();
      expect(Array.from(v.drain())).toEqual(model);
      expectNoPoison(kind, v, []);
      expect(Array.from(c.splice(0, model.length))).toEqual(model);
      expectNoPoison(kind, c, []);
    }
  });

  it('growing after truncate shows only the new values: resize, extend, insert, push', () => {
    for (const { model, v } of cases()) {
      const keep = model.slice(0, 1);
      const base = () => {
        const w = v.clone();
        w.truncate(1);
        return w;
      };
      const fill = el(kind, 8);
      const grown = base();
      grown.resize(CAPACITY, fill);
      expectNoPoison(kind, grown, [...keep, ...Array(CAPACITY - keep.length).fill(fill)]);
      const extended = base();
      extended.extend([fill, fill]);
      expectNoPoison(kind, extended, [...keep, fill, fill]);
      const inserted = base();
      inserted.insert(keep.length, fill);
      inserted.insert(0, fill);
      expectNoPoison(kind, inserted, [fill, ...keep, fill]);
      const pushed = base();
      pushed.push(fill);
      expectNoPoison(kind, pushed, [...keep, fill]);
      const spliced = base();
      spliced.splice(keep.length, 0, [fill, fill]);
      expectNoPoison(kind, spliced, [...keep, fill, fill]);
    }
  });

  it('pop then push, remove, swapRemove and dedup never reveal the slot they vacate', () => {
    const v = poisoned(kind, CAPACITY, items.slice(0, 4));
    v.pop();
    expectNoPoison(kind, v, items.slice(0, 3));
    v.remove(0);
    expectNoPoison(kind, v, items.slice(1, 3));
    v.swapRemove(0);
    expectNoPoison(kind, v, [items[2]]);
    const d = poisoned(kind, CAPACITY, [items[0], items[0], items[0]]);
    d.dedup();
    expectNoPoison(kind, d, [items[0]]);
  });

  describe('after a failing operation, the contents are as before and the sentinel stays hidden', () => {
    const wrong = kind.wrongType as Elem;
    /** One more element than any of the vectors under test can take. */
    const tooMany = [...items, items[0]];
    const otherKindArray = () => (kind.isBigInt ? new Float64Array([1]) : new BigInt64Array([1n])) as unknown as Elem[];
    function* throwingSource() {
      yield items[0];
      throw new Error('source failed');
    }
    const failures: [string, (v: AnyVec) => unknown, new (...args: never[]) => Error][] = [
      ['extend past the capacity', (v) => v.extend(tooMany), CapacityError],
      ['splice past the capacity', (v) => v.splice(0, 0, tooMany), CapacityError],
      ['resize past the capacity', (v) => v.resize(CAPACITY + 1, items[0]), CapacityError],
      ['push with a wrong-type value', (v) => v.push(wrong), TypeError],
      ['set with a wrong-type value', (v) => v.set(0, wrong), TypeError],
      ['insert with a wrong-type value', (v) => v.insert(0, wrong), TypeError],
      ['extend with a wrong-type element', (v) => v.extend([items[0], wrong]), TypeError],
      ['splice with a wrong-type item', (v) => v.splice(0, 0, [items[0], wrong]), TypeError],
      ['resize with a wrong-type fill', (v) => v.resize(CAPACITY, wrong), TypeError],
      ['fill with a wrong-type value', (v) => v.fill(wrong), TypeError],
      ['retain with a non-function', (v) => v.retain(null as never), TypeError],
      ['get with a string index', (v) => v.get('0' as never), TypeError],
      ['get at the length', (v) => v.get(v.length), IndexError],
      ['set at the length', (v) => v.set(v.length, items[0]), IndexError],
      ['remove at the length', (v) => v.remove(v.length), IndexError],
      ['swapRemove at -1', (v) => v.swapRemove(-1), IndexError],
      ['insert past the length', (v) => v.insert(v.length + 1, items[0]), IndexError],
      ['drain past the length', (v) => v.drain(0, v.length + 1), RangeError],
      ['fill past the length', (v) => v.fill(items[0], 0, v.length + 1), RangeError],
      ['truncate to -1', (v) => v.truncate(-1), RangeError],
      ['extend from a throwing generator', (v) => v.extend(throwingSource()), Error],
    ];
    // OptionVec holds any value but undefined, so only a typed vector refuses the other element type.
    if (kind.isTyped) failures.push(['extend with the other element type', (v) => v.extend(otherKindArray()), TypeError]);

    /** Runs every failure of `ErrorClass` against every case vector. */
    function checkFailures(ErrorClass: new (...args: never[]) => Error): void {
      const selected = failures.filter(([, , cls]) => cls === ErrorClass);
      expect(selected.length).toBeGreaterThan(0);
      for (const [label, op] of selected) {
        for (const { model, v } of cases()) {
          labelled(`${label}, length ${model.length}`, () => {
            const error = caught(() => op(v));
            // On a full vector a growing call with a bad argument may report either problem.
            expect(error).toBeInstanceOf(model.length < CAPACITY ? ErrorClass : Error);
            expectNoPoison(kind, v, model);
            // The spare slots are still spare: growing shows only the fill value.
            v.resize(CAPACITY, el(kind, 7));
            expectContents(v, [...model, ...Array(CAPACITY - model.length).fill(el(kind, 7))]);
          });
        }
      }
    }

    it('after a CapacityError (extend, splice, resize past the capacity)', () => checkFailures(CapacityError));
    it('after a TypeError (wrong-type values and elements, non-function callbacks, non-number index)', () => checkFailures(TypeError));
    it('after an IndexError (get, set, remove, swapRemove, insert out of range)', () => checkFailures(IndexError));
    it('after a RangeError from a range or length argument (drain, fill, truncate)', () => checkFailures(RangeError));
    it('after a source that throws midway (the error propagates)', () => checkFailures(Error));

    it('push and insert on a full vector, and pop on an empty one', () => {
      const full = poisoned(kind, 3, items.slice(0, 3));
      expect(caught(() => full.push(items[3]))).toBeInstanceOf(CapacityError);
      expect(caught(() => full.insert(0, items[3]))).toBeInstanceOf(CapacityError);
      expect(full.tryPush(items[3])).toBe(false);
      expect(full.tryInsert(1, items[3])).toBe(false);
      expect(full.tryExtend([items[3]])).toBe(false);
      expectNoPoison(kind, full, items.slice(0, 3));
      const empty = poisoned(kind, 3, []);
      expect(caught(() => empty.pop())).toBeInstanceOf(EmptyError);
      expectNoPoison(kind, empty, []);
    });
  });
});
