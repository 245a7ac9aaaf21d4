/**
 * `node:assert` for the browser bundle: `assert(value, message)` and `assert.ok`, the
 * only forms Jest's packages use.
 *
 * @module
 */

/** Throws an `Error` with `message` unless `value` is truthy. */
function assert(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? 'assertion failed');
}
assert.ok = assert;
export default assert;
