/**
 * Run modes of the benchmark suite, the knobs each one sets, and the command line.
 *
 * @module
 */

import type { Timing } from './runner.js';

/** The three ways to run the suite. */
export type ModeName = 'quick' | 'default' | 'full';

/** The scenario tables: the comparison (which the docs report), the kernels, the slabs, the table rows, the WebAssembly tier, the rings, the history windows. */
export const TABLE_NAMES = ['operations', 'kernels', 'slab', 'table', 'wasm', 'ring', 'history'] as const;

/** One scenario table. */
export type TableName = (typeof TABLE_NAMES)[number];

/** Everything that differs between run modes. */
export interface Mode extends Timing {
  /** The mode's name, as printed and written into the docs. */
  readonly name: ModeName;
  /** The tables the mode runs when `--only` does not choose. */
  readonly tables: readonly TableName[];
  /** Vector capacities to measure, smallest first: the capacities the goals are stated for. */
  readonly capacities: readonly number[];
  /**
   * A block size the operations table also runs at, before `capacities` (128, the frames of
   * an audio render quantum), or null. Reported like the others, but no goal applies to it.
   */
  readonly blockSize: number | null;
  /** Element operations per call for the O(1)-per-element operations (sets the repetitions at small capacities). */
  readonly elementsPerCall: number;
  /** For the memory measurement: vectors built at each capacity (at least one). */
  readonly memoryElements: number;
  /** Operations in the steady-state garbage-collection loop; element operations of each kernel's garbage loop. */
  readonly gcLoopOperations: number;
  /** Whether this mode rewrites docs/benchmarks.md and docs/benchmarks.svg (never with `--only`). */
  readonly writesDocs: boolean;
}

/** The modes, by name. `npm start` runs `default`, `npm run bench` runs `full`. */
export const MODES: Readonly<Record<ModeName, Mode>> = {
  quick: {
    name: 'quick',
    tables: TABLE_NAMES,
    capacities: [256, 8192],
    blockSize: null,
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
    tables: ['operations', 'wasm'],
    capacities: [1024, 1_000_000],
    blockSize: 128,
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
    tables: TABLE_NAMES,
    capacities: [1024, 1_000_000],
    blockSize: 128,
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

/** What one invocation runs. */
export interface RunOptions {
  /** The mode. */
  readonly mode: Mode;
  /** The tables to run, in {@link TABLE_NAMES} order. */
  readonly tables: readonly TableName[];
  /**
   * Whether docs/benchmarks.* are rewritten: asked for with `--write-docs`, in a mode that
   * writes them and without `--only`. Otherwise the report goes to `.build/`, so that a run
   * never changes the checkout unasked.
   */
  readonly writesDocs: boolean;
  /** `--help` or `-h`: print {@link HELP} and run nothing. */
  readonly help: boolean;
  /** Set in a child process that runs one phase of the slab table (`--slab-phase`, internal). */
  readonly slabPhase?: string;
  /**
   * Set by `--engines` (every engine found) or `--engines=<name>,...` (those): run the core
   * table on each engine instead of the tables (`engines.ts`).
   */
  readonly engines?: { readonly names?: readonly string[] };
  /** Whether the engines report is written to docs/ (`--engines --write-docs` in a mode that writes docs, every engine) or to .build/. */
  readonly enginesWriteDocs: boolean;
  /** Set in a child process that runs one phase of the engines report (`--engine-phase`, internal). */
  readonly enginePhase?: string;
}

const USAGE = 'expected --quick, --full, --only <table>[,<table>] (tables: operations, kernels, slab, table, wasm, ring, history), --engines or --engines=<engine>[,<engine>], --write-docs, --help';

/** What `npm start -- --help` prints. */
export const HELP = `Usage: npm start -- [options]       (the default mode, about a minute)
       npm run bench -- [options]   (the full mode, several minutes)

Compares slabvec's vectors with a raw typed array (the limit: no checks), OptionVec (the
[Option<T>; N] design), a plain Array and mnemonist's Float64Vector, and prints the tables
and the goals met and missed. The report is written to .build/benchmarks.md.

Options:
  --quick                   a seconds-long smoke run: the timings mean nothing
  --full                    longer timing (what npm run bench passes)
  --only <table>[,<table>]  only these tables: operations, kernels, slab, table, wasm, ring, history
  --engines                 the core table on every installed Node and in Chromium
  --engines=<name>[,...]    only those engines: node, node22, node24, node26, chromium
  --write-docs              refresh the committed report in docs/ instead of .build/
                            (docs/benchmarks.md and .svg, or docs/benchmarks-engines.md)
  --help, -h                this text
`;

/**
 * Reads the command line: `--quick` wins over `--full`, no flag means `default`; `--only`
 * takes a comma-separated list of tables.
 *
 * @throws Error on an unknown argument or table, so a typo does not silently run the wrong thing.
 */
export function optionsFromArgs(args: readonly string[]): RunOptions {
  let only: TableName[] | undefined;
  let slabPhase: string | undefined;
  let enginePhase: string | undefined;
  let engines: { names?: string[] } | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick' || arg === '--full' || arg === '--write-docs' || arg === '--help' || arg === '-h') continue;
    if (arg === '--engines') {
      engines = {};
      continue;
    }
    if (arg.startsWith('--engines=')) {
      const names = arg.slice('--engines='.length).split(',').filter((name) => name !== '');
      if (names.length === 0) throw new Error(`--engines= names no engine (${USAGE})`);
      engines = { names };
      continue;
    }
    if ((arg === '--only' || arg === '--slab-phase' || arg === '--engine-phase') && i + 1 < args.length) {
      const value = args[++i];
      if (arg === '--slab-phase') slabPhase = value;
      else if (arg === '--engine-phase') enginePhase = value;
      else only = value.split(',').map((name) => {
        if (!(TABLE_NAMES as readonly string[]).includes(name)) throw new Error(`unknown table ${JSON.stringify(name)} (${USAGE})`);
        return name as TableName;
      });
      continue;
    }
    throw new Error(`unknown argument ${JSON.stringify(arg)} (${USAGE})`);
  }
  if (engines !== undefined && only !== undefined) throw new Error(`--engines runs the core table only: it takes no --only (${USAGE})`);
  const mode = args.includes('--quick') ? MODES.quick : args.includes('--full') ? MODES.full : MODES.default;
  const chosen = only ?? mode.tables;
  const toDocs = args.includes('--write-docs');
  return {
    mode,
    tables: TABLE_NAMES.filter((t) => chosen.includes(t)),
    writesDocs: toDocs && mode.writesDocs && only === undefined && engines === undefined,
    help: args.includes('--help') || args.includes('-h'),
    slabPhase,
    engines,
    enginesWriteDocs: toDocs && engines !== undefined && mode.writesDocs && engines.names === undefined,
    enginePhase,
  };
}

/** The command-line flag that selects `mode` in a child process of this runner. */
export function modeFlags(mode: Mode): string[] {
  return mode.name === 'default' ? [] : [`--${mode.name}`];
}
