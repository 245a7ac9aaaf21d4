/**
 * The ```ts code blocks of the documentation, which `examples.test.ts` runs and
 * `docs-types.test.ts` type-checks.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/** The Markdown files whose ```ts blocks are run and type-checked. */
export const DOC_FILES = ['README.md', 'docs/guide.md', 'docs/slabs.md'] as const;

/** A ```ts block of a Markdown file. */
export interface CodeBlock {
  readonly file: string;
  /** The line of the block's first line of code. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of `file` (relative to the repository root), in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const blocks: CodeBlock[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    blocks.push({ file, line: text.slice(0, match.index).split('\n').length + 1, code: match[1] });
  }
  return blocks;
}

/** Whether a block starts a worker, which needs the worker's own file (slab-worker.test.ts runs that handoff). */
export function startsWorker(block: CodeBlock): boolean {
  return block.code.includes("from 'node:worker_threads'");
}
