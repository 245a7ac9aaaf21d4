// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.

import { F64Vec, I32Vec, I64Vec, U64Vec } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

const f = new F64Vec(4);
const i = new I64Vec(4);
const u = new U64Vec(4);

// number vectors hold numbers, bigint vectors hold bigints. `get`, `push`, `view`,
// `toTypedArray` and `toJSON` are checked for every class in element-table.types.ts.
assertType<Equal<ReturnType<typeof u.pop>, bigint>>();
assertType<Equal<ReturnType<typeof f.at>, number | undefined>>();

f.push(1.5);
i.push(1n);
// @ts-expect-error a bigint does not go into a number vector
f.push(1n);
// @ts-expect-error a number does not go into a bigint vector
i.push(1);
// @ts-expect-error nor into an unsigned one
u.set(0, 2);
// @ts-expect-error strings are not elements
new I32Vec(2).push('1');
// @ts-expect-error extend checks element types too
f.extend([1n, 2n]);
// @ts-expect-error a BigInt64Array is not a number source
f.extend(new BigInt64Array(2));
i.extend(new BigInt64Array(2));
f.extend(new Float32Array(2));

// Iteration yields the element type.
for (const x of i) {
  assertType<Equal<typeof x, bigint>>();
}
for (const [index, x] of f.entries()) {
  assertType<Equal<typeof index, number>>();
  assertType<Equal<typeof x, number>>();
}
