// Type tests of the histories and deques (issue 12 §2), compiled by `npm run test:types`
// (tsc --noEmit), never executed. Each `@ts-expect-error` line must fail to compile.

import { F32Deque, F32History, F32Vec, F64History, I64Deque, I64History, U8History, type DequeClass, type HistoryClass } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

// The capacity literal is carried in the type, as for the vectors.
const h = new F32History(1024);
assertType<Equal<typeof h, F32History<1024>>>();
assertType<Equal<typeof h.capacity, 1024>>();
const over = F64History.over(new ArrayBuffer(F64History.bytesFor(8)), 0, 8);
assertType<Equal<typeof over, F64History<8>>>();

// Hot reads return the element type only, never `| undefined`; `at` follows Array.prototype.at.
assertType<Equal<ReturnType<typeof h.get>, number>>();
assertType<Equal<ReturnType<typeof h.at>, number | undefined>>();
assertType<Equal<ReturnType<typeof h.window>, Float32Array>>();

// The kernels return numbers for number kinds and exact bigints for the 64-bit kinds (mean: a number).
const big = new I64History(4);
assertType<Equal<ReturnType<typeof h.sum>, number>>();
assertType<Equal<ReturnType<typeof big.sum>, bigint>>();
assertType<Equal<ReturnType<typeof big.min>, bigint>>();
assertType<Equal<ReturnType<typeof big.mean>, number>>();

// Blocks and taps are typed arrays or vectors of the same kind.
h.pushBlock(new Float32Array(4));
h.pushBlock(F32Vec.of(1, 2));
h.dot(new Float32Array(4), 4);
// @ts-expect-error a Float64Array is not an F32History block
h.pushBlock(new Float64Array(4));
// @ts-expect-error a number array is not a block (convert it first)
h.pushBlock([1, 2]);
// @ts-expect-error a bigint is not an F32History sample
h.push(1n);
// @ts-expect-error a string is not a U8History sample
new U8History(2).push('1');

// Deques: pops and peeks return the element type only.
const d = new F32Deque(8);
assertType<Equal<typeof d, F32Deque<8>>>();
assertType<Equal<ReturnType<typeof d.popFront>, number>>();
assertType<Equal<ReturnType<typeof d.peekBack>, number>>();
assertType<Equal<ReturnType<typeof d.asSlices>, [Float32Array, Float32Array]>>();
const bd = new I64Deque(2);
assertType<Equal<ReturnType<typeof bd.popBack>, bigint>>();
// @ts-expect-error a number is not an I64Deque element
bd.pushBack(1);

// The barrels' union types.
const classes: HistoryClass[] = [F32History, I64History];
const deques: DequeClass[] = [F32Deque, I64Deque];
void classes;
void deques;
