/**
 * What the benchmark page sends to Node (`run.ts`), through the binding the runner exposes
 * on the page's context (`window[BENCH_BINDING](message)`), as the test harness's pages do
 * through theirs (`../protocol.ts`). Imported by both sides; no code, only names and types.
 *
 * @module
 */

import type { PhaseResult } from '../../../benchmarks/engine-phases.js';

/** The name of the function the Node side exposes in the benchmark page. */
export const BENCH_BINDING = '__slabvecBenchReport';

/** A progress line, for the console. */
export interface BenchProgressMessage {
  readonly type: 'progress';
  readonly message: string;
}

/** The phase finished: its result. */
export interface BenchResultMessage {
  readonly type: 'result';
  readonly result: PhaseResult;
}

/** The phase failed. */
export interface BenchErrorMessage {
  readonly type: 'error';
  /** The error's stack, or its message. */
  readonly message: string;
}

/** Any message from the benchmark page. */
export type BenchMessage = BenchProgressMessage | BenchResultMessage | BenchErrorMessage;
