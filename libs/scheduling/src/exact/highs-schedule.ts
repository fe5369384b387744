import type { Model as HighsModel } from 'highs';

/**
 * The MIPs of this folder name their binary columns `${prefix}_${meeting}_${slot}`: the
 * meeting and slot of column `i`, or null for a column of another kind.
 */
export function meetingSlotOf(hm: HighsModel, prefix: string, i: number): [number, number] | null {
  const name = /^([a-z]+)_(\d+)_(\d+)$/.exec(hm.getColName(i));
  return name && name[1] === prefix ? [Number(name[2]), Number(name[3])] : null;
}

/** Hands HiGHS a schedule (slot per meeting) as its first incumbent; HiGHS completes the other columns itself. */
export function startFromSchedule(hm: HighsModel, prefix: string, start: Int32Array): void {
  const indices: number[] = [];
  const values: number[] = [];
  const columns = hm.getLp().numCols;
  for (let i = 0; i < columns; i++) {
    const pair = meetingSlotOf(hm, prefix, i);
    if (!pair) continue;
    indices.push(i);
    values.push(start[pair[0]] === pair[1] ? 1 : 0);
  }
  hm.setSolution({ indices, values });
}

/** The slot per meeting (-1 when unplaced) of HiGHS's current solution. */
export function scheduleOf(hm: HighsModel, prefix: string, meetings: number): Int32Array {
  const slotOf = new Int32Array(meetings).fill(-1);
  const values = hm.getSolution().colValue;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0.5) continue;
    const pair = meetingSlotOf(hm, prefix, i);
    if (pair) slotOf[pair[0]] = pair[1];
  }
  return slotOf;
}
