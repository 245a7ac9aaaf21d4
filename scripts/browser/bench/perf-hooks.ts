/**
 * `node:perf_hooks` for the benchmark page's bundle: the page's own `performance` and
 * `PerformanceObserver`, and the constants the suite reads. A page records no `gc` entries
 * (observing them only logs a warning), which is why the page counts collections from
 * V8's trace instead (`page.ts`); nothing else of this module is used there.
 *
 * @module
 */

const web = globalThis as unknown as { performance: typeof import('node:perf_hooks').performance; PerformanceObserver: typeof import('node:perf_hooks').PerformanceObserver };

export const performance = web.performance;
export const PerformanceObserver = web.PerformanceObserver;

/** Node's values of the garbage-collection kinds. */
export const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
};
