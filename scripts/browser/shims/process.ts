/**
 * A minimal `process` for the browser bundle, injected for every free `process` reference
 * (Jest's packages read `process.env`, `process.platform` and `process.cwd()`); also the
 * module `node:process`. slabvec itself never touches `process`.
 *
 * @module
 */

/** The stand-in: no environment, a `/` working directory, `nextTick` as a microtask. */
export const process = {
  env: { NODE_ENV: 'test' } as Record<string, string | undefined>,
  argv: [] as string[],
  platform: 'browser',
  version: '',
  versions: {} as Record<string, string>,
  pid: 0,
  exitCode: undefined as number | undefined,
  stdout: { isTTY: false, write: () => true },
  stderr: { isTTY: false, write: () => true },
  cwd: (): string => '/',
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => fn(...args)),
  emitWarning: (): void => undefined,
  on: (): unknown => process,
  hrtime: Object.assign((): [number, number] => [0, 0], { bigint: (): bigint => 0n }),
};

export default process;
