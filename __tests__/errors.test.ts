/**
 * The error vocabulary's shared pieces: the one article rule, and operand descriptions that
 * name typed arrays and vectors as they are read aloud.
 */

import { F32Vec, F64Vec, OptionVec, U8Vec } from '../src/index';
import { describeOperand, withArticle } from '../src/errors';
import { ELEMENT_SPECS } from '../scripts/element-types';
import { caught } from './support/assertions';

describe('withArticle', () => {
  it.each([
    ['F64Vec', 'an'],
    ['I32Vec', 'an'],
    ['U8Vec', 'a'],
    ['U8ClampedVec', 'a'],
    ['OptionVec', 'an'],
    ['Float32Array', 'a'],
    ['Float64Array', 'a'],
    ['Int8Array', 'an'],
    ['Uint8Array', 'a'],
    ['BigInt64Array', 'a'],
    ['Array', 'an'],
  ])('%s takes "%s"', (name, article) => {
    expect(withArticle(name)).toBe(`${article} ${name}`);
  });

  it('has an answer for every class and typed array of the element table', () => {
    for (const spec of ELEMENT_SPECS) {
      expect(withArticle(spec.className)).toMatch(/^an? /);
      expect(withArticle(spec.arrayName)).toMatch(/^an? /);
    }
  });
});

describe('operand descriptions', () => {
  it('name a typed array or vector by its tag and length, with the right article', () => {
    expect(describeOperand(new Float32Array(3))).toBe('a Float32Array of length 3');
    expect(describeOperand(new Int16Array(1))).toBe('an Int16Array of length 1');
    expect(describeOperand(F64Vec.of(1, 2))).toBe('an F64Vec of length 2');
    expect(describeOperand(U8Vec.of(1))).toBe('a U8Vec of length 1');
    expect(describeOperand({})).toBe('an object ([object Object])');
  });

  it('appear in kernel errors: "got a Float32Array", never "got an Float32Array"', () => {
    const error = caught(() => F64Vec.of(1, 2).add(new Float32Array(2) as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('got a Float32Array of length 2');
    const out = caught(() => F32Vec.of(1).add(1, OptionVec.of(1) as never));
    expect(out.message).toContain('out must be an F32Vec of the same length, got an OptionVec of length 1');
  });
});
