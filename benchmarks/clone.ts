/**
 * Separate compiled copies of one benchmark loop, one per implementation.
 *
 * V8 keeps type feedback per function literal: closures made from one literal (for
 * instance by a factory called once per implementation) share it, so a loop that sees
 * F64Vec, Array and OptionVec in turn turns megamorphic and is measured slower for all of
 * them (docs/design.md, "One class literal per element type"). Compiling each copy from its own source text, with a
 * distinct name, gives every copy its own feedback and optimized code; the distinct name
 * also defeats V8's cache of compiled `Function` sources and shows up in `--trace-opt`
 * and `--trace-deopt` output (`push_F64Vec_1024`).
 *
 * This is benchmark-only code generation; the library itself never uses `new Function`.
 *
 * @module
 */

/**
 * Compiles a fresh copy of `fn` from its source text, renamed to `name`.
 *
 * `fn` must be a `function` declaration or expression that refers to nothing outside
 * its own body except globals: the copy is compiled in the global scope, so a reference
 * to a module binding throws a `ReferenceError` when the copy first runs.
 *
 * @param fn - the template function.
 * @param name - a name unique to this copy (non-identifier characters become `_`).
 * @returns the copy, with `fn`'s type.
 * @throws Error when `fn`'s source is not a `function`.
 */
export function compileCopy<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  const source = fn.toString();
  const identifier = name.replace(/[^A-Za-z0-9_$]/g, '_');
  const header = /^function\s*[\w$]*\s*\(/;
  if (!header.test(source)) throw new Error(`compileCopy: ${fn.name || 'anonymous'} is not a function declaration: ${source.slice(0, 40)}`);
  const renamed = source.replace(header, `function ${identifier}(`);
  const factory = new Function(`"use strict";\nreturn (${renamed});\n//# sourceURL=slabvec-bench/${identifier}.js`) as () => F;
  return factory();
}
