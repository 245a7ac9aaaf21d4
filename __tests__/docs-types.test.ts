/**
 * Every ```ts block of the documentation type-checks, as a user's module would against the
 * package: `examples.test.ts` runs them (transpiled, not checked), this compiles them with
 * the repository's compiler options, `slabvec` mapped to `src/index.ts`. A block that needs
 * an error to be one marks it with `// @ts-expect-error`, which fails here once it is not.
 */

import { join } from 'node:path';
import ts from 'typescript';
import { DOC_FILES, ROOT, codeBlocks, startsWorker, type CodeBlock } from './support/doc-blocks';

/** Where each block's virtual module lives: beside the repository's sources, never written. */
const fileOf = (block: CodeBlock): string => join(ROOT, '.build', 'doc-blocks', `${block.file.replace(/[/.]/g, '_')}_${block.line}.ts`);

/** The diagnostics of every block, compiled in one program. */
function diagnosticsOf(blocks: readonly CodeBlock[]): Map<string, string[]> {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    // Node's types for the blocks that use `node:` modules, the DOM lib for the ones that use
    // WebAssembly (as a page has); no Jest globals in a user's module.
    types: ['node'],
    lib: [...(parsed.options.lib ?? []), 'lib.dom.d.ts'],
    baseUrl: ROOT,
    paths: { slabvec: ['src/index.ts'] },
  };
  const sources = new Map(blocks.map((block) => [fileOf(block), `${block.code}\nexport {};\n`]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => sources.get(name) ?? readFile(name);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  const program = ts.createProgram([...sources.keys()], options, host);
  const found = new Map<string, string[]>();
  for (const name of sources.keys()) {
    const file = program.getSourceFile(name)!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    found.set(name, diagnostics.map((d) => {
      const { line } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1 };
      return `line ${line + 1} of the block: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    }));
  }
  return found;
}

const blocks = DOC_FILES.flatMap((file) => codeBlocks(file)).filter((block) => !startsWorker(block));
const diagnostics = diagnosticsOf(blocks);

test('there are blocks to check', () => {
  expect(blocks.length).toBeGreaterThan(10);
});

test.each(blocks.map((block) => [`${block.file}:${block.line}`, block] as const))('%s type-checks', (_, block) => {
  expect(diagnostics.get(fileOf(block))).toEqual([]);
});
