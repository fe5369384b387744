import { ScheduleState } from '../state';
import { SearchContext, WEIGHT_EPS } from './context';
import { improveIdle } from './idle-search';

/**
 * Branch and bound over meetings (heaviest first: place in some slot, or skip), pruned by
 * min(top weights that fit the free tables, half the sum of each participant's best
 * remaining meetings within its free capacity). Used for small instances whose schedule
 * has not met the relaxation bound, to prove or reach the optimum; stops at nodeLimit.
 * Returns true when the search completed (the weight is then optimal).
 */
export function branchAndBoundWeight(ctx: SearchContext, nodeLimit: number): boolean {
  const { model } = ctx;
  const { S, T, P, M, weight, pa, pb, avail, parallel, maxMeetings } = model;
  const st = new ScheduleState(model);
  for (let m = 0; m < M; m++) if (model.pinSlot[m] >= 0) st.place(m, model.pinSlot[m]);
  const list: number[] = [];
  for (let m = 0; m < M; m++) if (model.pinSlot[m] < 0 && ctx.placeable[m]) list.push(m);
  list.sort((x, y) => weight[y] - weight[x] || x - y);
  const n = list.length;
  let bestW = ctx.state.weight;
  let bestSlots: Int32Array | null = null;
  let nodes = 0;
  const capLeft = new Float64Array(P);
  const perP: number[][] = Array.from({ length: P }, () => []);
  const floor = ctx.floor;
  const floorsHold = () => {
    for (let p = 0; p < P; p++) if (st.count[p] < floor[p]) return false;
    return true;
  };
  const feasibleNow = (m: number) => {
    for (let s = 0; s < S; s++) if (st.canPlace(m, s)) return true;
    return false;
  };
  const optimistic = (i: number): number => {
    let free = 0;
    for (let s = 0; s < S; s++) free += T - st.slotCount[s];
    for (let p = 0; p < P; p++) {
      let c = 0;
      for (let s = 0; s < S; s++) if (avail[p * S + s]) c += parallel[p] - st.load[p * S + s];
      capLeft[p] = Math.min(c, maxMeetings[p] - st.count[p]);
      perP[p].length = 0;
    }
    let byTables = 0;
    let taken = 0;
    for (let k = i; k < n; k++) {
      const m = list[k];
      if (!feasibleNow(m)) continue;
      if (taken < free) {
        byTables += weight[m];
        taken++;
      }
      perP[pa[m]].push(weight[m]);
      perP[pb[m]].push(weight[m]);
    }
    let byParticipants = 0;
    for (let p = 0; p < P; p++) {
      const ws = perP[p];
      const c = Math.min(ws.length, capLeft[p]);
      for (let k = 0; k < c; k++) byParticipants += ws[k];
    }
    return Math.min(byTables, byParticipants / 2);
  };
  const dfs = (i: number): void => {
    if (nodes++ > nodeLimit) return;
    if ((nodes & 1023) === 0 && ctx.timeUp()) nodes = nodeLimit + 1;
    if (st.weight > bestW + WEIGHT_EPS && floorsHold()) {
      bestW = st.weight;
      bestSlots = Int32Array.from(st.slotOf);
    }
    if (i >= n || bestW >= ctx.bounds.weightUpperBound - WEIGHT_EPS) return;
    if (st.weight + optimistic(i) <= bestW + WEIGHT_EPS) return;
    const m = list[i];
    for (let s = 0; s < S; s++) {
      if (!st.canPlace(m, s)) continue;
      st.place(m, s);
      dfs(i + 1);
      st.unplace(m);
      if (nodes > nodeLimit) return;
    }
    dfs(i + 1);
  };
  dfs(0);
  if (bestSlots) {
    ctx.restore(bestSlots);
    improveIdle(ctx);
  }
  return nodes <= nodeLimit;
}
