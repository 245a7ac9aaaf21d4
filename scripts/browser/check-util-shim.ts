/**
 * Compares the browser `util` shim (`shims/util.ts`) with Node's own `node:util` on a
 * corpus of values: slabvec's vectors (live, empty, released, detached, nested), the
 * JavaScript values the suite inspects, and every option form the suite passes; also
 * `format` and `isDeepStrictEqual`. Run on its own, it prints each difference and exits 1
 * if there is any:
 *
 *     node scripts/run-ts.cjs scripts/browser/check-util-shim.ts
 *
 * `npm run test:browser` runs {@link compareWithNode} first (it takes well under a
 * second) and counts a difference as a failure, so a shim that drifts from Node's output
 * fails the browser run plainly instead of failing tests obscurely.
 *
 * @module
 */

import * as node from 'node:util';
import * as lib from '../../src/index';
import * as shim from './shims/util';

const { F64Vec, F32Vec, I64Vec, U8Vec, U64Vec, I8Vec, OptionVec, Slab } = lib;

/** The values to inspect, by name. Built fresh for each call, so that both sides see equal state. */
function corpus(): Record<string, unknown> {
  const f64 = new F64Vec(8);
  f64.extend([1.5, -0, NaN, Infinity, 2 ** 53]);
  const big = new I64Vec(4);
  big.extend([1n, -(2n ** 63n)]);
  const slab = new Slab(256);
  const released = slab.alloc(F32Vec, 4);
  released.extend([1, 2]);
  slab.reset();
  const memory = new ArrayBuffer(64);
  const detached = F64Vec.over(memory, 0, 4);
  detached.push(3);
  structuredClone(memory, { transfer: [memory] });
  const many = new U8Vec(200);
  many.extend(Array.from({ length: 150 }, (_, i) => i));
  const option = new OptionVec<{} | null, 6>(6);
  option.extend(['a', { b: [1, 2, { c: 3 }] }, null, 7n]);
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  class Point {
    constructor(
      public x: number,
      public y: number,
    ) {}
    get norm(): number {
      return Math.hypot(this.x, this.y);
    }
  }
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const arrWithKey = Object.assign([1, 2], { extra: 'x' });
  const err = new RangeError('out of range');
  err.stack = 'RangeError: out of range\n    at fixed (file:///fixed.js:1:1)'; // the same on both sides
  const small = new I8Vec(3);
  small.extend([-1, 2]);
  const u64 = new U64Vec(3);
  u64.push(2n ** 64n - 1n);
  return {
    f64,
    big,
    released,
    detached,
    many,
    option,
    empty: new F64Vec(0),
    nested: { outer: { inner: f64 } },
    deeper: { outer: { inner: { deeper: f64 } } },
    list: [f64, f64],
    map: new Map<unknown, unknown>([[1, f64], ['k', option]]),
    set: new Set([1, 'two', small]),
    circular,
    point: new Point(3, 4),
    sparse,
    arrWithKey,
    strings: ["it's", 'say "hi"', 'both \' and "', 'tab\tnew\nline', '\u0001\u007f', 'a'.repeat(200), 'é ☃ 😀 \ud800'],
    numbers: [0, -0, 1e21, -1.5e-7, NaN, -Infinity, 123456789012],
    bigints: [0n, -5n, 2n ** 70n],
    symbols: [Symbol('s'), Symbol.iterator, Symbol()],
    keys: { 'a-b': 1, valid_key: 2, 3: 'three', [Symbol('sym')]: 4, '': 5 },
    functions: [function named() {}, () => {}, class Foo {}, class extends Point {}, async function af() {}, function* gen() {}, Math.max],
    classStatic: F64Vec,
    typed: [new Float64Array([1, 2.5, -0]), new BigInt64Array([1n, -2n]), new Uint8Array(0), new Uint8ClampedArray(130)],
    buffers: [new ArrayBuffer(4), new SharedArrayBuffer(3), new DataView(new ArrayBuffer(2))],
    longNumbers: Array.from({ length: 30 }, (_, i) => i * 37),
    longMixed: Array.from({ length: 10 }, (_, i) => (i % 2 ? `s${i}` : i)),
    longStrings: Array.from({ length: 12 }, (_, i) => `item number ${i}`),
    nestedArrays: [[1, [2, [3, [4, [5]]]]]],
    objects: { a: { b: { c: { d: { e: 1 } } } }, empty: {}, emptyArr: [], nullProto: Object.assign(Object.create(null), { z: 1 }) },
    err,
    errorInObject: { err },
    date: new Date(0),
    regexp: /ab+c/gi,
    boxed: [new Number(-0), new String('str'), new Boolean(false)],
    weak: [new WeakMap(), new WeakSet()],
    wide: { alpha: 'a'.repeat(40), beta: 'b'.repeat(40), gamma: 'c'.repeat(40), delta: 'd'.repeat(40) },
    getters: {
      get plain() {
        return 1;
      },
      set plain(_v: number) {},
      get only() {
        return { x: 1 };
      },
      get boom(): number {
        throw new Error('nope');
      },
    },
  };
}

/** The option sets the suite passes to `inspect`. */
const OPTIONS: (node.InspectOptions | undefined)[] = [
  undefined,
  { depth: -1 },
  { depth: 0 },
  { depth: Infinity },
  { depth: null },
  { depth: 5 },
  { showHidden: true },
  { maxArrayLength: 0 },
  { maxArrayLength: Infinity },
  { maxArrayLength: 3 },
  { customInspect: false, showHidden: true },
  { customInspect: false, showHidden: true, maxArrayLength: Infinity, getters: true },
  { depth: 5, maxArrayLength: 1000 },
  { breakLength: 40 },
  { compact: false },
  { compact: true },
  { compact: 1 },
  { getters: true },
  { sorted: true },
];

/** `util.format` calls the suite and its dependencies make. */
const FORMATS: [string, (value: unknown) => unknown[]][] = [
  ['%o | %O | %j | %s', (v) => ['%o | %O | %j | %s', v, v, v, v]],
  ['%s %d %i %f %%', (v) => ['%s %d %i %f %% %c end', v, v, v, v, 'color: red']],
  ['no format string', (v) => [v, 'text', 3]],
  ['too few args', () => ['%s and %s', 'one']],
];

/**
 * Known differences, each a quirk of Node's that the shim does not copy: the label
 * (a prefix of the check's label) and why.
 */
const KNOWN: [string, string][] = [
  ['inspect(classStatic, {"customInspect":false,"showHidden":true,"maxArrayLength":null,"getters":true})', "Node mis-indents a class's [prototype] entry under getters"],
  ['inspect(errorInObject, {"compact":true})', 'Node breaks the line before an error in compact mode'],
  ['inspect(weak, {"showHidden"', "Node previews a WeakMap's entries natively; a browser cannot"],
  ['inspect(weak, {"customInspect":false,"showHidden"', "Node previews a WeakMap's entries natively; a browser cannot"],
  ['format(%o | %O | %j | %s) of weak', "Node previews a WeakMap's entries natively; a browser cannot"],
];

/** The outcome of {@link compareWithNode}. */
export interface ShimComparison {
  readonly checks: number;
  /** One entry per difference: the call, Node's output and the shim's. */
  readonly differences: string[];
}

let differences: string[] = [];
let checks = 0;
function check(label: string, actual: () => string, expected: () => string): void {
  checks++;
  let a: string;
  let e: string;
  try {
    e = expected();
  } catch (error) {
    e = `threw ${String(error)}`;
  }
  try {
    a = actual();
  } catch (error) {
    a = `threw ${(error as Error)?.stack ?? String(error)}`;
  }
  // Stack traces name different frames (the shim's own functions); compare messages only.
  const strip = (text: string) => text.replace(/\n +at .*/g, '');
  if (strip(a) !== strip(e) && !KNOWN.some(([prefix]) => label.startsWith(prefix))) {
    differences.push(`${label}\n   node: ${JSON.stringify(strip(e))}\n   shim: ${JSON.stringify(strip(a))}`);
  }
}

/** Runs every check; returns the differences from Node's output (none when the shim matches). */
export function compareWithNode(): ShimComparison {
  differences = [];
  checks = 0;
  const names = Object.keys(corpus());
  for (const name of names) {
    for (const options of OPTIONS) {
      check(
        `inspect(${name}, ${JSON.stringify(options)})`,
        () => shim.inspect(corpus()[name], options as shim.InspectOptions),
        () => node.inspect(corpus()[name], options),
      );
    }
    for (const [label, args] of FORMATS) {
      check(`format(${label}) of ${name}`, () => shim.format(...args(corpus()[name])), () => node.format(...args(corpus()[name])));
    }
  }

  // isDeepStrictEqual on pairs built twice from the same recipe, and on near misses.
  const pairs: [string, () => unknown, () => unknown][] = [
    ['equal arrays', () => [1, [2, { a: 3 }]], () => [1, [2, { a: 3 }]]],
    ['0 and -0', () => [0], () => [-0]],
    ['NaN', () => [NaN], () => [NaN]],
    ['typed arrays', () => new Float64Array([1, NaN]), () => new Float64Array([1, NaN])],
    ['typed arrays -0', () => new Float64Array([0]), () => new Float64Array([-0])],
    ['typed kinds differ', () => new Int8Array(2), () => new Uint8Array(2)],
    ['array vs object', () => [1], () => ({ 0: 1 })],
    ['maps', () => new Map([[{ k: 1 }, 'v']]), () => new Map([[{ k: 1 }, 'v']])],
    ['sets', () => new Set([{ a: 1 }, 2]), () => new Set([2, { a: 1 }])],
    ['sets differ', () => new Set([{ a: 1 }]), () => new Set([{ a: 2 }])],
    ['bigints', () => [1n], () => [1n]],
    ['undefined key', () => ({ a: undefined }), () => ({})],
    ['vectors', () => F64Vec.from([1, 2]), () => F64Vec.from([1, 2])],
    ['dates', () => new Date(5), () => new Date(5)],
  ];
  for (const [label, a, b] of pairs) {
    check(`isDeepStrictEqual(${label})`, () => String(shim.isDeepStrictEqual(a(), b())), () => String(node.isDeepStrictEqual(a(), b())));
  }
  return { checks, differences };
}

if (/check-util-shim\.m?js$/.test(process.argv[1] ?? '')) {
  const result = compareWithNode();
  for (const difference of result.differences) console.log(`-- ${difference}`);
  if (result.differences.length > 0) {
    console.log(`check-util-shim: ${result.differences.length} of ${result.checks} checks differ from node:util`);
    process.exit(1);
  }
  console.log(`check-util-shim: ${result.checks} checks match node:util`);
}
