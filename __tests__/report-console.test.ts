/**
 * The console report of `npm start` (benchmarks/report.ts) from made-up results: every line
 * fits 100 columns, even with the widest ratios, notes and goal texts, and each ratio cell
 * carries its spread and a tie mark when its rounds' range holds 1.00x.
 */

import { CONSOLE_WIDTH, printConsole, ratioCell, wrapLine, type RunResults } from '../benchmarks/report';

// The report module loads the runner, which imports tinybench (ES modules only, which Jest's
// CommonJS runtime cannot load); nothing here times anything.
jest.mock('tinybench', () => ({ Bench: class {}, calibrateTimerOverhead: () => 0, performanceNowTimestampProvider: {} }));
import { IMPLEMENTATIONS } from '../benchmarks/implementations';
import { OPERATIONS } from '../benchmarks/operations';
import { MODES } from '../benchmarks/config';
import { comparisonCapacities } from '../benchmarks/comparison';

/** Results for every implementation, operation and capacity of the default mode, with wide ratios. */
function wideResults(): RunResults {
  // The block size (128) and the capacities, as the default mode runs them.
  const capacities = comparisonCapacities(MODES.default);
  const cells = IMPLEMENTATIONS.flatMap((impl, i) =>
    OPERATIONS.flatMap((op, j) =>
      capacities.map((capacity) => {
        const ratio = [1005.6, 0.994, 27.31, 1.5][(i + j) % 4];
        return { impl: impl.id, op: op.id, capacity, opsPerSec: 1.23e9, ratio, ratioLow: ratio * 0.5, ratioHigh: ratio * 1.9, note: j % 5 === 0 ? `composed from other methods ${j}` : undefined };
      }),
    ),
  );
  return {
    mode: MODES.default,
    env: { command: 'x', node: 'v24.22.3', v8: '13.6', cpu: 'a very long CPU model name, 16 cores at 3.2 GHz', cores: 2, memoryGiB: 8, os: 'linux', loadAtStart: 1 },
    speed: { capacities, cells, timerOverheadNs: 0, sink: 123456789 },
    memory: IMPLEMENTATIONS.flatMap((impl) => capacities.map((capacity) => ({ impl: impl.id, capacity, vectors: 1, bytesPerElement: 24.25 }))),
    gcs: IMPLEMENTATIONS.map((impl) => ({ impl: impl.id, collections: 12, minor: 11, major: 1, operations: 10_000_000, nsPerOp: 3.25 })),
    goals: [
      { goal: 'F64Vec uses at least 3x less memory per element than OptionVec (f64)', measured: '1024: 9.56 vs 24.49 B (2.5610x), 1e6: 8.06 vs 24.10 B (2.9881x) and then some more words to wrap', pass: false },
      { goal: 'zero garbage collections', measured: 'F64Vec 0', pass: true },
    ],
    seconds: 61.5,
    loadAtEnd: 2,
  } as unknown as RunResults;
}

describe('the console report', () => {
  it('fits 100 columns', () => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    try {
      printConsole(wideResults());
    } finally {
      log.mockRestore();
    }
    const lines = printed.join('\n').split('\n');
    expect(lines.length).toBeGreaterThan(60);
    expect(lines.filter((line) => line.length > CONSOLE_WIDTH)).toEqual([]);
    expect(lines.some((line) => line.includes('1006x ±90%') || line.includes('1005.6x ±90%'))).toBe(true);
  });

  it('gives each ratio its spread, and marks a tie when the rounds hold 1.00x', () => {
    expect(ratioCell(1.5, 1.4, 1.65)).toBe('1.50x ±10%');
    expect(ratioCell(0.99, 0.97, 1.02)).toBe('0.99x ±3% tie');
    expect(ratioCell(1.1, 1.05, 1.2)).toBe('1.10x ±9%');
  });

  it('wraps long lines at spaces, indenting the continuations', () => {
    expect(wrapLine('aaa bbb ccc ddd', 8, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd']);
    expect(wrapLine('short', 8)).toEqual(['short']);
    expect(wrapLine('averyveryverylongword end', 8, '  ')).toEqual(['averyveryverylongword', '  end']);
  });
});
