/**
 * Counting garbage collections from V8's `--trace-gc` output, where no `gc` performance
 * entries exist (a browser page). V8 prints one line per collection, when it ends:
 *
 * ```text
 * [2080:0x4d400500000]      152 ms: Scavenge 1.6 (2.5) -> 0.6 (2.8) MB, pooled: 0.0 MB, 1.93 / 0.00 ms (average mu = 1.000, current mu = 1.000) allocation failure;
 * [2393:0x256400500000]     306 ms: Mark-Compact 1.0 (3.8) -> 0.4 (3.8) MB, pooled: 0.0 MB, 4.14 / 0.00 ms (average mu = 0.986, current mu = 0.986) testing; GC in old space requested
 * ```
 *
 * (process id, isolate, milliseconds since the isolate started, the kind of collection,
 * heap sizes, pause, the reason). A collection forced by the page's `gc()` has the reason
 * `testing`. The page brackets each measured window with forced collections and counts how
 * many it forced; the collections of a window are then the other lines of the page's
 * isolate between its two bracketing `testing` lines, which needs no clock shared between
 * the page and the trace.
 *
 * @module
 */

/** One collection, from one line of the trace. */
export interface TracedGc {
  readonly pid: number;
  /** The isolate's address: one page's main thread is one isolate. */
  readonly isolate: string;
  /** Milliseconds since the isolate started, when the collection ended (whole ms). */
  readonly ms: number;
  /** `Scavenge`, `Mark-Compact`, `Minor Mark-Sweep`, `Mark-Compact (reduce)`... */
  readonly kind: string;
  /** A young-generation collection (`Scavenge`, `Minor ...`). */
  readonly minor: boolean;
  /** Forced by `gc()` (reason `testing`). */
  readonly forced: boolean;
  /** The pause, in ms. */
  readonly pauseMs: number;
}

/** Where a window lies among the page's forced collections (numbered from 1, in the order the page forced them). */
export interface GcMarks {
  /** The forced collection just before the window. */
  readonly start: number;
  /** The forced collection just after it. */
  readonly end: number;
  /**
   * The window's length in ms, when something other than the window runs between it and
   * the `end` collection (the game loop waits for its observer): only collections that
   * started within this long after the `start` collection ended are counted.
   */
  readonly windowMs?: number;
}

/** The collections counted in one window. */
export interface TracedCount {
  readonly collections: number;
  readonly minor: number;
  readonly major: number;
  /** Collections between the bracketing forced ones but after `windowMs` (not counted). */
  readonly after: number;
}

const LINE = /^\[(\d+):(0x[0-9a-f]+)\]\s+([\d.]+) ms: ([A-Za-z][A-Za-z() -]*?) [\d.]+ \(/;
const PAUSE = /, ([\d.]+) \/ [\d.]+ ms/;

/** The collections in `lines` (other lines are ignored). */
export function parseTraceGc(lines: readonly string[]): TracedGc[] {
  const out: TracedGc[] = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const kind = m[4].trim();
    out.push({
      pid: Number(m[1]),
      isolate: m[2],
      ms: Number(m[3]),
      kind,
      minor: /^(Scavenge|Minor)/.test(kind),
      forced: /\btesting\b/.test(line.slice(m[0].length)),
      pauseMs: Number(PAUSE.exec(line)?.[1] ?? 0),
    });
  }
  return out;
}

/**
 * The page's collections: those of the one isolate that reports exactly `forced` forced
 * collections.
 *
 * @throws Error when no isolate or more than one does (lines were lost, or something else forced collections).
 */
export function pageCollections(events: readonly TracedGc[], forced: number): TracedGc[] {
  const byIsolate = new Map<string, TracedGc[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.isolate}`;
    byIsolate.set(key, [...(byIsolate.get(key) ?? []), e]);
  }
  const matching = [...byIsolate.values()].filter((list) => list.filter((e) => e.forced).length === forced);
  if (matching.length !== 1) {
    const seen = [...byIsolate].map(([key, list]) => `${key}: ${list.filter((e) => e.forced).length} forced of ${list.length}`).join('; ');
    throw new Error(`trace-gc: expected one isolate with ${forced} forced collections, found ${matching.length} (${seen || 'no collection traced'})`);
  }
  return matching[0];
}

/**
 * Counts the collections of one window in the page isolate's trace.
 *
 * @param events - the page isolate's collections, in trace order ({@link pageCollections}).
 * @param marks - the window's bracketing forced collections.
 * @throws Error when the trace lacks one of them.
 */
export function countWindow(events: readonly TracedGc[], marks: GcMarks): TracedCount {
  const forcedAt: number[] = [];
  events.forEach((e, i) => {
    if (e.forced) forcedAt.push(i);
  });
  const from = forcedAt[marks.start - 1];
  const to = forcedAt[marks.end - 1];
  if (from === undefined || to === undefined || to <= from) throw new Error(`trace-gc: the trace has no forced collections ${marks.start} and ${marks.end} (it has ${forcedAt.length})`);
  const startMs = events[from].ms;
  let minor = 0;
  let major = 0;
  let after = 0;
  for (const e of events.slice(from + 1, to)) {
    if (e.forced) continue;
    // Whole milliseconds: a collection that started up to 1 ms past the window still counts.
    if (marks.windowMs !== undefined && e.ms - e.pauseMs > startMs + marks.windowMs + 1) after++;
    else if (e.minor) minor++;
    else major++;
  }
  return { collections: minor + major, minor, major, after };
}
