/**
 * The element table (`scripts/element-types.ts`) is what the suites take their kinds from:
 * every row must have a class exported from `src/index`, a kind in `TYPED_KINDS` and test
 * data that fits the row. A row that lacks any of them would otherwise just be skipped by
 * every suite. A row whose typed array this runtime lacks (F16Vec before Node 24) is the one
 * exception: its tests are declared skipped, with the reason in their title.
 */

import fc from 'fast-check';
import { ELEMENT_SPECS } from '../scripts/element-types';
import { CLASS_FAMILIES, familyClassName } from '../scripts/generate';
import * as library from '../src/index';
import { TYPED_KINDS, arrayCtorOf, exportedClassOf, type Elem, type Kind, type TableRow } from './support/kinds';
import { RUNNABLE_SPECS, UNRUNNABLE_SPECS, runtimeHas, skipUnrunnable } from './support/runtime';
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

const ROW_TESTS = [
  'has a class of that name exported from src/index, with the statics the row gives',
  'has a kind in TYPED_KINDS built from the row',
  'states a range that its typed array stores exactly, and whose ends are where the type wraps or clamps',
  'has test data that fits it: elements, samples and sentinel in stored form and in range; the sentinel never an element',
] as const;

skipUnrunnable('element table row', ROW_TESTS);

describe.each(RUNNABLE_SPECS.map((row) => [row.className, row] as const))('element table row %s', (_name, row) => {
  it(ROW_TESTS[0], () => {
    const cls = exportedClassOf(row) as TableStatics | undefined;
    expect(typeof cls).toBe('function');
    expect({ name: cls!.name, elementType: cls!.elementType, bytes: cls!.BYTES_PER_ELEMENT, Array: cls!.Array }).toEqual({
      name: row.className,
      elementType: row.id,
      bytes: row.bytes,
      Array: (globalThis as unknown as Record<string, unknown>)[row.arrayName],
    });
  });

  it(ROW_TESTS[1], () => {
    const kind = kindOf(row);
    expect(kind).toBeDefined();
    expect([kind!.name, kind!.arrayName, kind!.isBigInt, kind!.isTyped]).toEqual([row.className, row.arrayName, row.elementType === 'bigint', true]);
    expect(kind!.make(3).capacity).toBe(3);
    expect(kind!.make(0)).toBeInstanceOf(exportedClassOf(row) as Function);
  });

  it(ROW_TESTS[2], () => {
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

  it(ROW_TESTS[3], () => {
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
    // Every class of the class families (rings, histories, deques) is exported too.
    const familyClasses = CLASS_FAMILIES.flatMap((family) => ELEMENT_SPECS.filter(family.has).map((row) => familyClassName(family, row)));
    const exported = Object.entries(library)
      // The vectors; the class families beside them (rings, ...) are checked by their own suites.
      .filter(([name, value]) => typeof value === 'function' && 'elementType' in value && name.endsWith('Vec'))
      .map(([name]) => name);
    expect([...exported].sort()).toEqual(ELEMENT_SPECS.map((row) => row.className).sort());
    expect(familyClasses.filter((name) => typeof (library as Record<string, unknown>)[name] !== 'function')).toEqual([]);
    expect(new Set(ELEMENT_SPECS.map((row) => row.id)).size).toBe(ELEMENT_SPECS.length);
  });

  it('has a kind for every row this runtime can run, in table order, and test data for exactly its rows', () => {
    expect(TYPED_KINDS.map((kind) => kind.spec?.id)).toEqual(RUNNABLE_SPECS.map((row) => row.id));
    expect(Object.keys(TEST_DATA).sort()).toEqual(ELEMENT_SPECS.map((row) => row.id).sort());
  });
});

describe('the rows this runtime can run', () => {
  it('are all rows but F16Vec, which needs Float16Array (Node 24+, Chromium 135+, Firefox 129+, Safari 18.2+)', () => {
    expect(UNRUNNABLE_SPECS.map((row) => row.id)).toEqual(typeof (globalThis as { Float16Array?: unknown }).Float16Array === 'function' ? [] : ['f16']);
    expect(ELEMENT_SPECS.filter((row) => row.id !== 'f16').every(runtimeHas)).toBe(true);
  });
});
