/**
 * What the in-page runner sends to Node, through the binding the launcher exposes on
 * every page (`window[REPORT_BINDING](batch)`): one JSON-safe message per event, batched.
 * Imported by both sides; no code, only names and types.
 *
 * @module
 */

/** The name of the function the Node side exposes in every page. */
export const REPORT_BINDING = '__slabvecBrowserReport';

/** Jest's statuses for one test. */
export type TestStatus = 'passed' | 'failed' | 'pending' | 'todo';

/** One test's outcome, in Jest's `assertionResults` shape. */
export interface TestResultMessage {
  readonly type: 'test';
  /** The suite file, relative to the repository (`__tests__/model.test.ts`). */
  readonly file: string;
  /** The enclosing `describe` titles, outermost first. */
  readonly ancestorTitles: string[];
  readonly title: string;
  readonly status: TestStatus;
  /** Wall time of the test and its `beforeEach`/`afterEach` hooks, in milliseconds. */
  readonly duration: number;
  /** The errors, each as Jest prints it: the message, then the stack. */
  readonly failureMessages: string[];
}

/** The runner started: the page loaded, and the file is being imported. */
export interface FileStartMessage {
  readonly type: 'file-start';
  readonly file: string;
}

/** The file finished: every test was reported. */
export interface FileDoneMessage {
  readonly type: 'file-done';
  readonly file: string;
  /** An error that stopped the file before or outside its tests (an import failure, a throwing `describe`), if any. */
  readonly fileError?: string;
}

/** Any message from the page. */
export type PageMessage = FileStartMessage | TestResultMessage | FileDoneMessage;
