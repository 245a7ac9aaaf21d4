/**
 * The opening legend and the closing verdict of the console report: what each column is,
 * and, per alternative, where F64Vec wins and loses and by how much, with the goals met
 * and missed. Derived from the results only; nothing here measures.
 *
 * @module
 */

import { cellOf } from './cells.js';
import { formatCapacity, formatRatio } from './format.js';
import { IMPLEMENTATIONS } from './implementations.js';
import { OPERATIONS } from './operations.js';
import type { RunResults } from './report.js';

/** The implementation the verdict speaks for. */
const SUBJECT = 'F64Vec';

/** Ratios within this factor of 1 count as a tie: paired medians on a shared machine move about that much. */
const TIE = 1.1;

/** One line per implementation: its id and what it is. */
export function legendLines(): string[] {
  const width = Math.max(...IMPLEMENTATIONS.map((i) => i.id.length));
  return [
    'columns (every ratio is to the raw typed array of the same element type, 1.00x):',
    ...IMPLEMENTATIONS.map((i) => `  ${i.id.padEnd(width)}  ${i.description}`),
  ];
}

/** An operation at a capacity, with the factor between two implementations there. */
interface Extreme {
  readonly factor: number;
  readonly where: string;
}

/** The verdict: one line per alternative, then the goals. */
export function verdictLines(results: RunResults): string[] {
  const { cells } = results.speed;
  const lines = [`verdict: ${SUBJECT} against each alternative (faster or slower by more than ${Math.round((TIE - 1) * 100)}%, else a tie)`];
  for (const alternative of IMPLEMENTATIONS.filter((i) => i.role === 'alternative')) {
    let compared = 0;
    let ties = 0;
    const wins: Extreme[] = [];
    const losses: Extreme[] = [];
    for (const capacity of results.speed.capacities) {
      for (const op of OPERATIONS) {
        const ours = cellOf(cells, SUBJECT, op.id, capacity);
        const theirs = cellOf(cells, alternative.id, op.id, capacity);
        if (ours === undefined || theirs === undefined) continue;
        compared++;
        const factor = theirs.ratio / ours.ratio; // above 1: F64Vec takes less time
        const where = `${op.label} at ${formatCapacity(capacity)}`;
        if (factor > TIE) wins.push({ factor, where });
        else if (factor < 1 / TIE) losses.push({ factor: 1 / factor, where });
        else ties++;
      }
    }
    const largest = (list: Extreme[]): string => {
      const top = list.reduce((a, b) => (b.factor > a.factor ? b : a));
      return `up to ${formatRatio(top.factor)}, ${top.where}`;
    };
    const parts = [
      `faster on ${wins.length} of ${compared}${wins.length > 0 ? ` (${largest(wins)})` : ''}`,
      `slower on ${losses.length}${losses.length > 0 ? ` (${largest(losses)})` : ''}`,
      `tied on ${ties}`,
    ];
    const capacity = results.mode.capacities[results.mode.capacities.length - 1];
    const bytes = (impl: string): number | undefined => results.memory.find((m) => m.impl === impl && m.capacity === capacity)?.bytesPerElement;
    const [ourBytes, theirBytes] = [bytes(SUBJECT), bytes(alternative.id)];
    if (ourBytes !== undefined && theirBytes !== undefined) parts.push(`memory per element ${formatRatio(theirBytes / ourBytes)} ${SUBJECT}'s at ${formatCapacity(capacity)}`);
    const gcs = (impl: string): number | undefined => results.gcs.find((g) => g.impl === impl)?.collections;
    const [ourGcs, theirGcs] = [gcs(SUBJECT), gcs(alternative.id)];
    if (ourGcs !== undefined && theirGcs !== undefined) parts.push(`GCs in the steady-state loop ${ourGcs} against ${theirGcs}`);
    lines.push(`  vs ${alternative.id}: ${parts.join('; ')}`);
  }
  const met = results.goals.filter((g) => g.pass === true);
  const missed = results.goals.filter((g) => g.pass === false);
  lines.push(`goals: ${met.length} met, ${missed.length} missed${missed.length > 0 ? `: ${missed.map((g) => g.goal).join('; ')}` : ''}`);
  return lines;
}
