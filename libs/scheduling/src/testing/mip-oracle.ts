// Test-only: exact optimum of an instance via a MIP solved by HiGHS (WebAssembly).
import type { ScheduleInstance } from '@rueda/formats';
import { loadMipEngine as getHighs } from '../exact/mip';
import { buildModel, isPlaceable } from '../model';

/**
 * Max total weight, by y[m,s] ∈ {0,1}: one slot per meeting, ≤ parallel per participant and
 * slot, ≤ maxMeetings, ≤ tables per slot, each reserved table (fixed or pinned) ≤ 1 per slot,
 * pins fixed. Free meetings can always take the tables left over, so this is exact.
 */
export async function mipOptimum(instance: ScheduleInstance): Promise<number> {
  const highs = await getHighs();
  const model = buildModel(instance);
  const { S, T, M, P, pa, pb, weight, avail, parallel, maxMeetings, resTable, pinSlot } = model;
  const vars: { m: number; s: number; name: string }[] = [];
  for (let m = 0; m < M; m++) {
    if (!isPlaceable(model, m)) continue;
    for (let s = 0; s < S; s++) {
      if (!avail[pa[m] * S + s] || !avail[pb[m] * S + s]) continue;
      if (pinSlot[m] >= 0 && pinSlot[m] !== s) continue;
      vars.push({ m, s, name: `y_${m}_${s}` });
    }
  }
  if (vars.length === 0) return 0;
  const rows: string[] = [];
  const group = (key: (v: { m: number; s: number }) => string | null, cap: (k: string) => number, prefix: string) => {
    const map = new Map<string, string[]>();
    for (const v of vars) {
      const k = key(v);
      if (k === null) continue;
      const list = map.get(k) ?? [];
      list.push(v.name);
      map.set(k, list);
    }
    let i = 0;
    for (const [k, list] of map) rows.push(` ${prefix}${i++}: ${list.join(' + ')} <= ${cap(k)}`);
  };
  group(
    (v) => `${v.m}`,
    () => 1,
    'one',
  );
  for (let p = 0; p < P; p++) {
    group(
      (v) => (pa[v.m] === p || pb[v.m] === p ? `${v.s}` : null),
      () => parallel[p],
      `par${p}_`,
    );
    if (maxMeetings[p] < M)
      group(
        (v) => (pa[v.m] === p || pb[v.m] === p ? 'all' : null),
        () => maxMeetings[p],
        `max${p}_`,
      );
  }
  group(
    (v) => `${v.s}`,
    () => T,
    'tab',
  );
  group(
    (v) => (resTable[v.m] >= 0 ? `${resTable[v.m]}_${v.s}` : null),
    () => 1,
    'res',
  );
  const pinned = vars.filter((v) => pinSlot[v.m] === v.s).map((v) => ` pin${v.m}: ${v.name} = 1`);
  const lp = [
    'Maximize',
    ` obj: ${vars.map((v) => `${weight[v.m]} ${v.name}`).join(' + ')}`,
    'Subject To',
    ...rows,
    ...pinned,
    'Binary',
    ` ${vars.map((v) => v.name).join(' ')}`,
    'End',
  ].join('\n');
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
  if (result.Status !== 'Optimal') throw new Error(`MIP status ${result.Status}`);
  return result.ObjectiveValue;
}
