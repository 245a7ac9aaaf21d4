/**
 * Garbage collection: forcing full collections (`node --expose-gc`) and counting the
 * collections that start inside measured windows.
 *
 * @module
 */

import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';

/** Runs `times` full collections. @throws Error when the process lacks `--expose-gc`. */
export function fullGc(times = 1): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc (npm start / npm run bench do)');
  for (let k = 0; k < times; k++) collect();
}

/** A measured window: when it ran and how much the heap grew during it. */
export interface GcWindow {
  /** `performance.now()` at the start. */
  readonly t0: number;
  /** `performance.now()` at the end. */
  readonly t1: number;
  /** `heapUsed` at the end minus at the start, in bytes. */
  readonly heapGrowth: number;
}

/** The collections that started inside one window. */
export interface GcCount {
  /** Collections of any kind. */
  readonly collections: number;
  /** Of which scavenges (minor). */
  readonly minor: number;
  /** Of which mark-compact or incremental marking (major). */
  readonly major: number;
}

function isMinor(entry: PerformanceEntry): boolean {
  return (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR;
}

/**
 * Something that runs measured windows and then says how many collections started in
 * each: {@link GcRecorder} in Node; in a browser page, where no `gc` performance entries
 * exist, a recorder that brackets each window with forced collections for the V8 trace to
 * be read afterwards (`scripts/browser/bench/page.ts`).
 */
export interface GcCounting {
  /** Runs `body` after full collections, as one window. */
  window(body: () => void): GcWindow;
  /** The collections that started inside each window, once every window has run. */
  countIn(windows: readonly GcWindow[], settleMs?: number): Promise<GcCount[]>;
}

/** Records `gc` performance entries from construction until {@link GcRecorder.countIn}. */
export class GcRecorder implements GcCounting {
  readonly #entries: PerformanceEntry[] = [];
  readonly #observer = new PerformanceObserver((list) => {
    this.#entries.push(...list.getEntries());
  });

  constructor() {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Runs `body` after two full collections, as one window. */
  window(body: () => void): GcWindow {
    fullGc(2);
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    body();
    const t1 = performance.now();
    return { t0, t1, heapGrowth: process.memoryUsage().heapUsed - heapBefore };
  }

  /** Waits for the last entries (they arrive asynchronously), stops recording, and counts per window. */
  async countIn(windows: readonly GcWindow[], settleMs = 200): Promise<GcCount[]> {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    this.#observer.disconnect();
    return windows.map(({ t0, t1 }) => {
      const inside = this.#entries.filter((e) => e.startTime >= t0 && e.startTime <= t1);
      const minor = inside.filter(isMinor).length;
      return { collections: inside.length, minor, major: inside.length - minor };
    });
  }
}
