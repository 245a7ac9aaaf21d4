/**
 * Makes all eleven typed vector classes live in the process before anything is measured,
 * as in an application that uses several element types: any code the classes share then
 * carries feedback from all of them, and a measurement shows what that costs.
 *
 * @module
 */

import { F32Vec, F64Vec, I16Vec, I32Vec, I64Vec, I8Vec, U16Vec, U32Vec, U64Vec, U8ClampedVec, U8Vec, type FixedVec } from '../src/index.js';

/** Cycles per class: enough for the shared helpers to be optimized with feedback from every class. */
export const EXERCISE_CYCLES = 2000;

/** One round of every common method on `v` (capacity 16) with elements made by `make`. */
function cycle<T extends number | bigint>(v: FixedVec<T>, make: (i: number) => T): number {
  v.clear();
  for (let i = 0; i < 8; i++) v.push(make(i));
  v.set(0, v.get(7));
  v.insert(0, make(3));
  v.extend([make(1), make(2)]);
  let acc = Number(v.remove(1)) + Number(v.swapRemove(2)) + Number(v.pop());
  for (const x of v) acc += Number(x);
  acc += v.view().length + (v.at(-1) === undefined ? 0 : 1) + v.indexOf(make(2));
  const withSum = v as unknown as { sum?: () => number | bigint };
  if (typeof withSum.sum === 'function') acc += Number(withSum.sum());
  return acc;
}

/**
 * Constructs each of the eleven classes and runs {@link cycle} on it many times.
 *
 * @returns a checksum of the work, to be printed.
 */
export function exerciseAllElementTypes(): number {
  const numberClasses = [F64Vec, F32Vec, I32Vec, U32Vec, I16Vec, U16Vec, I8Vec, U8Vec, U8ClampedVec];
  const bigintClasses = [I64Vec, U64Vec];
  let acc = 0;
  for (let k = 0; k < EXERCISE_CYCLES; k++) {
    for (const Vec of numberClasses) acc += cycle<number>(new Vec(16), (i) => i + 1);
    for (const Vec of bigintClasses) acc += cycle<bigint>(new Vec(16), (i) => BigInt(i + 1));
  }
  return acc;
}
