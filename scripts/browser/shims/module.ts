/**
 * `node:module` for the browser bundle: `stack-utils` reads `builtinModules` to tell
 * Node's internal frames from user frames; in the page there are none.
 *
 * @module
 */

/** No built-in modules in a browser. */
export const builtinModules: string[] = [];
export default { builtinModules };
