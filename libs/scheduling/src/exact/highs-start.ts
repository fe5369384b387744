import type { Model as HighsModel } from 'highs';

/**
 * Hands HiGHS a schedule (slot per meeting) as its first incumbent, through the binary columns
 * named `${prefix}_${meeting}_${slot}`; HiGHS completes the other columns itself.
 */
export function startFromSchedule(hm: HighsModel, prefix: string, start: Int32Array): void {
  const column = new RegExp(`^${prefix}_(\\d+)_(\\d+)$`);
  const indices: number[] = [];
  const values: number[] = [];
  const columns = hm.getLp().numCols;
  for (let i = 0; i < columns; i++) {
    const name = column.exec(hm.getColName(i));
    if (!name) continue;
    indices.push(i);
    values.push(start[Number(name[1])] === Number(name[2]) ? 1 : 0);
  }
  hm.setSolution({ indices, values });
}
