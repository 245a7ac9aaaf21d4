/**
 * Moves a vector class and its index guards into a function scope of their own, for the ES
 * module build (scripts/build.mjs) and for the bundled shape probe of
 * `__tests__/optimized-shape.test.ts`.
 *
 * The index checks of `get` and `set` call one of two guard objects, and they run at the
 * speed of a raw loop only while the optimizing compiler sees the passing guard as a
 * constant, which it does for a `const` binding (docs/design.md, "Index checks"). esbuild
 * and Bun hoist every module of a bundle into one scope and rewrite its top-level `const`s
 * to `var`s, which the compiler must reload on every call: bundled, a `set` loop ran at
 * 1.65x a raw loop. They leave the bindings inside a function alone, so the module becomes
 *
 * ```js
 * const scopedF64Vec = (() => { const PASS = ...; var FAIL_INDEX; class F64Vec { ... } return F64Vec; })();
 * export { scopedF64Vec as F64Vec };
 * ```
 *
 * which runs the same code in the same order (the class's static blocks run while the
 * module is evaluated, as before) and keeps the guard a constant whether or not the module
 * is bundled. The call is marked pure, like the module (`"sideEffects": false`), so a
 * bundler still drops a class nothing imports.
 *
 * Every other exported class of the ES module build gets the same form without guards
 * (`scopeExportedClasses`): the build bundles dist/esm into a few files, and inside one file a
 * bundler drops an unused class only when its definition is a pure expression; a class with a
 * static block, or tsc's alias of it (`_a = OptionVec;`), would otherwise stay, with all it
 * names.
 *
 * The declarations come from the source, where the class stays a class: this only rewrites
 * JavaScript (or TypeScript that esbuild strips), never what tsc checks.
 *
 * @module
 */

'use strict';

const { readFileSync } = require('node:fs');
const ts = require('typescript');

/** The guard bindings of a vector module, in the order they are declared. */
const GUARDS = [
  { name: 'PASS', kind: 'const' },
  { name: 'FAIL_INDEX', kind: 'var' },
];

/** The top-level statement that declares `name` with `kind` (`const` or `var`), or undefined. */
function declaration(file, name, kind) {
  return file.statements.find((statement) => {
    if (!ts.isVariableStatement(statement)) return false;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    const isLet = (list.flags & ts.NodeFlags.Let) !== 0;
    if ((kind === 'const') !== isConst || isLet) return false;
    return list.declarations.length === 1 && ts.isIdentifier(list.declarations[0].name) && list.declarations[0].name.text === name;
  });
}

/**
 * The statement after `cls` when it is tsc's alias of the class (`_a = F64Vec;`, which tsc
 * writes after a class whose static members name it), or undefined.
 */
function aliasAfter(file, cls) {
  const next = file.statements[file.statements.indexOf(cls) + 1];
  if (next === undefined || !ts.isExpressionStatement(next)) return undefined;
  const { expression } = next;
  const isAlias =
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(expression.left) &&
    ts.isIdentifier(expression.right) &&
    expression.right.text === cls.name.text;
  return isAlias ? next : undefined;
}

/**
 * The module binding of a scoped class `name`: not the class's own name, which the class
 * keeps inside its function. A bundler that puts modules into one scope renames a nested
 * declaration that shadows a top-level name (`class F64Vec` inside `var F64Vec = ...` became
 * `class F64Vec2`), and V8 names stack frames by the class's declared name (`at
 * F64Vec2.push`), whatever its `name` property says.
 */
function scopedName(name) {
  return `scoped${name}`;
}

/** Whether `node`, an identifier, is the name of a property or member rather than a reference. */
function isMemberName(node) {
  const { parent } = node;
  const named = [ts.isPropertyAccessExpression, ts.isPropertyAssignment, ts.isMethodDeclaration, ts.isPropertyDeclaration, ts.isGetAccessor, ts.isSetAccessor];
  return named.some((is) => is(parent)) && parent.name === node;
}

/**
 * The edits that make every reference to `name` at module level (outside the nodes `moved`,
 * which go into the class's function, where `name` is the class) name `binding` instead.
 * Fails when `name` is declared again or used in a shorthand property, which a rename of
 * references alone would break.
 */
function referenceEdits(file, name, binding, moved, fail) {
  const edits = [];
  const visit = (node) => {
    if (moved.includes(node)) return;
    if (ts.isIdentifier(node) && node.text === name && !isMemberName(node)) {
      const { parent } = node;
      if (ts.isShorthandPropertyAssignment(parent)) fail(`\`{ ${name} }\` at module level: write \`{ ${name}: ${name} }\``);
      const declares = [ts.isVariableDeclaration, ts.isParameter, ts.isFunctionDeclaration, ts.isClassDeclaration, ts.isClassExpression, ts.isBindingElement];
      if (declares.some((is) => is(parent)) && parent.name === node) fail(`${name} is declared again at module level`);
      edits.push({ start: node.getStart(file), end: node.end, text: binding });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edits;
}

/**
 * The edits that move the exported class `cls`, the statements `inside` (moved before it)
 * and tsc's alias of the class into one pure function call, bound to {@link scopedName}
 * and exported under the class's name; the module's other references to the class name
 * that binding.
 */
function scopeEdits(source, file, cls, inside, why, fail) {
  if (cls.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) fail('the class is a default export');
  const name = cls.name.text;
  const binding = scopedName(name);
  const classText = source.slice(cls.getStart(file), cls.end);
  if (!classText.startsWith('export class ')) fail(`the declaration of ${name} does not start with \`export class\``);
  const alias = aliasAfter(file, cls);
  const moved = [cls, ...inside, ...(alias === undefined ? [] : [alias])];
  return [
    ...inside.map((statement) => ({ start: statement.pos, end: statement.end, text: '' })),
    ...(alias === undefined ? [] : [{ start: alias.pos, end: alias.end, text: '' }]),
    ...referenceEdits(file, name, binding, moved, fail),
    {
      start: cls.getStart(file),
      end: cls.end,
      text: [
        ...why,
        `const ${binding} = /* @__PURE__ */ (() => {`,
        ...inside.map((statement) => source.slice(statement.pos, statement.end).replace(/^\s*\n/, '')),
        classText.slice('export '.length),
        ...(alias === undefined ? [] : [source.slice(alias.pos, alias.end).replace(/^\s*\n/, '')]),
        `return ${name};`,
        '})();',
        `export { ${binding} as ${name} };`,
      ].join('\n'),
    },
  ];
}

/** Applies non-overlapping edits to `source`. */
function applyEdits(source, edits) {
  // From the end backwards, so that the earlier offsets stay valid.
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The module's top-level exported class declarations. */
function exportedClasses(file) {
  return file.statements.filter(
    (statement) => ts.isClassDeclaration(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
  );
}

/** Parses `source` as TypeScript or JavaScript by `fileName`'s extension. */
function parse(source, fileName) {
  const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, kind);
}

/**
 * Rewrites the source of a vector module (`generated/<id>-vec`): its exported class, tsc's
 * alias of it and the `const PASS` / `var FAIL_INDEX` declarations before it become one
 * pure function call whose result is exported under the class's name. Throws, naming the
 * file, unless the module has exactly that form.
 *
 * @param {string} source the module's text
 * @param {string} fileName for messages, and to parse `.ts` as TypeScript
 * @returns {string} the rewritten text
 */
function scopeIndexGuards(source, fileName) {
  const file = parse(source, fileName);
  const fail = (what) => {
    throw new Error(`guard-scope: ${fileName}: ${what}`);
  };
  const classes = exportedClasses(file);
  if (classes.length !== 1) fail(`expected one exported class, found ${classes.length}`);
  const cls = classes[0];
  const guards = GUARDS.map((guard) => declaration(file, guard.name, guard.kind) ?? fail(`no top-level \`${guard.kind} ${guard.name}\``));
  if (!guards.every((guard) => guard.end <= cls.pos)) fail('the guards must be declared before the class');
  const why = [
    '// The class and its index guards live in this function scope, so that a bundler that',
    "// rewrites a module's top-level `const`s to `var`s leaves the guard a constant",
    '// (scripts/guard-scope.cjs; docs/design.md, "Index checks").',
  ];
  return applyEdits(source, scopeEdits(source, file, cls, guards, why, fail));
}

/**
 * Rewrites every other module of the ES module build that exports classes: each exported
 * class (with tsc's alias of it) becomes a pure function call, as in a vector module, so
 * that a bundler drops a class nothing uses statement by statement, inside one file of the
 * bundled build, as it drops a whole module. A class's static blocks only register the class
 * or hand its private members to the modules that use its instances, so dropping a class
 * that nothing names drops nothing a kept class needs. Returns `source` unchanged when it
 * exports no class.
 *
 * @param {string} source the module's text
 * @param {string} fileName for messages, and to parse `.ts` as TypeScript
 * @returns {string} the rewritten text
 */
function scopeExportedClasses(source, fileName) {
  const file = parse(source, fileName);
  const fail = (what) => {
    throw new Error(`guard-scope: ${fileName}: ${what}`);
  };
  const why = ['// In a pure function call, so that a bundler may drop the class when nothing uses it (scripts/guard-scope.cjs).'];
  return applyEdits(source, exportedClasses(file).flatMap((cls) => scopeEdits(source, file, cls, [], why, fail)));
}

/** The vector modules of the sources, which the plugin below rewrites. */
const VECTOR_MODULE = /[\\/]src[\\/]generated[\\/][a-z0-9-]+-vec\.ts$/;

/**
 * An esbuild plugin that loads each vector module of the sources (`src/generated/<id>-vec.ts`)
 * rewritten by {@link scopeIndexGuards}, as `npm run build` ships it in dist/esm: for the
 * bundles of the shape probe and of the browser suite.
 */
function scopedGuardsPlugin() {
  return {
    name: 'scoped-index-guards',
    setup(build) {
      build.onLoad({ filter: VECTOR_MODULE }, (args) => ({ contents: scopeIndexGuards(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' }));
    },
  };
}

module.exports = { scopeIndexGuards, scopeExportedClasses, scopedGuardsPlugin };
