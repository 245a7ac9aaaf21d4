/**
 * Number formatting shared by the console table, the markdown report and the chart.
 *
 * @module
 */

/** `1024` stays `1024`; `1000000` becomes `1e6`. */
export function formatCapacity(capacity: number): string {
  if (capacity >= 1e5 && Number.isInteger(Math.log10(capacity))) return `1e${Math.log10(capacity)}`;
  return String(capacity);
}

/** A ratio with two decimals below 10 and one above: `1.04x`, `23.5x`. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}x`;
}

/** Operations per second with an SI prefix: `812M`, `3.4k`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return 'n/a';
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, unit] of units) {
    if (perSecond >= scale) {
      const v = perSecond / scale;
      return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${unit}`;
    }
  }
  return perSecond.toFixed(1);
}

/** Bytes with one decimal. */
export function formatBytes(bytes: number): string {
  return bytes.toFixed(1);
}

/** A duration given in ms, with the unit that suits it: `136 ns`, `3.35 µs`, `1.20 ms`. */
export function formatDuration(ms: number): string {
  const ns = ms * 1e6;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** `a`, `a and b`, `a, b and c`: a list in prose. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
