/**
 * fast-check `fc.commands` definitions shared by the model test (tinyvec-style fuzzing
 * against a plain `Array`) and the poison test (the Miri analogue).
 *
 * The model is a plain array of elements in stored form plus the capacity. Every command
 * applies one operation to the vector and to the model and compares the results; failing
 * operations are generated on purpose (full, empty, bad indexes, wrong types, overflowing
 * sources) and must throw the documented error class and leave the vector unchanged.
 * After every command {@link checkInvariant} compares the whole observable state.
 *
 * Arguments that depend on the current length (indexes, counts) are generated as
 * positions relative to the state at run time ({@link Pos}), so that valid and invalid
 * values both occur at every length; the resolved calls are recorded in `Model.log` and
 * printed with any failure.
 */

import fc from 'fast-check';
import { CapacityError, EmptyError, IndexError } from '../../src/index';
import { els } from './assertions';
import { arrayCtorOf, arrayNamesHolding, kindOfOtherType, typedArrayCtor, type AnyVec, type Elem, type Kind, type TypedArrayName } from './kinds';

// ---------------------------------------------------------------------------------------
// Model, real system, options
// ---------------------------------------------------------------------------------------

/** The model: the expected elements (stored form) and the fixed capacity. */
export interface Model {
  items: Elem[];
  readonly capacity: number;
  /** The resolved calls made so far, for failure messages. */
  readonly log: string[];
}

/** The system under test. */
export interface Real {
  readonly vec: AnyVec;
}

/** One command over the model and the vector. */
export type VecCommand = fc.Command<Model, Real>;

/** How the command set is specialised for a suite. */
export interface CommandOptions {
  /**
   * A stored-form value that no generated value may convert to (the poison sentinel):
   * every value, array, typed array and fill argument is filtered against it.
   */
  readonly avoid?: Elem;
  /**
   * Called with every value the vector hands back (return values, callback arguments);
   * `mayBeUndefined` is set where `undefined` is a legitimate answer (`at` outside the range).
   */
  readonly observe?: (what: string, value: unknown, mayBeUndefined: boolean) => void;
  /** An extra check run after every command, before the model comparison. */
  readonly afterEach?: (m: Model, r: Real) => void;
}

/** A fresh model and vector for one run. */
export function newModel(capacity: number): Model {
  return { items: [], capacity, log: [] };
}

/** Capacities used by both suites: small, with 0, 1 and 2 over-represented. */
export const capacityArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 2), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 4 },
);

/**
 * Initial contents for a run (values of the right type, cut to the capacity by the
 * caller), so that runs do not all start empty.
 */
export function initialArb(kind: Kind, avoid?: Elem): fc.Arbitrary<Elem[]> {
  return fc.oneof(fc.constant<Elem[]>([]), fc.array(goodValueArb(kind, avoid), { maxLength: 12 }));
}

/**
 * A model and vector for one run: `capacity` slots holding the first `capacity` of
 * `initial` (put in with `extend`). `prepare` runs on the vector before that (the poison
 * test fills the spare slots with the sentinel there).
 */
export function setupRun(kind: Kind, capacity: number, initial: readonly Elem[], prepare?: (vec: AnyVec) => void): { model: Model; real: Real } {
  const vec = kind.make(capacity);
  prepare?.(vec);
  const items = initial.slice(0, capacity);
  vec.extend(items);
  prepare?.(vec);
  const model = newModel(capacity);
  model.items = items.map((x) => kind.convert(x));
  model.log.push(`(start) ${fmt(model.items)}`);
  const real = { vec };
  checkInvariant(model, real);
  return { model, real };
}

// ---------------------------------------------------------------------------------------
// Formatting and comparison helpers
// ---------------------------------------------------------------------------------------

/** Formats a value for messages: `-0`, `5n`, quoted strings, typed arrays by content. */
export function fmt(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(fmt).join(', ')}]`;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    return `${v.constructor.name}[${Array.from(v as unknown as ArrayLike<unknown>, fmt).join(', ')}]`;
  }
  if (typeof v === 'function') return 'fn';
  if (typeof v === 'object') return Object.prototype.toString.call(v);
  return String(v);
}

/** Throws unless `actual` has exactly the elements of `expected` under `Object.is` (so NaN = NaN, -0 != 0). */
export function assertSameList(actual: ArrayLike<unknown>, expected: readonly unknown[], what: string): void {
  let same = actual.length === expected.length;
  for (let i = 0; same && i < expected.length; i++) same = Object.is(actual[i], expected[i]);
  if (!same) throw new Error(`${what}: got ${fmt(Array.from(actual))}, expected ${fmt(expected)}`);
}

function assertIs(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected)) throw new Error(`${what}: got ${fmt(actual)}, expected ${fmt(expected)}`);
}

/** SameValueZero. */
export function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

/** The default sort order of typed arrays: numeric ascending, -0 before 0, NaN last. */
export function ascending(a: Elem, b: Elem): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === 0 && b === 0) {
    const an = Object.is(a, -0);
    const bn = Object.is(b, -0);
    return an === bn ? 0 : an ? -1 : 1;
  }
  return 0;
}

/** A small deterministic hash of a value, for predicates "derived from the value". */
function hashOf(v: unknown): number {
  const s = fmt(v);
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

function keepFor(v: unknown, salt: number): boolean {
  return (hashOf(v) + salt) % 3 !== 0;
}

function isInt(x: unknown, lo: number, hi: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
}

/** The vector with loosely typed methods, for calling with deliberately wrong arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const loose = (vec: AnyVec): Loose => vec;

// ---------------------------------------------------------------------------------------
// Expected failures
// ---------------------------------------------------------------------------------------

/**
 * What a failing call may throw. `range` is a RangeError that is not a CapacityError or
 * EmptyError (an IndexError is accepted); `index` must be an IndexError; an `Error`
 * instance must be thrown as is (an error from user code propagating).
 */
export type Failure = 'type' | 'index' | 'range' | 'capacity' | 'empty' | Error;

function failureName(f: Failure): string {
  return typeof f === 'string' ? f : `the error "${f.message}"`;
}

function matchesFailure(err: unknown, f: Failure, m: Model): boolean {
  switch (f) {
    case 'type':
      return err instanceof TypeError;
    case 'index':
      return err instanceof IndexError;
    case 'range':
      return err instanceof RangeError && !(err instanceof CapacityError) && !(err instanceof EmptyError);
    case 'capacity':
      // The error carries the capacity and the length at the time of the refusal.
      return err instanceof CapacityError && err.capacity === m.capacity && err.length === m.items.length;
    case 'empty':
      return err instanceof EmptyError;
    default:
      return err === f;
  }
}

function describeError(err: unknown): string {
  if (err instanceof CapacityError) return `${err.name} (capacity ${err.capacity}, length ${err.length}): ${err.message}`;
  if (err instanceof Error) return `${err.constructor.name}/${err.name}: ${err.message}`;
  return `non-error ${fmt(err)}`;
}

/** Calls `fn` and throws unless it throws one of `allowed`. */
export function expectFailure(m: Model, what: string, fn: () => unknown, allowed: readonly Failure[]): void {
  let result: unknown;
  try {
    result = fn();
  } catch (err) {
    if (allowed.some((f) => matchesFailure(err, f, m))) return;
    throw new Error(`${what}: expected ${allowed.map(failureName).join(' or ')}, got ${describeError(err)}`);
  }
  throw new Error(`${what}: expected ${allowed.map(failureName).join(' or ')}, but it returned ${fmt(result)}`);
}

/** Like {@link expectFailure}, but returning `value` is also acceptable. */
export function expectFailureOrReturn(m: Model, what: string, fn: () => unknown, allowed: readonly Failure[], value: unknown): void {
  let result: unknown;
  try {
    result = fn();
  } catch (err) {
    if (allowed.some((f) => matchesFailure(err, f, m))) return;
    throw new Error(`${what}: expected ${allowed.map(failureName).join(' or ')} or a return value of ${fmt(value)}, got ${describeError(err)}`);
  }
  if (!Object.is(result, value)) {
    throw new Error(`${what}: expected ${allowed.map(failureName).join(' or ')} or a return value of ${fmt(value)}, but it returned ${fmt(result)}`);
  }
}

/** The failure for a bad index-like argument: TypeError for a non-number, else `numberFailure`. */
function argFailure(x: unknown, numberFailure: 'index' | 'range'): Failure {
  return typeof x === 'number' ? numberFailure : 'type';
}

// ---------------------------------------------------------------------------------------
// The invariant
// ---------------------------------------------------------------------------------------

/**
 * The observable state of the vector equals the model: length, capacity, the derived
 * flags, `toArray()` and `view()` (contents and length), element-wise under `Object.is`.
 */
export function checkInvariant(m: Model, r: Real): void {
  const v = r.vec;
  const len = m.items.length;
  assertIs(v.capacity, m.capacity, 'capacity');
  assertIs(v.length, len, 'length');
  assertIs(v.isEmpty, len === 0, 'isEmpty');
  assertIs(v.isFull, len === m.capacity, 'isFull');
  assertIs(v.remaining, m.capacity - len, 'remaining');
  assertSameList(v.toArray(), m.items, 'toArray()');
  const view = v.view();
  assertIs(view.length, len, 'view().length');
  assertSameList(view, m.items, 'view()');
}

// ---------------------------------------------------------------------------------------
// Generated arguments
// ---------------------------------------------------------------------------------------

/** A value to store, tagged with whether it has the wrong type for the kind. */
export interface Val {
  readonly v: unknown;
  readonly bad: boolean;
}

/**
 * A position resolved at run time: `rel` picks uniformly in the operation's natural range
 * (for example `[0, length - 1]` for `get`), `end` is an offset from the range's anchor
 * (usually its upper end, so `end 1` is just past it), `raw` is used as is.
 */
export type Pos = { readonly rel: number } | { readonly end: number } | { readonly raw: unknown };

function resolve(p: Pos, lo: number, hi: number, anchor: number = hi): unknown {
  if ('rel' in p) return lo + Math.floor(p.rel * (hi - lo + 1));
  if ('end' in p) return anchor + p.end;
  return p.raw;
}

function showPos(p: Pos): string {
  if ('rel' in p) return `@${p.rel.toFixed(3)}`;
  if ('end' in p) return `end${p.end >= 0 ? '+' : ''}${p.end}`;
  return fmt(p.raw);
}

const NUMBER_SPECIALS = [
  NaN, -0, 0, Infinity, -Infinity, 0.5, -0.5, 1.5, 2.5, -1.5, 127.5, 128, -129, 255.5, 256, 300, 65536, 70000.9,
  2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 + 2, 1e300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, 3.4e38, 3.5e38,
];
const BIGINT_SPECIALS = [
  0n, -1n, 1n, 2n ** 63n, -(2n ** 63n), -(2n ** 63n) - 1n, 2n ** 64n, 2n ** 64n + 1n, 2n ** 64n - 1n, 2n ** 63n - 1n, -(2n ** 64n), 3n * 2n ** 70n,
];

/** Values of the right type: mostly `kind.element`, and for typed kinds values that need conversion. */
function goodValueArb(kind: Kind, avoid: Elem | undefined): fc.Arbitrary<Elem> {
  // The samples repeat often, so that dedup, indexOf and binarySearch find equal elements.
  const samples = fc.constantFrom(...kind.samples);
  let arb: fc.Arbitrary<Elem>;
  if (!kind.isTyped) {
    arb = fc.oneof({ arbitrary: kind.element, weight: 3 }, { arbitrary: samples, weight: 2 });
  } else if (kind.isBigInt) {
    arb = fc.oneof(
      { arbitrary: kind.element, weight: 6 },
      { arbitrary: samples, weight: 4 },
      { arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), weight: 2 },
      { arbitrary: fc.constantFrom(...BIGINT_SPECIALS), weight: 2 },
    );
  } else {
    arb = fc.oneof(
      { arbitrary: kind.element, weight: 6 },
      { arbitrary: samples, weight: 4 },
      { arbitrary: fc.constantFrom(NaN, -0, 0), weight: 1 },
      { arbitrary: fc.double(), weight: 2 },
      { arbitrary: fc.integer({ min: -(2 ** 33), max: 2 ** 33 }), weight: 1 },
      { arbitrary: fc.constantFrom(...NUMBER_SPECIALS), weight: 2 },
    );
  }
  if (avoid === undefined) return arb;
  return arb.filter((v) => !sameValueZero(kind.convert(v), avoid));
}

/** Values of the wrong type (a TypeError when stored). */
function wrongValueArb(kind: Kind): fc.Arbitrary<unknown> {
  if (!kind.isTyped) return fc.constant(kind.wrongType);
  return fc.constantFrom(kind.wrongType, '1', null, undefined, true, [1], kind.isBigInt ? 1.5 : 2n ** 70n);
}

function valArb(kind: Kind, avoid: Elem | undefined): fc.Arbitrary<Val> {
  return fc.oneof(
    { arbitrary: goodValueArb(kind, avoid).map((v): Val => ({ v, bad: false })), weight: 14 },
    { arbitrary: wrongValueArb(kind).map((v): Val => ({ v, bad: true })), weight: 1 },
  );
}

/** Positions: mostly inside the natural range, sometimes just outside, sometimes odd values. */
const posArb: fc.Arbitrary<Pos> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((rel): Pos => ({ rel })), weight: 10 },
  { arbitrary: fc.integer({ min: -1, max: 2 }).map((end): Pos => ({ end })), weight: 3 },
  {
    arbitrary: fc
      .constantFrom(-1, -0, 0.5, 1.5, -0.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32, 2 ** 32 - 1, 2 ** 53, -(2 ** 32), 1e-9)
      .map((raw): Pos => ({ raw })),
    weight: 2,
  },
  { arbitrary: fc.constantFrom<unknown>('0', null, true, 0n, [0]).map((raw): Pos => ({ raw })), weight: 1 },
);

/** Positions that are numbers, for arguments whose non-number behaviour the interface leaves open. */
const numPosArb: fc.Arbitrary<Pos> = posArb.filter((p) => !('raw' in p) || typeof p.raw === 'number');

// --- sources for extend / tryExtend / splice ------------------------------------------

/**
 * The typed arrays a kind's sources are drawn from: a typed kind takes every typed array of
 * its element type (converting), OptionVec the one that holds its elements exactly.
 */
function sourceArrayNames(kind: Kind): readonly TypedArrayName[] {
  return kind.isTyped ? arrayNamesHolding(kind.isBigInt) : [kind.arrayName];
}

/** Where the elements of an extend/splice come from. */
export type Src =
  | { readonly t: 'array'; readonly vals: readonly Val[] }
  | { readonly t: 'iterable'; readonly vals: readonly Val[] }
  | { readonly t: 'typed'; readonly ctor: TypedArrayName; readonly raw: readonly Elem[] }
  | { readonly t: 'vec'; readonly vals: readonly Elem[] }
  | { readonly t: 'self' }
  | { readonly t: 'selfView' }
  | { readonly t: 'throwing'; readonly vals: readonly Elem[]; readonly error: Error }
  | { readonly t: 'otherKindTyped' }
  | { readonly t: 'notASource'; readonly v: unknown };

/** How many elements a source yields before any problem, when the spec says. */
function knownCount(s: Src): number | undefined {
  return s.t === 'array' || s.t === 'iterable' || s.t === 'throwing' ? s.vals.length : undefined;
}

function makeTyped(ctor: TypedArrayName, raw: readonly Elem[]): ArrayLike<Elem> {
  return typedArrayCtor(ctor).from(raw);
}

function showSrc(s: Src): string {
  switch (s.t) {
    case 'array':
      return fmt(s.vals.map((x) => x.v));
    case 'iterable':
      return `iter${fmt(s.vals.map((x) => x.v))}`;
    case 'typed':
      return fmt(makeTyped(s.ctor, s.raw));
    case 'vec':
      return `Vec.from(${fmt(s.vals)})`;
    case 'self':
      return 'itself';
    case 'selfView':
      return 'its own view()';
    case 'throwing':
      return `iter${fmt(s.vals)} then throws`;
    case 'otherKindTyped':
      return 'a typed array of the other element kind';
    case 'notASource':
      return `not a source: ${fmt(s.v)}`;
  }
}

function srcArb(kind: Kind, avoid: Elem | undefined, maxLength: number): fc.Arbitrary<Src> {
  const vals = fc.array(valArb(kind, avoid), { maxLength });
  const goods = fc.array(goodValueArb(kind, avoid), { maxLength });
  const names = sourceArrayNames(kind);
  const rawArb: fc.Arbitrary<Elem> = kind.isTyped ? (kind.isBigInt ? fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }) : fc.oneof(kind.element, fc.double(), fc.integer())) : kind.element;
  let typed = fc.record({ t: fc.constant('typed' as const), ctor: fc.constantFrom(...names), raw: fc.array(rawArb, { maxLength }) });
  if (avoid !== undefined) {
    typed = typed.filter((s) => Array.from(makeTyped(s.ctor, s.raw)).every((x) => !sameValueZero(kind.convert(x), avoid)));
  }
  const options: fc.Arbitrary<Src>[] = [
    vals.map((v): Src => ({ t: 'array', vals: v })),
    vals.map((v): Src => ({ t: 'array', vals: v })),
    vals.map((v): Src => ({ t: 'iterable', vals: v })),
    typed,
    typed,
    goods.map((v): Src => ({ t: 'vec', vals: v })),
    fc.constant<Src>({ t: 'self' }),
    fc.constant<Src>({ t: 'selfView' }),
    goods.map((v): Src => ({ t: 'throwing', vals: v, error: new Error('thrown by the source') })),
    fc.constantFrom<unknown>(null, 42).map((v): Src => ({ t: 'notASource', v })),
  ];
  if (kind.isTyped) {
    options.push(fc.constant<Src>({ t: 'otherKindTyped' }));
    options.push(fc.constantFrom<unknown>({}, 'ab', new DataView(new ArrayBuffer(8)), { length: -1 }).map((v): Src => ({ t: 'notASource', v })));
  }
  return fc.oneof(...options);
}

/** The source object itself (built fresh: iterables are single-use) and what it should add, or the failures it causes. */
interface BuiltSrc {
  readonly source: unknown;
  readonly items?: Elem[];
  readonly failures: Failure[];
}

function buildSrc(kind: Kind, s: Src, m: Model, r: Real): BuiltSrc {
  const convert = (v: unknown) => kind.convert(v as Elem);
  switch (s.t) {
    case 'array':
    case 'iterable': {
      const raw = s.vals.map((x) => x.v);
      const source = s.t === 'array' ? raw : (function* () { yield* raw; })();
      if (s.vals.some((x) => x.bad)) return { source, failures: ['type'] };
      return { source, items: raw.map(convert), failures: [] };
    }
    case 'typed': {
      const source = makeTyped(s.ctor, s.raw);
      return { source, items: Array.from(source, convert), failures: [] };
    }
    case 'vec':
      return { source: kind.cls.from(s.vals), items: s.vals.map(convert), failures: [] };
    case 'self':
      return { source: r.vec, items: m.items.slice(), failures: [] };
    case 'selfView':
      return { source: r.vec.view(), items: m.items.slice(), failures: [] };
    case 'throwing': {
      const { vals, error } = s;
      const source = (function* () {
        yield* vals;
        throw error;
      })();
      return { source, failures: [error] };
    }
    case 'otherKindTyped':
      return { source: arrayCtorOf(kindOfOtherType(kind)).from(els(kindOfOtherType(kind), 1, 2)), failures: ['type'] };
    case 'notASource':
      return { source: s.v, failures: ['type'] };
  }
}

// ---------------------------------------------------------------------------------------
// The command class
// ---------------------------------------------------------------------------------------

/** Everything a command body needs. */
interface Ctx {
  readonly kind: Kind;
  readonly opts: CommandOptions;
  /** Records the resolved call in the model's log; returns it, for messages. */
  note(m: Model, call: string): string;
  /** Reports a value the vector handed back. */
  seen(what: string, value: unknown, mayBeUndefined?: boolean): void;
}

class VecCmd implements VecCommand {
  constructor(
    private readonly label: string,
    private readonly ctx: Ctx,
    private readonly body: (m: Model, r: Real) => void,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    try {
      this.body(m, r);
      this.ctx.opts.afterEach?.(m, r);
      checkInvariant(m, r);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const e = new Error(
        `${message}\n  capacity ${m.capacity}; calls so far (resolved):\n    ${m.log.join('\n    ')}\n  model now: ${fmt(m.items)}`,
      );
      throw e;
    }
  }

  toString(): string {
    return this.label;
  }
}

/**
 * A command outside the standard set (for example the poison test's re-poisoning step),
 * with the same logging, `afterEach` check and invariant check. `body` updates the model.
 */
export function customCommand(kind: Kind, opts: CommandOptions, label: string, body: (m: Model, r: Real) => void): VecCommand {
  const ctx = makeCtx(kind, opts);
  return new VecCmd(label, ctx, (m, r) => {
    ctx.note(m, label);
    body(m, r);
  });
}

function makeCtx(kind: Kind, opts: CommandOptions): Ctx {
  return {
    kind,
    opts,
    note(m, call) {
      m.log.push(call);
      return call;
    },
    seen(what, value, mayBeUndefined = false) {
      opts.observe?.(what, value, mayBeUndefined);
    },
  };
}

// ---------------------------------------------------------------------------------------
// The command set
// ---------------------------------------------------------------------------------------

type Retainer =
  | { readonly mode: 'hash'; readonly salt: number }
  | { readonly mode: 'all' | 'none' }
  | { readonly mode: 'throw'; readonly salt: number; readonly at: number; readonly error: Error }
  | { readonly mode: 'notFunction'; readonly v: unknown };

/**
 * The model-checked command set for `kind`: push, tryPush, pop, get, set, at, insert,
 * tryInsert, remove, swapRemove, truncate, clear, resize, extend, tryExtend, retain,
 * drain, splice, dedup, sort, reverse, fill, indexOf / lastIndexOf / includes,
 * binarySearch, iteration, clone / from / equals, each with its failure cases.
 */
export function commandArbs(kind: Kind, opts: CommandOptions = {}): fc.Arbitrary<VecCommand>[] {
  const ctx = makeCtx(kind, opts);
  const convert = (v: unknown): Elem => kind.convert(v as Elem);
  const val = valArb(kind, opts.avoid);
  const src = srcArb(kind, opts.avoid, 6);
  const cmd = (label: string, body: (m: Model, r: Real) => void): VecCommand => new VecCmd(label, ctx, body);
  const full = (m: Model) => m.items.length >= m.capacity;
  const seen = ctx.seen;

  // --- growing ------------------------------------------------------------------------

  const push = val.map((x) =>
    cmd(`push(${fmt(x.v)})`, (m, r) => {
      const call = ctx.note(m, `push(${fmt(x.v)})`);
      const failures: Failure[] = [];
      if (x.bad) failures.push('type');
      if (full(m)) failures.push('capacity');
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).push(x.v), failures);
      assertIs(loose(r.vec).push(x.v), undefined, `${call} return value`);
      m.items.push(convert(x.v));
    }),
  );

  const tryPush = val.map((x) =>
    cmd(`tryPush(${fmt(x.v)})`, (m, r) => {
      const call = ctx.note(m, `tryPush(${fmt(x.v)})`);
      if (x.bad) return expectFailure(m, call, () => loose(r.vec).tryPush(x.v), ['type']);
      const expected = !full(m);
      assertIs(loose(r.vec).tryPush(x.v), expected, `${call} return value`);
      if (expected) m.items.push(convert(x.v));
    }),
  );

  const insertLike = (name: 'insert' | 'tryInsert') =>
    fc.tuple(posArb, val).map(([p, x]) =>
      cmd(`${name}(${showPos(p)}, ${fmt(x.v)})`, (m, r) => {
        const len = m.items.length;
        const i = resolve(p, 0, len, len);
        const call = ctx.note(m, `${name}(${fmt(i)}, ${fmt(x.v)})`);
        const validIndex = isInt(i, 0, len);
        const failures: Failure[] = [];
        if (x.bad) failures.push('type');
        if (!validIndex) failures.push(argFailure(i, 'index'));
        if (full(m) && name === 'insert') failures.push('capacity');
        if (name === 'tryInsert' && full(m) && !x.bad) {
          // Full: `false`; with a bad index as well, the IndexError is also acceptable.
          if (validIndex) return assertIs(loose(r.vec).tryInsert(i, x.v), false, `${call} return value`);
          return expectFailureOrReturn(m, call, () => loose(r.vec).tryInsert(i, x.v), failures, false);
        }
        if (failures.length) return expectFailure(m, call, () => loose(r.vec)[name](i, x.v), failures);
        const result = loose(r.vec)[name](i, x.v);
        assertIs(result, name === 'insert' ? undefined : true, `${call} return value`);
        m.items.splice(i as number, 0, convert(x.v));
      }),
    );

  const extendLike = (name: 'extend' | 'tryExtend') =>
    src.map((s) =>
      cmd(`${name}(${showSrc(s)})`, (m, r) => {
        const call = ctx.note(m, `${name}(${showSrc(s)})`);
        const built = buildSrc(kind, s, m, r);
        const fits = (n: number) => m.items.length + n <= m.capacity;
        if (built.failures.length) {
          // An implementation may notice an overflow before it reaches the bad element.
          const n = knownCount(s);
          const overflow = n !== undefined && !fits(n);
          const call0 = () => loose(r.vec)[name](built.source);
          if (!overflow) return expectFailure(m, call, call0, built.failures);
          if (name === 'extend') return expectFailure(m, call, call0, [...built.failures, 'capacity']);
          return expectFailureOrReturn(m, call, call0, built.failures, false);
        }
        const items = built.items ?? [];
        if (!fits(items.length)) {
          if (name === 'extend') return expectFailure(m, call, () => r.vec.extend(built.source as Elem[]), ['capacity']);
          return assertIs(r.vec.tryExtend(built.source as Elem[]), false, `${call} return value`);
        }
        const result = loose(r.vec)[name](built.source);
        assertIs(result, name === 'extend' ? undefined : true, `${call} return value`);
        m.items.push(...items);
      }),
    );

  const resize = fc.tuple(posArb, val).map(([p, x]) =>
    cmd(`resize(${showPos(p)}, ${fmt(x.v)})`, (m, r) => {
      const n = resolve(p, 0, m.capacity, m.capacity);
      const call = ctx.note(m, `resize(${fmt(n)}, ${fmt(x.v)})`);
      const failures: Failure[] = [];
      if (x.bad) failures.push('type');
      if (typeof n === 'number' && Number.isInteger(n) && n > m.capacity) failures.push('capacity');
      else if (!isInt(n, 0, m.capacity)) failures.push(argFailure(n, 'range'));
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).resize(n, x.v), failures);
      assertIs(loose(r.vec).resize(n, x.v), undefined, `${call} return value`);
      const target = n as number;
      if (target < m.items.length) m.items.length = target;
      while (m.items.length < target) m.items.push(convert(x.v));
    }),
  );

  // --- shrinking ----------------------------------------------------------------------

  const pop = fc.constant(null).map(() =>
    cmd('pop()', (m, r) => {
      const call = ctx.note(m, 'pop()');
      if (m.items.length === 0) return expectFailure(m, call, () => r.vec.pop(), ['empty']);
      const result = r.vec.pop();
      seen(call, result);
      assertIs(result, m.items.pop(), `${call} return value`);
    }),
  );

  const removeLike = (name: 'remove' | 'swapRemove') =>
    posArb.map((p) =>
      cmd(`${name}(${showPos(p)})`, (m, r) => {
        const len = m.items.length;
        const i = resolve(p, 0, len - 1, len - 1);
        const call = ctx.note(m, `${name}(${fmt(i)})`);
        if (!isInt(i, 0, len - 1)) return expectFailure(m, call, () => loose(r.vec)[name](i), [argFailure(i, 'index')]);
        const result = loose(r.vec)[name](i);
        seen(call, result);
        const expected = m.items[i];
        if (name === 'remove') m.items.splice(i, 1);
        else {
          const last = m.items.pop() as Elem;
          if (i < m.items.length) m.items[i] = last;
        }
        assertIs(result, expected, `${call} return value`);
      }),
    );

  const truncate = posArb.map((p) =>
    cmd(`truncate(${showPos(p)})`, (m, r) => {
      const n = resolve(p, 0, m.capacity + 1, m.items.length);
      const call = ctx.note(m, `truncate(${fmt(n)})`);
      if (!(typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
        return expectFailure(m, call, () => loose(r.vec).truncate(n), [argFailure(n, 'range')]);
      }
      assertIs(r.vec.truncate(n), undefined, `${call} return value`);
      if (n < m.items.length) m.items.length = n;
    }),
  );

  const clear = fc.constant(null).map(() =>
    cmd('clear()', (m, r) => {
      const call = ctx.note(m, 'clear()');
      assertIs(r.vec.clear(), undefined, `${call} return value`);
      m.items = [];
    }),
  );

  const retainers: fc.Arbitrary<Retainer> = fc.oneof(
    { arbitrary: fc.nat(2).map((salt): Retainer => ({ mode: 'hash', salt })), weight: 6 },
    { arbitrary: fc.constantFrom<Retainer>({ mode: 'all' }, { mode: 'none' }), weight: 2 },
    { arbitrary: fc.record({ salt: fc.nat(2), at: fc.nat(8) }).map(({ salt, at }): Retainer => ({ mode: 'throw', salt, at, error: new Error('thrown by the predicate') })), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>(null, 1).map((v): Retainer => ({ mode: 'notFunction', v })), weight: 1 },
  );
  const showRetainer = (p: Retainer) =>
    p.mode === 'hash' ? `hash+${p.salt}` : p.mode === 'throw' ? `hash+${p.salt}, throws on call ${p.at}` : p.mode === 'notFunction' ? fmt(p.v) : p.mode;

  const retain = retainers.map((p) =>
    cmd(`retain(${showRetainer(p)})`, (m, r) => {
      const call = ctx.note(m, `retain(${showRetainer(p)})`);
      if (p.mode === 'notFunction') return expectFailure(m, call, () => loose(r.vec).retain(p.v), ['type']);
      const before = m.items.slice();
      const keep = (v: Elem) => ('salt' in p ? keepFor(v, p.salt) : p.mode === 'all');
      const calls: [unknown, unknown][] = [];
      const predicate = (value: Elem, index: number) => {
        seen(`${call} predicate argument`, value);
        calls.push([value, index]);
        if (p.mode === 'throw' && calls.length - 1 === p.at) throw p.error;
        return keep(value);
      };
      const throws = p.mode === 'throw' && p.at < before.length;
      if (throws) expectFailure(m, call, () => r.vec.retain(predicate), [p.error]);
      else assertIs(r.vec.retain(predicate), undefined, `${call} return value`);
      const tested = throws ? p.at + 1 : before.length;
      // The predicate saw each element once, in order, with its original index.
      assertSameList(
        calls.map((c) => c[0]),
        before.slice(0, tested),
        `${call} predicate values`,
      );
      assertSameList(
        calls.map((c) => c[1]),
        before.slice(0, tested).map((_, i) => i),
        `${call} predicate indexes`,
      );
      // Documented: all-or-nothing, so a throwing predicate leaves the vector as it was.
      m.items = throws ? before : before.filter(keep);
    }),
  );

  const drain = fc.tuple(fc.nat(2), posArb, posArb).map(([arity, ps, pe]) =>
    cmd(`drain(${[ps, pe].slice(0, arity).map(showPos).join(', ')})`, (m, r) => {
      const len = m.items.length;
      const args: unknown[] = [];
      if (arity >= 1) args.push(resolve(ps, 0, len, len));
      const s = arity >= 1 ? args[0] : 0;
      if (arity >= 2) args.push(resolve(pe, isInt(s, 0, len) ? s : 0, len, len));
      const e = arity >= 2 ? args[1] : len;
      const call = ctx.note(m, `drain(${args.map(fmt).join(', ')})`);
      const failures: Failure[] = [];
      if (!isInt(s, 0, len)) failures.push(argFailure(s, 'range'));
      if (!isInt(e, 0, len)) failures.push(argFailure(e, 'range'));
      if (!failures.length && (e as number) < (s as number)) failures.push('range');
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).drain(...args), failures);
      const result: ArrayLike<Elem> = loose(r.vec).drain(...args);
      seen(call, result);
      const expected = m.items.splice(s as number, (e as number) - (s as number));
      assertSameList(result, expected, `${call} return value`);
      if (kind.isTyped) {
        // A new typed array with its own storage, not a window on the vector.
        if (!ArrayBuffer.isView(result) || (result as unknown as Uint8Array).buffer === (r.vec.view() as unknown as Uint8Array).buffer) {
          throw new Error(`${call}: the result shares the vector's buffer`);
        }
      }
    }),
  );

  const splice = fc.tuple(posArb, posArb, fc.option(src, { nil: undefined, freq: 4 })).map(([ps, pd, s]) =>
    cmd(`splice(${showPos(ps)}, ${showPos(pd)}${s ? `, ${showSrc(s)}` : ''})`, (m, r) => {
      const len = m.items.length;
      const start = resolve(ps, 0, len, len);
      const startOk = isInt(start, 0, len);
      const dc = resolve(pd, 0, startOk ? len - start : len, startOk ? len - start : len);
      const built = s ? buildSrc(kind, s, m, r) : { source: undefined, items: [], failures: [] as Failure[] };
      const call = ctx.note(m, `splice(${fmt(start)}, ${fmt(dc)}${s ? `, ${showSrc(s)}` : ''})`);
      const args = s ? [start, dc, built.source] : [start, dc];
      const failures: Failure[] = [...built.failures];
      if (!startOk) failures.push(argFailure(start, 'range'));
      if (!isInt(dc, 0, startOk ? len - start : len)) failures.push(argFailure(dc, 'range'));
      if (startOk && isInt(dc, 0, len - start)) {
        // An overflow is a CapacityError; with another problem as well, either is acceptable.
        const n = built.failures.length ? (s ? knownCount(s) : 0) : (built.items ?? []).length;
        if (n !== undefined && len - dc + n > m.capacity) failures.push('capacity');
      }
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).splice(...args), failures);
      const result: ArrayLike<Elem> = loose(r.vec).splice(...args);
      seen(call, result);
      const expected = m.items.splice(start as number, dc as number, ...(built.items ?? []));
      assertSameList(result, expected, `${call} return value`);
    }),
  );

  const dedup = fc.constant(null).map(() =>
    cmd('dedup()', (m, r) => {
      const call = ctx.note(m, 'dedup()');
      assertIs(r.vec.dedup(), undefined, `${call} return value`);
      m.items = m.items.filter((v, i) => i === 0 || !sameValueZero(v, m.items[i - 1]));
    }),
  );

  // --- reordering and filling ---------------------------------------------------------

  const sort = fc
    .oneof(
      fc.constant({ how: 'default' as const }),
      fc.constant({ how: 'descending' as const }),
      fc.nat(10).map((at) => ({ how: 'throws' as const, at, error: new Error('thrown by the comparator') })),
      fc.constantFrom<unknown>(null, 1, 'x').map((v) => ({ how: 'notFunction' as const, v })),
    )
    .map((s) =>
      cmd(`sort(${s.how === 'throws' ? `throws on call ${s.at}` : s.how === 'notFunction' ? fmt(s.v) : s.how})`, (m, r) => {
        const call = ctx.note(m, `sort(${s.how === 'throws' ? `throws on call ${s.at}` : s.how === 'notFunction' ? fmt(s.v) : s.how})`);
        if (s.how === 'notFunction') return expectFailure(m, call, () => loose(r.vec).sort(s.v), ['type']);
        if (s.how === 'default') {
          assertIs(r.vec.sort(), r.vec, `${call} return value`);
          m.items.sort(ascending);
          return;
        }
        if (s.how === 'descending') {
          const cmp = (a: Elem, b: Elem) => {
            seen(`${call} comparator argument`, a);
            seen(`${call} comparator argument`, b);
            return -ascending(a, b);
          };
          assertIs(r.vec.sort(cmp), r.vec, `${call} return value`);
          m.items.sort(cmp);
          return;
        }
        let calls = 0;
        const cmp = (a: Elem, b: Elem) => {
          seen(`${call} comparator argument`, a);
          seen(`${call} comparator argument`, b);
          if (calls++ === s.at) throw s.error;
          return ascending(a, b);
        };
        let threw = false;
        try {
          r.vec.sort(cmp);
        } catch (err) {
          if (err !== s.error) throw new Error(`${call}: expected the comparator's error, got ${describeError(err)}`);
          threw = true;
        }
        // Documented: the sort runs on a copy, so a throwing comparator changes nothing.
        if (threw) assertSameList(r.vec.toArray(), m.items, `${call} elements after the throw`);
        else m.items.sort(ascending);
      }),
    );

  const reverse = fc.constant(null).map(() =>
    cmd('reverse()', (m, r) => {
      const call = ctx.note(m, 'reverse()');
      assertIs(r.vec.reverse(), r.vec, `${call} return value`);
      m.items.reverse();
    }),
  );

  const fill = fc.tuple(val, fc.nat(2), posArb, posArb).map(([x, arity, ps, pe]) =>
    cmd(`fill(${[fmt(x.v), ...[ps, pe].slice(0, arity).map(showPos)].join(', ')})`, (m, r) => {
      const len = m.items.length;
      const range: unknown[] = [];
      if (arity >= 1) range.push(resolve(ps, 0, len, len));
      const s = arity >= 1 ? range[0] : 0;
      if (arity >= 2) range.push(resolve(pe, isInt(s, 0, len) ? s : 0, len, len));
      const e = arity >= 2 ? range[1] : len;
      const call = ctx.note(m, `fill(${[x.v, ...range].map(fmt).join(', ')})`);
      const failures: Failure[] = [];
      if (x.bad) failures.push('type');
      if (!isInt(s, 0, len)) failures.push(argFailure(s, 'range'));
      if (!isInt(e, 0, len)) failures.push(argFailure(e, 'range'));
      if (!failures.length && (e as number) < (s as number)) failures.push('range');
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).fill(x.v, ...range), failures);
      assertIs(loose(r.vec).fill(x.v, ...range), r.vec, `${call} return value`);
      m.items.fill(convert(x.v), s as number, e as number);
    }),
  );

  // --- queries ------------------------------------------------------------------------

  /** A search value: an element of the vector (picked at run time), or any value. */
  type Needle = { readonly pick: number } | Val;
  const needleArb: fc.Arbitrary<Needle> = fc.oneof(
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((pick): Needle => ({ pick })),
    val,
  );
  const needle = (n: Needle, m: Model): Val =>
    'pick' in n ? (m.items.length ? { v: m.items[Math.floor(n.pick * m.items.length)], bad: false } : { v: kind.samples[0], bad: false }) : n;
  const showNeedle = (n: Needle) => ('pick' in n ? `element@${n.pick.toFixed(3)}` : fmt(n.v));

  const search = fc
    .tuple(fc.constantFrom('indexOf' as const, 'lastIndexOf' as const, 'includes' as const), needleArb, fc.option(kind.isTyped ? posArb : numPosArb.filter((p) => !('raw' in p) || Number.isInteger(p.raw)), { nil: undefined }))
    .map(([name, n, pf]) =>
      cmd(`${name}(${showNeedle(n)}${pf ? `, ${showPos(pf)}` : ''})`, (m, r) => {
        const len = m.items.length;
        const x = needle(n, m);
        const from = pf ? resolve(pf, -(len + 2), len + 2, len) : undefined;
        const args = pf ? [x.v, from] : [x.v];
        const call = ctx.note(m, `${name}(${args.map(fmt).join(', ')})`);
        const failures: Failure[] = [];
        if (x.bad) failures.push('type');
        if (pf && !(typeof from === 'number' && Number.isInteger(from))) failures.push(argFailure(from, 'range'));
        if (failures.length) return expectFailure(m, call, () => loose(r.vec)[name](...args), failures);
        const result = loose(r.vec)[name](...args);
        const expected = (m.items as unknown as { [k: string]: (...a: unknown[]) => unknown })[name](...args);
        assertIs(result, expected, `${call} return value`);
      }),
    );

  /** Checks `vec.binarySearch(v)` against `items` (the vector's elements): exact when they are sorted. */
  const checkBinarySearch = (vec: AnyVec, items: readonly Elem[], v: Elem, what: string) => {
    const result = vec.binarySearch(v);
    const len = items.length;
    if (!(Number.isInteger(result) && result >= -(len + 1) && result < len)) throw new Error(`${what}: returned ${fmt(result)}, not an index or -(insertionPoint)-1`);
    if (!items.every((x, i) => i === 0 || ascending(items[i - 1], x) <= 0)) return;
    // In NaN-last numeric order (-0 equals 0 here).
    const isNaNv = (a: Elem) => typeof a === 'number' && Number.isNaN(a);
    const lt = (a: Elem, b: Elem) => (isNaNv(a) ? false : isNaNv(b) ? true : a < b);
    if (result >= 0) {
      const found = items[result];
      if (!(found == v || (isNaNv(found) && isNaNv(v)))) throw new Error(`${what}: returned ${result}, where ${fmt(found)} is not ${fmt(v)} in ${fmt(items)}`);
    } else {
      const ip = -result - 1;
      const ok = items.slice(0, ip).every((a) => lt(a, v)) && items.slice(ip).every((a) => lt(v, a));
      if (!ok) throw new Error(`${what}: returned ${result} (insertion point ${ip}) for ${fmt(v)} in ${fmt(items)}`);
    }
  };

  const binarySearch = needleArb.map((n) =>
    cmd(`binarySearch(${showNeedle(n)})`, (m, r) => {
      const x = needle(n, m);
      const call = ctx.note(m, `binarySearch(${fmt(x.v)})`);
      if (x.bad) return expectFailure(m, call, () => loose(r.vec).binarySearch(x.v), ['type']);
      checkBinarySearch(r.vec, m.items, x.v as Elem, call);
      // Also on a sorted clone, so that the result is checked whatever the vector's order.
      checkBinarySearch(r.vec.clone().sort(), m.items.slice().sort(ascending), x.v as Elem, `${call} on a sorted clone`);
    }),
  );

  const get = posArb.map((p) =>
    cmd(`get(${showPos(p)})`, (m, r) => {
      const len = m.items.length;
      const i = resolve(p, 0, len - 1, len - 1);
      const call = ctx.note(m, `get(${fmt(i)})`);
      if (!isInt(i, 0, len - 1)) return expectFailure(m, call, () => loose(r.vec).get(i), [argFailure(i, 'index')]);
      const result = r.vec.get(i);
      seen(call, result);
      assertIs(result, m.items[i], `${call} return value`);
    }),
  );

  const set = fc.tuple(posArb, val).map(([p, x]) =>
    cmd(`set(${showPos(p)}, ${fmt(x.v)})`, (m, r) => {
      const len = m.items.length;
      const i = resolve(p, 0, len - 1, len - 1);
      const call = ctx.note(m, `set(${fmt(i)}, ${fmt(x.v)})`);
      const failures: Failure[] = [];
      if (x.bad) failures.push('type');
      if (!isInt(i, 0, len - 1)) failures.push(argFailure(i, 'index'));
      if (failures.length) return expectFailure(m, call, () => loose(r.vec).set(i, x.v), failures);
      assertIs(loose(r.vec).set(i, x.v), undefined, `${call} return value`);
      m.items[i as number] = convert(x.v);
    }),
  );

  const at = (kind.isTyped ? posArb : numPosArb).map((p) =>
    cmd(`at(${showPos(p)})`, (m, r) => {
      const len = m.items.length;
      const i = resolve(p, -(len + 2), len + 2, len);
      const call = ctx.note(m, `at(${fmt(i)})`);
      if (typeof i !== 'number') return expectFailure(m, call, () => loose(r.vec).at(i), ['type']);
      const result = r.vec.at(i);
      seen(call, result, true);
      assertIs(result, m.items.at(i), `${call} return value`);
    }),
  );

  const iterate = fc.constant(null).map(() =>
    cmd('iterate', (m, r) => {
      const call = ctx.note(m, 'read all: for-of, values, keys, entries, forEach, get, at, JSON');
      const v = r.vec;
      const items = m.items;
      const forOf: Elem[] = [];
      for (const x of v) forOf.push(x);
      assertSameList(forOf, items, `${call}: for...of`);
      assertSameList([...v.values()], items, `${call}: values()`);
      assertSameList([...v.keys()], items.map((_, i) => i), `${call}: keys()`);
      const entries = [...v.entries()];
      assertSameList(entries.map((e) => e[0]), items.map((_, i) => i), `${call}: entries() indexes`);
      assertSameList(entries.map((e) => e[1]), items, `${call}: entries() values`);
      const each: unknown[][] = [];
      v.forEach((value, index, self) => each.push([value, index, self]));
      assertSameList(each.map((e) => e[0]), items, `${call}: forEach values`);
      assertSameList(each.map((e) => e[1]), items.map((_, i) => i), `${call}: forEach indexes`);
      if (!each.every((e) => e[2] === v)) throw new Error(`${call}: forEach's third argument is not the vector`);
      expectFailure(m, `${call}: forEach(null)`, () => loose(v).forEach(null), ['type']);
      // Every valid index through get, every integer index near the ends through at.
      items.forEach((x, i) => assertIs(v.get(i), x, `${call}: get(${i})`));
      expectFailure(m, `${call}: get(${items.length})`, () => v.get(items.length), ['index']);
      for (let i = -items.length - 3; i <= items.length + 2; i++) assertIs(v.at(i), items.at(i), `${call}: at(${i})`);
      if (kind.isTyped) {
        const expectedJson = JSON.stringify(kind.isBigInt ? items.map(String) : items);
        assertIs(JSON.stringify(v), expectedJson, `${call}: JSON.stringify`);
      }
    }),
  );

  const cloneCmd = fc.boolean().map((mutateClone) =>
    cmd(`clone/from/equals${mutateClone ? ', then mutate the clone' : ''}`, (m, r) => {
      const call = ctx.note(m, `clone/from/equals${mutateClone ? ', then mutate the clone' : ''}`);
      const v = r.vec;
      const c = v.clone();
      if (c === v) throw new Error(`${call}: clone() returned the vector itself`);
      assertIs(c.capacity, m.capacity, `${call}: clone().capacity`);
      assertSameList(c.toArray(), m.items, `${call}: clone().toArray()`);
      assertIs(v.equals(c), true, `${call}: vec.equals(clone)`);
      assertIs(c.equals(v), true, `${call}: clone.equals(vec)`);
      assertIs(v.equals(m.items), true, `${call}: vec.equals(model array)`);
      assertIs(v.equals([...m.items, kind.samples[0]]), false, `${call}: vec.equals(longer array)`);
      if (m.items.length > 0) {
        const changed = m.items.slice();
        const first = changed[0];
        changed[0] = typeof first === 'bigint' ? (first === 0n ? 1n : 0n) : first === 0 ? 1 : 0;
        assertIs(v.equals(changed), false, `${call}: vec.equals(array differing at 0)`);
      }
      const fromDefault = kind.cls.from(v);
      assertIs(fromDefault.capacity, m.items.length, `${call}: from(vec).capacity`);
      assertSameList(fromDefault.toArray(), m.items, `${call}: from(vec)`);
      const fromCap = kind.cls.from(m.items, m.capacity);
      assertIs(fromCap.capacity, m.capacity, `${call}: from(items, capacity).capacity`);
      assertSameList(fromCap.toArray(), m.items, `${call}: from(items, capacity)`);
      if (mutateClone) {
        // The clone has its own storage: changing it leaves the vector alone (checked by the invariant).
        c.reverse();
        if (c.length > 0) c.fill(kind.samples[1]);
        c.truncate(0);
        while (!c.isFull) c.push(kind.samples[2]);
        assertIs(c.length, m.capacity, `${call}: clone length after filling`);
      }
    }),
  );

  return [
    push, push, tryPush, pop, get, set, at,
    insertLike('insert'), insertLike('tryInsert'), removeLike('remove'), removeLike('swapRemove'),
    truncate, clear, resize, extendLike('extend'), extendLike('extend'), extendLike('tryExtend'),
    retain, drain, splice, splice, dedup, sort, reverse, fill, search, binarySearch, iterate, cloneCmd,
  ];
}

// ---------------------------------------------------------------------------------------
// Re-entrant commands (poison test only): callbacks and sources that change the vector
// ---------------------------------------------------------------------------------------

/** How a callback or source changes the vector it is being called from. */
export type Mutation =
  | { readonly how: 'clearAndPoison' }
  | { readonly how: 'truncateAndPoison'; readonly rel: number }
  | { readonly how: 'pop' }
  | { readonly how: 'push'; readonly v: Elem }
  | { readonly how: 'refill'; readonly rel: number; readonly vals: readonly Elem[] };

function showMutation(mu: Mutation): string {
  switch (mu.how) {
    case 'truncateAndPoison':
      return `truncate to @${mu.rel.toFixed(3)} and re-poison`;
    case 'push':
      return `push ${fmt(mu.v)}`;
    case 'refill':
      return `truncate to @${mu.rel.toFixed(3)}, re-poison, push back ${fmt(mu.vals)} until the length is restored`;
    default:
      return mu.how;
  }
}

/**
 * Commands whose callbacks or sources change the vector while the method runs. What the
 * vector then holds is not specified, so the model is re-read from the vector after each;
 * the suite's `afterEach` and `observe` checks are what these commands exist for.
 *
 * @param poison - fills every spare slot of the vector with the sentinel (public API only).
 */
export function reentrantCommandArbs(kind: Kind, opts: CommandOptions, poison: (vec: AnyVec) => void): fc.Arbitrary<VecCommand>[] {
  const ctx = makeCtx(kind, opts);
  const good = goodValueArb(kind, opts.avoid);
  const cmd = (label: string, body: (m: Model, r: Real) => void): VecCommand =>
    new VecCmd(label, ctx, (m, r) => {
      body(m, r);
      m.items = r.vec.toArray();
    });
  const rel = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    fc.constant<Mutation>({ how: 'clearAndPoison' }),
    rel.map((r): Mutation => ({ how: 'truncateAndPoison', rel: r })),
    rel.map((r): Mutation => ({ how: 'truncateAndPoison', rel: r })),
    fc.constant<Mutation>({ how: 'pop' }),
    good.map((v): Mutation => ({ how: 'push', v })),
    fc.tuple(rel, fc.array(good, { minLength: 1, maxLength: 4 })).map(([r, vals]): Mutation => ({ how: 'refill', rel: r, vals })),
  );
  const mutate = (vec: AnyVec, mu: Mutation): void => {
    switch (mu.how) {
      case 'clearAndPoison':
        vec.clear();
        poison(vec);
        return;
      case 'truncateAndPoison':
        vec.truncate(Math.floor(mu.rel * (vec.length + 1)));
        poison(vec);
        return;
      case 'pop':
        if (!vec.isEmpty) vec.pop();
        return;
      case 'push':
        vec.tryPush(mu.v);
        return;
      case 'refill': {
        const length = vec.length;
        vec.truncate(Math.floor(mu.rel * (length + 1)));
        poison(vec);
        for (let i = 0; vec.length < length; i++) vec.push(mu.vals[i % mu.vals.length]);
        return;
      }
    }
  };
  /** Runs `fn`; what it returned, or nothing when it threw (whatever it threw). */
  const attempt = (fn: () => unknown): { readonly value: unknown } | undefined => {
    try {
      return { value: fn() };
    } catch {
      return undefined;
    }
  };
  const vals = fc.array(good, { maxLength: 5 });

  // A source that changes the vector when the method starts reading it.
  const sourceKinds = fc.constantFrom('iterable' as const, 'arrayLike' as const, 'lengthGetter' as const);
  const mutatingSource = (vec: AnyVec, how: 'iterable' | 'arrayLike' | 'lengthGetter', mu: Mutation, items: readonly Elem[]): unknown => {
    let done = false;
    const once = () => {
      if (!done) {
        done = true;
        mutate(vec, mu);
      }
    };
    if (how === 'iterable') {
      return (function* () {
        once();
        yield* items;
      })();
    }
    if (how === 'lengthGetter') {
      const o: Record<number, Elem> & { readonly length: number } = {
        get length() {
          once();
          return items.length;
        },
      };
      items.forEach((x, i) => (o[i] = x));
      return o;
    }
    // Index getters that change the vector on first read.
    const o: Record<string, unknown> = { length: items.length };
    items.forEach((x, i) =>
      Object.defineProperty(o, i, {
        get() {
          once();
          return x;
        },
        enumerable: true,
      }),
    );
    return o;
  };

  const spliceR = fc.tuple(rel, rel, vals, mutationArb, sourceKinds).map(([ps, pd, items, mu, how]) =>
    cmd(`splice(@${ps.toFixed(3)}, @${pd.toFixed(3)}, ${how} ${fmt(items)} that does: ${showMutation(mu)})`, (m, r) => {
      const len = r.vec.length;
      const start = Math.floor(ps * (len + 1));
      const dc = Math.floor(pd * (len - start + 1));
      ctx.note(m, `splice(${start}, ${dc}, ${how} ${fmt(items)} that does: ${showMutation(mu)})`);
      const result = attempt(() => r.vec.splice(start, dc, mutatingSource(r.vec, how, mu, items) as Elem[]));
      if (result) ctx.seen('splice return value', result.value);
    }),
  );

  const extendR = fc.tuple(fc.constantFrom('extend' as const, 'tryExtend' as const), vals, mutationArb, sourceKinds).map(([name, items, mu, how]) =>
    cmd(`${name}(${how} ${fmt(items)} that does: ${showMutation(mu)})`, (m, r) => {
      ctx.note(m, `${name}(${how} ${fmt(items)} that does: ${showMutation(mu)})`);
      attempt(() => r.vec[name](mutatingSource(r.vec, how, mu, items) as Elem[]));
    }),
  );

  const retainR = fc.tuple(fc.nat(6), fc.nat(2), mutationArb).map(([k, salt, mu]) =>
    cmd(`retain(hash+${salt}, call ${k} does: ${showMutation(mu)})`, (m, r) => {
      ctx.note(m, `retain(hash+${salt}, call ${k} does: ${showMutation(mu)})`);
      let calls = 0;
      attempt(() =>
        r.vec.retain((value) => {
          ctx.seen('retain predicate argument', value);
          if (calls++ === k) mutate(r.vec, mu);
          return keepFor(value, salt);
        }),
      );
    }),
  );

  const forEachR = fc.tuple(fc.nat(6), mutationArb).map(([k, mu]) =>
    cmd(`forEach(call ${k} does: ${showMutation(mu)})`, (m, r) => {
      ctx.note(m, `forEach(call ${k} does: ${showMutation(mu)})`);
      let calls = 0;
      attempt(() =>
        r.vec.forEach((value) => {
          ctx.seen('forEach callback argument', value);
          if (calls++ === k) mutate(r.vec, mu);
        }),
      );
    }),
  );

  const sortR = fc.tuple(fc.nat(6), mutationArb).map(([k, mu]) =>
    cmd(`sort(comparator call ${k} does: ${showMutation(mu)})`, (m, r) => {
      ctx.note(m, `sort(comparator call ${k} does: ${showMutation(mu)})`);
      let calls = 0;
      attempt(() =>
        r.vec.sort((a, b) => {
          ctx.seen('sort comparator argument', a);
          ctx.seen('sort comparator argument', b);
          if (calls++ === k) mutate(r.vec, mu);
          return ascending(a, b);
        }),
      );
    }),
  );

  const iterR = fc.tuple(fc.constantFrom('values' as const, 'entries' as const, 'iterator' as const), fc.nat(6), mutationArb).map(([name, k, mu]) =>
    cmd(`${name}() with step ${k} doing: ${showMutation(mu)}`, (m, r) => {
      ctx.note(m, `${name}() with step ${k} doing: ${showMutation(mu)}`);
      const it: Iterator<unknown> = name === 'values' ? r.vec.values() : name === 'entries' ? r.vec.entries() : r.vec[Symbol.iterator]();
      for (let step = 0; step < 40; step++) {
        const res = it.next();
        if (res.done) break;
        ctx.seen(`${name}() iterator value`, res.value);
        if (step === k) mutate(r.vec, mu);
      }
    }),
  );

  // Index-like arguments whose valueOf changes the vector: the method must validate what it uses.
  const coercing = fc
    .tuple(fc.constantFrom('get', 'at', 'set', 'remove', 'swapRemove', 'insert', 'truncate', 'drain', 'fill', 'splice', 'resize', 'indexOf'), rel, mutationArb, good)
    .map(([name, p, mu, x]) =>
      cmd(`${name}(index whose valueOf does: ${showMutation(mu)})`, (m, r) => {
        const len = r.vec.length;
        const n = Math.floor(p * (len + 1));
        ctx.note(m, `${name}({ valueOf() { ${showMutation(mu)}; return ${n} } })`);
        let fired = false;
        const arg = {
          valueOf() {
            if (!fired) {
              fired = true;
              mutate(r.vec, mu);
            }
            return n;
          },
        };
        const v = loose(r.vec);
        const returnsElements = name === 'get' || name === 'remove' || name === 'swapRemove' || name === 'drain' || name === 'splice';
        const result = attempt(() => {
          switch (name) {
            case 'set':
              return v.set(arg, x);
            case 'insert':
              return v.insert(arg, x);
            case 'fill':
              return v.fill(x, arg);
            case 'splice':
              return v.splice(arg, 0);
            case 'resize':
              return v.resize(arg, x);
            case 'indexOf':
              return v.indexOf(x, arg);
            default:
              return v[name](arg);
          }
        });
        if (result && (returnsElements || name === 'at')) ctx.seen(`${name} return value`, result.value, name === 'at');
      }),
    );

  return [spliceR, spliceR, extendR, retainR, forEachR, sortR, iterR, coercing];
}
