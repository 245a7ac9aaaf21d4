/**
 * Keeping each exported class's `name` the one it has in the source.
 *
 * @internal
 * @module
 */

/**
 * Gives `cls` the `name` it has in the source, when it has another. Bundlers rename a class
 * whose name another module of the bundle (or an enclosing scope) declares too (esbuild makes
 * `F64Vec2` and `_Slab`), and minifiers rename every class; `console.log`, stack traces and
 * users' code read `name`. So every exported class calls this in a static block of its own.
 * Unbundled, the name is already right and nothing changes.
 */
export function pinName(cls: { readonly name: string }, name: string): void {
  if (cls.name !== name) Object.defineProperty(cls, 'name', { value: name });
}
