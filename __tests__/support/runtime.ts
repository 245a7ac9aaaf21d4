/**
 * Which rows of the element table this runtime can run. A row whose typed array the runtime
 * lacks (`Float16Array` before Node 24, Chromium 135, Firefox 129, Safari 18.2) has no kind
 * in `TYPED_KINDS`, so every shared suite leaves it out; `element-table.test.ts` and
 * `hot-path-forms.test.ts` declare its tests with `describe.skip` under a title that gives
 * the reason, so that the run reports them as skipped rather than silently absent, and
 * `float16-missing.test.ts` checks what such a runtime does instead.
 */

import { ELEMENT_SPECS } from '../../scripts/element-types';

/** One row of the element table. */
type Row = (typeof ELEMENT_SPECS)[number];

/** Whether this runtime has the typed array `row` stores its elements in. */
export function runtimeHas(row: Row): boolean {
  return typeof (globalThis as unknown as Record<string, unknown>)[row.arrayName] === 'function';
}

/** The rows this runtime can run, in table order. */
export const RUNNABLE_SPECS: readonly Row[] = ELEMENT_SPECS.filter(runtimeHas);

/** The rows this runtime cannot run, in table order (F16Vec on Node 20 and 22). */
export const UNRUNNABLE_SPECS: readonly Row[] = ELEMENT_SPECS.filter((row) => !runtimeHas(row));

/** What a test title says about a row left out here. */
export function skipReason(row: Row): string {
  const where = typeof process === 'object' && process.versions?.node ? `Node ${process.versions.node}` : 'this runtime';
  return `${row.className} skipped: ${where} has no ${row.arrayName}`;
}

/**
 * Declares, for each row this runtime cannot run, a skipped suite titled with the reason and
 * holding one skipped test per name in `tests`, so that the run counts them as skipped.
 */
export function skipUnrunnable(suite: string, tests: readonly string[]): void {
  for (const row of UNRUNNABLE_SPECS) {
    describe.skip(`${suite} ${skipReason(row)}`, () => {
      for (const name of tests) it(name, () => {});
    });
  }
}
