/**
 * `OptionVec<number>` vectors whose elements are not all numbers: what a type cast lets
 * in (a typed vector cannot hold such an element). Every kernel must refuse them with a
 * TypeError naming the method and the index, run no user code, and change nothing. Each
 * kernel suite passes its own kernels to the checks here.
 */

import { OptionVec } from '../../src/index';

/** An `OptionVec<number>` as the kernels are called on it. */
export type NumberOptionVec = OptionVec<number>;

/** A kernel call by method name, for a table of calls. */
export type KernelCall = readonly [method: string, call: () => unknown];

/** The kernels a suite checks, called on `v` with `other` as operand and `out` where they take one. */
export type KernelCalls = (v: NumberOptionVec, other: NumberOptionVec, out: NumberOptionVec) => KernelCall[];

/** An OptionVec<number> holding `items`, with `spare` free slots. */
export function optionVecOf(items: readonly number[], spare = 2): NumberOptionVec {
  return OptionVec.from<number, number>(items, items.length + spare);
}

/** An OptionVec<number> whose elements are not all numbers, built through a type cast. */
export function castVec(items: readonly unknown[], spare = 2): NumberOptionVec {
  return OptionVec.from<{} | null, number>(items as ({} | null)[], items.length + spare) as unknown as NumberOptionVec;
}

/** Values that are not numbers, each one a type cast could put into an OptionVec<number>. */
export const NON_NUMBERS: readonly (readonly [string, unknown])[] = [
  ['a string', '7'],
  ['null', null],
  ['an object', {}],
  ['a bigint', 1n],
  ['a boolean', true],
  ['a symbol', Symbol('s')],
  ['an array', [1]],
];

/**
 * Calls every kernel of `calls` on vectors holding `bad` among numbers, at lengths 10 and
 * 300 (one leaf of the pairwise sums, and several). The bad element comes late, so that a
 * writing kernel that checked inside its loop would already have written.
 */
export function expectNonNumberElementRefused(bad: unknown, calls: KernelCalls): void {
  for (const length of [10, 300]) {
    const at = length - 2;
    const items: unknown[] = Array.from({ length }, (_, i) => (i === at ? bad : i + 0.5));
    const otherItems = Array.from({ length }, (_, i) => i * 2);
    const outItems = Array.from({ length }, () => 7);
    const v = castVec(items);
    const other = optionVecOf(otherItems);
    const out = optionVecOf(outItems);
    for (const [method, call] of calls(v, other, out)) {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(`OptionVec.${method}: expected a number at index ${at}, got `);
    }
    expect([v.toArray(), other.toArray(), out.toArray()]).toEqual([items, otherItems, outItems]);
  }
}

/**
 * Calls each of `calls` with an operand holding the string `"x"` at index 8 of 10: each must
 * throw naming the operand and the index, and change nothing.
 */
export function expectNonNumberOperandRefused(calls: (v: NumberOptionVec, bad: NumberOptionVec, out: NumberOptionVec) => KernelCall[]): void {
  const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const badItems = [1, 2, 3, 4, 5, 6, 7, 8, 'x', 10];
  const v = optionVecOf(items);
  const bad = castVec(badItems);
  const out = optionVecOf(items.map(() => 7));
  for (const [method, call] of calls(v, bad, out)) {
    expect(call).toThrow(`OptionVec.${method}: expected a number at index 8 of the operand, got "x"`);
  }
  expect([v.toArray(), bad.toArray(), out.toArray()]).toEqual([items, badItems, items.map(() => 7)]);
}

/**
 * An element with a `valueOf` must be refused, not converted: every call of `calls` (on a
 * vector holding one) and of `operandCalls` (with an operand holding one) throws a
 * TypeError, and none calls `valueOf`.
 */
export function expectValueOfNeverCalled(calls: KernelCalls, operandCalls: (v: NumberOptionVec, bad: NumberOptionVec) => KernelCall[]): void {
  let called = 0;
  const tricky = { valueOf: () => (called++, 1) };
  for (const [, call] of calls(castVec([1, tricky]), optionVecOf([1, 2]), optionVecOf([0, 0]))) expect(call).toThrow(TypeError);
  for (const [, call] of operandCalls(optionVecOf([1, 2]), castVec([1, tricky]))) expect(call).toThrow(TypeError);
  expect(called).toBe(0);
}
