/**
 * Text tables for the console and for markdown: the first column left-aligned, the others
 * right-aligned.
 *
 * @module
 */

/** A table: header row plus body rows of cell text. */
export interface Table {
  /** Column headings. */
  readonly head: readonly string[];
  /** Body rows, each as long as `head`. */
  readonly rows: string[][];
}

/** The table as aligned plain text, for the console. */
export function textTable(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(table.head), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** The table in GitHub markdown. */
export function markdownTable(table: Table): string {
  const row = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = table.head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [row(table.head), `| ${align.join(' | ')} |`, ...table.rows.map(row)].join('\n');
}
