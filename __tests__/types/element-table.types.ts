// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.
// Every check here runs over the rows of the element table (scripts/element-types.ts), so a
// new row is checked with no line here to add: `RowChecks` maps each row id to `true` when
// its class has the row's types, and a `false` names the row in tsc's error.

import type { ELEMENT_SPECS, ElementClassName, ElementId } from '../../scripts/element-types';
import type * as Library from '../../src/index';
import type { FixedVec, TypedVecClass, TypedVecOf } from '../../src/index';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}
/** Compiles only when every row's check is `true`. */
function assertEveryRow<T extends Record<ElementId, true>>(): T | void {}

type Row = (typeof ELEMENT_SPECS)[number];
type ClassOf<R extends Row> = (typeof Library)[R['className']];
type VecOf<R extends Row> = InstanceType<ClassOf<R>>;
type ElementOf<R extends Row> = R['elementType'] extends 'bigint' ? bigint : number;
/** The row's typed array type as the library's signatures write it (`Float64Array`, any buffer). */
type ArrayOf<R extends Row> = (typeof globalThis)[R['arrayName']]['prototype'];
/** Whether `V` is a `FixedVec<E, N, A>` (the conditional defers the check of `A`'s elements). */
type Implements<V, E, N extends number, A> = A extends ArrayLike<E> ? (V extends FixedVec<E, N, A> ? true : false) : false;
type RowChecks<Check extends { [R in Row as R['id']]: boolean }> = Check;

// The table's classes are exactly the classes Slab.alloc takes, and their ids the table's.
assertType<Equal<(typeof Library)[ElementClassName], TypedVecClass>>();
assertType<Equal<TypedVecClass['elementType'], ElementId>>();

// Each class holds the row's element type...
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ReturnType<VecOf<R>['get']>, ElementOf<R>> }>>();
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<Parameters<VecOf<R>['push']>[0], ElementOf<R>> }>>();
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ReturnType<VecOf<R>['toJSON']>, ElementOf<R> extends bigint ? string[] : number[]> }>>();
// ...in the row's typed array...
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ReturnType<VecOf<R>['view']>, ArrayOf<R>> }>>();
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ReturnType<VecOf<R>['toTypedArray']>, ArrayOf<R>> }>>();
// ...with the row's statics...
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ClassOf<R>['elementType'], R['id']> }>>();
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<ClassOf<R>['BYTES_PER_ELEMENT'], R['bytes']> }>>();
// ...and carries its capacity: through TypedVecOf (what Slab.alloc returns) and the interface.
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Implements<TypedVecOf<ClassOf<R>, 4>, ElementOf<R>, 4, ArrayOf<R>> }>>();
assertEveryRow<RowChecks<{ [R in Row as R['id']]: Equal<TypedVecOf<ClassOf<R>, 4>['capacity'], 4> }>>();
