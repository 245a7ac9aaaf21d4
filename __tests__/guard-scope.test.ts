/**
 * `scripts/guard-scope.cjs`, the build step that moves each vector class of dist/esm and its
 * index guards into a function scope: what it produces from a module of that form, that the
 * result runs as the original did, and that it refuses any other form (so that a template
 * change cannot silently leave the guards at module scope). And the same move, without
 * guards, for every other exported class, which lets a bundler drop an unused class inside
 * one file of the bundled build.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { build } from 'esbuild';
import { scopeExportedClasses, scopeIndexGuards } from '../scripts/guard-scope.cjs';

/** A vector module in the shape tsc emits for the template, reduced to the guards. */
const MODULE = `import { helper } from './helper.js';
const RELEASED = 0;
/** The passing guard. */
const PASS = { check() { } };
// eslint-disable-next-line no-var
var FAIL_INDEX;
export class Vec {
    #data = [10, 20];
    get(index) {
        (index < this.#data.length ? PASS : FAIL_INDEX).check(this, 'Vec.get', index);
        return this.#data[index];
    }
    static {
        FAIL_INDEX = { check(vec, where, index) { throw new RangeError(where + ': ' + index); }, fails: true };
    }
}
const DONE = 1;
`;

/** Two exported classes with static blocks, one aliased as tsc aliases a class its static members name. */
const CLASSES = `var _a;
const LIMIT = 3;
export class Small extends RangeError {
    static { Small.registered = true; }
}
export class Counter {
    static #count = 0;
    static next() { return ++_a.#count; }
    static { this.first = LIMIT; }
}
_a = Counter;
export function helper() { return Counter.next(); }
`;

/** Evaluates an ES module's text with its imports and exports turned into plain script, returning its exports. */
function evaluate(source: string): Record<string, unknown> {
  const { code } = transformSync(source.replace(/^import .*$/m, ''), { format: 'cjs', target: 'es2022' });
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports, RangeError });
  return module.exports;
}

/** esbuild's bundle of `entry` (by default: everything it imports), where './classes.js' is `source`. */
async function bundleOne(source: string, entry = "export * from './classes.js';"): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: '/' },
    plugins: [
      {
        name: 'classes',
        setup(b) {
          b.onResolve({ filter: /classes/ }, () => ({ path: 'classes', namespace: 'mem' }));
          b.onLoad({ filter: /.*/, namespace: 'mem' }, () => ({ contents: source, loader: 'js' }));
        },
      },
    ],
    bundle: true,
    write: false,
    format: 'esm',
  });
  return result.outputFiles[0]!.text;
}

describe('scopeIndexGuards', () => {
  it('puts the guards and the class into one pure function call, exported under the class name', () => {
    const out = scopeIndexGuards(MODULE, 'vec.js');
    expect(out).toContain('const scopedVec = /* @__PURE__ */ (() => {');
    expect(out).toContain('export { scopedVec as Vec };');
    expect(out).toContain('class Vec {');
    expect(out).not.toContain('export class');
    // The guards are inside the function, before the class; the rest stays at module scope.
    const body = out.slice(out.indexOf('(() => {'), out.indexOf('})();'));
    expect(body.indexOf('const PASS')).toBeGreaterThan(0);
    expect(body.indexOf('var FAIL_INDEX')).toBeGreaterThan(body.indexOf('const PASS'));
    expect(body.indexOf('class Vec')).toBeGreaterThan(body.indexOf('var FAIL_INDEX'));
    expect(body).toContain('/** The passing guard. */');
    expect(out.match(/const PASS/g)).toHaveLength(1);
    expect(out.startsWith("import { helper } from './helper.js';\nconst RELEASED = 0;")).toBe(true);
    expect(out.trimEnd().endsWith('const DONE = 1;')).toBe(true);
  });

  it('runs as the original: the passing check and the failing one', () => {
    for (const source of [MODULE, scopeIndexGuards(MODULE, 'vec.js')]) {
      const { Vec } = evaluate(source) as { Vec: new () => { get(i: number): number } };
      expect(new Vec().get(1)).toBe(20);
      expect(() => new Vec().get(2)).toThrow('Vec.get: 2');
    }
  });

  it('rewrites every generated vector module, TypeScript included', () => {
    const source = readFileSync(join(__dirname, '../src/generated/f64-vec.ts'), 'utf8');
    expect(source).toMatch(/^const PASS\b/m);
    expect(source).toMatch(/^var FAIL_INDEX\b/m);
    const out = scopeIndexGuards(source, 'f64-vec.ts');
    expect(out).toContain('const scopedF64Vec = /* @__PURE__ */ (() => {');
    expect(out).toContain('export { scopedF64Vec as F64Vec };');
    expect(() => transformSync(out, { loader: 'ts', format: 'esm' })).not.toThrow();
  });

  it.each([
    ['no exported class', MODULE.replace('export class', 'class')],
    ['two exported classes', MODULE + 'export class Other {}\n'],
    ['no PASS constant', MODULE.replace('const PASS', 'let PASS')],
    ['no FAIL_INDEX var', MODULE.replace('var FAIL_INDEX;', 'let FAIL_INDEX;')],
    ['guards after the class', MODULE.replace(/const PASS.*\n/, '') + 'const PASS = {};\n'],
  ])('refuses a module with %s, naming the file', (_what, source) => {
    expect(() => scopeIndexGuards(source, 'bad-vec.js')).toThrow(/^guard-scope: bad-vec\.js: /);
  });
});

describe('scopeExportedClasses', () => {
  const out = scopeExportedClasses(CLASSES, 'classes.js');

  it('puts each exported class, and its alias, into a pure function call of its own', () => {
    expect(out).toContain('const scopedSmall = /* @__PURE__ */ (() => {');
    expect(out).toContain('const scopedCounter = /* @__PURE__ */ (() => {');
    expect(out).toContain('export { scopedCounter as Counter };');
    expect(out).not.toContain('export class');
    const counter = out.slice(out.indexOf('const scopedCounter'));
    expect(counter.indexOf('_a = Counter;')).toBeGreaterThan(counter.indexOf('class Counter {'));
    expect(counter.indexOf('_a = Counter;')).toBeLessThan(counter.indexOf('return Counter;'));
    expect(out.match(/_a = Counter;/g)).toHaveLength(1);
    expect(out.startsWith('var _a;\nconst LIMIT = 3;')).toBe(true);
    // The module's own reference to the class names its binding.
    expect(out.trimEnd().endsWith('export function helper() { return scopedCounter.next(); }')).toBe(true);
  });

  it('runs as the original', () => {
    for (const source of [CLASSES, out]) {
      const { Small, Counter, helper } = evaluate(source) as {
        Small: { registered: boolean };
        Counter: { first: number; next(): number };
        helper(): number;
      };
      expect(Small.registered).toBe(true);
      expect(Counter.first).toBe(3);
      expect([Counter.next(), helper()]).toEqual([1, 2]);
    }
  });

  it.each([
    ['declares the name again', CLASSES + 'function shadow(Counter) { return Counter; }\n'],
    ['uses it in a shorthand property', CLASSES + 'export const all = { Counter };\n'],
  ])('refuses a module that %s, naming the file', (_what, source) => {
    expect(() => scopeExportedClasses(source, 'bad.js')).toThrow(/^guard-scope: bad\.js: /);
  });

  it('keeps the declared class names in a bundle that puts modules into one scope', async () => {
    // esbuild renames a nested declaration that shadows a top-level name; V8 names stack
    // frames by the declared name. With the class bound as `scopedCounter`, nothing shadows it.
    const bundled = await bundleOne(out);
    expect(bundled).toMatch(/\bclass Counter \{/);
    expect(bundled).toMatch(/\bclass Small extends RangeError \{/);
    const { Counter, helper } = evaluate(bundled) as { Counter: { next(): number }; helper(): number };
    expect([Counter.next(), helper()]).toEqual([1, 2]);
  });

  it('leaves a module without exported classes as it is', () => {
    expect(scopeExportedClasses('export const A = 1;\nclass Local {}\n', 'plain.js')).toBe('export const A = 1;\nclass Local {}\n');
  });

  it('lets a bundler drop a class nothing uses, which a static block kept before', async () => {
    const bundle = (source: string) => bundleOne(source, "export { helper } from './classes.js';");
    expect(await bundle(CLASSES)).toContain('Small');
    const scoped = await bundle(out);
    expect(scoped).not.toContain('Small');
    expect(scoped).toContain('Counter');
  });
});
