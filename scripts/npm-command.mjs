// How the build scripts run npm: as the npm that runs them (npm_execpath, under the same
// Node), else the one on PATH, with the `npm_*` variables dropped so that the nested npm
// does not inherit this repository's prefix or configuration.

/**
 * The command, leading arguments and environment for running `npm <args>`.
 *
 * @returns {{ file: string, prefix: string[], env: NodeJS.ProcessEnv }}
 */
export function npmCommand() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const cli = process.env.npm_execpath;
  const [file, prefix] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  return { file, prefix, env };
}
