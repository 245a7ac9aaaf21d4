// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.
// `NumVec` is the numeric interface of every number vector; calls on a union of classes
// compile because each kernel has one signature that is the same in every class. Each
// `@ts-expect-error` line must fail to compile.

import { F32Vec, F64Vec, I16Vec, I32Vec, I64Vec, I8Vec, OptionVec, U16Vec, U32Vec, U64Vec, U8ClampedVec, U8Vec, type NumVec } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

// A function over the interface accepts every number class and OptionVec<number>.
const shifted = (v: NumVec): number => v.add(1).sum();
shifted(new F64Vec(4));
shifted(new F32Vec(4));
shifted(new I32Vec(4));
shifted(new U32Vec(4));
shifted(new I16Vec(4));
shifted(new U16Vec(4));
shifted(new I8Vec(4));
shifted(new U8Vec(4));
shifted(new U8ClampedVec(4));
shifted(new OptionVec<number>(4));
shifted(new OptionVec<number, 4>(4));
// @ts-expect-error the bigint classes are not NumVecs
shifted(new I64Vec(4));
// @ts-expect-error the bigint classes are not NumVecs
shifted(new U64Vec(4));
// @ts-expect-error nor is an OptionVec of anything but numbers
shifted(new OptionVec<string>(4));
// @ts-expect-error nor a typed array
shifted(new Float64Array(4));

// Each kernel through the interface; the in-place forms return the receiver's type.
function kernels(v: NumVec, w: NumVec, out: NumVec): void {
  assertType<Equal<ReturnType<typeof v.sum>, number>>();
  const r = v.add(1).sub(w).mul(new Float64Array(v.length)).div(2).scale(3).axpy(2, w).clamp(0, 1).abs().map((x) => x + 1);
  assertType<Equal<typeof r, NumVec>>();
  const o = v.add(w, out);
  assertType<Equal<typeof o, NumVec>>();
  v.sub(1, out);
  v.mul(w, out);
  v.div(w, out);
  v.scale(2, out);
  v.axpy(2, w, out);
  v.clamp(0, 1, out);
  v.abs(out);
  v.map((x, i) => x * i, out);
  const n: number = v.dot(w) + v.sum() + v.mean() + v.min() + v.max() + v.argmin() + v.argmax() + v.sumOfSquares() + v.norm();
  void n;
  v.copyFrom([1, 2]);
  v.copyTo(new Float32Array(v.length));
  assertType<Equal<ReturnType<typeof v.clone>, NumVec>>();
  // @ts-expect-error a bigint is not a number operand
  v.add(1n);
  // @ts-expect-error nor a bigint typed array
  v.dot(new BigInt64Array(2));
  // @ts-expect-error out must be a number vector
  v.scale(2, new I64Vec(2));
  // @ts-expect-error map's fn returns numbers
  v.map(() => 'x');
}
void kernels;

// Calls on a union of classes compile, and keep the union (or out's type) as the result.
declare const u: F64Vec<16> | F32Vec<16>;
declare const u2: F64Vec | F32Vec;
declare const f64: F64Vec;
declare const f32: F32Vec<8>;
const a1 = u.add(1);
assertType<Equal<typeof a1, F64Vec<16> | F32Vec<16>>>();
const a2 = u.sub(u2);
assertType<Equal<typeof a2, F64Vec<16> | F32Vec<16>>>();
const a3 = u.mul(new Float32Array(16));
assertType<Equal<typeof a3, F64Vec<16> | F32Vec<16>>>();
const a4 = u.div(2, f32);
assertType<Equal<typeof a4, F32Vec<8>>>();
const a5 = u.axpy(2, u2);
assertType<Equal<typeof a5, F64Vec<16> | F32Vec<16>>>();
const a6 = u.axpy(2, f64, f64);
assertType<Equal<typeof a6, F64Vec>>();
const d: number = u.dot(u2) + u.dot(new Float64Array(16));
void d;
const s1 = u.scale(2);
assertType<Equal<typeof s1, F64Vec<16> | F32Vec<16>>>();
const s2 = u.scale(2, u2);
assertType<Equal<typeof s2, F64Vec | F32Vec>>();
u.clamp(0, 1, u2);
u.abs(u2);
u.map((x) => x, u2);
const r: number = u.sum() + u.mean() + u.min() + u.max() + u.argmin() + u.argmax() + u.sumOfSquares() + u.norm();
void r;
u.copyFrom([1, 2]);
u.copyTo([] as number[]);
// A union's operand types are its members' operands (the wrong member's throws at run time)...
u.add(f32);
// @ts-expect-error ...and nothing else: not another class's vector,
u.add(new I32Vec(16));
// @ts-expect-error not another typed array,
u.add(new Int32Array(16));
// @ts-expect-error not an out of another class.
u.add(1, new U8Vec(16));
// @ts-expect-error not a bigint scalar
u.scale(2n);

// A wider union, with OptionVec<number> in it.
declare const w: F64Vec | I32Vec | U8ClampedVec | OptionVec<number>;
const w1 = w.add(1).scale(2);
assertType<Equal<typeof w1, F64Vec | I32Vec | U8ClampedVec | OptionVec<number>>>();
w.add(w).sub(w).mul(w).div(w).axpy(1, w);
w.add(1, w).abs(w);
const wd: number = w.dot(w) + w.sum() + w.mean() + w.min() + w.max() + w.argmin() + w.argmax() + w.sumOfSquares() + w.norm();
w.clamp(0, 1).abs().map((x) => x);
w.copyFrom([1]);
w.copyTo(new Float64Array(2));
void wd;
// OptionVec<number> also takes arrays of numbers, so the union does.
w.add([1, 2, 3]);

// The union value is a NumVec.
const asNum: NumVec = u;
void asNum;
shifted(w);

// The precise types of one class are unchanged.
const v16 = new F64Vec(16);
const out8 = new F64Vec(8);
const p1 = v16.add(1);
assertType<Equal<typeof p1, F64Vec<16>>>();
const p2 = v16.add(1, out8);
assertType<Equal<typeof p2, F64Vec<8>>>();
const p3 = v16.axpy(2, new Float64Array(16), out8);
assertType<Equal<typeof p3, F64Vec<8>>>();
const p4 = v16.scale(2, out8);
assertType<Equal<typeof p4, F64Vec<8>>>();
// @ts-expect-error an F64Vec takes no F32Vec operand
v16.add(f32);
// @ts-expect-error nor a Float32Array
v16.add(new Float32Array(16));
// @ts-expect-error nor an out of another class
v16.add(1, f32);
// @ts-expect-error nor a dot with another class
v16.dot(f32);
// @ts-expect-error nor an array (only OptionVec<number> takes arrays)
v16.add([1, 2]);
const ov = new OptionVec<number, 4>(4);
const o1 = ov.add(1);
assertType<Equal<typeof o1, OptionVec<number, 4>>>();
const o2 = ov.add(v16, new OptionVec<number, 2>(2));
assertType<Equal<typeof o2, OptionVec<number, 2>>>();
// @ts-expect-error an OptionVec<string> has no callable kernels
new OptionVec<string>(2).add(1);
// @ts-expect-error nor does a union with one
(ov as OptionVec<number> | OptionVec<string>).sum();

// The bigint classes keep their own kernels; they are not NumVecs.
// @ts-expect-error an I64Vec is not a NumVec
const notNum: NumVec = new I64Vec(2);
void notNum;

// NumVec's helper types.
assertType<Equal<NumVec.Like<F64Vec<16>>, F64Vec>>();
assertType<Equal<NumVec.Like<F64Vec<16> | U8Vec<2>>, F64Vec | U8Vec>>();
assertType<Equal<NumVec.Like<OptionVec<number, 3>>, OptionVec<number>>>();
assertType<Equal<NumVec.Like<NumVec>, NumVec>>();
assertType<Equal<NumVec.Operand<F32Vec<4>>, F32Vec | Float32Array>>();
assertType<Equal<NumVec.Operand<OptionVec<number>>, OptionVec.Operand>>();
