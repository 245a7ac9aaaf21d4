/**
 * The one timing engine of the suite: runs a scenario table (cases, each a set of
 * contenders with their baselines) in paired interleaved rounds with tinybench.
 *
 * For every contender the runner compiles its own copy of the loop (`clone.ts`), primes
 * it on a tiny state, checks its first result against its baseline's, and only then times
 * it. In a round, each case is one tinybench `Bench` holding all its contenders, in an
 * order rotated every round, after a full GC; the latency of a contender in a round is the
 * median of its calls. Every result goes into the sink.
 *
 * @module
 */

import { Bench, calibrateTimerOverhead, performanceNowTimestampProvider } from 'tinybench';
import { compileCopy } from './clone.js';
import { fullGc } from './gc.js';
import { addToSink } from './sink.js';
import type { Loop, TimedState } from './state.js';

/** How long and how often tinybench runs each task; part of every run mode. */
export interface Timing {
  /** Rounds whose results are kept (medians are taken over these). */
  readonly rounds: number;
  /** Extra rounds run first and thrown away, so every loop is optimized before it counts. */
  readonly warmupRounds: number;
  /** tinybench `time`: milliseconds each task runs per round. */
  readonly taskTimeMs: number;
  /** tinybench `iterations`: the fewest calls per task per round. */
  readonly taskIterations: number;
  /** tinybench `warmupTime` in milliseconds. */
  readonly warmupTimeMs: number;
  /** Whether tinybench warms every task up in every round, or only in the first. */
  readonly warmupEveryRound: boolean;
  /** tinybench `warmupIterations`. */
  readonly warmupIterations: number;
}

/**
 * One column of a case: a loop template and the state it runs on.
 *
 * @typeParam S - the loop's state.
 */
export interface Contender<S extends TimedState = TimedState> {
  /** Unique within its case; names the compiled copy and keys the results. */
  readonly id: string;
  /** The loop template: self-contained, see `state.ts`. */
  readonly loop: Loop<S>;
  /** What the timed calls run on. */
  readonly state: S;
  /** The same loop's state over a tiny container, for priming. */
  readonly primer: S;
  /** The id of the contender in the same case this one is validated against; absent for a baseline. */
  readonly baseline?: string;
}

/** One row of a scenario table: contenders doing the same work, measured side by side. */
export interface Case {
  /** Unique within the run; names the compiled copies (`push_1024_F64Vec`). */
  readonly id: string;
  /** Shown in progress lines. */
  readonly label: string;
  /** Whether the loops time themselves (their setup is left out through tinybench's `overriddenDuration`). */
  readonly selfTimed: boolean;
  /** The contenders, baselines included. */
  readonly contenders: readonly Contender[];
}

/** What the runner measured for one case. */
export interface CaseResult<C extends Case = Case> {
  /** The case. */
  readonly case: C;
  /** Per contender id: its median latency in ms per call, one entry per kept round. */
  readonly latencies: ReadonlyMap<string, readonly number[]>;
}

/** Receives a one-line progress message. */
export type Progress = (message: string) => void;

/** Capacity of the containers that prime each loop. */
export const PRIME_CAPACITY = 16;
/** Calls that prime each loop: enough for V8 to allocate its feedback vector and see every statement. */
export const PRIME_CALLS = 60;

let overheadMs: number | undefined;

/** The cost of one `performance.now()` call in ms (tinybench's calibration, done once). */
export function timerOverheadMs(): number {
  overheadMs ??= calibrateTimerOverhead(performanceNowTimestampProvider, { pairs: 20_000 });
  return overheadMs;
}

/** Erases a contender's state type so that contenders of different containers share one case. */
export function contender<S extends TimedState>(entry: Contender<S>): Contender {
  return entry as unknown as Contender;
}

interface Compiled {
  readonly contender: Contender;
  readonly loop: Loop<TimedState>;
}

/**
 * Calls every loop {@link PRIME_CALLS} times on its primer.
 *
 * V8 allocates a function's feedback vector only after its first calls, so a loop that
 * is called just a few times (one pass over a million elements per call) never records
 * feedback for the statements it runs once per call; its optimized code then deoptimizes
 * at entry and most of the measurement runs in on-stack-replacement code (which boxes a
 * double accumulator). Priming makes every loop reach its optimized steady state.
 */
function prime(compiled: readonly Compiled[]): void {
  for (let k = 0; k < PRIME_CALLS; k++) {
    for (const { contender: c, loop } of compiled) addToSink(loop(c.primer));
  }
}

/**
 * Runs every loop of a case once and checks that it returns what its baseline returns: a
 * wrong loop would make every ratio meaningless.
 *
 * @throws Error naming the first loop that disagrees.
 */
function validate(kase: Case, compiled: readonly Compiled[]): void {
  const expected = new Map<string, number>();
  for (const { contender: c, loop } of compiled) if (c.baseline === undefined) expected.set(c.id, loop(c.state));
  for (const { contender: c, loop } of compiled) {
    if (c.baseline === undefined) continue;
    const got = loop(c.state);
    const want = expected.get(c.baseline);
    if (want === undefined) throw new Error(`case ${kase.id}: ${c.id} names a missing baseline ${c.baseline}`);
    if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
      throw new Error(`benchmark loop ${kase.id} of ${c.id} returned ${got}, its baseline ${c.baseline} ${want}`);
    }
    addToSink(got);
  }
}

/** `items` rotated left by `by`, so that each round starts with a different contender. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** One tinybench run of every contender of a case; returns the median latency (ms) by contender id. */
function measureRound(timing: Timing, kase: Case, compiled: readonly Compiled[], round: number): Map<string, number> {
  fullGc();
  const bench = new Bench({
    name: kase.id,
    time: timing.taskTimeMs,
    iterations: timing.taskIterations,
    warmup: round === 0 || timing.warmupEveryRound,
    warmupTime: timing.warmupTimeMs,
    warmupIterations: timing.warmupIterations,
    throws: true,
  });
  for (const { contender: c, loop } of rotate(compiled, round)) {
    const state = c.state;
    if (kase.selfTimed) {
      bench.add(c.id, () => {
        addToSink(loop(state));
        return { overriddenDuration: Math.max(0, state.elapsed) };
      });
    } else {
      bench.add(c.id, () => {
        addToSink(loop(state));
      });
    }
  }
  const latency = new Map<string, number>();
  for (const task of bench.runSync()) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`task ${kase.id}/${task.name} ended ${result.state}`);
    latency.set(task.name, result.latency.p50);
  }
  return latency;
}

/**
 * Runs a scenario table: compiles, primes and validates every loop of every case, then
 * runs `warmupRounds + rounds` rounds, each measuring every case once.
 *
 * @param cases - the table's rows.
 * @param timing - tinybench settings and round counts.
 * @param progress - receives a line per case and round.
 * @param title - the start of each progress line (`capacity 1024`).
 * @returns one result per case, in the order given.
 */
export function runCases<C extends Case>(cases: readonly C[], timing: Timing, progress: Progress, title: string): CaseResult<C>[] {
  const compiled = cases.map((kase) => kase.contenders.map((c) => ({ contender: c, loop: compileCopy(c.loop, `${kase.id}_${c.id}`) })));
  prime(compiled.flat());
  cases.forEach((kase, i) => validate(kase, compiled[i]));
  const latencies = cases.map(() => new Map<string, number[]>());
  const totalRounds = timing.warmupRounds + timing.rounds;
  for (let round = 0; round < totalRounds; round++) {
    const warming = round < timing.warmupRounds;
    const label = warming ? `warm-up round ${round + 1}/${timing.warmupRounds}` : `round ${round - timing.warmupRounds + 1}/${timing.rounds}`;
    cases.forEach((kase, i) => {
      const percent = Math.round((100 * (round * cases.length + i + 1)) / (totalRounds * cases.length));
      progress(`[${String(percent).padStart(3)}%] ${title}, ${label}: ${kase.label}`);
      const measured = measureRound(timing, kase, compiled[i], round);
      if (warming) return;
      for (const [id, ms] of measured) latencies[i].set(id, [...(latencies[i].get(id) ?? []), ms]);
    });
  }
  return cases.map((kase, i) => ({ case: kase, latencies: latencies[i] }));
}
