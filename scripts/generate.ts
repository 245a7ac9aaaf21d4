/**
 * Generates one class per row of the element table (`scripts/element-types.ts`) from the
 * template `scripts/templates/typed-vec.ts`, plus the barrel that exports them.
 * `scripts/generate-cli.ts` (`npm run generate`) writes the files; the test suite compares
 * them with {@link staleFiles}.
 *
 * The template scheme, in full:
 *
 * 1. A template is a TypeScript file in `scripts/templates/` that compiles as it stands:
 *    `instance.ts` declares its placeholder names as F64Vec's, so `npm run typecheck`
 *    checks every line of it.
 * 2. A template emits the lines between its `//@part` and `//@endpart` lines; the rest is
 *    scaffolding for the type checker (placeholder imports, stubs of the members another
 *    template defines).
 * 3. `//@include NAME` emits the part of `scripts/templates/NAME.ts` in its place.
 * 4. `//@if COND`, `//@elif COND`, `//@else` and `//@endif` keep the lines between them only
 *    for the element types COND holds for; they nest, and work in comments too. COND is
 *    words joined by `|` (any of them), each an id (`f32`), a family (`float`, `wrap32`,
 *    `wrap`, `clamped`, `bigint`), `number`, `signed`, `unsigned`, `wasm` (the type has
 *    WebAssembly kernels) or `wasm-NAME` (it has the wasm kernel NAME: `wasm-mul`; the
 *    table is `KERNEL_KINDS` in scripts/wasm/kernels-wat.ts), optionally `!`-negated.
 * 5. The placeholder names (see {@link placeholderValues}) are replaced everywhere, strings
 *    and comments included; `a`/`an` before `TVec` or `TArray` becomes the article of the
 *    name it stands for.
 * 6. `{{slot}}` in a comment is a documentation value of the element row (see
 *    {@link slotValues}).
 * 7. Imports of `../../src/X.js` become `../X.js`, as seen from `src/generated/`.
 *
 * Every marker is a line of its own (its first non-blank characters are `//@`). Anything
 * the scheme does not know (a marker, a condition word, a slot) stops the generator.
 *
 * @module
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withArticle } from '../src/errors';
import { SUM_BLOCK, SUM_BLOCK_SHIFT, SUM_INDEX_MASK, SUM_LANES, SUM_LEAF_ROUNDINGS, pairwiseRoundings } from '../src/kernels-support';
import { ARITHMETIC, ELEMENT_SPECS, type ElementSpec } from './element-types';
import { KERNEL_KINDS, type KernelKind, type KernelName } from './wasm/kernels-wat';

/** Where the generated files live, relative to the repository root. */
export const GENERATED_DIR = 'src/generated';

/** Where the templates live, relative to the repository root. */
const TEMPLATES_DIR = 'scripts/templates';

/** The template every class is generated from; it includes the others. */
const MAIN_TEMPLATE = 'typed-vec';

/**
 * What each placeholder name of `instance.ts` stands for in the class of `spec`, as source
 * text. Names are matched as whole words, also with an ending that starts a new word
 * (`TRingProducer` becomes `F32RingProducer`) and with `s` (`TElems`, "numbers").
 */
export function placeholderValues(spec: ElementSpec): ReadonlyMap<string, string> {
  const isBig = spec.elementType === 'bigint';
  return new Map([
    ['TVec', spec.className],
    ['TArray', spec.arrayName],
    ['TElem', spec.elementType],
    ['TJson', isBig ? 'string[]' : 'number[]'],
    ['ELEMENT_ID', `'${spec.id}'`],
    ['ELEMENT', `'${spec.elementType}'`],
    ['ZERO', isBig ? '0n' : '0'],
    ['BYTES', String(spec.bytes)],
    ['MIN_ELEMENT', `(${spec.range[0]})`],
    ['MAX_ELEMENT', `(${spec.range[1]})`],
    ['NumberTypedArray', isBig ? 'BigIntTypedArray' : 'NumberTypedArray'],
    ['NumberCopyTarget', isBig ? 'BigIntCopyTarget' : 'NumberCopyTarget'],
    ['NUMBER_ELEMENT', isBig ? 'BIGINT_ELEMENT' : 'NUMBER_ELEMENT'],
  ]);
}

/** The documentation values `{{slot}}` can name, for the class of `spec`. */
export function slotValues(spec: ElementSpec): ReadonlyMap<string, string> {
  const [example1, example2, example3] = spec.example;
  const isBig = spec.elementType === 'bigint';
  return new Map([
    ['arrayName', spec.arrayName],
    ['arithmetic', spec.arithmetic ?? ARITHMETIC[spec.family]],
    ['otherElement', isBig ? 'number' : 'bigint'],
    ['literalSuffix', isBig ? 'n' : ''],
    ['bytes', String(spec.bytes)],
    ['bytesPerElement', spec.bytes === 1 ? '1 byte' : `${spec.bytes} bytes`],
    ['bits', String(spec.bytes * 8)],
    ['conversion', spec.conversion],
    ['example1', example1],
    ['example2', example2],
    ['example3', example3],
    ['min', spec.range[0]],
    ['max', spec.range[1]],
    ['exactSumLength', spec.exactSumLength ?? ''],
    // The pairwise summation scheme of src/kernels-support.ts, for the error bounds.
    ['sumBlock', String(SUM_BLOCK)],
    ['sumLanes', String(SUM_LANES)],
    ['leafRoundings', String(SUM_LEAF_ROUNDINGS)],
    ['roundingsOverLog2', String(SUM_LEAF_ROUNDINGS - SUM_BLOCK_SHIFT)],
    ['roundingsAt1e6', String(pairwiseRoundings(1e6))],
  ]);
}

/** Every kernel name of the wasm module, for the `wasm-NAME` condition words. */
const KERNEL_NAMES: readonly KernelName[] = [...new Set(KERNEL_KINDS.flatMap((kind) => kind.kernels))];

/** The wasm kernel row of `spec`'s element type, if it has one. */
function wasmKindOf(spec: ElementSpec): KernelKind | undefined {
  return KERNEL_KINDS.find((kind) => kind.id === spec.id);
}

/** Whether the condition word `word` holds for `spec` (rule 4). */
function holds(word: string, spec: ElementSpec, where: string): boolean {
  if (word.startsWith('!')) return !holds(word.slice(1), spec, where);
  switch (word) {
    case 'number':
    case 'bigint':
      return spec.elementType === word;
    case 'signed':
      return spec.signed;
    case 'unsigned':
      return !spec.signed;
    case 'float':
    case 'wrap32':
    case 'wrap':
    case 'clamped':
      return spec.family === word;
    case 'wasm':
      return wasmKindOf(spec) !== undefined;
    default:
      if (word.startsWith('wasm-')) {
        const kernel = word.slice('wasm-'.length);
        if (!KERNEL_NAMES.includes(kernel as KernelName)) throw new Error(`${where}: unknown wasm kernel in condition word "${word}"`);
        return wasmKindOf(spec)?.kernels.includes(kernel as KernelName) ?? false;
      }
      if (ELEMENT_SPECS.some((row) => row.id === word)) return spec.id === word;
      throw new Error(`${where}: unknown condition word "${word}"`);
  }
}

/** The lines of `scripts/templates/NAME.ts` between `//@part` and `//@endpart` (rule 2). */
function partOf(root: string, name: string): { lines: string[]; file: string; firstLine: number } {
  const file = `${TEMPLATES_DIR}/${name}.ts`;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === '//@part');
  const end = lines.findIndex((line) => line.trim() === '//@endpart');
  if (start < 0 || end < start) throw new Error(`${file}: needs one //@part ... //@endpart region`);
  return { lines: lines.slice(start + 1, end), file, firstLine: start + 2 };
}

/** Expands the markers of a part for `spec` (rules 3 and 4), returning the lines kept. */
function expand(root: string, name: string, spec: ElementSpec): string[] {
  const { lines, file, firstLine } = partOf(root, name);
  const out: string[] = [];
  // One frame per open //@if: whether some branch was taken already, and whether this one is.
  const open: { taken: boolean; active: boolean; parentActive: boolean }[] = [];
  const active = (): boolean => open.length === 0 || open[open.length - 1].active;
  lines.forEach((line, index) => {
    const where = `${file}:${firstLine + index}`;
    const marker = /^\s*\/\/@(\w+)\s*(.*)$/.exec(line);
    if (marker === null) {
      if (active()) out.push(line);
      return;
    }
    const [, verb, argument] = marker;
    const test = (): boolean => argument.split('|').some((word) => holds(word.trim(), spec, where));
    const top = open[open.length - 1];
    switch (verb) {
      case 'if': {
        const parentActive = active();
        const yes = parentActive && test();
        open.push({ taken: yes, active: yes, parentActive });
        break;
      }
      case 'elif':
      case 'else': {
        if (top === undefined) throw new Error(`${where}: //@${verb} without //@if`);
        const yes = top.parentActive && !top.taken && (verb === 'else' || test());
        top.active = yes;
        top.taken ||= yes;
        break;
      }
      case 'endif':
        if (open.pop() === undefined) throw new Error(`${where}: //@endif without //@if`);
        break;
      case 'include':
        if (active()) out.push(...expand(root, argument.trim(), spec));
        break;
      default:
        throw new Error(`${where}: unknown marker //@${verb}`);
    }
  });
  if (open.length > 0) throw new Error(`${file}: an //@if is not closed`);
  return out;
}

/** Replaces placeholders (`extra` adds some), articles, slots and import paths (rules 5 to 7). */
function substitute(text: string, spec: ElementSpec, extra: ReadonlyMap<string, string> = new Map()): string {
  const values = new Map([...placeholderValues(spec), ...extra]);
  const slots = slotValues(spec);
  const names = [...values.keys()].sort((a, b) => b.length - a.length).join('|');
  return text
    .replace(/\b(a|an|A|An) (`?)(TVec|TArray)\b/g, (_all, article: string, tick: string, name: string) => {
      const chosen = withArticle(values.get(name)!).split(' ')[0];
      const spelled = article[0] === 'A' ? chosen[0].toUpperCase() + chosen.slice(1) : chosen;
      return `${spelled} ${tick}${name}`;
    })
    .replace(new RegExp(`\\b(${names})(s|[A-Z][A-Za-z0-9]*)?\\b`, 'g'), (_all, name: string, suffix = '') => values.get(name)! + suffix)
    .split('\n')
    .map((line) => fillSlots(line, slots))
    .join('\n')
    .replace(/from '\.\.\/\.\.\/src\//g, "from '../");
}

/**
 * Fills the `{{slot}}`s of one line (rule 6). A value of several lines continues with the
 * prefix of its line (` * ` inside a doc comment); slots inside a value are filled too.
 */
function fillSlots(line: string, slots: ReadonlyMap<string, string>): string {
  const prefix = /^\s*(\* |\/\/ )?/.exec(line)![0];
  return line.replace(/\{\{(\w+)\}\}/g, (_all, slot: string) => {
    const value = slots.get(slot);
    if (value === undefined) throw new Error(`templates: unknown slot {{${slot}}}`);
    return fillSlots(value, slots).split('\n').join(`\n${prefix}`);
  });
}

/** The generated source of the class of `spec`, from the templates under `root`. */
export function renderClass(root: string, spec: ElementSpec): string {
  // The pairwise loops of kernels.ts are written out for these constants.
  if (SUM_BLOCK !== 128 || SUM_LANES !== 4 || SUM_INDEX_MASK !== 0x3fff_ffff) {
    throw new Error('kernels.ts: the pairwise loops assume SUM_BLOCK 128, SUM_LANES 4 and SUM_INDEX_MASK 0x3fff_ffff');
  }
  return `${substitute(expand(root, MAIN_TEMPLATE, spec).join('\n'), spec)}\n`;
}

/**
 * A family of per-element-type classes beside the vectors (rings, histories, ...): one
 * class literal per element type, generated from a template of its own as the vectors are
 * (rules 1-7 hold; the template declares its class under {@link ClassFamily.placeholder}).
 */
export interface ClassFamily {
  /** The template's name under `scripts/templates/`, without `.ts`. */
  readonly template: string;
  /** The name the template gives its class (`THistory`), replaced by the class name. */
  readonly placeholder: string;
  /** What replaces `Vec` in the vector class's name (`History`: `F32Vec` gives `F32History`). */
  readonly suffix: string;
  /** The element types the family has a class for. */
  readonly has: (spec: ElementSpec) => boolean;
  /** The barrel under `src/generated/` (without `.ts`) that exports the family's classes. */
  readonly barrel: string;
}

/** The class families; each adds one generated file per element type it has, and its barrel. */
export const CLASS_FAMILIES: readonly ClassFamily[] = [
  { template: 'ring', placeholder: 'TRing', suffix: 'Ring', has: () => true, barrel: 'rings' },
  // Histories and deques: scripts/templates/history.ts and deque.ts.
  { template: 'history', placeholder: 'THistory', suffix: 'History', has: () => true, barrel: 'histories' },
  { template: 'deque', placeholder: 'TDeque', suffix: 'Deque', has: () => true, barrel: 'deques' },
];

/** The class name of `family`'s class for `spec` (`F32History`). */
export function familyClassName(family: ClassFamily, spec: ElementSpec): string {
  return spec.className.replace(/Vec$/, family.suffix);
}

/** The generated file's base name of `family`'s class for `spec` (`f32-history`, `u8-clamped-history`). */
export function familyFileName(family: ClassFamily, spec: ElementSpec): string {
  return `${spec.fileName.replace(/-vec$/, '')}-${family.suffix.toLowerCase()}`;
}

/** The generated source of `family`'s class for `spec`. */
export function renderFamilyClass(root: string, family: ClassFamily, spec: ElementSpec): string {
  const extra = new Map([[family.placeholder, familyClassName(family, spec)]]);
  return `${substitute(expand(root, family.template, spec).join('\n'), spec, extra)}\n`;
}

/** The barrel of `family`: every class it has, and their union type. */
function renderFamilyBarrel(family: ClassFamily): string {
  const specs = ELEMENT_SPECS.filter(family.has);
  const names = specs.map((spec) => familyClassName(family, spec));
  return [
    '// GENERATED by scripts/generate.ts: do not edit.',
    '',
    ...specs.map((spec) => `import { ${familyClassName(family, spec)} } from './${familyFileName(family, spec)}.js';`),
    '',
    `export { ${names.join(', ')} };`,
    '',
    `/** Any of the ${names.length} ${family.suffix} classes (the classes themselves, not their instances). */`,
    `export type ${family.suffix}Class = ${names.map((name) => `typeof ${name}`).join(' | ')};`,
    '',
  ].join('\n');
}

/** Every generated file, from the templates under `root`: repository-relative path to its exact contents. */
export function renderAll(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of ELEMENT_SPECS) {
    files.set(`${GENERATED_DIR}/${spec.fileName}.ts`, renderClass(root, spec));
  }
  for (const family of CLASS_FAMILIES) {
    for (const spec of ELEMENT_SPECS.filter(family.has)) {
      files.set(`${GENERATED_DIR}/${familyFileName(family, spec)}.ts`, renderFamilyClass(root, family, spec));
    }
    files.set(`${GENERATED_DIR}/${family.barrel}.ts`, renderFamilyBarrel(family));
  }
  for (const spec of ELEMENT_SPECS) files.set(`${GENERATED_DIR}/${spec.id}.ts`, renderKindEntry(spec));
  files.set(`${GENERATED_DIR}/index.ts`, renderBarrel());
  files.set(`${GENERATED_DIR}/row-stager.ts`, renderRowStager());
  return files;
}

/** How many columns a row stager reads at access sites of their own; see {@link renderRowStager}. */
export const STAGED_SITES = 16;

/** How many copies of the row stager there are: tables of that many different schemas each get their own. */
export const STAGER_COPIES = 4;

/**
 * The row stagers of `src/table.ts`: each reads a row object's value of each column into
 * the stages. Column `i`'s value is read at a property access of its own, written out
 * {@link STAGED_SITES} times, because one access site that reads every column's key is
 * megamorphic and boxes each double it loads (a new heap number per value); a site that
 * always sees the same key loads the double as it is. A site that sees two keys is
 * megamorphic too, so there are {@link STAGER_COPIES} copies, one per schema as long as
 * there are that few (docs/design.md, "Tables").
 */
function renderRowStager(): string {
  const site = (i: string, indent: string): string[] => [
    `${indent}value = values[keys[${i}]];`,
    `${indent}if (typeof value === 'number' && bigint[${i}] === 0) numbers[${i}] = value;`,
    `${indent}else bad = stageOther(${i}, value, bigint, numbers, bigints, bad);`,
  ];
  const parameters = [
    '  values: { readonly [key: string]: unknown },',
    '  keys: readonly string[],',
    '  bigint: Uint8Array,',
    '  numbers: Float64Array,',
    '  bigints: bigint[],',
    '  count: number,',
  ];
  const copy = (n: number): string[] => {
    const lines = [
      `function stageRow${n}(`,
      ...parameters,
      '): number {',
      '  let bad = -1;',
      '  let value: unknown;',
    ];
    for (let i = 0; i < STAGED_SITES; i++) lines.push(`  if (count <= ${i}) return bad;`, ...site(String(i), '  '));
    lines.push(`  for (let i = ${STAGED_SITES}; i < count; i++) {`, ...site('i', '    '), '  }', '  return bad;', '}', '');
    return lines;
  };
  const copies = Array.from({ length: STAGER_COPIES }, (_, n) => n);
  const lines = [
    '// GENERATED by scripts/generate.ts: do not edit.',
    '',
    "import { stageOther } from '../row-values.js';",
    '',
    '/**',
    ' * Reads `values[keys[i]]` for each column `i < count` into `numbers[i]` (number columns) or',
    ' * `bigints[i]` (where `bigint[i] === 1`); an absent (`undefined`) value stages zero.',
    ' * Getters and Proxy traps of `values` run here, before the table changes.',
    ' *',
    ' * @returns the first column whose value has the wrong type, or -1.',
    ' */',
    'export type RowStager = (',
    ...parameters,
    ') => number;',
    '',
    `/** How many columns a stager reads at access sites of their own; the rest share one. */`,
    `export const STAGED_SITES = ${STAGED_SITES};`,
    '',
    `/** The ${STAGER_COPIES} copies of the stager, the same code: each has access sites of its own. */`,
    `export const ROW_STAGERS: readonly RowStager[] = [${copies.map((n) => `stageRow${n}`).join(', ')}];`,
    '',
  ];
  for (const n of copies) lines.push(...copy(n));
  return lines.join('\n');
}

/**
 * The module behind the subpath export `slabvec/<id>` (`slabvec/f32`): the classes of one
 * element type, so that a worker or a page that uses only them loads only them and what they
 * import, not every class of the package. They are the root export's classes themselves.
 */
function renderKindEntry(spec: ElementSpec): string {
  const classes = [
    [spec.className, spec.fileName],
    ...CLASS_FAMILIES.filter((family) => family.has(spec)).map((family) => [familyClassName(family, spec), familyFileName(family, spec)]),
  ];
  return [
    '// GENERATED by scripts/generate.ts: do not edit.',
    '',
    '/**',
    ` * The ${spec.id} classes alone: \`import { ${classes.map(([name]) => name).join(', ')} } from 'slabvec/${spec.id}'\``,
    ' * loads these and what they need, not the whole package. They are the classes of the root',
    " * export ('slabvec'), not copies; the error classes are in 'slabvec/errors'.",
    ' *',
    ' * @module',
    ' */',
    '',
    ...classes.map(([name, file]) => `export { ${name} } from './${file}.js';`),
    '',
  ].join('\n');
}

function renderBarrel(): string {
  const names = ELEMENT_SPECS.map((spec) => spec.className);
  const lines = [
    '// GENERATED by scripts/generate.ts: do not edit.',
    '',
    ...ELEMENT_SPECS.map((spec) => `import { ${spec.className} } from './${spec.fileName}.js';`),
    '',
    `export { ${names.join(', ')} };`,
    '',
    `/** Any of the ${ELEMENT_SPECS.length} typed vector classes (the classes themselves, not their instances). */`,
    `export type TypedVecClass = ${names.map((name) => `typeof ${name}`).join(' | ')};`,
    '',
    '/**',
    ' * The vector a typed vector class builds at capacity `M`: `TypedVecOf<typeof F64Vec, 16>`',
    ' * is `F64Vec<16>`. Lets generic code such as `Slab.alloc` keep the capacity literal.',
    ' */',
    'export type TypedVecOf<C extends TypedVecClass, M extends number> =',
    ...names.map((name) => `  C extends typeof ${name} ? ${name}<M> :`),
    '  never;',
    '',
  ];
  return lines.join('\n');
}

/** Generated paths whose contents on disk differ from what the template renders now. */
export function staleFiles(root: string): string[] {
  const stale: string[] = [];
  for (const [path, contents] of renderAll(root)) {
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(join(root, path), 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk !== contents) stale.push(path);
  }
  return stale;
}

/**
 * Writes every generated file under `root`, or with `check` only reports the stale ones.
 *
 * @returns the stale paths when checking, else every path written.
 */
export function writeOrCheck(root: string, check: boolean): string[] {
  if (check) return staleFiles(root);
  const files = renderAll(root);
  for (const [path, contents] of files) writeFileSync(join(root, path), contents);
  return [...files.keys()];
}
