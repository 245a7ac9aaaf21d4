/**
 * The rows of the engines' core table (`core.ts`) as data: which ratio each row is, at which
 * capacity, in which state. No code that measures: the report (`engines-report.ts`) and its
 * test read these without loading the runner.
 *
 * @module
 */

import type { OpId } from './operations.js';

/** The implementations the rows name (`core.ts` defines them). */
export const RAW_ID = 'raw f64';
export const FIELD_ID = 'field f64';
export const VEC_ID = 'F64Vec';
export const NATIVE_ID = 'Float64Array for...of';

/** The two states of the process the core table is measured in. */
export const CORE_STATES = ['clean', 'after errors'] as const;

/** One state. */
export type CoreState = (typeof CORE_STATES)[number];

/** Errors of each kind the `after errors` state throws and catches. */
export const ERRORS_PER_KIND = 5;

/** One row: the ratio of two implementations' latencies on one operation at one capacity. */
export interface CoreRowSpec {
  /** Unique, stable across engines: the report matches rows by it. */
  readonly id: string;
  /** The operation, as the report shows it. */
  readonly label: string;
  /** The operation measured. */
  readonly op: OpId;
  /** The mode's smallest capacity or its largest. */
  readonly size: 'small' | 'large';
  /** The numerator's implementation id. */
  readonly impl: string;
  /** The denominator's implementation id. */
  readonly over: string;
  /** Whether the row is also measured after errors. */
  readonly afterErrors: boolean;
}

/** The rows, in report order. */
export const CORE_ROWS: readonly CoreRowSpec[] = [
  { id: 'get', label: 'get(i) loop', op: 'get', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'set', label: 'set(i, x) loop', op: 'set', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'push', label: 'push (fill)', op: 'push', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'push field', label: 'push (fill)', op: 'push', size: 'small', impl: FIELD_ID, over: RAW_ID, afterErrors: true },
  { id: 'pop', label: 'pop (drain)', op: 'pop', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'pop field', label: 'pop (drain)', op: 'pop', size: 'small', impl: FIELD_ID, over: RAW_ID, afterErrors: true },
  { id: 'pushPop', label: 'push+pop', op: 'pushPop', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'pushPop field', label: 'push+pop', op: 'pushPop', size: 'small', impl: FIELD_ID, over: RAW_ID, afterErrors: true },
  { id: 'forOf', label: 'for...of', op: 'forOf', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: true },
  { id: 'forOf native', label: 'for...of', op: 'forOf', size: 'small', impl: NATIVE_ID, over: RAW_ID, afterErrors: true },
  { id: 'forOf over native', label: 'for...of', op: 'forOf', size: 'small', impl: VEC_ID, over: NATIVE_ID, afterErrors: true },
  { id: 'sum', label: 'sum()', op: 'sum', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: false },
  { id: 'sum large', label: 'sum()', op: 'sum', size: 'large', impl: VEC_ID, over: RAW_ID, afterErrors: false },
  { id: 'dot', label: 'dot(b)', op: 'dot', size: 'small', impl: VEC_ID, over: RAW_ID, afterErrors: false },
  { id: 'dot large', label: 'dot(b)', op: 'dot', size: 'large', impl: VEC_ID, over: RAW_ID, afterErrors: false },
];

/** The rows measured in `state`. */
export function coreRowsOf(state: CoreState): CoreRowSpec[] {
  return CORE_ROWS.filter((row) => state === 'clean' || row.afterErrors);
}

