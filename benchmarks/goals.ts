/**
 * The project's performance goals, checked against measured results. The thresholds are
 * the goals as stated; nothing here is tuned to the results.
 *
 * @module
 */

import { formatCapacity, formatRatio } from './format.js';
import type { Cell, SpeedResults } from './comparison.js';
import { IMPLEMENTATIONS } from './implementations.js';
import type { MemoryResult, GcResult } from './memory.js';
import { OPERATIONS, operation, type OpId } from './operations.js';

/** One goal and whether the run met it. */
export interface GoalResult {
  /** The goal, as a sentence. */
  readonly goal: string;
  /** What was measured, per capacity or implementation. */
  readonly measured: string;
  /** `true` met, `false` missed, `null` could not be measured in this run. */
  readonly pass: boolean | null;
}

/** Everything the goals are checked against. */
export interface GoalInputs {
  /** Speed results. */
  readonly speed: SpeedResults;
  /** Bytes per element. */
  readonly memory: readonly MemoryResult[];
  /** Garbage collections in the steady-state loop. */
  readonly gcs: readonly GcResult[];
  /** The capacities measured, smallest first. */
  readonly capacities: readonly number[];
}

const SUBJECT = 'F64Vec';
const OPTION_VEC = 'OptionVec';
const TYPED_VECTORS = IMPLEMENTATIONS.filter((impl) => impl.role === 'typed vector').map((impl) => impl.id);

function cellOf(speed: SpeedResults, impl: string, op: OpId, capacity: number): Cell | undefined {
  return speed.cells.find((c) => c.impl === impl && c.op === op && c.capacity === capacity);
}

/** F64Vec's ratio to the raw typed array is at most `limit` at every capacity. */
function withinRaw(inputs: GoalInputs, op: OpId, limit: number): GoalResult {
  const goal = `${SUBJECT} ${operation(op).label} within ${limit}x of the raw typed array`;
  const parts: string[] = [];
  let pass = true;
  for (const capacity of inputs.capacities) {
    const cell = cellOf(inputs.speed, SUBJECT, op, capacity);
    if (cell === undefined) return { goal, measured: 'not measured', pass: null };
    parts.push(`${formatCapacity(capacity)}: ${formatRatio(cell.ratio)}`);
    if (!(cell.ratio <= limit)) pass = false;
  }
  return { goal, measured: parts.join(', '), pass };
}

/** F64Vec's ratio is below `other`'s for `op` at every capacity. */
function ahead(inputs: GoalInputs, other: string, op: OpId): GoalResult {
  const goal = `${SUBJECT} ahead of ${other} on ${operation(op).label}`;
  const parts: string[] = [];
  let pass = true;
  for (const capacity of inputs.capacities) {
    const mine = cellOf(inputs.speed, SUBJECT, op, capacity);
    const theirs = cellOf(inputs.speed, other, op, capacity);
    if (mine === undefined || theirs === undefined) return { goal, measured: `${other} not measured`, pass: null };
    parts.push(`${formatCapacity(capacity)}: ${formatRatio(mine.ratio)} vs ${formatRatio(theirs.ratio)}`);
    if (!(mine.ratio < theirs.ratio)) pass = false;
  }
  return { goal, measured: parts.join(', '), pass };
}

function memoryGoal(inputs: GoalInputs): GoalResult {
  const goal = `${SUBJECT} uses at least 3x less memory per element than ${OPTION_VEC} (f64)`;
  const parts: string[] = [];
  let pass = true;
  for (const capacity of inputs.capacities) {
    const mine = inputs.memory.find((m) => m.impl === SUBJECT && m.capacity === capacity);
    const theirs = inputs.memory.find((m) => m.impl === OPTION_VEC && m.capacity === capacity);
    if (mine === undefined || theirs === undefined) return { goal, measured: `${OPTION_VEC} not measured`, pass: null };
    const factor = theirs.bytesPerElement / mine.bytesPerElement;
    parts.push(`${formatCapacity(capacity)}: ${mine.bytesPerElement.toFixed(2)} vs ${theirs.bytesPerElement.toFixed(2)} B (${factor.toPrecision(5)}x)`);
    if (!(factor >= 3)) pass = false;
  }
  return { goal, measured: parts.join(', '), pass };
}

function fasterThanOptionVecEverywhere(inputs: GoalInputs): GoalResult {
  const capacity = inputs.capacities[inputs.capacities.length - 1];
  const goal = `${SUBJECT} faster than ${OPTION_VEC} on every operation at ${formatCapacity(capacity)}`;
  const misses: string[] = [];
  let compared = 0;
  for (const op of OPERATIONS) {
    const mine = cellOf(inputs.speed, SUBJECT, op.id, capacity);
    const theirs = cellOf(inputs.speed, OPTION_VEC, op.id, capacity);
    if (mine === undefined || theirs === undefined) continue;
    compared++;
    if (!(mine.ratio < theirs.ratio)) misses.push(`${op.label} ${formatRatio(mine.ratio)} vs ${formatRatio(theirs.ratio)}`);
  }
  if (compared === 0) return { goal, measured: `${OPTION_VEC} not measured`, pass: null };
  return { goal, measured: misses.length === 0 ? `faster on all ${compared} operations` : `slower or equal on: ${misses.join('; ')}`, pass: misses.length === 0 };
}

function zeroGcs(inputs: GoalInputs): GoalResult {
  const goal = 'zero garbage collections for the typed vectors in the steady-state loop';
  const rows = TYPED_VECTORS.map((id) => inputs.gcs.find((g) => g.impl === id));
  if (rows.some((r) => r === undefined)) return { goal, measured: 'not measured', pass: null };
  const found = rows as GcResult[];
  return {
    goal,
    measured: found.map((g) => `${g.impl} ${g.collections}`).join(', ') + ` (over ${found[0].operations.toLocaleString('en-US')} operations each)`,
    pass: found.every((g) => g.collections === 0),
  };
}

/** Checks every goal. */
export function checkGoals(inputs: GoalInputs): GoalResult[] {
  return [
    withinRaw(inputs, 'push', 1.15),
    withinRaw(inputs, 'set', 1.15),
    withinRaw(inputs, 'pop', 1.15),
    withinRaw(inputs, 'get', 1.35),
    memoryGoal(inputs),
    fasterThanOptionVecEverywhere(inputs),
    ahead(inputs, 'Array', 'push'),
    ahead(inputs, 'mnemonist', 'get'),
    ahead(inputs, 'mnemonist', 'sum'),
    zeroGcs(inputs),
  ];
}
