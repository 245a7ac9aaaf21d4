/**
 * The chart of docs/benchmarks.svg (benchmarks/chart.ts) from made-up results: the axis fits
 * slabvec's classes and not the far alternatives, which are drawn at the edge with their
 * value; every series has its own colour and shape; each ratio has a whisker for its rounds;
 * the memory and garbage panels show every implementation's figure; the text is escaped.
 */

import type { Cell } from '../benchmarks/cells';
import { axisRange, renderChart, type ChartData, type Series } from '../benchmarks/chart';
import { styleOf } from '../benchmarks/chart-marks';
import type { GcResult, MemoryResult } from '../benchmarks/memory';
import type { OpId } from '../benchmarks/operations';

const SERIES: readonly Series[] = [
  { id: 'OptionVec', role: 'alternative' },
  { id: 'F64Vec', role: 'typed vector' },
  { id: 'F32Vec', role: 'typed vector' },
  { id: 'I32Vec', role: 'typed vector' },
  { id: 'field f64', role: 'reference' },
  { id: 'Array', role: 'alternative' },
  { id: 'mnemonist', role: 'alternative' },
];

function cell(impl: string, op: OpId, capacity: number, ratio: number, low = ratio * 0.9, high = ratio * 1.1): Cell {
  return { impl, op, capacity, opsPerSec: 1e9 / ratio, ratio, ratioLow: low, ratioHigh: high };
}

const CAPACITIES = [128, 1024];

function data(cells: readonly Cell[]): ChartData {
  const memory: MemoryResult[] = ['raw f64', ...SERIES.map((s) => s.id)].map((impl) => ({
    impl, capacity: 1024, vectors: 100, bytesPerElement: impl === 'OptionVec' ? 24.1 : impl === 'Array' ? 10.4 : 8.3,
  }));
  const gcs: GcResult[] = SERIES.map((s) => ({ impl: s.id, collections: s.id === 'mnemonist' ? 3 : 0, minor: 0, major: 0, operations: 10_050_000, nsPerOp: 2 }));
  return { cells, capacities: CAPACITIES, series: SERIES, memory, gcs, rounds: 5, subtitle: 'test run: Node <x> & co' };
}

/** A plausible result set: slabvec near 1x, OptionVec at 146x on extend. */
function plausibleCells(): Cell[] {
  const cells: Cell[] = [];
  for (const capacity of CAPACITIES) {
    for (const op of ['push', 'get', 'extend'] as const) {
      cells.push(cell('F64Vec', op, capacity, op === 'push' ? 2.1 : 1, op === 'push' ? 1.9 : 0.95, op === 'push' ? 3.4 : 1.05));
      cells.push(cell('F32Vec', op, capacity, 1.2));
      cells.push(cell('I32Vec', op, capacity, 1.3));
      cells.push(cell('field f64', op, capacity, 1.5));
      cells.push(cell('OptionVec', op, capacity, op === 'extend' ? 146 : 2.5));
      cells.push(cell('Array', op, capacity, op === 'push' ? 9.2 : 1.1));
      cells.push(cell('mnemonist', op, capacity, 3));
    }
  }
  return cells;
}

describe('axisRange', () => {
  it('holds every whisker of the typed vectors and the reference, not the alternatives', () => {
    const { low, high } = axisRange(plausibleCells(), SERIES);
    expect(low).toBeLessThanOrEqual(0.5);
    expect(high).toBeGreaterThanOrEqual(3.4);
    expect(high).toBeLessThan(146);
    expect([1, 2, 5]).toContain(Number((high / 10 ** Math.floor(Math.log10(high))).toPrecision(3)));
  });

  it('spans at least 0.5x to 2x when everything sits at 1x', () => {
    const flat = SERIES.map((s) => cell(s.id, 'get', 1024, 1, 1, 1));
    expect(axisRange(flat, SERIES)).toEqual({ low: 0.5, high: 2 });
  });
});

describe('renderChart', () => {
  const svg = renderChart(data(plausibleCells()));

  it('is one SVG document whose text is escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).toContain('test run: Node &lt;x&gt; &amp; co');
    for (const [, content] of svg.matchAll(/<text[^>]*>([^]*?)<\/text>/g)) expect(content).not.toMatch(/[<>]/);
  });

  it('draws every ratio with a whisker over its rounds, and a value past the axis at the edge with its label', () => {
    const cells = plausibleCells();
    const whiskers = svg.match(/<line [^>]*stroke-width="1\.4" stroke-opacity="0\.8"\/>/g) ?? [];
    expect(whiskers).toHaveLength(cells.length);
    // OptionVec's 146x is past the axis at both capacities: an arrowhead whose tooltip says
    // so, and the value in its colour.
    const colour = styleOf('OptionVec').colour;
    expect(svg.match(new RegExp(`<text [^>]*fill="${colour}">146x</text>`, 'g'))).toHaveLength(CAPACITIES.length);
    expect(svg).toContain('<title>OptionVec, extend(typed) at 1024: 146x (rounds 131x to 161x)</title>');
  });

  it('gives each implementation its own colour and its own shape, shown in the legend', () => {
    const styles = SERIES.map((s) => styleOf(s.id));
    expect(new Set(styles.map((s) => s.colour)).size).toBe(SERIES.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(SERIES.length);
    for (const s of SERIES) expect(svg).toContain(`>${s.id}</text>`);
  });

  it('lists slabvec classes first in the legend, whatever the order given', () => {
    const legend = SERIES.map((s) => ({ id: s.id, at: svg.indexOf(`>${s.id}</text>`) })).sort((a, b) => a.at - b.at);
    expect(legend.map((entry) => entry.id).slice(0, 3)).toEqual(['F64Vec', 'F32Vec', 'I32Vec']);
  });

  it('has a memory panel and a garbage-collection panel with every figure', () => {
    expect(svg).toContain('Memory: bytes per element, full, at 1024');
    expect(svg).toContain('24.1 B');
    expect(svg).toContain('10.4 B');
    expect(svg).toContain('Garbage collections: steady-state loop, 10,050,000 operations');
    const gcLabels = [...svg.slice(svg.indexOf('Garbage collections')).matchAll(/font-size="11">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(gcLabels).toEqual(SERIES.map((s) => (s.id === 'mnemonist' ? 3 : 0)));
  });

  it('leaves out operations nothing measured', () => {
    expect(svg).toContain('>push (fill)</text>');
    expect(svg).not.toContain('>pop (drain)</text>');
  });
});
