/**
 * Collects the browser run's results and writes them in the shape of Jest's `--json`
 * output (`numPassedTests`, `numFailedTests`, `numTotalTests`, `testResults[]` with
 * `assertionResults[]`), plus the browser used and the files left out. A file-level error
 * (a file that failed to load, a page error, a timeout) counts as one failed test named
 * after the file, so that it can never pass unnoticed.
 *
 * @module
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExcludedFile } from './bundle';
import type { TestResultMessage } from './protocol';

interface FileState {
  readonly file: string;
  readonly tests: TestResultMessage[];
  readonly errors: string[];
  startTime: number;
  endTime: number;
}

/** One failure, for the summary. */
export interface Failure {
  readonly file: string;
  /** The full title: the describe titles and the test's, joined with ' › '. */
  readonly title: string;
  readonly message: string;
}

/** The full title of a test, as the console and the JSON show it. */
export function fullTitle(test: Pick<TestResultMessage, 'ancestorTitles' | 'title'>): string {
  return [...test.ancestorTitles, test.title].join(' › ');
}

/** The results of one run. */
export class RunResults {
  readonly #files = new Map<string, FileState>();
  readonly #startTime = Date.now();

  #state(file: string): FileState {
    let state = this.#files.get(file);
    if (state === undefined) {
      state = { file, tests: [], errors: [], startTime: Date.now(), endTime: 0 };
      this.#files.set(file, state);
    }
    return state;
  }

  /** A file is about to run. */
  startFile(file: string): void {
    this.#state(file).startTime = Date.now();
  }

  /** One test's result. */
  addTest(test: TestResultMessage): void {
    this.#state(test.file).tests.push(test);
  }

  /** An error outside any test: the file failed to load, the page threw, the file timed out. */
  addFileError(file: string, message: string): void {
    this.#state(file).errors.push(message);
  }

  /** The file is done. */
  endFile(file: string): void {
    this.#state(file).endTime = Date.now();
  }

  /** Counts over all files; a file error counts as a failed test. */
  counts(): { passed: number; failed: number; pending: number; todo: number; total: number } {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    let todo = 0;
    for (const state of this.#files.values()) {
      for (const test of state.tests) {
        if (test.status === 'passed') passed++;
        else if (test.status === 'failed') failed++;
        else if (test.status === 'pending') pending++;
        else todo++;
      }
      failed += state.errors.length;
    }
    return { passed, failed, pending, todo, total: passed + failed + pending + todo };
  }

  /** Every failure, file errors included, in run order. */
  failures(): Failure[] {
    const out: Failure[] = [];
    for (const state of this.#files.values()) {
      for (const message of state.errors) out.push({ file: state.file, title: '(error outside the tests)', message });
      for (const test of state.tests) {
        if (test.status === 'failed') out.push({ file: state.file, title: fullTitle(test), message: test.failureMessages.join('\n\n') });
      }
    }
    return out;
  }

  /** Tests per file and whether each file passed, for the summary. */
  fileSummaries(): { file: string; tests: number; failed: number; ms: number }[] {
    return [...this.#files.values()].map((s) => ({
      file: s.file,
      tests: s.tests.length,
      failed: s.tests.filter((t) => t.status === 'failed').length + s.errors.length,
      ms: Math.max(0, (s.endTime || Date.now()) - s.startTime),
    }));
  }

  /**
   * Writes the Jest-like JSON result.
   *
   * @param path - where to write it (its directory is created).
   * @param root - the repository root, for absolute test paths as Jest writes them.
   * @param extra - the browser, the exclusions, and anything else to record.
   */
  write(path: string, root: string, extra: { browser: Record<string, unknown>; excluded: ExcludedFile[] }): void {
    const c = this.counts();
    const testResults = [...this.#files.values()].map((state) => {
      const assertionResults = state.tests.map((test) => ({
        ancestorTitles: test.ancestorTitles,
        title: test.title,
        fullName: [...test.ancestorTitles, test.title].join(' '),
        status: test.status,
        duration: test.duration,
        failureMessages: test.failureMessages,
      }));
      for (const message of state.errors) {
        assertionResults.unshift({ ancestorTitles: [], title: `${state.file} (file error)`, fullName: `${state.file} (file error)`, status: 'failed', duration: 0, failureMessages: [message] });
      }
      const failed = assertionResults.some((a) => a.status === 'failed');
      return {
        name: join(root, state.file),
        status: failed ? 'failed' : 'passed',
        message: state.errors.join('\n\n'),
        startTime: state.startTime,
        endTime: state.endTime || Date.now(),
        assertionResults,
      };
    });
    const suitesFailed = testResults.filter((r) => r.status === 'failed').length;
    const json = {
      success: c.failed === 0 && c.total > 0,
      startTime: this.#startTime,
      numTotalTestSuites: testResults.length,
      numPassedTestSuites: testResults.length - suitesFailed,
      numFailedTestSuites: suitesFailed,
      numTotalTests: c.total,
      numPassedTests: c.passed,
      numFailedTests: c.failed,
      numPendingTests: c.pending,
      numTodoTests: c.todo,
      failures: this.failures(),
      testResults,
      ...extra,
    };
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  }
}
