/**
 * The "wasm" benchmark table (benchmarks/wasm-*.ts) from made-up results: the crossover
 * length, the bytes and GB/s of a kernel, the goals met and missed, and the console text
 * (every line within 100 columns, a Slab and a WasmSlab column, each ratio with its spread).
 */

// The report module loads the runner, which imports tinybench (ES modules only, which Jest's
// CommonJS runtime cannot load); nothing here times anything.
jest.mock('tinybench', () => ({ Bench: class {}, calibrateTimerOverhead: () => 0, performanceNowTimestampProvider: {} }));
import { optionsFromArgs } from '../benchmarks/config';
import { CONSOLE_WIDTH } from '../benchmarks/report';
import type { RatioStats } from '../benchmarks/stats';
import { checkWasmGoals, rowTarget } from '../benchmarks/wasm-goals';
import { bandwidthTable, crossoverTable, renderWasmMarkdown, renderWasmTable, speedTable, wasmAgainstJsLine } from '../benchmarks/wasm-report';
import {
  ELEMENT_WISE,
  REDUCTIONS,
  WASM_VECTORS,
  bytesPerCall,
  crossoverLength,
  gigabytesPerSecond,
  probeFor,
  type CrossoverPoint,
  type KernelResult,
  type WasmResults,
} from '../benchmarks/wasm-results';

/** A paired ratio with a spread of `spread` either side. */
function ratio(median: number, spread = 0.1): RatioStats {
  return { median, low: median * (1 - spread), high: median * (1 + spread), q1: median, q3: median, rounds: 3 };
}

/** A speed row with the wasm tier at `wasm` and the JS tier at `js` of the raw loop. */
function row(kernel: KernelResult['kernel'], vector: KernelResult['vector'], n: number, wasm: number, js: number): KernelResult {
  const raw = n / 1e6; // 1 ns per element
  return { kernel, vector, n, ms: { raw, js: raw * js, wasm: raw * wasm }, js: ratio(js), wasm: ratio(wasm), wasmOverJs: ratio(wasm / js) };
}

/** A crossover point of `kernel` at `length`: the exports' and the library's ratio to the JS tier. */
function point(kernel: CrossoverPoint['kernel'], length: number, exports: number, library: number | null): CrossoverPoint {
  return { kernel, length, jsMs: 1e-5, exports: ratio(exports), library: library === null ? null : ratio(library) };
}

/** Results where every goal is met: wasm at 0.3x the raw loop, the JS tier at 0.6x. */
function results(override: Partial<WasmResults> = {}): WasmResults {
  const kernels = WASM_VECTORS.flatMap((vector) => [...REDUCTIONS, ...ELEMENT_WISE].flatMap((kernel) => [128, 1024, 1_000_000].map((n) => row(kernel, vector, n, 0.3, 0.6))));
  return {
    mode: { name: 'default', rounds: 3 },
    engine: 'v24.22.3',
    kernels,
    crossover: [4, 8, 12, 16, 24, 32, 64].flatMap((length) => [point('sum', length, length >= 12 ? 0.9 : 1.2, length >= 16 ? 0.95 : null), point('add', length, 0.5, length >= 16 ? 0.8 : null)]),
    minLength: { sum: 32, add: 16 },
    bandwidth: [
      { bytes: 64 << 20, gbPerSec: 20 },
      { bytes: 4 << 20, gbPerSec: 50 },
      { bytes: 8 << 20, gbPerSec: 40 },
      { bytes: 16 << 20, gbPerSec: 35 },
      { bytes: 24 << 20, gbPerSec: 30 },
    ],
    garbage: WASM_VECTORS.flatMap((vector) => [1024, 1_000_000].map((capacity) => ({ vector, kernel: 'sum()', capacity, calls: 20, collections: 0, heapPerCall: 16 }))),
    ...override,
  };
}

describe('the crossover length', () => {
  it('is the shortest length from which on wasm is faster at every longer length', () => {
    const points = [point('sum', 4, 0.9, null), point('sum', 8, 1.1, null), point('sum', 12, 0.95, null), point('sum', 16, 0.8, 1.05), point('sum', 24, 0.7, 0.9)];
    // The win at 4 is not a crossover: 8 is slower again.
    expect(crossoverLength(points, 'sum', 'exports')).toBe(12);
    // Only the lengths the library was measured at count.
    expect(crossoverLength(points, 'sum', 'library')).toBe(24);
    expect(crossoverLength(points, 'add', 'exports')).toBeNull();
  });

  it('is null when wasm is not faster at the longest length, and counts a tie as not faster', () => {
    expect(crossoverLength([point('add', 4, 0.5, null), point('add', 64, 1, null)], 'add', 'exports')).toBeNull();
    expect(crossoverLength([point('add', 64, 0.99, null), point('add', 4, 0.5, null)], 'add', 'exports')).toBe(4);
  });
});

describe('bytes and rates', () => {
  it('counts every array a kernel reads or writes once', () => {
    expect(bytesPerCall('sum', 'F64Vec', 1_000_000)).toBe(8_000_000);
    expect(bytesPerCall('dot', 'F32Vec', 1000)).toBe(8000);
    expect(bytesPerCall('axpy', 'F64Vec', 10)).toBe(240);
    expect(bytesPerCall('scale', 'F32Vec', 10)).toBe(80);
    expect(gigabytesPerSecond(8e6, 1)).toBeCloseTo(8);
  });

  it('reads a kernel against the probe of the smallest region that holds its bytes', () => {
    const probes = results().bandwidth;
    expect(probeFor(probes, 8_000_000)?.bytes).toBe(8 << 20);
    expect(probeFor(probes, 12_000_000)?.bytes).toBe(16 << 20);
    expect(probeFor(probes, 4 << 20)?.bytes).toBe(4 << 20);
    expect(probeFor(probes, 100 << 20)?.bytes).toBe(64 << 20);
    expect(probeFor([], 1)).toBeUndefined();
  });
});

describe('the goals of the wasm table', () => {
  it('are all met by results that meet them', () => {
    const goals = checkWasmGoals(results());
    expect(goals).toHaveLength(8);
    expect(goals.filter((g) => g.pass !== true)).toEqual([]);
    expect(goals[0].measured).toBe('F64Vec 1024 0.30x, 1e6 0.30x; F32Vec 1024 0.30x, 1e6 0.30x');
  });

  it('say which are missed, and which were not measured', () => {
    const base = results();
    const slowDot = base.kernels.map((r) => (r.kernel === 'dot' && r.vector === 'F32Vec' && r.n === 1_000_000 ? row('dot', 'F32Vec', r.n, 0.41, 0.6) : r));
    // At 128 the wasm sum is as fast as the JS tier: not faster.
    const tiedSum = slowDot.map((r) => (r.kernel === 'sum' && r.n === 128 ? row('sum', r.vector, 128, 0.6, 0.6) : r));
    const noScale = tiedSum.filter((r) => r.kernel !== 'scale');
    const collected = base.garbage.map((g, i) => (i === 0 ? { ...g, collections: 2, heapPerCall: null } : g));
    const goals = checkWasmGoals({ ...base, kernels: noScale, garbage: collected });
    const by = (start: string) => goals.filter((g) => g.goal.startsWith(start));
    expect(by('dot(y) in a WasmSlab at most')[0]).toMatchObject({ pass: false, measured: expect.stringContaining('F32Vec 1024 0.30x, 1e6 0.41x') });
    expect(by('sum() in a WasmSlab faster than the JS tier')[0]).toMatchObject({ pass: false, measured: 'F64Vec 1.00x; F32Vec 1.00x' });
    expect(by('scale(k, out)')[0]).toMatchObject({ pass: null, measured: 'not measured' });
    expect(by('zero garbage')[0]).toMatchObject({ pass: false, measured: expect.stringContaining('F64Vec.sum() at 1024: 2') });
    expect(checkWasmGoals({ ...base, garbage: [] }).at(-1)).toMatchObject({ pass: null });
  });

  it('hold each row of the speed table to its own target', () => {
    expect(rowTarget(row('sum', 'F64Vec', 1024, 0.41, 0.6))).toEqual({ text: '<= 0.40x', met: false });
    expect(rowTarget(row('dot', 'F64Vec', 128, 0.5, 0.6))).toEqual({ text: 'wasm < JS', met: true });
    expect(rowTarget(row('add', 'F32Vec', 1024, 0.5, 0.6))).toEqual({ text: '<= 0.50x', met: true });
    expect(rowTarget(row('add', 'F32Vec', 1_000_000, 0.9, 0.6))).toEqual({ text: 'none', met: null });
  });
});

describe('the console text of the wasm table', () => {
  it('gives a Slab and a WasmSlab column per kernel, each ratio with its spread', () => {
    const table = speedTable(results(), 'F64Vec');
    expect(table.head).toEqual(['F64Vec kernel', 'n', 'raw/call', 'Slab', 'WasmSlab', 'wasm/JS', 'target', 'met']);
    expect(table.rows[0]).toEqual(['sum()', '128', '128 ns', '0.60x ±10%', '0.30x ±10%', '0.50x ±10%', 'wasm < JS', 'yes']);
    expect(table.rows).toHaveLength(15);
  });

  it('prints the crossover lengths, the GB/s against the probes, and the goals', () => {
    // Wrapped lines joined again.
    const text = renderWasmTable(results(), checkWasmGoals(results())).replace(/\s+/g, ' ');
    expect(text).toContain("sum(): the exports called directly from length 12; the library's call from length 16 (it dispatches at >= 32)");
    expect(text).toContain('add(y, out): the exports called directly from length 4;');
    expect(text).toContain('a streaming read (wasm v128 loads) of: 4 MB 50.0 GB/s, 8 MB 40.0 GB/s, 16 MB 35.0 GB/s, 24 MB 30.0 GB/s, 64 MB 20.0 GB/s');
    expect(text).toContain('wasm goals on Node v24.22.3: 8 met, 0 missed');
    // 1e6 f64 sum: 8 MB in 0.3 ms is 26.7 GB/s, two thirds of the 8 MB probe's 40 GB/s;
    // an f32 add touches 12 MB, read against the 16 MB probe.
    const rows = bandwidthTable(results()).rows;
    expect(rows.find((r) => r[0] === 'F64Vec.sum()')).toEqual(['F64Vec.sum()', '7.6', '8.0', '13.3', '26.7', '67% of 8 MB']);
    expect(rows.find((r) => r[0] === 'F32Vec.add(y, out)')).toEqual(['F32Vec.add(y, out)', '11.4', '12.0', '20.0', '40.0', '114% of 16 MB']);
    expect(crossoverTable(results()).rows[0]).toEqual(['4', '10 ns', '1.20x ±10%', '-', '10 ns', '0.50x ±10%', '-']);
  });

  it('fits 100 columns, even with wide ratios and a missed goal', () => {
    const wide = results({ kernels: results().kernels.map((r, i) => row(r.kernel, r.vector, r.n, [12.34, 0.99, 1.5][i % 3], [0.995, 27.3, 1][i % 3])) });
    const lines = renderWasmTable(wide, checkWasmGoals(wide)).split('\n');
    expect(lines.filter((line) => line.length > CONSOLE_WIDTH)).toEqual([]);
    expect(lines.some((line) => line.startsWith('  MISS  sum() in a WasmSlab at most 0.40x'))).toBe(true);
    expect(lines.some((line) => line.includes('1.00x ±10% tie'))).toBe(true);
  });

  it('writes the same tables as a markdown section of the report, with the missed goals marked', () => {
    const wide = results({ kernels: results().kernels.map((r, i) => row(r.kernel, r.vector, r.n, [12.34, 0.3, 1.5][i % 3], [0.995, 0.6, 1][i % 3])) });
    const markdown = renderWasmMarkdown(wide, checkWasmGoals(wide));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## WebAssembly tier');
    expect(lines).toContain('- `WasmSlab`: the wasm kernels: the same vectors in a WasmSlab (reductions from 32 elements, element-wise kernels from 16, dispatch to wasm)');
    // A markdown table per class, and the crossover, bandwidth and garbage tables.
    expect(lines.filter((line) => /^\| --- \|/.test(line))).toHaveLength(WASM_VECTORS.length + 3);
    expect(lines).toContain('| F64Vec kernel | n | raw/call | Slab | WasmSlab | wasm/JS | target | met |');
    expect(markdown).toContain('a streaming read (wasm v128 loads) of: 4 MB 50.0 GB/s');
    expect(markdown).toContain('Goals (stated for Node 24), on Node v24.22.3: ');
    expect(lines.some((line) => line.startsWith('- **missed**: sum() in a WasmSlab at most 0.40x'))).toBe(true);
  });

  it('counts where wasm beats the JS tier, loses to it, and ties', () => {
    const line = wasmAgainstJsLine([row('sum', 'F64Vec', 128, 0.2, 0.6), row('add', 'F32Vec', 1024, 0.7, 0.6), row('dot', 'F64Vec', 1024, 0.6, 0.58)]);
    expect(line).toBe('WasmSlab against Slab (the JS tier), by more than 10%: faster on 1 of 3 (up to 3.00x, F64Vec.sum() at 128), slower on 1 (up to 1.17x, F32Vec.add(y, out) at 1024), tied on 1');
  });
});

describe('the wasm table on the command line', () => {
  it('is selected by --only wasm, and runs in every mode', () => {
    expect(optionsFromArgs(['--only', 'wasm'])).toMatchObject({ tables: ['wasm'] });
    expect(optionsFromArgs(['--only', 'kernels,wasm', '--quick'])).toMatchObject({ tables: ['kernels', 'wasm'] });
    expect(optionsFromArgs(['--quick']).tables).toContain('wasm');
    expect(optionsFromArgs([]).tables).toEqual(['operations', 'wasm']);
    expect(optionsFromArgs(['--full']).tables).toContain('wasm');
  });
});
