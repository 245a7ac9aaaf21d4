/**
 * The SVG chart of docs/benchmarks.svg: for each capacity, one row per operation and one
 * marker per implementation at its ratio to the raw typed array, on a log scale. Written
 * by hand, no dependency.
 *
 * @module
 */

import { MEASURED_SPECS } from './classes.js';
import { cellOf, type Cell } from './cells.js';
import { formatCapacity } from './format.js';
import { OPERATIONS } from './operations.js';

/** Marker colours of the typed vectors, in the element table's order. */
const TYPED_VECTOR_COLOURS = ['#1f4e9c', '#4a90d9', '#2aa198'];

/** Marker colour per implementation id; anything else gets grey. */
const COLOURS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(MEASURED_SPECS.map((spec, i) => [spec.className, TYPED_VECTOR_COLOURS[i]])),
  OptionVec: '#d62728',
  Array: '#ff7f0e',
  mnemonist: '#9467bd',
  'field f64': '#9e9e9e',
};

const WIDTH = 900;
const LEFT = 170;
const RIGHT = 30;
const ROW = 26;
const PANEL_TOP = 34;
const AXIS = 34;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Tick values on a 1-2-5 log sequence covering [low, high] (decades only from 100 up). */
function ticks(low: number, high: number): number[] {
  const out: number[] = [];
  for (let decade = Math.floor(Math.log10(low)); decade <= Math.ceil(Math.log10(high)); decade++) {
    for (const m of decade >= 2 ? [1] : [1, 2, 5]) {
      const t = m * 10 ** decade;
      if (t >= low * 0.999 && t <= high * 1.001) out.push(t);
    }
  }
  return out;
}

function tickLabel(t: number): string {
  if (t >= 1000) return `${t / 1000}kx`;
  return `${t >= 1 ? String(t) : t.toFixed(1)}x`;
}

/**
 * Renders the chart.
 *
 * @param cells - the speed results.
 * @param implIds - the implementations to plot (not the baselines), in legend order.
 * @param capacities - one panel per capacity.
 * @param subtitle - a line under the title (mode, machine).
 * @returns the SVG document.
 */
export function renderChart(cells: readonly Cell[], implIds: readonly string[], capacities: readonly number[], subtitle: string): string {
  const plotted = cells.filter((c) => implIds.includes(c.impl) && Number.isFinite(c.ratio) && c.ratio > 0);
  const low = Math.min(0.5, ...plotted.map((c) => c.ratio));
  const high = Math.max(2, ...plotted.map((c) => c.ratio));
  const minX = ticks(low / 10, low).pop()!;
  const maxX = 10 ** Math.ceil(Math.log10(high));
  const x = (ratio: number): number => LEFT + ((Math.log10(ratio) - Math.log10(minX)) / (Math.log10(maxX) - Math.log10(minX))) * (WIDTH - LEFT - RIGHT);
  const panelHeight = PANEL_TOP + OPERATIONS.length * ROW + AXIS;
  const legendTop = 52;
  const top = legendTop + 30;
  const height = top + capacities.length * panelHeight + 10;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="24" font-size="16" font-weight="bold">Time relative to a raw typed array with a hand-kept length (1x = as fast; left is better; log scale)</text>`);
  out.push(`<text x="16" y="42" fill="#555">${escapeXml(subtitle)}</text>`);
  let lx = 16;
  implIds.forEach((id) => {
    out.push(`<circle cx="${lx + 5}" cy="${legendTop + 10}" r="${id === 'F64Vec' ? 6 : 5}" fill="${COLOURS[id] ?? '#888'}"/>`);
    out.push(`<text x="${lx + 15}" y="${legendTop + 14}">${escapeXml(id)}</text>`);
    lx += 30 + id.length * 7.5;
  });
  out.push(`<rect x="${lx + 4}" y="${legendTop + 3}" width="22" height="14" fill="#2ca02c" fill-opacity="0.12"/>`);
  out.push(`<text x="${lx + 32}" y="${legendTop + 14}">1x to 1.15x</text>`);
  capacities.forEach((capacity, p) => {
    const y0 = top + p * panelHeight;
    const plotTop = y0 + PANEL_TOP - 8;
    const plotBottom = y0 + PANEL_TOP + OPERATIONS.length * ROW - 8;
    out.push(`<text x="16" y="${y0 + 18}" font-size="14" font-weight="bold">capacity ${formatCapacity(capacity)}</text>`);
    out.push(`<rect x="${x(1)}" y="${plotTop}" width="${x(1.15) - x(1)}" height="${plotBottom - plotTop}" fill="#2ca02c" fill-opacity="0.12"/>`);
    for (const t of ticks(minX, maxX)) {
      out.push(`<line x1="${x(t)}" y1="${plotTop}" x2="${x(t)}" y2="${plotBottom}" stroke="${t === 1 ? '#333' : '#ddd'}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
      out.push(`<text x="${x(t)}" y="${plotBottom + 16}" text-anchor="middle" fill="#444">${tickLabel(t)}</text>`);
    }
    OPERATIONS.forEach((op, row) => {
      const cy = y0 + PANEL_TOP + row * ROW + ROW / 2 - 8;
      if (row % 2 === 1) out.push(`<rect x="${LEFT}" y="${cy - ROW / 2}" width="${WIDTH - LEFT - RIGHT}" height="${ROW}" fill="#000" fill-opacity="0.03"/>`);
      out.push(`<text x="${LEFT - 8}" y="${cy + 4}" text-anchor="end">${escapeXml(op.label)}</text>`);
      implIds.forEach((id, k) => {
        const cell = cellOf(plotted, id, op.id, capacity);
        if (cell === undefined) return;
        const dy = (k - (implIds.length - 1) / 2) * 3;
        const title = `${id} ${op.label} at ${formatCapacity(capacity)}: ${cell.ratio.toFixed(2)}x (rounds ${cell.ratioLow.toFixed(2)}x to ${cell.ratioHigh.toFixed(2)}x)${cell.note ? `, ${cell.note}` : ''}`;
        out.push(
          `<circle cx="${x(cell.ratio).toFixed(1)}" cy="${(cy + dy).toFixed(1)}" r="${id === 'F64Vec' ? 6 : 4.5}" fill="${COLOURS[id] ?? '#888'}" fill-opacity="${id === 'F64Vec' ? 1 : 0.85}" stroke="#fff" stroke-width="0.8"><title>${escapeXml(title)}</title></circle>`,
        );
      });
    });
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
