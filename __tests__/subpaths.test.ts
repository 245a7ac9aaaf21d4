/**
 * The subpath exports (`slabvec/f32`, ..., `slabvec/errors`): package.json names one per
 * element type and one for the errors, each pointing at the module that holds them in both
 * builds, and each module exports exactly that type's classes (the errors), the very objects
 * of the root export. The pack test loads them from the installed tarball.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as root from '../src/index';
import * as errors from '../src/error-classes';
import { ELEMENT_SPECS } from '../scripts/element-types';

type Conditions = Record<'import' | 'require', Record<'types' | 'default', string>>;
const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { exports: Record<string, Conditions | string> };

/** What package.json must say for the subpath served by `module` (a path under src/, no extension). */
function expectedEntry(module: string): Conditions {
  const build = (format: string) => ({ types: `./dist/${format}/${module}.d.ts`, default: `./dist/${format}/${module}.js` });
  return { import: build('esm'), require: build('cjs') };
}

describe('package.json exports', () => {
  it('has the root, one subpath per element type, the errors and package.json, and nothing else', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', ...ELEMENT_SPECS.map((spec) => `./${spec.id}`), './errors', './package.json']);
  });

  it.each(ELEMENT_SPECS.map((spec) => [spec.id]))('points ./%s at src/generated/%s in both builds', (id) => {
    expect(pkg.exports[`./${id}`]).toEqual(expectedEntry(`generated/${id}`));
  });

  it('points ./errors at src/error-classes in both builds', () => {
    expect(pkg.exports['./errors']).toEqual(expectedEntry('error-classes'));
  });
});

describe('subpath modules', () => {
  it.each(ELEMENT_SPECS.map((spec) => [spec.id, spec.className]))('slabvec/%s exports the %s family, the root export objects', (id, className) => {
    const entry = require(`../src/generated/${id}`) as Record<string, unknown>;
    const names = ['Vec', 'Ring', 'History', 'Deque'].map((suffix) => className.replace(/Vec$/, suffix));
    expect(Object.keys(entry).sort()).toEqual([...names].sort());
    for (const name of names) expect(entry[name]).toBe((root as Record<string, unknown>)[name]);
  });

  it('slabvec/errors exports every error class of the root export, the same objects', () => {
    const rootErrors = Object.entries(root).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error);
    expect(rootErrors.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(errors).sort()).toEqual(rootErrors.map(([name]) => name).sort());
    for (const [name, value] of rootErrors) expect((errors as Record<string, unknown>)[name]).toBe(value);
  });
});
