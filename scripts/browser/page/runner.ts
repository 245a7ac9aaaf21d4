/**
 * The in-page test runner: Jest's globals for one suite file, run in a browser page.
 *
 * Importing this module installs `describe`, `it`, `test` (with `.each`, `.skip`,
 * `.only`, `.todo`), `xit`, `xtest`, `xdescribe`, `fit`, `fdescribe`, the four hooks,
 * `expect` (Jest's own `expect` package, so matchers and messages are Jest's) and `jest`
 * (`setTimeout`, `fn`, `spyOn`, `restoreAllMocks`) on `globalThis`. `.each` is Jest's own
 * `jest-each`, so titles format exactly as under Jest. The bundle's entry for a suite file
 * then calls {@link runFile}, which imports the file (registering its tests), runs them in
 * order as jest-circus does (hooks outermost first, `afterEach`/`afterAll` even after a
 * failure, a failing `beforeAll` failing its block's tests, async tests and hooks raced
 * against their timeout), and streams each result to Node through the binding named
 * {@link REPORT_BINDING}.
 *
 * Not supported, because the suite does not use them: snapshots, fake timers,
 * `test.concurrent`, `jest.mock` and module isolation within a file (each file gets a fresh
 * page, so files are isolated from each other as under Jest).
 *
 * @module
 */

import { expect } from 'expect';
import { bind as bindEach } from 'jest-each';
import { ModuleMocker } from 'jest-mock';
import { setImmediate } from '../shims/node-globals';
import { inspect } from '../shims/util';
import { REPORT_BINDING, type PageMessage, type TestResultMessage, type TestStatus } from '../protocol';

type Mode = 'normal' | 'skip' | 'only' | 'todo';
type TestFn = ((done: (error?: unknown) => void) => unknown) | (() => unknown);

interface Hook {
  readonly fn: TestFn;
  readonly timeout: number | undefined;
}

interface Suite {
  readonly kind: 'suite';
  readonly title: string;
  readonly parent: Suite | undefined;
  readonly mode: Mode;
  readonly children: (Suite | Test)[];
  readonly beforeAll: Hook[];
  readonly afterAll: Hook[];
  readonly beforeEach: Hook[];
  readonly afterEach: Hook[];
}

interface Test {
  readonly kind: 'test';
  readonly title: string;
  readonly parent: Suite;
  readonly mode: Mode;
  readonly fn: TestFn | undefined;
  readonly timeout: number | undefined;
}

const root: Suite = newSuite('', undefined, 'normal');
let current: Suite = root;
let hasOnly = false;
let defaultTimeout = 5_000;
let currentFile = '';
const registrationErrors: string[] = [];

function newSuite(title: string, parent: Suite | undefined, mode: Mode): Suite {
  return { kind: 'suite', title, parent, mode, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
}

function titlesOf(suite: Suite | undefined): string[] {
  const titles: string[] = [];
  for (let s = suite; s !== undefined && s !== root; s = s.parent) titles.unshift(s.title);
  return titles;
}

/** An error as Jest prints it in `failureMessages`: the stack when it names the message, else `Name: message`. */
export function describeError(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const e = error as Error;
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const head = `${e.name ?? 'Error'}: ${e.message}`;
    if (stack.includes(e.message)) return stack;
    return stack ? `${head}\n${stack.slice(stack.indexOf('\n') + 1)}` : head;
  }
  return `thrown: ${inspect(error)}`;
}

// ---- registration ---------------------------------------------------------------------

function registerDescribe(mode: Mode) {
  return (title: unknown, fn: () => unknown): void => {
    if (mode === 'only') hasOnly = true;
    const suite = newSuite(String(title), current, mode);
    current.children.push(suite);
    const parent = current;
    current = suite;
    try {
      const result = fn();
      if (result !== undefined && typeof (result as Promise<unknown>)?.then === 'function') {
        registrationErrors.push(`${[...titlesOf(suite)].join(' › ')}: a describe callback must not return a Promise (Jest fails the file too)`);
      }
    } catch (error) {
      registrationErrors.push(`${[...titlesOf(suite)].join(' › ')}: the describe callback threw\n${describeError(error)}`);
    } finally {
      current = parent;
    }
  };
}

function registerTest(mode: Mode) {
  return (title: unknown, fn?: TestFn, timeout?: number): void => {
    if (mode === 'only') hasOnly = true;
    current.children.push({ kind: 'test', title: String(title), parent: current, mode, fn, timeout });
  };
}

function registerHook(kind: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach') {
  return (fn: TestFn, timeout?: number): void => {
    current[kind].push({ fn, timeout });
  };
}

type EachCallback = Parameters<typeof bindEach>[0];

function withEach<T extends (title: unknown, fn: never, timeout?: number) => void>(fn: T, supportsDone: boolean) {
  return Object.assign(fn, { each: bindEach(fn as unknown as EachCallback, supportsDone) });
}

const describeGlobal = Object.assign(withEach(registerDescribe('normal'), false), {
  skip: withEach(registerDescribe('skip'), false),
  only: withEach(registerDescribe('only'), false),
});
const testGlobal = Object.assign(withEach(registerTest('normal'), true), {
  skip: withEach(registerTest('skip'), true),
  only: withEach(registerTest('only'), true),
  todo: (title: unknown) => registerTest('todo')(title),
});

const mocker = new ModuleMocker(globalThis);
const jestGlobal = {
  /** Jest's `jest.setTimeout`: the default timeout of this file's tests and hooks. */
  setTimeout(ms: number) {
    defaultTimeout = ms;
    return jestGlobal;
  },
  fn: mocker.fn.bind(mocker),
  spyOn: mocker.spyOn.bind(mocker),
  restoreAllMocks() {
    mocker.restoreAllMocks();
    return jestGlobal;
  },
  clearAllMocks() {
    mocker.clearAllMocks();
    return jestGlobal;
  },
};

Object.assign(globalThis, {
  describe: describeGlobal,
  fdescribe: describeGlobal.only,
  xdescribe: describeGlobal.skip,
  it: testGlobal,
  test: testGlobal,
  fit: testGlobal.only,
  xit: testGlobal.skip,
  xtest: testGlobal.skip,
  beforeAll: registerHook('beforeAll'),
  afterAll: registerHook('afterAll'),
  beforeEach: registerHook('beforeEach'),
  afterEach: registerHook('afterEach'),
  expect,
  jest: jestGlobal,
});

// ---- reporting ------------------------------------------------------------------------

type Report = (batch: PageMessage[]) => Promise<void>;
let queue: PageMessage[] = [];
let lastFlush = 0;

function report(): Report | undefined {
  return (globalThis as unknown as Record<string, Report | undefined>)[REPORT_BINDING];
}

/** Sends what is queued; failures go at once, passes in batches. */
function flush(force: boolean): void {
  const now = performance.now();
  if (!force && queue.length < 500 && now - lastFlush < 250) return;
  const send = report();
  const batch = queue;
  queue = [];
  lastFlush = now;
  if (send === undefined) {
    // Opened by hand, without the harness: show the results in the page's console instead.
    for (const message of batch) console.log(JSON.stringify(message));
    return;
  }
  void send(batch);
}

function emit(message: PageMessage): void {
  queue.push(message);
  flush(message.type !== 'test' || message.status === 'failed');
}

// ---- running --------------------------------------------------------------------------

/**
 * A macrotask boundary, so that timers, messages and the binding get their turn. Through a
 * `MessageChannel`: chained `setTimeout(0)` calls are clamped to 4 ms each by the browser.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => resolve()));
}

/** Calls a test or hook as jest-circus does: done-callback or promise raced against the timeout; a synchronous function cannot time out. */
function call(fn: TestFn, timeout: number, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (error?: unknown) => {
      if (timer !== undefined) clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const arm = () => {
      timer = setTimeout(() => reject(new Error(`Exceeded timeout of ${timeout} ms for a ${what}.\nAdd a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout.`)), timeout);
    };
    try {
      if (fn.length > 0) {
        arm();
        fn((error?: unknown) => settle(error === undefined || error === null ? undefined : error));
        return;
      }
      const result = (fn as () => unknown)();
      if (result !== null && typeof result === 'object' && typeof (result as Promise<unknown>).then === 'function') {
        arm();
        (result as Promise<unknown>).then(() => settle(), (error: unknown) => settle(error ?? new Error('a promise was rejected with no reason')));
      } else {
        settle();
      }
    } catch (error) {
      settle(error ?? new Error('threw undefined'));
    }
  });
}

function isSkipped(node: Suite | Test): boolean {
  for (let n: Suite | Test | undefined = node; n !== undefined; n = n.parent) {
    if (n.mode === 'skip') return true;
  }
  return false;
}

function isFocused(node: Suite | Test): boolean {
  for (let n: Suite | Test | undefined = node; n !== undefined; n = n.parent) {
    if (n.mode === 'only') return true;
  }
  return false;
}

function willRun(test: Test): boolean {
  return test.mode !== 'todo' && test.fn !== undefined && !isSkipped(test) && (!hasOnly || isFocused(test));
}

function* testsIn(suite: Suite): Generator<Test> {
  for (const child of suite.children) {
    if (child.kind === 'test') yield child;
    else yield* testsIn(child);
  }
}

function result(test: Test, status: TestStatus, duration: number, failureMessages: string[]): TestResultMessage {
  return { type: 'test', file: currentFile, ancestorTitles: titlesOf(test.parent), title: test.title, status, duration, failureMessages };
}

function hooksFromOutside(suite: Suite, kind: 'beforeEach' | 'afterEach'): Hook[] {
  const chain: Suite[] = [];
  for (let s: Suite | undefined = suite; s !== undefined; s = s.parent) chain.unshift(s);
  const hooks = chain.flatMap((s) => s[kind]);
  return kind === 'afterEach' ? hooks.reverse() : hooks;
}

async function runTest(test: Test, inherited: unknown[]): Promise<void> {
  if (!willRun(test)) {
    emit(result(test, test.mode === 'todo' ? 'todo' : 'pending', 0, []));
    return;
  }
  const fullName = [...titlesOf(test.parent), test.title].join(' ');
  expect.setState({
    currentTestName: fullName,
    testPath: currentFile,
    assertionCalls: 0,
    expectedAssertionsNumber: null,
    isExpectingAssertions: false,
    suppressedErrors: [],
  });
  const errors: unknown[] = [...inherited];
  const started = performance.now();
  if (errors.length === 0) {
    for (const hook of hooksFromOutside(test.parent, 'beforeEach')) {
      try {
        await call(hook.fn, hook.timeout ?? defaultTimeout, 'hook');
      } catch (error) {
        errors.push(error);
        break;
      }
    }
    if (errors.length === 0) {
      try {
        await call(test.fn!, test.timeout ?? defaultTimeout, 'test');
      } catch (error) {
        errors.push(error);
      }
    }
    for (const hook of hooksFromOutside(test.parent, 'afterEach')) {
      try {
        await call(hook.fn, hook.timeout ?? defaultTimeout, 'hook');
      } catch (error) {
        errors.push(error);
      }
    }
    for (const { error } of expect.extractExpectedAssertionsErrors()) errors.push(error);
    errors.push(...(expect.getState().suppressedErrors ?? []));
  }
  const duration = Math.round(performance.now() - started);
  emit(result(test, errors.length === 0 ? 'passed' : 'failed', duration, errors.map(describeError)));
  await yieldToEventLoop();
}

async function runSuite(suite: Suite, inherited: unknown[]): Promise<string[]> {
  const fileErrors: string[] = [];
  const runnable = [...testsIn(suite)].some(willRun);
  const errors = [...inherited];
  if (runnable && errors.length === 0) {
    for (const hook of suite.beforeAll) {
      try {
        await call(hook.fn, hook.timeout ?? defaultTimeout, 'hook');
      } catch (error) {
        errors.push(error);
        break;
      }
    }
  }
  for (const child of suite.children) {
    if (child.kind === 'test') await runTest(child, errors);
    else fileErrors.push(...(await runSuite(child, errors)));
  }
  if (runnable) {
    for (const hook of suite.afterAll) {
      try {
        await call(hook.fn, hook.timeout ?? defaultTimeout, 'hook');
      } catch (error) {
        fileErrors.push(`afterAll in ${titlesOf(suite).join(' › ') || 'the file'} failed\n${describeError(error)}`);
      }
    }
  }
  return fileErrors;
}

/**
 * Runs one suite file: imports it (its top level registers the tests), runs every test,
 * reports each result and then `file-done`. Called once, by the file's bundle entry.
 *
 * @param file - the file's path relative to the repository, for the report.
 * @param load - imports the file.
 */
export async function runFile(file: string, load: () => Promise<unknown>): Promise<void> {
  currentFile = file;
  emit({ type: 'file-start', file });
  const fileErrors: string[] = [];
  try {
    await load();
  } catch (error) {
    fileErrors.push(`the file failed to load\n${describeError(error)}`);
  }
  fileErrors.push(...registrationErrors);
  if (fileErrors.length === 0) {
    try {
      fileErrors.push(...(await runSuite(root, [])));
    } catch (error) {
      fileErrors.push(`the runner failed\n${describeError(error)}`);
    }
  }
  emit({ type: 'file-done', file, ...(fileErrors.length > 0 ? { fileError: fileErrors.join('\n\n') } : {}) });
  flush(true);
}
