import loadHighs from 'highs';
import { isPlaceable, Model } from '../model';
import { scheduleOf, startFromSchedule } from './highs-schedule';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/** HiGHS (MIP solver, WebAssembly, npm `highs`), loaded once per process. */
export function loadMipEngine(): Promise<Highs> {
  highs ??= loadHighs();
  return highs;
}

export interface MipOptions {
  /** Branch-and-bound nodes HiGHS may explore (its work budget). */
  nodes: number;
  /** Safety cap on the clock. */
  timeLimitSeconds: number;
  /**
   * The optimal total weight, when already proven (in the instance's units): kept as a row, it
   * cuts every fractional choice of meetings below it from the LP, leaving only idle to prove.
   */
  weightFloor?: number;
  /** Meeting–slot pairs no weight-optimal schedule uses (weight-fixing.ts); only with weightFloor. */
  excluded?: Uint8Array;
  /** Slot per meeting (-1 unscheduled) of the best known schedule: HiGHS's first incumbent. */
  start?: Int32Array;
  /** HiGHS's primal heuristics' share of the work (its default 0.05); 0 with a start: only the bound is wanted. */
  heuristicEffort?: number;
}

export interface MipSolution {
  status: string;
  /** Slot per meeting (-1 unscheduled) of HiGHS's best schedule, or null when it found none. */
  slotOf: Int32Array | null;
  /** Best schedule's weight and idle time (NaN when HiGHS found none). */
  weight: number;
  idle: number;
  /** From HiGHS's dual bound: no schedule weighs more. */
  weightUpperBound: number;
  /** From the dual bound: no schedule of weight `weight` has less idle (meaningful once the weight is optimal). */
  idleLowerBound: number;
  /** HiGHS proved its schedule the lexicographic optimum. */
  optimal: boolean;
  /** The clock (the safety cap), not the node budget, ended the search. */
  timeLimited: boolean;
  nodes: number;
  seconds: number;
}

/**
 * The lexicographic problem as one MIP: max B·Σ w·y − idle with B larger than any idle total,
 * so weight comes first (weights scaled to integers). y[m,s] binaries, u[p,s] busy (exactly:
 * y ≤ u ≤ Σ y), breaks = Σ run starts − active participants, holes = available empty slots
 * with a busy slot before and after. Tables are interchangeable except reserved ones, as in
 * ScheduleState. Its LP relaxation gives what clasp lacks on small instances whose weight
 * leaves meetings out: a bound on choosing *which* meetings to place (bench/scheduling/small-proofs.ts).
 */
export function solveMip(engine: Highs, model: Model, weightScale: number, o: MipOptions): MipSolution {
  const { S, T, M, P, pa, pb, avail, parallel, maxMeetings, resTable, allowed } = model;
  const weight = Array.from(model.weight, (w) => Math.round(w * weightScale));
  const B = P * S + 1;
  const ys: { m: number; s: number; name: string }[] = [];
  for (let m = 0; m < M; m++) {
    if (!isPlaceable(model, m)) continue;
    for (let s = 0; s < S; s++) if (allowed[m * S + s] && !o.excluded?.[m * S + s]) ys.push({ m, s, name: `y_${m}_${s}` });
  }
  if (ys.length === 0) {
    const none = { weight: 0, idle: 0, weightUpperBound: 0, idleLowerBound: 0, nodes: 0, seconds: 0 };
    return { ...none, status: 'Optimal', slotOf: new Int32Array(M).fill(-1), optimal: true, timeLimited: false };
  }
  const rows: string[] = [];
  const obj: string[] = [];
  const bins: string[] = ys.map((v) => v.name);
  const push = <K>(map: Map<K, string[]>, k: K, name: string) => (map.get(k) ?? map.set(k, []).get(k)!).push(name);
  const byMeeting = new Map<number, string[]>();
  const byPartSlot = new Map<string, string[]>();
  const bySlot = new Map<number, string[]>();
  const byRes = new Map<string, string[]>();
  for (const v of ys) {
    obj.push(`${B * weight[v.m]} ${v.name}`);
    push(byMeeting, v.m, v.name);
    for (const p of [pa[v.m], pb[v.m]]) push(byPartSlot, `${p}_${v.s}`, v.name);
    push(bySlot, v.s, v.name);
    if (resTable[v.m] >= 0) push(byRes, `${resTable[v.m]}_${v.s}`, v.name);
    if (model.pinSlot[v.m] === v.s) rows.push(` pin_${v.m}: ${v.name} = 1`);
  }
  for (const [m, list] of byMeeting) rows.push(` one_${m}: ${list.join(' + ')} <= 1`);
  if (o.weightFloor !== undefined)
    rows.push(` wfloor: ${ys.map((v) => `${weight[v.m]} ${v.name}`).join(' + ')} >= ${Math.round(o.weightFloor * weightScale)}`);
  for (const [s, list] of bySlot) if (list.length > T) rows.push(` tab_${s}: ${list.join(' + ')} <= ${T}`);
  for (const [k, list] of byRes) if (list.length > 1) rows.push(` res_${k}: ${list.join(' + ')} <= 1`);
  const idleTerms: string[] = [];
  for (let p = 0; p < P; p++) {
    const all: string[] = [];
    for (let s = 0; s < S; s++) {
      const list = byPartSlot.get(`${p}_${s}`) ?? [];
      all.push(...list);
      const u = `u_${p}_${s}`;
      if (list.length === 0) {
        rows.push(` zu_${p}_${s}: ${u} = 0`);
      } else {
        rows.push(` par_${p}_${s}: ${list.join(' + ')} <= ${parallel[p]}`);
        for (const y of list) rows.push(` ub_${y}_${p}: ${u} - ${y} >= 0`);
        rows.push(` lb_${p}_${s}: ${u} - ${list.join(' - ')} <= 0`);
      }
      bins.push(u);
    }
    if (maxMeetings[p] < all.length) rows.push(` max_${p}: ${all.join(' + ')} <= ${maxMeetings[p]}`);
    if (all.length === 0) continue;
    if (model.idleMeasure === 'breaks') {
      // z = run start; a = active; breaks = Σ z − a.
      for (let s = 0; s < S; s++) {
        rows.push(
          s === 0 ? ` st_${p}_${s}: z_${p}_${s} - u_${p}_${s} >= 0` : ` st_${p}_${s}: z_${p}_${s} - u_${p}_${s} + u_${p}_${s - 1} >= 0`,
        );
        idleTerms.push(`z_${p}_${s}`);
      }
      rows.push(` act_${p}: a_${p} - ${Array.from({ length: S }, (_, s) => `u_${p}_${s}`).join(' - ')} <= 0`);
      rows.push(` act1_${p}: a_${p} <= 1`);
      obj.push(`1 a_${p}`);
    } else {
      for (let s = 0; s < S; s++) {
        // b = some meeting before s, f = some meeting after s (their least values, as h is minimised).
        if (s > 0) rows.push(` pre_${p}_${s}: b_${p}_${s} - u_${p}_${s - 1} >= 0`);
        if (s > 1) rows.push(` pre2_${p}_${s}: b_${p}_${s} - b_${p}_${s - 1} >= 0`);
        if (s < S - 1) rows.push(` post_${p}_${s}: f_${p}_${s} - u_${p}_${s + 1} >= 0`);
        if (s < S - 2) rows.push(` post2_${p}_${s}: f_${p}_${s} - f_${p}_${s + 1} >= 0`);
        if (s > 0 && s < S - 1 && avail[p * S + s]) {
          rows.push(` hole_${p}_${s}: h_${p}_${s} - b_${p}_${s} - f_${p}_${s} + u_${p}_${s} >= -1`);
          idleTerms.push(`h_${p}_${s}`);
        }
      }
    }
  }
  for (const t of idleTerms) obj.push(`-1 ${t}`);
  const lp = [
    'Maximize',
    ` obj: ${obj.join(' + ').replace(/\+ -/g, '- ')}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${bins.join(' ')}`,
    'End',
  ].join('\n');
  const started = performance.now();
  return engine.withModel({ format: 'lp', data: lp }, (hm) => {
    hm.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      mip_max_nodes: Math.max(1, Math.round(o.nodes)),
      time_limit: Math.max(0.01, o.timeLimitSeconds),
      ...(o.heuristicEffort === undefined ? {} : { mip_heuristic_effort: o.heuristicEffort }),
    });
    if (o.start) {
      startFromSchedule(hm, 'y', o.start);
    }
    hm.run();
    const code = hm.getModelStatus();
    // HiGHS model status 7 = kOptimal (the wrapper gives the native code).
    const status = code === 7 || String(code) === 'Optimal' ? 'Optimal' : String(code);
    const seconds = (performance.now() - started) / 1000;
    const nodes = Number(hm.info.get('mip_node_count'));
    const objective = Number(hm.info.get('objective_function_value'));
    const dual = Number(hm.info.get('mip_dual_bound'));
    const found = Number.isFinite(objective) && Math.abs(objective) < 1e15;
    // objective = B·W − idle with 0 ≤ idle < B.
    const weightFound = found ? Math.ceil(objective / B - 1e-9) : NaN;
    const idle = found ? Math.round(B * weightFound - objective) : NaN;
    const idleLowerBound = Number.isFinite(dual) ? Math.max(0, Math.ceil(B * weightFound - dual - 1e-6)) : 0;
    // B·W − idle ≤ dual with idle < B gives W ≤ ⌊(dual + B − 1) / B⌋.
    const weightUpperBound = Number.isFinite(dual) ? Math.floor((dual + B - 1) / B + 1e-9) : NaN;
    const slotOf = found ? scheduleOf(hm, 'y', M) : null;
    return {
      status,
      slotOf,
      weight: weightFound / weightScale,
      idle,
      idleLowerBound,
      weightUpperBound: weightUpperBound / weightScale,
      optimal: status === 'Optimal',
      timeLimited: Number(code) === 13,
      nodes,
      seconds,
    };
  });
}
