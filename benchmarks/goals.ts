/**
 * The project's performance goals, checked against measured results. The thresholds are
 * the goals as stated; nothing here is tuned to the results.
 *
 * @module
 */

import { formatCapacity, formatRatio } from './format.js';
import { cellOf, type SpeedResults } from './comparison.js';
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

/** A goal met when `check` passes at every capacity; `check` returns undefined when the run did not measure it. */
function atEveryCapacity(inputs: GoalInputs, goal: string, unmeasured: string, check: (capacity: number) => { text: string; pass: boolean } | undefined): GoalResult {
  const parts: string[] = [];
  let pass = true;
  for (const capacity of inputs.capacities) {
    const result = check(capacity);
    if (result === undefined) return { goal, measured: unmeasured, pass: null };
    parts.push(`${formatCapacity(capacity)}: ${result.text}`);
    if (!result.pass) pass = false;
  }
  return { goal, measured: parts.join(', '), pass };
}

/** F64Vec's ratio to the raw typed array is at most `limit` at every capacity. */
function withinRaw(inputs: GoalInputs, op: OpId, limit: number): GoalResult {
  return atEveryCapacity(inputs, `${SUBJECT} ${operation(op).label} within ${limit}x of the raw typed array`, 'not measured', (capacity) => {
    const cell = cellOf(inputs.speed.cells, SUBJECT, op, capacity);
    return cell && { text: formatRatio(cell.ratio), pass: cell.ratio <= limit };
  });
}

/** F64Vec's ratio is below `other`'s for `op` at every capacity. */
function ahead(inputs: GoalInputs, other: string, op: OpId): GoalResult {
  return atEveryCapacity(inputs, `${SUBJECT} ahead of ${other} on ${operation(op).label}`, `${other} not measured`, (capacity) => {
    const mine = cellOf(inputs.speed.cells, SUBJECT, op, capacity);
    const theirs = cellOf(inputs.speed.cells, other, op, capacity);
    return mine && theirs && { text: `${formatRatio(mine.ratio)} vs ${formatRatio(theirs.ratio)}`, pass: mine.ratio < theirs.ratio };
  });
}

function memoryGoal(inputs: GoalInputs): GoalResult {
  const bytes = (impl: string, capacity: number): number | undefined => inputs.memory.find((m) => m.impl === impl && m.capacity === capacity)?.bytesPerElement;
  return atEveryCapacity(inputs, `${SUBJECT} uses at least 3x less memory per element than ${OPTION_VEC} (f64)`, `${OPTION_VEC} not measured`, (capacity) => {
    const mine = bytes(SUBJECT, capacity);
    const theirs = bytes(OPTION_VEC, capacity);
    if (mine === undefined || theirs === undefined) return undefined;
    const factor = theirs / mine;
    return { text: `${mine.toFixed(2)} vs ${theirs.toFixed(2)} B (${factor.toPrecision(5)}x)`, pass: factor >= 3 };
  });
}

function fasterThanOptionVecEverywhere(inputs: GoalInputs): GoalResult {
  const capacity = inputs.capacities[inputs.capacities.length - 1];
  const goal = `${SUBJECT} faster than ${OPTION_VEC} on every operation at ${formatCapacity(capacity)}`;
  const misses: string[] = [];
  let compared = 0;
  for (const op of OPERATIONS) {
    const mine = cellOf(inputs.speed.cells, SUBJECT, op.id, capacity);
    const theirs = cellOf(inputs.speed.cells, OPTION_VEC, op.id, capacity);
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
