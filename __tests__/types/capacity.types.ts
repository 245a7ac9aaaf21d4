// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.
// Each `@ts-expect-error` line must fail to compile; if it ever compiles, tsc reports the
// directive as unused and the type tests fail.

import { F32Vec, F64Vec, I64Vec, OptionVec, U64Vec, U8Vec, type FixedVec } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

// The capacity literal is carried in the type.
const v16 = new F64Vec(16);
assertType<Equal<typeof v16, F64Vec<16>>>();
assertType<Equal<typeof v16.capacity, 16>>();
const c: 16 = v16.capacity;
void c;

// A capacity known only at run time is `number`.
declare const n: number;
const dyn = new F32Vec(n);
assertType<Equal<typeof dyn, F32Vec<number>>>();

// `of` counts its items; `from` takes the capacity literal it is given.
const three = F64Vec.of(1, 2, 3);
assertType<Equal<typeof three.capacity, 3>>();
const fromCap = U8Vec.from([1, 2], 8);
assertType<Equal<typeof fromCap, U8Vec<8>>>();
const fromNoCap = U8Vec.from([1, 2]);
assertType<Equal<typeof fromNoCap, U8Vec<number>>>();

// clone keeps the capacity type.
assertType<Equal<ReturnType<typeof v16.clone>, F64Vec<16>>>();

// A vector with a different capacity is a different type.
// @ts-expect-error F64Vec<16> is not an F64Vec<8>
const wrongCapacity: F64Vec<8> = v16;
void wrongCapacity;

// Every class implements the shared interface with its capacity.
const asInterface: FixedVec<number, 16, Float64Array> = v16;
void asInterface;
const big: FixedVec<bigint, 4, BigInt64Array> = new I64Vec(4);
void big;

// A slab keeps the capacity literal and the class of what it allocates.
import { F32Vec as F32, Slab, U16Vec } from '../../src/index';
const slab = new Slab(4096);
const xs = slab.alloc(F32, 1024);
assertType<Equal<typeof xs, F32<1024>>>();
const ids = slab.tryAlloc(U16Vec, 8);
assertType<Equal<typeof ids, U16Vec<8> | null>>();
// @ts-expect-error only slabvec's typed vector classes can be allocated
slab.alloc(Float64Array, 8);

// OptionVec: `new OptionVec(4)` means numbers, with the capacity literal; other element
// types are given with both parameters, or inferred from elements.
const ov4 = new OptionVec(4);
assertType<Equal<typeof ov4, OptionVec<number, 4>>>();
ov4.push(1.5);
// @ts-expect-error an OptionVec made without type arguments holds numbers
ov4.push('a');
const os = new OptionVec<string, 8>(8);
assertType<Equal<typeof os.capacity, 8>>();
os.push('a');
// @ts-expect-error and one of strings holds strings
os.push(1);
const ofrom = OptionVec.from(['a', 'b'], 8);
assertType<Equal<typeof ofrom, OptionVec<string, 8>>>();
const oof = OptionVec.of(1, 2, 3);
assertType<Equal<typeof oof, OptionVec<number, 3>>>();
