/**
 * The SVG chart of docs/benchmarks.svg, for a reader deciding whether to adopt slabvec:
 *
 * - speed: one row per operation and one column per capacity; in each cell, one line per
 *   implementation with its median ratio to the raw typed array (a marker) and the range of
 *   its paired rounds (a whisker), on a log axis fitted to slabvec's classes. A value past
 *   the axis is an arrowhead at the edge, labelled with its value;
 * - memory: bytes per element of full vectors at the largest capacity measured;
 * - garbage collections in the steady-state loop.
 *
 * Marks: {@link styleOf} (a colour-blind-safe palette plus a shape per implementation).
 * Written by hand, no dependency.
 *
 * @module
 */

import { cellOf, type Cell } from './cells.js';
import { beyondMark, escapeXml, marker, styleOf } from './chart-marks.js';
import { formatCapacity } from './format.js';
import type { Role } from './implementations.js';
import type { GcResult, MemoryResult } from './memory.js';
import { OPERATIONS } from './operations.js';

/** One plotted implementation. */
export interface Series {
  readonly id: string;
  /** Typed vectors and the reference decide the axis range; alternatives may fall past it. */
  readonly role: Role;
}

/** Everything the chart shows. */
export interface ChartData {
  /** The speed results. */
  readonly cells: readonly Cell[];
  /** One column per capacity. */
  readonly capacities: readonly number[];
  /** The implementations to plot (not the baselines), in legend order. */
  readonly series: readonly Series[];
  readonly memory: readonly MemoryResult[];
  readonly gcs: readonly GcResult[];
  /** Paired rounds behind each ratio. */
  readonly rounds: number;
  /** A line under the title (mode, machine). */
  readonly subtitle: string;
}

const WIDTH = 1040;
const MARGIN = 16;
/** Width of the operation labels left of the speed grid. */
const LABELS = 140;
const COLUMN_GAP = 18;
/** Room right of each column's axis for the labels of values past it. */
const BEYOND = 40;
/** Vertical distance between two implementations' lines in a row. */
const LINE_STEP = 7;
const ROW_PAD = 6;
/** The goal band: within 1.15x of the raw typed array. */
const GOAL_BAND = 1.15;
const FONT = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif';

const f = (n: number): string => n.toFixed(1);

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${f(x)}" y="${f(y)}"${attributes === '' ? '' : ` ${attributes}`}>${escapeXml(content)}</text>`;
}

/** The 1-2-5 sequence of ticks from `low` to `high`. */
function ticks(low: number, high: number): number[] {
  const out: number[] = [];
  for (let decade = Math.floor(Math.log10(low)) - 1; decade <= Math.ceil(Math.log10(high)); decade++) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** decade;
      if (t >= low * 0.999 && t <= high * 1.001) out.push(Number(t.toPrecision(3)));
    }
  }
  return out;
}

/** The largest 1-2-5 value at most `value`, and the smallest at least `value`. */
function niceBelow(value: number): number {
  return ticks(value / 10, value).pop()!;
}
function niceAbove(value: number): number {
  return ticks(value, value * 10)[0];
}

function ratioLabel(ratio: number): string {
  if (ratio >= 100) return `${ratio.toFixed(0)}x`;
  if (ratio >= 10) return `${ratio.toFixed(1).replace(/\.0$/, '')}x`;
  return `${ratio.toFixed(2).replace(/0$/, '').replace(/\.0$/, '')}x`;
}

/**
 * The axis range: it holds every whisker of the typed vectors and the reference, 0.5x to 2x
 * at least, widened to 1-2-5 values. Alternatives past it are drawn at its edge.
 */
export function axisRange(cells: readonly Cell[], series: readonly Series[]): { low: number; high: number } {
  const fitted = new Set(series.filter((s) => s.role !== 'alternative').map((s) => s.id));
  const plotted = new Set(series.map((s) => s.id));
  const usable = cells.filter((c) => plotted.has(c.impl) && Number.isFinite(c.ratio) && c.ratio > 0);
  // 5% of room past the outermost whiskers, so that no marker sits on the frame.
  const lowest = Math.min(...usable.map((c) => c.ratioLow)) / 1.05;
  const highest = Math.max(...usable.filter((c) => fitted.has(c.impl)).map((c) => c.ratioHigh)) * 1.05;
  return { low: niceBelow(Math.min(0.5, lowest)), high: niceAbove(Math.max(2, highest)) };
}

/** The speed grid; returns its SVG and its height. */
function speedGrid(data: ChartData, top: number): { svg: string[]; height: number } {
  const { low, high } = axisRange(data.cells, data.series);
  const columns = data.capacities.length;
  const columnWidth = (WIDTH - 2 * MARGIN - LABELS - (columns - 1) * COLUMN_GAP) / columns;
  const plotWidth = columnWidth - BEYOND;
  const rowHeight = 2 * ROW_PAD + (data.series.length - 1) * LINE_STEP;
  const operations = OPERATIONS.filter((op) => data.cells.some((c) => c.op === op.id));
  const header = 22;
  const gridTop = top + header;
  const gridBottom = gridTop + operations.length * rowHeight;
  const svg: string[] = [];
  const scale = (ratio: number): number => (Math.log10(ratio) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
  operations.forEach((op, row) => {
    const y = gridTop + row * rowHeight;
    if (row % 2 === 1) svg.push(`<rect x="${MARGIN}" y="${f(y)}" width="${WIDTH - 2 * MARGIN}" height="${f(rowHeight)}" fill="#000000" fill-opacity="0.035"/>`);
    svg.push(text(MARGIN + LABELS - 8, y + rowHeight / 2 + 4, op.label, 'text-anchor="end"'));
  });
  data.capacities.forEach((capacity, column) => {
    const left = MARGIN + LABELS + column * (columnWidth + COLUMN_GAP);
    const x = (ratio: number): number => left + scale(ratio) * plotWidth;
    svg.push(text(left + plotWidth / 2, top + 12, `capacity ${formatCapacity(capacity)}`, 'text-anchor="middle" font-weight="bold"'));
    svg.push(`<rect x="${f(x(1))}" y="${f(gridTop)}" width="${f(x(GOAL_BAND) - x(1))}" height="${f(gridBottom - gridTop)}" fill="#009E73" fill-opacity="0.13"/>`);
    for (const t of ticks(low, high)) {
      svg.push(`<line x1="${f(x(t))}" y1="${f(gridTop)}" x2="${f(x(t))}" y2="${f(gridBottom)}" stroke="${t === 1 ? '#222222' : '#d8d8d8'}" stroke-width="${t === 1 ? 1.3 : 1}"/>`);
      svg.push(text(x(t), gridBottom + 14, ratioLabel(t), 'text-anchor="middle" fill="#444444" font-size="11"'));
    }
    operations.forEach((op, row) => {
      data.series.forEach((s, k) => {
        const cell = cellOf(data.cells, s.id, op.id, capacity);
        if (cell === undefined || !Number.isFinite(cell.ratio) || cell.ratio <= 0) return;
        const style = styleOf(s.id);
        const y = gridTop + row * rowHeight + ROW_PAD + k * LINE_STEP;
        const clamp = (ratio: number): number => x(Math.min(high, Math.max(low, ratio)));
        const title = `${s.id}, ${op.label} at ${formatCapacity(capacity)}: ${ratioLabel(cell.ratio)} (rounds ${ratioLabel(cell.ratioLow)} to ${ratioLabel(cell.ratioHigh)})${cell.note ? `; ${cell.note}` : ''}`;
        svg.push(`<line x1="${f(clamp(cell.ratioLow))}" y1="${f(y)}" x2="${f(clamp(cell.ratioHigh))}" y2="${f(y)}" stroke="${style.colour}" stroke-width="1.4" stroke-opacity="0.8"/>`);
        if (cell.ratio > high) {
          svg.push(beyondMark(style, x(high) + 4, y, title));
          svg.push(text(x(high) + 8, y + 3, ratioLabel(cell.ratio), `font-size="8.5" fill="${style.colour}"`));
        } else {
          svg.push(marker(style, x(cell.ratio), y, s.role === 'typed vector' ? 3.6 : 3.1, title));
        }
      });
    });
  });
  svg.push(text(MARGIN + LABELS, gridBottom + 30, 'time relative to the raw typed array (log scale; 1x = as fast, left is better)', 'fill="#444444" font-size="11"'));
  return { svg, height: gridBottom + 34 - top };
}

/**
 * A horizontal bar panel: one bar per entry, labelled with its value, on a linear scale from 0
 * to the largest value or `minimumScale`, whichever is larger (so that 1 of a few does not
 * fill the panel).
 */
function barPanel(
  title: string,
  entries: readonly { id: string; value: number; label: string; reference?: boolean }[],
  left: number,
  width: number,
  top: number,
  minimumScale: number,
): { svg: string[]; height: number } {
  const labels = 92;
  const barRoom = width - labels - 56;
  const max = Math.max(minimumScale, ...entries.map((e) => e.value));
  const svg: string[] = [text(left, top + 12, title, 'font-weight="bold"')];
  entries.forEach((entry, i) => {
    const y = top + 22 + i * 18;
    const style = styleOf(entry.id);
    const length = (entry.value / max) * barRoom;
    svg.push(text(left + labels - 8, y + 12, entry.id, 'text-anchor="end"'));
    svg.push(`<rect x="${f(left + labels)}" y="${f(y + 3)}" width="${f(Math.max(length, 0))}" height="11" fill="${entry.reference ? '#bbbbbb' : style.colour}"/>`);
    if (!entry.reference) svg.push(marker(style, left + labels + length, y + 8.5, 3.4));
    svg.push(text(left + labels + length + 8, y + 12, entry.label, 'font-size="11"'));
  });
  return { svg, height: 22 + entries.length * 18 + 6 };
}

/** The memory and garbage-collection panels, side by side. */
function footPanels(data: ChartData, top: number): { svg: string[]; height: number } {
  const width = (WIDTH - 2 * MARGIN - 30) / 2;
  const plotted = data.series.map((s) => s.id);
  const capacity = Math.max(...data.memory.map((m) => m.capacity));
  const memoryIds = ['raw f64', ...plotted];
  const memory = memoryIds
    .map((id) => data.memory.find((m) => m.impl === id && m.capacity === capacity))
    .filter((m): m is MemoryResult => m !== undefined)
    .map((m) => ({ id: m.impl, value: m.bytesPerElement, label: `${m.bytesPerElement.toFixed(1)} B`, reference: m.impl.startsWith('raw ') }));
  const gcs = plotted
    .map((id) => data.gcs.find((g) => g.impl === id))
    .filter((g): g is GcResult => g !== undefined)
    .map((g) => ({ id: g.impl, value: g.collections, label: String(g.collections) }));
  const operations = data.gcs[0]?.operations ?? 0;
  const left = barPanel(`Memory: bytes per element, full, at ${formatCapacity(capacity)}`, memory, MARGIN, width, top, 1);
  const right = barPanel(`Garbage collections: steady-state loop, ${operations.toLocaleString('en-US')} operations`, gcs, MARGIN + width + 30, width, top, 10);
  return { svg: [...left.svg, ...right.svg], height: Math.max(left.height, right.height) };
}

/** The legend: every series' mark and name, and how to read whiskers and edge values. */
function legend(data: ChartData, top: number): string[] {
  const svg: string[] = [];
  let x = MARGIN;
  for (const s of data.series) {
    svg.push(marker(styleOf(s.id), x + 5, top + 6, 4));
    svg.push(text(x + 14, top + 10, s.id));
    x += 26 + s.id.length * 7;
  }
  const y = top + 26;
  const style = styleOf('F64Vec');
  svg.push(`<line x1="${MARGIN}" y1="${y}" x2="${MARGIN + 30}" y2="${y}" stroke="${style.colour}" stroke-width="1.4"/>`);
  svg.push(marker(style, MARGIN + 12, y, 3.6));
  svg.push(text(MARGIN + 38, y + 4, `median of ${data.rounds} paired rounds, whisker from the lowest to the highest round`, 'font-size="11"'));
  svg.push(beyondMark(styleOf('OptionVec'), MARGIN + 470, y, 'past the axis'));
  svg.push(text(MARGIN + 478, y + 4, 'past the axis, with its value', 'font-size="11"'));
  svg.push(`<rect x="${MARGIN + 660}" y="${y - 6}" width="22" height="12" fill="#009E73" fill-opacity="0.13"/>`);
  svg.push(text(MARGIN + 688, y + 4, `within ${GOAL_BAND}x of raw (the speed goal)`, 'font-size="11"'));
  return svg;
}

/**
 * Renders the chart.
 *
 * @param data - what to show.
 * @returns the SVG document.
 */
export function renderChart(data: ChartData): string {
  // slabvec's classes first, then the reference, then the alternatives.
  const order: readonly Role[] = ['typed vector', 'reference', 'alternative'];
  data = { ...data, series: [...data.series].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)) };
  const head = [
    text(MARGIN, 24, 'slabvec against the alternatives: speed, memory and garbage', 'font-size="16" font-weight="bold"'),
    text(MARGIN, 42, data.subtitle, 'fill="#555555"'),
    ...legend(data, 56),
  ];
  const speedTop = 104;
  const speed = speedGrid(data, speedTop);
  const footTop = speedTop + speed.height + 18;
  const foot = footPanels(data, footTop);
  const height = Math.ceil(footTop + foot.height + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...head,
    ...speed.svg,
    ...foot.svg,
    '</svg>',
    '',
  ].join('\n');
}
