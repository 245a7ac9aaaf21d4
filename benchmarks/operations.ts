/**
 * The operations the suite measures, with how much work one call of each does.
 *
 * @module
 */

/** Operation ids, in table order. */
export const OPERATION_IDS = [
  'push',
  'get',
  'set',
  'sum',
  'pop',
  'insertFront',
  'removeFront',
  'churn',
  'forOf',
  'extend',
  'view',
  'frame',
  // Measured by the per-engine core table only (`core.ts`), not in the comparison's table:
  'pushPop',
  'dot',
] as const;

/** One operation id. */
export type OpId = (typeof OPERATION_IDS)[number];

/** An operation and the amount of work in one call of its loop. */
export interface Operation {
  /** The id, also the key in every family's loop table. */
  readonly id: OpId;
  /** Short label for tables and the chart. */
  readonly label: string;
  /** What one repetition does, for the method section. */
  readonly description: string;
  /**
   * Whether the loop times itself (its setup, such as refilling before `pop`, is left out
   * of the measurement through tinybench's `overriddenDuration`).
   */
  readonly selfTimed: boolean;
  /** Operations per repetition at `capacity` (the capped front operations do fewer). */
  count(capacity: number): number;
  /** Repetitions per call, so that one call is long enough to time well. */
  reps(capacity: number, elementsPerCall: number): number;
}

/** Front insert/remove are O(length) each: above this capacity only {@link FRONT_OPS_CAP} of them run per call. */
export const FRONT_OPS_FULL_UP_TO = 4096;
/** Insert/remove-at-front operations per call above {@link FRONT_OPS_FULL_UP_TO}. */
export const FRONT_OPS_CAP = 32;

const perElement = (capacity: number): number => capacity;
const fillReps = (capacity: number, elementsPerCall: number): number => Math.max(1, Math.floor(elementsPerCall / capacity));
const frontCount = (capacity: number): number => (capacity <= FRONT_OPS_FULL_UP_TO ? capacity : FRONT_OPS_CAP);
const once = (): number => 1;

/** The operations, in table order. */
export const OPERATIONS: readonly Operation[] = [
  { id: 'push', label: 'push (fill)', description: 'clear(), then push until full', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'get', label: 'get loop', description: 'sum of get(i) for every index', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'set', label: 'set loop', description: 'set(i, x) for every index', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'sum', label: 'sum', description: 'vec.sum() where the implementation has it, else an index loop (marked)', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'pop', label: 'pop (drain)', description: 'pop() until empty; the refill before it is not timed', selfTimed: true, count: perElement, reps: fillReps },
  {
    id: 'insertFront',
    label: 'insert(0)',
    description: `insert(0, x) until full, from empty; above ${FRONT_OPS_FULL_UP_TO} elements only ${FRONT_OPS_CAP} inserts into a vector holding capacity - ${FRONT_OPS_CAP} (O(n) each); setup not timed`,
    selfTimed: true,
    count: frontCount,
    reps: once,
  },
  {
    id: 'removeFront',
    label: 'remove(0)',
    description: `remove(0) from a full vector until empty; above ${FRONT_OPS_FULL_UP_TO} elements only ${FRONT_OPS_CAP} removes; refill not timed`,
    selfTimed: true,
    count: frontCount,
    reps: once,
  },
  {
    id: 'churn',
    label: 'swapRemove churn',
    description: 'particle-system step on a full vector: swapRemove(random live index), then push a new element; counted as one operation per pair',
    selfTimed: false,
    count: perElement,
    reps: fillReps,
  },
  { id: 'forOf', label: 'for...of', description: 'for (const x of vec) sum += x (the raw baseline is its index loop)', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'extend', label: 'extend(typed)', description: 'clear(), then extend from a typed array of the same element type holding capacity elements', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'view', label: 'view() to consumer', description: 'hand view() to a consumer that copies it into a typed array (an upload); counted per element', selfTimed: false, count: perElement, reps: fillReps },
  { id: 'frame', label: 'clear + refill frame', description: 'per-frame pattern: clear(), push until full, hand view() to the consumer; counted per element', selfTimed: false, count: perElement, reps: fillReps },
];

/**
 * Operations only the per-engine core table measures (`core.ts`): the families of the raw
 * baseline, the field reference and the slabvec vectors have loops for them, the others not.
 */
export const CORE_ONLY_OPERATIONS: readonly Operation[] = [
  {
    id: 'pushPop',
    label: 'push+pop',
    description: 'on a full vector, pop() then push(x), once per element: the length goes down and up every step',
    selfTimed: false,
    count: perElement,
    reps: fillReps,
  },
  { id: 'dot', label: 'dot', description: 'vec.dot(b) with b a Float64Array of the same length, against the naive loop', selfTimed: false, count: perElement, reps: fillReps },
];

/** The hot methods, push, get, set and pop: the rows of the field-price table and of the slab table. */
export const HOT_OPERATIONS: readonly Operation[] = OPERATIONS.filter((op) => ['push', 'get', 'set', 'pop'].includes(op.id));

/** Finds an operation by id. */
export function operation(id: OpId): Operation {
  const op = OPERATIONS.find((o) => o.id === id) ?? CORE_ONLY_OPERATIONS.find((o) => o.id === id);
  if (op === undefined) throw new Error(`unknown operation ${id}`);
  return op;
}
