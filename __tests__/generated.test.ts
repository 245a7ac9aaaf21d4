import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAll, renderClass, staleFiles } from '../scripts/generate';
import { ELEMENT_SPECS } from '../scripts/element-types';

describe('generated classes', () => {
  it('are current with their template (run `npm run generate` after changing it)', () => {
    expect(staleFiles(join(__dirname, '..'))).toEqual([]);
  });

  it('are one class literal per element type, not a shared base class or factory', () => {
    const files = renderAll(join(__dirname, '..'));
    for (const spec of ELEMENT_SPECS) {
      const text = files.get(`src/generated/${spec.fileName}.ts`);
      expect(text).toContain(`export class ${spec.className}<N extends number = number> implements`);
      // No `class X extends SomeVec` (a type parameter's `V extends NumVec` is no base class).
      expect(text).not.toMatch(/\bclass\s+\w+(<[^{]*?>)?\s+extends\b/);
      expect(text).toContain(`#data: ${spec.arrayName};`);
    }
  });
});

describe('the template scheme (scripts/generate.ts)', () => {
  const f64 = ELEMENT_SPECS.find((spec) => spec.id === 'f64')!;
  const u8 = ELEMENT_SPECS.find((spec) => spec.id === 'u8')!;
  const i64 = ELEMENT_SPECS.find((spec) => spec.id === 'i64')!;

  /** Renders a class from a scratch root holding the given templates. */
  function render(templates: Record<string, string>, spec: (typeof ELEMENT_SPECS)[number]): string {
    const root = mkdtempSync(join(tmpdir(), 'slabvec-scheme-'));
    mkdirSync(join(root, 'scripts/templates'), { recursive: true });
    for (const [name, text] of Object.entries(templates)) writeFileSync(join(root, `scripts/templates/${name}.ts`), text);
    try {
      return renderClass(root, spec);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const part = (...lines: string[]): string => ['// scaffolding', '//@part', ...lines, '//@endpart', '// scaffolding'].join('\n');

  it('emits only the part, with placeholders, articles, slots and import paths filled in', () => {
    const main = part(
      "import { x } from '../../src/errors.js';",
      'class TVec { a: TElem; b: TArray; c: TVecIterator; }',
      '// a TVec and a TArray, TElems of {{bytes}} bytes, ELEMENT ELEMENT_ID BYTES ZERO',
    );
    expect(render({ 'typed-vec': main }, u8)).toBe(
      [
        "import { x } from '../errors.js';",
        'class U8Vec { a: number; b: Uint8Array; c: U8VecIterator; }',
        "// a U8Vec and a Uint8Array, numbers of 1 bytes, 'number' 'u8' 1 0",
        '',
      ].join('\n'),
    );
    expect(render({ 'typed-vec': main }, i64)).toContain("// an I64Vec and a BigInt64Array, bigints of 8 bytes, 'bigint' 'i64' 8 0n");
  });

  it('keeps the branches whose conditions hold, nested, and splices includes', () => {
    const main = part('//@if float', 'F', '//@elif unsigned|bigint', 'UB', '//@if !bigint', 'U', '//@endif', '//@else', 'S', '//@endif', '//@include other');
    const other = part('  from other {{bits}}');
    const templates = { 'typed-vec': main, other };
    expect(render(templates, f64)).toBe('F\n  from other 64\n');
    expect(render(templates, u8)).toBe('UB\nU\n  from other 8\n');
    expect(render(templates, i64)).toBe('UB\n  from other 64\n');
    expect(render(templates, ELEMENT_SPECS.find((spec) => spec.id === 'i32')!)).toBe('S\n  from other 32\n');
  });

  it('continues a slot value of several lines with the prefix of its line', () => {
    const main = part('   * {{arithmetic}}');
    const lines = render({ 'typed-vec': main }, ELEMENT_SPECS.find((spec) => spec.id === 'i16')!).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.startsWith('   * ')).toBe(true);
    expect(lines.join(' ')).toContain('2^16 as `Int16Array`');
  });

  it('stops at anything it does not know, naming the place', () => {
    expect(() => render({ 'typed-vec': part('//@if float', 'x') }, f64)).toThrow(/not closed/);
    expect(() => render({ 'typed-vec': part('//@endif') }, f64)).toThrow(/typed-vec.ts:3: \/\/@endif without \/\/@if/);
    expect(() => render({ 'typed-vec': part('//@if floats', 'x', '//@endif') }, f64)).toThrow(/unknown condition word "floats"/);
    expect(() => render({ 'typed-vec': part('//@frobnicate') }, f64)).toThrow(/unknown marker/);
    expect(() => render({ 'typed-vec': part('// {{nope}}') }, f64)).toThrow(/unknown slot \{\{nope\}\}/);
    expect(() => render({ 'typed-vec': 'no part here' }, f64)).toThrow(/\/\/@part/);
  });
});
