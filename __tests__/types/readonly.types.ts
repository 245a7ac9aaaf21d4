// Type tests, compiled by `npm run test:types` (tsc --noEmit) in CI, never executed.

import { F64Vec, U16Vec, type FixedVec } from '../../src/index';

const v = new F64Vec(8);
const w: FixedVec<number> = new U16Vec(2);

// @ts-expect-error length is read-only: use push, pop, truncate, resize
v.length = 3;
// @ts-expect-error capacity is fixed at construction
v.capacity = 16;
// @ts-expect-error isEmpty is derived
v.isEmpty = true;
// @ts-expect-error remaining is derived
v.remaining = 1;
// @ts-expect-error read-only through the interface too
w.length = 0;
// @ts-expect-error the storage is private
v.data;
// @ts-expect-error there are no index properties: use get/set or view()
v[0] = 1;
