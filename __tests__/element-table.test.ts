/**
 * The element table (`scripts/element-types.ts`) is what the suites take their kinds from:
 * every row must have a class exported from `src/index`, a kind in `TYPED_KINDS` and test
 * data that fits the row. A row that lacks any of them would otherwise just be skipped by
 * every suite.
 */

import fc from 'fast-check';
import { ELEMENT_SPECS } from '../scripts/element-types';
import * as library from '../src/index';
import { TYPED_KINDS, arrayCtorOf, exportedClassOf, type Elem, type Kind, type TableRow } from './support/kinds';
import { TEST_DATA } from './support/test-data';

/** The statics of a typed vector class that the table describes. */
interface TableStatics {
  readonly name: string;
  readonly elementType: unknown;
  readonly BYTES_PER_ELEMENT: unknown;
  readonly Array: unknown;
}

/** The value of a `range` bound, which the table writes as JavaScript source (`"-(2 ** 31)"`). */
const valueOf = (source: string): Elem => new Function(`return (${source});`)() as Elem;

const kindOf = (row: TableRow): Kind | undefined => TYPED_KINDS.find((kind) => kind.spec === row);

describe.each(ELEMENT_SPECS.map((row) => [row.className, row] as const))('element table row %s', (_name, row) => {
  it('has a class of that name exported from src/index, with the statics the row gives', () => {
    const cls = exportedClassOf(row) as TableStatics | undefined;
    expect(typeof cls).toBe('function');
    expect({ name: cls!.name, elementType: cls!.elementType, bytes: cls!.BYTES_PER_ELEMENT, Array: cls!.Array }).toEqual({
      name: row.className,
      elementType: row.id,
      bytes: row.bytes,
      Array: (globalThis as unknown as Record<string, unknown>)[row.arrayName],
    });
  });

  it('has a kind in TYPED_KINDS built from the row', () => {
    const kind = kindOf(row);
    expect(kind).toBeDefined();
    expect([kind!.name, kind!.arrayName, kind!.isBigInt, kind!.isTyped]).toEqual([row.className, row.arrayName, row.elementType === 'bigint', true]);
    expect(kind!.make(3).capacity).toBe(3);
    expect(kind!.make(0)).toBeInstanceOf(exportedClassOf(row) as Function);
  });

  it('states a range that its typed array stores exactly, and whose ends are where the type wraps or clamps', () => {
    const kind = kindOf(row)!;
    const [min, max] = row.range.map(valueOf);
    expect([kind.convert(min), kind.convert(max)]).toEqual([min, max]);
    expect(row.signed).toBe(min < 0);
    if (row.family === 'float') return;
    const one = row.elementType === 'bigint' ? 1n : 1;
    const below = (min as number) - (one as number);
    const above = (max as number) + (one as number);
    expect([Object.is(kind.convert(below), below), Object.is(kind.convert(above), above)]).toEqual([false, false]);
  });

  it('has test data that fits it: elements, samples and sentinel in stored form and in range; the sentinel never an element', () => {
    const kind = kindOf(row)!;
    const data = TEST_DATA[row.id];
    const [min, max] = row.range.map(valueOf);
    const inRange = (x: Elem) => typeof x === typeof min && x >= min && x <= max;
    const stored = (x: Elem) => Object.is(kind.convert(x), x);
    const samples: readonly Elem[] = data.samples;
    expect(samples.map((x) => [x, stored(x) && inRange(x)])).toEqual(samples.map((x) => [x, true]));
    expect(new Set(samples).size).toBe(3);
    expect([stored(data.sentinel), inRange(data.sentinel), samples.includes(data.sentinel)]).toEqual([true, true, false]);
    fc.assert(
      fc.property(data.element as fc.Arbitrary<Elem>, (x) => stored(x) && inRange(x) && !Object.is(x, data.sentinel)),
      { numRuns: 200 },
    );
    // A stored value is one the type keeps as it is; only a float type stores values beyond its range (±Infinity, NaN).
    const pinned: readonly (readonly [Elem, Elem])[] = data.pinnedConversions;
    const storable = (x: Elem) => stored(x) && (inRange(x) || row.family === 'float');
    expect(pinned.filter(([, to]) => !storable(to))).toEqual([]);
    expect(arrayCtorOf(kind).name).toBe(row.arrayName);
  });
});

describe('the element table as a whole', () => {
  it('lists every typed vector class src/index exports, once', () => {
    const exported = Object.entries(library)
      .filter(([, value]) => typeof value === 'function' && 'elementType' in value)
      .map(([name]) => name);
    expect([...exported].sort()).toEqual(ELEMENT_SPECS.map((row) => row.className).sort());
    expect(new Set(ELEMENT_SPECS.map((row) => row.id)).size).toBe(ELEMENT_SPECS.length);
  });

  it('has a kind for every row, in table order, and test data for exactly its rows', () => {
    expect(TYPED_KINDS.map((kind) => kind.spec?.id)).toEqual(ELEMENT_SPECS.map((row) => row.id));
    expect(Object.keys(TEST_DATA).sort()).toEqual(ELEMENT_SPECS.map((row) => row.id).sort());
  });
});
