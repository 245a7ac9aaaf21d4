/**
 * The per-engine benchmark report (`benchmarks/engines-report.ts`) rendered from synthetic
 * results, the `--trace-gc` counting the Chromium column relies on (`benchmarks/trace-gc.ts`),
 * and the command line that selects the engines. Nothing here measures or asserts a timing.
 */

import { optionsFromArgs } from '../benchmarks/config';
import { CORE_ROWS, ERRORS_PER_KIND, coreRowsOf, type CoreState } from '../benchmarks/core-rows';
import type { CorePhaseResult, CoreRowResult } from '../benchmarks/core';
import type { GcPhaseResult, GcRowResult } from '../benchmarks/engine-phases';
import {
  coreTable,
  engineLabel,
  gcCell,
  gcTable,
  ratioCell,
  renderEnginesMarkdown,
  renderEnginesText,
  type EngineColumn,
  type EnginesReport,
} from '../benchmarks/engines-report';
import type { Environment } from '../benchmarks/environment';
import { quantile, pairedRatios } from '../benchmarks/stats';
import { countWindow, pageCollections, parseTraceGc } from '../benchmarks/trace-gc';

/** A core row whose median ratio is `median`, with quartiles 10% either side. */
function coreRow(id: string, median: number): CoreRowResult {
  const spec = CORE_ROWS.find((r) => r.id === id)!;
  return {
    id,
    label: spec.label,
    capacity: spec.size === 'small' ? 1024 : 1_000_000,
    impl: spec.impl,
    over: spec.over,
    ratio: { median, q1: median * 0.9, q3: median * 1.1, low: median * 0.8, high: median * 1.2, rounds: 9 },
    implNs: 2 * median,
    overNs: 2,
  };
}

function corePhase(state: CoreState, base: number, skip: readonly string[] = []): CorePhaseResult {
  const rows = coreRowsOf(state)
    .filter((spec) => !skip.includes(spec.id))
    .map((spec, i) => coreRow(spec.id, base + i / 100));
  return { kind: 'core', state, rows, errorsThrown: state === 'clean' ? 0 : 4 * ERRORS_PER_KIND, rounds: 9, elementsPerCall: 1 << 18, clockResolutionUs: 5, timerOverheadNs: 0, sink: 1 };
}

function gcRow(id: string, group: GcRowResult['group'], label: string, collections: number, major = 0): GcRowResult {
  return { id, group, label, work: group === 'game loop' ? 20_000 : 10_050_000, nsPerUnit: group === 'game loop' ? 60_000 : 1.5, count: { collections, minor: collections - major, major } };
}

/** The three garbage-collection phases of one engine. */
function gcPhases(slabvecGcs: number, rawSecondGcs: number): Pick<EngineColumn['phases'], 'gc' | 'game-loop' | 'game-raw'> {
  const gc: GcPhaseResult = {
    kind: 'gc',
    phase: 'gc',
    rows: [gcRow('steady F64Vec', 'steady-state loop', 'F64Vec', 0), gcRow('steady OptionVec', 'steady-state loop', 'OptionVec', 7, 2)],
    steady: { capacity: 1024, stepsPerCall: 50_000, warmupCalls: 30 },
    sink: 1,
  };
  const game = (phase: 'game-loop' | 'game-raw', rows: GcRowResult[]): GcPhaseResult => ({ kind: 'gc', phase, rows, frames: 20_000, warmupFrames: 2_000, sink: 1 });
  return {
    gc,
    'game-loop': game('game-loop', [gcRow('game loop slabvec', 'game loop', 'slabvec form', slabvecGcs), gcRow('game loop raw second', 'game loop', 'raw form, after the slabvec form', rawSecondGcs)]),
    'game-raw': game('game-raw', [gcRow('game loop raw', 'game loop', 'raw form, alone', 0)]),
  };
}

const ENV: Environment = {
  command: 'node --expose-gc scripts/run-ts.cjs benchmarks/main.ts --full --engines',
  node: 'v20.20.2',
  v8: '11.3.244.8-node.38',
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 8,
  os: 'linux test x64',
  packages: { tinybench: '6.2.3' },
  commit: 'abc1234',
  date: '2026-12-01T12:00:00.000Z',
  loadAtStart: 1.2,
};

function column(name: string, runtime: EngineColumn['runtime'], version: string, v8: string, phases: EngineColumn['phases'], notes: string[] = []): EngineColumn {
  return { name, runtime, version, v8, binary: `/bin/${name}`, phases, seconds: 61, loadAtStart: 1, loadAtEnd: 2, notes };
}

const NODE20 = column('node', 'node', 'v20.20.2', '11.3.244.8-node.38', { clean: corePhase('clean', 1), 'after-errors': corePhase('after errors', 2), ...gcPhases(19, 0) });
// Chromium measured no 1e6 dot row and no after-errors phase: its cells must read n/a.
const CHROMIUM = column('chromium', 'chromium', '156.0.8078.114', '15.6.75.63', { clean: corePhase('clean', 3, ['dot large']), ...gcPhases(0, 22) }, ['`performance.now()` resolution 5.0 µs']);

const REPORT: EnginesReport = {
  mode: 'full',
  env: ENV,
  timing: { rounds: 9, warmupRounds: 1, taskTimeMs: 60, taskIterations: 3, warmupTimeMs: 20, warmupEveryRound: true, elementsPerCall: 1 << 18, capacities: [1024, 1_000_000] },
  engines: [NODE20, CHROMIUM],
  skipped: [{ name: 'node24', reason: 'Node 24.22.3 is not installed' }],
  chromium: { timingFlags: ['--headless', '--js-flags=--expose-gc'], gcFlags: ['--headless', '--js-flags=--expose-gc --trace-gc'] },
  seconds: 300,
  loadAtEnd: 1.5,
};

describe('the engines report', () => {
  it('labels each column with the engine and its V8', () => {
    expect(engineLabel(NODE20)).toBe('node v20.20.2 / V8 11.3.244.8-node.38');
    expect(engineLabel(CHROMIUM)).toBe('Chromium 156.0.8078.114 / V8 15.6.75.63');
  });

  it('prints a ratio with its interquartile range', () => {
    expect(ratioCell(coreRow('get', 1.5))).toBe('1.50x (1.35-1.65)');
    expect(ratioCell(coreRow('forOf', 20))).toBe('20.0x (18.0-22.0)');
    expect(ratioCell(undefined)).toBe('n/a');
  });

  it('has one core row per measured ratio and one column per engine', () => {
    const table = coreTable(REPORT, 'clean');
    expect(table.head).toEqual(['operation', 'capacity', 'ratio', engineLabel(NODE20), engineLabel(CHROMIUM)]);
    expect(table.rows).toHaveLength(CORE_ROWS.length);
    expect(table.rows[0]).toEqual(['get(i) loop', '1024', 'F64Vec / raw', '1.00x (0.90-1.10)', '3.00x (2.70-3.30)']);
    const fieldPush = table.rows.find((r) => r[0] === 'push (fill)' && r[2] === 'raw field / raw');
    expect(fieldPush).toBeDefined();
    expect(table.rows.find((r) => r[2] === 'F64Vec / Float64Array for...of')).toBeDefined();
    const dotLarge = table.rows.find((r) => r[0] === 'dot(b)' && r[1] === '1e6')!;
    expect(dotLarge[4]).toBe('n/a');
    expect(dotLarge[3]).not.toBe('n/a');
  });

  it('shows the after-errors rows only, n/a for an engine that did not run that phase', () => {
    const table = coreTable(REPORT, 'after errors');
    expect(table.rows.map((r) => r[0])).toEqual(coreRowsOf('after errors').map((s) => s.label));
    expect(table.rows.every((r) => r[4] === 'n/a')).toBe(true);
    expect(table.rows.some((r) => r[0] === 'sum()')).toBe(false);
  });

  it('counts collections per engine, the game loop in both forms', () => {
    const table = gcTable(REPORT);
    expect(table.rows.map((r) => r[1])).toEqual(['F64Vec', 'OptionVec', 'slabvec form', 'raw form, alone', 'raw form, after the slabvec form']);
    expect(table.rows[2]).toEqual(['game loop', 'slabvec form', '20,000 frames', '19', '0']);
    expect(table.rows[4].slice(3)).toEqual(['0', '22']);
    expect(table.rows[1][3]).toBe('7 (2 major)');
    expect(gcCell({ ...gcRow('x', 'game loop', 'x', 0), count: undefined })).toBe('n/a');
    expect(gcCell({ ...gcRow('x', 'game loop', 'x', 0), count: { collections: 3 } })).toBe('3');
  });

  it('renders markdown that is dated, names every engine and the skipped ones, and has no holes', () => {
    const md = renderEnginesMarkdown(REPORT);
    expect(md).toContain('**full** mode on 2026-12-01');
    expect(md).toContain(`| operation | capacity | ratio | ${engineLabel(NODE20)} | ${engineLabel(CHROMIUM)} |`);
    expect(md).toContain('`node24` not run: Node 24.22.3 is not installed');
    expect(md).toContain(`${engineLabel(CHROMIUM)}: \`performance.now()\` resolution 5.0 µs`);
    expect(md).toContain('[docs/examples/game-loop.ts](examples/game-loop.ts)');
    expect(md).toContain('a vector of capacity 1,024 holding 512 elements');
    expect(md).toContain('2,000 warm-up frames, then 20,000 measured');
    expect(md).toContain('load average | 1.2 at the start, 1.5 at the end');
    expect(md).toContain('`--js-flags=--expose-gc --trace-gc` instead of its `--js-flags`');
    expect(md).not.toMatch(/undefined|NaN|\[object/);
  });

  it('renders the same tables as console text', () => {
    const text = renderEnginesText(REPORT);
    expect(text).toContain('median over 9 paired rounds (interquartile range)');
    expect(text).toContain(`after ${4 * ERRORS_PER_KIND} errors`);
    expect(text).toContain(engineLabel(CHROMIUM));
    expect(text).not.toMatch(/undefined|NaN/);
  });
});

describe('quartiles of paired ratios', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3], 0.75)).toBe(2.5);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('pairs each round with the same round of the baseline', () => {
    const r = pairedRatios([2, 4, 6, 8, 10], [1, 2, 3, 4, 1]);
    expect(r).toEqual({ median: 2, low: 2, high: 10, q1: 2, q3: 2, rounds: 5 });
  });
});

describe('counting collections from V8 --trace-gc output', () => {
  const page = '[2080:0x4d400500000]';
  const other = '[2100:0x7f0000000000]';
  const scavenge = (who: string, ms: number, pause = 0.5) => `${who}   ${ms} ms: Scavenge 1.6 (2.5) -> 0.6 (2.8) MB, pooled: 0.0 MB, ${pause} / 0.00 ms (average mu = 1.000, current mu = 1.000) allocation failure; `;
  const forced = (who: string, ms: number) => `${who}   ${ms} ms: Mark-Compact 1.0 (3.8) -> 0.4 (3.8) MB, pooled: 0.0 MB, 4.14 / 0.00 ms (average mu = 0.986, current mu = 0.986) testing; GC in old space requested`;
  const major = (who: string, ms: number) => `${who}   ${ms} ms: Mark-Compact (reduce) 9.0 (12.0) -> 3.0 (8.0) MB, pooled: 0.0 MB, 6.00 / 0.00 ms (average mu = 0.9, current mu = 0.9) finalize incremental marking via task; GC in old space requested`;
  const lines = [
    'DevTools listening on ws://127.0.0.1:1/devtools/browser/x',
    scavenge(page, 100), // before any window
    forced(page, 200), // 1
    forced(page, 205), // 2: window A starts
    scavenge(page, 210),
    major(page, 220),
    scavenge(other, 221), // another isolate
    forced(page, 230), // 3: window A ends
    forced(page, 300), // 4: window B (10 ms long) starts
    scavenge(page, 305),
    scavenge(page, 340), // after window B's 10 ms
    forced(page, 400), // 5: window B ends
    forced(other, 401), // another isolate forcing once
  ];

  it('parses every collection line and only those', () => {
    const events = parseTraceGc(lines);
    expect(events).toHaveLength(12);
    expect(events[0]).toEqual({ pid: 2080, isolate: '0x4d400500000', ms: 100, kind: 'Scavenge', minor: true, forced: false, pauseMs: 0.5 });
    expect(events[1].forced).toBe(true);
    expect(events[4]).toMatchObject({ kind: 'Mark-Compact (reduce)', minor: false, forced: false, pauseMs: 6 });
  });

  it('finds the page by its number of forced collections and counts between the brackets', () => {
    const events = pageCollections(parseTraceGc(lines), 5);
    expect(events.every((e) => e.pid === 2080)).toBe(true);
    expect(countWindow(events, { start: 2, end: 3 })).toEqual({ collections: 2, minor: 1, major: 1, after: 0 });
    expect(countWindow(events, { start: 4, end: 5 })).toEqual({ collections: 2, minor: 2, major: 0, after: 0 });
    expect(countWindow(events, { start: 4, end: 5, windowMs: 10 })).toEqual({ collections: 1, minor: 1, major: 0, after: 1 });
    expect(countWindow(events, { start: 1, end: 2 })).toEqual({ collections: 0, minor: 0, major: 0, after: 0 });
  });

  it('refuses a trace that lost lines', () => {
    expect(() => pageCollections(parseTraceGc(lines), 6)).toThrow(/expected one isolate with 6 forced collections/);
    const events = pageCollections(parseTraceGc(lines), 5);
    expect(() => countWindow(events, { start: 5, end: 6 })).toThrow(/no forced collections 5 and 6/);
  });
});

describe('the engines command line', () => {
  it('writes docs/ only in a docs-writing mode with every engine', () => {
    // Nothing in docs/ changes unless --write-docs asks for it.
    expect(optionsFromArgs(['--engines'])).toMatchObject({ engines: {}, enginesWriteDocs: false, writesDocs: false });
    expect(optionsFromArgs(['--engines', '--write-docs'])).toMatchObject({ engines: {}, enginesWriteDocs: true, writesDocs: false });
    expect(optionsFromArgs(['--full', '--engines', '--write-docs'])).toMatchObject({ enginesWriteDocs: true });
    expect(optionsFromArgs(['--quick', '--engines', '--write-docs'])).toMatchObject({ enginesWriteDocs: false });
    expect(optionsFromArgs(['--engines=node,chromium', '--write-docs'])).toMatchObject({ engines: { names: ['node', 'chromium'] }, enginesWriteDocs: false });
    expect(optionsFromArgs([])).toMatchObject({ engines: undefined, enginesWriteDocs: false, writesDocs: false, help: false });
    expect(optionsFromArgs(['--write-docs'])).toMatchObject({ writesDocs: true });
    expect(optionsFromArgs(['--full', '--write-docs', '--only', 'kernels'])).toMatchObject({ writesDocs: false });
    expect(optionsFromArgs(['--help'])).toMatchObject({ help: true });
    expect(optionsFromArgs(['-h'])).toMatchObject({ help: true });
  });

  it('rejects --engines with --only, and an empty list', () => {
    expect(() => optionsFromArgs(['--engines', '--only', 'kernels'])).toThrow(/--engines runs the core table only/);
    expect(() => optionsFromArgs(['--engines='])).toThrow(/names no engine/);
  });

  it('passes the internal phase flag through', () => {
    expect(optionsFromArgs(['--quick', '--engine-phase', 'gc'])).toMatchObject({ enginePhase: 'gc' });
  });
});
