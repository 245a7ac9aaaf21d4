/**
 * Two copies of slabvec in one program (its ES module and CommonJS builds, or two installed
 * versions) have separate classes: a vector of one is not an operand of the other's
 * methods. The errors say so, and what to do, instead of "expected an F64Vec, got an F64Vec".
 * The second copy here is a fresh load of the sources through Jest's module registry (the
 * packaging test does the same with the built ESM and CommonJS files).
 */

import { F32Vec, F64Vec, OptionVec, Slab, Table } from '../src/index';

type Library = typeof import('../src/index');

let other!: Library;
jest.isolateModules(() => {
  other = require('../src/index') as Library;
});

const FOREIGN = /from another copy of slabvec: its ES module and CommonJS builds \(or two installed versions\) are separate classes, so load slabvec one way in the whole program \(all import, or all require\)/;

test('the second copy has classes of its own', () => {
  expect(other.F64Vec).not.toBe(F64Vec);
  expect(new other.F64Vec(1)).not.toBeInstanceOf(F64Vec);
});

test('an operand or an out vector of the other copy: the message says why', () => {
  const v = F64Vec.of(1, 2, 3);
  expect(() => v.add(other.F64Vec.of(1, 2, 3) as never)).toThrow(FOREIGN);
  expect(() => v.add(other.F64Vec.of(1, 2, 3) as never)).toThrow(/^F64Vec\.add: expected .*, got an F64Vec of length 3 \(an F64Vec from another copy/);
  expect(() => v.dot(other.F64Vec.of(1, 2, 3) as never)).toThrow(FOREIGN);
  expect(() => v.scale(2, new other.F64Vec(3) as never)).toThrow(FOREIGN);
  expect(v.toArray()).toEqual([1, 2, 3]);
});

test('a vector of another class of this copy is an ordinary mismatch, with no such note', () => {
  const v = F64Vec.of(1, 2, 3);
  let message = '';
  try {
    v.add(F32Vec.of(1, 2, 3) as never);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/^F64Vec\.add: expected .*got an F32Vec of length 3 \(convert it first/);
  expect(message).not.toMatch(FOREIGN);
});

test('a class of the other copy for Slab.alloc or a Table schema: the message says why', () => {
  expect(() => new Slab(64).alloc(other.F32Vec as never, 4)).toThrow(FOREIGN);
  expect(() => new Table(4, { x: other.F32Vec } as never)).toThrow(FOREIGN);
  expect(() => new Table(4, { x: OptionVec } as never)).not.toThrow(FOREIGN);
});

test('the note names the class by its vectors\' tag, so a bundled copy whose class was renamed gets it too', () => {
  // esbuild renames classes in a bundle (`F32Vec2`, `_F32Vec`); the tag stays.
  Object.defineProperty(other.F32Vec, 'name', { value: 'F32Vec2', configurable: true });
  try {
    expect(() => new Slab(64).alloc(other.F32Vec as never, 4)).toThrow(/\(F32Vec from another copy of slabvec/);
  } finally {
    Object.defineProperty(other.F32Vec, 'name', { value: 'F32Vec', configurable: true });
  }
  class Unrelated {}
  expect(() => new Slab(64).alloc(Unrelated as never, 4)).not.toThrow(FOREIGN);
});
