/**
 * A suite file with one failing test, added to the run by `npm run test:browser --
 * --inject-failure` to check that the harness reports a failure and exits non-zero. Not
 * under __tests__/, so neither Jest nor the normal browser run ever picks it up.
 *
 * @module
 */

import { F64Vec } from '../../../src/index';

describe('injected failure (--inject-failure)', () => {
  it('fails on purpose: F64Vec.of(1, 2).sum() is 3, not 4', () => {
    expect(F64Vec.of(1, 2).sum()).toBe(4);
  });

  it('passes: F64Vec.of(1, 2).sum() is 3', () => {
    expect(F64Vec.of(1, 2).sum()).toBe(3);
  });
});
