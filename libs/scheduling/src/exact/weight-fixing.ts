import { isPlaceable, Model } from '../model';
import { meetingSlotOf } from './highs-schedule';
import { loadMipEngine } from './mip';

type Highs = Awaited<ReturnType<typeof loadMipEngine>>;

/**
 * Reduced-cost fixing by the proven optimum weight W (in the instance's units): the LP
 * relaxation of "place meetings of most weight" (the placement rows of mip.ts: each meeting at
 * most once, tables, reserved tables, capacities, maxMeetings, pins) is solved once; a
 * meeting–slot pair out of its solution with reduced cost d bounds every schedule using it by
 * z* + d. When that is below W, no weight-optimal schedule uses the pair, so the idle-time proof
 * need not consider it.
 *
 * Why: on small instances whose optimum leaves meetings out, clasp has to rule out every
 * weight-optimal *choice* of meetings through a weak `#sum` row; the LP rules most pairs out at
 * once (small seed 40: 205 of 299 pairs, then clasp proves in 0.2 s what it did not in 200,000
 * conflicts; bench/scheduling/small-proofs.ts).
 *
 * Returns excluded[m·S+s] = 1 for the pairs ruled out, or null when the LP did not solve.
 */
export function weightExcludedPairs(engine: Highs, model: Model, weightScale: number, optimumWeight: number): Uint8Array | null {
  const { S, T, M, P, pa, pb, parallel, maxMeetings, resTable, allowed } = model;
  const weight = Array.from(model.weight, (w) => Math.round(w * weightScale));
  const names: string[] = [];
  const obj: string[] = [];
  const rows: string[] = [];
  const byPart: string[][] = Array.from({ length: P * S }, () => []);
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byRes = new Map<string, string[]>();
  for (let m = 0; m < M; m++) {
    if (!isPlaceable(model, m)) continue;
    const own: string[] = [];
    for (let s = 0; s < S; s++) {
      if (!allowed[m * S + s]) continue;
      const y = `y_${m}_${s}`;
      names.push(y);
      own.push(y);
      obj.push(`${weight[m]} ${y}`);
      byPart[pa[m] * S + s].push(y);
      byPart[pb[m] * S + s].push(y);
      bySlot[s].push(y);
      if (resTable[m] >= 0) (byRes.get(`${resTable[m]}_${s}`) ?? byRes.set(`${resTable[m]}_${s}`, []).get(`${resTable[m]}_${s}`)!).push(y);
      if (model.pinSlot[m] === s) rows.push(` pin_${m}: ${y} = 1`);
    }
    if (own.length > 0) rows.push(` one_${m}: ${own.join(' + ')} <= 1`);
  }
  if (names.length === 0) return null;
  for (let s = 0; s < S; s++) if (bySlot[s].length > T) rows.push(` tab_${s}: ${bySlot[s].join(' + ')} <= ${T}`);
  for (const [k, list] of byRes) if (list.length > 1) rows.push(` res_${k}: ${list.join(' + ')} <= 1`);
  for (let p = 0; p < P; p++) {
    const all: string[] = [];
    for (let s = 0; s < S; s++) {
      const list = byPart[p * S + s];
      all.push(...list);
      if (list.length > parallel[p]) rows.push(` par_${p}_${s}: ${list.join(' + ')} <= ${parallel[p]}`);
    }
    if (maxMeetings[p] < all.length) rows.push(` max_${p}: ${all.join(' + ')} <= ${maxMeetings[p]}`);
  }
  const lp = ['Maximize', ` obj: ${obj.join(' + ')}`, 'Subject To', ...rows, 'Bounds', ...names.map((y) => ` 0 <= ${y} <= 1`), 'End'].join(
    '\n',
  );
  const W = Math.round(optimumWeight * weightScale);
  return engine.withModel({ format: 'lp', data: lp }, (hm) => {
    hm.options.set({ output_flag: false });
    hm.run();
    const code = hm.getModelStatus();
    if (!(code === 7 || String(code) === 'Optimal')) return null;
    const z = hm.getObjectiveValue();
    const { colValue, colDual } = hm.getSolution();
    const excluded = new Uint8Array(M * S);
    // Weights are integers here: a margin far above the LP's tolerances keeps the rule safe.
    for (let i = 0; i < colValue.length; i++) {
      if (colValue[i] > 1e-7 || z + colDual[i] >= W - 1e-4) continue;
      const pair = meetingSlotOf(hm, 'y', i);
      if (pair) excluded[pair[0] * S + pair[1]] = 1;
    }
    return excluded;
  });
}
