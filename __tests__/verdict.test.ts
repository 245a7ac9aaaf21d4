/**
 * The console report's verdict (benchmarks/verdict.ts) from made-up results: the counts,
 * the largest factors with where they occur, ties within 10%, memory, GCs and the goals.
 */

import { verdictLines } from '../benchmarks/verdict';
import type { RunResults } from '../benchmarks/report';

/** Results with F64Vec and OptionVec at one capacity: `ratios` maps an operation id to [F64Vec, OptionVec]. */
function results(ratios: Record<string, [number, number]>): RunResults {
  const cells = Object.entries(ratios).flatMap(([op, [ours, theirs]]) => [
    { impl: 'F64Vec', op, capacity: 1024, opsPerSec: 1, ratio: ours },
    { impl: 'OptionVec', op, capacity: 1024, opsPerSec: 1, ratio: theirs },
  ]);
  return {
    mode: { capacities: [1024] },
    speed: { capacities: [1024], cells, timerOverheadNs: 0, sink: 0 },
    memory: [
      { impl: 'F64Vec', capacity: 1024, vectors: 1, bytesPerElement: 8 },
      { impl: 'OptionVec', capacity: 1024, vectors: 1, bytesPerElement: 24 },
    ],
    gcs: [
      { impl: 'F64Vec', collections: 0, minor: 0, major: 0, operations: 1, nsPerOp: 1 },
      { impl: 'OptionVec', collections: 3, minor: 3, major: 0, operations: 1, nsPerOp: 1 },
    ],
    goals: [
      { goal: 'fast', measured: '', pass: true },
      { goal: 'small', measured: '', pass: false },
    ],
  } as unknown as RunResults;
}

describe('the verdict of the console report', () => {
  it('counts wins, losses and ties per alternative, with the largest factor and where', () => {
    const lines = verdictLines(results({ push: [1, 10], get: [2, 1], sum: [1, 1.05] }));
    const line = lines.find((l) => l.includes('vs OptionVec'));
    expect(line).toContain('faster on 1 of 3 (up to 10.0x, push (fill) at 1024)');
    expect(line).toContain('slower on 1 (up to 2.00x, get loop at 1024)');
    expect(line).toContain('tied on 1');
    expect(line).toContain("memory per element 3.00x F64Vec's at 1024");
    expect(line).toContain('GCs in the steady-state loop 0 against 3');
    expect(lines[lines.length - 1]).toBe('goals: 1 met, 1 missed: small');
  });
});
