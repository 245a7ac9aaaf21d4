/**
 * Scenario table "table": the row operations of a `Table` against the per-column code they
 * replace. Run it alone with `npm run bench -- --only table`.
 *
 * The schema is a particle's: x, y, vx, vy (`F32Vec`), id (`U32Vec`), kind (`U8Vec`): six
 * columns of three classes. Each row operation runs over a group of rows per call:
 *
 * - spawn: `table.pushRow(record)` for each row (the record from `table.newRow()`), then
 *   `clear()`;
 * - kill: `table.swapRemove(i)` for every third row, walking down; the refill is not timed;
 * - retain: `table.retainRows(keep)` keeping two rows in three; the refill is not timed.
 *
 * Each is measured against two forms of per-column code over six separate vectors of one
 * slab, one `push`/`swapRemove`/`retain` per column: a loop over the columns
 * (`for (c of columns) c.push(values[c])`, what keeps columns
 * aligned without a table, as a helper would write it; its call site sees three classes),
 * which the target applies to (at most 0.8x its time), and the six calls written out one
 * per column (`x.push(..); y.push(..); ...`), each call site seeing one class: the fastest
 * per-column form, shown for reading.
 *
 * @module
 */

import { F32Vec, Slab, Table, U32Vec, U8Vec, type TableRow } from '../src/index.js';
import type { Mode } from './config.js';
import { formatDuration, formatRatio } from './format.js';
import { PRIME_CAPACITY, contender, runCases, timerOverheadMs, type Case, type Progress } from './runner.js';
import { median, pairedRatios } from './stats.js';
import type { TimedState } from './state.js';
import { textTable, type Table as TextTable } from './tables.js';

/** The particle schema of the table. */
const SCHEMA = { x: F32Vec, y: F32Vec, vx: F32Vec, vy: F32Vec, id: U32Vec, kind: U8Vec } as const;

/** A column of the per-column code. */
type Column = F32Vec | U32Vec | U8Vec;

/** What a row loop works on: a table and the same columns as separate vectors. */
interface RowState extends TimedState {
  readonly table: Table<typeof SCHEMA>;
  /** The row every spawn pushes (its x and id change per row), from `table.newRow()`. */
  readonly record: TableRow<typeof SCHEMA>;
  /** The per-column code's columns, in schema order, and by name. */
  readonly columns: readonly Column[];
  readonly x: F32Vec;
  readonly y: F32Vec;
  readonly vx: F32Vec;
  readonly vy: F32Vec;
  readonly id: U32Vec;
  readonly kind: U8Vec;
  /** One row's values in schema order, for the loop over the columns. */
  readonly staged: Float64Array;
  /** Which rows `retain` keeps (1) by index. */
  readonly flags: Uint8Array;
  /** The predicate of `retainRows` and of each column's `retain`: reads `flags`. */
  readonly keepRow: (row: number) => boolean;
  readonly keepElement: (value: number, index: number) => boolean;
  /** Refills the table with the group's rows (untimed, the same values as the spawn loops push). */
  readonly refillTable: () => void;
  /** Refills the separate columns likewise. */
  readonly refillColumns: () => void;
  /** Rows per group. */
  readonly rows: number;
  /** Groups per call. */
  readonly reps: number;
}

// Every loop below fills rows with the same values: x = i / 2, y = 0.25, vx = 1.5, vy = 2.5,
// id = i, kind = 3, so that all contenders compute the same checksum.

function tableSpawn(s: RowState): number {
  const { table, record, rows } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    table.clear();
    for (let i = 0; i < rows; i++) {
      record.x = i * 0.5;
      record.id = i;
      table.pushRow(record);
    }
    acc += table.length + table.cols.x.get(rows - 1);
  }
  return acc;
}

function loopSpawn(s: RowState): number {
  const { columns, staged, rows } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    for (let c = 0; c < columns.length; c++) columns[c].clear();
    for (let i = 0; i < rows; i++) {
      staged[0] = i * 0.5;
      staged[4] = i;
      for (let c = 0; c < columns.length; c++) columns[c].push(staged[c]);
    }
    acc += columns[0].length + columns[0].get(rows - 1);
  }
  return acc;
}

function directSpawn(s: RowState): number {
  const { x, y, vx, vy, id, kind, rows } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    x.clear();
    y.clear();
    vx.clear();
    vy.clear();
    id.clear();
    kind.clear();
    for (let i = 0; i < rows; i++) {
      x.push(i * 0.5);
      y.push(0.25);
      vx.push(1.5);
      vy.push(2.5);
      id.push(i);
      kind.push(3);
    }
    acc += x.length + x.get(rows - 1);
  }
  return acc;
}

function tableKill(s: RowState): number {
  const { table, rows } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillTable();
    const t0 = performance.now();
    for (let i = rows - 1; i >= 0; i--) if (i % 3 === 0) table.swapRemove(i);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += table.length + table.cols.x.get(1) + table.cols.id.get(1);
  }
  return acc;
}

function loopKill(s: RowState): number {
  const { columns, rows } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillColumns();
    const t0 = performance.now();
    for (let i = rows - 1; i >= 0; i--) {
      if (i % 3 === 0) for (let c = 0; c < columns.length; c++) columns[c].swapRemove(i);
    }
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += columns[0].length + columns[0].get(1) + columns[4].get(1);
  }
  return acc;
}

function directKill(s: RowState): number {
  const { x, y, vx, vy, id, kind, rows } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillColumns();
    const t0 = performance.now();
    for (let i = rows - 1; i >= 0; i--) {
      if (i % 3 === 0) {
        x.swapRemove(i);
        y.swapRemove(i);
        vx.swapRemove(i);
        vy.swapRemove(i);
        id.swapRemove(i);
        kind.swapRemove(i);
      }
    }
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += x.length + x.get(1) + id.get(1);
  }
  return acc;
}

function tableRetain(s: RowState): number {
  const { table, keepRow } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillTable();
    const t0 = performance.now();
    table.retainRows(keepRow);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += table.length + table.cols.x.get(1) + table.cols.id.get(1);
  }
  return acc;
}

function loopRetain(s: RowState): number {
  const { columns, keepElement } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillColumns();
    const t0 = performance.now();
    for (let c = 0; c < columns.length; c++) columns[c].retain(keepElement);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += columns[0].length + columns[0].get(1) + columns[4].get(1);
  }
  return acc;
}

function directRetain(s: RowState): number {
  const { x, y, vx, vy, id, kind, keepElement } = s;
  let acc = 0;
  s.elapsed = 0;
  for (let r = 0; r < s.reps; r++) {
    s.refillColumns();
    const t0 = performance.now();
    x.retain(keepElement);
    y.retain(keepElement);
    vx.retain(keepElement);
    vy.retain(keepElement);
    id.retain(keepElement);
    kind.retain(keepElement);
    s.elapsed += performance.now() - t0 - s.overhead;
    acc += x.length + x.get(1) + id.get(1);
  }
  return acc;
}

/** One row of the table: a row operation and its two per-column forms. */
interface RowPair {
  readonly id: string;
  /** The row operation, as the table shows it. */
  readonly operation: string;
  readonly selfTimed: boolean;
  readonly table: (s: RowState) => number;
  readonly loop: (s: RowState) => number;
  readonly direct: (s: RowState) => number;
}

const PAIRS: readonly RowPair[] = [
  { id: 'spawn', operation: 'pushRow(record)', selfTimed: false, table: tableSpawn, loop: loopSpawn, direct: directSpawn },
  { id: 'kill', operation: 'swapRemove(i)', selfTimed: true, table: tableKill, loop: loopKill, direct: directKill },
  { id: 'retain', operation: 'retainRows(keep)', selfTimed: true, table: tableRetain, loop: loopRetain, direct: directRetain },
];

/** Rows per group: a particle system's worth. */
const ROWS = 1024;

/** At most this ratio of the table's time to the loop over the columns. */
const TARGET = 0.8;

/** A fresh state: its own table and its own six vectors (one slab), so that contenders share nothing they write. */
function rowState(rows: number, reps: number): RowState {
  const table = new Table(rows, SCHEMA);
  const record = table.newRow();
  Object.assign(record, { y: 0.25, vx: 1.5, vy: 2.5, kind: 3 });
  const slab = new Slab(Table.bytesFor(rows, SCHEMA));
  const [x, y, vx, vy] = [0, 1, 2, 3].map(() => slab.alloc(F32Vec, rows));
  const id = slab.alloc(U32Vec, rows);
  const kind = slab.alloc(U8Vec, rows);
  const flags = Uint8Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 0 : 1));
  const columns = [x, y, vx, vy, id, kind];
  const staged = Float64Array.of(0, 0.25, 1.5, 2.5, 0, 3);
  const refillTable = (): void => {
    table.clear();
    for (let i = 0; i < rows; i++) {
      record.x = i * 0.5;
      record.id = i;
      table.pushRow(record);
    }
  };
  const refillColumns = (): void => {
    for (const column of columns) column.clear();
    for (let i = 0; i < rows; i++) {
      staged[0] = i * 0.5;
      staged[4] = i;
      for (let c = 0; c < columns.length; c++) columns[c].push(staged[c]);
    }
  };
  return {
    table, record, columns, x, y, vx, vy, id, kind, staged, flags, refillTable, refillColumns,
    keepRow: (row) => flags[row] === 1,
    keepElement: (_value, index) => flags[index] === 1,
    rows, reps, overhead: timerOverheadMs(), elapsed: 0,
  };
}

/** A case: one row operation, the table's form validated against the loop over the columns. */
interface RowCase extends Case {
  readonly pair: RowPair;
}

function rowCases(mode: Mode): RowCase[] {
  const reps = Math.max(1, Math.floor(mode.elementsPerCall / ROWS));
  const primerReps = 4;
  const make = (id: string, loop: (s: RowState) => number, baseline?: string) =>
    contender({ id, loop, state: rowState(ROWS, reps), primer: rowState(PRIME_CAPACITY, primerReps), baseline });
  return PAIRS.map((pair) => ({
    id: `table_${pair.id}`,
    label: pair.operation,
    selfTimed: pair.selfTimed,
    pair,
    contenders: [make('loop', pair.loop), make('direct', pair.direct, 'loop'), make('table', pair.table, 'loop')],
  }));
}

/**
 * Runs the table.
 *
 * @param mode - the run mode (timing, elements per call).
 * @param progress - receives a line per case and round.
 * @returns the table as text, for the console.
 */
export function runRowTable(mode: Mode, progress: Progress): string {
  const text: TextTable = {
    head: ['row operation', 'time/row', 'column loop', 'ratio', 'rounds', 'six calls', 'ratio', 'target', 'met'],
    rows: [],
  };
  const reps = Math.max(1, Math.floor(mode.elementsPerCall / ROWS));
  for (const { case: kase, latencies } of runCases(rowCases(mode), mode, progress, `table, ${ROWS} rows`)) {
    const table = latencies.get('table')!;
    const loop = latencies.get('loop')!;
    const direct = latencies.get('direct')!;
    const vsLoop = pairedRatios(table, loop);
    const vsDirect = pairedRatios(table, direct);
    const perRow = (ms: readonly number[]): string => formatDuration(median(ms) / reps / ROWS);
    text.rows.push([
      `${kase.pair.operation}`, perRow(table), perRow(loop), formatRatio(vsLoop.median), `${formatRatio(vsLoop.low)}-${formatRatio(vsLoop.high)}`,
      perRow(direct), formatRatio(vsDirect.median), `<= ${formatRatio(TARGET)}`, vsLoop.median <= TARGET ? 'yes' : 'NO',
    ]);
  }
  return [
    `table: a 6-column particle table (4 x F32Vec, U32Vec, U8Vec), ${ROWS} rows per group; median over ${mode.rounds} paired rounds of`,
    'the table time / the per-column time. "column loop": one call per column through a loop over the columns (the target applies);',
    '"six calls": the calls written out, one per column (for reading).',
    textTable(text),
  ].join('\n');
}
