/**
 * The cold half of the row stager (`src/generated/row-stager.ts`): every value of a row that
 * is not a number for a number column. Kept out of line so that no double ever crosses a
 * call on the stager's hot path.
 *
 * @internal
 * @module
 */

/**
 * Stages `value`, the value of column `column` that is not a number for a number column:
 * an absent (`undefined`) value stages zero (`0n`), a bigint for a bigint column goes to
 * `bigints[column]`, and anything else is a wrong type.
 *
 * @param bad - the first column found with a wrong type so far, or -1.
 * @returns `bad`, or `column` when it is the first wrong type.
 */
export function stageOther(column: number, value: unknown, bigint: Uint8Array, numbers: Float64Array, bigints: bigint[], bad: number): number {
  const isBigint = bigint[column] === 1;
  if (value === undefined) {
    if (isBigint) bigints[column] = 0n;
    else numbers[column] = 0;
    return bad;
  }
  if (typeof value === 'bigint' && isBigint) {
    bigints[column] = value;
    return bad;
  }
  return bad < 0 ? column : bad;
}
