/**
 * Run modes of the benchmark suite and the knobs each one sets.
 *
 * @module
 */

/** The three ways to run the suite. */
export type ModeName = 'quick' | 'default' | 'full';

/** Everything that differs between run modes. */
export interface Mode {
  /** The mode's name, as printed and written into the docs. */
  readonly name: ModeName;
  /** Vector capacities to measure, smallest first. */
  readonly capacities: readonly number[];
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
  /** Element operations per call for the O(1)-per-element operations (sets the repetitions at small capacities). */
  readonly elementsPerCall: number;
  /** For the memory measurement: vectors built at each capacity (at least one). */
  readonly memoryElements: number;
  /** Operations in the steady-state garbage-collection loop. */
  readonly gcLoopOperations: number;
  /** Whether this mode rewrites docs/benchmarks.md and docs/benchmarks.svg. */
  readonly writesDocs: boolean;
}

/** The modes, by name. `npm start` runs `default`, `npm run bench` runs `full`. */
export const MODES: Readonly<Record<ModeName, Mode>> = {
  quick: {
    name: 'quick',
    capacities: [256, 8192],
    rounds: 1,
    warmupRounds: 0,
    taskTimeMs: 1,
    taskIterations: 1,
    warmupTimeMs: 0,
    warmupEveryRound: false,
    warmupIterations: 1,
    elementsPerCall: 4096,
    memoryElements: 1 << 16,
    gcLoopOperations: 100_000,
    writesDocs: false,
  },
  default: {
    name: 'default',
    capacities: [1024, 1_000_000],
    rounds: 3,
    warmupRounds: 0,
    taskTimeMs: 15,
    taskIterations: 2,
    warmupTimeMs: 10,
    warmupEveryRound: false,
    warmupIterations: 1,
    elementsPerCall: 1 << 16,
    memoryElements: 1 << 20,
    gcLoopOperations: 10_000_000,
    writesDocs: true,
  },
  full: {
    name: 'full',
    capacities: [1024, 1_000_000],
    rounds: 5,
    warmupRounds: 1,
    taskTimeMs: 60,
    taskIterations: 3,
    warmupTimeMs: 20,
    warmupEveryRound: true,
    warmupIterations: 2,
    elementsPerCall: 1 << 16,
    memoryElements: 1 << 22,
    gcLoopOperations: 10_000_000,
    writesDocs: true,
  },
};

/**
 * Picks the mode from command-line arguments: `--quick` wins over `--full`, and no flag
 * means `default`.
 *
 * @throws Error on an unknown argument, so a typo does not silently run the wrong mode.
 */
export function modeFromArgs(args: readonly string[]): Mode {
  for (const arg of args) {
    if (arg !== '--quick' && arg !== '--full') throw new Error(`unknown argument ${JSON.stringify(arg)} (expected --quick or --full)`);
  }
  if (args.includes('--quick')) return MODES.quick;
  if (args.includes('--full')) return MODES.full;
  return MODES.default;
}
