/**
 * Model-based property tests (tinyvec's fuzzing against std `Vec`, with fast-check's
 * `fc.commands`): random sequences of operations, failing ones included on purpose, run
 * against every vector class and against a plain-array model; after every command the
 * whole observable state must equal the model (see `support/commands.ts`).
 *
 * The seed is random; on failure fast-check prints the seed, the replay path and the
 * shrunk command sequence, and the error lists the calls with their resolved arguments.
 */

import fc from 'fast-check';
import { capacityArb, commandArbs, initialArb, setupRun } from './support/commands';
import { KINDS } from './support/kinds';

// The properties take a second or two per class on an idle machine; leave room for a busy one.
jest.setTimeout(60_000);

/** Runs per class; each run is up to `MAX_COMMANDS` commands (about half that on average). */
const NUM_RUNS = 200;
const MAX_COMMANDS = 40;

describe.each(KINDS)('$name against an Array model', (kind) => {
  const commands = commandArbs(kind);

  it('agrees with the model after every command of random sequences', () => {
    fc.assert(
      fc.property(
        capacityArb,
        initialArb(kind),
        fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }),
        (capacity, initial, cmds) => {
          fc.modelRun(() => setupRun(kind, capacity, initial), cmds);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

/**
 * Counterexamples the property above found, replayed deterministically so that they fail
 * on every run until fixed (the property only hits them now and then).
 */
describe.each(KINDS)('$name: shrunk counterexamples of the model property', (kind) => {
  const [a, b] = kind.samples;

  it('truncate(-0) leaves the length +0, as a count must be (counterexample: push(x), truncate(-0))', () => {
    const vec = kind.make(2);
    vec.push(a);
    vec.truncate(-0);
    expect(Object.is(vec.length, 0)).toBe(true);
  });

  it('resize(-0, x) leaves the length +0 (counterexample: capacity 0, resize(-0, 0))', () => {
    const vec = kind.make(0);
    vec.resize(-0, a);
    expect(Object.is(vec.length, 0)).toBe(true);
    const grown = kind.make(2);
    grown.extend([a, b]);
    grown.resize(-0, a);
    expect(Object.is(grown.length, 0)).toBe(true);
    expect(Object.is(grown.clone().length, 0)).toBe(true);
  });

  it('indexOf / lastIndexOf with fromIndex -0 answer +0, as Array.prototype.indexOf does (counterexample: [x], indexOf(x, -0))', () => {
    const vec = kind.make(2);
    vec.push(a);
    expect(Object.is([a].indexOf(a, -0), 0)).toBe(true);
    expect(Object.is(vec.indexOf(a, -0), 0)).toBe(true);
    expect(Object.is(vec.lastIndexOf(a, -0), 0)).toBe(true);
  });
});
