/**
 * Reentrancy: every method that runs user code (a callback, predicate, comparator or map
 * function; the loop body of an iteration; a source's iterator, index getters or Proxy
 * trap; a target's setters or Proxy trap), with each mutation applied once from inside that
 * code, for every class. The contract is docs/design.md, "User code inside a call": after
 * any user code returns, the method re-checks the storage and the lengths it relies on
 * before touching the storage again, and never reads or writes through a typed array taken
 * before the user code ran.
 *
 * The suite is a few tables and their product:
 *
 * - MUTATIONS: what the user code does, once, at a chosen call (the first, the last, or a
 *   random one): push, pop, clear, extend, truncate, sort(), `slab.reset()` followed by a
 *   new owner that writes 7, 8, 9, ... over the whole slab, and `memory.grow(1)` under a
 *   vector over a `WebAssembly.Memory`. OptionVec has no slab or memory form, so it gets the
 *   first six only.
 * - METHODS: how to call each method with a user-code hook, and a plain-array
 *   model of what the call must do once the user code has changed the vector; the staged
 *   methods take each form of SOURCES (a generator, an array-like with index getters, a
 *   Proxy over an array), copyTo each form of TARGETS (a Proxy over an Array with a set
 *   trap, an Array with accessor properties).
 * - `describe.each(KINDS)` x method x mutation, with fast-check choosing the initial
 *   contents, the source items and the call at which the mutation fires.
 *
 * Every case also checks what the user code was handed: never the spare-slot sentinel,
 * never `undefined`, and after a reset never a value of the new owner; and, when the
 * vector stays usable, that every public reader shows exactly the model and no sentinel
 * (spare slots are poisoned before every call).
 */

import fc from 'fast-check';
import { CapacityError, DetachedError, ReleasedError, Slab } from '../src/index';
import { defaultOrder, el, els, expectNoPoison, poisonOf, show } from './support/assertions';
import { KINDS, poisonSpare, type AnyVec, type Elem, type Kind } from './support/kinds';
import { WasmMemory, allocIn, classOf } from './support/vec-classes';

// ---------------------------------------------------------------------------------------
// Sizes and reserved values
// ---------------------------------------------------------------------------------------

/** Fast-check runs per test, besides the fixed examples: the product below has about 2,700 tests. */
const NUM_RUNS = 5;
/** The capacity of every vector under test. */
const CAPACITY = 8;
/** At most this many initial elements, so that push (1) and extend (2) from user code always fit. */
const MAX_INITIAL = 5;
/** At most this many source items: with MAX_INITIAL they fit the room, so staging reads the whole source. */
const MAX_SOURCE = CAPACITY - MAX_INITIAL;
/** What the new owner writes over the whole slab after a reset, repeated. No other value of the suite is one of these. */
const OWNER = [7, 8, 9] as const;
/** What the push and extend mutations append. */
const PUSHED = 21;
const EXTENDED = [22, 23] as const;
/** What map's function returns at index i (30 + i), and what map's `out` holds before the call (40 + i). */
const MAPPED = 30;
const OUT_BEFORE = 40;
/** What a copyTo target with accessors shows at an index nothing was written to. */
const HOLE = '(not written)';

/** The new owner's value at slot `i`. */
const ownerValue = (kind: Kind, i: number): Elem => el(kind, OWNER[i % OWNER.length]);

/** Whether `x` is a value the generated data must avoid: the new owner's values or the sentinel. */
const isReserved = (kind: Kind, x: Elem): boolean => OWNER.some((n) => x === el(kind, n)) || x === poisonOf(kind);

// ---------------------------------------------------------------------------------------
// The vectors
// ---------------------------------------------------------------------------------------

/** A vector under test with the methods that take user code and are not in FixedVec. */
type Vec = AnyVec & {
  map(fn: (value: Elem, index: number) => Elem, out?: Vec): Vec;
  copyFrom(source: unknown): Vec;
  copyTo<Target>(target: Target): Target;
};

/** Where the vectors of a case live: the reset mutation needs a slab, the grow mutation a WebAssembly.Memory. */
type Host = 'plain' | 'slab' | 'memory';

/** The vectors of one case, all of capacity CAPACITY and of one class, side by side in one host. */
interface Fixture {
  readonly vecs: readonly Vec[];
  /** `slab.reset()`, then a new owner of the whole slab writes OWNER values into every slot; returns it. */
  readonly reset: () => Vec;
  /** `memory.grow(1)`. */
  readonly grow: () => void;
  /** A vector over the grown memory where vector `i` was, holding `length` elements (`assumeInit`). */
  readonly reattach: (i: number, length: number) => Vec;
}

function makeFixture(kind: Kind, host: Host, count: number): Fixture {
  const notHere = (what: string) => (): never => {
    throw new Error(`test bug: ${what} on a vector with host "${host}"`);
  };
  const plain: Fixture = { vecs: [], reset: notHere('slab.reset()'), grow: notHere('memory.grow()'), reattach: notHere('reattach') };
  if (host === 'plain') return { ...plain, vecs: Array.from({ length: count }, () => kind.make(CAPACITY) as Vec) };
  const cls = classOf(kind);
  const bytes = cls.BYTES_PER_ELEMENT * CAPACITY;
  if (host === 'slab') {
    // Exactly the bytes of the vectors: the new owner takes them all.
    const slab = new Slab(bytes * count);
    return {
      ...plain,
      vecs: Array.from({ length: count }, () => allocIn(slab, kind, CAPACITY) as Vec),
      reset: () => {
        slab.reset();
        const owner = allocIn(slab, kind, CAPACITY * count) as Vec;
        while (!owner.isFull) owner.push(ownerValue(kind, owner.length));
        return owner;
      },
    };
  }
  const memory = new WasmMemory({ initial: 1, maximum: 2 });
  return {
    ...plain,
    vecs: Array.from({ length: count }, (_, i) => cls.over(memory, i * bytes, CAPACITY) as Vec),
    grow: () => void memory.grow(1),
    reattach: (i, length) => cls.assumeInit(memory, i * bytes, CAPACITY, length) as Vec,
  };
}

// ---------------------------------------------------------------------------------------
// The mutations
// ---------------------------------------------------------------------------------------

/** What a mutation does to the call: changes the length, only the order, releases or detaches the storage. */
type Effect = 'length' | 'order' | 'release' | 'detach';

interface Mutation {
  readonly title: string;
  readonly effect: Effect;
  /** What the user code does to the vector `vec` of the case. */
  readonly apply: (vec: Vec, run: Run) => void;
  /** The same on a plain-array model of the vector (length and order mutations). */
  readonly model: (items: readonly Elem[], kind: Kind) => Elem[];
}

const noModel = (): never => {
  throw new Error('test bug: a reset or grow has no array model');
};

const MUTATIONS: readonly Mutation[] = [
  { title: 'push(x)', effect: 'length', apply: (v, r) => v.push(el(r.kind, PUSHED)), model: (a, k) => [...a, el(k, PUSHED)] },
  { title: 'pop()', effect: 'length', apply: (v) => void v.pop(), model: (a) => a.slice(0, -1) },
  { title: 'clear()', effect: 'length', apply: (v) => v.clear(), model: () => [] },
  { title: 'extend([x, y])', effect: 'length', apply: (v, r) => v.extend(els(r.kind, ...EXTENDED)), model: (a, k) => [...a, ...els(k, ...EXTENDED)] },
  { title: 'truncate(length >> 1)', effect: 'length', apply: (v) => v.truncate(v.length >> 1), model: (a) => a.slice(0, a.length >> 1) },
  { title: 'sort()', effect: 'order', apply: (v) => void v.sort(), model: (a) => [...a].sort(defaultOrder) },
  {
    title: 'slab.reset() and a new owner writing 7, 8, 9, ... over the slab',
    effect: 'release',
    apply: (_v, r) => {
      r.owner = r.fx.reset();
    },
    model: noModel,
  },
  { title: 'memory.grow(1)', effect: 'detach', apply: (_v, r) => r.fx.grow(), model: noModel },
];

/** The host a mutation needs. */
const hostOf = (effect: Effect): Host => (effect === 'release' ? 'slab' : effect === 'detach' ? 'memory' : 'plain');

/** The mutations a class supports: OptionVec has no slab or memory form. */
const mutationsFor = (kind: Kind): readonly Mutation[] => MUTATIONS.filter((m) => kind.isTyped || hostOf(m.effect) === 'plain');

// ---------------------------------------------------------------------------------------
// One run: the state the user code shares with the checks
// ---------------------------------------------------------------------------------------

/** What fast-check chooses for one run. */
interface Input {
  /** The initial contents of the vector under test. */
  readonly initial: readonly Elem[];
  /** The call of the user code at which the mutation fires: 0, -1 for the last call, or any (taken modulo the call count). */
  readonly at: number;
  /** retain's answers, by call. */
  readonly decisions: readonly boolean[];
  /** The items of a staged source. */
  readonly items: readonly Elem[];
  /** splice's start and deleteCount, as fractions of their valid ranges. */
  readonly start: number;
  readonly count: number;
}

interface Run {
  readonly kind: Kind;
  readonly method: MethodCase;
  readonly mutation: Mutation;
  readonly input: Input;
  readonly fx: Fixture;
  readonly vecs: readonly Vec[];
  /** What each vector of the fixture held before the call. */
  readonly initial: readonly (readonly Elem[])[];
  /** The user code call (0-based) at which the mutation fires. */
  readonly at: number;
  /** User code calls so far. */
  calls: number;
  fired: boolean;
  /** The new owner, after a reset. */
  owner: Vec | undefined;
  /** Every element value handed to user code, and whether the mutation had happened by then. */
  readonly received: Array<{ readonly value: unknown; readonly afterMutation: boolean }>;
  /** What a reading method handed its user code, step by step (elements, indexes or entries). */
  readonly seen: unknown[];
  /** copyTo's target, and a reader of what it holds. */
  target: { readonly object: unknown; readonly contents: () => unknown[] } | undefined;
}

/**
 * The user code of every method: records the element values it was handed, and at call
 * `run.at` applies the mutation. After a push, pop, clear, extend, truncate or sort it also
 * poisons the spare slots again, so that a method reading past the new length hands the
 * sentinel to its user code, or shows it in the vector.
 */
function userCode(run: Run, values: readonly unknown[]): void {
  for (const value of values) run.received.push({ value, afterMutation: run.fired });
  if (run.calls++ !== run.at) return;
  run.fired = true;
  const vec = run.vecs[run.method.target];
  run.mutation.apply(vec, run);
  if (hostOf(run.mutation.effect) === 'plain') poisonSpare(run.kind, vec);
}

// ---------------------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------------------

type ErrorClass = abstract new (...args: never[]) => Error;

/** What a call must do, for one (method, mutation, input). */
interface Expected {
  /** The error it throws, named `Class.method`; it returns when absent. */
  readonly error?: { readonly type: ErrorClass; readonly mention?: RegExp };
  /** What it returns, after `method.result` made it comparable. */
  readonly result?: unknown;
  /** Every vector of the fixture afterwards (length and order mutations). */
  readonly contents?: readonly (readonly Elem[])[];
  /** Exactly the element values handed to user code, in order. */
  readonly received?: readonly unknown[];
  /** Exactly what a reading method handed its user code, step by step. */
  readonly seen?: readonly unknown[];
  /** What a copyTo target holds afterwards. */
  readonly target?: readonly unknown[];
}

type Family = 'deferred' | 'reading' | 'staged' | 'from' | 'target';

/** One row of the method table. */
interface MethodCase {
  /** For the test title: `retain(predicate)`, `extend(a generator)`. */
  readonly title: string;
  /** The method errors name: `retain`, `values` for `for...of`. */
  readonly where: string;
  /** Where the user code runs, for the test title. */
  readonly userCode: string;
  readonly family: Family;
  /** The fewest initial elements the method needs to run user code at all. */
  readonly minLength: number;
  /** How many vectors the fixture holds (map with `out`: 2), and which one the user code mutates. */
  readonly vectors: number;
  readonly target: number;
  /** What the vectors of the fixture hold before the call. */
  readonly initial: (kind: Kind, input: Input) => Elem[][];
  /** How many times the user code runs when it changes nothing. */
  readonly calls: (kind: Kind, input: Input) => number;
  /** Calls the method; its user code calls {@link userCode}. */
  readonly invoke: (run: Run) => unknown;
  /** What the call must do. */
  readonly expected: (run: Run) => Expected;
  /** The returned value in comparable form. */
  readonly result?: (value: unknown, run: Run) => unknown;
  /** For the title: what a length-keeping sort() inside the user code leads to. */
  readonly orderOutcome: string;
}

/** The error a released or detached vector throws. */
const storageErrorOf = (effect: Effect): ErrorClass => (effect === 'release' ? ReleasedError : DetachedError);

/** After a reset or a grow: the error naming the method. `undefined` for the other mutations. */
function storageFailure(run: Run): Expected | undefined {
  const effect = run.mutation.effect;
  return effect === 'release' || effect === 'detach' ? { error: { type: storageErrorOf(effect) } } : undefined;
}

/** `initial`, with the elements from index `at + 1` on taken from `after`: what a method that re-reads the storage reads. */
const readAfresh = (initial: readonly Elem[], at: number, after: readonly Elem[]): Elem[] => initial.map((x, i) => (i <= at ? x : after[i]));

/** The call index `at` of fast-check's choice, for a user code that runs `calls` times. */
const resolveAt = (at: number, calls: number): number => (at < 0 ? calls - 1 : at % calls);

/** One vector, holding what fast-check chose. */
const single = (_kind: Kind, input: Input): Elem[][] => [[...input.initial]];

/** map's function result at index i. */
const mapped = (kind: Kind, i: number): Elem => el(kind, MAPPED + i);

// ---------------------------------------------------------------------------------------
// Callbacks with writes deferred: retain, map, sort(compare)
// ---------------------------------------------------------------------------------------

const changedLength = { type: Error, mention: /length/ } as const;

/**
 * retain and extractIf: every decision first, then the accepted slots (of the contents as
 * the user code left them) kept by retain, removed and returned by extractIf.
 */
function filtering(where: 'retain' | 'extractIf'): MethodCase {
  const extracts = where === 'extractIf';
  return {
    title: `${where}(predicate)`,
    where,
    userCode: 'predicate',
    family: 'deferred',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => input.initial.length,
    invoke: (run) =>
      run.vecs[0][where]((value) => {
        const decision = run.input.decisions[run.calls];
        userCode(run, [value]);
        return decision;
      }),
    result: (value) => (extracts ? Array.from(value as ArrayLike<Elem>) : value),
    expected: (run) => {
      const [init] = run.initial;
      const failure = storageFailure(run);
      if (failure) return failure;
      const after = run.mutation.model(init, run.kind);
      if (run.mutation.effect === 'length') return { error: changedLength, contents: [after] };
      // Position by position, the slots accepted, from the contents as the user's sort left them.
      const accepted = after.filter((_, i) => run.input.decisions[i]);
      const rejected = after.filter((_, i) => !run.input.decisions[i]);
      return { result: extracts ? accepted : undefined, contents: [extracts ? rejected : accepted], received: readAfresh(init, run.at, after) };
    },
    orderOutcome: `${extracts ? 'removes' : 'keeps'} the accepted slots of the contents as sorted`,
  };
}

/** map(fn, out) with the user code changing this vector (`target` 0) or out (1). */
function mapWithOut(target: 0 | 1): MethodCase {
  return {
    title: `map(fn, out), the user code changing ${target === 0 ? 'this vector' : 'out'}`,
    where: 'map',
    userCode: 'map function',
    family: 'deferred',
    minLength: 1,
    vectors: 2,
    target,
    initial: (kind, input) => [[...input.initial], input.initial.map((_, i) => el(kind, OUT_BEFORE + i))],
    calls: (_k, input) => input.initial.length,
    invoke: (run) =>
      run.vecs[0].map((value, index) => {
        userCode(run, [value]);
        return mapped(run.kind, index);
      }, run.vecs[1]),
    result: (value, run) => (value === run.vecs[1] ? 'out' : value),
    expected: (run) => {
      const [init, out] = run.initial;
      const failure = storageFailure(run);
      if (failure) return failure;
      const results = init.map((_, i) => mapped(run.kind, i));
      if (target === 1) {
        if (run.mutation.effect === 'length') return { error: changedLength, contents: [init, run.mutation.model(out, run.kind)] };
        return { result: 'out', contents: [init, results], received: init };
      }
      const after = run.mutation.model(init, run.kind);
      if (run.mutation.effect === 'length') return { error: changedLength, contents: [after, out] };
      return { result: 'out', contents: [after, results], received: readAfresh(init, run.at, after) };
    },
    orderOutcome: target === 0 ? "writes fn's results into out; this vector stays as the user sorted it" : "writes fn's results into out over the user's sort of out",
  };
}

const DEFERRED: readonly MethodCase[] = [
  filtering('retain'),
  filtering('extractIf'),
  {
    title: 'popIf(predicate)',
    where: 'popIf',
    userCode: 'predicate',
    family: 'deferred',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: () => 1,
    invoke: (run) =>
      run.vecs[0].popIf((value) => {
        userCode(run, [value]);
        return true;
      }),
    expected: (run) => {
      const [init] = run.initial;
      const failure = storageFailure(run);
      if (failure) return failure;
      const after = run.mutation.model(init, run.kind);
      if (run.mutation.effect === 'length') return { error: changedLength, contents: [after] };
      // The element last after the predicate returned is the one removed and returned.
      return { result: after[after.length - 1], contents: [after.slice(0, -1)], received: [init[init.length - 1]] };
    },
    orderOutcome: 'removes and returns the element last after the user sorted',
  },
  {
    title: 'map(fn) in place',
    where: 'map',
    userCode: 'map function',
    family: 'deferred',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => input.initial.length,
    invoke: (run) =>
      run.vecs[0].map((value, index) => {
        userCode(run, [value]);
        return mapped(run.kind, index);
      }),
    result: (value, run) => (value === run.vecs[0] ? 'this' : value),
    expected: (run) => {
      const [init] = run.initial;
      const failure = storageFailure(run);
      if (failure) return failure;
      const after = run.mutation.model(init, run.kind);
      if (run.mutation.effect === 'length') return { error: changedLength, contents: [after] };
      return { result: 'this', contents: [init.map((_, i) => mapped(run.kind, i))], received: readAfresh(init, run.at, after) };
    },
    orderOutcome: "writes fn's results in index order over the user's sort",
  },
  mapWithOut(0),
  mapWithOut(1),
  {
    title: 'sort(compare)',
    where: 'sort',
    userCode: 'comparator',
    family: 'deferred',
    minLength: 2,
    vectors: 1,
    target: 0,
    initial: single,
    // However many comparisons this class makes for these elements: a dry run on a copy.
    calls: (kind, input) => {
      const probe = kind.make(CAPACITY);
      probe.extend(input.initial);
      let calls = 0;
      probe.sort((a, b) => (calls++, descending(a, b)));
      return calls;
    },
    invoke: (run) =>
      run.vecs[0].sort((a, b) => {
        userCode(run, [a, b]);
        return descending(a, b);
      }),
    result: (value, run) => (value === run.vecs[0] ? 'this' : value),
    expected: (run) => {
      const [init] = run.initial;
      const failure = storageFailure(run);
      if (failure) return failure;
      if (run.mutation.effect === 'length') return { error: changedLength, contents: [run.mutation.model(init, run.kind)] };
      return { result: 'this', contents: [[...init].sort(descending)] };
    },
    orderOutcome: 'the original elements sorted by compare',
  },
];

/** The comparator of sort(compare): descending, the reverse of what sort() in the user code does. */
function descending(a: Elem, b: Elem): number {
  return defaultOrder(b, a);
}

// ---------------------------------------------------------------------------------------
// Callbacks that only read: forEach and the iterators
// ---------------------------------------------------------------------------------------

/** How a reading method hands over step `i` holding `value`: the item the test records. */
type Item = (index: number, value: Elem) => unknown;

function reading(title: string, where: string, userCodeName: string, item: Item, read: (vec: Vec, visit: (item: unknown, values: unknown[]) => void) => void): MethodCase {
  return {
    title,
    where,
    userCode: userCodeName,
    family: 'reading',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => input.initial.length,
    invoke: (run) =>
      read(run.vecs[0], (got, values) => {
        run.seen.push(got);
        userCode(run, values);
      }),
    expected: (run) => {
      const [init] = run.initial;
      if (run.mutation.effect === 'release' || run.mutation.effect === 'detach') {
        // The steps up to the mutation, then the next step throws (also after the last one).
        return { error: { type: storageErrorOf(run.mutation.effect) }, seen: init.slice(0, run.at + 1).map((x, i) => item(i, x)) };
      }
      // The length and the storage are read at every step.
      let items = [...init];
      const seen: unknown[] = [];
      for (let i = 0; i < items.length; i++) {
        seen.push(item(i, items[i]));
        if (i === run.at) items = run.mutation.model(items, run.kind);
      }
      return { result: undefined, seen, contents: [items] };
    },
    orderOutcome: 'no error, the later steps see the sorted elements',
  };
}

const READING: readonly MethodCase[] = [
  reading('forEach(callback)', 'forEach', 'callback', (i, x) => [i, x], (vec, visit) => vec.forEach((x, i) => visit([i, x], [x]))),
  // The searches, with predicates that decide nothing, so that they visit every element.
  reading('some(predicate)', 'some', 'predicate', (i, x) => [i, x], (vec, visit) => {
    vec.some((x, i) => (visit([i, x], [x]), false));
  }),
  reading('every(predicate)', 'every', 'predicate', (i, x) => [i, x], (vec, visit) => {
    vec.every((x, i) => (visit([i, x], [x]), true));
  }),
  reading('find(predicate)', 'find', 'predicate', (i, x) => [i, x], (vec, visit) => {
    vec.find((x, i) => (visit([i, x], [x]), false));
  }),
  reading('findIndex(predicate)', 'findIndex', 'predicate', (i, x) => [i, x], (vec, visit) => {
    vec.findIndex((x, i) => (visit([i, x], [x]), false));
  }),
  reading('reduce(reducer, initial)', 'reduce', 'reducer', (i, x) => [i, x], (vec, visit) => {
    vec.reduce((acc, x, i) => (visit([i, x], [x]), acc), 0);
  }),
  reading('for...of', 'values', 'loop body', (_i, x) => x, (vec, visit) => {
    for (const x of vec) visit(x, [x]);
  }),
  reading('values()', 'values', 'loop body', (_i, x) => x, (vec, visit) => {
    for (const x of vec.values()) visit(x, [x]);
  }),
  reading('keys()', 'keys', 'loop body', (i) => i, (vec, visit) => {
    for (const i of vec.keys()) visit(i, []);
  }),
  reading('entries()', 'entries', 'loop body', (i, x) => [i, x], (vec, visit) => {
    for (const [i, x] of vec.entries()) visit([i, x], [x]);
  }),
];

// ---------------------------------------------------------------------------------------
// Staged sources: extend, tryExtend, splice, copyFrom, equals, Class.from
// ---------------------------------------------------------------------------------------

/** A source whose reading runs user code. */
interface SourceForm {
  readonly title: string;
  /** Whether it is an array-like (equals takes only those). */
  readonly arrayLike: boolean;
  /** How many times its user code runs when it is read completely. */
  readonly calls: (items: number) => number;
  readonly make: (items: readonly Elem[], hook: () => void) => unknown;
}

const isIndexKey = (key: string | symbol): boolean => typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key);

const SOURCES: readonly SourceForm[] = [
  {
    title: 'a generator',
    arrayLike: false,
    // Before each item, and once more when it finishes.
    calls: (n) => n + 1,
    make: (items, hook) =>
      (function* () {
        for (const item of items) {
          hook();
          yield item;
        }
        hook();
      })(),
  },
  {
    title: 'an array-like with index getters',
    arrayLike: true,
    calls: (n) => n,
    make: (items, hook) => {
      const source: { length: number } = { length: items.length };
      items.forEach((item, i) =>
        Object.defineProperty(source, i, {
          get() {
            hook();
            return item;
          },
          enumerable: true,
        }),
      );
      return source;
    },
  },
  {
    title: 'a Proxy over an array (get trap)',
    arrayLike: true,
    calls: (n) => n,
    make: (items, hook) =>
      new Proxy([...items], {
        get(target, key, receiver) {
          if (isIndexKey(key)) hook();
          return Reflect.get(target, key, receiver);
        },
      }),
  },
];

/** What a staged method does to a vector holding `m`, the contents as the user code left them. */
type StagedModel = (m: readonly Elem[], items: readonly Elem[], input: Input) => Expected;

interface StagedMethod {
  readonly name: string;
  readonly title: (source: string) => string;
  readonly arrayLikeOnly: boolean;
  /** The source items; equals compares with the initial contents. */
  readonly items: (input: Input) => readonly Elem[];
  readonly call: (vec: Vec, source: unknown, input: Input) => unknown;
  readonly result?: (value: unknown, run: Run) => unknown;
  readonly model: StagedModel;
}

/** splice's arguments: start in [0, n], deleteCount in [0, n - start], for the initial length n. */
function spliceArgs(input: Input): [number, number] {
  const n = input.initial.length;
  const start = Math.floor(input.start * (n + 1));
  return [start, Math.floor(input.count * (n - start + 1))];
}

const fits = (length: number): boolean => length <= CAPACITY;

const STAGED: readonly StagedMethod[] = [
  {
    name: 'extend',
    title: (s) => `extend(${s})`,
    arrayLikeOnly: false,
    items: (input) => input.items,
    call: (vec, source) => vec.extend(source as Iterable<Elem>),
    model: (m, items) =>
      fits(m.length + items.length) ? { result: undefined, contents: [[...m, ...items]] } : { error: { type: CapacityError }, contents: [m] },
  },
  {
    name: 'tryExtend',
    title: (s) => `tryExtend(${s})`,
    arrayLikeOnly: false,
    items: (input) => input.items,
    call: (vec, source) => vec.tryExtend(source as Iterable<Elem>),
    model: (m, items) => (fits(m.length + items.length) ? { result: true, contents: [[...m, ...items]] } : { result: false, contents: [m] }),
  },
  {
    name: 'splice',
    title: (s) => `splice(start, deleteCount, ${s})`,
    arrayLikeOnly: false,
    items: (input) => input.items,
    call: (vec, source, input) => vec.splice(...spliceArgs(input), source as Iterable<Elem>),
    result: (value) => (value !== null && typeof value === 'object' && 'length' in value ? Array.from(value as ArrayLike<unknown>) : value),
    model: (m, items, input) => {
      // The range is checked against the vector as the user code left it.
      const [start, deleteCount] = spliceArgs(input);
      if (start + deleteCount > m.length) return { error: { type: RangeError }, contents: [m] };
      if (!fits(m.length - deleteCount + items.length)) return { error: { type: CapacityError }, contents: [m] };
      return { result: m.slice(start, start + deleteCount), contents: [[...m.slice(0, start), ...items, ...m.slice(start + deleteCount)]] };
    },
  },
  {
    name: 'copyFrom',
    title: (s) => `copyFrom(${s})`,
    arrayLikeOnly: false,
    items: (input) => input.items,
    call: (vec, source) => vec.copyFrom(source),
    result: (value, run) => (value === run.vecs[0] ? 'this' : value),
    model: (_m, items) => ({ result: 'this', contents: [items] }),
  },
  {
    name: 'equals',
    title: (s) => `equals(${s} of the initial elements)`,
    // equals takes a vector or an array-like, not an iterable.
    arrayLikeOnly: true,
    items: (input) => input.initial,
    call: (vec, source) => vec.equals(source as ArrayLike<Elem>),
    model: (m, items) => ({ result: m.length === items.length && m.every((x, i) => sameValueZero(x, items[i])), contents: [m] }),
  },
];

function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

function staged(method: StagedMethod, form: SourceForm): MethodCase {
  return {
    title: method.title(form.title),
    where: method.name,
    userCode: `source (${form.title.replace(/^an? /, '')})`,
    family: 'staged',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => form.calls(method.items(input).length),
    invoke: (run) => method.call(run.vecs[0], form.make(method.items(run.input), () => userCode(run, [])), run.input),
    result: method.result,
    expected: (run) => {
      const failure = storageFailure(run);
      if (failure) return failure;
      // The whole source is read first, then the operation applies to the vector as the user code left it.
      return method.model(run.mutation.model(run.initial[0], run.kind), method.items(run.input), run.input);
    },
    orderOutcome: 'applies to the vector as sorted',
  };
}

/** `Class.from(source)`: the user code changes another vector, which from never touches. */
function from(form: SourceForm): MethodCase {
  return {
    title: `Class.from(${form.title})`,
    where: 'from',
    userCode: `source (${form.title.replace(/^an? /, '')}), changing another vector`,
    family: 'from',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => form.calls(input.items.length),
    invoke: (run) => run.kind.cls.from(form.make(run.input.items, () => userCode(run, [])) as Iterable<Elem>),
    result: (value) => {
      const vec = value as AnyVec;
      return { capacity: vec.capacity, elements: vec.toArray() };
    },
    expected: (run) => {
      const result = { capacity: run.input.items.length, elements: run.input.items };
      const effect = run.mutation.effect;
      if (effect === 'release' || effect === 'detach') return { result };
      return { result, contents: [run.mutation.model(run.initial[0], run.kind)] };
    },
    orderOutcome: "returns the source's elements; the other vector stays as sorted",
  };
}

// ---------------------------------------------------------------------------------------
// Targets with setters: copyTo
// ---------------------------------------------------------------------------------------

interface TargetForm {
  readonly title: string;
  /** A target for `n` elements whose writes call `hook(value)`, and a reader of what it holds. */
  readonly make: (n: number, hook: (value: unknown) => void) => { readonly target: unknown[]; readonly contents: () => unknown[] };
  /** What the target holds once `written` (of `n`) was written. */
  readonly holding: (written: readonly unknown[], n: number) => unknown[];
}

const TARGETS: readonly TargetForm[] = [
  {
    title: 'a Proxy over an empty Array (set trap)',
    make: (_n, hook) => {
      const backing: unknown[] = [];
      const target = new Proxy(backing, {
        set(array, key, value) {
          const done = Reflect.set(array, key, value);
          if (isIndexKey(key)) hook(value);
          return done;
        },
      });
      return { target, contents: () => [...backing] };
    },
    holding: (written) => [...written],
  },
  {
    title: 'an Array with accessor properties',
    make: (n, hook) => {
      const stored: unknown[] = Array.from({ length: n }, () => HOLE);
      const target: unknown[] = Array.from({ length: n }, () => HOLE);
      for (let i = 0; i < n; i++) {
        Object.defineProperty(target, i, {
          get: () => stored[i],
          set(value: unknown) {
            stored[i] = value;
            hook(value);
          },
          enumerable: true,
          configurable: true,
        });
      }
      return { target, contents: () => [...stored] };
    },
    holding: (written, n) => [...written, ...Array.from({ length: n - written.length }, () => HOLE)],
  },
];

function copyTo(form: TargetForm): MethodCase {
  return {
    title: `copyTo(${form.title})`,
    where: 'copyTo',
    userCode: 'setter',
    family: 'target',
    minLength: 1,
    vectors: 1,
    target: 0,
    initial: single,
    calls: (_k, input) => input.initial.length,
    invoke: (run) => {
      const { target, contents } = form.make(run.initial[0].length, (value) => userCode(run, [value]));
      run.target = { object: target, contents };
      return run.vecs[0].copyTo(target);
    },
    result: (value, run) => (value === run.target?.object ? 'target' : value),
    expected: (run) => {
      const [init] = run.initial;
      const n = init.length;
      const writtenBefore = form.holding(init.slice(0, run.at + 1), n);
      const effect = run.mutation.effect;
      if (effect === 'release' || effect === 'detach') return { error: { type: storageErrorOf(effect) }, target: writtenBefore };
      const after = run.mutation.model(init, run.kind);
      if (effect === 'length') return { error: { type: Error }, target: writtenBefore, contents: [after] };
      // Every element written is the live one at the time it is written.
      return { result: 'target', target: form.holding(readAfresh(init, run.at, after), n), contents: [after] };
    },
    orderOutcome: 'no error, the later writes take the sorted elements',
  };
}

// ---------------------------------------------------------------------------------------
// The method table
// ---------------------------------------------------------------------------------------

/** Every method that runs user code, every class having all of them; the staged ones once per source form, copyTo once per target form. */
const METHODS: readonly MethodCase[] = [
  ...DEFERRED,
  ...READING,
  ...STAGED.flatMap((method) => SOURCES.filter((form) => form.arrayLike || !method.arrayLikeOnly).map((form) => staged(method, form))),
  ...SOURCES.map(from),
  ...TARGETS.map(copyTo),
];

/** For the test title: what the call must do. */
function outcomeTitle(kind: Kind, method: MethodCase, effect: Effect): string {
  const where = `${kind.name}.${method.where}`;
  switch (effect) {
    case 'release':
      return method.family === 'from' ? 'returns the source; the new owner keeps its values' : `ReleasedError "${where}"; the new owner keeps its values, user code never sees them`;
    case 'detach':
      return method.family === 'from' ? "returns the source's elements" : `DetachedError "${where}"; user code never sees undefined`;
    case 'order':
      return method.orderOutcome;
    case 'length':
      switch (method.family) {
        case 'deferred':
          return `Error "${where}: ... length ..."; the vectors hold what the user code left`;
        case 'reading':
          return 'no error; every step reads the length and sees a live element';
        case 'staged':
          return 'reads the whole source, then applies to the vector as the user code left it';
        case 'from':
          return "returns the source's elements; the other vector holds what the user code left";
        case 'target':
          return `Error "${where}"; the elements written before stay in the target`;
      }
  }
}

// ---------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------

type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true; readonly error: unknown };

function attempt(fn: () => unknown): Outcome {
  try {
    return { threw: false, value: fn() };
  } catch (error) {
    return { threw: true, error };
  }
}

/** What an outcome was, for a failure message. */
function describeOutcome(outcome: Outcome): string {
  if (!outcome.threw) return `returned ${show(outcome.value)}`;
  const error = outcome.error as Error;
  return `threw ${error?.name}: ${error?.message}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One observation of a case, and what the contract wants it to be. */
type Check = { readonly actual: unknown; readonly wanted: unknown };

/** The call's outcome: the error it threw (by class and message), or what it returned. */
function outcomeCheck(run: Run, outcome: Outcome, expected: Expected): Check {
  if (expected.error !== undefined) {
    const { type, mention } = expected.error;
    const where = `${run.kind.name}.${run.method.where}`;
    const error = outcome.threw ? (outcome.error as Error) : undefined;
    const pattern = new RegExp(`^${escapeRegExp(where)}:${mention === undefined ? '' : `.*${mention.source}`}`, 's');
    return {
      actual: { threw: error instanceof type ? type.name : describeOutcome(outcome), message: error?.message },
      wanted: { threw: type.name, message: expect.stringMatching(pattern) },
    };
  }
  const result = run.method.result ?? ((value: unknown) => value);
  return {
    actual: { returned: outcome.threw ? describeOutcome(outcome) : result(outcome.value, run) },
    wanted: { returned: expected.result },
  };
}

/** The element values handed to user code that must never be: the sentinel, `undefined`, and after a reset the new owner's values. */
function badValues(run: Run): string[] {
  const poison = poisonOf(run.kind);
  const owner = new Set<unknown>(OWNER.map((n) => el(run.kind, n)));
  return run.received
    .filter(({ value, afterMutation }) => value === undefined || Object.is(value, poison) || (run.mutation.effect === 'release' && afterMutation && owner.has(value)))
    .map(({ value, afterMutation }) => `${show(value)}${afterMutation ? ' (after the mutation)' : ''}`);
}

/** The vectors afterwards: the model where they stay usable; where not, nothing written through a stale handle. */
function vectorsCheck(run: Run, expected: Expected): Check {
  const { kind, mutation } = run;
  if (mutation.effect === 'release') {
    const owner = run.owner as Vec;
    return { actual: { newOwner: owner.toArray() }, wanted: { newOwner: Array.from({ length: owner.capacity }, (_, i) => ownerValue(kind, i)) } };
  }
  if (mutation.effect === 'detach') {
    // The grown memory still holds what every vector held before the call: nothing was written into it.
    return { actual: { grownMemory: run.initial.map((items, i) => run.fx.reattach(i, items.length).toArray()) }, wanted: { grownMemory: run.initial } };
  }
  return { actual: { vectors: run.vecs.map((vec) => vec.toArray()) }, wanted: { vectors: expected.contents ?? run.initial } };
}

/** One run of one (kind, method, mutation) with fast-check's input. */
function runCase(kind: Kind, method: MethodCase, mutation: Mutation, input: Input): void {
  const fx = makeFixture(kind, hostOf(mutation.effect), method.vectors);
  const initial = method.initial(kind, input);
  fx.vecs.forEach((vec, i) => {
    vec.extend(initial[i]);
    poisonSpare(kind, vec);
  });
  const run: Run = {
    kind,
    method,
    mutation,
    input,
    fx,
    vecs: fx.vecs,
    initial,
    at: resolveAt(input.at, method.calls(kind, input)),
    calls: 0,
    fired: false,
    owner: undefined,
    received: [],
    seen: [],
    target: undefined,
  };
  const outcome = attempt(() => method.invoke(run));
  // The case tests something only if the user code ran the mutation.
  expect({ mutationAtCall: run.at, fired: run.fired, userCodeCalls: run.calls, outcome: run.fired ? 'any' : describeOutcome(outcome) }).toEqual({
    mutationAtCall: run.at,
    fired: true,
    userCodeCalls: expect.any(Number),
    outcome: 'any',
  });
  const expected = method.expected(run);
  // Every observation in one comparison, so that a failure shows all of them.
  const checks: Record<string, Check> = {
    outcome: outcomeCheck(run, outcome, expected),
    badValuesHandedToUserCode: { actual: badValues(run), wanted: [] },
    after: vectorsCheck(run, expected),
  };
  if (expected.received !== undefined) checks.handedToUserCode = { actual: run.received.map(({ value }) => value), wanted: expected.received };
  if (expected.seen !== undefined) checks.steps = { actual: run.seen, wanted: expected.seen };
  if (expected.target !== undefined) checks.target = { actual: run.target?.contents(), wanted: expected.target };
  const pick = (side: keyof Check) => Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check[side]]));
  expect(pick('actual')).toEqual(pick('wanted'));
  // A vector that stays usable shows the model through every reader, and never a spare slot.
  if (mutation.effect === 'length' || mutation.effect === 'order') run.vecs.forEach((vec, i) => expectNoPoison(kind, vec, (expected.contents ?? run.initial)[i]));
}

// ---------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------

function inputArb(kind: Kind, minLength: number): fc.Arbitrary<Input> {
  const element = kind.element.filter((x) => !isReserved(kind, x));
  const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  return fc.record({
    initial: fc.array(element, { minLength, maxLength: MAX_INITIAL }),
    // The first call, the last call, or any.
    at: fc.oneof(fc.constant(0), fc.constant(-1), fc.nat(15)),
    decisions: fc.array(fc.boolean(), { minLength: MAX_INITIAL, maxLength: MAX_INITIAL }),
    items: fc.array(element, { minLength: 1, maxLength: MAX_SOURCE }),
    start: fraction,
    count: fraction,
  });
}

/**
 * Inputs every test runs besides fast-check's: the mutation at the first, the second and
 * the last call, with retain rejecting an element before it (so that a retain that
 * compacts as it goes has written something by then).
 */
function examplesFor(kind: Kind): [Input][] {
  const initial = [...kind.samples, el(kind, 4)];
  const items = [el(kind, 5), kind.samples[1]];
  return [0, 1, -1].map((at) => [{ initial, at, decisions: [false, true, false, true, true], items, start: 0.4, count: 0.5 }]);
}

describe('the suite itself', () => {
  it('the reserved values are distinct from everything the cases write, and the sizes keep every mutation possible', () => {
    for (const kind of KINDS) {
      const written = [PUSHED, ...EXTENDED, ...Array.from({ length: CAPACITY }, (_, i) => MAPPED + i), ...Array.from({ length: CAPACITY }, (_, i) => OUT_BEFORE + i)];
      expect([kind.name, written.map((n) => el(kind, n)).filter((x) => isReserved(kind, x))]).toEqual([kind.name, []]);
      expect([kind.name, kind.convert(el(kind, MAPPED + CAPACITY))]).toEqual([kind.name, el(kind, MAPPED + CAPACITY)]);
    }
    expect(MAX_INITIAL + EXTENDED.length).toBeLessThanOrEqual(CAPACITY);
    expect(MAX_INITIAL + MAX_SOURCE).toBeLessThanOrEqual(CAPACITY);
    for (const kind of KINDS) {
      for (const [input] of examplesFor(kind)) expect([kind.name, [...input.initial, ...input.items].filter((x) => isReserved(kind, x))]).toEqual([kind.name, []]);
    }
  });

  it('the new owner of a reset slab lands on the released vectors, so a stray write through them would show', () => {
    for (const kind of KINDS.filter((k) => k.isTyped)) {
      const fx = makeFixture(kind, 'slab', 2);
      const offsets = fx.vecs.map((v) => (v.view() as unknown as ArrayBufferView).byteOffset);
      const owner = fx.reset();
      expect([kind.name, (owner.view() as unknown as ArrayBufferView).byteOffset, owner.capacity]).toEqual([kind.name, offsets[0], 2 * CAPACITY]);
    }
  });
});

describe.each(KINDS)('$name', (kind) => {
  describe.each(METHODS.map((method) => ({ title: method.title, method })))('$title', ({ method }) => {
    const rows = mutationsFor(kind).map((mutation) => ({
      title: `${mutation.title} in the ${method.userCode} → ${outcomeTitle(kind, method, mutation.effect)}`,
      mutation,
    }));
    it.each(rows)('$title', ({ mutation }) => {
      fc.assert(
        fc.property(inputArb(kind, method.minLength), (input) => runCase(kind, method, mutation, input)),
        { numRuns: NUM_RUNS, examples: examplesFor(kind) },
      );
    });
  });
});
