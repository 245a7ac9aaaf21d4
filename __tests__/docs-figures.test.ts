/**
 * The figures the README and the guide quote are the benchmark reports' own: every cell of
 * their comparison tables is checked against docs/benchmarks.md (the alternatives) and
 * docs/benchmarks-engines.md (one column per engine), so a report re-run with
 * `--write-docs` that changes a figure fails here until the quote is updated too. The
 * reports are the one place the figures live.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The rows of the markdown table that follows `heading` (a line of the file), as cells. */
function tableAfter(text: string, heading: string): string[][] {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" in the file`);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    if (/^\|\s*-/.test(line)) continue;
    rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows;
}

/** A table as a map from its first cell to its row, and its header. */
function keyed(rows: string[][]): { head: string[]; row(key: string): string[] } {
  const [head, ...body] = rows;
  return {
    head,
    row(key) {
      const found = body.find((cells) => cells[0] === key);
      if (found === undefined) throw new Error(`no row "${key}"`);
      return found;
    },
  };
}

/** The leading figure of a cell: `"2.16x 499M"` gives `"2.16x"`, `"**0.99x**"` gives `"0.99x"`. */
const figure = (cell: string): string => cell.replace(/\*\*/g, '').trim().split(/\s+/)[0];

const benchmarks = read('docs/benchmarks.md');
const speed1024 = keyed(tableAfter(benchmarks, '### Capacity 1024'));
const speed1e6 = keyed(tableAfter(benchmarks, '### Capacity 1e6'));
const memory = keyed(tableAfter(benchmarks, '## Memory'));

/** The quoted rows of the alternatives table, and the operation of docs/benchmarks.md each quotes. */
const OPERATIONS: Record<string, string> = {
  'push until full': 'push (fill)',
  '`get(i)` loop': 'get loop',
  '`set(i, x)` loop': 'set loop',
  '`sum()`': 'sum',
  '`pop()` until empty': 'pop (drain)',
  '`swapRemove` + `push`': 'swapRemove churn',
  '`for...of`': 'for...of',
  'clear + refill a frame': 'clear + refill frame',
};

/** The alternatives table of `file` (the one whose header starts with "| operation | `F64Vec`"), checked cell by cell. */
function checkAlternatives(file: string): void {
  const text = read(file);
  const rows = tableAfter(text, '| operation | `F64Vec`');
  const [head, ...body] = rows;
  const columns = head.slice(1, 4).map((name) => name.replace(/`/g, '').replace('<number>', ''));
  expect(columns).toEqual(['F64Vec', 'OptionVec', 'Array']);
  const implementations = speed1024.head;
  let checked = 0;
  for (const cells of body) {
    const label = cells[0];
    for (const [c, implementation] of columns.entries()) {
      const [at1024, at1e6] = cells[c + 1].replace(/\*\*/g, '').replace(/\s*\(.*\)$/, '').split(' / ');
      if (label === 'bytes per element') {
        const row = memory.row(implementation);
        const [m1024, m1e6] = ['B/element at 1024', 'B/element at 1e6'].map((heading) => row[memory.head.indexOf(heading)]);
        expect([file, label, implementation, Number(at1024).toFixed(1), Number(at1e6).toFixed(1)]).toEqual([file, label, implementation, m1024, m1e6]);
      } else {
        const operation = OPERATIONS[label];
        expect([file, label, operation !== undefined]).toEqual([file, label, true]);
        const index = implementations.indexOf(implementation);
        expect([file, label, implementation, at1024, at1e6]).toEqual([
          file,
          label,
          implementation,
          figure(speed1024.row(operation)[index]),
          figure(speed1e6.row(operation)[index]),
        ]);
      }
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(27);
}

describe('figures quoted from docs/benchmarks.md', () => {
  it.each(['README.md', 'docs/guide.md'])('the alternatives table of %s', (file) => {
    checkAlternatives(file);
  });
});

describe('figures quoted from docs/benchmarks-engines.md', () => {
  const engines = read('docs/benchmarks-engines.md');
  const clean = tableAfter(engines, '### Clean process');
  const gcs = tableAfter(engines, '## Garbage collections');
  /** The clean row of `operation` at capacity 1024, F64Vec against raw: one cell per engine. */
  const cleanRow = (operation: string): string[] => {
    const row = clean.find((cells) => cells[0] === operation && cells[1] === '1024' && cells[2] === 'F64Vec / raw');
    if (row === undefined) throw new Error(`no clean row "${operation}"`);
    return row.slice(3).map(figure);
  };
  const QUOTED: Record<string, () => string[]> = {
    '`get(i)` loop': () => cleanRow('get(i) loop'),
    '`set(i, x)` loop': () => cleanRow('set(i, x) loop'),
    'push until full': () => cleanRow('push (fill)'),
    '`pop()` until empty': () => cleanRow('pop (drain)'),
    '`sum()`': () => cleanRow('sum()'),
    '`dot(b)`': () => cleanRow('dot(b)'),
    'GCs in 20,000 frames of a natural game loop': () => {
      const row = gcs.find((cells) => cells[0] === 'game loop' && cells[1] === 'slabvec, first in a fresh process');
      if (row === undefined) throw new Error('no game loop row');
      return row.slice(3);
    },
  };

  it('the per-engine table of README.md', () => {
    const [head, ...body] = tableAfter(read('README.md'), '| `F64Vec` / raw |');
    expect(head.slice(1)).toEqual(['Node 20', 'Node 22', 'Node 24', 'Node 26', 'Chromium 156']);
    expect(body.length).toBe(Object.keys(QUOTED).length);
    for (const cells of body) {
      const quoted = QUOTED[cells[0]];
      expect([cells[0], quoted !== undefined]).toEqual([cells[0], true]);
      expect([cells[0], ...cells.slice(1)]).toEqual([cells[0], ...quoted()]);
    }
  });
});
